/**
 * What a filing in an existing case does to it, inside the submitting transaction. An appeal is
 * filed through the court that decided (CPC Art. 403(1)) and stays there, with the other
 * participants told of it, until that court sends the case up after the appeal term
 * (Art. 405(1)(2), `appealForwarding.ts`); a cassation complaint opens a case at the cassation court for the kind of proceedings, or,
 * against a cassation court's act, a review case at the Supreme Court (a cassation complaint only
 * where the Code allows one: `domain/cassation.ts`); any filing by a party in an appeal left
 * without motion counts as the fix of its defects and brings the appeal back to the judge; a
 * debtor's objection to a court order in time sends the order to the judge for cancellation.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db/tx.ts';
import { caseDeadlines, cases, courts, events, parties } from '../db/schema/index.ts';
import type { FilingType } from '../domain/filingTypes.ts';
import { reviewRoute, type ReviewKind } from '../domain/reviewRouting.ts';
import { SotError } from '../errors.ts';
import { closeDeadlines, today } from './caseProgress.ts';
import { noticeAppealFiled, noticeReviewFiled } from './notices.ts';
import { APPEAL_DEFECTS_TERM } from './admitCase.ts';
import { assertCassationAllowed } from '../queries/cassation.ts';
import { applyObjection } from './courtOrders.ts';
import { appealTermOf } from '../domain/appealTerms.ts';
import { partiesActedFor } from '../queries/partyStanding.ts';
import type { AppealRole } from '../domain/appealForwarding.ts';

const REVIEW_OF: Partial<Record<FilingType, ReviewKind>> = { appeal: 'appeal', cassation_complaint: 'cassation' };

export interface InCaseFiling {
  filingId: string;
  type: FilingType;
  caseId: string;
  talonNumber: string;
  filerId: string;
  /** The BIN of the entity the filer signed for, if any: its appeal term is the filer's. */
  filerBin?: string | null;
}

/**
 * Returns the case the filing's documents belong to: the review case for an appeal or a
 * cassation complaint, else the case it was filed in.
 */
export async function applyInCaseFiling(tx: Tx, filing: InCaseFiling, now: Date): Promise<string> {
  const [lower] = await tx.select().from(cases).where(eq(cases.id, filing.caseId)).for('update');
  if (!lower) throw new SotError('case_not_found');
  const review = REVIEW_OF[filing.type];
  if (review === 'appeal') return receiveAppeal(tx, lower, filing, now);
  // A complaint against a cassation court's act in force goes to the Supreme Court for review.
  if (review) return openReview(tx, lower, review === 'cassation' && lower.instance === 3 ? 'supreme_review' : review, filing, now);
  if (filing.type === 'court_order_objection') {
    await applyObjection(tx, { caseId: lower.id, filingId: filing.filingId, talonNumber: filing.talonNumber, filerId: filing.filerId }, now);
    return lower.id;
  }
  // Filed in the appellate case, it is the fix of an appeal left without motion (CPC Art. 406(2)).
  if (lower.status === 'left_without_motion') {
    await tx.insert(events).values({ caseId: lower.id, type: 'defects_fixed', occurredAt: now, actorId: filing.filerId, data: { filingId: filing.filingId, talonNumber: filing.talonNumber } });
    await closeDeadlines(tx, lower.id, [APPEAL_DEFECTS_TERM], now);
  }
  return lower.id;
}

async function openReview(tx: Tx, lower: typeof cases.$inferSelect, review: ReviewKind, filing: InCaseFiling, now: Date): Promise<string> {
  const courtRows = await tx.select({ id: courts.id, level: courts.level, parentId: courts.parentId, caseKinds: courts.caseKinds }).from(courts);
  const route = reviewRoute(review, lower, courtRows);
  if (!route.ok) throw new SotError(route.reason === 'no_review_court' ? 'review_court_missing' : 'review_not_open');
  if (review === 'cassation') await assertCassationAllowed(tx, lower.id, now);

  const [created] = await tx
    .insert(cases)
    .values({ courtId: route.courtId, kind: lower.kind, category: lower.category, instance: route.instance, status: 'submitted', parentCaseId: lower.id, closedHearing: lower.closedHearing, filedAt: now, statusChangedAt: now, createdAt: now })
    .returning({ id: cases.id });
  const reviewId = created!.id;
  await copyParticipants(tx, lower.id, reviewId, now);
  await tx.insert(events).values({ caseId: reviewId, type: 'status_changed', occurredAt: now, actorId: filing.filerId, data: { from: null, to: 'submitted', reviewOf: lower.id } });
  await recordReviewFiled(tx, lower.id, reviewId, filing, now);
  return reviewId;
}

/**
 * An appeal stays in the first-instance case, in the office queue of the court that decided, and
 * the decision stays in its appeal term: the case goes up only once every party's term has ended
 * (CPC Art. 405(1)(2)). The appellate court must exist now, so a filer is not left waiting for a
 * route the court data does not have. The other participants get notice of it (the copies of
 * Art. 405(1)(1)) and may answer it with a response (Art. 408).
 */
async function receiveAppeal(tx: Tx, lower: typeof cases.$inferSelect, filing: InCaseFiling, now: Date): Promise<string> {
  const courtRows = await tx.select({ id: courts.id, level: courts.level, parentId: courts.parentId, caseKinds: courts.caseKinds }).from(courts);
  const route = reviewRoute('appeal', lower, courtRows);
  if (!route.ok) throw new SotError(route.reason === 'no_review_court' ? 'review_court_missing' : 'review_not_open');
  await assertAppealInTime(tx, lower.id, filing, now);
  await tx.insert(events).values({ caseId: lower.id, type: 'appeal_filed', occurredAt: now, actorId: filing.filerId, data: { filingId: filing.filingId, talonNumber: filing.talonNumber, appellateCourtId: route.courtId } });
  await noticeAppealFiled(tx, lower.id, filing, now);
  return lower.id;
}

/**
 * An appeal after the last day of the filer's term is refused; restoring a missed term is the
 * court's decision on a petition. A party absent from the hearing is held to their own term,
 * from the day the copy was sent to them (CPC Art. 403(3)); everyone else to the case's.
 */
async function assertAppealInTime(tx: Tx, caseId: string, filing: InCaseFiling, now: Date): Promise<void> {
  const open = await tx
    .select({ kind: caseDeadlines.kind, dueOn: caseDeadlines.dueOn, partyId: caseDeadlines.partyId })
    .from(caseDeadlines)
    .where(and(eq(caseDeadlines.caseId, caseId), inArray(caseDeadlines.kind, ['appeal', 'decision_copies_sent']), isNull(caseDeadlines.closedAt)));
  const acted = await partiesActedFor(tx, caseId, { userId: filing.filerId, bin: filing.filerBin ?? null });
  const term = appealTermOf(open, acted.map((p) => p.id));
  if (term !== null && term !== 'not_started' && term.dueOn < today(now)) throw new SotError('appeal_term_passed');
}

async function recordReviewFiled(tx: Tx, lowerId: string, reviewId: string, filing: InCaseFiling, now: Date): Promise<void> {
  const data = { reviewCaseId: reviewId, filingId: filing.filingId, filingType: filing.type, talonNumber: filing.talonNumber };
  await tx.insert(events).values([
    { caseId: lowerId, type: 'review_filed', occurredAt: now, actorId: filing.filerId, data },
    { caseId: reviewId, type: 'filing_submitted', occurredAt: now, actorId: filing.filerId, data: { filingType: filing.type, talonNumber: filing.talonNumber } },
  ]);
  await noticeReviewFiled(tx, lowerId, filing, now);
}

/**
 * The parties of the reviewed case take part in the review as they are, representatives included;
 * in an appellate case each party also gets its standing on appeal (`appealRoles`).
 */
export async function copyParticipants(tx: Tx, fromCase: string, toCase: string, now: Date, appealRoleOf?: ReadonlyMap<string, AppealRole | null>): Promise<void> {
  const rows = await tx.select().from(parties).where(eq(parties.caseId, fromCase));
  const newIds = new Map<string, string>();
  // Parties first, then those who act for them, so each representative points at the copy of its party.
  for (const row of [...rows.filter((r) => !r.representsPartyId), ...rows.filter((r) => r.representsPartyId)]) {
    const { id, caseId: _case, createdAt: _created, representsPartyId, ...rest } = row;
    const [copy] = await tx
      .insert(parties)
      .values({ ...rest, caseId: toCase, representsPartyId: representsPartyId ? (newIds.get(representsPartyId) ?? null) : null, appealRole: appealRoleOf?.get(id) ?? null, createdAt: now })
      .returning({ id: parties.id });
    newIds.set(id, copy!.id);
  }
}
