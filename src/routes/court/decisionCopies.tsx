import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordCopySent } from '../../commands/decisionCopies.ts';
import { ERRORS, SotError } from '../../errors.ts';
import { copiesAwaited } from '../../queries/partyStanding.ts';
import { urls } from '../../urls.ts';
import { DecisionCopiesPage } from '../../views/pages/court/DecisionCopiesPage.tsx';
import { caseFor } from '../caseAccess.ts';

/** Copies of a decision posted to parties absent from the hearing (CPC Art. 403(3)): the court office records the day. */
export const decisionCopyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const office = { access: ['clerk', 'judge'] } as const;
  const CaseParams = Type.Object({ caseId: Type.String({ maxLength: 40 }) });

  async function render(request: FastifyRequest, reply: FastifyReply, caseId: string, options: { done?: boolean; errors?: { field: string; message: string }[]; status?: number; values?: { partyId?: string; sentOn?: string } }) {
    const found = await caseFor(app, request.principal!, caseId, 'send_copy');
    const awaited = await copiesAwaited(app.db, caseId);
    return reply.page(
      { title: `${options.errors?.length ? `${request.t('error.title')}: ` : ''}${request.t('appealTerms.copies.title')} — ${found.number ?? ''}`, nav: 'court', ...(options.status ? { status: options.status } : {}) },
      <DecisionCopiesPage view={{ caseId, caseNumber: found.number, awaited, done: options.done ?? false, values: options.values ?? {} }} errors={options.errors ?? []} />,
    );
  }

  app.get('/court/cases/:caseId/copies', { config: office, schema: { hide: true, params: CaseParams, querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }) } }, async (request, reply) =>
    render(request, reply, request.params.caseId, { done: request.query.done === 'recorded' }),
  );

  app.post(
    '/court/cases/:caseId/copies/:partyId',
    {
      config: office,
      schema: { hide: true, params: Type.Object({ caseId: Type.String({ maxLength: 40 }), partyId: Type.String({ maxLength: 40 }) }), body: Type.Object({ _csrf: Type.Optional(Type.String()), sentOn: Type.Optional(Type.String({ maxLength: 20 })) }) },
    },
    async (request, reply) => {
      const { caseId, partyId } = request.params;
      const sentOn = request.body.sentOn ?? '';
      try {
        await recordCopySent(app.db, request.principal!, caseId, partyId, sentOn, app.clock());
        return reply.redirect(urls.decisionCopies(caseId, 'recorded'), 303);
      } catch (error) {
        if (!(error instanceof SotError) || error.code === 'not_found') throw error;
        return render(request, reply, caseId, { errors: [{ field: `sent-${partyId}`, message: request.t(ERRORS[error.code].message) }], status: error.status, values: { partyId, sentOn } });
      }
    },
  );
};
