import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, courts, filingAttachments, filings, payments } from '../db/schema/index.ts';
import type { FilingFields } from '../domain/filingFields.ts';
import { tiynToDecimal } from '../domain/money.ts';
import type { Lang } from '../i18n/index.ts';
import { legalBasis } from '../i18n/legalReference.ts';
import { urls } from '../urls.ts';

/** A filing as its filer sees it through the API: fields, files, talon, duty and payments. */
export async function filingView(db: Db, id: string, publicUrl: string, lang: Lang) {
  const [row] = await db
    .select({ filing: filings, courtCode: courts.code, caseNumber: cases.number })
    .from(filings)
    .leftJoin(courts, eq(courts.id, filings.courtId))
    .leftJoin(cases, eq(cases.id, filings.caseId))
    .where(eq(filings.id, id));
  const { filing, courtCode, caseNumber } = row!;
  const attachments = await db.select().from(filingAttachments).where(eq(filingAttachments.filingId, id)).orderBy(asc(filingAttachments.createdAt), asc(filingAttachments.id));
  const paid = await db.select().from(payments).where(eq(payments.filingId, id)).orderBy(desc(payments.createdAt));
  return {
    id: filing.id,
    type: filing.type,
    status: filing.status,
    version: filing.version,
    court: filing.courtId && courtCode ? { id: filing.courtId, code: courtCode } : null,
    caseNumber: caseNumber ?? null,
    fields: filing.fields as FilingFields,
    attachments: attachments.map((a) => ({ id: a.id, name: a.name, size: a.sizeBytes, sha256: a.sha256, mediaType: a.mediaType, purpose: a.purpose })),
    talon:
      filing.status === 'submitted'
        ? { number: filing.talonNumber!, submittedAt: filing.submittedAt!.toISOString(), verifyUrl: `${publicUrl}${urls.verifyTalon(filing.verifyCode!)}`, pdfUrl: `${publicUrl}${urls.talonPdf(filing.id)}` }
        : null,
    duty: {
      status: filing.dutyStatus,
      amountKzt: filing.dutyAmountTiyn === null ? null : tiynToDecimal(filing.dutyAmountTiyn),
      basis: filing.dutyBasis,
      legalBasis: filing.dutyBasis === null ? null : legalBasis(filing.dutyBasis, lang),
      flaggedForJudge: filing.dutyFlagged,
    },
    payments: paid.map((p) => ({ id: p.id, method: p.method, status: p.status, amountKzt: tiynToDecimal(p.amountTiyn), createdAt: p.createdAt.toISOString() })),
  };
}
