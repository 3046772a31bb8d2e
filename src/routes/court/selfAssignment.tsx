import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { confirmSelfAssignment, withdrawSelfAssignment } from '../../commands/selfAssignment.ts';
import { urls } from '../../urls.ts';

const Csrf = Type.Object({ _csrf: Type.Optional(Type.String()) });

/** The chair's move of a case to themselves: another judge of the court confirms it, or the chair withdraws it. */
export const selfAssignmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/judge/self-assignments/:proposalId/confirm',
    { config: { access: ['judge'] }, schema: { hide: true, params: Type.Object({ proposalId: Type.String({ maxLength: 40 }) }), body: Csrf } },
    async (request, reply) => {
      await confirmSelfAssignment(app.db, request.principal!, request.params.proposalId, app.clock());
      return reply.redirect(`${urls.judgeCases()}?confirmed=1`, 303);
    },
  );

  app.post(
    '/court/cases/:caseId/self-assignment/withdraw',
    { config: { access: ['court_chair'] }, schema: { hide: true, params: Type.Object({ caseId: Type.String({ maxLength: 40 }) }), body: Csrf } },
    async (request, reply) => {
      await withdrawSelfAssignment(app.db, request.principal!, request.params.caseId, app.clock());
      return reply.redirect(urls.assignment(request.params.caseId, 'withdrawn'), 303);
    },
  );
};
