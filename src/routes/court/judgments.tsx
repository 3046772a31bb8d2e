import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { answerJudgmentCorrection, publishJudgment, saveJudgmentEdit, withholdJudgment } from '../../commands/judgments.ts';
import type { CaseStatus } from '../../domain/caseStatus.ts';
import type { CourtActKind } from '../../domain/courtActs.ts';
import { isUuid } from '../../domain/ids.ts';
import { actInForce } from '../../domain/judgments.ts';
import { ERRORS, SotError } from '../../errors.ts';
import { judgmentForReview, judgmentQueue } from '../../queries/judgments.ts';
import { urls } from '../../urls.ts';
import type { FieldError } from '../../views/components/govuk.tsx';
import { JudgmentQueuePage, JudgmentReviewPage } from '../../views/pages/court/JudgmentReviewPages.tsx';

const DONE = ['published', 'saved', 'flagsRemain', 'withheld', 'answered'] as const;
type Done = (typeof DONE)[number];

const Params = Type.Object({ id: Type.String({ maxLength: 40 }) });
const ReviewBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  action: Type.Optional(Type.String({ maxLength: 20 })),
  text: Type.Optional(Type.String({ maxLength: 250_000 })),
  reason: Type.Optional(Type.String({ maxLength: 5_000 })),
  flagsChecked: Type.Optional(Type.String({ maxLength: 10 })),
});

/**
 * The court's side of the judgment bank: the judge of the case and the office of its court
 * review the depersonalised text, publish, edit, withhold, and answer correction requests.
 * Anyone else gets 404 for a judgment (the policy decides), and an empty queue.
 */
export const courtJudgmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = { access: ['judge', 'clerk'] } as const;

  app.get('/court/judgments', { config: staff, schema: { hide: true } }, async (request, reply) => {
    const rows = await judgmentQueue(app.db, request.principal!);
    return reply.page({ title: request.t('judgments.court.title'), nav: 'court' }, <JudgmentQueuePage rows={rows} />);
  });

  async function render(request: FastifyRequest, reply: FastifyReply, id: string, options: { done?: string | undefined; errors?: FieldError[]; status?: number; editValue?: string | undefined }) {
    const found = isUuid(id) ? await judgmentForReview(app.db, request.principal!, id) : null;
    if (!found) throw new SotError('not_found');
    const t = request.t;
    const j = found.judgment;
    const done = options.done && (DONE as readonly string[]).includes(options.done) ? t(`judgments.review.${options.done as Done}`) : undefined;
    const errors = options.errors ?? [];
    const title = t('judgments.review.title', { act: t(`proceedings.actKind.${j.actKind as CourtActKind}`), number: j.caseNumber });
    return reply.page(
      { title: `${errors.length ? `${t('error.title')}: ` : ''}${title}`, nav: 'court', ...(options.status ? { status: options.status } : {}) },
      <JudgmentReviewPage
        view={{
          id: j.id,
          caseNumber: j.caseNumber,
          actKind: j.actKind,
          status: j.status,
          text: j.text,
          flags: j.flags,
          inForce: actInForce(j.actKind as CourtActKind, found.caseStatus as CaseStatus),
          reason: j.reason,
          corrections: found.corrections,
          done,
          errors,
          editValue: options.editValue,
        }}
      />,
    );
  }

  app.get('/court/judgments/:id', { config: staff, schema: { hide: true, params: Params, querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }) } }, async (request, reply) =>
    render(request, reply, request.params.id, { done: request.query.done }),
  );

  const fieldOf = (code: keyof typeof ERRORS, fallback: string) => (code === 'judgment_reason_required' ? 'reason' : code === 'judgment_text_required' ? 'text' : fallback);

  app.post('/court/judgments/:id', { config: staff, schema: { hide: true, params: Params, body: ReviewBody } }, async (request, reply) => {
    const { id } = request.params;
    const body = request.body;
    const now = app.clock();
    try {
      if (body.action === 'withhold') {
        await withholdJudgment(app.db, request.principal!, id, body.reason ?? '', now);
        return reply.redirect(`${urls.courtJudgment(id)}?done=withheld`, 303);
      }
      if (body.action === 'save') {
        await saveJudgmentEdit(app.db, request.principal!, id, body.text ?? '', now);
        return reply.redirect(`${urls.courtJudgment(id)}?done=saved`, 303);
      }
      if (body.action === 'publish') {
        // The text as it came back from the form: publishing it unchanged runs the checks again too.
        const result = await publishJudgment(app.db, request.principal!, id, { text: body.text, flagsChecked: body.flagsChecked === 'yes' }, now);
        return reply.redirect(`${urls.courtJudgment(id)}?done=${result === 'published' ? 'published' : 'flagsRemain'}`, 303);
      }
      throw new SotError('invalid_request');
    } catch (error) {
      if (!(error instanceof SotError) || error.code === 'not_found' || error.code === 'invalid_request') throw error;
      return render(request, reply, id, { errors: [{ field: fieldOf(error.code, 'text'), message: request.t(ERRORS[error.code].message, error.params) }], status: error.status, editValue: body.text });
    }
  });

  app.post(
    '/court/judgments/:id/corrections/:correctionId',
    { config: staff, schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 40 }), correctionId: Type.String({ maxLength: 40 }) }), body: ReviewBody } },
    async (request, reply) => {
      const { id, correctionId } = request.params;
      const body = request.body;
      try {
        const answer = body.action === 'correct' ? { action: 'correct' as const, text: body.text ?? '' } : body.action === 'decline' ? { action: 'decline' as const, reason: body.reason ?? '' } : null;
        if (!answer) throw new SotError('invalid_request');
        await answerJudgmentCorrection(app.db, request.principal!, correctionId, answer, app.clock());
        return reply.redirect(`${urls.courtJudgment(id)}?done=answered`, 303);
      } catch (error) {
        if (!(error instanceof SotError) || error.code === 'not_found' || error.code === 'invalid_request') throw error;
        return render(request, reply, id, { errors: [{ field: error.code === 'judgment_reason_required' ? `reason-${correctionId}` : `text-${correctionId}`, message: request.t(ERRORS[error.code].message, error.params) }], status: error.status });
      }
    },
  );
};
