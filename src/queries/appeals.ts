/**
 * Where an appeal stands as the court that decided handles it: the court that will hear it, and
 * whether it still waits for the appeal term of every party to end (CPC Art. 405(1)(2)) or has
 * gone up with the case.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseDeadlines, cases, courts } from '../db/schema/index.ts';

export interface CourtNames {
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

export interface AppealStanding {
  /** The parent of the court that decided; null where the court data names none. */
  appellateCourt: CourtNames | null;
  /** The appellate case it went up in, once the first court sent it. */
  forwarded: { caseId: string; caseNumber: string | null } | null;
  /** While it waits: the last day of the latest appeal term still open, and whether a copy is yet to be sent to an absent party. */
  termUntil: string | null;
  copyAwaited: boolean;
}

export async function appealStanding(db: Db, filing: { type: string; caseId: string | null; forwardedCaseId: string | null }): Promise<AppealStanding | null> {
  if (filing.type !== 'appeal' || !filing.caseId) return null;
  const [lower] = await db.select({ courtId: cases.courtId, instance: cases.instance }).from(cases).where(eq(cases.id, filing.caseId));
  if (!lower || lower.instance !== 1) return null;
  const [court] = await db.select({ parentId: courts.parentId }).from(courts).where(eq(courts.id, lower.courtId));
  const [parent] = court?.parentId ? await db.select({ nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn }).from(courts).where(eq(courts.id, court.parentId)) : [];
  const forwarded = filing.forwardedCaseId ? ((await db.select({ caseId: cases.id, caseNumber: cases.number }).from(cases).where(eq(cases.id, filing.forwardedCaseId)))[0] ?? null) : null;
  const open = forwarded
    ? []
    : await db
        .select({ kind: caseDeadlines.kind, dueOn: caseDeadlines.dueOn, partyId: caseDeadlines.partyId })
        .from(caseDeadlines)
        .where(and(eq(caseDeadlines.caseId, filing.caseId), inArray(caseDeadlines.kind, ['appeal', 'decision_copies_sent']), isNull(caseDeadlines.closedAt)));
  const until = open.filter((term) => term.kind === 'appeal').reduce<string | null>((last, term) => (last === null || term.dueOn > last ? term.dueOn : last), null);
  return { appellateCourt: parent ?? null, forwarded, termUntil: until, copyAwaited: open.some((term) => term.kind === 'decision_copies_sent' && term.partyId !== null) };
}
