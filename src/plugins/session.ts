import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { findSession, SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../auth/sessions.ts';
import type { Principal } from '../policies/principal.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. */
    principal: Principal | null;
    sessionIdHash: string | null;
  }
  interface FastifyReply {
    setSessionCookie(id: string): FastifyReply;
    clearSessionCookie(): FastifyReply;
  }
}

/** Reads the session cookie on every request; the session itself lives in the database. */
export const sessionPlugin = fp(
  async (app) => {
    const secure = app.config.isProduction;
    app.decorateRequest('principal', null);
    app.decorateRequest('sessionIdHash', null);
    app.decorateReply('setSessionCookie', function (this: FastifyReply, id: string) {
      return this.setCookie(SESSION_COOKIE, id, { path: '/', httpOnly: true, secure, sameSite: 'lax', maxAge: SESSION_ABSOLUTE_MS / 1000 });
    });
    app.decorateReply('clearSessionCookie', function (this: FastifyReply) {
      return this.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure, sameSite: 'lax' });
    });
    app.addHook('onRequest', async (request, reply) => {
      const id = request.cookies[SESSION_COOKIE];
      if (!id) return;
      // Static files need no session; skip the lookup for them.
      if (request.url.startsWith('/public/') || request.url.startsWith('/assets/')) return;
      const session = await findSession(app.db, id, app.clock());
      if (!session) {
        reply.clearSessionCookie();
        return;
      }
      request.principal = session.principal;
      request.sessionIdHash = session.idHash;
    });
    // A signed-in person's pages and every API answer are theirs alone: no browser or proxy cache
    // keeps them, so the back button after signing out or a shared computer shows nothing.
    // Public pages and static assets keep their own caching.
    app.addHook('onSend', async (request, reply) => {
      if (!request.principal && !request.url.startsWith('/api/')) return;
      // A route's own `private, no-store` says the same and stays; anything else gives way.
      if (!/\bno-store\b/.test(String(reply.getHeader('cache-control') ?? ''))) reply.header('cache-control', 'no-store');
    });
  },
  { name: 'sot-session', dependencies: ['@fastify/cookie'] },
);
