import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseDeadlines, cases } from '../db/schema/index.ts';
import type { DeadlineKind } from '../domain/deadlines.ts';
import { formatCourtDay, formatCourtDayNumeric } from '../i18n/format.ts';
import { noticeToParticipants, noticeToParty, type Compose, type Notice } from '../commands/notices.ts';
import { today } from '../commands/caseProgress.ts';
import { urls } from '../urls.ts';
import { loadReference } from '../queries/reference.ts';
import { CalendarMissingError } from '../domain/calendar/workingDays.ts';

/** Reminders go this many working days before a term's last day. */
export const REMINDER_DAYS = [3, 1] as const;

/** A reminder's words; the SMS has the date in digits so that the longest term's name still fits in two SMS parts. */
export function composeReminder(term: { kind: DeadlineKind; number: string; dueOn: string; days: number }): Compose {
  return (t, lang) => {
    const params = { term: t(`proceedings.deadline.${term.kind}`), number: term.number, due: formatCourtDay(term.dueOn, lang), days: term.days };
    const sms = t('notifications.reminder.sms', { ...params, due: formatCourtDayNumeric(term.dueOn, lang) });
    return { subject: t('notifications.reminder.subject', params), body: t('notifications.reminder.body', params), sms };
  };
}

/**
 * Reminds the parties of terms that are theirs to meet, 3 and 1 working days before the last
 * day. Runs on working days only; idempotent (the dedupe key names the term and the day count),
 * so it may run every hour in every instance. Returns the ids of messages to deliver.
 */
export async function queueDeadlineReminders(db: Db, now: Date): Promise<string[]> {
  const day = today(now);
  const { calendar } = await loadReference(db);
  // A day beyond the entered calendar: the administrators are warned of it; no reminder is guessed.
  if (!calendar.hasYear(Number(day.slice(0, 4))) || !calendar.isWorkingDay(day)) return [];
  const ids: string[] = [];
  for (const days of REMINDER_DAYS) {
    let due;
    try {
      due = calendar.addWorkingDays(day, days);
    } catch (error) {
      if (error instanceof CalendarMissingError) continue;
      throw error;
    }
    const rows = await db
      .select({ id: caseDeadlines.id, caseId: caseDeadlines.caseId, kind: caseDeadlines.kind, dueOn: caseDeadlines.dueOn, partyId: caseDeadlines.partyId, number: cases.number })
      .from(caseDeadlines)
      .innerJoin(cases, eq(cases.id, caseDeadlines.caseId))
      .where(and(eq(caseDeadlines.concerns, 'parties'), isNull(caseDeadlines.closedAt), eq(caseDeadlines.dueOn, due)));
    for (const row of rows) {
      const notice: Notice & { caseId: string } = {
        event: 'deadline_reminder',
        aboutId: `${row.id}:${days}`,
        caseId: row.caseId,
        link: urls.cabinetCase(row.caseId),
        legallyRequired: false,
        compose: composeReminder({ kind: row.kind as DeadlineKind, number: row.number ?? '', dueOn: row.dueOn, days }),
      };
      // A party's own term (an absent party's appeal, CPC Art. 403(3)) is theirs alone to meet.
      ids.push(...(await db.transaction((tx) => (row.partyId ? noticeToParty(tx, notice, row.partyId, now) : noticeToParticipants(tx, notice, now)))));
    }
  }
  return ids;
}
