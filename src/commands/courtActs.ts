/**
 * Court acts: the judge writes the act (a draft only the court sees), signs its manifest with
 * their EDS, and issuing it — in one transaction under the case's lock — makes it a document of
 * the case with a public check code, moves the case on (a decision, a higher court's resolution
 * and what it does to the case under review), and opens and closes the terms that follow.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { Readable } from 'node:stream';
import type { SignatureVerifier } from '../adapters/eds/index.ts';
import { readBlob, type BlobStore, type StoredBlob } from '../adapters/storage/blobStore.ts';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { keepBlob } from '../db/blobs.ts';
import type { Tx } from '../db/tx.ts';
import { blobs, cases, courts, documents, events, users } from '../db/schema/index.ts';
import { actEffect, actManifest, lowerCaseEffect, type ActChoice, type CourtActKind, type HearingOfTheDay, type DecisionForm, type ReviewOutcome } from '../domain/courtActs.ts';
import { isUuid } from '../domain/ids.ts';
import { hasTrialTerms } from '../domain/deadlines.ts';
import { newVerifyCode } from '../auth/tokens.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { closeDeadlines, moveCase, openDeadline, today } from './caseProgress.ts';
import { hearingForActs } from './hearingLifecycle.ts';
import { noticeOrderCancelled } from './courtOrders.ts';
import { noticeToParticipants } from './notices.ts';
import { prepareForBank } from './judgments.ts';
import { absentFromHearing, openAbsentPartyTerms } from './decisionCopies.ts';
import { decisionParties } from '../queries/partyStanding.ts';
import { urls } from '../urls.ts';
import { decodeCms, verifySigner } from './signatures.ts';
import { stageChecked, type IncomingFile } from './filings.ts';

export interface ActDraft {
  kind: CourtActKind;
  decisionForm?: DecisionForm | null;
  outcome?: ReviewOutcome | null;
  title: string;
  /**
   * A decision: the parties the judge ticked as taking part in the hearing at which it was made;
   * absent when not asked (everyone took part). Each party not among them gets an appeal term of
   * their own, from the day a copy is sent to them (CPC Art. 403(3)).
   */
  tookPartIds?: readonly string[];
  /** The act written in the page, or the act as a PDF the judge prepared elsewhere. */
  content: { text: string } | { file: IncomingFile };
}

const TEXT_MEDIA_TYPE = 'text/plain; charset=utf-8';
const MAX_TEXT = 200_000;

async function judgeCase(db: Db | Tx, principal: Principal, caseId: string, lock = false) {
  if (!isUuid(caseId)) throw new SotError('not_found');
  const query = db
    .select({ case: cases, court: { code: courts.code, nameRu: courts.nameRu } })
    .from(cases)
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .where(eq(cases.id, caseId));
  const [found] = lock ? await query.for('update', { of: cases }) : await query;
  if (!found || !can(principal, { action: 'decide', resource: 'case', courtId: found.case.courtId, judgeId: found.case.judgeId })) throw new SotError('not_found');
  return found;
}

function refuseUnlessAllowed(choice: ActChoice, instance: number, status: Parameters<typeof actEffect>[2], category: string, hearing: HearingOfTheDay) {
  const effect = actEffect(choice, instance, status, category, hearing);
  if ('refused' in effect) throw new SotError(effect.refused);
  return effect;
}

/** The act's bytes in the blob store: its text as UTF-8, or the uploaded PDF checked by content. */
async function storedContent(store: BlobStore, content: ActDraft['content']): Promise<{ staged: StoredBlob; mediaType: string; fileName: string | null }> {
  if ('text' in content) {
    const text = content.text.replace(/\r\n/g, '\n').trim();
    if (text.length < 20 || text.length > MAX_TEXT) throw new SotError('act_text_required');
    const bytes = Buffer.from(text, 'utf8');
    return { staged: await store.stage(Readable.from([bytes]), bytes.byteLength), mediaType: TEXT_MEDIA_TYPE, fileName: null };
  }
  const checked = await stageChecked(store, content.file);
  // A court act is issued as text or as a PDF: a scan or a spreadsheet is not an act.
  if (checked.mediaType !== 'application/pdf') {
    await store.discard(checked.staged);
    throw new SotError('act_file_not_pdf');
  }
  return { staged: checked.staged, mediaType: checked.mediaType, fileName: checked.fileName };
}

/** Saves the judge's act as a draft of the case, seen only by the court until it is issued. */
export async function draftAct(db: Db, store: BlobStore, principal: Principal, caseId: string, draft: ActDraft, now: Date): Promise<string> {
  const found = await judgeCase(db, principal, caseId);
  const choice: ActChoice = { kind: draft.kind, decisionForm: draft.decisionForm ?? null, outcome: draft.outcome ?? null };
  refuseUnlessAllowed(choice, found.case.instance, found.case.status, found.case.category, await hearingForActs(db, caseId, now));
  const title = draft.title.trim();
  if (title.length < 3 || title.length > 300) throw new SotError('act_title_required');
  // Who took part in the hearing matters for a decision only: it is what the appeal term follows.
  const absentPartyIds = draft.kind === 'decision' && draft.tookPartIds ? await absentFromHearing(db, caseId, draft.tookPartIds) : [];
  const { staged, mediaType, fileName } = await storedContent(store, draft.content);
  await keepBlob(db, store, staged, mediaType, now);
  return db.transaction(async (tx) => {
    await tx.insert(blobs).values({ sha256: staged.sha256, sizeBytes: staged.sizeBytes, mediaType, createdAt: now }).onConflictDoNothing();
    const [row] = await tx
      .insert(documents)
      .values({
        caseId,
        kind: draft.kind,
        decisionForm: choice.decisionForm,
        outcome: choice.outcome,
        absentPartyIds: draft.kind === 'decision' ? absentPartyIds : null,
        title,
        fileName,
        mediaType,
        sizeBytes: staged.sizeBytes,
        sha256: staged.sha256,
        visibility: 'court',
        createdBy: principal.userId,
        createdAt: now,
      })
      .returning({ id: documents.id });
    await appendAudit(tx, { actorId: principal.userId, action: 'act.drafted', entityType: 'case', entityId: caseId, data: { documentId: row!.id, kind: draft.kind } }, now);
    return row!.id;
  });
}

async function draftOf(db: Db | Tx, principal: Principal, documentId: string) {
  if (!isUuid(documentId)) throw new SotError('not_found');
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
  if (!doc?.caseId || !['ruling', 'decision', 'court_order', 'resolution'].includes(doc.kind)) throw new SotError('not_found');
  const found = await judgeCase(db, principal, doc.caseId);
  return { doc, ...found };
}

async function manifestFor(db: Db | Tx, doc: typeof documents.$inferSelect, found: Awaited<ReturnType<typeof judgeCase>>, principal: Principal): Promise<Uint8Array> {
  const [judge] = await db.select({ name: users.fullName }).from(users).where(eq(users.id, principal.userId));
  // The judge signs who did not take part too, so it cannot change between signing and issuing.
  const absent = doc.absentPartyIds?.length ? (await decisionParties(db, found.case.id)).filter((p) => doc.absentPartyIds!.includes(p.id)).map((p) => ({ id: p.id, name: p.name })) : [];
  return actManifest({
    absentParties: absent,
    documentId: doc.id,
    court: found.court,
    caseNumber: found.case.number ?? '',
    act: { kind: doc.kind as CourtActKind, decisionForm: doc.decisionForm, outcome: doc.outcome },
    title: doc.title,
    content: { sha256: doc.sha256!, mediaType: doc.mediaType!, sizeBytes: doc.sizeBytes! },
    judge: { name: judge!.name },
  });
}

/** The bytes the judge signs to issue a draft act. */
export async function actManifestOf(db: Db, principal: Principal, documentId: string): Promise<Uint8Array> {
  const { doc, ...found } = await draftOf(db, principal, documentId);
  if (doc.issuedAt) throw new SotError('act_issued');
  return manifestFor(db, doc, found, principal);
}

/** Removes a draft act that was never issued. */
export async function discardAct(db: Db, principal: Principal, documentId: string, now: Date): Promise<void> {
  const { doc } = await draftOf(db, principal, documentId);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(documents)
      .where(and(eq(documents.id, doc.id), isNull(documents.issuedAt)))
      .returning({ id: documents.id });
    if (removed.length === 0) throw new SotError('act_issued');
    await appendAudit(tx, { actorId: principal.userId, action: 'act.discarded', entityType: 'case', entityId: doc.caseId!, data: { documentId: doc.id } }, now);
  });
}

/**
 * Issues a signed act. The signature must verify over the manifest rebuilt from what is stored
 * now, so an act edited after it was signed cannot be issued with the old signature.
 */
export async function issueAct(db: Db, verifier: SignatureVerifier, store: BlobStore, principal: Principal, documentId: string, cmsText: string, now: Date): Promise<{ verifyCode: string }> {
  const { doc, ...found } = await draftOf(db, principal, documentId);
  if (doc.issuedAt) throw new SotError('act_issued');
  const manifest = await manifestFor(db, doc, found, principal);
  const cms = decodeCms(cmsText);
  await verifySigner(verifier, principal, cms, manifest, now);
  const choice: ActChoice = { kind: doc.kind as CourtActKind, decisionForm: doc.decisionForm, outcome: doc.outcome };
  const caseId = doc.caseId!;
  // The judgment bank reads the act's text; an act issued as a PDF has none it can depersonalise.
  const text = doc.mediaType === TEXT_MEDIA_TYPE && doc.sha256 ? (await readBlob(store, doc.sha256)).toString('utf8') : null;

  return db.transaction(async (tx) => {
    const locked = await judgeCase(tx, principal, caseId, true);
    const effect = refuseUnlessAllowed(choice, locked.case.instance, locked.case.status, locked.case.category, await hearingForActs(tx, caseId, now));
    const verifyCode = newVerifyCode();
    const issued = await tx
      .update(documents)
      .set({ signature: Buffer.from(cms), signedManifest: Buffer.from(manifest).toString('utf8'), verifyCode, signerId: principal.userId, issuedAt: now, visibility: 'parties' })
      .where(and(eq(documents.id, documentId), isNull(documents.issuedAt)))
      .returning({ id: documents.id });
    if (issued.length === 0) throw new SotError('act_issued');

    const day = today(now);
    const entersIntoForce = effect.path.at(-1) === 'in_force';
    await moveCase(tx, {
      caseId,
      instance: locked.case.instance,
      from: locked.case.status,
      path: effect.path,
      actorId: principal.userId,
      now,
      data: { documentId },
      ...(entersIntoForce ? { set: { inForceOn: day } } : {}),
    });
    await closeDeadlines(tx, caseId, effect.closes, now);
    for (const kind of effect.opens) await openDeadline(tx, caseId, kind, day);
    // Parties absent from the hearing get their own appeal term (CPC Art. 403(3)).
    if (effect.opens.includes('appeal')) await openAbsentPartyTerms(tx, caseId, doc.absentPartyIds ?? [], day, principal.userId, now);
    // An appellate act in force may still be complained of in cassation.
    if (entersIntoForce && locked.case.instance === 2) await openDeadline(tx, caseId, 'cassation', day);
    await tx.insert(events).values({ caseId, type: 'document_issued', occurredAt: now, actorId: principal.userId, data: { documentId, kind: choice.kind, decisionForm: choice.decisionForm, outcome: choice.outcome } });
    await prepareForBank(tx, { documentId, caseId, kind: choice.kind, decisionForm: choice.decisionForm ?? null, outcome: choice.outcome ?? null, text }, now);
    if (choice.outcome && locked.case.parentCaseId) await reportOutcome(tx, locked.case.parentCaseId, caseId, choice.outcome, documentId, now);
    if (effect.path.includes('order_cancelled')) await noticeOrderCancelled(tx, { caseId, number: locked.case.number ?? '', documentId, actorId: principal.userId }, now);
    await appendAudit(tx, { actorId: principal.userId, action: 'act.issued', entityType: 'case', entityId: caseId, data: { documentId, kind: choice.kind, verifyCode } }, now);
    await noticeToParticipants(
      tx,
      {
        event: 'document_issued',
        aboutId: documentId,
        caseId,
        // The notice leads to the act itself.
        link: urls.caseDocument(caseId, documentId),
        legallyRequired: true,
        compose: (t) => {
          const params = { number: locked.case.number ?? '', act: t(`proceedings.actKind.${choice.kind}`) };
          return { subject: t('proceedings.notice.actIssued.subject', params), body: t('proceedings.notice.actIssued.body', params) };
        },
      },
      now,
    );
    return { verifyCode };
  });
}

/** A higher court's outcome reaches the case it reviewed: its timeline always, its status when the outcome moves it. */
async function reportOutcome(tx: Tx, lowerId: string, reviewCaseId: string, outcome: ReviewOutcome, documentId: string, now: Date): Promise<void> {
  const [lower] = await tx.select({ status: cases.status, instance: cases.instance, category: cases.category, simplified: cases.simplified }).from(cases).where(eq(cases.id, lowerId)).for('update');
  if (!lower) return;
  const next = lowerCaseEffect(outcome, lower.status);
  const day = today(now);
  if (next) {
    await moveCase(tx, { caseId: lowerId, instance: lower.instance, from: lower.status, path: [next], actorId: null, now, data: { reviewCaseId, outcome }, ...(next === 'in_force' ? { set: { inForceOn: day } } : {}) });
    await closeDeadlines(tx, lowerId, ['appeal', 'decision_copies_sent'], now);
    if (next === 'in_force') await openDeadline(tx, lowerId, 'cassation', day);
    // Sent back for a new hearing: the case is prepared again (CPC Art. 164(1)).
    if (next === 'preparation' && hasTrialTerms(lower)) await openDeadline(tx, lowerId, 'preparation', day);
  }
  await tx.insert(events).values({ caseId: lowerId, type: 'review_outcome', occurredAt: now, actorId: null, data: { reviewCaseId, outcome, documentId } });
}
