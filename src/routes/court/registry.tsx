import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type, { type Static } from 'typebox';
import { registerCase } from '../../commands/registerCase.ts';
import { verifyDraw } from '../../domain/distribution.ts';
import { ERRORS, SotError } from '../../errors.ts';
import { can } from '../../policies/rules.ts';
import { attachedAway, counterCourts, incomingQueue, queueFilter } from '../../queries/office.ts';
import { judgeNames, latestDistribution, registeredCase } from '../../queries/registry.ts';
import { judgmentsWaiting } from '../../queries/judgments.ts';
import { reassignmentAfterDraw } from '../../queries/bench.ts';
import type { FieldError } from '../../views/components/govuk.tsx';
import { urls } from '../../urls.ts';
import { DistributionPage, type CandidateStanding } from '../../views/pages/court/DistributionPage.tsx';
import { RegistryPage } from '../../views/pages/court/RegistryPage.tsx';
import { isUuid } from '../../domain/ids.ts';
import { caseFor } from '../caseAccess.ts';

const CaseId = Type.Object({ caseId: Type.String({ maxLength: 40 }) });

/** The court office's queue of incoming filings and registration, and the distribution protocol the parties see. */
export const registryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const office = { access: ['clerk', 'court_chair'] } as const;

  const QueueQuery = Type.Object({
    registered: Type.Optional(Type.String({ maxLength: 40 })),
    done: Type.Optional(Type.String({ maxLength: 20 })),
    type: Type.Optional(Type.String({ maxLength: 40 })),
    from: Type.Optional(Type.String({ maxLength: 20 })),
    to: Type.Optional(Type.String({ maxLength: 20 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Optional(Type.String({ maxLength: 6 })),
  });

  async function showQueue(request: FastifyRequest, reply: FastifyReply, query: Static<typeof QueueQuery>, registered: { number: string; judge: string } | null, errors: FieldError[], status = 200) {
    const filter = queueFilter(query);
    const queue = await incomingQueue(app.db, request.principal!, filter);
    const title = `${errors.length ? `${request.t('error.title')}: ` : ''}${request.t('court.registry.title')}`;
    const done = query.done === 'received' || query.done === 'attached' ? query.done : null;
    const waiting = can(request.principal, { action: 'view', resource: 'judgment_queue' }) ? await judgmentsWaiting(app.db, request.principal!) : null;
    return reply.page(
      { title, nav: 'court', status },
      <RegistryPage queue={queue} filter={filter} registered={registered} done={done} errors={errors} canEnterPaper={(await counterCourts(app.db, request.principal!)).length > 0} judgmentsWaiting={waiting} />,
    );
  }

  app.get('/court/registry', { config: office, schema: { hide: true, querystring: QueueQuery } }, async (request, reply) => {
    const registeredId = request.query.registered;
    let registered: { number: string; judge: string } | null = null;
    if (registeredId && isUuid(registeredId)) {
      registered = await registeredCase(app.db, registeredId);
    }
    return showQueue(request, reply, request.query, registered, []);
  });

  app.post('/court/cases/:caseId/register', { config: office, schema: { hide: true, params: CaseId, body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    const { caseId } = request.params;
    try {
      await registerCase(app.db, request.principal!, caseId, app.clock());
    } catch (error) {
      // Another clerk may have attached the claim to an existing case meanwhile: its case is gone.
      const code = error instanceof SotError && error.code !== 'not_found' ? error.code : isUuid(caseId) && (await attachedAway(app.db, caseId)) ? 'filing_attached_elsewhere' : null;
      if (code !== 'case_not_awaiting_registration' && code !== 'no_eligible_judge' && code !== 'filing_attached_elsewhere') throw error;
      return showQueue(request, reply, {}, null, [{ field: 'queue', message: request.t(ERRORS[code].message) }], ERRORS[code].status);
    }
    return reply.redirect(urls.registry(caseId), 303);
  });

  app.get('/cabinet/cases/:caseId/distribution', { config: { access: 'signed-in' }, schema: { hide: true, params: CaseId } }, async (request, reply) => {
    const { caseId } = request.params;
    const assignedTo = await caseFor(app, request.principal!, caseId, 'read');
    const found = await latestDistribution(app.db, caseId);
    if (!found) throw new SotError('not_found');
    const protocol = JSON.parse(found.distribution.protocol) as {
      category: string;
      candidates: { judgeId: string; openCases: number; categories: string[]; onLeave: boolean; recused: boolean }[];
      eligible: { judgeId: string; weight: string }[];
    };
    const names = await judgeNames(app.db, protocol.candidates.map((c) => c.judgeId));
    const weights = new Map(protocol.eligible.map((e) => [e.judgeId, e.weight]));
    const standing = (c: (typeof protocol.candidates)[number]): CandidateStanding =>
      c.recused ? 'recused' : c.onLeave ? 'onLeave' : !c.categories.includes(protocol.category) ? 'otherCategory' : 'eligible';
    const reassigned = await reassignmentAfterDraw(app.db, caseId, found.distribution.drawnAt);
    const showAssignment =
      can(request.principal, { action: 'reassign', resource: 'case', courtId: assignedTo.courtId }) ||
      can(request.principal, { action: 'recuse', resource: 'case', courtId: assignedTo.courtId, judgeId: assignedTo.judgeId });
    return reply.page(
      { title: request.t('distribution.title'), nav: 'cabinet' },
      <DistributionPage
        view={{
          caseId,
          caseNumber: found.number,
          judgeName: found.judgeName,
          drawnAt: found.distribution.drawnAt,
          candidates: protocol.candidates.map((c) => ({ name: names.get(c.judgeId) ?? c.judgeId, openCases: c.openCases, weight: weights.get(c.judgeId) ?? null, standing: standing(c) })),
          reassigned,
          showAssignment,
          verified: verifyDraw(found.distribution.protocol),
          protocol: found.distribution.protocol,
          protocolSha256: found.distribution.protocolSha256,
        }}
      />,
    );
  });
};
