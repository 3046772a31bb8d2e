import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { addAbsence, removeAbsence, setJudgeCategories } from '../../commands/bench.ts';
import { reassignCase, recuseJudge } from '../../commands/reassignCase.ts';
import { courtCategories, eligibleForReassignment, isReassignable } from '../../domain/bench.ts';
import { isUuid } from '../../domain/ids.ts';
import { ERRORS, SotError, type ErrorCode } from '../../errors.ts';
import { courtDateIso } from '../../i18n/format.ts';
import { can } from '../../policies/rules.ts';
import { absenceOf, benchOf, caseForAssignment, chairedCourts, courtIdByCode, courtsByIds, distributionHistory, drawCandidates } from '../../queries/bench.ts';
import { judgeNames } from '../../queries/registry.ts';
import { pendingSelfAssignment } from '../../queries/selfAssignments.ts';
import { urls } from '../../urls.ts';
import type { FieldError } from '../../views/components/govuk.tsx';
import { AssignmentPage, type AssignmentView } from '../../views/pages/court/AssignmentPage.tsx';
import { BenchPage, type BenchView } from '../../views/pages/court/BenchPage.tsx';
import { caseFor } from '../caseAccess.ts';

const Csrf = { _csrf: Type.Optional(Type.String()) };
const CourtCode = Type.String({ maxLength: 10 });
const JudgeId = Type.Object({ judgeId: Type.String({ maxLength: 40 }) });
const CaseId = Type.Object({ caseId: Type.String({ maxLength: 40 }) });
const BENCH_DONE = ['categories', 'absence-added', 'absence-removed'] as const;

/** Which field of the absence form an error belongs to, so the message sits next to it. */
const ABSENCE_FIELD: Partial<Record<ErrorCode, 'from' | 'to' | 'reason'>> = {
  absence_dates_invalid: 'from',
  absence_in_past: 'from',
  absence_overlaps: 'from',
  absence_ends_before_start: 'to',
  absence_too_long: 'to',
  absence_reason_invalid: 'reason',
};

/** Errors a person can fix on the page; anything else (not found above all) goes to the error page. */
function fixable(error: unknown): error is SotError {
  return error instanceof SotError && error.code !== 'not_found';
}

/**
 * The court chair's bench (judges' categories and absences), the case's assignment page with
 * its history, the chair's reassignment and the judge's recusal.
 */
export const benchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const chair = { access: ['court_chair'] } as const;

  async function renderBench(
    request: FastifyRequest,
    reply: FastifyReply,
    courtCode: string | undefined,
    extra: { notice?: string | null; errors?: FieldError[]; status?: number; absenceInput?: BenchView['absenceInput'] } = {},
  ) {
    const chaired = await courtsByIds(app.db, chairedCourts(request.principal!));
    const court = courtCode === undefined ? chaired[0] : chaired.find((c) => c.code === courtCode);
    if (!court) throw new SotError('not_found');
    const today = courtDateIso(app.clock());
    const view: BenchView = {
      court,
      otherCourts: chaired.filter((c) => c.id !== court.id),
      categories: courtCategories(court.kinds),
      judges: await benchOf(app.db, court.id, today),
      today,
      notice: extra.notice ?? null,
      errors: extra.errors ?? [],
      ...(extra.absenceInput ? { absenceInput: extra.absenceInput } : {}),
    };
    const title = extra.errors?.length ? `${request.t('error.title')}: ${request.t('bench.title')}` : request.t('bench.title');
    return reply.page({ title, nav: 'court', ...(extra.status ? { status: extra.status } : {}) }, <BenchPage view={view} />);
  }

  async function courtIdOf(code: string): Promise<string> {
    const id = await courtIdByCode(app.db, code);
    if (!id) throw new SotError('not_found');
    return id;
  }

  app.get(
    '/court/judges',
    { config: chair, schema: { hide: true, querystring: Type.Object({ court: Type.Optional(CourtCode), done: Type.Optional(Type.String({ maxLength: 30 })) }) } },
    async (request, reply) => {
      const done = BENCH_DONE.find((d) => d === request.query.done);
      const notice = done === 'categories' ? 'bench.done.categories' : done === 'absence-added' ? 'bench.done.absenceAdded' : done === 'absence-removed' ? 'bench.done.absenceRemoved' : null;
      return renderBench(request, reply, request.query.court, { notice: notice ? request.t(notice) : null });
    },
  );

  app.post(
    '/court/judges/:judgeId/categories',
    {
      config: chair,
      schema: { hide: true, params: JudgeId, body: Type.Object({ ...Csrf, court: CourtCode, categories: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 40 })])) }) },
    },
    async (request, reply) => {
      const { judgeId } = request.params;
      const chosen = request.body.categories;
      try {
        const courtId = await courtIdOf(request.body.court);
        await setJudgeCategories(app.db, request.principal!, { courtId, judgeId, categories: chosen === undefined ? [] : Array.isArray(chosen) ? chosen : [chosen] }, app.clock());
      } catch (error) {
        if (!fixable(error)) throw error;
        return renderBench(request, reply, request.body.court, { status: error.status, errors: [{ field: `categories-${judgeId}`, message: request.t(ERRORS[error.code].message) }] });
      }
      return reply.redirect(urls.bench(request.body.court, 'categories'), 303);
    },
  );

  app.post(
    '/court/judges/:judgeId/absences',
    {
      config: chair,
      schema: {
        hide: true,
        params: JudgeId,
        body: Type.Object({ ...Csrf, court: CourtCode, from: Type.String({ maxLength: 20 }), to: Type.String({ maxLength: 20 }), reason: Type.String({ maxLength: 20 }) }),
      },
    },
    async (request, reply) => {
      const { judgeId } = request.params;
      const { court, from, to, reason } = request.body;
      try {
        const courtId = await courtIdOf(court);
        await addAbsence(app.db, request.principal!, { courtId, judgeId, startsOn: from, endsOn: to, reason }, app.clock());
      } catch (error) {
        if (!fixable(error)) throw error;
        const field = ABSENCE_FIELD[error.code] ?? 'from';
        return renderBench(request, reply, court, {
          status: error.status,
          errors: [{ field: `${field}-${judgeId}`, message: request.t(ERRORS[error.code].message) }],
          absenceInput: { judgeId, from, to, reason },
        });
      }
      return reply.redirect(urls.bench(court, 'absence-added'), 303);
    },
  );

  app.post(
    '/court/absences/:absenceId/remove',
    { config: chair, schema: { hide: true, params: Type.Object({ absenceId: Type.String({ maxLength: 40 }) }), body: Type.Object(Csrf) } },
    async (request, reply) => {
      const { absenceId } = request.params;
      if (!isUuid(absenceId)) throw new SotError('not_found');
      const found = await absenceOf(app.db, absenceId);
      if (!found) throw new SotError('not_found');
      try {
        await removeAbsence(app.db, request.principal!, absenceId, app.clock());
      } catch (error) {
        if (!fixable(error)) throw error;
        return renderBench(request, reply, found.code, { status: error.status, errors: [{ field: `judge-${found.judgeId}`, message: request.t(ERRORS[error.code].message) }] });
      }
      return reply.redirect(urls.bench(found.code, 'absence-removed'), 303);
    },
  );

  /**
   * The assignment page: for the chair of the case's court, and for the judge who has the case.
   * Anyone else gets the same 404 as for a case that does not exist.
   */
  async function renderAssignment(
    request: FastifyRequest,
    reply: FastifyReply,
    caseId: string,
    extra: { notice?: string | null; errors?: FieldError[]; status?: number; typed?: AssignmentView['typed'] } = {},
  ) {
    const principal = request.principal!;
    const found = await caseFor(app, principal, caseId, 'assignment');
    const mayReassign = can(principal, { action: 'reassign', resource: 'case', courtId: found.courtId });
    const mayRecuse = can(principal, { action: 'recuse', resource: 'case', courtId: found.courtId, judgeId: found.judgeId });
    const open = isReassignable(found.status) && found.judgeId !== null;
    let reassignTo: AssignmentView['reassignTo'] = null;
    if (mayReassign && open) {
      const candidates = await drawCandidates(app.db, { courtId: found.courtId, caseId, day: courtDateIso(app.clock()) });
      const eligible = eligibleForReassignment(candidates, found.category, found.judgeId);
      const names = await judgeNames(app.db, eligible);
      reassignTo = eligible.map((id) => ({ value: id, label: names.get(id) ?? id })).sort((a, b) => a.label.localeCompare(b.label));
    }
    const view: AssignmentView = {
      caseId,
      number: found.number,
      category: found.category,
      status: found.status,
      judgeId: found.judgeId,
      judgeName: found.judgeName,
      history: await distributionHistory(app.db, caseId),
      open,
      reassignTo,
      mayRecuse,
      pendingSelf: open ? await pendingSelfAssignment(app.db, caseId) : null,
      notice: extra.notice ?? null,
      errors: extra.errors ?? [],
      ...(extra.typed ? { typed: extra.typed } : {}),
    };
    const title = extra.errors?.length ? `${request.t('error.title')}: ${request.t('assignment.title')}` : request.t('assignment.title');
    return reply.page({ title, nav: 'court', ...(extra.status ? { status: extra.status } : {}) }, <AssignmentPage view={view} />);
  }

  app.get(
    '/court/cases/:caseId/assignment',
    { config: { access: ['court_chair', 'judge'] }, schema: { hide: true, params: CaseId, querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }) } },
    async (request, reply) => {
      const { caseId } = request.params;
      let notice: string | null = null;
      const done = request.query.done;
      if ((done === 'reassigned' || done === 'proposed') && isUuid(caseId)) {
        const found = await caseForAssignment(app.db, caseId);
        if (found?.judgeName) notice = request.t(done === 'reassigned' ? 'assignment.done.reassigned' : 'selfAssignment.proposed', { judge: found.judgeName });
      }
      if (done === 'withdrawn') notice = request.t('selfAssignment.withdrawn');
      return renderAssignment(request, reply, caseId, { notice });
    },
  );

  app.post(
    '/court/cases/:caseId/reassign',
    {
      config: chair,
      schema: {
        hide: true,
        params: CaseId,
        body: Type.Object({ ...Csrf, current: Type.String({ maxLength: 40 }), judgeId: Type.String({ maxLength: 40 }), reason: Type.String({ maxLength: 5000 }) }),
      },
    },
    async (request, reply) => {
      const { caseId } = request.params;
      const { current, judgeId, reason } = request.body;
      let pending = false;
      try {
        ({ pending } = await reassignCase(app.db, request.principal!, caseId, { judgeId, expectedJudgeId: current, reason }, app.clock()));
      } catch (error) {
        if (!fixable(error)) throw error;
        return renderAssignment(request, reply, caseId, {
          status: error.status,
          errors: [{ field: error.code === 'assignment_reason_required' ? 'reason' : 'judge', message: request.t(ERRORS[error.code].message) }],
          typed: { judgeId, reason },
        });
      }
      return reply.redirect(urls.assignment(caseId, pending ? 'proposed' : 'reassigned'), 303);
    },
  );

  app.post(
    '/judge/cases/:caseId/recuse',
    { config: { access: ['judge'] }, schema: { hide: true, params: CaseId, body: Type.Object({ ...Csrf, reason: Type.String({ maxLength: 5000 }) }) } },
    async (request, reply) => {
      const { caseId } = request.params;
      try {
        await recuseJudge(app.db, request.principal!, caseId, request.body.reason, app.clock());
      } catch (error) {
        if (!fixable(error)) throw error;
        return renderAssignment(request, reply, caseId, {
          status: error.status,
          errors: [{ field: 'recusal', message: request.t(ERRORS[error.code].message) }],
          typed: { recusal: request.body.reason },
        });
      }
      // The case is no longer theirs, so its assignment page is not theirs to see either.
      return reply.redirect(urls.judgeCases(), 303);
    },
  );
};
