import { describe, expect, it } from 'vitest';
import { homeOf } from '../../src/policies/home.ts';
import type { Principal, Role } from '../../src/policies/principal.ts';

function person(...roles: Role[]): Principal {
  return { userId: 'u', iin: '900101400123', fullName: 'Тестов Тест', bin: null, roles: [{ role: 'citizen', courtId: null }, ...roles.map((role) => ({ role, courtId: role === 'system_admin' ? null : 'court' }))] };
}

describe('where a person lands after signing in', () => {
  it.each([
    [[], '/cabinet'],
    [['lawyer'], '/cabinet'],
    [['clerk'], '/court/registry'],
    [['judge'], '/judge/cases'],
    [['judge', 'court_chair'], '/court/judges'],
    [['court_admin'], '/admin/roles'],
    [['system_admin'], '/admin/roles'],
  ] as [Role[], string][])('%j lands on %s', (roles, landing) => {
    expect(homeOf(person(...roles))).toBe(landing);
  });
});
