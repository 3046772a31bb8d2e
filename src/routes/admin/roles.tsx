import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { cancelRoleGrant, confirmRoleGrant, grantRole, isGrantableRole, revokeRole } from '../../commands/roles.ts';
import { ERRORS, SotError, type ErrorCode } from '../../errors.ts';
import type { Principal } from '../../policies/principal.ts';
import { can } from '../../policies/rules.ts';
import { grantsVisibleTo, pendingGrantsVisibleTo, type PendingGrant } from '../../queries/staff.ts';
import { urls } from '../../urls.ts';
import type { PendingGrantRow } from '../../views/pages/admin/PendingGrants.tsx';
import { RolesAdminPage } from '../../views/pages/RolesAdminPage.tsx';

const FIELD_OF: Partial<Record<ErrorCode, 'iin' | 'role' | 'court' | 'barNumber'>> = {
  user_not_found: 'iin',
  role_own: 'iin',
  role_not_grantable: 'role',
  bench_role_reserved: 'role',
  role_already_held: 'role',
  role_proposal_pending: 'role',
  court_not_found: 'court',
  forbidden: 'role',
  bar_number_invalid: 'barNumber',
};

const DONE = { saved: 'admin.roles.saved', proposed: 'duties.notice.proposed', confirmed: 'duties.notice.confirmed', cancelled: 'duties.notice.cancelled' } as const;
const ProposalId = Type.Object({ proposalId: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });
const Csrf = Type.Object({ _csrf: Type.Optional(Type.String()) });

/** What the viewer may do about each pending seat on the bench, as the policies decide. */
export function withProposalActions(principal: Principal, rows: PendingGrant[]): PendingGrantRow[] {
  return rows.map((p) => {
    const base = { resource: 'role', role: isGrantableRole(p.role) ? p.role : 'judge', courtId: p.courtId, granteeId: p.userId } as const;
    return { ...p, mayConfirm: can(principal, { ...base, action: 'confirm', proposedBy: p.proposedBy }), mayCancel: can(principal, { ...base, action: 'cancel' }) };
  });
}

/** Court staff roles are granted here by administrators, never taken by self-service. */
export const roleAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const access = { access: ['system_admin', 'court_admin'] as const };
  const systemAdmins = { access: ['system_admin'] as const };

  async function pageData(request: FastifyRequest) {
    const principal = request.principal!;
    const [grants, pending] = await Promise.all([grantsVisibleTo(app.db, principal), pendingGrantsVisibleTo(app.db, principal)]);
    return {
      grants: grants.map((g) => ({ ...g, mayRevoke: g.userId !== principal.userId })),
      pending: withProposalActions(principal, pending),
    };
  }

  app.get(
    '/admin/roles',
    { config: access, schema: { hide: true, querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 10 })) }) } },
    async (request, reply) => {
      const done = Object.entries(DONE).find(([key]) => key === request.query.done)?.[1];
      return reply.page({ title: request.t('admin.roles.title'), nav: 'admin' }, <RolesAdminPage {...await pageData(request)} notice={done ? request.t(done) : null} />);
    },
  );

  app.post(
    '/admin/roles',
    {
      config: access,
      schema: { hide: true, body: Type.Object({ _csrf: Type.Optional(Type.String()), iin: Type.String({ maxLength: 20 }), role: Type.String({ maxLength: 30 }), court: Type.Optional(Type.String({ maxLength: 10 })), barNumber: Type.Optional(Type.String({ maxLength: 40 })) }) },
    },
    async (request, reply) => {
      const { iin, role, court, barNumber } = request.body;
      let outcome;
      try {
        outcome = await grantRole(app.db, request.principal!, { iin: iin.trim(), role, courtCode: court?.trim() || null, barNumber: barNumber ?? null }, app.clock());
      } catch (error) {
        const field = error instanceof SotError ? FIELD_OF[error.code] : undefined;
        if (!field || !(error instanceof SotError)) throw error;
        return reply.page(
          { title: `${request.t('error.title')}: ${request.t('admin.roles.title')}`, nav: 'admin', status: error.status },
          <RolesAdminPage {...await pageData(request)} error={{ field, message: request.t(ERRORS[error.code].message) }} values={{ iin, role, court: court ?? '', barNumber: barNumber ?? '' }} />,
        );
      }
      return reply.redirect(urls.roleAdmin(outcome === 'proposed' ? 'proposed' : 'saved'), 303);
    },
  );

  app.post('/admin/roles/:grantId/revoke', { config: access, schema: { hide: true, params: Type.Object({ grantId: Type.String({ pattern: '^[0-9a-f-]{36}$' }) }), body: Csrf } }, async (request, reply) => {
    await revokeRole(app.db, request.principal!, request.params.grantId, app.clock());
    return reply.redirect(urls.roleAdmin('saved'), 303);
  });

  // A second system administrator seats the judge or chair, or any of them turns the proposal down.
  app.post('/admin/roles/proposals/:proposalId/confirm', { config: systemAdmins, schema: { hide: true, params: ProposalId, body: Csrf } }, async (request, reply) => {
    await confirmRoleGrant(app.db, request.principal!, request.params.proposalId, app.clock());
    return reply.redirect(urls.roleAdmin('confirmed'), 303);
  });

  app.post('/admin/roles/proposals/:proposalId/cancel', { config: systemAdmins, schema: { hide: true, params: ProposalId, body: Csrf } }, async (request, reply) => {
    await cancelRoleGrant(app.db, request.principal!, request.params.proposalId, app.clock());
    return reply.redirect(urls.roleAdmin('cancelled'), 303);
  });
};
