import { describe, expect, it } from 'vitest';
import { BENCH_ROLES, GRANTABLE_ROLES, ROLES, type GrantableRole, type Principal, type Role } from '../../src/policies/principal.ts';
import { CASE_RELATIONS, can, type CaseRelation } from '../../src/policies/rules.ts';

const COURT = 'court-a';
const OTHER_COURT = 'court-b';

function principal(role: Role, courtId: string | null = null): Principal {
  const roles: { role: Role; courtId: string | null }[] = [{ role: 'citizen', courtId: null }];
  if (role !== 'citizen') roles.push({ role, courtId: ['clerk', 'judge', 'court_chair', 'court_admin'].includes(role) ? courtId : null });
  return { userId: `user-${role}`, iin: '900315491000', fullName: role, bin: role === 'legal_representative' ? '110540090014' : null, roles };
}

describe('who may read a case', () => {
  // The intended rule, stated independently of the rule list: participants, the staff who handle
  // the case's court (never its administrator) and the judges and office of a court reviewing it
  // read it; nobody else does.
  const expected = (relations: Set<CaseRelation>) => relations.has('party') || relations.has('representative') || relations.has('court_staff') || relations.has('assigned_judge') || relations.has('higher_court');

  for (const role of ROLES) {
    for (const relation of CASE_RELATIONS) {
      it(`${role} related as ${relation}`, () => {
        const relations = new Set<CaseRelation>([relation]);
        expect(can(principal(role, COURT), { action: 'read', resource: 'case', relations })).toBe(expected(relations) && (relation !== 'court_staff' || ['clerk', 'judge', 'court_chair'].includes(role)) && (relation !== 'assigned_judge' || role === 'judge') && (relation !== 'higher_court' || ['clerk', 'judge', 'court_chair'].includes(role)));
      });
    }
  }

  it('denies everyone who is not signed in', () => {
    for (const relation of CASE_RELATIONS) expect(can(null, { action: 'read', resource: 'case', relations: new Set([relation]) })).toBe(false);
  });

  it("keeps a court's administrator out of its case files and closed-hearing recordings", () => {
    const courtAdmin = principal('court_admin', COURT);
    const asStaff = new Set<CaseRelation>(['court_staff']);
    expect(can(courtAdmin, { action: 'read', resource: 'case', relations: asStaff })).toBe(false);
    expect(can(courtAdmin, { action: 'watch', resource: 'recording', relations: asStaff, closedHearing: true })).toBe(false);
    expect(can(courtAdmin, { action: 'watch', resource: 'recording', relations: asStaff, closedHearing: false })).toBe(false);
    // The same person as a party to a case of their own reads it like anyone else.
    expect(can(courtAdmin, { action: 'read', resource: 'case', relations: new Set(['party']) })).toBe(true);
    expect(can(principal('clerk', COURT), { action: 'watch', resource: 'recording', relations: asStaff, closedHearing: true })).toBe(true);
  });
});

describe('who may grant roles', () => {
  const someone = 'user-someone';
  const grant = (role: GrantableRole, courtId: string | null, granteeId = someone) => ({ action: 'grant', resource: 'role', role, courtId, granteeId }) as const;

  it('lets the system administrator grant any role to someone else', () => {
    const admin = principal('system_admin');
    for (const role of GRANTABLE_ROLES) expect(can(admin, grant(role, role === 'lawyer' || role === 'system_admin' ? null : COURT))).toBe(true);
  });

  it('never lets anyone grant, revoke, cancel or confirm a role of their own', () => {
    for (const holder of ROLES) {
      const p = principal(holder, COURT);
      for (const role of GRANTABLE_ROLES) {
        const courtId = role === 'lawyer' || role === 'system_admin' ? null : COURT;
        for (const action of ['grant', 'revoke', 'cancel'] as const) expect(can(p, { action, resource: 'role', role, courtId, granteeId: p.userId }), `${holder} ${action} ${role}`).toBe(false);
        expect(can(p, { action: 'confirm', resource: 'role', role, courtId, granteeId: p.userId, proposedBy: 'user-other-admin' }), `${holder} confirm ${role}`).toBe(false);
      }
    }
  });

  it("lets a court's administrator grant and revoke clerks of that court only, never a judge or a chair", () => {
    const courtAdmin = principal('court_admin', COURT);
    expect(can(courtAdmin, grant('clerk', COURT))).toBe(true);
    expect(can(courtAdmin, { action: 'revoke', resource: 'role', role: 'clerk', courtId: COURT, granteeId: someone })).toBe(true);
    expect(can(courtAdmin, grant('clerk', OTHER_COURT))).toBe(false);
    for (const role of ['judge', 'court_chair', 'court_admin'] as const) {
      expect(can(courtAdmin, grant(role, COURT)), role).toBe(false);
      expect(can(courtAdmin, { action: 'revoke', resource: 'role', role, courtId: COURT, granteeId: someone }), role).toBe(false);
    }
    expect(can(courtAdmin, grant('system_admin', null))).toBe(false);
    expect(can(courtAdmin, { action: 'confirm', resource: 'role', role: 'judge', courtId: COURT, granteeId: someone, proposedBy: 'user-other-admin' })).toBe(false);
  });

  it('seats a judge or chair only on the word of a second system administrator, not the proposer', () => {
    const admin = principal('system_admin');
    for (const role of BENCH_ROLES) {
      expect(can(admin, { action: 'confirm', resource: 'role', role, courtId: COURT, granteeId: someone, proposedBy: 'user-other-admin' })).toBe(true);
      expect(can(admin, { action: 'confirm', resource: 'role', role, courtId: COURT, granteeId: someone, proposedBy: admin.userId })).toBe(false);
    }
    for (const role of ROLES.filter((r) => r !== 'system_admin')) {
      expect(can(principal(role, COURT), { action: 'confirm', resource: 'role', role: 'judge', courtId: COURT, granteeId: someone, proposedBy: 'user-other-admin' }), role).toBe(false);
    }
  });

  it('never lets a citizen, lawyer, clerk, judge or chair grant a role', () => {
    for (const role of ['citizen', 'legal_representative', 'lawyer', 'clerk', 'judge', 'court_chair'] as const) {
      expect(can(principal(role, COURT), grant('judge', COURT))).toBe(false);
      expect(can(principal(role, COURT), grant('clerk', COURT))).toBe(false);
    }
  });

  it("shows a person's page to every system administrator and to the administrator of a court the person's roles touch", () => {
    expect(can(principal('system_admin'), { action: 'view', resource: 'person', courtIds: [] })).toBe(true);
    expect(can(principal('court_admin', COURT), { action: 'view', resource: 'person', courtIds: [OTHER_COURT, COURT] })).toBe(true);
    expect(can(principal('court_admin', COURT), { action: 'view', resource: 'person', courtIds: [OTHER_COURT] })).toBe(false);
    expect(can(principal('court_admin', COURT), { action: 'view', resource: 'person', courtIds: [] })).toBe(false);
    for (const role of ['citizen', 'lawyer', 'clerk', 'judge', 'court_chair'] as const) expect(can(principal(role, COURT), { action: 'view', resource: 'person', courtIds: [COURT] }), role).toBe(false);
  });
});

describe('profiles', () => {
  it('are read and changed by their owner only', () => {
    const me = principal('citizen');
    expect(can(me, { action: 'read', resource: 'profile', ownerId: me.userId })).toBe(true);
    expect(can(me, { action: 'update', resource: 'profile', ownerId: 'someone-else' })).toBe(false);
    expect(can(principal('system_admin'), { action: 'read', resource: 'profile', ownerId: me.userId })).toBe(false);
  });
});

describe('the bench and a change of judge', () => {
  it("lets only the chair of the case's court reassign it", () => {
    expect(can(principal('court_chair', COURT), { action: 'reassign', resource: 'case', courtId: COURT })).toBe(true);
    expect(can(principal('court_chair', OTHER_COURT), { action: 'reassign', resource: 'case', courtId: COURT })).toBe(false);
    for (const role of ROLES.filter((r) => r !== 'court_chair')) expect(can(principal(role, COURT), { action: 'reassign', resource: 'case', courtId: COURT }), role).toBe(false);
  });

  it("lets a chair's move of a case to themselves be confirmed by another judge of the court only", () => {
    const request = { action: 'confirm', resource: 'reassignment', courtId: COURT, chairId: 'user-chair', currentJudgeId: 'user-case-judge' } as const;
    expect(can({ ...principal('judge', COURT), userId: 'user-colleague' }, request)).toBe(true);
    expect(can({ ...principal('judge', OTHER_COURT), userId: 'user-colleague' }, request)).toBe(false);
    // The chair sits as a judge too, and still cannot confirm their own move; nor can the judge who loses the case.
    const chair: Principal = { ...principal('judge', COURT), userId: 'user-chair', roles: [...principal('judge', COURT).roles, { role: 'court_chair', courtId: COURT }] };
    expect(can(chair, request)).toBe(false);
    expect(can({ ...principal('judge', COURT), userId: 'user-case-judge' }, request)).toBe(false);
    for (const role of ROLES.filter((r) => r !== 'judge')) expect(can({ ...principal(role, COURT), userId: 'user-colleague' }, request), role).toBe(false);
  });

  it("lets only the chair of a court manage that court's bench", () => {
    expect(can(principal('court_chair', COURT), { action: 'manage', resource: 'bench', courtId: COURT })).toBe(true);
    expect(can(principal('court_chair', OTHER_COURT), { action: 'manage', resource: 'bench', courtId: COURT })).toBe(false);
    for (const role of ROLES.filter((r) => r !== 'court_chair')) expect(can(principal(role, COURT), { action: 'manage', resource: 'bench', courtId: COURT }), role).toBe(false);
  });

  it('lets a judge step down only from a case of their own in their court', () => {
    const judge = principal('judge', COURT);
    expect(can(judge, { action: 'recuse', resource: 'case', courtId: COURT, judgeId: judge.userId })).toBe(true);
    expect(can(judge, { action: 'recuse', resource: 'case', courtId: COURT, judgeId: 'another-judge' })).toBe(false);
    expect(can(judge, { action: 'recuse', resource: 'case', courtId: OTHER_COURT, judgeId: judge.userId })).toBe(false);
    expect(can(judge, { action: 'recuse', resource: 'case', courtId: COURT, judgeId: null })).toBe(false);
    // The chair may move a case, but steps down from one only as its judge.
    const chair = principal('court_chair', COURT);
    expect(can(chair, { action: 'recuse', resource: 'case', courtId: COURT, judgeId: chair.userId })).toBe(false);
  });
});

describe('the court office and incoming filings', () => {
  const office = (action: 'read' | 'receive' | 'attach' | 'enter_paper', who: Principal, courtId = COURT) => can(who, { action, resource: 'filing_office', courtId });

  it('shows a submitted filing to the clerks, the chair and the judges of its court, and to no one else', () => {
    for (const role of ROLES) {
      expect(office('read', principal(role, COURT)), role).toBe(['clerk', 'court_chair', 'judge'].includes(role));
      expect(office('read', principal(role, OTHER_COURT)), `${role} of another court`).toBe(false);
    }
  });

  it('lets the office of that court receive and attach, and a clerk of that court enter paper', () => {
    for (const role of ROLES) {
      for (const action of ['receive', 'attach'] as const) {
        expect(office(action, principal(role, COURT)), `${role} ${action}`).toBe(['clerk', 'court_chair'].includes(role));
        expect(office(action, principal(role, OTHER_COURT)), `${role} ${action} elsewhere`).toBe(false);
      }
      expect(office('enter_paper', principal(role, COURT)), role).toBe(role === 'clerk');
      expect(office('enter_paper', principal(role, OTHER_COURT)), role).toBe(false);
    }
  });

  it('denies everyone who is not signed in', () => {
    for (const action of ['read', 'receive', 'attach', 'enter_paper'] as const) expect(can(null, { action, resource: 'filing_office', courtId: COURT })).toBe(false);
  });
});

describe('who adds materials to the e-case file and shares them', () => {
  const judgeOfCase = principal('judge', COURT);
  it('lets the clerks of the case’s court and the judge of the case add a material, and nobody else', () => {
    for (const role of ROLES) {
      for (const courtId of [COURT, OTHER_COURT]) {
        const someone = principal(role, courtId);
        const expected = role === 'clerk' && courtId === COURT;
        expect(can(someone, { action: 'add_material', resource: 'court_file', courtId: COURT, judgeId: 'another-judge' }), `${role} of ${courtId}`).toBe(expected);
      }
    }
    expect(can(judgeOfCase, { action: 'add_material', resource: 'court_file', courtId: COURT, judgeId: judgeOfCase.userId })).toBe(true);
    // The judge's own case moved to another court is no longer theirs to add to.
    expect(can(judgeOfCase, { action: 'add_material', resource: 'court_file', courtId: OTHER_COURT, judgeId: judgeOfCase.userId })).toBe(false);
    expect(can(null, { action: 'add_material', resource: 'court_file', courtId: COURT, judgeId: null })).toBe(false);
  });

  it('lets only the judge of the case share a kept material with the parties', () => {
    expect(can(judgeOfCase, { action: 'share_material', resource: 'court_file', courtId: COURT, judgeId: judgeOfCase.userId })).toBe(true);
    for (const role of ROLES) expect(can(principal(role, COURT), { action: 'share_material', resource: 'court_file', courtId: COURT, judgeId: 'another-judge' }), role).toBe(false);
  });
});
