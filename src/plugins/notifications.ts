import fp from 'fastify-plugin';
import type { EmailSender, SmsSender } from '../adapters/delivery.ts';
import { createSmsGateway } from '../adapters/sms/gateway.ts';
import { setNoticeLinks } from '../commands/notices.ts';
import { NotificationDelivery } from '../jobs/notifications.ts';
import { unreadCount } from '../queries/notifications.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Delivery of queued notifications; `server.ts` starts it, tests start and drain it themselves. */
    notifications: NotificationDelivery;
  }
  interface FastifyRequest {
    /** Unread notifications of the signed-in person, for the menu's badge; null when not counted. */
    unreadNotifications: number | null;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The notice delivery of any process, web or worker: `server.ts` starts it, a worker works it. */
export const noticeDeliveryPlugin = fp<{ email?: EmailSender | undefined; sms?: SmsSender | undefined }>(
  async (app, options) => {
    const config = app.config.notifications;
    setNoticeLinks({ publicUrl: app.config.publicUrl, secret: app.config.sessionSecret });
    const sms =
      options.sms ??
      createSmsGateway({ url: config.smsGatewayUrl, key: config.smsGatewayKey, callbackUrl: `${app.config.publicUrl}/api/v1/sms/delivery-reports`, timeoutMs: config.sendTimeoutMs });
    const delivery = new NotificationDelivery({
      db: app.db,
      pool: app.database.pool,
      log: app.log,
      email: options.email,
      sms,
      retryLimit: config.retryLimit,
      retryDelaySeconds: config.retryDelaySeconds,
      clock: app.clock,
    });
    app.decorate('notifications', delivery);
    app.addHook('onClose', async () => {
      await delivery.stop();
      options.email?.close();
    });
  },
  { name: 'sot-notice-delivery' },
);

/**
 * Wires notification delivery into the web app. A state-changing request may have committed
 * notifications; once it is answered, their jobs are sent (the periodic sweep catches any this
 * misses). Pages for signed-in people learn the unread count for the menu.
 */
export const notificationsPlugin = fp(
  async (app) => {
    const delivery = app.notifications;
    app.decorateRequest('unreadNotifications', null);
    app.addHook('onResponse', async (request) => {
      if (!UNSAFE_METHODS.has(request.method) || !delivery.running) return;
      delivery.dispatch().catch((error: unknown) => app.log.error({ err: error }, 'notification dispatch failed'));
    });
    app.addHook('preHandler', async (request) => {
      if (request.method !== 'GET' || !request.principal || request.url.startsWith('/api/')) return;
      request.unreadNotifications = await unreadCount(app.db, request.principal.userId);
    });
  },
  { name: 'sot-notifications', dependencies: ['sot-session', 'sot-notice-delivery'] },
);
