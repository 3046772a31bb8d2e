import type { FastifyRequest, RouteOptions } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import fp from 'fastify-plugin';
import { SotError } from '../errors.ts';
import { hasRole, type Role } from '../policies/principal.ts';

/**
 * Who may call a route, at the door. Every route must say; a route that does not stops the app
 * from starting. `public` is open to anyone, `signed-in` needs a session, and a list of roles
 * needs one of them. Finer rules (this case, this court) are the policies' job in the handler.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

/** Limits of one upload route's multipart reader, where they differ from the app's. */
export interface UploadLimits {
  fileSize?: number;
  files?: number;
  fields?: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * The route takes files (multipart/form-data), with these limits. Routes that do not say so
     * are refused multipart bodies, and the API takes nothing but JSON on them.
     */
    uploads?: true | UploadLimits;
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

/** The JSON API, and the stand-in SMS gateway, a machine API too, called by Sot's own delivery worker. */
function isMachineApi(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('/sandbox/sms/');
}

/**
 * An upload form's CSRF token is its first part, before any file, so it is checked before a
 * byte of a file is stored. The multipart reader is opened here with the route's limits; the
 * handler's `request.parts()` goes on from the part after the token.
 */
async function readUploadToken(request: FastifyRequest, uploads: true | UploadLimits): Promise<void> {
  const iterator = request.parts(uploads === true ? undefined : { limits: uploads })[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (!first.done) {
    const part = first.value;
    if (part.type === 'field' && part.fieldname === '_csrf' && typeof part.value === 'string') request.uploadCsrfToken = part.value;
    else if (part.type === 'file') part.file.resume();
  }
  async function* rest(): AsyncGenerator<Multipart> {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const remaining = rest();
  request.parts = () => remaining;
}

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
    // What a body may be, before it is validated: files only where a route says it takes them,
    // and the API takes JSON, which a cross-site HTML form cannot send without the browser
    // asking first; this keeps another site from signing a visitor in or out.
    app.addHook('preValidation', async (request) => {
      if (!UNSAFE_METHODS.has(request.method)) return;
      if (request.isMultipart() && !request.routeOptions.config.uploads) throw new SotError('body_type_not_accepted');
      if (isMachineApi(request.url) && /^(application\/x-www-form-urlencoded|text\/plain)/i.test(request.headers['content-type'] ?? '')) throw new SotError('body_type_not_accepted');
    });
    app.addHook('preHandler', async (request, reply) => {
      if (UNSAFE_METHODS.has(request.method)) {
        // Requests from other sites' pages are refused outright.
        const origin = request.headers.origin;
        if (origin && origin !== ownOrigin && origin !== `${request.protocol}://${request.host}`) throw new SotError('forbidden');
        // Pages' forms carry a token; the machine APIs take JSON only (checked before validation).
        if (!isMachineApi(request.url)) {
          const uploads = request.routeOptions.config.uploads;
          if (request.isMultipart() && uploads && request.headers['x-csrf-token'] === undefined) await readUploadToken(request, uploads);
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
