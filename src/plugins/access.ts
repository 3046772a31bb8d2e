import type { RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { SotError } from '../errors.ts';
import { hasRole, type Role } from '../policies/principal.ts';

/**
 * Who may call a route, at the door. Every route must say; a route that does not stops the app
 * from starting. `public` is open to anyone, `signed-in` needs a session, and a list of roles
 * needs one of them. Finer rules (this case, this court) are the policies' job in the handler.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every route and who may use it: what the access matrix test checks against. */
    routeAccess(): { method: string; url: string; access: Access }[];
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

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const accessPlugin = fp(
  async (app) => {
    const routes: RouteOptions[] = [];
    app.addHook('onRoute', (route) => {
      routes.push(route);
    });
    app.decorate('routeAccess', () =>
      routes.flatMap((r) => [r.method].flat().filter((m) => m !== 'HEAD').map((method) => ({ method: String(method), url: r.url, access: r.config?.access ?? 'public' }))),
    );
    app.addHook('onReady', async () => {
      const undeclared = routes.filter((r) => !r.config?.access).map((r) => `${String(r.method)} ${r.url}`);
      if (undeclared.length > 0) throw new UndeclaredAccessError(`Routes without an access rule: ${undeclared.join(', ')}`);
    });
    const ownOrigin = new URL(app.config.publicUrl).origin;
    app.addHook('preHandler', async (request, reply) => {
      if (UNSAFE_METHODS.has(request.method)) {
        // Requests from other sites' pages are refused outright.
        const origin = request.headers.origin;
        if (origin && origin !== ownOrigin && origin !== `${request.protocol}://${request.host}`) throw new SotError('forbidden');
        // The stand-in SMS gateway is a machine API too, called by Sot's own delivery worker.
        if (request.url.startsWith('/api/') || request.url.startsWith('/sandbox/sms/')) {
          // The API takes JSON (or files), which a cross-site HTML form cannot send without the
          // browser asking first; this keeps another site from signing a visitor in or out.
          const type = request.headers['content-type'] ?? '';
          if (/^(application\/x-www-form-urlencoded|text\/plain)/i.test(type)) throw new SotError('unsupported_media_type');
        } else {
          // Every form carries the CSRF token of the person's session. On a bad token the
          // plugin answers through the error handler at once, and the request stops here.
          await new Promise<void>((resolve) => {
            app.csrfProtection(request, reply, resolve);
            if (reply.sent) resolve();
          });
          if (reply.sent) return reply;
        }
      }
      const access = request.routeOptions.config.access;
      // The not-found handler has no route of its own and serves everyone.
      if (access === 'public' || request.is404) return;
      if (!request.principal) {
        // A browser navigating to the page is sent to sign in; a media player or an API client
        // (Accept without HTML) cannot follow a sign-in page and is told 401 instead.
        const accept = request.headers.accept;
        if (request.method === 'GET' && !request.url.startsWith('/api/') && (!accept || /text\/html/i.test(accept))) {
          return reply.redirect(`/login?return=${encodeURIComponent(request.url)}`, 303);
        }
        throw new SotError('unauthorized');
      }
      if (access === 'signed-in') return;
      if (Array.isArray(access) && access.some((role) => hasRole(request.principal!, role))) return;
      throw new SotError('forbidden');
    });
  },
  { name: 'sot-access' },
);
