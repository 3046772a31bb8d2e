/**
 * A stand-in card acquirer for development and tests, speaking the protocol of `acquirer.ts`:
 * it checks the merchant's signed link, takes a test card on its own page (with a 3-D Secure
 * step for one test card), and reports the outcome to the merchant's callback URL, signed and
 * retried. It keeps its few bits of state in memory, which a stand-in may; never mount it in
 * production.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as wait } from 'node:timers/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import Type from 'typebox';
import { courtDateIso } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/index.ts';
import {
  CALLBACK_BEHAVIOURS,
  PayPage,
  SandboxNoticePage,
  THREE_DS_CODE,
  ThreeDsPage,
  type CallbackBehaviour,
  type CardField,
  type PayPageProps,
} from '../../views/pages/StandInAcquirerPages.tsx';
import { CURRENCY, PAYMENT_PAGE_PARAMS, signBody, verifyParams, type NotificationBody, type PaymentPageParam, type PaymentPageParams } from './acquirer.ts';

/** Sends one callback and answers with the HTTP status; a thrown error counts as a failure. */
export type Deliver = (url: string, body: string, headers: Record<string, string>) => Promise<number>;

export interface StandInAcquirerOptions {
  merchantId: string;
  secret: string;
  deliver?: Deliver;
  /** Waits before the 2nd, 3rd… attempt; one attempt more than there are delays. */
  retryDelaysMs?: number[];
  /** How long the "delayed" callback behaviour waits. */
  delayedCallbackMs?: number;
  /** Where the pages are mounted, `/sandbox/acquirer` in the app. */
  prefix?: string;
}

export interface StandInAcquirerHandle {
  /** Resolves when every scheduled callback has been delivered or given up. */
  idle(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Present where the stand-in acquirer is mounted (never in production). */
    standInAcquirer: StandInAcquirerHandle;
  }
}

const postJson: Deliver = async (url, body, headers) => {
  const response = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  await response.body?.cancel();
  return response.status;
};

// ── Callbacks ────────────────────────────────────────────────────────────────────────────────

interface Callback {
  orderId: string;
  url: string;
  body: string;
  headers: Record<string, string>;
}

function callbackQueue(deliver: Deliver, retryDelaysMs: number[], delayedMs: number, log: FastifyBaseLogger) {
  const inFlight = new Set<Promise<void>>();
  const shutdown = new AbortController();
  const pause = (ms: number) => wait(ms, undefined, { signal: shutdown.signal });

  async function deliverWithRetries({ orderId, url, body, headers }: Callback, attempted: () => void = () => {}): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const status = await deliver(url, body, headers).catch(() => 0);
      attempted();
      if (status >= 200 && status < 300) return log.info({ orderId, attempt, status }, 'stand-in acquirer: callback delivered');
      const delay = retryDelaysMs[attempt - 1];
      if (delay === undefined) return log.warn({ orderId, attempts: attempt, status }, 'stand-in acquirer: callback given up');
      await pause(delay);
    }
  }

  async function run(callback: Callback, behaviour: CallbackBehaviour, attempted: () => void): Promise<void> {
    if (behaviour === 'delayed') {
      attempted();
      await pause(delayedMs);
    }
    await deliverWithRetries(callback, attempted);
    if (behaviour === 'twice') await deliverWithRetries(callback);
  }

  return {
    /**
     * Starts delivery and resolves once the first attempt is over, as acquirers post their
     * notification before sending the payer back; retries (and the "delayed" behaviour's whole
     * delivery) go on in the background, so the payer never waits for a merchant that is down.
     */
    schedule(callback: Callback, behaviour: CallbackBehaviour): Promise<void> {
      let attempted!: () => void;
      const first = new Promise<void>((resolve) => (attempted = resolve));
      const task = run(callback, behaviour, attempted).catch((error: unknown) => {
        if (!shutdown.signal.aborted) log.error({ err: error, orderId: callback.orderId }, 'stand-in acquirer: callback failed');
      });
      inFlight.add(task);
      void task.finally(() => {
        inFlight.delete(task);
        attempted();
      });
      return first;
    },
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
    /** Stops waiting retries, so closing the app is not held up by a merchant that is down. */
    async close(): Promise<void> {
      shutdown.abort();
      await this.idle();
    },
  };
}

// ── Cards ────────────────────────────────────────────────────────────────────────────────────

type TestCardOutcome = 'approve' | 'decline' | 'three_ds';
const TEST_CARDS: Record<string, TestCardOutcome> = {
  '4111111111111111': 'approve',
  '4000000000000002': 'decline',
  '4000000000003220': 'three_ds',
};
const THREE_DS_TRIES = 3;
const THREE_DS_TTL_MS = 15 * 60_000;

interface CardForm {
  cardNumber?: string | undefined;
  expiry?: string | undefined;
  cvc?: string | undefined;
  cardholder?: string | undefined;
}
type CardError = { field: CardField; key: MessageKey };

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function expiryError(text: string, now: Date): MessageKey | null {
  if (text.trim() === '') return 'payments.sandbox.error.expiry.missing';
  const match = /^(\d{2})\s*\/?\s*(\d{2})$/.exec(text.trim());
  const month = Number(match?.[1]);
  if (!match || month < 1 || month > 12) return 'payments.sandbox.error.expiry.format';
  // A card is good through the last day of its expiry month, counted in Kazakhstan's calendar.
  const [year = 0, currentMonth = 0] = courtDateIso(now).split('-').map(Number);
  if ((2000 + Number(match[2])) * 12 + month < year * 12 + currentMonth) return 'payments.sandbox.error.expiry.past';
  return null;
}

function checkCard(form: CardForm, now: Date): { digits: string } | { errors: CardError[] } {
  const errors: CardError[] = [];
  const digits = (form.cardNumber ?? '').replace(/[\s-]/g, '');
  if (digits === '') errors.push({ field: 'cardNumber', key: 'payments.sandbox.error.cardNumber.missing' });
  else if (!/^\d{12,19}$/.test(digits)) errors.push({ field: 'cardNumber', key: 'payments.sandbox.error.cardNumber.format' });
  else if (!luhnValid(digits)) errors.push({ field: 'cardNumber', key: 'payments.sandbox.error.cardNumber.checksum' });
  const expiry = expiryError(form.expiry ?? '', now);
  if (expiry) errors.push({ field: 'expiry', key: expiry });
  if (!/^\d{3}$/.test((form.cvc ?? '').trim())) errors.push({ field: 'cvc', key: 'payments.sandbox.error.cvc' });
  if ((form.cardholder ?? '').trim() === '') errors.push({ field: 'cardholder', key: 'payments.sandbox.error.holder' });
  return errors.length > 0 ? { errors } : { digits };
}

/** Only the mask ever leaves the request that carried the card number. */
function maskCard(digits: string): string {
  return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`;
}

// ── Orders ───────────────────────────────────────────────────────────────────────────────────

interface SignedOrder {
  params: PaymentPageParams;
  signature: string;
  amountTiyn: number;
}

const orderFields = {
  merchantId: Type.Optional(Type.String({ maxLength: 64 })),
  orderId: Type.Optional(Type.String({ maxLength: 64 })),
  amount: Type.Optional(Type.String({ maxLength: 20 })),
  currency: Type.Optional(Type.String({ maxLength: 8 })),
  description: Type.Optional(Type.String({ maxLength: 500 })),
  returnUrl: Type.Optional(Type.String({ maxLength: 2000 })),
  callbackUrl: Type.Optional(Type.String({ maxLength: 2000 })),
  timestamp: Type.Optional(Type.String({ maxLength: 40 })),
  signature: Type.Optional(Type.String({ maxLength: 200 })),
};

function isWebUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}

function returnUrlFor({ params }: SignedOrder): string {
  const url = new URL(params.returnUrl);
  url.searchParams.set('orderId', params.orderId);
  return url.toString();
}

function behaviourOf(value: string | undefined): CallbackBehaviour {
  return CALLBACK_BEHAVIOURS.find((b) => b === value) ?? 'normal';
}

interface PendingConfirmation {
  order: SignedOrder;
  cardMask: string;
  behaviour: CallbackBehaviour;
  triesLeft: number;
  expiresAt: number;
}

// ── Routes ───────────────────────────────────────────────────────────────────────────────────

export const standInAcquirer = fp<StandInAcquirerOptions>(
  async (app, options) => {
    const { merchantId, secret } = options;
    const callbacks = callbackQueue(options.deliver ?? postJson, options.retryDelaysMs ?? [500, 2000, 5000], options.delayedCallbackMs ?? 3000, app.log);
    app.decorate('standInAcquirer', { idle: () => callbacks.idle() });
    app.addHook('onClose', () => callbacks.close());
    await app.register(sandboxRoutes({ merchantId, secret, callbacks }), { prefix: options.prefix ?? '' });
  },
  { name: 'sot-stand-in-acquirer', dependencies: ['sot-views', '@fastify/csrf-protection'] },
);

interface SandboxState {
  merchantId: string;
  secret: string;
  callbacks: ReturnType<typeof callbackQueue>;
}

function sandboxRoutes({ merchantId, secret, callbacks }: SandboxState): FastifyPluginAsyncTypebox {
  return async (scope) => {
    const base = scope.prefix;
    const access = { access: 'public' } as const;
    // The acquirer charges an order once: a second submit must not pay twice.
    const paidOrders = new Set<string>();
    const confirmations = new Map<string, PendingConfirmation>();

    function verifiedOrder(fields: Partial<Record<PaymentPageParam | 'signature', string>>): SignedOrder | null {
      const params = {} as PaymentPageParams;
      for (const name of PAYMENT_PAGE_PARAMS) {
        const value = fields[name];
        if (value === undefined) return null;
        params[name] = value;
      }
      const signature = fields.signature ?? '';
      if (params.merchantId !== merchantId || !verifyParams(secret, { ...params, signature })) return null;
      if (params.currency !== CURRENCY || !/^[1-9]\d{0,14}$/.test(params.amount) || params.orderId === '') return null;
      if (!isWebUrl(params.returnUrl) || !isWebUrl(params.callbackUrl)) return null;
      return { params, signature, amountTiyn: Number(params.amount) };
    }

    const invalidLink = (request: FastifyRequest, reply: FastifyReply) =>
      reply.page(
        { title: request.t('payments.sandbox.invalidLink.title'), status: 400 },
        <SandboxNoticePage title={request.t('payments.sandbox.invalidLink.title')} body={request.t('payments.sandbox.invalidLink.body')} />,
      );

    const alreadyPaid = (request: FastifyRequest, reply: FastifyReply, order: SignedOrder) =>
      reply.page(
        { title: request.t('payments.sandbox.alreadyPaid.title'), status: 409 },
        <SandboxNoticePage
          title={request.t('payments.sandbox.alreadyPaid.title')}
          body={request.t('payments.sandbox.alreadyPaid.body')}
          back={{ href: returnUrlFor(order), label: request.t('payments.sandbox.alreadyPaid.back') }}
        />,
      );

    const confirmationExpired = (request: FastifyRequest, reply: FastifyReply) =>
      reply.page(
        { title: request.t('payments.sandbox.threeDs.expired.title'), status: 404 },
        <SandboxNoticePage title={request.t('payments.sandbox.threeDs.expired.title')} body={request.t('payments.sandbox.threeDs.expired.body')} />,
      );

    const payPage = (request: FastifyRequest, reply: FastifyReply, order: SignedOrder, form: Pick<PayPageProps, 'errors' | 'values'> = {}) => {
      const title = request.t('payments.sandbox.pay.title');
      const failed = (form.errors ?? []).length > 0;
      return reply.page(
        { title: failed ? `${request.t('error.title')}: ${title}` : title, status: failed ? 400 : 200 },
        <PayPage base={base} order={order} csrfToken={reply.csrfToken()} cancelUrl={returnUrlFor(order)} {...form} />,
      );
    };

    /** Reports the outcome to the merchant, then sends the payer back (retries go on in the background). */
    async function settle(reply: FastifyReply, order: SignedOrder, status: 'paid' | 'declined', cardMask: string, behaviour: CallbackBehaviour) {
      const notification: NotificationBody = {
        merchantId,
        orderId: order.params.orderId,
        status,
        amount: order.amountTiyn,
        currency: CURRENCY,
        reference: `SBX-${randomUUID()}`,
        cardMask,
        at: scope.clock().toISOString(),
      };
      const body = JSON.stringify(notification);
      const headers = { 'content-type': 'application/json', 'x-signature': signBody(secret, body) };
      await callbacks.schedule({ orderId: order.params.orderId, url: order.params.callbackUrl, body, headers }, behaviour);
      if (status === 'paid') paidOrders.add(order.params.orderId);
      return reply.redirect(returnUrlFor(order), 303);
    }

    // Housekeeping by wall time, not the app's clock: abandoned confirmations must not pile up.
    function forgetExpiredConfirmations() {
      const now = Date.now();
      for (const [key, pending] of confirmations) if (pending.expiresAt <= now) confirmations.delete(key);
    }

    function pendingConfirmation(id: string | undefined): PendingConfirmation | undefined {
      forgetExpiredConfirmations();
      return id === undefined ? undefined : confirmations.get(id);
    }

    scope.get('/pay', { config: access, schema: { hide: true, querystring: Type.Object(orderFields) } }, async (request, reply) => {
      const order = verifiedOrder(request.query);
      if (!order) return invalidLink(request, reply);
      if (paidOrders.has(order.params.orderId)) return alreadyPaid(request, reply, order);
      return payPage(request, reply, order);
    });

    const PayForm = Type.Object({
      ...orderFields,
      _csrf: Type.Optional(Type.String()),
      cardNumber: Type.Optional(Type.String({ maxLength: 40 })),
      expiry: Type.Optional(Type.String({ maxLength: 10 })),
      cvc: Type.Optional(Type.String({ maxLength: 10 })),
      cardholder: Type.Optional(Type.String({ maxLength: 100 })),
      behaviour: Type.Optional(Type.String({ maxLength: 10 })),
    });

    scope.post('/pay', { config: access, schema: { hide: true, body: PayForm } }, async (request, reply) => {
      const form = request.body;
      const order = verifiedOrder(form);
      if (!order) return invalidLink(request, reply);
      if (paidOrders.has(order.params.orderId)) return alreadyPaid(request, reply, order);
      const behaviour = behaviourOf(form.behaviour);
      const card = checkCard(form, scope.clock());
      if ('errors' in card) {
        const errors = card.errors.map(({ field, key }) => ({ field, message: request.t(key) }));
        return payPage(request, reply, order, { errors, values: { expiry: form.expiry ?? '', cardholder: form.cardholder ?? '', behaviour } });
      }
      const cardMask = maskCard(card.digits);
      const outcome = TEST_CARDS[card.digits] ?? 'decline';
      if (outcome !== 'three_ds') return settle(reply, order, outcome === 'approve' ? 'paid' : 'declined', cardMask, behaviour);
      forgetExpiredConfirmations();
      const id = randomBytes(16).toString('hex');
      confirmations.set(id, { order, cardMask, behaviour, triesLeft: THREE_DS_TRIES, expiresAt: Date.now() + THREE_DS_TTL_MS });
      return reply.redirect(`${base}/3ds?id=${id}`, 303);
    });

    const threeDsPage = (request: FastifyRequest, reply: FastifyReply, id: string, pending: PendingConfirmation, error?: string) =>
      reply.page(
        { title: error ? `${request.t('error.title')}: ${request.t('payments.sandbox.threeDs.title')}` : request.t('payments.sandbox.threeDs.title'), status: error ? 400 : 200 },
        <ThreeDsPage base={base} id={id} amountTiyn={pending.order.amountTiyn} cardMask={pending.cardMask} csrfToken={reply.csrfToken()} error={error} />,
      );

    scope.get('/3ds', { config: access, schema: { hide: true, querystring: Type.Object({ id: Type.Optional(Type.String({ maxLength: 64 })) }) } }, async (request, reply) => {
      const pending = pendingConfirmation(request.query.id);
      if (!pending) return confirmationExpired(request, reply);
      return threeDsPage(request, reply, request.query.id!, pending);
    });

    const ThreeDsForm = Type.Object({ _csrf: Type.Optional(Type.String()), id: Type.Optional(Type.String({ maxLength: 64 })), code: Type.Optional(Type.String({ maxLength: 20 })) });

    scope.post('/3ds', { config: access, schema: { hide: true, body: ThreeDsForm } }, async (request, reply) => {
      const id = request.body.id;
      const pending = pendingConfirmation(id);
      if (!pending) return confirmationExpired(request, reply);
      if ((request.body.code ?? '').trim() === THREE_DS_CODE) {
        confirmations.delete(id!);
        return settle(reply, pending.order, 'paid', pending.cardMask, pending.behaviour);
      }
      pending.triesLeft -= 1;
      if (pending.triesLeft > 0) return threeDsPage(request, reply, id!, pending, request.t('payments.sandbox.threeDs.wrong', { count: pending.triesLeft }));
      confirmations.delete(id!);
      return settle(reply, pending.order, 'declined', pending.cardMask, pending.behaviour);
    });
  };
}
