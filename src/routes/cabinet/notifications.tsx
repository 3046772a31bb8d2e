import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { markNotificationsRead } from '../../commands/readNotifications.ts';
import { SotError } from '../../errors.ts';
import { inAppNotifications } from '../../queries/notifications.ts';
import { urls } from '../../urls.ts';
import { NotificationsPage } from '../../views/pages/NotificationsPage.tsx';

/**
 * The notification centre. Opening it does not mark anything read: the "new" tags would vanish
 * before the person saw which ones were new. A button marks read what the page showed.
 */
export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/cabinet/notifications',
    { config: { access: 'signed-in' }, schema: { hide: true, querystring: Type.Object({ done: Type.Optional(Type.Literal('read')) }) } },
    async (request, reply) => {
      const principal = request.principal!;
      const items = await inAppNotifications(app.db, principal.userId, request.lang);
      const seenUntil = (items[0]?.queuedAt ?? app.clock()).toISOString();
      return reply.page({ title: request.t('notifications.title'), nav: 'notifications' }, <NotificationsPage items={items} seenUntil={seenUntil} done={request.query.done === 'read'} />);
    },
  );

  app.post(
    '/cabinet/notifications/read',
    { config: { access: 'signed-in' }, schema: { hide: true, body: Type.Object({ _csrf: Type.Optional(Type.String()), seenUntil: Type.String({ maxLength: 40 }) }) } },
    async (request, reply) => {
      const seenUntil = new Date(request.body.seenUntil);
      if (Number.isNaN(seenUntil.getTime())) throw new SotError('invalid_request');
      await markNotificationsRead(app.db, request.principal!.userId, seenUntil, app.clock());
      return reply.redirect(urls.notifications('read'), 303);
    },
  );
};
