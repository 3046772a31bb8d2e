import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { requestJudgmentCorrection } from '../../commands/judgments.ts';
import { isUuid } from '../../domain/ids.ts';
import { CORRECTION_MAX } from '../../domain/judgments.ts';
import { ERRORS, SotError } from '../../errors.ts';
import { can } from '../../policies/rules.ts';
import { publishedJudgmentsOfCase } from '../../queries/judgments.ts';
import { urls } from '../../urls.ts';
import { JudgmentCorrectionPage } from '../../views/pages/JudgmentCorrectionPage.tsx';
import { readableCase } from './readableCase.ts';

const Params = Type.Object({ caseId: Type.String({ maxLength: 40 }), judgmentId: Type.String({ maxLength: 40 }) });

/**
 * A party of the case (or their accepted representative) asks the court to correct a published
 * judgment of the case; the court answers in its queue (src/routes/court/judgments.tsx).
 */
export const judgmentCorrectionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function render(request: FastifyRequest, reply: FastifyReply, caseId: string, judgmentId: string, options: { error?: string; status?: number; value?: string } = {}) {
    const reader = await readableCase(app, request.principal!, caseId);
    if (!can(request.principal, { action: 'file_in', resource: 'case', relations: reader.relations }) || !isUuid(judgmentId)) throw new SotError('not_found');
    const judgment = (await publishedJudgmentsOfCase(app.db, reader.id)).find((j) => j.id === judgmentId);
    if (!judgment) throw new SotError('not_found');
    const act = request.t(`proceedings.actKind.${judgment.actKind as 'decision'}`);
    const title = request.t('judgments.correction.title', { act });
    return reply.page(
      { title: `${options.error ? `${request.t('error.title')}: ` : ''}${title}`, nav: 'cabinet', ...(options.status ? { status: options.status } : {}) },
      <JudgmentCorrectionPage caseId={reader.id} judgmentId={judgmentId} act={act} error={options.error} value={options.value} />,
    );
  }

  app.get('/cabinet/cases/:caseId/judgments/:judgmentId/correction', { config: { access: 'signed-in' }, schema: { hide: true, params: Params } }, async (request, reply) =>
    render(request, reply, request.params.caseId, request.params.judgmentId),
  );

  app.post(
    '/cabinet/cases/:caseId/judgments/:judgmentId/correction',
    { config: { access: 'signed-in' }, schema: { hide: true, params: Params, body: Type.Object({ _csrf: Type.Optional(Type.String()), note: Type.Optional(Type.String({ maxLength: CORRECTION_MAX * 4 })) }) } },
    async (request, reply) => {
      const { caseId, judgmentId } = request.params;
      const reader = await readableCase(app, request.principal!, caseId);
      if (!can(request.principal, { action: 'file_in', resource: 'case', relations: reader.relations })) throw new SotError('not_found');
      try {
        await requestJudgmentCorrection(app.db, request.principal!, judgmentId, request.body.note ?? '', app.clock());
        return reply.redirect(`${urls.cabinetCase(reader.id)}?correction=sent#judgment-bank`, 303);
      } catch (error) {
        if (!(error instanceof SotError) || error.code === 'not_found') throw error;
        return render(request, reply, caseId, judgmentId, { error: request.t(ERRORS[error.code].message, error.params), status: error.status, value: request.body.note ?? '' });
      }
    },
  );
};
