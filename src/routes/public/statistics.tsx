import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { statisticsCsv, type RawStatisticsQuery } from '../../domain/courtStatistics.ts';
import { ERRORS, SotError } from '../../errors.ts';
import { listCourts } from '../../queries/courts.ts';
import { urls } from '../../urls.ts';
import { localName } from '../../views/components/names.ts';
import { StatisticsPage } from '../../views/pages/StatisticsPage.tsx';
import { answerStatistics, PeriodQueryString, statisticsDocument, StatisticsQueryString, type StatisticsAnswer } from '../statisticsRequest.ts';

/** Figures change once a night; an hour's caching spares the database a crowd of readers. */
const OPEN_DATA_CACHE = 'public, max-age=3600';

/** Court statistics, nationally and per court, and the same figures as open data. No sign-in. */
export const statisticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function page(request: FastifyRequest, reply: FastifyReply, raw: RawStatisticsQuery, answer: StatisticsAnswer) {
    const t = request.t;
    const courts = (await listCourts(app.readDb)).map(({ court }) => ({ code: court.code, name: localName(court, request.lang) }));
    if ('refused' in answer) {
      const title = `${t('error.title')}: ${t('statistics.title')}`;
      const errors = [{ field: answer.field, message: t(ERRORS[answer.refused].message) }];
      return reply.page({ title, nav: 'statistics', status: ERRORS[answer.refused].status }, <StatisticsPage query={raw} errors={errors} courts={courts} court={null} period={null} series={null} />);
    }
    const court = answer.court ? { code: answer.court.code, name: localName(answer.court, request.lang) } : null;
    const title = court ? t('statistics.courtTitle', { court: court.name }) : t('statistics.title');
    return reply.page({ title, nav: 'statistics' }, <StatisticsPage query={raw} errors={[]} courts={courts} court={court} period={answer.query} series={answer.series} />);
  }

  app.get('/statistics', { config: { access: 'public' }, schema: { hide: true, querystring: StatisticsQueryString } }, async (request, reply) => {
    const raw = request.query;
    const court = raw.court?.trim();
    // The picker's choice of a court goes to that court's own address, which is the one to share.
    if (court && /^\d{4}$/.test(court)) return reply.redirect(urls.courtStatistics(court, { from: raw.from || undefined, to: raw.to || undefined }), 303);
    return page(request, reply, raw, await answerStatistics(app, { ...raw, court: court || undefined }));
  });

  app.get(
    '/statistics/:courtCode',
    { config: { access: 'public' }, schema: { hide: true, params: Type.Object({ courtCode: Type.String({ maxLength: 50 }) }), querystring: PeriodQueryString } },
    async (request, reply) => {
      const { courtCode } = request.params;
      if (!/^\d{4}$/.test(courtCode)) throw new SotError('court_not_found');
      const raw = { ...request.query, court: courtCode };
      const answer = await answerStatistics(app, raw);
      if ('refused' in answer && answer.field === 'court') throw new SotError('court_not_found');
      return page(request, reply, raw, answer);
    },
  );

  app.get('/statistics.csv', { config: { access: 'public' }, schema: { hide: true, querystring: StatisticsQueryString } }, async (request, reply) => {
    const answer = await answerStatistics(app, request.query);
    if ('refused' in answer) throw new SotError(answer.refused);
    const name = `sot-statistics-${answer.court?.code ?? 'kz'}-${answer.query.from}-${answer.query.to}.csv`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', OPEN_DATA_CACHE)
      .send(statisticsCsv(statisticsDocument(answer).rows));
  });

  app.get('/statistics.json', { config: { access: 'public' }, schema: { hide: true, querystring: StatisticsQueryString } }, async (request, reply) => {
    const answer = await answerStatistics(app, request.query);
    if ('refused' in answer) throw new SotError(answer.refused);
    return reply.header('cache-control', OPEN_DATA_CACHE).send(statisticsDocument(answer));
  });
};
