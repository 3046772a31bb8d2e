import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { SotError } from '../../errors.ts';
import { isLang, DEFAULT_LANG } from '../../i18n/index.ts';
import { feedOwner, hearingsOf } from '../../queries/hearingCalendar.ts';
import { hearingFeed } from '../../views/hearingFeed.ts';

/** The feed reaches back a month, so a hearing just held or postponed still shows, and a year ahead. */
const FEED_PAST_DAYS = 30;
const FEED_AHEAD_DAYS = 366;
/** Phones poll every few minutes to hours; a limit per address well above that stops guessing. */
const FEED_RATE_LIMIT = { max: 60, timeWindow: 60_000 };

/**
 * A person's private iCalendar feed, fetched by calendar apps without a session: the token is
 * the key. An unknown, malformed or revoked token is the same 404 as any missing page.
 */
export const calendarFeedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/calendar/:feed',
    { config: { access: 'public', rateLimit: FEED_RATE_LIMIT }, schema: { hide: true, params: Type.Object({ feed: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      const match = /^(.+)\.ics$/.exec(request.params.feed);
      const owner = match ? await feedOwner(app.db, match[1]!) : null;
      if (!owner) throw new SotError('not_found');
      const now = app.clock();
      const { hearings } = await hearingsOf(app.db, owner.principal, {
        from: new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000),
        to: new Date(now.getTime() + FEED_AHEAD_DAYS * 86_400_000),
      });
      const lang = isLang(owner.language) ? owner.language : DEFAULT_LANG;
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('x-robots-tag', 'noindex')
        .header('content-disposition', 'inline; filename="hearings.ics"')
        .send(hearingFeed(hearings, { lang, publicUrl: app.config.publicUrl, now }));
    },
  );
};
