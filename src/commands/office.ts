/**
 * What the court office does with a filing that came in: receives a filing made in an existing
 * case, or attaches a claim that needs no case of its own to the case it belongs to. Each is one
 * transaction with its timeline event and audit row; two clerks acting at once on the same
 * filing get one result and one clear refusal.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import type { Tx } from '../db/tx.ts';
import { cases, documents, events, filings, parties } from '../db/schema/index.ts';
import { parseCaseNumber } from '../domain/caseNumber.ts';
import type { CaseStatus } from '../domain/caseStatus.ts';
import { startsCase } from '../domain/filingTypes.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { officeFiling } from '../queries/office.ts';

/** Proceedings that are over: nothing more is added to them. */
const CLOSED: readonly CaseStatus[] = ['in_force', 'archived', 'returned', 'refused'];

/** The office takes a filing made in an existing case into the case: it leaves the queue. */
export async function receiveFiling(db: Db, principal: Principal, filingId: string, now: Date): Promise<void> {
  const { filing } = await officeFiling(db, principal, filingId, 'receive');
  if (startsCase(filing.type) || !filing.caseId) throw new SotError('not_found');
  await db.transaction(async (tx) => {
    // The filing's row lock makes "not received yet, so receive" one step for concurrent clerks.
    const [locked] = await tx.select({ caseId: filings.caseId }).from(filings).where(eq(filings.id, filingId)).for('update');
    const caseId = locked!.caseId!;
    const already = await tx.execute(sql`select 1 from events where case_id = ${caseId} and type = 'filing_received' and data->>'filingId' = ${filingId} limit 1`);
    if (already.rows.length > 0) throw new SotError('filing_already_received');
    await tx.insert(events).values({ caseId, type: 'filing_received', occurredAt: now, actorId: principal.userId, data: { filingId, filingType: filing.type, talonNumber: filing.talonNumber } });
    await appendAudit(tx, { actorId: principal.userId, action: 'filing.received', entityType: 'filing', entityId: filingId, data: { caseId } }, now);
  });
}

export interface Attachment {
  fromCaseId: string;
  toCaseId: string;
  caseNumber: string;
}

/**
 * Attaches a submitted claim to an existing case of the same court instead of registering it:
 * the filing, its documents, its timeline and its parties move from the unnumbered case the
 * claim started into the target case (a party already there, by user or IIN, is not added
 * twice), and the emptied case, which never had a number, is deleted.
 */
export async function attachFiling(db: Db, principal: Principal, filingId: string, caseNumberInput: string, now: Date): Promise<Attachment> {
  const { filing } = await officeFiling(db, principal, filingId, 'attach');
  if (!startsCase(filing.type) || !filing.caseId) throw new SotError('filing_not_attachable');
  if (!caseNumberInput.trim()) throw new SotError('case_number_required');
  const parsed = parseCaseNumber(caseNumberInput);
  if (!parsed) throw new SotError('invalid_case_number');
  const shellId = filing.caseId;

  return db.transaction(async (tx) => {
    // Registration locks the same row: whichever of the two gets it first decides.
    const [shell] = await tx.select({ id: cases.id, status: cases.status, number: cases.number, courtId: cases.courtId }).from(cases).where(eq(cases.id, shellId)).for('update');
    if (!shell) throw new SotError('filing_attached_elsewhere');
    if (shell.status !== 'submitted' || shell.number !== null) throw new SotError('filing_already_registered');
    const [target] = await tx.select({ id: cases.id, status: cases.status, courtId: cases.courtId }).from(cases).where(eq(cases.number, parsed.canonical)).for('update');
    if (!target || target.courtId !== shell.courtId) throw new SotError('attach_target_not_found');
    if (CLOSED.includes(target.status)) throw new SotError('attach_target_closed');

    await moveParties(tx, shell.id, target.id);
    await tx.update(filings).set({ caseId: target.id, updatedAt: now }).where(eq(filings.caseId, shell.id));
    await tx.update(documents).set({ caseId: target.id }).where(eq(documents.caseId, shell.id));
    await tx.update(events).set({ caseId: target.id }).where(eq(events.caseId, shell.id));
    const deleted = await tx
      .delete(cases)
      .where(and(eq(cases.id, shell.id), eq(cases.status, 'submitted'), isNull(cases.number)))
      .returning({ id: cases.id });
    if (deleted.length === 0) throw new SotError('filing_already_registered');
    await tx.insert(events).values({ caseId: target.id, type: 'filing_attached', occurredAt: now, actorId: principal.userId, data: { filingId, filingType: filing.type, talonNumber: filing.talonNumber } });
    await appendAudit(tx, { actorId: principal.userId, action: 'filing.attached', entityType: 'filing', entityId: filingId, data: { from: shell.id, to: target.id } }, now);
    return { fromCaseId: shell.id, toCaseId: target.id, caseNumber: parsed.canonical };
  });
}

/**
 * Moves the shell's participants into the target. Someone already in the target (the same
 * portal user, or the same IIN) stays as they are there; a representative of theirs from the
 * shell then represents that existing participant.
 */
async function moveParties(tx: Tx, shellId: string, targetId: string): Promise<void> {
  const incoming = await tx.select().from(parties).where(eq(parties.caseId, shellId));
  const present = await tx.select({ id: parties.id, userId: parties.userId, iin: parties.iin }).from(parties).where(eq(parties.caseId, targetId));
  const sameAs = new Map<string, string>();
  for (const party of incoming) {
    const match = present.find((p) => (party.userId !== null && p.userId === party.userId) || (party.iin !== null && p.iin === party.iin));
    if (match) sameAs.set(party.id, match.id);
  }
  for (const [from, to] of sameAs) await tx.update(parties).set({ representsPartyId: to }).where(and(eq(parties.caseId, shellId), eq(parties.representsPartyId, from)));
  const moving = incoming.filter((p) => !sameAs.has(p.id)).map((p) => p.id);
  if (moving.length > 0) await tx.update(parties).set({ caseId: targetId }).where(inArray(parties.id, moving));
  // Those left behind go with the shell (parties cascade with their case).
}
