import { and, desc, eq, inArray, isNotNull, notInArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { accessLog, documents, parties, recordings, users } from '../db/schema/index.ts';
import { COURT_ACT_KINDS } from '../domain/courtActs.ts';

/**
 * The documents of a case that its readers see: court acts once issued, the parties' filings and
 * attachments, the court's notices. Drafts never appear; documents kept for the court appear only
 * where the judge opened them to this reader on their request to read the materials (`granted`,
 * from src/queries/familiarisation.ts).
 */
const visibleToReaders = (caseId: string, granted: readonly string[] = []) =>
  and(
    eq(documents.caseId, caseId),
    granted.length > 0 ? or(inArray(documents.visibility, ['parties', 'public']), inArray(documents.id, [...granted])) : inArray(documents.visibility, ['parties', 'public']),
    // A court act counts once issued; everything else once it is in the case.
    or(isNotNull(documents.issuedAt), notInArray(documents.kind, [...COURT_ACT_KINDS])),
  );

/** The columns every list of a case's documents shows; the court's e-case file adds its own. */
export const documentColumns = {
  id: documents.id,
  kind: documents.kind,
  title: documents.title,
  fileName: documents.fileName,
  mediaType: documents.mediaType,
  sizeBytes: documents.sizeBytes,
  sha256: documents.sha256,
  issuedAt: documents.issuedAt,
  createdAt: documents.createdAt,
  decisionForm: documents.decisionForm,
  verifyCode: documents.verifyCode,
};

export async function caseDocuments(db: Db, caseId: string, granted: readonly string[] = []) {
  return db.select(documentColumns).from(documents).where(visibleToReaders(caseId, granted)).orderBy(desc(documents.createdAt));
}
export type CaseDocument = Awaited<ReturnType<typeof caseDocuments>>[number];

export async function caseDocument(db: Db, caseId: string, documentId: string, granted: readonly string[] = []): Promise<CaseDocument | null> {
  const [row] = await db
    .select(documentColumns)
    .from(documents)
    .where(and(visibleToReaders(caseId, granted), eq(documents.id, documentId)));
  return row ?? null;
}

export const isCourtAct = (kind: string) => (COURT_ACT_KINDS as readonly string[]).includes(kind);

/**
 * The case's access log, newest first. A participant is named as the case names them (their
 * party entry); court staff appear by position only.
 */
export async function accessLogOf(db: Db, caseId: string, limit = 500) {
  const reader = alias(users, 'reader');
  const rows = await db
    .select({
      id: accessLog.id,
      occurredAt: accessLog.occurredAt,
      action: accessLog.action,
      capacity: accessLog.capacity,
      documentTitle: documents.title,
      documentKind: documents.kind,
      recordingTitle: recordings.title,
      readerName: reader.fullName,
      userId: accessLog.userId,
    })
    .from(accessLog)
    .innerJoin(reader, eq(reader.id, accessLog.userId))
    .leftJoin(documents, eq(documents.id, accessLog.documentId))
    .leftJoin(recordings, eq(recordings.id, accessLog.recordingId))
    .where(eq(accessLog.caseId, caseId))
    .orderBy(desc(accessLog.occurredAt), desc(accessLog.id))
    .limit(limit);
  const participantNames = new Map(
    (await db.select({ userId: parties.userId, name: parties.displayName }).from(parties).where(and(eq(parties.caseId, caseId), isNotNull(parties.userId)))).map((p) => [p.userId!, p.name]),
  );
  return rows.map(({ readerName, userId, ...row }) => ({
    ...row,
    // Staff are shown by position; a participant by the name the case knows them by.
    name: row.capacity === 'party' || row.capacity === 'representative' ? (participantNames.get(userId) ?? readerName) : null,
  }));
}
export type AccessLogRow = Awaited<ReturnType<typeof accessLogOf>>[number];
