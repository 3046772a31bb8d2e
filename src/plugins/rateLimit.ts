import rateLimit from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client.ts';
import { SotError } from '../errors.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * Fixed-window counters in PostgreSQL, so every instance counts the same hits (a limit kept in
 * one process's memory is no limit behind a load balancer).
 */
function databaseStore(db: Db, clock: () => Date) {
  return class DatabaseRateLimitStore {
    constructor(private readonly prefix = 'global') {}

    incr(key: string, callback: Callback, timeWindow: number) {
      const now = clock();
      const resetAt = new Date(now.getTime() + timeWindow);
      db.execute<{ hits: number; reset_at: Date | string }>(sql`
        insert into rate_limits (key, hits, reset_at) values (${`${this.prefix}:${key}`}, 1, ${resetAt})
        on conflict (key) do update set
          hits = case when rate_limits.reset_at <= ${now} then 1 else rate_limits.hits + 1 end,
          reset_at = case when rate_limits.reset_at <= ${now} then excluded.reset_at else rate_limits.reset_at end
        returning hits, reset_at`).then(
        (result) => {
          const row = result.rows[0]!;
          callback(null, { current: Number(row.hits), ttl: Math.max(0, new Date(row.reset_at).getTime() - now.getTime()) });
        },
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: { routeInfo?: { method?: string; url?: string } }) {
      return new DatabaseRateLimitStore(`${routeOptions.routeInfo?.method ?? ''}${routeOptions.routeInfo?.url ?? ''}`);
    }
  };
}

/** Registers rate limiting, off by default; routes opt in with `config.rateLimit`. */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(rateLimit, {
      global: false,
      store: databaseStore(app.db, app.clock) as never,
      errorResponseBuilder: () => new SotError('too_many_requests'),
    });
  },
  { name: 'sot-rate-limit' },
);
