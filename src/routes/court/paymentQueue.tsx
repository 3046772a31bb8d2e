import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { rejectionReasonProblem, reviewPaymentDocument, type ReviewDecision } from '../../commands/payments.ts';
import { SotError } from '../../errors.ts';
import { paymentDocumentScan, paymentQueue } from '../../queries/paymentQueue.ts';
import type { FieldError } from '../../views/components/govuk.tsx';
import { confirmationFieldId, PaymentQueuePage, paymentQueueUrls, reasonFieldId } from '../../views/pages/payments/PaymentQueuePage.tsx';
import { contentDisposition } from '../contentDisposition.ts';

const PaymentParams = Type.Object({ paymentId: Type.String({ maxLength: 40 }) });


/** The court's side of payment documents: the clerks' queue, the scans, and their decisions. */
export const paymentQueuePages: FastifyPluginAsyncTypebox = async (app) => {
  const access = { access: ['clerk', 'court_chair'] as const };

  async function showQueue(request: FastifyRequest, reply: FastifyReply, options: { done?: 'verified' | 'rejected'; errors?: FieldError[]; reasons?: Record<string, string>; status?: number } = {}) {
    const errors = options.errors ?? [];
    const title = `${errors.length ? `${request.t('error.title')}: ` : ''}${request.t('payments.queue.title')}`;
    return reply.page({ title, nav: 'court', status: options.status ?? 200 }, <PaymentQueuePage queue={await paymentQueue(app.db, request.principal!)} done={options.done} errors={errors} reasons={options.reasons ?? {}} />);
  }

  app.get(
    '/court/payments',
    { config: access, schema: { hide: true, querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 10 })) }) } },
    async (request, reply) => {
      const done = request.query.done === 'verified' || request.query.done === 'rejected' ? request.query.done : undefined;
      return showQueue(request, reply, done ? { done } : {});
    },
  );

  app.get('/court/payments/:paymentId/document', { config: access, schema: { hide: true, params: PaymentParams } }, async (request, reply) => {
    const scan = await paymentDocumentScan(app.db, request.principal!, request.params.paymentId);
    return reply
      .header('content-type', scan.mediaType)
      .header('content-length', String(scan.sizeBytes))
      .header('content-disposition', contentDisposition(scan.name, 'attachment', scan.mediaType))
      .header('cache-control', 'private, no-store')
      .send(app.blobs.open(scan.sha256));
  });

  /** Records the decision; a decision someone else took first is shown, not overwritten. */
  async function decide(request: FastifyRequest, reply: FastifyReply, paymentId: string, decision: ReviewDecision) {
    try {
      await reviewPaymentDocument(app.db, request.principal!, paymentId, decision, app.clock());
    } catch (error) {
      if (!(error instanceof SotError)) throw error;
      if (error.code === 'payment_already_reviewed') return showQueue(request, reply, { errors: [{ field: 'queue', message: request.t('payments.error.alreadyReviewed') }], status: error.status });
      if (decision.verified && (error.code === 'payment_document_duplicate' || error.code === 'invalid_request')) {
        const message = request.t(error.code === 'payment_document_duplicate' ? 'payments.error.duplicateUnconfirmed' : 'payments.error.reason.tooLong');
        return showQueue(request, reply, { errors: [{ field: confirmationFieldId(paymentId), message }], reasons: { [paymentId]: decision.confirmation ?? '' }, status: error.status });
      }
      if (error.code === 'invalid_request' && !decision.verified) {
        const problem = rejectionReasonProblem(decision.reason);
        const message = request.t(problem === 'reason_too_long' ? 'payments.error.reason.tooLong' : 'payments.error.reason.missing');
        return showQueue(request, reply, { errors: [{ field: reasonFieldId(paymentId), message }], reasons: { [paymentId]: decision.reason }, status: error.status });
      }
      throw error;
    }
    return reply.redirect(paymentQueueUrls.queue(decision.verified ? 'verified' : 'rejected'), 303);
  }

  app.post(
    '/court/payments/:paymentId/verify',
    { config: access, schema: { hide: true, params: PaymentParams, body: Type.Object({ _csrf: Type.Optional(Type.String()), confirmation: Type.Optional(Type.String({ maxLength: 10_000 })) }) } },
    async (request, reply) => decide(request, reply, request.params.paymentId, { verified: true, ...(request.body.confirmation !== undefined ? { confirmation: request.body.confirmation } : {}) }),
  );

  app.post(
    '/court/payments/:paymentId/reject',
    { config: access, schema: { hide: true, params: PaymentParams, body: Type.Object({ _csrf: Type.Optional(Type.String()), reason: Type.Optional(Type.String({ maxLength: 10_000 })) }) } },
    async (request, reply) => decide(request, reply, request.params.paymentId, { verified: false, reason: request.body.reason ?? '' }),
  );
};
