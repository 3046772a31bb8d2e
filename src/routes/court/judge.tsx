import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { decideAdmission, type AdmissionDecision } from '../../commands/admitCase.ts';
import { ERRORS, SotError } from '../../errors.ts';
import { casesAwaitingAdmission } from '../../queries/registry.ts';
import { urls } from '../../urls.ts';
import { JudgeCasesPage } from '../../views/pages/court/JudgeCasesPage.tsx';
import { isCaseStatus } from '../../domain/caseStatus.ts';
import { defectsOf, judgeCaseload } from '../../queries/caseFile.ts';
import { today } from '../../commands/caseProgress.ts';
import { dueForReturn } from '../../domain/admission.ts';
import type { Principal } from '../../policies/principal.ts';
import { selfAssignmentsToConfirm } from '../../queries/selfAssignments.ts';

const DECISIONS = ['accept', 'return', 'refuse', 'leave-without-motion'] as const;

/** The judge's new cases and the decisions on their admission. */
export const judgeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const judges = { access: ['judge'] } as const;

  async function judgeLists(principal: Principal) {
    const judgeId = principal.userId;
    const [awaiting, caseload, toConfirm] = await Promise.all([casesAwaitingAdmission(app.db, judgeId), judgeCaseload(app.db, judgeId), selfAssignmentsToConfirm(app.db, principal)]);
    const defects = await defectsOf(app.db, awaiting.map((row) => row.caseId));
    const day = today(app.clock());
    const rows = awaiting.map((row) => {
      const d = defects.get(row.caseId);
      return { ...row, fixFiledAt: d?.fixFiledAt ?? null, dueForReturn: dueForReturn({ instance: row.instance, status: row.status, fixBy: d?.dueOn ?? null, fixFiled: !!d?.fixFiledAt }, day) };
    });
    return { rows, caseload, toConfirm };
  }

  app.get('/judge/cases', { config: judges, schema: { hide: true, querystring: Type.Object({ decided: Type.Optional(Type.String({ maxLength: 30 })), confirmed: Type.Optional(Type.String({ maxLength: 5 })) }) } }, async (request, reply) => {
    const decided = request.query.decided && isCaseStatus(request.query.decided) ? request.t(`status.${request.query.decided}`) : null;
    const confirmed = request.query.confirmed === '1' ? request.t('selfAssignment.judge.confirmed') : null;
    return reply.page({ title: request.t('judge.cases.title'), nav: 'judge' }, <JudgeCasesPage {...await judgeLists(request.principal!)} decided={decided} confirmed={confirmed} errors={[]} />);
  });

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
          <JudgeCasesPage {...await judgeLists(request.principal!)} decided={null} errors={[{ field, message: request.t(ERRORS[error.code].message) }]} />,
        );
      }
    },
  );
};
