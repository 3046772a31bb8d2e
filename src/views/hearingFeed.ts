import { calendarText, type CalendarEvent } from '../domain/icalendar.ts';
import { formatDateTime } from '../i18n/format.ts';
import { translator, type Lang } from '../i18n/index.ts';
import type { CalendarHearing } from '../queries/hearingCalendar.ts';
import { urls } from '../urls.ts';
import { hearingStatusLabel } from './components/labels.ts';
import { localAddress, localName } from './components/names.ts';

/** Statuses after which a hearing no longer takes place at its time: calendars drop it. */
const CALLED_OFF: readonly string[] = ['postponed', 'cancelled'];

/**
 * A person's hearings as an iCalendar feed in their language: the case number, court and place a
 * phone shows, nothing about the other participants. A postponed hearing stays in the feed as
 * cancelled, with a higher SEQUENCE, so calendars that had it remove it; its replacement is an
 * event of its own.
 */
export function hearingFeed(list: CalendarHearing[], options: { lang: Lang; publicUrl: string; now: Date }): string {
  const t = translator(options.lang);
  const host = new URL(options.publicUrl).hostname;
  const events = list.map((h): CalendarEvent => {
    const court = localName(h.court, options.lang);
    const address = localAddress(h.court, options.lang);
    const calledOff = CALLED_OFF.includes(h.status);
    const place = h.room ? (address ? t('hearings.ics.room', { room: h.room, address }) : t('caseStatus.room', { room: h.room })) : h.videoLink;
    return {
      uid: `${h.id}@${host}`,
      stamp: options.now,
      start: h.startsAt,
      end: new Date(h.startsAt.getTime() + h.durationMinutes * 60_000),
      summary: t('hearings.ics.summary', { number: h.caseNumber ?? t('cabinet.notRegistered'), court }),
      location: place ?? undefined,
      description: [
        t('hearings.ics.status', { status: hearingStatusLabel(t, h.status) }),
        ...(h.postponedTo ? [t('hearings.postponedTo', { time: formatDateTime(h.postponedTo, options.lang) })] : []),
        t('hearings.ics.role', { roles: h.myRoles.map((r) => t(`partyRole.${r}`)).join(', ') }),
        ...(h.room && h.videoLink ? [t('hearings.ics.video', { link: h.videoLink })] : []),
      ].join('\n'),
      url: `${options.publicUrl}${urls.cabinetCase(h.caseId)}`,
      status: calledOff ? 'CANCELLED' : 'CONFIRMED',
      sequence: calledOff ? 1 : 0,
    };
  });
  return calendarText({ productId: `-//Sot//Hearings//${options.lang.toUpperCase()}`, name: t('hearings.ics.name'), events });
}
