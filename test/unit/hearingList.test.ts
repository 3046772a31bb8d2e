import { describe, expect, it } from 'vitest';
import { daysInRange, decodeHearingCursor, encodeHearingCursor, HEARING_LIST_MAX_DAYS, parseHearingList } from '../../src/domain/hearingList.ts';

const TODAY = '2026-03-16';
const ID = '0b7e6a1c-5d1f-4c1a-9a55-2f3c1d9e8b70';

describe('hearing list request', () => {
  it('lists today when no day is asked for, and one day when only the first is given', () => {
    expect(parseHearingList({}, TODAY)).toMatchObject({ from: TODAY, to: TODAY, courtCode: null, cursor: null });
    expect(parseHearingList({ from: '2026-03-17' }, TODAY)).toMatchObject({ from: '2026-03-17', to: '2026-03-17' });
    expect(parseHearingList({ from: ' ', to: '' }, TODAY)).toMatchObject({ from: TODAY, to: TODAY });
  });

  it('takes a range of up to 31 days and refuses a longer or reversed one', () => {
    expect(parseHearingList({ from: '2026-03-01', to: '2026-03-31' }, TODAY)).toMatchObject({ from: '2026-03-01', to: '2026-03-31' });
    expect(daysInRange('2026-03-01', '2026-03-31')).toBe(HEARING_LIST_MAX_DAYS);
    expect(parseHearingList({ from: '2026-03-01', to: '2026-04-01' }, TODAY)).toEqual({ refused: 'hearings_range_too_long' });
    expect(parseHearingList({ from: '2026-03-10', to: '2026-03-09' }, TODAY)).toEqual({ refused: 'hearings_reversed_range' });
  });

  it('refuses days that do not exist or are not dates', () => {
    for (const from of ['2026-02-31', '2026-3-1', '16.03.2026', 'tomorrow', '2026-03-16\u0000', '9999-01-01'.repeat(500)]) {
      expect(parseHearingList({ from }, TODAY), from.slice(0, 20)).toEqual({ refused: 'hearings_invalid_date' });
    }
  });

  it('reads the filters offered and refuses anything else', () => {
    expect(parseHearingList({ court: '7517', region: 'almaty', judge: ID, category: 'labour', kind: 'civil' }, TODAY)).toMatchObject({ courtCode: '7517', regionCode: 'almaty', judgeId: ID, category: 'labour', kind: 'civil' });
    for (const raw of [{ court: '75' }, { region: "almaty' or 1=1" }, { judge: 'Иванов' }, { category: 'gossip' }, { kind: 'military' }, { court: 'x'.repeat(5000) }]) {
      expect(parseHearingList(raw, TODAY)).toEqual({ refused: 'hearings_invalid_filter' });
    }
  });

  it('round-trips its cursor and refuses a damaged one', () => {
    const cursor = { startsAt: '2026-03-16T04:00:00.000Z', id: ID };
    const text = encodeHearingCursor(cursor);
    expect(decodeHearingCursor(text)).toEqual(cursor);
    expect(parseHearingList({ cursor: text }, TODAY)).toMatchObject({ cursor });
    const bad = [
      'garbage!',
      text.slice(0, -3),
      Buffer.from(JSON.stringify(['2026-03-16', ID])).toString('base64url'),
      Buffer.from(JSON.stringify(['2026-02-31T04:00:00.000Z', ID])).toString('base64url'),
      Buffer.from(JSON.stringify([cursor.startsAt, 'not-a-uuid'])).toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
      'A'.repeat(300),
    ];
    for (const c of bad) expect(parseHearingList({ cursor: c }, TODAY), c.slice(0, 20)).toEqual({ refused: 'hearings_invalid_cursor' });
  });
});
