import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { createCalendarFeed, turnOffCalendarFeed } from '../../commands/calendarFeeds.ts';
import { isoDay } from '../../domain/dateBoxes.ts';
import { courtDateIso } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/index.ts';
import type { Principal } from '../../policies/principal.ts';
import { hearingsOf, liveFeedOf } from '../../queries/hearingCalendar.ts';
import { urls } from '../../urls.ts';
import type { FieldError } from '../../views/components/govuk.tsx';
import { HearingCalendarPage, type HearingPeriodValues } from '../../views/pages/HearingCalendarPage.tsx';

/** What the page shows unasked: from today, the next 60 days; "previous" is the 60 days before. */
const DEFAULT_DAYS = 60;
/** A longer period is refused: the list is for reading, the feed is for keeping. */
const MAX_DAYS = 366;

const DayBox = Type.Optional(Type.String({ maxLength: 12 }));
const PeriodQuery = Type.Object({ fromDay: DayBox, fromMonth: DayBox, fromYear: DayBox, toDay: DayBox, toMonth: DayBox, toYear: DayBox, notice: Type.Optional(Type.String({ maxLength: 10 })) });

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The first instant of a court day in Kazakhstan (UTC+5 all year). */
const startOfCourtDay = (day: string) => new Date(`${day}T00:00:00+05:00`);

/** The period the boxes ask for, or the field errors that say why there is none. */
export function periodOf(values: HearingPeriodValues, today: string, t: Translate): { period: { from: string; to: string } | null; errors: FieldError[] } {
  const given = (d?: string, m?: string, y?: string) => [d, m, y].some((v) => v !== undefined && v.trim() !== '');
  const fromGiven = given(values.fromDay, values.fromMonth, values.fromYear);
  const toGiven = given(values.toDay, values.toMonth, values.toYear);
  // Outside these years a typed date is a slip of the keyboard; nor can the database hold every year.
  const plausible = (day: string | null) => (day && day >= '2000-01-01' && day <= '2099-12-31' ? day : null);
  const from = fromGiven ? plausible(isoDay(values.fromDay, values.fromMonth, values.fromYear)) : today;
  const errors: FieldError[] = [];
  if (!from) errors.push({ field: 'from-day', message: t('hearings.error.from') });
  const to = toGiven ? plausible(isoDay(values.toDay, values.toMonth, values.toYear)) : from ? addDays(from, DEFAULT_DAYS) : null;
  if (toGiven && !to) errors.push({ field: 'to-day', message: t('hearings.error.to') });
  if (from && to && to < from) errors.push({ field: 'to-day', message: t('hearings.error.order') });
  else if (from && to && Date.parse(to) - Date.parse(from) > MAX_DAYS * 86_400_000) errors.push({ field: 'to-day', message: t('hearings.error.tooLong') });
  return errors.length > 0 || !from || !to ? { period: null, errors } : { period: { from, to }, errors };
}

export const hearingCalendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** The page, with the period asked for and, right after it was made, the new link. */
  async function calendarPage(principal: Principal, t: Translate, values: HearingPeriodValues, extra: { createdLink?: string; notice?: 'off' } = {}) {
    const today = courtDateIso(app.clock());
    const { period, errors } = periodOf(values, today, t);
    const [found, feed] = await Promise.all([
      period ? hearingsOf(app.db, principal, { from: startOfCourtDay(period.from), to: startOfCourtDay(addDays(period.to, 1)) }) : { hearings: [], truncated: false },
      liveFeedOf(app.db, principal.userId),
    ]);
    return {
      status: errors.length > 0 ? 400 : 200,
      body: (
        <HearingCalendarPage
          name={principal.fullName}
          period={period}
          values={values}
          errors={errors}
          hearings={found.hearings}
          truncated={found.truncated}
          upcoming={{ from: today, to: addDays(today, DEFAULT_DAYS) }}
          previous={{ from: addDays(today, -DEFAULT_DAYS), to: addDays(today, -1) }}
          feed={feed}
          createdLink={extra.createdLink}
          notice={extra.notice}
        />
      ),
    };
  }

  app.get('/cabinet/hearings', { config: { access: 'signed-in' }, schema: { hide: true, querystring: PeriodQuery } }, async (request, reply) => {
    const { notice, ...values } = request.query;
    const page = await calendarPage(request.principal!, request.t, values, { notice: notice === 'off' ? 'off' : undefined });
    const title = request.t('hearings.title');
    return reply.page({ title: page.status === 400 ? `${request.t('error.title')}: ${title}` : title, nav: 'hearings', status: page.status }, page.body);
  });

  // The link is shown in the answer to this request and never again, so there is no redirect to
  // a page that would have to carry it; signed-in answers are not stored by browsers (no-store).
  app.post('/cabinet/hearings/feed', { config: { access: 'signed-in' }, schema: { hide: true, body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    const token = await createCalendarFeed(app.db, request.principal!, app.clock());
    const page = await calendarPage(request.principal!, request.t, {}, { createdLink: `${app.config.publicUrl}${urls.calendarFeed(token)}` });
    return reply.page({ title: request.t('hearings.feed.created.title'), nav: 'hearings' }, page.body);
  });

  app.post('/cabinet/hearings/feed/off', { config: { access: 'signed-in' }, schema: { hide: true, body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    await turnOffCalendarFeed(app.db, request.principal!, app.clock());
    return reply.redirect(`${urls.hearingCalendar()}?notice=off`, 303);
  });
};
