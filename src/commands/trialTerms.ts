/**
 * Cases accepted before Sot kept the terms of preparation and consideration have none open.
 * This opens the missing term of each such case from the day its timeline records (acceptance,
 * or the first hearing being appointed), with the same rules as the commands. It runs after the
 * migrations rather than in them: a term's last day needs the court calendar, whose weekend
 * holiday transfers are derived in code, not stored. It is idempotent: a case that has any trial
 * term, open or closed, is left alone.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseDeadlines, cases, events } from '../db/schema/index.ts';
import type { IsoDay } from '../domain/calendar/holidays.ts';
import { considerationKind, hasTrialTerms, TRIAL_TERMS } from '../domain/deadlines.ts';
import { SotError } from '../errors.ts';
import { openDeadline, today } from './caseProgress.ts';

export async function openMissingTrialTerms(db: Db): Promise<{ opened: number; skipped: number }> {
  const candidates = await db
    .select({ id: cases.id, status: cases.status, instance: cases.instance, category: cases.category, simplified: cases.simplified })
    .from(cases)
    .where(
      and(
        eq(cases.instance, 1),
        inArray(cases.status, ['accepted', 'preparation', 'hearing_scheduled']),
        sql`not exists (select 1 from ${caseDeadlines} d where d.case_id = ${cases.id} and d.kind in (${sql.join(TRIAL_TERMS.map((kind) => sql`${kind}`), sql`, `)}))`,
      ),
    );
  let opened = 0;
  let skipped = 0;
  for (const found of candidates.filter(hasTrialTerms)) {
    // Acceptance for a case still in preparation; the last move into `hearing_scheduled` for one whose hearing is appointed.
    const to = found.status === 'hearing_scheduled' ? 'hearing_scheduled' : 'accepted';
    const [event] = await db
      .select({ at: sql<Date | string>`max(${events.occurredAt})` })
      .from(events)
      .where(and(eq(events.caseId, found.id), eq(events.type, 'status_changed'), sql`${events.data}->>'to' = ${to}`));
    if (!event?.at) {
      skipped++;
      continue;
    }
    const from = today(new Date(event.at)) as IsoDay;
    try {
      await db.transaction(async (tx) => openDeadline(tx, found.id, to === 'accepted' ? 'preparation' : considerationKind(found.category), from));
      opened++;
    } catch (error) {
      // A day beyond the entered calendar: the operators are warned of the missing year elsewhere.
      if (error instanceof SotError && error.code === 'calendar_missing') skipped++;
      else throw error;
    }
  }
  return { opened, skipped };
}
