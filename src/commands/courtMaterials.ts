/**
 * Materials the court adds to its own e-case file (src/domain/courtMaterials.ts): the office of
 * the case's court or the judge of the case uploads what reached the court, kept for the court
 * or shared with the parties; the judge may later share a kept one. Each is one transaction with
 * its timeline event and audit row; the parties hear of a material only once it is theirs to read.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { BlobStore } from '../adapters/storage/blobStore.ts';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { keepBlob } from '../db/blobs.ts';
import { cases, documents, events } from '../db/schema/index.ts';
import type { Tx } from '../db/tx.ts';
import { MATERIAL_KINDS, type Material } from '../domain/courtMaterials.ts';
import { GRANT_OPEN } from '../domain/familiarisation.ts';
import { isUuid } from '../domain/ids.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { urls } from '../urls.ts';
import { documentFileColumns, stageChecked, type CheckedFile, type IncomingFile } from './filings.ts';
import { noticeToParticipants } from './notices.ts';

type Action = 'add_material' | 'share_material';

/** The case, if the principal may do this to its file; anyone else meets a 404. */
async function caseFor(db: Pick<Db, 'select'>, principal: Principal, caseId: string, action: Action) {
  if (!isUuid(caseId)) throw new SotError('not_found');
  const [found] = await db.select({ courtId: cases.courtId, judgeId: cases.judgeId, number: cases.number, status: cases.status }).from(cases).where(eq(cases.id, caseId));
  if (!found || !can(principal, { action, resource: 'court_file', courtId: found.courtId, judgeId: found.judgeId })) throw new SotError('not_found');
  return found;
}

/** Whether the person may add materials to the case's file (for showing the form). */
export function mayAddMaterial(principal: Principal | null, c: { courtId: string; judgeId: string | null; status: keyof typeof GRANT_OPEN }): boolean {
  return GRANT_OPEN[c.status] && can(principal, { action: 'add_material', resource: 'court_file', courtId: c.courtId, judgeId: c.judgeId });
}

/** Whether the person may share kept materials with the parties (for showing the button). */
export function mayShareMaterial(principal: Principal | null, c: { courtId: string; judgeId: string | null; status: keyof typeof GRANT_OPEN }): boolean {
  return GRANT_OPEN[c.status] && can(principal, { action: 'share_material', resource: 'court_file', courtId: c.courtId, judgeId: c.judgeId });
}

async function tellParties(tx: Tx, caseId: string, documentId: string, number: string | null, title: string, now: Date): Promise<void> {
  await noticeToParticipants(
    tx,
    {
      event: 'material_shared',
      aboutId: documentId,
      caseId,
      link: urls.cabinetCase(caseId),
      legallyRequired: false,
      compose: (t) => ({ subject: t('caseFile.material.notice.subject', { number: number ?? '' }), body: t('caseFile.material.notice.body', { number: number ?? '', title }) }),
    },
    now,
  );
}

/**
 * Adds a material to the file. The form's fields were read beforehand; the file streams in here
 * and is checked as every upload is (size while streaming, type by content) before it reaches its
 * content address, so a refused file leaves nothing behind.
 */
export async function addCourtMaterial(db: Db, store: BlobStore, principal: Principal, caseId: string, material: Material, file: IncomingFile, now: Date): Promise<string> {
  const found = await caseFor(db, principal, caseId, 'add_material');
  // A grant lasts while the case is before this court, and so does the file the court keeps.
  if (!GRANT_OPEN[found.status]) throw new SotError('material_closed');
  const checked: CheckedFile = await stageChecked(store, file);
  try {
    // The multipart reader ends an over-long upload at the limit and only says so later: a cut-off file is no file.
    if ((file.stream as { truncated?: boolean }).truncated) throw new SotError('file_too_large');
    await keepBlob(db, store, checked.staged, checked.mediaType, now);
  } catch (error) {
    await store.discard(checked.staged);
    throw error;
  }
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)).for('update');
    if (!locked || !GRANT_OPEN[locked.status]) throw new SotError('material_closed');
    const file = await documentFileColumns(tx, checked, now);
    const [row] = await tx
      .insert(documents)
      .values({
        caseId,
        kind: material.kind,
        title: material.title,
        ...file,
        receivedOn: material.receivedOn,
        visibility: material.audience,
        createdBy: principal.userId,
        createdAt: now,
      })
      .returning({ id: documents.id });
    const documentId = row!.id;
    const data = { documentId, kind: material.kind, visibility: material.audience, receivedOn: material.receivedOn };
    await tx.insert(events).values({ caseId, type: 'material_added', occurredAt: now, actorId: principal.userId, data });
    await appendAudit(tx, { actorId: principal.userId, action: 'case.material_added', entityType: 'document', entityId: documentId, data: { ...data, caseId, sha256: checked.staged.sha256 } }, now);
    if (material.audience === 'parties') await tellParties(tx, caseId, documentId, found.number, material.title, now);
    return documentId;
  });
}

/** The judge shares a kept material with every party: from now on it is in their file. */
export async function shareCourtMaterial(db: Db, principal: Principal, caseId: string, documentId: string, now: Date): Promise<void> {
  const found = await caseFor(db, principal, caseId, 'share_material');
  if (!isUuid(documentId)) throw new SotError('not_found');
  await db.transaction(async (tx) => {
    const [locked] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)).for('update');
    if (!locked || !GRANT_OPEN[locked.status]) throw new SotError('material_closed');
    const [material] = await tx
      .select({ title: documents.title, visibility: documents.visibility })
      .from(documents)
      .where(and(eq(documents.id, documentId), eq(documents.caseId, caseId), inArray(documents.kind, [...MATERIAL_KINDS])));
    if (!material) throw new SotError('not_found');
    // Compare-and-set: a material is shared once, whoever shares it first.
    const updated = await tx
      .update(documents)
      .set({ visibility: 'parties' })
      .where(and(eq(documents.id, documentId), eq(documents.visibility, 'court')))
      .returning({ id: documents.id });
    if (updated.length === 0) throw new SotError('material_already_shared');
    await tx.insert(events).values({ caseId, type: 'material_shared', occurredAt: now, actorId: principal.userId, data: { documentId } });
    await appendAudit(tx, { actorId: principal.userId, action: 'case.material_shared', entityType: 'document', entityId: documentId, data: { caseId } }, now);
    await tellParties(tx, caseId, documentId, found.number, material.title, now);
  });
}
