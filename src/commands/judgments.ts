/**
 * The judgment bank's state changes. An issued final act becomes a `judgments` row in the
 * issuing transaction, its text depersonalised from the case's people (src/domain/judgments.ts
 * says which acts, CPC Art. 19); the judge of the case or its court's office reviews it and
 * publishes it (once the act is in force) or withholds it with a reason; a party asks for a
 * correction of a published one, which the court corrects or declines. Every change is
 * compare-and-set on the row's status, with its audit row.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import type { Tx } from '../db/tx.ts';
import { cases, courts, events, judgmentCorrections, judgments, organisations, parties, users } from '../db/schema/index.ts';
import { depersonalise, type NamedPerson } from '../domain/depersonalise/index.ts';
import type { CourtActKind, DecisionForm, ReviewOutcome } from '../domain/courtActs.ts';
import type { CaseStatus } from '../domain/caseStatus.ts';
import { isUuid } from '../domain/ids.ts';
import { actInForce, CORRECTION_MAX, JUDGMENT_TEXT_MAX, judgmentLanguage, publicationRefusal, REVIEW_REASON_MAX } from '../domain/judgments.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { ownPartyIds } from '../queries/familiarisation.ts';
import { urls } from '../urls.ts';
import { today } from './caseProgress.ts';
import { noticeToParty } from './notices.ts';

export interface IssuedAct {
  documentId: string;
  caseId: string;
  kind: CourtActKind;
  decisionForm: DecisionForm | null;
  outcome: ReviewOutcome | null;
  /** The act's text; null when it was issued only as a PDF, which the bank cannot read. */
  text: string | null;
}

/**
 * The people the act may name, as the depersonaliser needs them: parties who are private
 * persons are replaced by initials, legal entities and officials (the judge, representatives
 * and lawyers acting in their profession) keep their names.
 */
export async function peopleOfCase(tx: Pick<Db, 'select'>, caseId: string): Promise<NamedPerson[]> {
  const rows = await tx
    .select({ name: parties.displayName, role: parties.role, organisation: organisations.name })
    .from(parties)
    .leftJoin(organisations, eq(organisations.id, parties.organisationId))
    .where(eq(parties.caseId, caseId));
  const people: NamedPerson[] = [];
  for (const row of rows) {
    if (row.role === 'representative' || row.role === 'lawyer') people.push({ name: row.name, kind: 'official' });
    else if (row.organisation) people.push({ name: row.organisation, kind: 'entity' });
    else people.push({ name: row.name, kind: 'private' });
  }
  const [judge] = await tx.select({ name: users.fullName }).from(cases).innerJoin(users, eq(users.id, cases.judgeId)).where(eq(cases.id, caseId));
  if (judge) people.push({ name: judge.name, kind: 'official' });
  return people;
}

/**
 * Called inside the transaction that issues an act: a final act that may be public gets its
 * bank row, depersonalised and waiting for review. Returns the row's id, or null when the act
 * stays out of the bank (a ruling, a closed hearing, a matter kept secret).
 */
export async function prepareForBank(tx: Tx, act: IssuedAct, now: Date): Promise<string | null> {
  const [found] = await tx
    .select({ case: cases, courtLevel: courts.level })
    .from(cases)
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .where(eq(cases.id, act.caseId));
  if (!found) return null;
  if (publicationRefusal({ kind: act.kind, decisionForm: act.decisionForm, closedHearing: found.case.closedHearing, category: found.case.category })) return null;
  const base = {
    documentId: act.documentId,
    caseId: act.caseId,
    courtId: found.case.courtId,
    courtLevel: found.courtLevel,
    caseNumber: found.case.number ?? '',
    caseKind: found.case.kind,
    category: found.case.category,
    actKind: act.kind,
    outcome: act.outcome,
    issuedOn: today(now),
    createdAt: now,
  };
  // An act issued only as a PDF has no text to depersonalise: it waits for one and stays out of the bank.
  const values = act.text === null ? { ...base, status: 'needs_text' as const } : { ...base, status: 'pending_review' as const, ...detected(act.text, await peopleOfCase(tx, act.caseId)) };
  const [row] = await tx.insert(judgments).values(values).onConflictDoNothing().returning({ id: judgments.id });
  return row?.id ?? null;
}

function detected(text: string, people: readonly NamedPerson[]) {
  const result = depersonalise(text, people);
  return { text: result.text, flags: result.flags.map((f) => ({ start: f.start, end: f.end, reason: f.reason })), replacements: result.replacements.length, lang: judgmentLanguage(result.text) };
}

async function reviewable(db: Pick<Db, 'select'>, principal: Principal, judgmentId: string, lock = false) {
  if (!isUuid(judgmentId)) throw new SotError('not_found');
  const query = db
    .select({ judgment: judgments, caseStatus: cases.status, judgeId: cases.judgeId })
    .from(judgments)
    .innerJoin(cases, eq(cases.id, judgments.caseId))
    .where(eq(judgments.id, judgmentId));
  const [found] = lock ? await query.for('update', { of: judgments }) : await query;
  if (!found || !can(principal, { action: 'review', resource: 'judgment', courtId: found.judgment.courtId, judgeId: found.judgeId })) throw new SotError('not_found');
  return found;
}

function cleanText(text: string): string {
  const clean = text.replace(/\r\n/g, '\n').trim();
  if (clean.length < 20 || clean.length > JUDGMENT_TEXT_MAX) throw new SotError('judgment_text_required');
  return clean;
}

export interface ReviewInput {
  /** The official's edit of the depersonalised text; absent when they publish it as it is. */
  text?: string | undefined;
  /** The official looked at every passage still flagged and publishes them as they are. */
  flagsChecked?: boolean | undefined;
}

/**
 * Saves the official's edit without publishing: the detectors run again on the edited text, so
 * what they still find is flagged.
 */
export async function saveJudgmentEdit(db: Db, principal: Principal, judgmentId: string, text: string, now: Date): Promise<void> {
  const edited = cleanText(text);
  await db.transaction(async (tx) => {
    const found = await reviewable(tx, principal, judgmentId, true);
    if (found.judgment.status !== 'pending_review' && found.judgment.status !== 'published') throw new SotError('judgment_not_pending');
    const again = detected(edited, await peopleOfCase(tx, found.judgment.caseId));
    await tx.update(judgments).set({ text: again.text, flags: again.flags, lang: again.lang }).where(eq(judgments.id, judgmentId));
    await appendAudit(tx, { actorId: principal.userId, action: 'judgment.edited', entityType: 'judgment', entityId: judgmentId, data: { flags: again.flags.length } }, now);
  });
}

/**
 * Publishes the judgment: at once when nothing is flagged, or after the official edited it
 * and checked what the detectors still flag. Only an act in force is published (CPC Art. 19(9)).
 */
export async function publishJudgment(db: Db, principal: Principal, judgmentId: string, input: ReviewInput, now: Date): Promise<'published' | 'flags_remain'> {
  const edited = input.text === undefined ? null : cleanText(input.text);
  return db.transaction(async (tx) => {
    const found = await reviewable(tx, principal, judgmentId, true);
    const { judgment } = found;
    if (judgment.status !== 'pending_review') throw new SotError('judgment_not_pending');
    if (!actInForce(judgment.actKind as CourtActKind, found.caseStatus as CaseStatus)) throw new SotError('judgment_not_in_force');
    const next = edited === null ? { text: judgment.text!, flags: judgment.flags, lang: judgment.lang } : detected(edited, await peopleOfCase(tx, judgment.caseId));
    if (next.flags.length > 0 && !input.flagsChecked) {
      // Keep the edit, so the official sees what is still flagged in what they wrote.
      await tx.update(judgments).set({ text: next.text, flags: next.flags, lang: next.lang }).where(eq(judgments.id, judgmentId));
      return 'flags_remain';
    }
    const updated = await tx
      .update(judgments)
      .set({ text: next.text, flags: next.flags, lang: next.lang, status: 'published', reason: null, reviewedBy: principal.userId, reviewedAt: now, publishedAt: judgment.publishedAt ?? now })
      .where(and(eq(judgments.id, judgmentId), eq(judgments.status, 'pending_review')))
      .returning({ id: judgments.id });
    if (updated.length === 0) throw new SotError('judgment_not_pending');
    await tx.insert(events).values({ caseId: judgment.caseId, type: 'judgment_published', occurredAt: now, actorId: principal.userId, data: { judgmentId, documentId: judgment.documentId } });
    await appendAudit(tx, { actorId: principal.userId, action: 'judgment.published', entityType: 'judgment', entityId: judgmentId, data: { documentId: judgment.documentId, edited: edited !== null, flags: next.flags.length } }, now);
    return 'published' as const;
  });
}

/** Keeps the act out of the bank, with the official's reason (a published one is taken down). */
export async function withholdJudgment(db: Db, principal: Principal, judgmentId: string, reason: string, now: Date): Promise<void> {
  const why = reason.trim();
  if (why.length < 3 || why.length > REVIEW_REASON_MAX) throw new SotError('judgment_reason_required');
  await db.transaction(async (tx) => {
    const { judgment } = await reviewable(tx, principal, judgmentId, true);
    if (judgment.status === 'withheld') throw new SotError('judgment_not_pending');
    const text = judgment.text ?? '';
    await tx.update(judgments).set({ status: 'withheld', reason: why, text, reviewedBy: principal.userId, reviewedAt: now }).where(eq(judgments.id, judgmentId));
    await appendAudit(tx, { actorId: principal.userId, action: 'judgment.withheld', entityType: 'judgment', entityId: judgmentId, data: { documentId: judgment.documentId, was: judgment.status } }, now);
  });
}

/** A party of the case asks the court to correct a published judgment. */
export async function requestJudgmentCorrection(db: Db, principal: Principal, judgmentId: string, note: string, now: Date): Promise<string> {
  if (!isUuid(judgmentId)) throw new SotError('not_found');
  const what = note.trim();
  if (what.length < 10 || what.length > CORRECTION_MAX) throw new SotError('judgment_correction_note_required');
  return db.transaction(async (tx) => {
    const [judgment] = await tx.select().from(judgments).where(eq(judgments.id, judgmentId)).for('update');
    const [partyId] = judgment ? await ownPartyIds(tx, principal, judgment.caseId) : [];
    if (!judgment || !partyId) throw new SotError('not_found');
    if (judgment.status !== 'published') throw new SotError('judgment_not_published');
    const open = await tx
      .select({ id: judgmentCorrections.id })
      .from(judgmentCorrections)
      .where(and(eq(judgmentCorrections.judgmentId, judgmentId), eq(judgmentCorrections.partyId, partyId), eq(judgmentCorrections.status, 'pending')));
    if (open.length > 0) throw new SotError('judgment_correction_pending');
    const [row] = await tx.insert(judgmentCorrections).values({ judgmentId, partyId, requestedBy: principal.userId, note: what, requestedAt: now }).returning({ id: judgmentCorrections.id });
    await tx.insert(events).values({ caseId: judgment.caseId, type: 'judgment_correction_requested', occurredAt: now, actorId: principal.userId, data: { judgmentId, correctionId: row!.id } });
    await appendAudit(tx, { actorId: principal.userId, action: 'judgment.correction_requested', entityType: 'judgment', entityId: judgmentId, data: { correctionId: row!.id, partyId } }, now);
    return row!.id;
  });
}

export type CorrectionAnswer = { action: 'correct'; text: string } | { action: 'decline'; reason: string };

/** The court corrects the published text (it stays published) or declines with a reason; the party is told. */
export async function answerJudgmentCorrection(db: Db, principal: Principal, correctionId: string, answer: CorrectionAnswer, now: Date): Promise<void> {
  if (!isUuid(correctionId)) throw new SotError('not_found');
  const reason = answer.action === 'decline' ? answer.reason.trim() : null;
  if (reason !== null && (reason.length < 3 || reason.length > REVIEW_REASON_MAX)) throw new SotError('judgment_reason_required');
  const edited = answer.action === 'correct' ? cleanText(answer.text) : null;
  await db.transaction(async (tx) => {
    const [request] = await tx.select().from(judgmentCorrections).where(eq(judgmentCorrections.id, correctionId));
    if (!request) throw new SotError('not_found');
    const { judgment } = await reviewable(tx, principal, request.judgmentId, true);
    const status = answer.action === 'correct' ? 'corrected' : 'declined';
    const updated = await tx
      .update(judgmentCorrections)
      .set({ status, reason, decidedBy: principal.userId, decidedAt: now })
      .where(and(eq(judgmentCorrections.id, correctionId), eq(judgmentCorrections.status, 'pending')))
      .returning({ id: judgmentCorrections.id });
    if (updated.length === 0) throw new SotError('judgment_correction_answered');
    if (edited !== null) {
      const again = detected(edited, await peopleOfCase(tx, judgment.caseId));
      await tx.update(judgments).set({ text: again.text, flags: again.flags, lang: again.lang, reviewedBy: principal.userId, reviewedAt: now }).where(eq(judgments.id, judgment.id));
    }
    await appendAudit(tx, { actorId: principal.userId, action: `judgment.correction_${status}`, entityType: 'judgment', entityId: judgment.id, data: { correctionId } }, now);
    const [found] = await tx.select({ number: cases.number }).from(cases).where(eq(cases.id, judgment.caseId));
    await noticeToParty(
      tx,
      {
        event: 'judgment_correction_answered',
        aboutId: correctionId,
        caseId: judgment.caseId,
        link: urls.judgment(judgment.id),
        legallyRequired: false,
        compose: (t) => {
          const params = { number: found?.number ?? '' };
          return edited !== null
            ? { subject: t('judgments.notice.corrected.subject', params), body: t('judgments.notice.corrected.body', params) }
            : { subject: t('judgments.notice.declined.subject', params), body: t('judgments.notice.declined.body', { ...params, reason: reason ?? '' }) };
        },
      },
      request.partyId,
      now,
    );
  });
}
