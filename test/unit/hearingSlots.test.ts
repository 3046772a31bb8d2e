import { describe, expect, it } from 'vitest';
import { courtInstant, exampleHearingDay, hearingTimes, isVideoLink, MIN_MINUTES, overlaps, slotRefusal as slotRefusalIn } from '../../src/domain/hearingSlots.ts';
import { initialReference } from '../../src/domain/reference.ts';

const { calendar } = initialReference();
const slotRefusal = (startsAt: Date, minutes: number, now: Date) => slotRefusalIn(startsAt, minutes, now, calendar);

const NOW = new Date('2026-11-25T05:00:00Z'); // Wednesday 10:00 in Kazakhstan

describe('hearing slots', () => {
  it('reads a court date and time as Kazakhstan time', () => {
    expect(courtInstant('2026-11-26', '10:30')?.toISOString()).toBe('2026-11-26T05:30:00.000Z');
    expect(courtInstant('2026-02-30', '10:00')).toBeNull();
    expect(courtInstant('2026-11-26', '24:00')).toBeNull();
    expect(courtInstant('26.11.2026', '10:00')).toBeNull();
  });

  it('accepts a working-day slot within court hours', () => {
    expect(slotRefusal(courtInstant('2026-11-26', '09:00')!, 60, NOW)).toBeNull();
    expect(slotRefusal(courtInstant('2026-11-26', '17:30')!, 60, NOW)).toBeNull();
  });

  it('refuses the past, the present moment, weekends, holidays and transferred days off', () => {
    expect(slotRefusal(courtInstant('2026-11-24', '11:00')!, 60, NOW)).toBe('hearing_in_past');
    expect(slotRefusal(NOW, 60, NOW)).toBe('hearing_in_past');
    expect(slotRefusal(courtInstant('2026-11-28', '10:00')!, 60, NOW)).toBe('hearing_not_working_day');
    expect(slotRefusal(courtInstant('2026-12-16', '10:00')!, 60, NOW)).toBe('hearing_not_working_day');
    expect(slotRefusal(courtInstant('2027-01-04', '10:00')!, 60, NOW)).toBe('hearing_not_working_day');
  });

  it('refuses hours outside the court day and durations out of range', () => {
    expect(slotRefusal(courtInstant('2026-11-26', '08:30')!, 60, NOW)).toBe('hearing_outside_hours');
    expect(slotRefusal(courtInstant('2026-11-26', '18:00')!, 45, NOW)).toBe('hearing_outside_hours');
    expect(slotRefusal(courtInstant('2026-11-26', '10:00')!, 10, NOW)).toBe('hearing_duration_invalid');
    expect(slotRefusal(courtInstant('2026-11-26', '10:00')!, 481, NOW)).toBe('hearing_duration_invalid');
  });

  it('says so when the calendar does not reach the day', () => {
    expect(slotRefusal(courtInstant('2028-02-01', '10:00')!, 60, NOW)).toBe('calendar_missing');
  });

  it('treats back-to-back hearings as free and any shared minute as a conflict', () => {
    const at = (time: string, durationMinutes: number) => ({ startsAt: courtInstant('2026-11-26', time)!, durationMinutes });
    expect(overlaps(at('10:00', 60), at('11:00', 30))).toBe(false);
    expect(overlaps(at('10:00', 61), at('11:00', 30))).toBe(true);
    expect(overlaps(at('10:30', 15), at('10:00', 120))).toBe(true);
  });

  it('takes only https links without credentials', () => {
    expect(isVideoLink('https://vc.sud.kz/room/7517-204')).toBe(true);
    expect(isVideoLink('javascript:alert(1)')).toBe(false);
    expect(isVideoLink('http://vc.sud.kz/room')).toBe(false);
    expect(isVideoLink('https://user:pw@vc.sud.kz/room')).toBe(false);
    expect(isVideoLink('https://localhost/room')).toBe(false);
  });
});

describe('the times and the example a judge is offered', () => {
  it('offers every half hour from 09:00 to 18:00, each of them within court hours for the shortest hearing', () => {
    const times = hearingTimes();
    expect(times[0]).toBe('09:00');
    expect(times.at(-1)).toBe('18:00');
    expect(times).toHaveLength(19);
    for (const time of times) expect(slotRefusal(courtInstant('2026-11-26', time)!, MIN_MINUTES, NOW)).toBeNull();
  });

  it('shows an example two weeks ahead on a working day, past the 16 December holiday', () => {
    // Wed 2 Dec + 14 = Wed 16 Dec, Independence Day: the next working day.
    expect(exampleHearingDay('2026-12-02', calendar)).toBe('2026-12-17');
    // Sunday 6 Dec + 14 = Sunday 20 Dec: the Monday after.
    expect(exampleHearingDay('2026-12-06', calendar)).toBe('2026-12-21');
    // Without the calendar, a weekday all the same.
    expect(exampleHearingDay('2026-12-06')).toBe('2026-12-21');
  });
});
