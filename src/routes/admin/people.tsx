import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { isUuid } from '../../domain/ids.ts';
import { SotError } from '../../errors.ts';
import { can } from '../../policies/rules.ts';
import { personRoles } from '../../queries/people.ts';
import { pendingGrantsVisibleTo } from '../../queries/staff.ts';
import { PersonPage } from '../../views/pages/admin/PersonPage.tsx';
import { withProposalActions } from './roles.tsx';

/**
 * A person's page in the administrators' area: their roles, the grants waiting for a second
 * administrator and the history of every grant, confirmation and revocation. A court's
 * administrator sees only the people whose roles touch their court; anyone else is not found.
 */
export const personAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/people/:userId',
    { config: { access: ['system_admin', 'court_admin'] }, schema: { hide: true, params: Type.Object({ userId: Type.String({ maxLength: 40 }) }) } },
    async (request, reply) => {
      const { userId } = request.params;
      if (!isUuid(userId)) throw new SotError('not_found');
      const principal = request.principal!;
      const roles = await personRoles(app.db, userId);
      if (!roles || !can(principal, { action: 'view', resource: 'person', courtIds: roles.courtIds })) throw new SotError('not_found');
      const pending = withProposalActions(principal, await pendingGrantsVisibleTo(app.db, principal, userId));
      return reply.page({ title: `${roles.person.fullName}: ${request.t('person.title')}`, nav: 'admin' }, <PersonPage view={{ roles, pending }} />);
    },
  );
};
