import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { grantRole, revokeRole } from '../../commands/roles.ts';
import { ERRORS, SotError, type ErrorCode } from '../../errors.ts';
import { grantsVisibleTo } from '../../queries/staff.ts';
import { RolesAdminPage } from '../../views/pages/RolesAdminPage.tsx';

const FIELD_OF: Partial<Record<ErrorCode, 'iin' | 'role' | 'court' | 'barNumber'>> = {
  user_not_found: 'iin',
  role_not_grantable: 'role',
  court_not_found: 'court',
  forbidden: 'role',
  bar_number_invalid: 'barNumber',
};

/** Court staff roles are granted here by administrators, never taken by self-service. */
export const roleAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const access = { access: ['system_admin', 'court_admin'] as const };

  app.get('/admin/roles', { config: access, schema: { hide: true, querystring: Type.Object({ saved: Type.Optional(Type.String({ maxLength: 5 })) }) } }, async (request, reply) =>
    reply.page({ title: request.t('admin.roles.title'), nav: 'admin' }, <RolesAdminPage grants={await grantsVisibleTo(app.db, request.principal!)} notice={request.query.saved === '1'} />),
  );

  app.post(
    '/admin/roles',
    {
      config: access,
      schema: { hide: true, body: Type.Object({ _csrf: Type.Optional(Type.String()), iin: Type.String({ maxLength: 20 }), role: Type.String({ maxLength: 30 }), court: Type.Optional(Type.String({ maxLength: 10 })), barNumber: Type.Optional(Type.String({ maxLength: 40 })) }) },
    },
    async (request, reply) => {
      const { iin, role, court, barNumber } = request.body;
      try {
        await grantRole(app.db, request.principal!, { iin: iin.trim(), role, courtCode: court?.trim() || null, barNumber: barNumber ?? null }, app.clock());
      } catch (error) {
        const field = error instanceof SotError ? FIELD_OF[error.code] : undefined;
        if (!field || !(error instanceof SotError)) throw error;
        return reply.page(
          { title: `${request.t('error.title')}: ${request.t('admin.roles.title')}`, nav: 'admin', status: error.status },
          <RolesAdminPage grants={await grantsVisibleTo(app.db, request.principal!)} error={{ field, message: request.t(ERRORS[error.code].message) }} values={{ iin, role, court: court ?? '', barNumber: barNumber ?? '' }} />,
        );
      }
      return reply.redirect('/admin/roles?saved=1', 303);
    },
  );

  app.post(
    '/admin/roles/:grantId/revoke',
    { config: access, schema: { hide: true, params: Type.Object({ grantId: Type.String({ pattern: '^[0-9a-f-]{36}$' }) }), body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } },
    async (request, reply) => {
      await revokeRole(app.db, request.principal!, request.params.grantId, app.clock());
      return reply.redirect('/admin/roles?saved=1', 303);
    },
  );
};
