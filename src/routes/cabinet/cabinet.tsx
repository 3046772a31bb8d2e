import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { signOut } from '../../commands/signIn.ts';
import { SotError } from '../../errors.ts';
import { can } from '../../policies/rules.ts';
import { caseForParticipants, casesOf } from '../../queries/cabinet.ts';
import { partiesActedFor } from '../../queries/partyStanding.ts';
import { filingsOf } from '../../queries/filingForm.ts';
import { latestDistribution } from '../../queries/registry.ts';
import { CabinetCasePage } from '../../views/pages/CabinetCasePage.tsx';
import { publishedJudgmentsOfCase } from '../../queries/judgments.ts';
import { CabinetPage } from '../../views/pages/CabinetPage.tsx';
import { actsOf, deadlinesOf, linkedCasesOf } from '../../queries/caseFile.ts';
import { caseDocuments } from '../../queries/caseDocuments.ts';
import { familiarisationPanelOf, grantedDocumentIds } from '../../queries/familiarisation.ts';
import { today } from '../../commands/caseProgress.ts';
import { cassationVerdict } from '../../queries/cassation.ts';
import { isDebtor } from '../../commands/courtOrders.ts';
import type { Principal } from '../../policies/principal.ts';
import { homeOf } from '../../policies/home.ts';
import type { CaseRelation } from '../../policies/rules.ts';
import type { CaseDeadline } from '../../queries/caseFile.ts';
import type { AlertsPanel, CourtOrderPanel } from '../../views/pages/CabinetCasePage.tsx';
import { followTarget, type FollowTarget } from '../../queries/caseFollows.ts';
import { urls } from '../../urls.ts';
import { caseFor } from '../caseAccess.ts';


/** A calendar not yet entered for the term's end hides the offer; filing says why (calendar_missing). */
function hideWithoutCalendar(error: unknown): null {
  if (error instanceof SotError && error.code === 'calendar_missing') return null;
  throw error;
}

export const cabinetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/home', { config: { access: 'signed-in' }, schema: { hide: true } }, (request, reply) => reply.redirect(homeOf(request.principal!), 303));

  app.get('/cabinet', { config: { access: 'signed-in' } }, async (request, reply) => {
    const principal = request.principal!;
    const [list, filings] = await Promise.all([casesOf(app.db, principal, app.clock()), filingsOf(app.db, principal.userId)]);
    return reply.page({ title: request.t('cabinet.title'), nav: 'cabinet' }, <CabinetPage name={principal.fullName} bin={principal.bin} entity={principal.entity ?? null} cases={list} filings={filings} />);
  });

  app.get(
    '/cabinet/cases/:caseId',
    {
      config: { access: 'signed-in' },
      schema: { hide: true, params: Type.Object({ caseId: Type.String({ maxLength: 100 }) }), querystring: Type.Object({ familiarisation: Type.Optional(Type.String({ maxLength: 10 })), correction: Type.Optional(Type.String({ maxLength: 10 })) }) },
    },
    async (request, reply) => {
      const { caseId } = request.params;
      // A case the person may not see does not exist for them: 404, never 403.
      const { relations } = await caseFor(app, request.principal!, caseId, 'read');
      const details = await caseForParticipants(app.db, caseId);
      if (!details) throw new SotError('not_found');
      // The court sees every party's own term; a party sees the case's terms and their own.
      const courtSide = relations.has('court_staff') || relations.has('assigned_judge') || relations.has('higher_court');
      const ownPartyIds = courtSide ? [] : (await partiesActedFor(app.db, caseId, { userId: request.principal!.userId, bin: request.principal!.bin })).map((p) => p.id);
      // A party reads what the parties read, and what the judge opened to them on their request.
      const participant = relations.has('party') || relations.has('representative');
      const granted = participant ? await grantedDocumentIds(app.db, request.principal!, caseId) : [];
      const [distribution, deadlines, acts, linked, documents] = await Promise.all([
        latestDistribution(app.db, caseId),
        deadlinesOf(app.db, caseId, courtSide ? undefined : ownPartyIds),
        actsOf(app.db, caseId, { drafts: false }),
        linkedCasesOf(app.db, caseId, details.case.parentCaseId),
        caseDocuments(app.db, caseId, granted),
      ]);
      const mayFile = can(request.principal, { action: 'file_in', resource: 'case', relations });
      const canAppeal = details.case.status === 'appeal_window' && mayFile;
      // The complaint is offered only where the Code allows it; the filing is refused on the same rule.
      const cassation = mayFile && details.case.status === 'in_force' && details.case.instance <= 2 ? await cassationVerdict(app.db, caseId, app.clock()).catch(hideWithoutCalendar) : null;
      const courtOrder = details.case.category === 'court_order' ? await courtOrderPanel(request.principal!, details.case, relations, deadlines) : null;
      const sendsCopies = deadlines.some((d) => d.kind === 'decision_copies_sent' && d.partyId !== null && d.closedAt === null) && can(request.principal, { action: 'send_copy', resource: 'case', courtId: details.case.courtId });
      const familiarisation = participant && mayFile ? { ...(await familiarisationPanelOf(app.db, request.principal!, details.case)), openedCount: granted.length, done: request.query.familiarisation === 'sent' } : null;
      const courtFile = can(request.principal, { action: 'read', resource: 'court_file', relations });
      const bank = mayFile ? await publishedJudgmentsOfCase(app.db, caseId) : [];
      const alerts = courtSide ? null : alertsPanelOf(await followTarget(app.db, request.principal!, { caseId }));
      return reply.page(
        { title: details.case.number ?? request.t('cabinet.notRegistered'), nav: 'cabinet' },
        <CabinetCasePage details={details} file={{ documents, deadlines, acts, linked, today: today(app.clock()), canAppeal, cassation, courtOrder, ownPartyIds, sendsCopies, familiarisation, courtFile }} hasDistribution={distribution !== null} bank={{ judgments: bank, sent: request.query.correction === 'sent' }} alerts={alerts} />,
      );
    },
  );

  /** What a court order's case offers its reader: the debtor's objection while the term runs, the office's record of delivery. */
  async function courtOrderPanel(principal: Principal, c: { id: string; courtId: string; status: string }, relations: Set<CaseRelation>, deadlines: CaseDeadline[]): Promise<CourtOrderPanel> {
    const term = deadlines.find((d) => d.kind === 'debtor_objection' && d.closedAt === null) ?? null;
    const day = today(app.clock());
    const debtor = c.status === 'order_issued' && can(principal, { action: 'file_in', resource: 'case', relations }) && (await isDebtor(app.db, principal, c.id));
    return {
      mayObject: debtor && (term === null || term.dueOn >= day),
      objectionDue: term?.dueOn ?? null,
      canRecordDelivery: c.status === 'order_issued' && can(principal, { action: 'serve', resource: 'case', courtId: c.courtId }),
    };
  }

  app.post('/logout', { config: { access: 'signed-in' } }, async (request, reply) => {
    await signOut(app.db, request.sessionIdHash!, request.principal!.userId, app.clock());
    reply.clearSessionCookie();
    return reply.redirect('/', 303);
  });
};

/** What the case page says of the person's alerts: nothing before the case has a number, or when they neither take part nor act for a party. */
function alertsPanelOf(target: FollowTarget | null): AlertsPanel | null {
  if (!target?.takesPart) return null;
  if (target.participant) return { kind: target.follow?.active === false ? 'off' : 'participant', href: urls.followedCase(target.id) };
  return { kind: 'entity', href: urls.followCase(target.number) };
}
