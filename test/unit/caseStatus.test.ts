import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, canTransition, NEXT_STATUSES, PUBLIC_STAGE, type CaseStatus } from '../../src/domain/caseStatus.ts';
import { lifecyclePath } from '../../src/seed/demo.ts';

describe('case lifecycle', () => {
  it('reaches every status from filing', () => {
    for (const status of CASE_STATUSES.filter((s) => s !== 'draft')) {
      const path = lifecyclePath(status);
      expect(path[0]).toBe('submitted');
      expect(path.at(-1)).toBe(status);
      for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
    }
  });

  it('ends only in the archive', () => {
    const terminal = CASE_STATUSES.filter((s) => NEXT_STATUSES[s].length === 0);
    expect(terminal).toEqual(['archived']);
  });

  it('allows only the listed transitions', () => {
    const allowed = new Set(CASE_STATUSES.flatMap((from) => NEXT_STATUSES[from].map((to) => `${from}>${to}`)));
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) expect(canTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
    }
    expect(canTransition('submitted', 'decided')).toBe(false);
    expect(canTransition('archived', 'submitted')).toBe(false);
  });

  it('gives a judge three answers to a new case', () => {
    expect([...NEXT_STATUSES.assigned].sort()).toEqual<CaseStatus[]>(['accepted', 'left_without_motion', 'returned']);
  });

  it('shows the public a stage for every status', () => {
    for (const status of CASE_STATUSES) expect(PUBLIC_STAGE[status]).toBeTruthy();
  });
});
