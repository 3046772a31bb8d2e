import { createRequire } from 'node:module';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import fp from 'fastify-plugin';

type HelmetOptions = Omit<FastifyHelmetOptions, 'global' | 'enableCSPNonces'>;
type Middleware = (req: unknown, res: { setHeader(name: string, value: string): void; removeHeader(name: string): void }, next: (error?: unknown) => void) => void;

// The helmet that @fastify/helmet itself wraps: one definition of the headers, not a second copy.
const fromFastifyHelmet = createRequire(createRequire(import.meta.url).resolve('@fastify/helmet'));
const helmet = fromFastifyHelmet('helmet') as (options: HelmetOptions) => Middleware;

/**
 * The security headers helmet sets for these options, worked out once. The options are static
 * (no per-request nonces or directive functions), so every answer gets the same headers.
 */
export function securityHeaderValues(options: HelmetOptions): [string, string][] {
  const directives = options.contentSecurityPolicy && typeof options.contentSecurityPolicy === 'object' ? Object.values(options.contentSecurityPolicy.directives ?? {}) : [];
  if (directives.flat().some((value) => typeof value === 'function')) throw new Error('per-request CSP directives cannot be computed once');
  const headers = new Map<string, string>();
  helmet(options)(
    {},
    {
      setHeader: (name, value) => void headers.set(name.toLowerCase(), String(value)),
      removeHeader: (name) => void headers.delete(name.toLowerCase()),
    },
    (error) => {
      if (error) throw error;
    },
  );
  return [...headers];
}

/**
 * Sets helmet's headers on every answer, as @fastify/helmet does, but from values computed at
 * start: @fastify/helmet rebuilds helmet's middleware (parsing the CSP directives again) on every
 * request, which cost about a twentieth of a public lookup's time. Routes still adjust a header
 * on their own answer (`frame-ancestors 'self'` on the document viewer).
 */
export const securityHeadersPlugin = fp(
  async (app, options: HelmetOptions) => {
    const headers = securityHeaderValues(options);
    app.addHook('onRequest', (_request, reply, done) => {
      for (const [name, value] of headers) reply.raw.setHeader(name, value);
      done();
    });
  },
  { name: 'sot-security-headers' },
);
