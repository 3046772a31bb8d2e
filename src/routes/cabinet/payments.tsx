import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { createAcquirerClient } from '../../adapters/payments/acquirer.ts';
import { dutyOwed, paymentDocumentProblems, startCardPayment, submitPaymentDocument, type PaymentDocumentProblem } from '../../commands/payments.ts';
import type { OwedDuty } from '../../domain/duty/index.ts';
import { ownFiling, type Filing, type IncomingFile } from '../../commands/filings.ts';
import { parseTengeToTiyn } from '../../domain/money.ts';
import { ERRORS, SotError } from '../../errors.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { cardPaymentOfOrder, latestPaymentDocument } from '../../queries/paymentQueue.ts';
import { urls } from '../../urls.ts';
import type { FieldError } from '../../views/components/govuk.tsx';
import { PaymentResultPage } from '../../views/pages/payments/PaymentResultPage.tsx';
import { PayPage, type PaymentDocumentValues } from '../../views/pages/payments/PayPage.tsx';

/** The card payment's return page checks again every few seconds, this many times at most. */
const RESULT_CHECKS = 20;
const RESULT_CHECK_SECONDS = 3;

const Params = Type.Object({ id: Type.String({ maxLength: 40 }) });

const PROBLEM_MESSAGES: Record<PaymentDocumentProblem, MessageKey> = {
  number_missing: 'payments.error.number.missing',
  number_too_long: 'payments.error.number.tooLong',
  date_invalid: 'payments.error.date.invalid',
  date_future: 'payments.error.date.future',
  date_too_early: 'payments.error.date.tooEarly',
  amount_invalid: 'payments.error.amount.invalid',
  payer_invalid: 'payments.error.payer.invalid',
};

/** The error summary links a date problem to the day, the date's first box. */
const FIELD_IDS = { number: 'number', date: 'date-day', amount: 'amount', payer: 'payer' } as const;

/** Day, month and year as typed, as an ISO date; anything not a number makes no date. */
function isoDate({ day = '', month = '', year = '' }: PaymentDocumentValues): string {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return '';
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** The filer's pages for paying a filing's state duty, and where the acquirer sends them back. */
export const paymentPages: FastifyPluginAsyncTypebox = async (app) => {
  const signedIn = { access: 'signed-in' } as const;
  const acquirer = createAcquirerClient(app.config.acquirer);

  async function owedOrNothing(filing: Filing): Promise<OwedDuty | null> {
    try {
      return await dutyOwed(app.db, filing, app.clock());
    } catch (error) {
      // A draft that does not say enough to compute its duty has nothing to pay yet.
      if (error instanceof SotError) return null;
      throw error;
    }
  }

  async function showPayPage(request: FastifyRequest, reply: FastifyReply, filing: Filing, errors: FieldError[] = [], values: PaymentDocumentValues = {}, status = errors.length ? 400 : 200) {
    const title = `${errors.length ? `${request.t('error.title')}: ` : ''}${request.t('payments.pay.title')}`;
    return reply.page(
      { title, nav: 'cabinet', status },
      <PayPage filing={filing} owed={await owedOrNothing(filing)} latestDocument={await latestPaymentDocument(app.db, filing.id)} errors={errors} values={values} />,
    );
  }

  app.get('/cabinet/filings/:id/pay', { config: signedIn, schema: { hide: true, params: Params } }, async (request, reply) =>
    showPayPage(request, reply, await ownFiling(app.db, request.principal!, request.params.id, 'pay')),
  );

  app.post('/cabinet/filings/:id/pay/card', { config: signedIn, schema: { hide: true, params: Params, body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    try {
      const { paymentUrl } = await startCardPayment(app.db, acquirer, request.principal!, request.params.id, { publicUrl: app.config.publicUrl }, app.clock());
      return reply.redirect(paymentUrl, 303);
    } catch (error) {
      // Settled meanwhile (in another window, by a clerk): the page now says there is nothing to pay.
      if (!(error instanceof SotError) || !['invalid_request', 'filing_incomplete', 'duty_not_payable'].includes(error.code)) throw error;
      return showPayPage(request, reply, await ownFiling(app.db, request.principal!, request.params.id, 'pay'), [], {}, error.status);
    }
  });

  app.post(
    '/cabinet/filings/:id/pay/document',
    { config: { ...signedIn, uploads: true }, schema: { hide: true, params: Params } },
    async (request, reply) => {
      const filing = await ownFiling(app.db, request.principal!, request.params.id, 'pay');
      if (!request.isMultipart()) throw new SotError('unsupported_media_type');
      const values: PaymentDocumentValues = {};
      let errors: FieldError[] | null = null;
      // The details come before the file (the form's order); the file streams on to storage as it arrives.
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          if (['number', 'day', 'month', 'year', 'amount', 'payer'].includes(part.fieldname) && typeof part.value === 'string') values[part.fieldname as keyof PaymentDocumentValues] = part.value;
          continue;
        }
        if (errors !== null || part.fieldname !== 'file' || !part.filename) {
          part.file.resume();
          continue;
        }
        errors = await keepDocument(request, filing, values, { stream: part.file, fileName: part.filename });
        // Whatever the outcome, the rest of the file is read, so the answer reaches the browser.
        part.file.resume();
      }
      errors ??= [...detailErrors(request, values), { field: 'file', message: request.t(ERRORS.file_missing.message) }];
      if (errors.length > 0) return showPayPage(request, reply, filing, errors, values);
      return reply.redirect(urls.talon(filing.id), 303);
    },
  );

  function documentInput(values: PaymentDocumentValues) {
    return { number: values.number ?? '', date: isoDate(values), amountTiyn: parseTengeToTiyn(values.amount ?? ''), payer: values.payer ?? '' };
  }

  function detailErrors(request: FastifyRequest, values: PaymentDocumentValues): FieldError[] {
    return paymentDocumentProblems(documentInput(values), app.clock()).map(({ field, problem }) => ({ field: FIELD_IDS[field], message: request.t(PROBLEM_MESSAGES[problem]) }));
  }

  /** Keeps the document, or says what is wrong with it: every detail at once, then the file. */
  async function keepDocument(request: FastifyRequest, filing: Filing, values: PaymentDocumentValues, file: IncomingFile): Promise<FieldError[]> {
    const errors = detailErrors(request, values);
    if (errors.length > 0) return errors;
    try {
      await submitPaymentDocument(app.db, app.blobs, request.principal!, filing.id, documentInput(values), file, app.clock());
      return [];
    } catch (error) {
      if (!(error instanceof SotError) || error.code === 'filing_not_found') throw error;
      if (error.code === 'duty_not_payable') return [{ field: 'file', message: request.t('payments.error.notPayable') }];
      return [{ field: 'file', message: request.t(ERRORS[error.code].message) }];
    }
  }

  app.get(
    '/cabinet/filings/:id/payment',
    {
      config: signedIn,
      schema: {
        hide: true,
        params: Params,
        querystring: Type.Object({
          order: Type.Optional(Type.String({ maxLength: 64 })),
          orderId: Type.Optional(Type.String({ maxLength: 64 })),
          // How many times the page has checked by itself.
          checked: Type.Optional(Type.Integer({ minimum: 0, maximum: RESULT_CHECKS })),
        }),
      },
    },
    async (request, reply) => {
      const filing = await ownFiling(app.db, request.principal!, request.params.id);
      const orderId = request.query.order ?? request.query.orderId;
      const payment = orderId ? await cardPaymentOfOrder(app.db, filing.id, orderId) : null;
      if (!payment) throw new SotError('not_found');
      const title = payment.status === 'paid' ? request.t('payments.result.paid.title') : payment.status === 'declined' ? request.t('payments.result.declined.title') : request.t('payments.result.title');
      // The state changes when the bank answers: a cached copy would say "waiting" for ever.
      reply.header('cache-control', 'no-store');
      const selfUrl = `${urls.filingPaymentResult(filing.id)}?order=${encodeURIComponent(payment.orderId!)}`;
      // While the bank has not answered, the page checks again by itself for about a minute, with
      // no script: the Refresh header (HTML's meta refresh as a header), announced on the page.
      const checked = request.query.checked ?? 0;
      const refreshSeconds = payment.status === 'pending' && checked < RESULT_CHECKS ? RESULT_CHECK_SECONDS : null;
      if (refreshSeconds !== null) reply.header('refresh', `${refreshSeconds}; url=${selfUrl}&checked=${checked + 1}`);
      return reply.page({ title, nav: 'cabinet' }, <PaymentResultPage filing={filing} payment={payment} selfUrl={selfUrl} refreshSeconds={refreshSeconds} />);
    },
  );
};
