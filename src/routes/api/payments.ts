import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { createAcquirerClient } from '../../adapters/payments/acquirer.ts';
import { handleAcquirerNotification, startCardPayment } from '../../commands/payments.ts';
import { SotError } from '../../errors.ts';
import { ApiError } from './schemas.ts';

/** A notification is a few hundred bytes; anything near this is not one. */
const CALLBACK_BODY_LIMIT = 16 * 1024;

/**
 * State duty payments: the card acquirer's server-to-server notifications, and starting a card
 * payment of a filing for API clients (people use the pay page).
 */
export const paymentsApi: FastifyPluginAsyncTypebox = async (app) => {
  const acquirer = createAcquirerClient(app.config.acquirer);

  // Its own scope: the signature covers the bytes as sent, so this route alone takes JSON unparsed.
  await app.register(async (callback) => {
    callback.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: CALLBACK_BODY_LIMIT }, (_request, body, done) => done(null, body));
    callback.post(
      '/payments/callback',
      {
        config: { access: 'public' },
        bodyLimit: CALLBACK_BODY_LIMIT,
        schema: {
          tags: ['payments'],
          summary: "The card acquirer's signed notification of an order's outcome",
          description: 'JSON signed with HMAC-SHA256 of the raw body in the X-Signature header (hex). Answered 200 once taken, repeats included; 400 when refused.',
          response: { 200: Type.Object({ ok: Type.Literal(true) }), 400: ApiError, 415: ApiError },
        },
      },
      async (request) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        // Read by hand, not by schema: a malformed header must still be kept as a refused notification.
        const signature = request.headers['x-signature'];
        const { accepted } = await handleAcquirerNotification(app.db, acquirer, raw, typeof signature === 'string' ? signature : undefined, app.clock());
        if (!accepted) throw new SotError('invalid_request', { detail: 'notification refused' });
        return { ok: true as const };
      },
    );
  });

  app.post(
    '/filings/:id/payments/card',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['payments'],
        summary: "Start a card payment of the filing's state duty",
        description: "Send the payer to `paymentUrl`, the acquirer's page. The payment counts once the acquirer confirms it to Sot, not when the payer comes back.",
        params: Type.Object({ id: Type.String({ format: 'uuid', description: 'Filing id' }) }),
        response: { 201: Type.Object({ paymentId: Type.String({ format: 'uuid' }), orderId: Type.String(), paymentUrl: Type.String() }), 400: ApiError, 401: ApiError, 404: ApiError },
      },
    },
    async (request, reply) => {
      const started = await startCardPayment(app.db, acquirer, request.principal!, request.params.id, { publicUrl: app.config.publicUrl }, app.clock());
      return reply.code(201).send(started);
    },
  );
};
