import type { RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { SotError } from '../errors.ts';

/**
 * Who may call a route. Every route must say; a route that does not stops the app from
 * starting. `public` is open to anyone; the signed-in audiences are enforced by the session
 * and policy layer, and until a request proves one of them it is refused.
 */
export type Access = 'public' | 'signed-in' | 'court-staff' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export class UndeclaredAccessError extends Error {
  override name = 'UndeclaredAccessError';
}

/** Marks every route registered in the calling scope as public: for third-party plugins (static files, API docs). */
export const publicScope = fp(async (app) => {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: route.config?.access ?? 'public' };
  });
});

export const accessPlugin = fp(
  async (app) => {
    const routes: RouteOptions[] = [];
    app.addHook('onRoute', (route) => {
      routes.push(route);
    });
    app.addHook('onReady', async () => {
      const undeclared = routes.filter((r) => !r.config?.access).map((r) => `${String(r.method)} ${r.url}`);
      if (undeclared.length > 0) throw new UndeclaredAccessError(`Routes without an access rule: ${undeclared.join(', ')}`);
    });
    app.addHook('preHandler', async (request) => {
      const access = request.routeOptions.config.access;
      // The not-found handler has no route of its own and serves everyone.
      if (access === 'public' || request.is404) return;
      throw new SotError('unauthorized');
    });
  },
  { name: 'sot-access' },
);
