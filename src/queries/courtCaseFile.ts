/**
 * The e-case file as the court keeps it: every document of the case in the order it came in
 * (court act drafts stay on the judge's own page), who filed each and its signature checked
 * again, the duty of each filing, the participants with their contacts, and the requests to read
 * the materials. Callers check the policy (`court_file`) first.
 */
import { and, asc, eq, isNotNull, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { actDataOf } from '../acts/actData.ts';
import type { BlobStore } from '../adapters/storage/blobStore.ts';
import type { SignatureVerifier } from '../adapters/eds/index.ts';
import type { Db } from '../db/client.ts';
import { documents, filings, parties, users } from '../db/schema/index.ts';
import { COURT_ACT_KINDS } from '../domain/courtActs.ts';
import type { Lang } from '../i18n/index.ts';
import { issuedAct } from './caseFile.ts';
import { checkFilingSignature } from './office.ts';
import { documentColumns } from './caseDocuments.ts';

/** Everything in the file but a court act not yet issued, which is the judge's draft. */
const inCourtFile = (caseId: string) => and(eq(documents.caseId, caseId), or(isNotNull(documents.issuedAt), notInArray(documents.kind, [...COURT_ACT_KINDS])));

const columns = {
  ...documentColumns,
  createdBy: documents.createdBy,
  visibility: documents.visibility,
  receivedOn: documents.receivedOn,
};

/** How a document's signature stands now: its own (a filing's manifest, a court act), the filing's that covers it, or none. */
export type DocumentSignature =
  | { kind: 'filing'; valid: boolean; signer: string | null }
  | { kind: 'act'; valid: boolean; signer: string | null }
  | { kind: 'covered'; by: string; valid: boolean }
  | { kind: 'none' };

export async function courtFileDocuments(db: Db, caseId: string) {
  const filer = alias(users, 'filer');
  const [rows, participants] = await Promise.all([
    db
      .select({ ...columns, signature: documents.signature, filerName: filer.fullName })
      .from(documents)
      .leftJoin(filer, eq(filer.id, documents.createdBy))
      .where(inCourtFile(caseId))
      // A filing comes before the attachments submitted with it, at the same moment.
      .orderBy(asc(documents.createdAt), asc(sql`${documents.signature} is null`), asc(documents.id)),
    db.select({ userId: parties.userId, name: parties.displayName, role: parties.role }).from(parties).where(and(eq(parties.caseId, caseId), isNotNull(parties.userId))),
  ]);
  // A participant is named as the case names them, with their standing; court staff by their own name.
  const asParticipant = new Map(participants.map((p) => [p.userId!, p]));
  return rows.map((row) => {
    const participant = row.createdBy ? asParticipant.get(row.createdBy) : undefined;
    return { ...row, filerName: participant?.name ?? row.filerName, filerRole: participant?.role ?? null };
  });
}
export type CourtFileDocumentRow = Awaited<ReturnType<typeof courtFileDocuments>>[number];

export async function courtFileDocument(db: Db, caseId: string, documentId: string) {
  const [row] = await db.select(columns).from(documents).where(and(inCourtFile(caseId), eq(documents.id, documentId)));
  return row ?? null;
}

/**
 * The signature of each document, checked again now. A filing's manifest is checked as the office
 * checks it; its attachments (named by sha256 in the manifest) stand with it; an issued act is
 * checked as its page checks it.
 */
export async function signaturesOf(
  db: Db,
  rows: CourtFileDocumentRow[],
  deps: { verifier: SignatureVerifier; blobs: BlobStore; publicUrl: string },
  lang: Lang,
  now: Date,
): Promise<Map<string, DocumentSignature>> {
  const result = new Map<string, DocumentSignature>();
  const manifests = new Map<string, { title: string; valid: boolean }>();
  for (const row of rows) {
    if ((COURT_ACT_KINDS as readonly string[]).includes(row.kind) && row.issuedAt) {
      const act = await issuedAct(db, { documentId: row.id });
      const data = act ? await actDataOf(act, deps, lang, false) : null;
      result.set(row.id, { kind: 'act', valid: data?.signature.valid ?? false, signer: data?.signature.valid ? data.signature.signer.fullName : (act?.signerName ?? null) });
    } else if (row.signature) {
      const check = await checkFilingSignature(deps.blobs, deps.verifier, { signature: row.signature, manifestSha256: row.sha256, submittedAt: row.createdAt }, now);
      const valid = check?.atSigning.valid === true;
      result.set(row.id, { kind: 'filing', valid, signer: check?.signer?.name ?? null });
      manifests.set(`${row.createdBy}:${row.createdAt.getTime()}`, { title: row.title, valid });
    }
  }
  for (const row of rows) {
    if (result.has(row.id)) continue;
    // Attachments are written in the submitting transaction, with its moment and filer.
    const manifest = manifests.get(`${row.createdBy}:${row.createdAt.getTime()}`);
    result.set(row.id, manifest ? { kind: 'covered', by: manifest.title, valid: manifest.valid } : { kind: 'none' });
  }
  return result;
}

/** Every submitted filing of the case with its duty: amount, basis and where its payment stands. */
export async function dutiesOf(db: Db, caseId: string) {
  return db
    .select({
      id: filings.id,
      type: filings.type,
      talonNumber: filings.talonNumber,
      submittedAt: filings.submittedAt,
      status: filings.dutyStatus,
      amountTiyn: filings.dutyAmountTiyn,
      basis: filings.dutyBasis,
    })
    .from(filings)
    .where(and(eq(filings.caseId, caseId), isNotNull(filings.submittedAt)))
    .orderBy(asc(filings.submittedAt));
}
export type DutyRow = Awaited<ReturnType<typeof dutiesOf>>[number];

/** The participants with the contacts they gave, each representative under the party they act for. */
export async function participantsWithContacts(db: Db, caseId: string) {
  const rows = await db
    .select({
      id: parties.id,
      role: parties.role,
      name: parties.displayName,
      address: parties.address,
      phone: parties.phone,
      email: parties.email,
      representsPartyId: parties.representsPartyId,
      authorityDocumentId: parties.authorityDocumentId,
      authorityAcceptedAt: parties.authorityAcceptedAt,
    })
    .from(parties)
    .where(eq(parties.caseId, caseId))
    .orderBy(asc(parties.createdAt), asc(parties.id));
  const principals = rows.filter((p) => p.representsPartyId === null);
  return principals.map((p) => ({ ...p, representatives: rows.filter((r) => r.representsPartyId === p.id) }));
}
export type PartyWithContacts = Awaited<ReturnType<typeof participantsWithContacts>>[number];
