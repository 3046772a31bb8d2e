import { describe, expect, it } from 'vitest';
import { calendarText, escapeText, foldLine, utcDateTime, type CalendarEvent } from '../../src/domain/icalendar.ts';

/** Reads calendar text back as RFC 5545 says a client must: unfold, split, unescape. */
function parse(text: string): { name: string; value: string }[] {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      return { name: line.slice(0, colon), value: line.slice(colon + 1) };
    });
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: '0b5c1f7e-2f0a-4d8e-9a55-3f7b6f1f2a10@sot.example.kz',
  stamp: new Date('2026-11-25T05:00:00Z'),
  start: new Date('2026-11-30T05:00:00Z'),
  end: new Date('2026-11-30T06:00:00Z'),
  summary: 'Сот отырысы: 7517-26-00-2/101, Алматы қаласы Медеу аудандық соты',
  location: 'зал 112; Алматы, Жандосов көшесі, 2',
  url: 'https://sot.example.kz/cabinet/cases/0b5c1f7e-2f0a-4d8e-9a55-3f7b6f1f2a10',
  status: 'CONFIRMED',
  sequence: 0,
  ...overrides,
});

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(unescapeText(escapeText('a\\b;c,d\ne'))).toBe('a\\b;c,d\ne');
  });

  it('drops control characters a calendar line may not hold', () => {
    expect(escapeText('a\u0000b\u0007c\u007fd')).toBe('abcd');
  });

  it('folds at 75 octets, counting the continuation’s leading space', () => {
    const folded = foldLine(`SUMMARY:${'x'.repeat(200)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines[0]).toHaveLength(75);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'x'.repeat(200)}`);
  });

  it('never splits a Cyrillic or Kazakh letter, or an emoji, between two lines', () => {
    // Odd-length ASCII prefixes put every two-octet letter across a 75-octet boundary somewhere.
    for (const prefix of ['S:', 'SU:', 'SUMMARY:']) {
      const value = `${prefix}${'Қазақстан Республикасының соты ғұөүһ '.repeat(6)}🏛️ ${'әі'.repeat(40)}`;
      const folded = foldLine(value);
      for (const line of folded.split('\r\n')) {
        const bytes = Buffer.from(line, 'utf8');
        expect(bytes.length).toBeLessThanOrEqual(75);
        // A line that decodes back to itself holds whole UTF-8 sequences only.
        expect(bytes.toString('utf8')).toBe(line);
        expect(line).not.toContain('\uFFFD');
      }
      expect(folded.replace(/\r\n /g, '')).toBe(value);
    }
  });

  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    expect(foldLine('A'.repeat(75))).toBe('A'.repeat(75));
    expect(foldLine('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`);
    // 37 two-octet letters and one ASCII character: 75 octets.
    expect(foldLine(`X${'Ж'.repeat(37)}`)).toBe(`X${'Ж'.repeat(37)}`);
    expect(foldLine(`XY${'Ж'.repeat(37)}`)).toBe(`XY${'Ж'.repeat(36)}\r\n Ж`);
  });

  it('writes UTC date-times in the basic format', () => {
    expect(utcDateTime(new Date('2026-11-30T05:00:00.000Z'))).toBe('20261130T050000Z');
  });

  it('ends every line with CRLF, the last one too, and has no bare LF', () => {
    const text = calendarText({ productId: '-//Sot//Hearings//KK', name: 'Сот отырыстары', events: [event(), event({ uid: 'other@sot.example.kz' })] });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  });

  it('reads back to the same events', () => {
    const description = 'Истец: ТОО «Альфа», ответчик — see case; line two\nline three \\ done';
    const cancelled = event({ uid: 'second@sot.example.kz', status: 'CANCELLED', sequence: 1, description, location: undefined });
    const text = calendarText({ productId: '-//Sot//Hearings//RU', name: 'Судебные заседания', events: [event(), cancelled] });
    const props = parse(text);
    expect(props.filter((p) => p.name === 'BEGIN').map((p) => p.value)).toEqual(['VCALENDAR', 'VEVENT', 'VEVENT']);
    const events: Record<string, string>[] = [];
    for (const p of props) {
      if (p.name === 'BEGIN' && p.value === 'VEVENT') events.push({});
      else if (events.length > 0 && p.name !== 'END') events[events.length - 1]![p.name] = p.value;
    }
    expect(events).toHaveLength(2);
    expect(unescapeText(events[0]!['SUMMARY']!)).toBe(event().summary);
    expect(unescapeText(events[0]!['LOCATION']!)).toBe(event().location);
    expect(events[0]!['URL']).toBe(event().url);
    expect(events[0]!['DTSTART']).toBe('20261130T050000Z');
    expect(events[0]!['DTEND']).toBe('20261130T060000Z');
    expect(events[0]!['STATUS']).toBe('CONFIRMED');
    expect(events[1]!['STATUS']).toBe('CANCELLED');
    expect(events[1]!['SEQUENCE']).toBe('1');
    expect(events[1]!['LOCATION']).toBeUndefined();
    expect(unescapeText(events[1]!['DESCRIPTION']!)).toBe(description);
    expect(unescapeText(events[1]!['UID']!)).toBe('second@sot.example.kz');
  });

  it('refuses a URL carrying a line break instead of writing a broken line', () => {
    expect(() => calendarText({ productId: 'p', name: 'n', events: [event({ url: 'https://x/\r\nBEGIN:VEVENT' })] })).toThrow();
  });
});
