import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, canTransition, nextStatuses, PUBLIC_STAGE, type CaseStatus } from '../../src/domain/caseStatus.ts';
import { lifecyclePath } from '../../src/seed/demo.ts';

/** The lifecycle as the law has it, written out by hand: the map in the code must match it exactly. */
const FIRST_INSTANCE = `
  draft>submitted submitted>registered registered>assigned
  assigned>accepted assigned>returned assigned>left_without_motion
  left_without_motion>accepted left_without_motion>returned
  accepted>preparation preparation>hearing_scheduled
  hearing_scheduled>hearing_scheduled hearing_scheduled>decided
  decided>decision_final decision_final>appeal_window
  appeal_window>appealed appeal_window>in_force
  appealed>in_force appealed>preparation
  in_force>archived in_force>preparation returned>archived
  assigned>order_issued accepted>order_issued
  order_issued>order_objected order_issued>in_force
  order_objected>order_cancelled order_cancelled>archived`;

const REVIEW = `
  draft>submitted submitted>registered registered>assigned
  assigned>accepted assigned>returned assigned>left_without_motion
  left_without_motion>accepted left_without_motion>returned
  accepted>preparation preparation>hearing_scheduled
  hearing_scheduled>hearing_scheduled hearing_scheduled>decided
  decided>in_force
  in_force>archived in_force>preparation returned>archived`;

const pairs = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

describe('case lifecycle', () => {
  it('reaches every first-instance status from filing', () => {
    for (const status of CASE_STATUSES.filter((s) => s !== 'draft')) {
      const path = lifecyclePath(status);
      expect(path[0]).toBe('submitted');
      expect(path.at(-1)).toBe(status);
      for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
    }
  });

  for (const [instance, expected] of [
    [1, FIRST_INSTANCE],
    [2, REVIEW],
    [3, REVIEW],
    [4, REVIEW],
  ] as const) {
    it(`allows exactly the lawful transitions at instance ${instance}, and refuses every other pair`, () => {
      const allowed = pairs(expected);
      for (const from of CASE_STATUSES) {
        for (const to of CASE_STATUSES) expect(canTransition(from, to, instance), `${from}>${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    });
  }

  it('ends only in the archive, on every instance', () => {
    const firstInstanceOnly: CaseStatus[] = ['decision_final', 'appeal_window', 'appealed', 'order_issued', 'order_objected', 'order_cancelled'];
    expect(CASE_STATUSES.filter((s) => !firstInstanceOnly.includes(s) && nextStatuses(s, 2).length === 0)).toEqual(['archived']);
    expect(CASE_STATUSES.filter((s) => nextStatuses(s, 1).length === 0)).toEqual(['archived']);
  });

  it('gives a judge three answers to a new case, and a court order on an application without a hearing', () => {
    expect([...nextStatuses('assigned', 1)].sort()).toEqual<CaseStatus[]>(['accepted', 'left_without_motion', 'order_issued', 'returned']);
    expect([...nextStatuses('assigned', 2)].sort()).toEqual<CaseStatus[]>(['accepted', 'left_without_motion', 'returned']);
  });

  it('lets an issued court order only be objected to or enter into force, and an objected one only be cancelled', () => {
    expect([...nextStatuses('order_issued', 1)].sort()).toEqual<CaseStatus[]>(['in_force', 'order_objected']);
    expect(nextStatuses('order_objected', 1)).toEqual<CaseStatus[]>(['order_cancelled']);
    expect(nextStatuses('order_cancelled', 1)).toEqual<CaseStatus[]>(['archived']);
    // Cancelled orders never come back, and an objection cannot follow entry into force.
    expect(canTransition('order_cancelled', 'order_issued')).toBe(false);
    expect(canTransition('in_force', 'order_objected')).toBe(false);
    expect(PUBLIC_STAGE.order_cancelled).toBe('closed');
  });

  it('has no appeal window above the first instance', () => {
    expect(canTransition('decided', 'decision_final', 2)).toBe(false);
    expect(canTransition('decided', 'in_force', 1)).toBe(false);
    expect(canTransition('decided', 'in_force', 2)).toBe(true);
  });

  it('shows the public a stage for every status', () => {
    for (const status of CASE_STATUSES) expect(PUBLIC_STAGE[status]).toBeTruthy();
  });
});
