import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { decideAdmission, type AdmissionDecision } from '../../commands/admitCase.ts';
import { ERRORS, SotError } from '../../errors.ts';
import { casesAwaitingAdmission } from '../../queries/registry.ts';
import { urls } from '../../urls.ts';
import { JudgeCasesPage } from '../../views/pages/court/JudgeCasesPage.tsx';
import { isCaseStatus } from '../../domain/caseStatus.ts';
import { defectsOf } from '../../queries/caseFile.ts';
import { judgeCaseload } from '../../queries/caseload.ts';
import { CASELOAD_ORDERS, CASELOAD_SHOWS, CASELOAD_SORTS, DEFAULT_CASELOAD_VIEW, SOON_WORKING_DAYS, type CaseloadView } from '../../domain/caseloadView.ts';
import { loadReference } from '../../queries/reference.ts';
import { CalendarMissingError } from '../../domain/calendar/workingDays.ts';
import { today } from '../../commands/caseProgress.ts';
import { addCalendarDays } from '../../domain/calendar/workingDays.ts';
import type { IsoDay } from '../../domain/calendar/holidays.ts';
import { dueForReturn } from '../../domain/admission.ts';
import type { Principal } from '../../policies/principal.ts';
import { selfAssignmentsToConfirm } from '../../queries/selfAssignments.ts';
import { judgmentsWaiting as countJudgmentsWaiting } from '../../queries/judgments.ts';
import { can } from '../../policies/rules.ts';

const DECISIONS = ['accept', 'return', 'refuse', 'leave-without-motion'] as const;

/** The judge's new cases and the decisions on their admission. */
export const judgeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const judges = { access: ['judge'] } as const;

  /** The last day a term may end on to count as due soon; beyond the entered calendar, a week of weekdays is a fair bound. */
  async function soonUntil(day: IsoDay): Promise<string> {
    const { calendar } = await loadReference(app.db);
    try {
      return calendar.addWorkingDays(day, SOON_WORKING_DAYS);
    } catch (error) {
      if (!(error instanceof CalendarMissingError)) throw error;
      return addCalendarDays(day, 7);
    }
  }

  async function judgeLists(principal: Principal, view: CaseloadView) {
    const judgeId = principal.userId;
    const day = today(app.clock());
    const [awaiting, caseload, toConfirm, waiting] = await Promise.all([
      casesAwaitingAdmission(app.db, judgeId),
      judgeCaseload(app.db, judgeId, view, { today: day, soonUntil: await soonUntil(day) }),
      selfAssignmentsToConfirm(app.db, principal),
      can(principal, { action: 'view', resource: 'judgment_queue' }) ? countJudgmentsWaiting(app.db, principal) : null,
    ]);
    const defects = await defectsOf(app.db, awaiting.map((row) => row.caseId));
    const rows = awaiting.map((row) => {
      const d = defects.get(row.caseId);
      return { ...row, fixFiledAt: d?.fixFiledAt ?? null, dueForReturn: dueForReturn({ instance: row.instance, status: row.status, fixBy: d?.dueOn ?? null, fixFiled: !!d?.fixFiledAt }, day) };
    });
    return { rows, caseload: caseload.rows, bounded: caseload.bounded, view, today: day, toConfirm, judgmentsWaiting: waiting };
  }

  app.get(
    '/judge/cases',
    {
      config: judges,
      schema: {
        hide: true,
        // The list's choices are closed sets: anything else is a 400, never a guess.
        querystring: Type.Object({
          decided: Type.Optional(Type.String({ maxLength: 30 })),
          confirmed: Type.Optional(Type.String({ maxLength: 5 })),
          sort: Type.Optional(Type.Enum(CASELOAD_SORTS)),
          order: Type.Optional(Type.Enum(CASELOAD_ORDERS)),
          show: Type.Optional(Type.Enum(CASELOAD_SHOWS)),
        }),
      },
    },
    async (request, reply) => {
      const { sort, order, show } = request.query;
      const view: CaseloadView = { sort: sort ?? DEFAULT_CASELOAD_VIEW.sort, order: order ?? DEFAULT_CASELOAD_VIEW.order, show: show ?? DEFAULT_CASELOAD_VIEW.show };
      const decided = request.query.decided && isCaseStatus(request.query.decided) ? request.t(`status.${request.query.decided}`) : null;
      const confirmed = request.query.confirmed === '1' ? request.t('selfAssignment.judge.confirmed') : null;
      return reply.page({ title: request.t('judge.cases.title'), nav: 'judge' }, <JudgeCasesPage {...await judgeLists(request.principal!, view)} decided={decided} confirmed={confirmed} errors={[]} />);
    },
  );

  app.post(
    '/judge/cases/:caseId/:decision',
    {
      config: judges,
      schema: {
        hide: true,
        params: Type.Object({ caseId: Type.String({ maxLength: 40 }), decision: Type.Enum(DECISIONS) }),
        body: Type.Object({
          _csrf: Type.Optional(Type.String()),
          ground: Type.Optional(Type.String({ maxLength: 40 })),
          reasons: Type.Optional(Type.String({ maxLength: 5000 })),
          defects: Type.Optional(Type.String({ maxLength: 5000 })),
          days: Type.Optional(Type.String({ maxLength: 3 })),
          simplified: Type.Optional(Type.String({ maxLength: 5 })),
        }),
      },
    },
    async (request, reply) => {
      const { caseId, decision } = request.params;
      const body = request.body;
      const chosen: AdmissionDecision =
        decision === 'accept'
          ? { kind: 'accept', simplified: body.simplified === 'yes' }
          : decision === 'return'
            ? { kind: 'return', ...(body.ground ? { ground: body.ground } : {}), reasons: body.reasons ?? '' }
            : decision === 'refuse'
              ? { kind: 'refuse', ground: body.ground ?? '', reasons: body.reasons ?? '' }
              : { kind: 'leave_without_motion', defects: body.defects ?? '', workingDays: Number(body.days ?? '10') };
      try {
        const result = await decideAdmission(app.db, request.principal!, caseId, chosen, app.clock());
        return reply.redirect(urls.judgeCases(result.status), 303);
      } catch (error) {
        if (!(error instanceof SotError) || error.code === 'not_found') throw error;
        const field =
          error.code === 'admission_ground_required'
            ? `${decision}-ground-${caseId}`
            : error.code === 'decision_reason_required'
              ? decision === 'leave-without-motion'
                ? `defects-${caseId}`
                : `${decision}-reasons-${caseId}`
              : `case-${caseId}`;
        return reply.page(
          { title: `${request.t('error.title')}: ${request.t('judge.cases.title')}`, nav: 'judge', status: error.status },
          <JudgeCasesPage {...await judgeLists(request.principal!, DEFAULT_CASELOAD_VIEW)} decided={null} errors={[{ field, message: request.t(ERRORS[error.code].message) }]} />,
        );
      }
    },
  );
};
