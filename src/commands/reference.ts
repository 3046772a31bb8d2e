/**
 * Operators keep the values of the law that acts change: each year's MCI, the court calendar and
 * dated thresholds. Every change names its legal basis, is on the audit log with what it replaced,
 * and bumps the reference version in the same transaction, so every instance picks it up at its
 * next read without a restart.
 */
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/client.ts';
import { referenceCalendarDays, referenceMci, referenceState, referenceThresholds } from '../db/schema/index.ts';
import type { Tx } from '../db/tx.ts';
import { CALENDAR_ROW_KINDS, type CalendarRowKind } from '../domain/calendar/holidays.ts';
import { isCalendarDay, isWeekend } from '../domain/calendar/workingDays.ts';
import { CLAIMANT_TYPES, type ClaimantType } from '../domain/filingTypes.ts';
import { THRESHOLD_KEYS, type ThresholdKey } from '../domain/thresholds.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';

/** Who changes the values: an administrator in the portal, or an operator at the server's console (null). */
export type ReferenceActor = Principal | null;

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2200;

function authorize(actor: ReferenceActor): string | null {
  if (actor && !can(actor, { action: 'manage', resource: 'reference' })) throw new SotError('forbidden');
  return actor?.userId ?? null;
}

/** The act that makes a value law ("Law of 5 December 2026 No. 123-VIII on the republican budget for 2027–2029, Art. 9"). */
export function checkedBasis(text: string): string {
  const basis = text.trim().replace(/\s+/g, ' ');
  // eslint-disable-next-line no-control-regex
  if (basis.length < 5 || basis.length > 500 || /[\u0000-\u001f\u007f]/.test(basis)) throw new SotError('reference_basis_required');
  return basis;
}

export function checkedYear(value: number): number {
  if (!Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) throw new SotError('reference_year_invalid', { min: MIN_YEAR, max: MAX_YEAR });
  return value;
}

async function changed(tx: Tx, actorId: string | null, action: string, entityId: string, data: Record<string, unknown>, now: Date): Promise<void> {
  await tx.update(referenceState).set({ version: sql`${referenceState.version} + 1` }).where(eq(referenceState.id, 1));
  await appendAudit(tx, { actorId, action, entityType: 'reference', entityId, data: { ...data, by: actorId ? 'portal' : 'console' } }, now);
}

export interface MciEntry {
  year: number;
  /** Whole tenge, as the budget law states it. */
  tenge: number;
  basis: string;
}

/** Enters or corrects a year's MCI. */
export async function setMci(db: Db, actor: ReferenceActor, entry: MciEntry, now: Date): Promise<void> {
  const actorId = authorize(actor);
  const year = checkedYear(entry.year);
  if (!Number.isInteger(entry.tenge) || entry.tenge <= 0 || entry.tenge > 1_000_000) throw new SotError('reference_amount_invalid');
  const basis = checkedBasis(entry.basis);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(referenceMci).where(eq(referenceMci.year, year)).for('update');
    const row = { year, tenge: entry.tenge, basis, enteredBy: actorId, enteredAt: now };
    await tx.insert(referenceMci).values(row).onConflictDoUpdate({ target: referenceMci.year, set: row });
    await changed(tx, actorId, 'reference.mci_set', String(year), { year, tenge: entry.tenge, basis, before: before ? { tenge: before.tenge, basis: before.basis } : null }, now);
  });
}

export interface CalendarDayEntry {
  day: string;
  kind: CalendarRowKind;
  /** What the day is called; a holiday's own name, or why a day was moved. */
  name?: string | undefined;
  religious?: boolean | undefined;
  basis: string;
}


/** Enters a holiday or a moved day; a day has one kind, so entering it again replaces it. */
export async function setCalendarDay(db: Db, actor: ReferenceActor, entry: CalendarDayEntry, now: Date): Promise<void> {
  const actorId = authorize(actor);
  const day = entry.day.trim();
  if (!isCalendarDay(day)) throw new SotError('reference_day_invalid');
  checkedYear(Number(day.slice(0, 4)));
  if (!(CALENDAR_ROW_KINDS as readonly string[]).includes(entry.kind)) throw new SotError('reference_day_kind_invalid');
  // A working Saturday or Sunday, and a weekday given off: anything else changes nothing.
  if (entry.kind === 'working_day_transfer' && !isWeekend(day)) throw new SotError('reference_working_day_not_weekend');
  if (entry.kind === 'day_off_transfer' && isWeekend(day)) throw new SotError('reference_day_off_on_weekend');
  const name = (entry.name ?? '').trim().replace(/\s+/g, ' ') || entry.kind;
  if (name.length > 100) throw new SotError('reference_day_invalid');
  const basis = checkedBasis(entry.basis);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(referenceCalendarDays).where(eq(referenceCalendarDays.day, day)).for('update');
    const row = { day, kind: entry.kind, name, religious: entry.kind === 'holiday' && entry.religious === true, basis, enteredBy: actorId, enteredAt: now };
    await tx.insert(referenceCalendarDays).values(row).onConflictDoUpdate({ target: referenceCalendarDays.day, set: row });
    await changed(tx, actorId, 'reference.calendar_day_set', day, { day, kind: entry.kind, name, basis, before: before ? { kind: before.kind, name: before.name, basis: before.basis } : null }, now);
  });
}

/** Removes an entered day (one entered by mistake); the day is then as the week makes it. */
export async function removeCalendarDay(db: Db, actor: ReferenceActor, day: string, basis: string, now: Date): Promise<void> {
  const actorId = authorize(actor);
  if (!isCalendarDay(day)) throw new SotError('reference_day_invalid');
  const why = checkedBasis(basis);
  await db.transaction(async (tx) => {
    const removed = await tx.delete(referenceCalendarDays).where(eq(referenceCalendarDays.day, day)).returning();
    if (removed.length === 0) throw new SotError('not_found');
    await changed(tx, actorId, 'reference.calendar_day_removed', day, { day, basis: why, before: { kind: removed[0]!.kind, name: removed[0]!.name, basis: removed[0]!.basis } }, now);
  });
}

export interface ThresholdEntry {
  key: ThresholdKey;
  claimantType: ClaimantType;
  mci: number;
  from: string;
  to?: string | undefined;
  basis: string;
}

/** Enters a dated limit, or changes the one that starts on the same day (its end when the law lapses). */
export async function setThreshold(db: Db, actor: ReferenceActor, entry: ThresholdEntry, now: Date): Promise<void> {
  const actorId = authorize(actor);
  if (!(THRESHOLD_KEYS as readonly string[]).includes(entry.key) || !(CLAIMANT_TYPES as readonly string[]).includes(entry.claimantType)) throw new SotError('reference_threshold_invalid');
  if (!Number.isInteger(entry.mci) || entry.mci <= 0 || entry.mci > 10_000_000) throw new SotError('reference_amount_invalid');
  const to = entry.to?.trim() || null;
  if (!isCalendarDay(entry.from) || (to !== null && (!isCalendarDay(to) || to < entry.from))) throw new SotError('reference_period_invalid');
  const basis = checkedBasis(entry.basis);
  await db.transaction(async (tx) => {
    const match = and(eq(referenceThresholds.key, entry.key), eq(referenceThresholds.claimantType, entry.claimantType), eq(referenceThresholds.validFrom, entry.from));
    const [before] = await tx.select().from(referenceThresholds).where(match).for('update');
    const row = { key: entry.key, claimantType: entry.claimantType, mci: entry.mci, validFrom: entry.from, validTo: to, basis, enteredBy: actorId, enteredAt: now };
    await tx
      .insert(referenceThresholds)
      .values(row)
      .onConflictDoUpdate({ target: [referenceThresholds.key, referenceThresholds.claimantType, referenceThresholds.validFrom], set: row });
    await changed(
      tx,
      actorId,
      'reference.threshold_set',
      `${entry.key}:${entry.claimantType}:${entry.from}`,
      { ...row, enteredAt: undefined, enteredBy: undefined, before: before ? { mci: before.mci, validTo: before.validTo, basis: before.basis } : null },
      now,
    );
  });
}
