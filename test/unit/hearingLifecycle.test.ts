import { describe, expect, it } from 'vitest';
import { actEffect, hearingRefusal } from '../../src/domain/courtActs.ts';
import { hearingOfTheDay, openingRefusal } from '../../src/domain/hearingLifecycle.ts';
import { foldTimeline } from '../../src/domain/timeline.ts';

// 10:00 in Almaty on Monday 7 December 2026.
const at = (iso: string) => new Date(iso);
const startsAt = at('2026-12-07T05:00:00Z');

describe('opening a hearing', () => {
  it('opens on its day from fifteen minutes before its time', () => {
    expect(openingRefusal(startsAt, at('2026-12-07T04:45:00Z'))).toBeNull();
    expect(openingRefusal(startsAt, at('2026-12-07T09:00:00Z'))).toBeNull();
    expect(openingRefusal(startsAt, at('2026-12-07T04:44:00Z'))).toBe('hearing_too_early');
  });
  it('never on another day, whatever the hour in UTC', () => {
    expect(openingRefusal(startsAt, at('2026-12-06T18:59:00Z'))).toBe('hearing_not_today');
    expect(openingRefusal(startsAt, at('2026-12-07T19:00:00Z'))).toBe('hearing_not_today');
  });
});

describe('the hearing of the day', () => {
  const now = at('2026-12-07T08:00:00Z');
  it('is the one opened today: open, or closed as held', () => {
    expect(hearingOfTheDay([{ startsAt, status: 'opened', openedAt: startsAt }], now)).toBe('open');
    expect(hearingOfTheDay([{ startsAt, status: 'held', openedAt: startsAt }], now)).toBe('held');
  });
  it('is none when today’s hearing was adjourned, not held, only scheduled, or held another day', () => {
    expect(hearingOfTheDay([{ startsAt, status: 'adjourned', openedAt: startsAt }], now)).toBe('none');
    expect(hearingOfTheDay([{ startsAt, status: 'not_held', openedAt: null }], now)).toBe('none');
    expect(hearingOfTheDay([{ startsAt, status: 'scheduled', openedAt: null }], now)).toBe('none');
    const yesterday = at('2026-12-04T05:00:00Z');
    expect(hearingOfTheDay([{ startsAt: yesterday, status: 'held', openedAt: yesterday }], now)).toBe('none');
    // A seeded row marked held without ever being opened does not count either.
    expect(hearingOfTheDay([{ startsAt, status: 'held', openedAt: null }], now)).toBe('none');
  });
});

describe('acts that need a held hearing', () => {
  it('refuses the operative part and a final decision made at once without a hearing', () => {
    expect(actEffect({ kind: 'decision', decisionForm: 'operative' }, 1, 'hearing_scheduled', 'property', 'none')).toEqual({ refused: 'act_needs_held_hearing' });
    expect(actEffect({ kind: 'decision', decisionForm: 'final' }, 1, 'hearing_scheduled', 'property', 'none')).toEqual({ refused: 'act_needs_held_hearing' });
    expect(actEffect({ kind: 'resolution', outcome: 'upheld' }, 2, 'hearing_scheduled', 'property', 'none')).toEqual({ refused: 'act_needs_held_hearing' });
  });
  it('allows them at an open or held hearing', () => {
    for (const hearing of ['open', 'held'] as const) {
      expect(actEffect({ kind: 'decision', decisionForm: 'operative' }, 1, 'hearing_scheduled', 'property', hearing)).toEqual({ path: ['decided'], opens: ['decision_final_form'], closes: ['preparation', 'consideration', 'consideration_short'] });
      expect(actEffect({ kind: 'decision', decisionForm: 'final' }, 1, 'hearing_scheduled', 'property', hearing)).toMatchObject({ path: ['decided', 'decision_final', 'appeal_window'] });
      expect(actEffect({ kind: 'resolution', outcome: 'upheld' }, 2, 'hearing_scheduled', 'property', hearing)).toMatchObject({ path: ['decided', 'in_force'] });
    }
  });
  it('lets the final form follow the operative part in chambers, and rulings and court orders go without a hearing', () => {
    expect(actEffect({ kind: 'decision', decisionForm: 'final' }, 1, 'decided', 'property', 'none')).toMatchObject({ path: ['decision_final', 'appeal_window'], closes: ['decision_final_form'] });
    expect(actEffect({ kind: 'ruling' }, 1, 'preparation', 'property', 'none')).toEqual({ path: [], opens: [], closes: [] });
    expect(actEffect({ kind: 'court_order' }, 1, 'accepted', 'court_order', 'none')).toMatchObject({ path: ['order_issued'] });
    expect(hearingRefusal({ kind: 'ruling' }, 'hearing_scheduled', 'none')).toBeNull();
  });
  it('gives the status refusal first: a decision at the wrong stage is not a hearing matter', () => {
    expect(actEffect({ kind: 'decision', decisionForm: 'operative' }, 1, 'preparation', 'property', 'none')).toEqual({ refused: 'act_not_allowed_now' });
  });
});

describe('the case history', () => {
  const at = new Date('2026-12-07T05:00:00Z');
  const later = new Date('2026-12-07T06:00:00Z');
  // Newest first, as the query reads them.
  const events = [
    { id: 9, type: 'document_issued', occurredAt: later, data: {} },
    { id: 8, type: 'status_changed', occurredAt: later, data: { to: 'appeal_window' } },
    { id: 7, type: 'status_changed', occurredAt: later, data: { to: 'decision_final' } },
    { id: 6, type: 'status_changed', occurredAt: later, data: { to: 'decided' } },
    { id: 5, type: 'hearing_scheduled', occurredAt: at, data: {} },
    { id: 4, type: 'status_changed', occurredAt: at, data: { to: 'hearing_scheduled' } },
    { id: 3, type: 'judge_assigned', occurredAt: at, data: {} },
    { id: 2, type: 'status_changed', occurredAt: at, data: { to: 'assigned' } },
    { id: 1, type: 'status_changed', occurredAt: at, data: { to: 'registered' } },
  ];

  it('folds the status changes an event caused into it, once', () => {
    const folded = foldTimeline(events);
    expect(folded.map((e) => e.id)).toEqual([9, 5, 3, 1]);
    expect(folded[0]).toMatchObject({ status: 'appeal_window' });
    expect(folded[1]).toMatchObject({ status: 'hearing_scheduled' });
  });

  it('keeps a status change made at another moment, or to a status the event does not bring', () => {
    const apart = [
      { id: 2, type: 'hearing_scheduled', occurredAt: later, data: {} },
      { id: 1, type: 'status_changed', occurredAt: at, data: { to: 'hearing_scheduled' } },
    ];
    expect(foldTimeline(apart).map((e) => e.id)).toEqual([2, 1]);
    const unrelated = [
      { id: 2, type: 'judge_assigned', occurredAt: at, data: {} },
      { id: 1, type: 'status_changed', occurredAt: at, data: { to: 'returned' } },
    ];
    expect(foldTimeline(unrelated).map((e) => e.id)).toEqual([2, 1]);
  });
});
