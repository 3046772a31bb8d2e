import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { SotError } from '../errors.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/**
 * Prometheus metrics at /metrics. With METRICS_TOKEN set, scrapers present it as a bearer
 * token; in production without one the endpoint does not exist to the outside.
 */
export const metricsPlugin = fp(
  async (app, options: { token: string | undefined; isProduction: boolean }) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'sot_' });
    const duration = new Histogram({
      name: 'sot_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    app.addHook('onResponse', async (request, reply) => {
      // The route pattern, never the raw URL: raw URLs carry case numbers and unbounded labels.
      const route = request.routeOptions.url ?? 'not_found';
      duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });
    app.get('/metrics', { config: { access: 'public' }, logLevel: 'warn', schema: { hide: true } }, async (request, reply) => {
      if (options.token) {
        if (!sameSecret(request.headers.authorization ?? '', `Bearer ${options.token}`)) throw new SotError('not_found');
      } else if (options.isProduction) {
        throw new SotError('not_found');
      }
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  },
  { name: 'sot-metrics' },
);
