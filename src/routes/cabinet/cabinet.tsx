import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { signOut } from '../../commands/signIn.ts';
import { SotError } from '../../errors.ts';
import { can } from '../../policies/rules.ts';
import { caseForParticipants, casesOf } from '../../queries/cabinet.ts';
import { caseRelations } from '../../queries/caseRelations.ts';
import { partiesActedFor } from '../../queries/partyStanding.ts';
import { filingsOf } from '../../queries/filingForm.ts';
import { latestDistribution } from '../../queries/registry.ts';
import { CabinetCasePage } from '../../views/pages/CabinetCasePage.tsx';
import { CabinetPage } from '../../views/pages/CabinetPage.tsx';
import { isUuid } from '../../domain/ids.ts';
import { actsOf, deadlinesOf, linkedCasesOf } from '../../queries/caseFile.ts';
import { caseDocuments } from '../../queries/caseDocuments.ts';
import { today } from '../../commands/caseProgress.ts';


export const cabinetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/cabinet', { config: { access: 'signed-in' } }, async (request, reply) => {
    const principal = request.principal!;
    const [list, filings] = await Promise.all([casesOf(app.db, principal, app.clock()), filingsOf(app.db, principal.userId)]);
    return reply.page({ title: request.t('cabinet.title'), nav: 'cabinet' }, <CabinetPage name={principal.fullName} bin={principal.bin} cases={list} filings={filings} />);
  });

  app.get(
    '/cabinet/cases/:caseId',
    { config: { access: 'signed-in' }, schema: { hide: true, params: Type.Object({ caseId: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      const { caseId } = request.params;
      // A case the person may not see does not exist for them: 404, never 403.
      if (!isUuid(caseId)) throw new SotError('not_found');
      const relations = await caseRelations(app.db, request.principal!, caseId);
      if (!can(request.principal, { action: 'read', resource: 'case', relations })) throw new SotError('not_found');
      const details = await caseForParticipants(app.db, caseId);
      if (!details) throw new SotError('not_found');
      // The court sees every party's own term; a party sees the case's terms and their own.
      const courtSide = relations.has('court_staff') || relations.has('assigned_judge') || relations.has('higher_court');
      const ownPartyIds = courtSide ? [] : (await partiesActedFor(app.db, caseId, { userId: request.principal!.userId, bin: request.principal!.bin })).map((p) => p.id);
      const [distribution, deadlines, acts, linked, documents] = await Promise.all([
        latestDistribution(app.db, caseId),
        deadlinesOf(app.db, caseId, courtSide ? undefined : ownPartyIds),
        actsOf(app.db, caseId, { drafts: false }),
        linkedCasesOf(app.db, caseId, details.case.parentCaseId),
        caseDocuments(app.db, caseId),
      ]);
      const canAppeal = details.case.status === 'appeal_window' && can(request.principal, { action: 'file_in', resource: 'case', relations });
      const sendsCopies = deadlines.some((d) => d.kind === 'decision_copies_sent' && d.partyId !== null && d.closedAt === null) && can(request.principal, { action: 'send_copy', resource: 'case', courtId: details.case.courtId });
      return reply.page(
        { title: details.case.number ?? request.t('cabinet.notRegistered'), nav: 'cabinet' },
        <CabinetCasePage details={details} file={{ documents, deadlines, acts, linked, today: today(app.clock()), canAppeal, ownPartyIds, sendsCopies }} hasDistribution={distribution !== null} />,
      );
    },
  );

  app.post('/logout', { config: { access: 'signed-in' } }, async (request, reply) => {
    await signOut(app.db, request.sessionIdHash!, request.principal!.userId, app.clock());
    reply.clearSessionCookie();
    return reply.redirect('/', 303);
  });
};
