import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { referenceGapsAt } from '../../queries/reference.ts';

const HEALTH_TIMEOUT_MS = 2_000;

async function databaseAnswers(ping: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), HEALTH_TIMEOUT_MS);
  });
  try {
    await Promise.race([ping(), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: {
        tags: ['ops'],
        summary: 'Liveness and database reachability, for load balancers',
        description: 'With `details=1`, also the reference values of the law that are missing (this year, and next year from 1 November): operators alert on a non-empty list.',
        querystring: Type.Object({ details: Type.Optional(Type.Literal('1')) }),
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            db: Type.Literal('ok'),
            reference: Type.Optional(Type.Object({ missing: Type.Array(Type.Object({ kind: Type.Union([Type.Literal('mci'), Type.Literal('calendar')]), year: Type.Integer() })) })),
          }),
          503: Type.Object({ status: Type.Literal('unavailable'), db: Type.Literal('down') }),
        },
      },
    },
    async (request, reply) => {
      const ok = await databaseAnswers(() => app.database.pool.query('select 1'));
      if (!ok) return reply.status(503).send({ status: 'unavailable' as const, db: 'down' as const });
      if (request.query.details !== '1') return { status: 'ok' as const, db: 'ok' as const };
      const missing = await referenceGapsAt(app.db, app.clock());
      return { status: 'ok' as const, db: 'ok' as const, reference: { missing } };
    },
  );
};
