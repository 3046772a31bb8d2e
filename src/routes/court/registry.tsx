import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import Type from 'typebox';
import { registerCase } from '../../commands/registerCase.ts';
import { cases, users } from '../../db/schema/index.ts';
import { verifyDraw } from '../../domain/distribution.ts';
import { ERRORS, SotError } from '../../errors.ts';
import { can } from '../../policies/rules.ts';
import { caseRelations } from '../../queries/caseRelations.ts';
import { judgeNames, latestDistribution, registryQueue } from '../../queries/registry.ts';
import { reassignmentAfterDraw } from '../../queries/bench.ts';
import { urls } from '../../urls.ts';
import { DistributionPage, type CandidateStanding } from '../../views/pages/court/DistributionPage.tsx';
import { RegistryPage } from '../../views/pages/court/RegistryPage.tsx';
import { isUuid } from '../../domain/ids.ts';

const CaseId = Type.Object({ caseId: Type.String({ maxLength: 40 }) });

/** The court office's registry of incoming cases, and the distribution protocol the parties see. */
export const registryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const office = { access: ['clerk', 'court_chair'] } as const;

  app.get('/court/registry', { config: office, schema: { hide: true, querystring: Type.Object({ registered: Type.Optional(Type.String({ maxLength: 40 })) }) } }, async (request, reply) => {
    const registeredId = request.query.registered;
    let registered: { number: string; judge: string } | null = null;
    if (registeredId && isUuid(registeredId)) {
      const [row] = await app.db.select({ number: cases.number, judge: users.fullName }).from(cases).innerJoin(users, eq(users.id, cases.judgeId)).where(eq(cases.id, registeredId));
      if (row?.number) registered = { number: row.number, judge: row.judge };
    }
    return reply.page({ title: request.t('court.registry.title'), nav: 'court' }, <RegistryPage rows={await registryQueue(app.db, request.principal!)} registered={registered} errors={[]} />);
  });

  app.post('/court/cases/:caseId/register', { config: office, schema: { hide: true, params: CaseId, body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    try {
      await registerCase(app.db, request.principal!, request.params.caseId, app.clock());
    } catch (error) {
      if (!(error instanceof SotError) || (error.code !== 'case_not_awaiting_registration' && error.code !== 'no_eligible_judge')) throw error;
      return reply.page(
        { title: `${request.t('error.title')}: ${request.t('court.registry.title')}`, nav: 'court', status: error.status },
        <RegistryPage rows={await registryQueue(app.db, request.principal!)} registered={null} errors={[{ field: 'queue', message: request.t(ERRORS[error.code].message) }]} />,
      );
    }
    return reply.redirect(urls.registry(request.params.caseId), 303);
  });

  app.get('/cabinet/cases/:caseId/distribution', { config: { access: 'signed-in' }, schema: { hide: true, params: CaseId } }, async (request, reply) => {
    const { caseId } = request.params;
    if (!isUuid(caseId)) throw new SotError('not_found');
    if (!can(request.principal, { action: 'read', resource: 'case', relations: await caseRelations(app.db, request.principal!, caseId) })) throw new SotError('not_found');
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
    const [assignedTo] = await app.db.select({ courtId: cases.courtId, judgeId: cases.judgeId }).from(cases).where(eq(cases.id, caseId));
    const showAssignment =
      !!assignedTo &&
      (can(request.principal, { action: 'reassign', resource: 'case', courtId: assignedTo.courtId }) ||
        can(request.principal, { action: 'recuse', resource: 'case', courtId: assignedTo.courtId, judgeId: assignedTo.judgeId }));
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
