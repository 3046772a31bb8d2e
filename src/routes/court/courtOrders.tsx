import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { recordPaperDelivery } from '../../commands/courtOrders.ts';
import { ERRORS, SotError } from '../../errors.ts';
import { formatCourtDay } from '../../i18n/format.ts';
import { openDeadline } from '../../queries/caseFile.ts';
import { urls } from '../../urls.ts';
import { CourtOrderDeliveryPage } from '../../views/pages/court/CourtOrderDeliveryPage.tsx';
import { caseFor } from '../caseAccess.ts';

const Params = Type.Object({ caseId: Type.String({ maxLength: 40 }) });

/** The court office's record of a court order's paper copy handed to the debtor. */
export const courtOrderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const office = { access: ['clerk', 'court_chair'] } as const;

  async function render(request: FastifyRequest, reply: FastifyReply, caseId: string, options: { done?: string | undefined; errors?: { field: string; message: string }[]; status?: number; value?: string }) {
    const found = await caseFor(app, request.principal!, caseId, 'serve');
    if (found.category !== 'court_order') throw new SotError('not_found');
    let done: string | null = null;
    if (options.done === 'earlier') done = request.t('courtOrder.delivery.doneEarlier');
    if (options.done === 'recorded') {
      const term = await openDeadline(app.db, caseId, 'debtor_objection');
      done = term ? request.t('courtOrder.delivery.done', { due: formatCourtDay(term.dueOn, request.lang) }) : null;
    }
    const errors = options.errors ?? [];
    return reply.page(
      { title: `${errors.length ? `${request.t('error.title')}: ` : ''}${request.t('courtOrder.delivery.title')}`, nav: 'court', ...(options.status ? { status: options.status } : {}) },
      <CourtOrderDeliveryPage view={{ caseId, caseNumber: found.number, open: found.status === 'order_issued', done, value: options.value }} errors={errors} />,
    );
  }

  app.get('/court/cases/:caseId/court-order-delivery', { config: office, schema: { hide: true, params: Params, querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }) } }, async (request, reply) =>
    render(request, reply, request.params.caseId, { done: request.query.done }),
  );

  app.post(
    '/court/cases/:caseId/court-order-delivery',
    { config: office, schema: { hide: true, params: Params, body: Type.Object({ _csrf: Type.Optional(Type.String()), deliveredOn: Type.Optional(Type.String({ maxLength: 20 })) }) } },
    async (request, reply) => {
      const { caseId } = request.params;
      const deliveredOn = request.body.deliveredOn ?? '';
      try {
        const due = await recordPaperDelivery(app.db, request.principal!, caseId, deliveredOn, app.clock());
        return reply.redirect(urls.courtOrderDelivery(caseId, due ? 'recorded' : 'earlier'), 303);
      } catch (error) {
        if (!(error instanceof SotError) || error.code === 'not_found') throw error;
        return render(request, reply, caseId, { errors: [{ field: 'deliveredOn', message: request.t(ERRORS[error.code].message, error.params) }], status: error.status, value: deliveredOn });
      }
    },
  );
};
