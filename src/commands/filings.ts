/**
 * Drafting a filing: creating it, saving its fields, attaching files. Every save names the
 * version it read, so two windows cannot silently overwrite each other; a submitted filing
 * cannot change at all.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type';
import type { BlobStore, StoredBlob } from '../adapters/storage/blobStore.ts';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { keepBlob } from '../db/blobs.ts';
import type { Tx } from '../db/tx.ts';
import { blobs, cases, courts, filingAttachments, filings, payments } from '../db/schema/index.ts';
import { parseCaseNumber } from '../domain/caseNumber.ts';
import { fieldProblems, type FilingFields } from '../domain/filingFields.ts';
import { type AttachmentPurpose, type FilingType, startsCase } from '../domain/filingTypes.ts';
import { acceptedMediaType, cleanFileName, extensionOf, MAX_UPLOAD_BYTES, storedFileName } from '../domain/uploads.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { caseRelations } from '../queries/caseRelations.ts';
import { isUuid } from '../domain/ids.ts';
import { assertCassationAllowed } from '../queries/cassation.ts';
import { assertMayObject } from './courtOrders.ts';
import { stageWithin } from './uploadStaging.ts';

export type Filing = typeof filings.$inferSelect;
export type FilingAttachment = typeof filingAttachments.$inferSelect;

export const MAX_ATTACHMENTS = 50;

function assertFieldsValid(fields: FilingFields, type: FilingType): void {
  const [problem] = fieldProblems(fields, type);
  if (problem) throw new SotError(problem.code, { field: problem.field });
}

/** The filing if the principal may act on it; otherwise it does not exist for them. */
export async function ownFiling(db: Db, principal: Principal, id: string, action: 'read' | 'update' | 'submit' | 'pay' = 'read'): Promise<Filing> {
  if (!isUuid(id)) throw new SotError('filing_not_found');
  const [filing] = await db.select().from(filings).where(eq(filings.id, id));
  // A paper filing names the clerk who entered it as filer; it is the court's record, not their own filing.
  if (!filing || filing.channel === 'counter' || !can(principal, { action, resource: 'filing', filerId: filing.filerId })) throw new SotError('filing_not_found');
  return filing;
}

async function firstInstanceCourt(db: Db, courtId: string): Promise<string> {
  if (!isUuid(courtId)) throw new SotError('court_not_found');
  const [court] = await db.select({ id: courts.id, level: courts.level }).from(courts).where(eq(courts.id, courtId));
  if (!court) throw new SotError('court_not_found');
  if (court.level !== 1) throw new SotError('court_not_first_instance');
  return court.id;
}

/** The case a filing goes into: it must exist and the principal must take part in it. */
async function caseToFileIn(db: Db, principal: Principal, caseNumber: string, type: FilingType, now: Date): Promise<{ caseId: string; courtId: string }> {
  const parsed = parseCaseNumber(caseNumber);
  if (!parsed) throw new SotError('invalid_case_number');
  const [found] = await db.select({ id: cases.id, courtId: cases.courtId, instance: cases.instance }).from(cases).where(eq(cases.number, parsed.canonical));
  if (!found) throw new SotError('case_not_found');
  if (!can(principal, { action: 'file_in', resource: 'case', relations: await caseRelations(db, principal, found.id) })) throw new SotError('not_party_to_case');
  // Said before the complaint is written and signed; submitting checks again under the case's lock.
  if (type === 'cassation_complaint' && found.instance < 3) await assertCassationAllowed(db, found.id, now);
  return { caseId: found.id, courtId: found.courtId };
}

export interface NewFiling {
  type: FilingType;
  courtId?: string | undefined;
  caseNumber?: string | undefined;
  fields: FilingFields;
}

export async function createFiling(db: Db, principal: Principal, input: NewFiling, now: Date): Promise<Filing> {
  assertFieldsValid(input.fields, input.type);
  let placement: { courtId: string | null; caseId: string | null };
  if (startsCase(input.type)) {
    placement = { courtId: input.courtId ? await firstInstanceCourt(db, input.courtId) : null, caseId: null };
  } else {
    if (!input.caseNumber?.trim()) throw new SotError('case_number_required');
    placement = await caseToFileIn(db, principal, input.caseNumber, input.type, now);
    // An objection to a court order is the debtor's, and only while its term runs (CPC Art. 141(2)).
    if (input.type === 'court_order_objection') await assertMayObject(db, principal, placement.caseId!, now);
  }
  // An application for a court order is of its own category; its demand is chosen on its own page.
  const fields: FilingFields = { claimantType: principal.bin ? 'legal' : 'individual', ...(input.type === 'court_order_application' ? { category: 'court_order' as const } : {}), ...input.fields };
  return db.transaction(async (tx) => {
    const [filing] = await tx
      .insert(filings)
      .values({ filerId: principal.userId, filerBin: principal.bin, type: input.type, ...placement, fields, createdAt: now, updatedAt: now })
      .returning();
    await appendAudit(tx, { actorId: principal.userId, action: 'filing.created', entityType: 'filing', entityId: filing!.id, data: { type: input.type } }, now);
    return filing!;
  });
}

export interface FilingChange {
  /** The version the change was made against. */
  version: number;
  fields?: FilingFields;
  courtId?: string | null;
}

/** Saves a draft step. The fields given replace those stored; a stale version is refused. */
export async function updateFiling(db: Db, principal: Principal, id: string, change: FilingChange, now: Date): Promise<Filing> {
  const filing = await ownFiling(db, principal, id, 'update');
  if (filing.status !== 'draft') throw new SotError('filing_submitted');
  const fields = change.fields ?? (filing.fields as FilingFields);
  assertFieldsValid(fields, filing.type);
  let courtId = filing.courtId;
  if (change.courtId !== undefined && startsCase(filing.type)) courtId = change.courtId ? await firstInstanceCourt(db, change.courtId) : null;
  const [saved] = await db
    .update(filings)
    .set({ fields, courtId, version: sql`${filings.version} + 1`, updatedAt: now })
    .where(and(eq(filings.id, id), eq(filings.version, change.version), eq(filings.status, 'draft')))
    .returning();
  if (!saved) {
    const [current] = await db.select({ status: filings.status }).from(filings).where(eq(filings.id, id));
    throw new SotError(current?.status === 'submitted' ? 'filing_submitted' : 'filing_changed');
  }
  return saved;
}

export async function deleteDraft(db: Db, principal: Principal, id: string, now: Date): Promise<void> {
  const filing = await ownFiling(db, principal, id, 'update');
  if (filing.status !== 'draft') throw new SotError('filing_submitted');
  // Money paid towards a draft stays on record with it.
  if ((await db.select({ id: payments.id }).from(payments).where(eq(payments.filingId, id)).limit(1)).length > 0) throw new SotError('draft_has_payments');
  await db.transaction(async (tx) => {
    await tx.delete(filings).where(and(eq(filings.id, id), eq(filings.status, 'draft')));
    await appendAudit(tx, { actorId: principal.userId, action: 'filing.deleted', entityType: 'filing', entityId: id }, now);
  });
}

export interface IncomingFile {
  stream: Readable;
  fileName: string;
  purpose?: AttachmentPurpose;
}

export interface CheckedFile {
  staged: StoredBlob;
  fileName: string;
  mediaType: string;
  purpose: AttachmentPurpose;
}

/**
 * The file columns of a document row made from a checked upload. The blob row they name is
 * written first in the same transaction, so the document never names a file Sot has no record of.
 */
export async function documentFileColumns(tx: Tx, checked: Pick<CheckedFile, 'staged' | 'fileName' | 'mediaType'>, now: Date) {
  await tx.insert(blobs).values({ sha256: checked.staged.sha256, sizeBytes: checked.staged.sizeBytes, mediaType: checked.mediaType, createdAt: now }).onConflictDoNothing();
  return { fileName: checked.fileName, mediaType: checked.mediaType, sizeBytes: checked.staged.sizeBytes, sha256: checked.staged.sha256 };
}

/** Streams one upload to staging and checks its bytes: size while streaming, type by content. */
export async function stageChecked(store: BlobStore, file: IncomingFile): Promise<CheckedFile> {
  const staged = await stageWithin(store, file.stream, MAX_UPLOAD_BYTES, 'file_too_large');
  const mediaType = staged.sizeBytes === 0 ? null : acceptedMediaType(await fileTypeFromFile(staged.stagedPath), cleanFileName(file.fileName));
  if (!mediaType) {
    await store.discard(staged);
    throw new SotError(staged.sizeBytes === 0 ? 'file_missing' : 'file_type_not_allowed');
  }
  // Kept under the extension of what the bytes are, never the one the name claimed.
  return { staged, fileName: storedFileName(file.fileName, extensionOf(mediaType)), mediaType, purpose: file.purpose ?? 'attachment' };
}

/**
 * Attaches the files of one upload to a draft, all or none: every file is checked before any
 * is kept. Bytes reach their content address before the rows that name them are committed, so
 * a crash leaves at worst an unnamed file for the clean-up (`cleanUpBlobs`), never a row
 * without its file.
 */
export async function attachFiles(db: Db, store: BlobStore, principal: Principal, id: string, files: AsyncIterable<IncomingFile>, now: Date): Promise<FilingAttachment[]> {
  const filing = await ownFiling(db, principal, id, 'update');
  if (filing.status !== 'draft') throw new SotError('filing_submitted');
  const checked: CheckedFile[] = [];
  try {
    for await (const file of files) checked.push(await stageChecked(store, file));
    if (checked.length === 0) throw new SotError('file_missing');
    const [{ count }] = (await db.select({ count: sql<number>`count(*)::int` }).from(filingAttachments).where(eq(filingAttachments.filingId, id))) as [{ count: number }];
    if (count + checked.length > MAX_ATTACHMENTS) throw new SotError('too_many_attachments');
    for (const file of checked) await keepBlob(db, store, file.staged, file.mediaType, now);
  } catch (error) {
    await Promise.all(checked.map((file) => store.discard(file.staged)));
    throw error;
  }
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ status: filings.status }).from(filings).where(eq(filings.id, id)).for('update');
    if (current?.status !== 'draft') throw new SotError('filing_submitted');
    const rows: FilingAttachment[] = [];
    for (const file of checked) {
      await tx.insert(blobs).values({ sha256: file.staged.sha256, sizeBytes: file.staged.sizeBytes, mediaType: file.mediaType, createdAt: now }).onConflictDoNothing();
      const [row] = await tx
        .insert(filingAttachments)
        .values({ filingId: id, purpose: file.purpose, sha256: file.staged.sha256, name: file.fileName, mediaType: file.mediaType, sizeBytes: file.staged.sizeBytes, createdAt: now })
        .returning();
      rows.push(row!);
    }
    await tx.update(filings).set({ version: sql`${filings.version} + 1`, updatedAt: now }).where(eq(filings.id, id));
    await appendAudit(tx, { actorId: principal.userId, action: 'filing.attached', entityType: 'filing', entityId: id, data: { files: rows.map((r) => r.sha256) } }, now);
    return rows;
  });
}

export async function removeAttachment(db: Db, principal: Principal, id: string, attachmentId: string, now: Date): Promise<void> {
  const filing = await ownFiling(db, principal, id, 'update');
  if (filing.status !== 'draft') throw new SotError('filing_submitted');
  if (!isUuid(attachmentId)) throw new SotError('not_found');
  const [attachment] = await db.select({ purpose: filingAttachments.purpose }).from(filingAttachments).where(and(eq(filingAttachments.id, attachmentId), eq(filingAttachments.filingId, id)));
  if (attachment?.purpose === 'payment_document') throw new SotError('attachment_is_payment');
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(filingAttachments)
      .where(and(eq(filingAttachments.id, attachmentId), eq(filingAttachments.filingId, id)))
      .returning({ id: filingAttachments.id });
    if (removed.length === 0) throw new SotError('not_found');
    await tx.update(filings).set({ version: sql`${filings.version} + 1`, updatedAt: now }).where(eq(filings.id, id));
    await appendAudit(tx, { actorId: principal.userId, action: 'filing.detached', entityType: 'filing', entityId: id }, now);
  });
}
