/**
 * A stand-in SMS gateway for development and tests, speaking the protocol of `gateway.ts`. It
 * stores each message once (by its reference) in the `outbox` table, which /dev/outbox lists,
 * answers with a message id, and posts a signed delivery report back after a short delay. Never
 * mounted in production. Numbers ending in these digits behave badly on purpose:
 *   …0500  answers 500 the first time it sees a message, then accepts it
 *   …0504  does not answer the first time (the sender times out), then accepts
 *   …0400  rejects the number (400), every time
 *   …0410  accepts, then reports the message undeliverable
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as wait } from 'node:timers/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import Type from 'typebox';
import { outbox } from '../../db/schema/index.ts';
import { signDeliveryReport } from './gateway.ts';

export interface StandInSmsOptions {
  key: string;
  /** How long before the delivery report goes back. */
  reportDelayMs?: number;
  /** How long the "does not answer" number keeps the sender waiting. */
  hangMs?: number;
}

export interface StandInSmsHandle {
  /** Resolves when every delivery report due has been posted. */
  idle(): Promise<void>;
  /** Times each reference was offered, resends included. */
  attempts(reference: string): number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Present where the stand-in SMS gateway is mounted (never in production). */
    standInSms: StandInSmsHandle;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const messageBody = Type.Object({
  to: Type.String({ pattern: '^\\+?[0-9]{10,15}$' }),
  text: Type.String({ minLength: 1, maxLength: 1000 }),
  reference: Type.String({ pattern: UUID.source }),
  callbackUrl: Type.Optional(Type.String({ pattern: '^https?://', maxLength: 500 })),
});

const routes = (options: Required<StandInSmsOptions>, state: { seen: Map<string, number>; ids: Map<string, string>; inFlight: Set<Promise<void>>; shutdown: AbortController }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const report = async (callbackUrl: string, messageId: string, status: 'delivered' | 'failed') => {
      await wait(options.reportDelayMs, undefined, { signal: state.shutdown.signal });
      const body = JSON.stringify({ messageId, status, ...(status === 'failed' ? { error: 'undeliverable' } : {}) });
      const response = await fetch(callbackUrl, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-sot-signature': signDeliveryReport(options.key, body) }, signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
    };

    app.post(
      '/messages',
      { config: { access: 'public' }, schema: { hide: true, body: messageBody } },
      async (request, reply) => {
        if (request.headers.authorization !== `Bearer ${options.key}`) return reply.status(401).send({ error: 'bad key' });
        const { to, text, reference, callbackUrl } = request.body;
        const attempt = (state.seen.get(reference) ?? 0) + 1;
        state.seen.set(reference, attempt);
        if (to.endsWith('0400')) return reply.status(400).send({ error: 'invalid number' });
        if (to.endsWith('0500') && attempt === 1) return reply.status(500).send({ error: 'gateway error' });
        if (to.endsWith('0504') && attempt === 1) {
          await wait(options.hangMs, undefined, { signal: state.shutdown.signal }).catch(() => {});
          return reply.status(504).send({ error: 'timeout' });
        }
        // A resend of a message already taken gets the same id and is not stored twice.
        const known = state.ids.get(reference);
        if (known) return { id: known };
        const id = `SM${randomUUID().replaceAll('-', '').slice(0, 20)}`;
        await app.db.insert(outbox).values({ id: reference, channel: 'sms', address: to, body: text }).onConflictDoNothing();
        state.ids.set(reference, id);
        if (callbackUrl) {
          const task = report(callbackUrl, id, to.endsWith('0410') ? 'failed' : 'delivered').catch((error: unknown) => {
            if (!state.shutdown.signal.aborted) app.log.warn({ err: error }, 'stand-in SMS gateway: delivery report not posted');
          });
          state.inFlight.add(task);
          void task.finally(() => state.inFlight.delete(task));
        }
        return { id };
      },
    );
  };

export const standInSmsGateway = fp<StandInSmsOptions & { prefix?: string }>(
  async (app, options) => {
    const state = { seen: new Map<string, number>(), ids: new Map<string, string>(), inFlight: new Set<Promise<void>>(), shutdown: new AbortController() };
    app.decorate('standInSms', {
      async idle() {
        while (state.inFlight.size > 0) await Promise.all(state.inFlight);
      },
      attempts: (reference: string) => state.seen.get(reference) ?? 0,
    });
    // Before the server waits for requests in flight: a "does not answer" request would otherwise hold the close.
    app.addHook('preClose', async () => {
      state.shutdown.abort();
    });
    app.addHook('onClose', async () => {
      await Promise.allSettled(state.inFlight);
    });
    await app.register(routes({ key: options.key, reportDelayMs: options.reportDelayMs ?? 1_000, hangMs: options.hangMs ?? 15_000 }, state), { prefix: options.prefix ?? '' });
  },
  { name: 'sot-stand-in-sms' },
);
