import { createHmac } from 'node:crypto';
import csrf from '@fastify/csrf-protection';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The token an upload form sent as its first part, read by the access plugin before the files. */
    uploadCsrfToken: string | undefined;
  }
  interface FastifyReply {
    /** The CSRF token of this browser and this session, for the forms of the page. */
    csrfToken(): string;
  }
}

/** Whom a token belongs to: the session (by the hash of its id), or nobody yet. */
function sessionOf(request: FastifyRequest): string {
  return request.sessionIdHash ?? 'anonymous';
}

/**
 * CSRF tokens (@fastify/csrf-protection, the secret in a signed cookie) bound to the session:
 * each token is an HMAC over the cookie's secret and the session it was made for, so a token
 * taken from one session (another person's page, or one's own before signing in again) fails
 * in any other. Forms send it as `_csrf`, upload forms as their first part, scripts as
 * `X-CSRF-Token`; never in the address, where logs and Referer headers would keep it.
 */
export const csrfPlugin = fp(
  async (app) => {
    app.decorateRequest('uploadCsrfToken', undefined);
    await app.register(csrf, {
      cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: app.config.isProduction, signed: true },
      csrfOpts: { hmacKey: createHmac('sha256', app.config.sessionSecret).update('csrf tokens').digest() },
      getUserInfo: sessionOf,
      getToken: (request) => {
        const fromBody = (request.body as { _csrf?: unknown } | undefined)?._csrf;
        const fromHeader = request.headers['x-csrf-token'];
        return typeof fromBody === 'string' ? fromBody : typeof fromHeader === 'string' ? fromHeader : request.uploadCsrfToken;
      },
    });
    app.decorateReply('csrfToken', function (this: FastifyReply) {
      return this.generateCsrf({ userInfo: sessionOf(this.request) });
    });
  },
  { name: 'sot-csrf', dependencies: ['@fastify/cookie'] },
);
