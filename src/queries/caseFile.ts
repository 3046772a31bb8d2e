import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { caseDeadlines, cases, courts, documents, events, filings, parties, users } from '../db/schema/index.ts';
import { isCourtOrderDemand, type CourtOrderDemand } from '../domain/courtOrders.ts';
import { COURT_ACT_KINDS } from '../domain/courtActs.ts';

// Spelled out: in a one-table select drizzle leaves column names unqualified, and "id" inside a
// subquery would bind to the subquery's own table.
const CASE_ID = sql.raw('"cases"."id"');

/**
 * The parts of a case file beyond its summary: the terms running in it, its court acts, and
 * the cases linked to it up and down the instances.
 */

/**
 * The terms of a case. The court sees every one; a party (`forParties`: the parties the reader
 * acts for) sees the case's terms and their own, never another party's (an absent party's own
 * appeal term, CPC Art. 403(3)).
 */
export async function deadlinesOf(db: Db, caseId: string, forParties?: readonly string[]) {
  return db
    .select({
      id: caseDeadlines.id,
      kind: caseDeadlines.kind,
      runsFrom: caseDeadlines.runsFrom,
      dueOn: caseDeadlines.dueOn,
      article: caseDeadlines.article,
      concerns: caseDeadlines.concerns,
      closedAt: caseDeadlines.closedAt,
      partyId: caseDeadlines.partyId,
      partyName: parties.displayName,
    })
    .from(caseDeadlines)
    .leftJoin(parties, eq(parties.id, caseDeadlines.partyId))
    .where(
      and(
        eq(caseDeadlines.caseId, caseId),
        forParties === undefined ? undefined : forParties.length === 0 ? isNull(caseDeadlines.partyId) : or(isNull(caseDeadlines.partyId), inArray(caseDeadlines.partyId, [...forParties])),
      ),
    )
    .orderBy(asc(caseDeadlines.dueOn), asc(caseDeadlines.createdAt));
}
export type CaseDeadline = Awaited<ReturnType<typeof deadlinesOf>>[number];

/** The running term of a kind in a case (a court order's objection term), if one is open. */
export async function openDeadline(db: Db, caseId: string, kind: (typeof caseDeadlines.$inferSelect)['kind']) {
  const [term] = await db.select({ dueOn: caseDeadlines.dueOn }).from(caseDeadlines).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, kind), isNull(caseDeadlines.closedAt)));
  return term ?? null;
}

/** Issued acts for everyone who may see the case; the judge also sees their drafts. */
export async function actsOf(db: Db, caseId: string, options: { drafts: boolean }) {
  const signer = alias(users, 'signer');
  return db
    .select({
      id: documents.id,
      kind: documents.kind,
      title: documents.title,
      decisionForm: documents.decisionForm,
      outcome: documents.outcome,
      absentPartyIds: documents.absentPartyIds,
      issuedAt: documents.issuedAt,
      verifyCode: documents.verifyCode,
      createdAt: documents.createdAt,
      signerName: signer.fullName,
    })
    .from(documents)
    .leftJoin(signer, eq(signer.id, documents.signerId))
    .where(and(eq(documents.caseId, caseId), inArray(documents.kind, [...COURT_ACT_KINDS]), options.drafts ? undefined : isNotNull(documents.issuedAt)))
    .orderBy(desc(sql`coalesce(${documents.issuedAt}, ${documents.createdAt})`));
}
export type CourtActRow = Awaited<ReturnType<typeof actsOf>>[number];

/** The demand of CPC Art. 135 an application for a court order names; null when it names none (a paper application). */
export async function courtOrderDemandOf(db: Db, caseId: string): Promise<CourtOrderDemand | null> {
  const [row] = await db
    .select({ demand: sql<string | null>`${filings.fields}->>'courtOrderDemand'` })
    .from(filings)
    .where(and(eq(filings.caseId, caseId), eq(filings.type, 'court_order_application')))
    .limit(1);
  return row?.demand && isCourtOrderDemand(row.demand) ? row.demand : null;
}

/** The case this one reviews, and the cases reviewing it, with their courts. */
export async function linkedCasesOf(db: Db, caseId: string, parentCaseId: string | null) {
  return db
    .select({ id: cases.id, number: cases.number, instance: cases.instance, status: cases.status, parentCaseId: cases.parentCaseId, court: { code: courts.code, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn } })
    .from(cases)
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .where(or(eq(cases.parentCaseId, caseId), parentCaseId ? eq(cases.id, parentCaseId) : undefined))
    .orderBy(asc(cases.instance), asc(cases.filedAt));
}
export type LinkedCase = Awaited<ReturnType<typeof linkedCasesOf>>[number];

/** An issued act for its PDF and its public check: the case, the court and the signer. */
export async function issuedAct(db: Db, where: { documentId: string } | { verifyCode: string }) {
  const signer = alias(users, 'signer');
  const [row] = await db
    .select({ document: documents, case: { id: cases.id, number: cases.number, closedHearing: cases.closedHearing, instance: cases.instance }, court: courts, signerName: signer.fullName })
    .from(documents)
    .innerJoin(cases, eq(cases.id, documents.caseId))
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .leftJoin(signer, eq(signer.id, documents.signerId))
    .where(and('documentId' in where ? eq(documents.id, where.documentId) : eq(documents.verifyCode, where.verifyCode), isNotNull(documents.issuedAt), inArray(documents.kind, [...COURT_ACT_KINDS])));
  return row ?? null;
}
export type IssuedAct = NonNullable<Awaited<ReturnType<typeof issuedAct>>>;

/** The case a document belongs to, for the judge's forms about a draft act; null when there is none. */
export async function caseOfDocument(db: Db, documentId: string): Promise<string | null> {
  const [doc] = await db.select({ caseId: documents.caseId }).from(documents).where(eq(documents.id, documentId));
  return doc?.caseId ?? null;
}

/** Where a document's bytes are kept and what they are, for serving a draft act's text. */
export async function documentFile(db: Db, documentId: string) {
  const [doc] = await db.select({ sha256: documents.sha256, mediaType: documents.mediaType }).from(documents).where(eq(documents.id, documentId));
  return doc ?? null;
}

export const openDeadlines = (rows: CaseDeadline[]) => rows.filter((d) => d.closedAt === null);

/**
 * For appeals left without motion: whether the appellant has filed the fix since, and the last
 * day of the term. A term that passed with no fix makes the appeal due for return by the judge's
 * ruling (CPC Art. 407(1)(1)).
 */
export async function defectsOf(db: Db, caseIds: string[]): Promise<Map<string, { fixFiledAt: Date | null; dueOn: string | null }>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .select({
      caseId: cases.id,
      fixFiledAt: sql<string | null>`(select (extract(epoch from max(f.occurred_at)) * 1000)::bigint::text from ${events} f where f.case_id = ${CASE_ID} and f.type = 'defects_fixed'
        and f.occurred_at >= (select max(l.occurred_at) from ${events} l where l.case_id = ${CASE_ID} and l.type = 'status_changed' and l.data->>'to' = 'left_without_motion'))`,
      dueOn: sql<string | null>`(select max(d.due_on)::text from ${caseDeadlines} d where d.case_id = ${CASE_ID} and d.kind = 'appeal_defects')`,
    })
    .from(cases)
    .where(inArray(cases.id, caseIds));
  return new Map(rows.map((r) => [r.caseId, { fixFiledAt: r.fixFiledAt ? new Date(Number(r.fixFiledAt)) : null, dueOn: r.dueOn }]));
}
