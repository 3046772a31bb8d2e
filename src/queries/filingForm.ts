import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, courts, filingAttachments, filings, payments, regions } from '../db/schema/index.ts';
import type { CaseCategory } from '../domain/caseKinds.ts';
import type { FilingFields } from '../domain/filingFields.ts';
import { startsCase } from '../domain/filingTypes.ts';
import type { Filing, FilingAttachment } from '../commands/filings.ts';

export interface FilingPageData {
  filing: Filing;
  fields: FilingFields;
  attachments: FilingAttachment[];
  court: { id: string; code: string; nameKk: string; nameRu: string; nameEn: string } | null;
  caseNumber: string | null;
  /** The category the duty and the questions follow: the case's, or the one the filer chose. */
  category: CaseCategory | undefined;
  payments: (typeof payments.$inferSelect)[];
  /** An appeal: the court that will hear it, the parent of the court that decided, through which it is filed (CPC Arts 402, 403(1)). */
  appellateCourt?: { code: string; nameKk: string; nameRu: string; nameEn: string } | null;
}

/** Everything a page of the filing form shows about the filing. */
export async function filingPageData(db: Db, filing: Filing): Promise<FilingPageData> {
  const [placement] = await db
    .select({ courtId: courts.id, code: courts.code, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn, parentId: courts.parentId, caseNumber: cases.number, caseCategory: cases.category })
    .from(filings)
    .leftJoin(courts, eq(courts.id, filings.courtId))
    .leftJoin(cases, eq(cases.id, filings.caseId))
    .where(eq(filings.id, filing.id));
  const attachments = await db.select().from(filingAttachments).where(eq(filingAttachments.filingId, filing.id)).orderBy(asc(filingAttachments.createdAt), asc(filingAttachments.id));
  const paid = await db.select().from(payments).where(eq(payments.filingId, filing.id)).orderBy(desc(payments.createdAt));
  const fields = filing.fields as FilingFields;
  const ownCase = startsCase(filing.type);
  const [appellateCourt] =
    filing.type === 'appeal' && placement?.parentId ? await db.select({ code: courts.code, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn }).from(courts).where(eq(courts.id, placement.parentId)) : [];
  return {
    filing,
    fields,
    attachments,
    court: placement?.courtId ? { id: placement.courtId, code: placement.code!, nameKk: placement.nameKk!, nameRu: placement.nameRu!, nameEn: placement.nameEn! } : null,
    // A claim's own case has no number until the court registers it.
    caseNumber: ownCase ? null : (placement?.caseNumber ?? null),
    category: ((ownCase ? fields.category : placement?.caseCategory) ?? fields.category) as CaseCategory | undefined,
    payments: paid,
    appellateCourt: appellateCourt ?? null,
  };
}

/** First-instance courts that hear this kind of case, by region: the choices of the court page. */
export async function courtChoices(db: Db, kind: string | undefined) {
  const rows = await db
    .select({ id: courts.id, code: courts.code, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn, caseKinds: courts.caseKinds, region: regions })
    .from(courts)
    .innerJoin(regions, eq(regions.code, courts.regionCode))
    .where(and(eq(courts.level, 1)))
    .orderBy(asc(regions.sortOrder), asc(courts.nameEn));
  return rows.filter((row) => !kind || row.caseKinds.includes(kind));
}

/** The person's drafts and recent submissions, for the cabinet. */
export async function filingsOf(db: Db, userId: string) {
  return db
    .select({ id: filings.id, type: filings.type, status: filings.status, talonNumber: filings.talonNumber, updatedAt: filings.updatedAt, submittedAt: filings.submittedAt, dutyStatus: filings.dutyStatus })
    .from(filings)
    .where(and(eq(filings.filerId, userId), eq(filings.channel, 'portal')))
    .orderBy(desc(filings.updatedAt))
    .limit(50);
}
