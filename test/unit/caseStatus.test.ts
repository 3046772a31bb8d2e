import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, canTransition, nextStatuses, PUBLIC_STAGE, type CaseStatus } from '../../src/domain/caseStatus.ts';
import { lifecyclePath } from '../../src/seed/demo.ts';

/** The lifecycle as the law has it, written out by hand: the map in the code must match it exactly. */
// A claim is accepted, returned (CPC Art. 152) or refused (Art. 151): no "without motion" for claims.
const FIRST_INSTANCE = `
  draft>submitted submitted>registered registered>assigned
  assigned>accepted assigned>returned assigned>refused
  accepted>preparation preparation>hearing_scheduled
  hearing_scheduled>hearing_scheduled hearing_scheduled>decided
  decided>decision_final decision_final>appeal_window
  appeal_window>appealed appeal_window>in_force
  appealed>in_force appealed>preparation appealed>appeal_window
  in_force>archived in_force>preparation returned>archived refused>archived
  assigned>order_issued accepted>order_issued
  order_issued>order_objected order_issued>in_force
  order_objected>order_cancelled order_cancelled>archived`;

// An appeal may be left without motion to cure its defects (Art. 406), then accepted or returned (Art. 407).
const APPEAL = `
  draft>submitted submitted>registered registered>assigned
  assigned>accepted assigned>returned assigned>left_without_motion
  left_without_motion>accepted left_without_motion>returned
  accepted>preparation preparation>hearing_scheduled
  hearing_scheduled>hearing_scheduled hearing_scheduled>decided
  decided>in_force
  in_force>archived in_force>preparation returned>archived`;

const CASSATION = `
  draft>submitted submitted>registered registered>assigned
  assigned>accepted assigned>returned
  accepted>preparation preparation>hearing_scheduled
  hearing_scheduled>hearing_scheduled hearing_scheduled>decided
  decided>in_force
  in_force>archived in_force>preparation returned>archived`;

const pairs = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

/** The statuses a case of this instance can reach from filing. */
function reachable(instance: number): CaseStatus[] {
  const seen = new Set<CaseStatus>(['submitted']);
  const queue: CaseStatus[] = ['submitted'];
  while (queue.length > 0) for (const next of nextStatuses(queue.shift()!, instance)) if (!seen.has(next)) (seen.add(next), queue.push(next));
  return [...seen];
}

describe('case lifecycle', () => {
  it('reaches every status from filing at one instance or another', () => {
    for (const status of CASE_STATUSES.filter((s) => s !== 'draft')) {
      const instance = [1, 2].find((i) => reachable(i).includes(status))!;
      expect(instance, status).toBeDefined();
      const path = lifecyclePath(status, instance);
      expect(path[0]).toBe('submitted');
      expect(path.at(-1)).toBe(status);
      for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!, instance)).toBe(true);
    }
  });

  for (const [instance, expected] of [
    [1, FIRST_INSTANCE],
    [2, APPEAL],
    [3, CASSATION],
    [4, CASSATION],
  ] as const) {
    it(`allows exactly the lawful transitions at instance ${instance}, and refuses every other pair`, () => {
      const allowed = pairs(expected);
      for (const from of CASE_STATUSES) {
        for (const to of CASE_STATUSES) expect(canTransition(from, to, instance), `${from}>${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    });

    it(`ends only in the archive at instance ${instance}`, () => {
      expect(reachable(instance).filter((s) => nextStatuses(s, instance).length === 0)).toEqual(['archived']);
    });
  }

  it('gives a judge three answers to a new claim, and never leaves a claim without motion', () => {
    expect([...nextStatuses('assigned', 1)].sort()).toEqual<CaseStatus[]>(['accepted', 'order_issued', 'refused', 'returned']);
    expect(reachable(1)).not.toContain('left_without_motion');
  });

  it('leaves an appeal without motion, and refuses no appeal: it is returned', () => {
    expect([...nextStatuses('assigned', 2)].sort()).toEqual<CaseStatus[]>(['accepted', 'left_without_motion', 'returned']);
    expect(reachable(2)).not.toContain('refused');
    expect(reachable(3)).not.toContain('left_without_motion');
  });

  it('closes a refused claim as a returned one', () => {
    expect(PUBLIC_STAGE.refused).toBe('closed');
    expect(PUBLIC_STAGE.returned).toBe('closed');
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
