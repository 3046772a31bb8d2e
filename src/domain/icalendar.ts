/**
 * iCalendar (RFC 5545) text for a subscribed calendar: what a phone's calendar app reads from a
 * person's private feed. Only what Sot's feed needs: events with UTC times, so no VTIMEZONE is
 * required (RFC 5545 §3.3.5, form #2).
 */

export interface CalendarEvent {
  /** Stable for the life of the event, so an update replaces it instead of adding a copy (§3.8.4.7). */
  uid: string;
  /** When this version of the event was produced (§3.8.7.2). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string | undefined;
  description?: string | undefined;
  url?: string | undefined;
  status: 'CONFIRMED' | 'CANCELLED';
  /** Raised with every change a calendar app must apply, a cancellation included (§3.8.7.4). */
  sequence: number;
}

export interface Calendar {
  /** Who produced the calendar (§3.7.3). */
  productId: string;
  /** The name calendar apps show for the subscription (the widely read X-WR-CALNAME). */
  name: string;
  events: CalendarEvent[];
}

const CRLF = '\r\n';
/** Lines longer than this many octets, line break excluded, are folded (§3.1). */
const MAX_OCTETS = 75;

/** TEXT values escape backslash, semicolon, comma and line breaks (§3.3.11); other controls are dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/** A URI value is not escaped (§3.3.13), so one carrying a control or a break is refused rather than sent broken. */
function uriValue(value: string): string {
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new Error('A URI in a calendar may not hold control characters');
  return value;
}

/**
 * Splits a content line into lines of at most 75 octets, each continuation starting with a space
 * (§3.1). Whole code points move to the next line, so a Cyrillic or Kazakh letter (two octets in
 * UTF-8), or an emoji (four), is never cut in half.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      // The leading space of a continuation line counts towards its 75 octets.
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** 20261125T050000Z: a date-time in UTC (§3.3.5). */
export function utcDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function eventLines(event: CalendarEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcDateTime(event.stamp)}`,
    `DTSTART:${utcDateTime(event.start)}`,
    `DTEND:${utcDateTime(event.end)}`,
    `SEQUENCE:${event.sequence}`,
    `STATUS:${event.status}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${uriValue(event.url)}`] : []),
    // Busy when it takes place; a cancelled hearing no longer blocks the time.
    `TRANSP:${event.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'}`,
    'END:VEVENT',
  ];
}

/** The whole calendar object: every line folded and ended with CRLF, the last one too (§3.1). */
export function calendarText(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(calendar.productId)}`,
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...calendar.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
