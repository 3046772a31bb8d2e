import { describe, expect, it } from 'vitest';
import { absenceProblem, assignmentReason, categoriesHeard, courtCategories, eligibleForReassignment, isAbsentOn, isReassignable, parseCourtDay } from '../../src/domain/bench.ts';
import { drawJudge, verifyDraw, type Candidate } from '../../src/domain/distribution.ts';

const judge = (judgeId: string, over: Partial<Candidate> = {}): Candidate => ({ judgeId, categories: ['property', 'divorce'], onLeave: false, recused: false, openCases: 0, ...over });

describe("a judge's categories", () => {
  it('are every category of the court when the judge has no specialisation', () => {
    const ofCourt = courtCategories(['civil', 'criminal']);
    expect(ofCourt).toContain('property');
    expect(ofCourt).toContain('criminal');
    expect(ofCourt).not.toContain('public_law_dispute');
    expect(categoriesHeard([], ofCourt)).toEqual(ofCourt);
  });

  it('narrow to the specialisation, within what the court hears', () => {
    expect(categoriesHeard(['divorce', 'property', 'public_law_dispute'], courtCategories(['civil']))).toEqual(['property', 'divorce']);
  });
});

describe('absences', () => {
  const today = '2026-11-25';

  it('include both their first and last day', () => {
    const absences = [{ startsOn: '2026-11-20', endsOn: '2026-11-25' }];
    expect(isAbsentOn(absences, '2026-11-20')).toBe(true);
    expect(isAbsentOn(absences, '2026-11-25')).toBe(true);
    expect(isAbsentOn(absences, '2026-11-26')).toBe(false);
    expect(isAbsentOn(absences, '2026-11-19')).toBe(false);
  });

  it('are read from ISO dates and from the dotted dates people write, and only real days', () => {
    expect(parseCourtDay('2026-12-01')).toBe('2026-12-01');
    expect(parseCourtDay(' 1.12.2026 ')).toBe('2026-12-01');
    expect(parseCourtDay('2026-02-30')).toBeNull();
    expect(parseCourtDay('31.11.2026')).toBeNull();
    expect(parseCourtDay('tomorrow')).toBeNull();
  });

  it('are refused when they end before they start, start before today, run over a year or overlap another', () => {
    expect(absenceProblem({ startsOn: '2026-12-05', endsOn: '2026-12-01' }, today, [])).toBe('absence_ends_before_start');
    expect(absenceProblem({ startsOn: '2026-11-24', endsOn: '2026-12-01' }, today, [])).toBe('absence_in_past');
    expect(absenceProblem({ startsOn: '2026-12-01', endsOn: '2028-12-01' }, today, [])).toBe('absence_too_long');
    expect(absenceProblem({ startsOn: '2026-12-01', endsOn: '2026-12-10' }, today, [{ startsOn: '2026-12-10', endsOn: '2026-12-12' }])).toBe('absence_overlaps');
    expect(absenceProblem({ startsOn: 'soon', endsOn: '2026-12-10' }, today, [])).toBe('absence_dates_invalid');
  });

  it('are accepted from today on, for a single day, next to another absence', () => {
    expect(absenceProblem({ startsOn: today, endsOn: today }, today, [])).toBeNull();
    expect(absenceProblem({ startsOn: '2026-12-01', endsOn: '2026-12-09' }, today, [{ startsOn: '2026-12-10', endsOn: '2026-12-12' }])).toBeNull();
  });
});

describe('the draw over real availability', () => {
  it('never draws a judge away, recused or of another specialisation, and the protocol says which was which', () => {
    const candidates = [judge('a', { onLeave: true }), judge('b', { recused: true }), judge('c', { categories: ['divorce'] }), judge('d', { openCases: 40 })];
    for (let i = 0; i < 50; i++) {
      const result = drawJudge({ caseId: `case-${i}`, category: 'property', candidates, seed: i.toString(16).padStart(64, '0') });
      expect(result.judgeId).toBe('d');
      expect(verifyDraw(result.protocol)).toBe(true);
      const protocol = JSON.parse(result.protocol) as { candidates: Candidate[] };
      expect(protocol.candidates.map((c) => [c.judgeId, c.onLeave, c.recused, c.categories.includes('property')])).toEqual([
        ['a', true, false, true],
        ['b', false, true, true],
        ['c', false, false, false],
        ['d', false, false, true],
      ]);
    }
  });
});

describe('reassignment by the chair', () => {
  it('offers the judges the draw could have chosen, except the one who has the case', () => {
    const candidates = [judge('d'), judge('a', { onLeave: true }), judge('b', { recused: true }), judge('c', { categories: ['divorce'] }), judge('e'), judge('f')];
    expect(eligibleForReassignment(candidates, 'property', 'e')).toEqual(['d', 'f']);
    expect(eligibleForReassignment(candidates, 'divorce', null)).toEqual(['c', 'd', 'e', 'f']);
  });

  it('is possible only before the final act', () => {
    for (const status of ['assigned', 'left_without_motion', 'accepted', 'preparation', 'hearing_scheduled']) expect(isReassignable(status), status).toBe(true);
    for (const status of ['submitted', 'decided', 'decision_final', 'appeal_window', 'appealed', 'in_force', 'returned', 'archived']) expect(isReassignable(status), status).toBe(false);
  });

  it('needs a reason of at least five characters and at most 4,000', () => {
    expect(assignmentReason('  sick ')).toBeNull();
    expect(assignmentReason('Long illness of the judge')).toBe('Long illness of the judge');
    expect(assignmentReason('x'.repeat(4001))).toBeNull();
  });
});
