import fp from 'fastify-plugin';
import type { ReferenceGap } from '../domain/reference.ts';
import { can } from '../policies/rules.ts';
import { referenceGapsAt } from '../queries/reference.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Reference values the rules will need and nobody has entered, for the administrators' banner. */
    referenceGaps: ReferenceGap[];
  }
}

/**
 * Administrators who keep the reference values see, on every page they open, which of them are
 * missing (next year's from 1 November), so a new year never starts with quotes refused.
 */
export const referenceWarningsPlugin = fp(
  async (app) => {
    app.decorateRequest('referenceGaps', null as unknown as ReferenceGap[]);
    app.addHook('preHandler', async (request) => {
      request.referenceGaps = [];
      if (request.method !== 'GET' || request.url.startsWith('/api/') || !can(request.principal, { action: 'manage', resource: 'reference' })) return;
      request.referenceGaps = await referenceGapsAt(app.db, app.clock());
    });
  },
  { name: 'sot-reference-warnings', dependencies: ['sot-session'] },
);
