/**
 * Submitting a filing: the filer's EDS signature over the manifest is checked like a sign-in
 * signature, and in one transaction the filing gets its talon, a claim starts its case, the
 * signed manifest and the attachments become the case's documents, and the timeline and the
 * audit log record it. Submitting again returns the same talon.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { Readable } from 'node:stream';
import type { SignatureVerifier, SignerIdentity } from '../adapters/eds/index.ts';
import type { BlobStore } from '../adapters/storage/blobStore.ts';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { keepBlob } from '../db/blobs.ts';
import type { Tx } from '../db/tx.ts';
import { blobs, cases, certificates, courts, documents, events, filingAttachments, filings, organisations, parties, payments, talonCounters, users } from '../db/schema/index.ts';
import { kindOfCategory } from '../domain/caseKinds.ts';
import { type FilingFields, missingForSubmit, representedClaimant } from '../domain/filingFields.ts';
import { directBinOf, entityTieOf } from '../domain/ncaRoles.ts';
import { filingManifest } from '../domain/filingManifest.ts';
import { dutySettled, startsCase, type DutyStatus, type FilingType } from '../domain/filingTypes.ts';
import { newVerifyCode } from '../auth/tokens.ts';
import { formatTalonNumber } from '../domain/talonNumber.ts';
import { SotError } from '../errors.ts';
import { hasRole, type Principal } from '../policies/principal.ts';
import { dutyOfStoredFiling } from './filingDuty.ts';
import { ownFiling, type Filing, type FilingAttachment } from './filings.ts';
import { courtYear } from '../i18n/format.ts';
import { decodeCms, verifySigner } from './signatures.ts';
import { applyInCaseFiling } from './reviews.ts';
import { assertMayObject } from './courtOrders.ts';
import { queueNotice } from './notices.ts';
import { urls } from '../urls.ts';
import type { DocumentKind } from '../domain/documents.ts';

export interface Talon {
  talonNumber: string;
  verifyCode: string;
}

export const DOCUMENT_KIND: Record<FilingType, DocumentKind> = {
  claim: 'claim',
  counterclaim: 'counterclaim',
  appeal: 'appeal',
  private_complaint: 'private_complaint',
  cassation_complaint: 'cassation_complaint',
  petition: 'petition',
  response: 'response',
  hearing_record_remarks: 'hearing_record_remarks',
  court_order_application: 'court_order_application',
  court_order_objection: 'court_order_objection',
};

export async function filingAttachmentsOf(db: Db | Tx, filingId: string): Promise<FilingAttachment[]> {
  return db.select().from(filingAttachments).where(eq(filingAttachments.filingId, filingId)).orderBy(asc(filingAttachments.createdAt), asc(filingAttachments.id));
}

/** The exact bytes the filer signs for the filing as it stands. */
export function manifestOf(filing: Filing, attachments: readonly FilingAttachment[], filer: { iin: string }): Uint8Array {
  return filingManifest({
    id: filing.id,
    version: filing.version,
    type: filing.type,
    courtId: filing.courtId,
    caseId: filing.caseId,
    filer: { iin: filer.iin, bin: filing.filerBin },
    fields: filing.fields as FilingFields,
    attachments,
  });
}

/** What was paid by card or confirmed by a clerk before submission. */
async function settledTotal(db: Db, filingId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${payments.amountTiyn}), 0)` })
    .from(payments)
    .where(and(eq(payments.filingId, filingId), inArray(payments.status, ['paid', 'verified'])));
  return Number(row?.total ?? 0);
}

/** A payment made on the draft counts only if it still covers the duty the filing owes as submitted. */
function dutyStatusAtSubmission(current: DutyStatus, duty: { amountTiyn: number; exempt: boolean }, settledTiyn: number): DutyStatus {
  if (duty.exempt) return 'exempt';
  if (duty.amountTiyn === 0) return 'not_required';
  if (current === 'paid' || current === 'verified') return settledTiyn >= duty.amountTiyn ? current : 'unpaid';
  return current === 'not_required' || current === 'exempt' ? 'unpaid' : current;
}

export async function nextTalonNumber(tx: Tx, courtId: string, now: Date): Promise<string> {
  const year = courtYear(now);
  const [court] = await tx.select({ code: courts.code }).from(courts).where(eq(courts.id, courtId));
  const [counter] = await tx
    .insert(talonCounters)
    .values({ courtId, year, lastSequence: 1 })
    .onConflictDoUpdate({ target: [talonCounters.courtId, talonCounters.year], set: { lastSequence: sql`${talonCounters.lastSequence} + 1` } })
    .returning({ sequence: talonCounters.lastSequence });
  return formatTalonNumber(court!.code, year, counter!.sequence);
}

/** The organisation of a BIN, registered with the name it is first filed under. */
async function organisationOf(tx: Tx, bin: string, name: string, now: Date): Promise<string> {
  const [organisation] = await tx
    .insert(organisations)
    .values({ bin, name, createdAt: now })
    .onConflictDoUpdate({ target: organisations.bin, set: { bin } })
    .returning({ id: organisations.id });
  return organisation!.id;
}

/** A claim's new case: the filer (or the entity they act for) and the parties the claim names. */
async function startCase(tx: Tx, filing: Filing, principal: Principal, identity: SignerIdentity, now: Date): Promise<string> {
  const fields = filing.fields as FilingFields;
  const category = fields.category!;
  const [created] = await tx
    .insert(cases)
    .values({ courtId: filing.courtId!, kind: kindOfCategory(category), category, instance: 1, status: 'submitted', filedAt: now, statusChangedAt: now, createdAt: now })
    .returning({ id: cases.id });
  const caseId = created!.id;
  const claimantSide = filing.type === 'court_order_application' ? 'applicant' : 'claimant';
  const represented = representedClaimant(fields, { iin: principal.iin, bin: filing.filerBin });
  if (filing.filerBin) {
    // An employee signing with their organisation's certificate files for the organisation.
    const named = fields.parties?.find((p) => p.side === 'claimant' && p.bin === filing.filerBin)?.name ?? identity.organisation ?? filing.filerBin;
    const [organisation] = await tx
      .insert(organisations)
      .values({ bin: filing.filerBin, name: named, createdAt: now })
      .onConflictDoUpdate({ target: organisations.bin, set: { bin: filing.filerBin } })
      .returning({ id: organisations.id, name: organisations.name });
    const [entity] = await tx.insert(parties).values({ caseId, role: claimantSide, organisationId: organisation!.id, displayName: organisation!.name, createdAt: now }).returning({ id: parties.id });
    await tx.insert(parties).values({ caseId, role: 'representative', userId: principal.userId, iin: principal.iin, displayName: principal.fullName, representsPartyId: entity!.id, authorityAcceptedAt: now, createdAt: now });
  } else if (represented) {
    // A representative files for someone else (an entity's employee for the entity too); the
    // court accepts their power of attorney later, and until then they do not act in the case.
    const organisationId = represented.kind === 'legal' ? await organisationOf(tx, represented.bin!, represented.name, now) : null;
    const [client] = await tx
      .insert(parties)
      .values({ caseId, role: claimantSide, iin: represented.kind === 'individual' ? (represented.iin ?? null) : null, organisationId, displayName: represented.name, address: represented.address ?? null, phone: represented.phone ?? null, email: represented.email ?? null, createdAt: now })
      .returning({ id: parties.id });
    const role = hasRole(principal, 'lawyer') ? 'lawyer' : 'representative';
    await tx.insert(parties).values({ caseId, role, userId: principal.userId, iin: principal.iin, displayName: principal.fullName, representsPartyId: client!.id, createdAt: now });
  } else {
    await tx.insert(parties).values({ caseId, role: claimantSide, userId: principal.userId, iin: principal.iin, displayName: principal.fullName, createdAt: now });
  }
  for (const party of fields.parties ?? []) {
    if (party === represented || (party.side === 'claimant' && (party.iin === principal.iin || (filing.filerBin && party.bin === filing.filerBin)))) continue;
    await tx.insert(parties).values({
      caseId,
      role: party.side === 'claimant' ? claimantSide : party.side,
      iin: party.kind === 'individual' ? (party.iin ?? null) : null,
      displayName: party.name,
      address: party.address ?? null,
      phone: party.phone ?? null,
      email: party.email ?? null,
      createdAt: now,
    });
  }
  return caseId;
}

export async function submitFiling(db: Db, store: BlobStore, verifier: SignatureVerifier, principal: Principal, id: string, cmsText: string, now: Date): Promise<Talon> {
  const filing = await ownFiling(db, principal, id, 'submit');
  if (filing.status === 'submitted') return { talonNumber: filing.talonNumber!, verifyCode: filing.verifyCode! };
  const attachments = await filingAttachmentsOf(db, id);
  const fields = filing.fields as FilingFields;
  const missing = missingForSubmit(filing.type, fields, {
    hasCourt: filing.courtId !== null,
    hasCase: filing.caseId !== null,
    attachmentCount: attachments.length,
    representing: representedClaimant(fields, { iin: principal.iin, bin: filing.filerBin }) !== undefined,
    powerOfAttorneyCount: attachments.filter((a) => a.purpose === 'power_of_attorney').length,
  });
  if (missing.length > 0) throw new SotError('filing_incomplete', { missing: missing.join(', ') });

  // The debtor may have lost the right to object since the draft was started.
  if (filing.type === 'court_order_objection') await assertMayObject(db, principal, filing.caseId!, now);
  const manifest = manifestOf(filing, attachments, principal);
  const cms = decodeCms(cmsText);
  const identity = await verifySigner(verifier, principal, cms, manifest, now);
  // A filing for an entity carries the signature of someone its certificate lets act for it.
  if (filing.filerBin && directBinOf(entityTieOf(identity)) !== filing.filerBin) throw new SotError('signer_not_entity_head');
  const duty = await dutyOfStoredFiling(db, filing, now);
  const dutyStatus = dutyStatusAtSubmission(filing.dutyStatus, duty, await settledTotal(db, id));

  // The signed manifest is itself the filing's main document, kept by content like any file.
  const staged = await store.stage(Readable.from([Buffer.from(manifest)]), manifest.byteLength);
  await keepBlob(db, store, staged, 'application/json', now);

  const talon = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(filings).where(eq(filings.id, id)).for('update');
    if (locked!.status === 'submitted') return { talonNumber: locked!.talonNumber!, verifyCode: locked!.verifyCode! };
    // What was signed must still be what is stored.
    if (locked!.version !== filing.version) throw new SotError('filing_changed');
    // What needs no talon number comes first: the number is the court's counter row, which every
    // other filing to the court waits on from here until this transaction ends.
    // The case the filing is in; its documents go to the review case when it opens one (an appeal).
    const caseId = startsCase(filing.type) ? await startCase(tx, filing, principal, identity, now) : filing.caseId!;
    const [certificate] = await tx.select({ id: certificates.id }).from(certificates).where(eq(certificates.thumbprintSha256, identity.certificate.thumbprintSha256));
    await tx.insert(blobs).values({ sha256: staged.sha256, sizeBytes: staged.sizeBytes, mediaType: 'application/json', createdAt: now }).onConflictDoNothing();

    const talonNumber = await nextTalonNumber(tx, filing.courtId!, now);
    const verifyCode = newVerifyCode();
    const documentsCaseId = startsCase(filing.type) ? caseId : await applyInCaseFiling(tx, { filingId: id, type: filing.type, caseId, talonNumber, filerId: principal.userId, filerBin: filing.filerBin }, now);
    const filed = { caseId: documentsCaseId, visibility: 'parties' as const, createdBy: principal.userId, createdAt: now };
    await tx.insert(documents).values([
      { ...filed, kind: DOCUMENT_KIND[filing.type], title: talonNumber, fileName: `${talonNumber}.json`, mediaType: 'application/json', sizeBytes: staged.sizeBytes, sha256: staged.sha256, signature: Buffer.from(cms), signerId: principal.userId },
      ...attachments.map((attachment) => ({
        ...filed,
        kind: attachment.purpose === 'power_of_attorney' ? ('power_of_attorney' as const) : attachment.purpose === 'payment_document' ? ('payment_document' as const) : ('attachment' as const),
        title: attachment.name,
        fileName: attachment.name,
        mediaType: attachment.mediaType,
        sizeBytes: attachment.sizeBytes,
        sha256: attachment.sha256,
      })),
    ]);
    const updated = await tx
      .update(filings)
      .set({
        status: 'submitted',
        caseId,
        talonNumber,
        verifyCode,
        submittedAt: now,
        manifestSha256: staged.sha256,
        signature: Buffer.from(cms),
        certificateId: certificate?.id ?? null,
        dutyAmountTiyn: duty.amountTiyn,
        dutyBasis: duty.basis,
        dutyStatus,
        dutyFlagged: !dutySettled(dutyStatus),
        updatedAt: now,
      })
      .where(and(eq(filings.id, id), eq(filings.status, 'draft')))
      .returning({ id: filings.id });
    if (updated.length === 0) throw new SotError('filing_changed');
    await tx.insert(events).values({ caseId, type: 'filing_submitted', occurredAt: now, actorId: principal.userId, data: { filingType: filing.type, talonNumber } });
    const [filer] = await tx.select().from(users).where(eq(users.id, principal.userId));
    await queueNotice(
      tx,
      filer!,
      {
        event: 'filing_received',
        aboutId: id,
        caseId,
        link: urls.talon(id),
        legallyRequired: false,
        compose: (t) => {
          const params = { talon: talonNumber, kind: t(`talon.filingType.${filing.type}`) };
          return { subject: t('notifications.filingReceived.subject', params), body: t('notifications.filingReceived.body', params) };
        },
      },
      now,
    );
    await appendAudit(tx, { actorId: principal.userId, action: 'filing.submitted', entityType: 'filing', entityId: id, data: { talonNumber, caseId, manifest: staged.sha256 } }, now);
    return { talonNumber, verifyCode };
  });
  return talon;
}

