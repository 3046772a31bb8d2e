import { urls } from '../urls.ts';
import { hasRole, type Principal } from './principal.ts';

/**
 * Where a person lands after signing in: staff where they work, everyone else in their cabinet.
 * A chair is usually a judge too and lands on the bench, which is the chair's own work.
 */
export function homeOf(principal: Principal): string {
  if (hasRole(principal, 'court_chair')) return urls.bench();
  if (hasRole(principal, 'judge')) return urls.judgeCases();
  if (hasRole(principal, 'clerk')) return urls.incoming();
  if (hasRole(principal, 'system_admin') || hasRole(principal, 'court_admin')) return urls.roleAdmin();
  return urls.cabinet();
}
