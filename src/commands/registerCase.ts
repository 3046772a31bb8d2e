/**
 * Registering a submitted case in the court office: it gets its number and, in the same
 * transaction, a judge by automatic distribution. Both are compare-and-set on the case's status,
 * recorded on the timeline and in the audit log.
 */
import { and, eq, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { allocateCaseNumber } from '../db/caseNumbers.ts';
import type { Tx } from '../db/tx.ts';
import { caseDistributions, cases, courts, events, userRoles } from '../db/schema/index.ts';
import { NUMBER_CATEGORY_CODES } from '../domain/caseNumber.ts';
import type { CaseKind, Instance } from '../domain/caseKinds.ts';
import { drawJudge, NoEligibleJudgeError, type Candidate } from '../domain/distribution.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { isUuid } from '../domain/ids.ts';
import { courtYear } from '../i18n/format.ts';

export interface Registration {
  caseId: string;
  number: string;
  judgeId: string;
}

/**
 * The court's judges as the draw sees them. Until judges' specialisations and absences are
 * kept, every judge of the court hears every category and nobody is away.
 */
async function candidatesOf(tx: Tx, courtId: string, category: string): Promise<Candidate[]> {
  const rows = await tx.execute<{ judge_id: string; open_cases: number }>(sql`
    select r.user_id as judge_id,
           (select count(*)::int from ${cases} c
             where c.judge_id = r.user_id and c.status not in ('in_force', 'archived', 'returned')) as open_cases
      from ${userRoles} r
     where r.role = 'judge' and r.court_id = ${courtId}`);
  return rows.rows.map((row) => ({ judgeId: row.judge_id, categories: [category], onLeave: false, recused: false, openCases: Number(row.open_cases) }));
}

export async function registerCase(db: Db, principal: Principal, caseId: string, now: Date): Promise<Registration> {
  if (!isUuid(caseId)) throw new SotError('not_found');
  const [found] = await db.select({ courtId: cases.courtId }).from(cases).where(eq(cases.id, caseId));
  if (!found || !can(principal, { action: 'register', resource: 'case', courtId: found.courtId })) throw new SotError('not_found');
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: cases.id, status: cases.status, kind: cases.kind, category: cases.category, instance: cases.instance, courtCode: courts.code })
      .from(cases)
      .innerJoin(courts, eq(courts.id, cases.courtId))
      .where(eq(cases.id, caseId))
      .for('update', { of: cases });
    if (locked!.status !== 'submitted') throw new SotError('case_not_awaiting_registration');
    const year = courtYear(now);
    const number = await allocateCaseNumber(tx, {
      courtId: found.courtId,
      courtCode: locked!.courtCode,
      year,
      categoryCode: NUMBER_CATEGORY_CODES[locked!.kind as CaseKind][locked!.instance as Instance],
    });
    // The seed is fixed before the draw and kept with the result: the draw can be re-run, not re-rolled.
    const seed = randomBytes(32).toString('hex');
    let draw;
    try {
      draw = drawJudge({ caseId, category: locked!.category, candidates: await candidatesOf(tx, found.courtId, locked!.category), seed });
    } catch (error) {
      if (error instanceof NoEligibleJudgeError) throw new SotError('no_eligible_judge');
      throw error;
    }
    const updated = await tx
      .update(cases)
      .set({ number, status: 'assigned', judgeId: draw.judgeId, registeredAt: now, statusChangedAt: now })
      .where(and(eq(cases.id, caseId), eq(cases.status, 'submitted')))
      .returning({ id: cases.id });
    if (updated.length === 0) throw new SotError('case_not_awaiting_registration');
    await tx.insert(caseDistributions).values({ caseId, judgeId: draw.judgeId, seed, protocol: draw.protocol, protocolSha256: draw.protocolSha256, drawnAt: now });
    await tx.insert(events).values([
      { caseId, type: 'status_changed', occurredAt: now, actorId: principal.userId, data: { from: 'submitted', to: 'registered', number } },
      { caseId, type: 'status_changed', occurredAt: now, actorId: null, data: { from: 'registered', to: 'assigned' } },
      { caseId, type: 'judge_assigned', occurredAt: now, actorId: null, data: { judgeId: draw.judgeId, protocol: draw.protocolSha256 } },
    ]);
    await appendAudit(tx, { actorId: principal.userId, action: 'case.registered', entityType: 'case', entityId: caseId, data: { number, judgeId: draw.judgeId, protocol: draw.protocolSha256 } }, now);
    return { caseId, number, judgeId: draw.judgeId };
  });
}
