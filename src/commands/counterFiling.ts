/**
 * A paper filing received at the court's counter and entered by the clerk, so that every case
 * is whole whichever way its papers came. It gets a talon from the same gapless counter as the
 * portal's filings; a claim starts its case in `submitted`, to be registered like any other.
 * The scan is checked exactly as a portal upload is (size while streaming, type by content).
 */
import { and, eq } from 'drizzle-orm';
import type { BlobStore } from '../adapters/storage/blobStore.ts';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { keepBlob } from '../db/blobs.ts';
import type { Tx } from '../db/tx.ts';
import { cases, documents, events, filingAttachments, filings, organisations, parties, users } from '../db/schema/index.ts';
import { kindOfCategory } from '../domain/caseKinds.ts';
import { startsCase } from '../domain/filingTypes.ts';
import { paperFilingFields, SCAN_MEDIA_TYPES, type PaperFiling } from '../domain/paperFiling.ts';
import { newVerifyCode } from '../auth/tokens.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { documentFileColumns, stageChecked, type CheckedFile, type IncomingFile } from './filings.ts';
import { DOCUMENT_KIND, nextTalonNumber } from './submitFiling.ts';

export interface CounterReceipt {
  filingId: string;
  talonNumber: string;
  caseId: string;
}

/** The case an in-case paper filing goes into: it must be a case of this court. */
async function caseOfCourt(db: Db, courtId: string, caseNumber: string): Promise<string> {
  const [found] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.number, caseNumber), eq(cases.courtId, courtId)));
  if (!found) throw new SotError('case_not_found');
  return found.id;
}

/** A claim's new case: the filer as claimant (linked to their account when they have one) and the parties the paper names. */
async function startPaperCase(tx: Tx, courtId: string, paper: PaperFiling, now: Date): Promise<string> {
  const category = paper.category!;
  const [created] = await tx
    .insert(cases)
    .values({ courtId, kind: kindOfCategory(category), category, instance: 1, status: 'submitted', filedAt: now, statusChangedAt: now, createdAt: now })
    .returning({ id: cases.id });
  const caseId = created!.id;
  const claimantRole = paper.type === 'court_order_application' ? 'applicant' : 'claimant';
  const { filer } = paper;
  if (filer.kind === 'legal') {
    const [organisation] = await tx
      .insert(organisations)
      .values({ bin: filer.bin!, name: filer.name, createdAt: now })
      .onConflictDoUpdate({ target: organisations.bin, set: { bin: filer.bin! } })
      .returning({ id: organisations.id, name: organisations.name });
    await tx.insert(parties).values({ caseId, role: claimantRole, organisationId: organisation!.id, displayName: organisation!.name, address: filer.address ?? null, phone: filer.phone ?? null, createdAt: now });
  } else {
    // The filer may never have used the portal; if they have, the case shows in their cabinet.
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.iin, filer.iin!));
    await tx.insert(parties).values({ caseId, role: claimantRole, userId: user?.id ?? null, iin: filer.iin!, displayName: filer.name, address: filer.address ?? null, phone: filer.phone ?? null, createdAt: now });
  }
  for (const party of paper.parties) {
    let organisationId: string | null = null;
    if (party.kind === 'legal' && party.bin) {
      const [organisation] = await tx
        .insert(organisations)
        .values({ bin: party.bin, name: party.name, createdAt: now })
        .onConflictDoUpdate({ target: organisations.bin, set: { bin: party.bin } })
        .returning({ id: organisations.id });
      organisationId = organisation!.id;
    }
    await tx.insert(parties).values({ caseId, role: party.side, organisationId, iin: party.kind === 'individual' ? (party.iin ?? null) : null, displayName: party.name, address: party.address ?? null, createdAt: now });
  }
  return caseId;
}

/**
 * Enters a paper filing: the details were read from the clerk's form beforehand; the scan
 * streams in here. All rows are written in one transaction; the scan reaches its content
 * address before them, so a failure leaves at worst an unnamed file for the clean-up.
 */
export async function enterPaperFiling(db: Db, store: BlobStore, principal: Principal, courtId: string, paper: PaperFiling, scan: IncomingFile, now: Date): Promise<CounterReceipt> {
  if (!can(principal, { action: 'enter_paper', resource: 'filing_office', courtId })) throw new SotError('not_found');
  const claim = startsCase(paper.type);
  const existingCaseId = claim ? null : await caseOfCourt(db, courtId, paper.caseNumber!);

  let checked: CheckedFile;
  try {
    checked = await stageChecked(store, scan);
  } catch (error) {
    scan.stream.resume();
    if (error instanceof SotError && error.code === 'file_type_not_allowed') throw new SotError('scan_type_not_allowed');
    throw error;
  }
  try {
    // The multipart reader ends an over-long upload at the limit and only says so later: a cut-off scan is no scan.
    if ((scan.stream as { truncated?: boolean }).truncated) throw new SotError('file_too_large');
    if (!(SCAN_MEDIA_TYPES as readonly string[]).includes(checked.mediaType)) throw new SotError('scan_type_not_allowed');
    await keepBlob(db, store, checked.staged, checked.mediaType, now);
  } catch (error) {
    await store.discard(checked.staged);
    throw error;
  }

  return db.transaction(async (tx) => {
    const talonNumber = await nextTalonNumber(tx, courtId, now);
    const caseId = existingCaseId ?? (await startPaperCase(tx, courtId, paper, now));
    const [filing] = await tx
      .insert(filings)
      .values({
        // The schema needs a portal user as filer; the paper's filer is in the fields, and the clerk who entered it is recorded here.
        filerId: principal.userId,
        filerBin: paper.filer.kind === 'legal' ? paper.filer.bin! : null,
        type: paper.type,
        channel: 'counter',
        status: 'submitted',
        courtId,
        caseId,
        fields: paperFilingFields(paper) as unknown as Record<string, unknown>,
        talonNumber,
        verifyCode: newVerifyCode(),
        submittedAt: now,
        // The paper carries the filer's handwritten signature; the duty receipt, if any, is on paper too.
        dutyStatus: 'unpaid',
        dutyFlagged: false,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: filings.id });
    const filingId = filing!.id;
    const file = await documentFileColumns(tx, checked, now);
    await tx.insert(filingAttachments).values({ filingId, purpose: 'attachment', sha256: file.sha256, name: file.fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes, createdAt: now });
    await tx.insert(documents).values({
      caseId,
      kind: DOCUMENT_KIND[paper.type],
      title: talonNumber,
      ...file,
      visibility: 'parties',
      createdBy: principal.userId,
      createdAt: now,
    });
    await tx.insert(events).values({ caseId, type: 'filing_submitted', occurredAt: now, actorId: principal.userId, data: { filingType: paper.type, talonNumber, channel: 'counter', receivedOn: paper.receivedOn } });
    // The clerk took the paper in person: it needs no separate receipt in the office's queue.
    if (!claim) await tx.insert(events).values({ caseId, type: 'filing_received', occurredAt: now, actorId: principal.userId, data: { filingId, filingType: paper.type, talonNumber } });
    await appendAudit(tx, { actorId: principal.userId, action: 'filing.entered_at_counter', entityType: 'filing', entityId: filingId, data: { talonNumber, caseId, scan: checked.staged.sha256 } }, now);
    return { filingId, talonNumber, caseId };
  });
}
