import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';

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
        response: {
          200: Type.Object({ status: Type.Literal('ok'), db: Type.Literal('ok') }),
          503: Type.Object({ status: Type.Literal('unavailable'), db: Type.Literal('down') }),
        },
      },
    },
    async (_request, reply) => {
      const ok = await databaseAnswers(() => app.database.pool.query('select 1'));
      return ok ? { status: 'ok' as const, db: 'ok' as const } : reply.status(503).send({ status: 'unavailable' as const, db: 'down' as const });
    },
  );
};
