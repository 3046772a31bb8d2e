import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { auditLogOverview } from '../../queries/auditLog.ts';
import { AuditLogAdminPage } from '../../views/pages/admin/AuditLogAdminPage.tsx';

/** The audit chain's head and its latest checks, for the system administrator only. */
export const auditLogAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/admin/audit', { config: { access: ['system_admin'] }, schema: { hide: true } }, async (request, reply) => {
    // The head moves with every action: a cached copy would show an old one as current.
    reply.header('cache-control', 'no-store');
    return reply.page({ title: request.t('auditLog.title'), nav: 'admin' }, <AuditLogAdminPage overview={await auditLogOverview(app.db)} />);
  });
};
