import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../src/domain/caseStatus.ts';
import { GRANT_OPEN, mayRequestFamiliarisation } from '../../src/domain/familiarisation.ts';
import { ROLES, type Principal, type Role } from '../../src/policies/principal.ts';
import { CASE_RELATIONS, can, type CaseRelation } from '../../src/policies/rules.ts';

const COURT = 'court-a';

function principal(role: Role, courtId: string | null = COURT, userId = `user-${role}`): Principal {
  const roles: { role: Role; courtId: string | null }[] = [{ role: 'citizen', courtId: null }];
  if (role !== 'citizen') roles.push({ role, courtId: ['clerk', 'judge', 'court_chair', 'court_admin'].includes(role) ? courtId : null });
  return { userId, iin: '900315491000', fullName: role, bin: null, roles };
}

describe('who reads the e-case file the court keeps', () => {
  // Stated apart from the rules: the court's staff who handle cases (judges, office, chair) of the
  // case's court or of a court reviewing it; never the parties or the court's administrator.
  for (const role of ROLES) {
    for (const relation of CASE_RELATIONS) {
      const staff = ['clerk', 'judge', 'court_chair'].includes(role);
      const expected = staff && (relation === 'court_staff' || relation === 'higher_court' || (relation === 'assigned_judge' && role === 'judge'));
      it(`${role} related as ${relation}: ${expected ? 'reads' : 'does not read'}`, () => {
        expect(can(principal(role), { action: 'read', resource: 'court_file', relations: new Set<CaseRelation>([relation]) })).toBe(expected);
      });
    }
  }
  it('is closed to parties even when they also work in the court', () => {
    expect(can(principal('citizen'), { action: 'read', resource: 'court_file', relations: new Set<CaseRelation>(['party']) })).toBe(false);
    expect(can(principal('court_admin'), { action: 'read', resource: 'court_file', relations: new Set<CaseRelation>(['party', 'unrelated']) })).toBe(false);
  });
});

describe('who answers a request to read the materials', () => {
  it('is the judge who has the case, sitting in its court', () => {
    const judge = principal('judge', COURT, 'judge-1');
    expect(can(judge, { action: 'decide', resource: 'familiarisation', courtId: COURT, judgeId: 'judge-1' })).toBe(true);
    expect(can(principal('judge', COURT, 'judge-2'), { action: 'decide', resource: 'familiarisation', courtId: COURT, judgeId: 'judge-1' })).toBe(false);
    expect(can(principal('judge', 'court-b', 'judge-1'), { action: 'decide', resource: 'familiarisation', courtId: COURT, judgeId: 'judge-1' })).toBe(false);
    for (const role of ['clerk', 'court_chair', 'court_admin', 'system_admin'] as const) expect(can(principal(role, COURT, 'judge-1'), { action: 'decide', resource: 'familiarisation', courtId: COURT, judgeId: 'judge-1' })).toBe(false);
    expect(can(judge, { action: 'decide', resource: 'familiarisation', courtId: COURT, judgeId: null })).toBe(false);
  });
});

describe('how long a grant lasts', () => {
  it('lasts while the case is before the court and lapses when it ends there', () => {
    const ended = CASE_STATUSES.filter((s) => !GRANT_OPEN[s]);
    expect(ended.sort()).toEqual(['archived', 'in_force', 'order_cancelled', 'refused', 'returned']);
  });
  it('takes one open request per party at a time', () => {
    expect(mayRequestFamiliarisation('preparation', 0)).toBe(true);
    expect(mayRequestFamiliarisation('preparation', 1)).toBe(false);
    expect(mayRequestFamiliarisation('in_force', 0)).toBe(false);
  });
});
