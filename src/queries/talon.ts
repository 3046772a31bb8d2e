import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, certificates, courts, filingAttachments, filings, organisations, users } from '../db/schema/index.ts';
import { startsCase } from '../domain/filingTypes.ts';
import type { Lang } from '../i18n/index.ts';
import type { TalonData } from '../talon/talonData.ts';
import type { PaperFilingFields } from '../domain/paperFiling.ts';
import { urls } from '../urls.ts';
import { localName } from '../i18n/names.ts';

/** The talon of a submitted filing, in one language; null for a draft or an unknown filing. */
export async function talonOf(db: Db, where: { filingId: string } | { verifyCode: string }, lang: Lang, publicUrl: string): Promise<(TalonData & { filingId: string }) | null> {
  const [row] = await db
    .select({ filing: filings, court: courts, filerName: users.fullName, filerIin: users.iin, serial: certificates.serialNumber, caseNumber: cases.number, organisation: organisations.name })
    .from(filings)
    .innerJoin(courts, eq(courts.id, filings.courtId))
    .innerJoin(users, eq(users.id, filings.filerId))
    .leftJoin(certificates, eq(certificates.id, filings.certificateId))
    .leftJoin(cases, eq(cases.id, filings.caseId))
    .leftJoin(organisations, eq(organisations.bin, filings.filerBin))
    .where(and('filingId' in where ? eq(filings.id, where.filingId) : eq(filings.verifyCode, where.verifyCode), eq(filings.status, 'submitted')));
  if (!row) return null;
  const { filing } = row;
  // Payment scans come later and belong to the payment, not to what was filed and signed.
  const attachments = await db
    .select({ name: filingAttachments.name, sizeBytes: filingAttachments.sizeBytes, sha256: filingAttachments.sha256 })
    .from(filingAttachments)
    .where(and(eq(filingAttachments.filingId, filing.id), ne(filingAttachments.purpose, 'payment_document')))
    .orderBy(asc(filingAttachments.createdAt), asc(filingAttachments.id));
  // A paper filing's filer is whoever handed it in, as the clerk typed it; the user row is the clerk's.
  const paper = filing.channel === 'counter' ? (filing.fields as unknown as PaperFilingFields) : null;
  const filer = paper
    ? { name: paper.filer.name, iin: paper.filer.iin ?? '', ...(paper.filer.bin ? { organisation: { name: paper.filer.name, bin: paper.filer.bin } } : {}) }
    : { name: row.filerName, iin: row.filerIin, ...(filing.filerBin ? { organisation: { name: row.organisation ?? filing.filerBin, bin: filing.filerBin } } : {}) };
  const appellate = filing.type === 'appeal' && row.court.parentId ? (await db.select().from(courts).where(eq(courts.id, row.court.parentId)))[0] : undefined;
  return {
    filingId: filing.id,
    talonNumber: filing.talonNumber!,
    verifyUrl: `${publicUrl}${urls.verifyTalon(filing.verifyCode!)}`,
    court: { code: row.court.code, name: localName(row.court, lang) },
    ...(appellate ? { appellateCourt: { code: appellate.code, name: localName(appellate, lang) } } : {}),
    submittedAt: filing.submittedAt!,
    filer,
    filingType: filing.type,
    caseNumber: startsCase(filing.type) ? null : row.caseNumber,
    attachments,
    duty: { status: filing.dutyStatus, amountTiyn: filing.dutyAmountTiyn, basis: filing.dutyBasis },
    signer: { name: paper ? paper.filer.name : row.filerName, certificateSerial: row.serial ?? '—' },
    ...(paper ? { counter: { clerkName: row.filerName } } : {}),
  };
}
