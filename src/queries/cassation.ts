import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/tx.ts';
import { cases, filings } from '../db/schema/index.ts';
import type { IsoDay } from '../domain/calendar/holidays.ts';
import { CalendarMissingError } from '../domain/calendar/workingDays.ts';
import { cassationAllowed, type CassationFacts, type CassationRefusal, type CassationVerdict } from '../domain/cassation.ts';
import type { CaseStatus } from '../domain/caseStatus.ts';
import { isFilingType, type ClaimantType } from '../domain/filingTypes.ts';
import { parseTengeToTiyn } from '../domain/money.ts';
import { SotError, type ErrorCode } from '../errors.ts';
import { courtDateIso } from '../i18n/format.ts';
import { loadReference } from './reference.ts';

type CaseRow = { id: string; instance: number; status: CaseStatus; category: string; simplified: boolean; parentCaseId: string | null; inForceOn: string | null; filedAt: Date };

const COLUMNS = { id: cases.id, instance: cases.instance, status: cases.status, category: cases.category, simplified: cases.simplified, parentCaseId: cases.parentCaseId, inForceOn: cases.inForceOn, filedAt: cases.filedAt };

/**
 * What the cassation rule needs to know of a case: the first-instance case it grew from, whether
 * its decision in force is the appellate court's (an appellate case in force on or after the day
 * the decision did), and the claim's value and claimant as filed.
 */
export async function cassationFacts(db: Executor, caseId: string): Promise<CassationFacts | null> {
  const [reviewed] = await db.select(COLUMNS).from(cases).where(eq(cases.id, caseId));
  if (!reviewed) return null;
  let first: CaseRow | undefined = reviewed;
  let appellateInForceOn: string | null = null;
  if (reviewed.instance === 2) {
    [first] = reviewed.parentCaseId ? await db.select(COLUMNS).from(cases).where(eq(cases.id, reviewed.parentCaseId)) : [];
    appellateInForceOn = reviewed.status === 'in_force' ? reviewed.inForceOn : null;
  } else if (reviewed.instance === 1 && reviewed.status === 'in_force' && reviewed.inForceOn) {
    // A decision that entered into force when its appeal term ended was not appealed, even if an
    // earlier appellate act sent the case back for the hearing that made it.
    const [appellate] = await db
      .select({ inForceOn: cases.inForceOn })
      .from(cases)
      .where(and(eq(cases.parentCaseId, reviewed.id), eq(cases.instance, 2), eq(cases.status, 'in_force')))
      .orderBy(desc(cases.inForceOn))
      .limit(1);
    if (appellate?.inForceOn && appellate.inForceOn >= reviewed.inForceOn) appellateInForceOn = appellate.inForceOn;
  }
  return {
    instance: reviewed.instance,
    status: reviewed.status,
    category: reviewed.category,
    simplified: first?.simplified ?? false,
    appellateInForceOn: appellateInForceOn as IsoDay | null,
    claim: first ? await claimOf(db, first) : null,
  };
}

/** The claim that started the case, with its value as the claimant stated it. */
async function claimOf(db: Executor, first: CaseRow): Promise<CassationFacts['claim']> {
  const [claim] = await db
    .select({ type: filings.type, fields: filings.fields, filerBin: filings.filerBin })
    .from(filings)
    .where(and(eq(filings.caseId, first.id), eq(filings.status, 'submitted'), eq(filings.type, 'claim')))
    .orderBy(asc(filings.submittedAt))
    .limit(1);
  const filedOn = courtDateIso(first.filedAt) as IsoDay;
  if (!claim || !isFilingType(claim.type)) return null;
  const amount = typeof claim.fields['amount'] === 'string' ? parseTengeToTiyn(claim.fields['amount']) : null;
  const stated = claim.fields['claimantType'];
  const claimantType: ClaimantType = stated === 'legal' || stated === 'individual' ? stated : claim.filerBin ? 'legal' : 'individual';
  return { claimantType, amountTiyn: amount, filedOn };
}

/** The rule's answer for a case today, with the reference values in force. */
export async function cassationVerdict(db: Executor, caseId: string, now: Date): Promise<CassationVerdict | null> {
  const facts = await cassationFacts(db, caseId);
  if (!facts) return null;
  try {
    return cassationAllowed(facts, courtDateIso(now) as IsoDay, await loadReference(db));
  } catch (error) {
    if (error instanceof CalendarMissingError) throw new SotError('calendar_missing', { year: error.year });
    throw error;
  }
}

const REFUSAL_ERROR: Record<CassationRefusal, ErrorCode> = {
  not_in_force: 'review_not_open',
  court_order: 'cassation_court_order',
  simplified: 'cassation_simplified',
  no_appeal: 'cassation_no_appeal',
  below_threshold: 'cassation_below_threshold',
  term_passed: 'cassation_term_passed',
  mci_missing: 'cassation_mci_missing',
};

/** Refuses a cassation complaint the Code does not allow, with the error naming the ground. */
export async function assertCassationAllowed(db: Executor, caseId: string, now: Date): Promise<void> {
  const verdict = await cassationVerdict(db, caseId, now);
  if (!verdict) throw new SotError('case_not_found');
  if (!verdict.ok) throw new SotError(REFUSAL_ERROR[verdict.reason], { article: verdict.article, ...(verdict.year ? { year: verdict.year } : {}), ...(verdict.limitMci ? { limit: verdict.limitMci } : {}) });
}
