import type { EntityTie } from '../domain/ncaRoles.ts';

/**
 * Who is asking. Everyone signed in is a citizen; a certificate with a BIN that names its holder the
 * entity's first head or a person with the right to sign makes them the entity's representative
 * for that session (an employee's certificate does not); the other roles are granted, bound to a
 * court where they concern one.
 */
export const ROLES = ['citizen', 'legal_representative', 'lawyer', 'clerk', 'judge', 'court_chair', 'court_admin', 'system_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that only an administrator grants, each bound to a court. */
export const COURT_STAFF_ROLES = ['clerk', 'judge', 'court_chair', 'court_admin'] as const satisfies readonly Role[];
export type CourtStaffRole = (typeof COURT_STAFF_ROLES)[number];
export const GRANTABLE_ROLES = ['lawyer', ...COURT_STAFF_ROLES, 'system_admin'] as const satisfies readonly Role[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];
/**
 * Roles that seat someone on a court's bench: a judge hears cases and a chair moves them. One
 * system administrator proposes such a grant and a second confirms it before it takes effect.
 */
export const BENCH_ROLES = ['judge', 'court_chair'] as const satisfies readonly GrantableRole[];
export type BenchRole = (typeof BENCH_ROLES)[number];

export function isBenchRole(role: string): role is BenchRole {
  return (BENCH_ROLES as readonly string[]).includes(role);
}

export interface Principal {
  userId: string;
  iin: string;
  fullName: string;
  /** The legal entity the person acts for in this session, without a power of attorney. */
  bin: string | null;
  /** The legal entity the certificate names and the person's standing in it, when it names one. */
  entity?: EntityTie | null;
  roles: readonly { role: Role; courtId: string | null }[];
}

export function hasRole(principal: Principal, role: Role, courtId?: string): boolean {
  return principal.roles.some((r) => r.role === role && (courtId === undefined || r.courtId === courtId));
}

/** The role names a principal holds, each once, for display and the API. */
export function roleNames(principal: Principal): Role[] {
  return [...new Set(principal.roles.map((r) => r.role))];
}
