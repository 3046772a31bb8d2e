import type { FastifyInstance } from 'fastify';
import { baseApp, type AppDependencies } from './appBase.ts';
import { noticeDeliveryPlugin } from './plugins/notifications.ts';

/**
 * A worker's app (`sot start --role worker`): the notice delivery and the scheduled jobs run on
 * it, and it serves no request, so it has no routes, pages or API description. Built from this
 * module alone, the worker never loads the web app's code (src/app.ts is imported only by a
 * process that serves).
 */
export async function buildWorkerApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = baseApp(deps);
  await app.register(noticeDeliveryPlugin, { email: deps.email, sms: deps.sms });
  return app;
}
