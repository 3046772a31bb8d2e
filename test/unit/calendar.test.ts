import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INITIAL_CALENDAR as CALENDAR, type IsoDay } from '../../src/domain/calendar/holidays.ts';
import { addCalendarDays, addCalendarMonths, CalendarMissingError, courtCalendar, isWeekend, weekendTransfers } from '../../src/domain/calendar/workingDays.ts';
import { initialReference, referenceGaps } from '../../src/domain/reference.ts';
import { isoDay } from '../../src/domain/dateBoxes.ts';

const { calendar } = initialReference();
const { addWorkingDays, isWorkingDay, nextWorkingDayOnOrAfter } = calendar;
const calendarYear = (year: number) => calendar.year(year);

const daysOff = (year: number) => calendarYear(year).filter((row) => row.kind === 'day_off_transfer').map((row) => row.date);

/** Any day from 1 Jan 2025 to 30 Nov 2026, so that 20 working days later is still in the calendar. */
const dayWithData = fc.integer({ min: 0, max: 698 }).map((offset) => addCalendarDays('2025-01-01', offset));

describe('the court calendar', () => {
  it('gives the 2026 days off for weekend holidays exactly as published', () => {
    expect(daysOff(2026)).toEqual(['2026-03-09', '2026-03-24', '2026-03-25', '2026-05-11', '2026-10-26']);
  });

  it('moves the 2025 weekend holidays to the next working days, beside the ordered 3 January', () => {
    // 3 Jan by order; 8 Mar Sat; Nauryz 22–23 Mar Sat–Sun; 6 Jul Sun; 30 Aug Sat; 25 Oct Sat.
    expect(daysOff(2025)).toEqual(['2025-01-03', '2025-03-10', '2025-03-24', '2025-03-25', '2025-07-07', '2025-09-01', '2025-10-27']);
  });

  it('takes Friday 3 January 2025 off and works Sunday 5 January 2025 (Labour Code Art. 85(3))', () => {
    expect(isWorkingDay('2025-01-03')).toBe(false);
    expect(isWorkingDay('2025-01-05')).toBe(true);
    // Thu 2 Jan 2025 + 1 working day: Fri 3 is off, so Sun 5.
    expect(addWorkingDays('2025-01-02', 1)).toBe('2025-01-05');
  });

  it('knows a year once an operator enters its holidays, and only then', () => {
    const withoutNextYear = courtCalendar(CALENDAR[2026]!);
    expect(withoutNextYear.years).toEqual([2026]);
    expect(() => withoutNextYear.addWorkingDays('2026-12-30', 3)).toThrow(CalendarMissingError);
    // A single swap is not a calendar: the year stays unknown until it has holidays.
    const onlyASwap = courtCalendar([...CALENDAR[2026]!, { date: '2027-01-09', kind: 'working_day_transfer', name: 'x' }]);
    expect(onlyASwap.hasYear(2027)).toBe(false);
    const entered = courtCalendar([...CALENDAR[2026]!, ...CALENDAR[2027]!]);
    // Thu 31 Dec; 1–2 Jan holidays, Mon 4 Jan the day off for Saturday 2 Jan; Tue 5, Wed 6.
    expect(entered.addWorkingDays('2026-12-30', 3)).toBe('2027-01-06');
  });

  it('moves the 2027 weekend holidays to the next working days and keeps Constitution Day on 15 March', () => {
    // 2 Jan Sat; Nauryz 21 Mar Sun (22–23 are holidays already); 1 May Sat; 9 May Sun; Kurban Ait 16 May Sun (religious).
    expect(daysOff(2027)).toEqual(['2027-01-04', '2027-03-24', '2027-05-03', '2027-05-10']);
    expect(isWorkingDay('2027-03-15')).toBe(false);
    expect(isWorkingDay('2027-08-30')).toBe(true);
  });

  it('never moves a religious holiday that falls on a weekend', () => {
    const rows = [
      { date: '2023-01-07' as IsoDay, kind: 'holiday' as const, name: 'orthodox_christmas', religious: true },
      { date: '2023-01-08' as IsoDay, kind: 'holiday' as const, name: 'secular_sunday' },
    ];
    expect(weekendTransfers(rows)).toEqual([{ date: '2023-01-09', kind: 'day_off_transfer', name: 'secular_sunday', derived: true }]);
  });

  it('does not make 30 August a holiday in 2026', () => {
    expect(CALENDAR[2026]!.some((row) => row.name === 'constitution_day')).toBe(false);
    expect(isWorkingDay('2026-08-31')).toBe(true);
  });

  it('knows weekdays, weekends, holidays and transferred days off', () => {
    expect(isWorkingDay('2026-01-05')).toBe(true);
    expect(isWorkingDay('2026-01-07')).toBe(false);
    expect(isWorkingDay('2026-01-08')).toBe(true);
    expect(isWorkingDay('2026-01-10')).toBe(false);
    expect(isWorkingDay('2026-03-09')).toBe(false);
    expect(isWorkingDay('2026-03-26')).toBe(true);
    expect(isWorkingDay('2026-05-27')).toBe(false);
  });

  it('tells a Saturday or Sunday from a weekday, whatever the calendar moves', () => {
    // Friday 3 January 2025 was a day off and Sunday 5 January a working day; both keep their weekday.
    expect(['2025-01-03', '2025-01-04', '2025-01-05', '2025-01-06'].map((day) => isWeekend(day as IsoDay))).toEqual([false, true, true, false]);
    expect(() => isWeekend('2025-02-30' as IsoDay)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('steps over the New Year holidays and 7 January', () => {
    expect(addWorkingDays('2025-12-31', 3)).toBe('2026-01-08');
  });

  it('steps over the whole Nauryz week', () => {
    // Sat 21, Sun 22, Mon 23 (holiday), Tue 24 and Wed 25 (days off) all fall out.
    expect(addWorkingDays('2026-03-20', 1)).toBe('2026-03-26');
  });

  it('does not count the 9 March and 11 May days off', () => {
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-10');
    expect(addWorkingDays('2026-05-08', 1)).toBe('2026-05-12');
  });

  it('starts counting the next day', () => {
    expect(addWorkingDays('2026-06-01', 1)).toBe('2026-06-02');
    expect(addWorkingDays('2026-06-05', 1)).toBe('2026-06-08');
  });

  it('with zero days gives the day itself or the next working day', () => {
    expect(addWorkingDays('2026-06-01', 0)).toBe('2026-06-01');
    expect(addWorkingDays('2026-03-21', 0)).toBe('2026-03-26');
    expect(nextWorkingDayOnOrAfter('2026-05-09')).toBe('2026-05-12');
  });

  it('refuses negative or fractional counts and days that do not exist', () => {
    expect(() => addWorkingDays('2026-06-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-06-01', 1.5)).toThrow(RangeError);
    expect(() => isWorkingDay('2026-02-30' as IsoDay)).toThrow(RangeError);
    expect(() => isWorkingDay('26-1-5' as IsoDay)).toThrow(RangeError);
  });

  it('throws CalendarMissingError rather than guess a year without data', () => {
    expect(() => isWorkingDay('2028-01-04')).toThrow(CalendarMissingError);
    expect(() => addWorkingDays('2027-12-29', 5)).toThrow(/No court calendar for 2028/);
    expect(() => calendarYear(2024)).toThrow(CalendarMissingError);
  });

  it('lands on a working day strictly after the start', () => {
    fc.assert(
      fc.property(dayWithData, fc.integer({ min: 1, max: 20 }), (from, n) => {
        const due = addWorkingDays(from, n);
        expect(isWorkingDay(due)).toBe(true);
        expect(due > from).toBe(true);
      }),
    );
  });

  it('counts exactly n working days after the start', () => {
    fc.assert(
      fc.property(dayWithData, fc.integer({ min: 1, max: 20 }), (from, n) => {
        const due = addWorkingDays(from, n);
        let counted = 0;
        for (let day = addCalendarDays(from, 1); day <= due; day = addCalendarDays(day, 1)) if (isWorkingDay(day)) counted++;
        expect(counted).toBe(n);
      }),
    );
  });

  it('gives a later day for more working days', () => {
    fc.assert(
      fc.property(dayWithData, fc.integer({ min: 1, max: 19 }), fc.integer({ min: 1, max: 20 }), (from, a, b) => {
        fc.pre(a !== b);
        const [fewer, more] = a < b ? [a, b] : [b, a];
        expect(addWorkingDays(from, fewer) < addWorkingDays(from, more)).toBe(true);
      }),
    );
  });
});

describe('addCalendarMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('keeps the day of the month across a year end', () => {
    expect(addCalendarMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addCalendarMonths('2026-05-14', 1)).toBe('2026-06-14');
  });

  it('keeps the day when the month has it, else takes the last day', () => {
    fc.assert(
      fc.property(dayWithData, fc.integer({ min: 0, max: 24 }), (from, n) => {
        const to = addCalendarMonths(from, n);
        const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
        const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
        expect(ty * 12 + tm - (fy * 12 + fm)).toBe(n);
        if (td !== fd) {
          expect(td).toBeLessThan(fd);
          expect(addCalendarDays(to, 1).slice(8)).toBe('01');
        }
      }),
    );
  });
});

describe('warnings about missing reference values', () => {
  const reference = initialReference();

  it('says nothing before 1 November when this year is entered', () => {
    expect(referenceGaps(reference, '2026-10-31')).toEqual([]);
  });

  it("names next year's MCI from 1 November, and not its calendar when that is entered", () => {
    expect(referenceGaps(reference, '2026-11-01')).toEqual([{ kind: 'mci', year: 2027 }]);
    expect(referenceGaps(reference, '2026-12-31')).toEqual([{ kind: 'mci', year: 2027 }]);
  });

  it('names both when a year has begun without either', () => {
    expect(referenceGaps(reference, '2028-01-02')).toEqual([
      { kind: 'mci', year: 2028 },
      { kind: 'calendar', year: 2028 },
    ]);
  });
});

describe('a day typed into the date boxes', () => {
  it('reads day, month and year, and the whole date typed into the first box', () => {
    expect(isoDay('6', '12', '2026')).toBe('2026-12-06');
    expect(isoDay('06.12.2026', '', '')).toBe('2026-12-06');
    expect(isoDay(' 6 ', '1', '2027')).toBe('2027-01-06');
  });

  it('refuses days that do not exist and anything not a date', () => {
    expect(isoDay('30', '2', '2026')).toBeNull();
    expect(isoDay('06.12.2026', '1', '')).toBeNull();
    expect(isoDay('a', 'b', 'c')).toBeNull();
    expect(isoDay('1', '1', '26')).toBeNull();
  });
});
