import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { registerWebhook, resendWebhookDelivery, rotateWebhookSecret, updateWebhook } from '../../commands/webhooks.ts';
import { ERRORS, SotError, type ErrorCode } from '../../errors.ts';
import { recentWebhookDeliveries, webhookSubscription, webhookSubscriptionList } from '../../queries/webhooks.ts';
import { urls } from '../../urls.ts';
import { WebhookAdminPage, WebhooksAdminPage, type WebhookField, type WebhookFormValues } from '../../views/pages/admin/WebhooksAdminPage.tsx';

const FIELD_OF: Partial<Record<ErrorCode, WebhookField>> = {
  webhook_organisation_unknown: 'bin',
  webhook_url_invalid: 'url',
  webhook_url_too_long: 'url',
  webhook_url_scheme: 'url',
  webhook_url_credentials: 'url',
  webhook_events_required: 'eventTypes',
};

const Id = Type.String({ pattern: '^[0-9a-f-]{36}$' });
const Csrf = Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })) });
// One kind or several: a form sends a repeated field as an array, a single one as a string.
const EventTypes = Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Array(Type.String({ maxLength: 60 }), { maxItems: 60 })]));
const listOf = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * Organisations' webhooks, for system administrators only. A new secret is shown on the answer to
 * the POST that made it, never on a page that can be fetched again; those answers are not stored.
 */
export const webhookAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const access = { access: ['system_admin'] as const };
  const settings = () => app.config.webhooks;

  function refusal(request: FastifyRequest, error: unknown) {
    const field = error instanceof SotError ? FIELD_OF[error.code] : undefined;
    if (!field || !(error instanceof SotError)) throw error;
    return { status: error.status, errors: [{ field, message: request.t(ERRORS[error.code].message) }] };
  }

  async function list(request: FastifyRequest, reply: FastifyReply, options: { secret?: string; status?: number; errors?: { field: WebhookField; message: string }[]; values?: WebhookFormValues } = {}) {
    reply.header('cache-control', 'no-store');
    const title = options.errors?.length ? `${request.t('error.title')}: ${request.t('webhooks.title')}` : request.t('webhooks.title');
    return reply.page({ title, nav: 'admin', ...(options.status ? { status: options.status } : {}) }, <WebhooksAdminPage subscriptions={await webhookSubscriptionList(app.db)} secret={options.secret ?? null} errors={options.errors ?? []} values={options.values ?? {}} />);
  }

  async function detail(request: FastifyRequest, reply: FastifyReply, id: string, options: { secret?: string; notice?: 'saved' | 'resent'; status?: number; errors?: { field: WebhookField; message: string }[]; values?: WebhookFormValues } = {}) {
    const subscription = await webhookSubscription(app.db, id);
    if (!subscription) throw new SotError('not_found');
    reply.header('cache-control', 'no-store');
    const heading = request.t('webhooks.detail.title', { organisation: subscription.organisationName });
    return reply.page(
      { title: options.errors?.length ? `${request.t('error.title')}: ${heading}` : heading, nav: 'admin', ...(options.status ? { status: options.status } : {}) },
      <WebhookAdminPage
        subscription={subscription}
        deliveries={await recentWebhookDeliveries(app.db, id)}
        secret={options.secret ?? null}
        notice={options.notice === 'saved' ? 'webhooks.notice.saved' : options.notice === 'resent' ? 'webhooks.notice.resent' : null}
        errors={options.errors ?? []}
        {...(options.values ? { values: options.values } : {})}
      />,
    );
  }

  app.get('/admin/webhooks', { config: access, schema: { hide: true } }, async (request, reply) => list(request, reply));

  app.post(
    '/admin/webhooks',
    { config: access, schema: { hide: true, body: Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })), bin: Type.Optional(Type.String({ maxLength: 40 })), url: Type.Optional(Type.String({ maxLength: 2000 })), eventTypes: EventTypes }) } },
    async (request, reply) => {
      const values = { bin: request.body.bin ?? '', url: request.body.url ?? '', eventTypes: listOf(request.body.eventTypes) };
      let created;
      try {
        created = await registerWebhook(app.db, request.principal!, values, settings(), app.clock());
      } catch (error) {
        return list(request, reply, { ...refusal(request, error), values });
      }
      return list(request, reply, { secret: created.secret, status: 201 });
    },
  );

  app.get(
    '/admin/webhooks/:id',
    { config: access, schema: { hide: true, params: Type.Object({ id: Id }), querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 10 })) }) } },
    async (request, reply) => {
      const done = request.query.done === 'saved' || request.query.done === 'resent' ? request.query.done : undefined;
      return detail(request, reply, request.params.id, done ? { notice: done } : {});
    },
  );

  app.post(
    '/admin/webhooks/:id',
    {
      config: access,
      schema: { hide: true, params: Type.Object({ id: Id }), body: Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })), url: Type.Optional(Type.String({ maxLength: 2000 })), active: Type.Optional(Type.String({ maxLength: 5 })), eventTypes: EventTypes }) },
    },
    async (request, reply) => {
      const values = { url: request.body.url ?? '', eventTypes: listOf(request.body.eventTypes), active: request.body.active !== 'no' };
      try {
        await updateWebhook(app.db, request.principal!, request.params.id, values, settings(), app.clock());
      } catch (error) {
        return detail(request, reply, request.params.id, { ...refusal(request, error), values });
      }
      return reply.redirect(urls.webhookAdmin(request.params.id, 'saved'), 303);
    },
  );

  app.post('/admin/webhooks/:id/rotate', { config: access, schema: { hide: true, params: Type.Object({ id: Id }), body: Csrf } }, async (request, reply) => {
    const secret = await rotateWebhookSecret(app.db, request.principal!, request.params.id, settings(), app.clock());
    return detail(request, reply, request.params.id, { secret });
  });

  app.post('/admin/webhooks/:id/deliveries/:deliveryId/resend', { config: access, schema: { hide: true, params: Type.Object({ id: Id, deliveryId: Id }), body: Csrf } }, async (request, reply) => {
    await resendWebhookDelivery(app.db, request.principal!, request.params.id, request.params.deliveryId, app.clock());
    return reply.redirect(urls.webhookAdmin(request.params.id, 'resent'), 303);
  });
};
