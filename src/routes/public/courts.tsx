import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { RawCourtSearch } from '../../domain/courtFinder.ts';
import { ERRORS, SotError } from '../../errors.ts';
import { courtPage, searchCourts } from '../../queries/courts.ts';
import { CourtPage } from '../../views/pages/CourtPage.tsx';
import { CourtsPage } from '../../views/pages/CourtsPage.tsx';
import { localName } from '../../views/components/names.ts';

const SCHEDULE_DAYS = 14;

const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));

/**
 * The court finder's query string, the same for the page and the API. Limits are generous: a
 * query too long or a filter Sot does not know is refused with a message (src/domain/courtFinder.ts),
 * not a bare schema error.
 */
export const CourtSearchQuery = Type.Object({
  q: text(20_000),
  level: text(100),
  region: text(100),
  hears: text(100),
});

export const courtRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/courts', { config: { access: 'public' }, schema: { hide: true, querystring: CourtSearchQuery } }, async (request, reply) => {
    const t = request.t;
    const query = request.query as RawCourtSearch;
    const page = { title: t('courts.title'), nav: 'courts' as const };
    const found = await searchCourts(app.readDb, query);
    if ('refused' in found) {
      const { status, message } = ERRORS[found.refused];
      return reply.page({ ...page, title: `${t('error.title')}: ${page.title}`, status }, <CourtsPage query={query} regions={found.regions} errors={[{ field: found.field, message: t(message) }]} result={null} />);
    }
    // Asked for nothing, the page shows the directory alone: its body is rendered once per version.
    const asked = Object.keys(query).length > 0;
    return reply.page({ ...page, ...(asked ? {} : { bodyOf: found }) }, <CourtsPage query={query} regions={found.regions} errors={[]} result={found} />);
  });

  app.get(
    '/courts/:code',
    { config: { access: 'public' }, schema: { hide: true, params: Type.Object({ code: Type.String({ maxLength: 50 }) }) } },
    async (request, reply) => {
      const { code } = request.params;
      const found = /^\d{4}$/.test(code) ? await courtPage(app.readDb, code, app.clock(), SCHEDULE_DAYS) : null;
      if (!found) throw new SotError('court_not_found');
      const { details, schedule } = found;
      return reply.page({ title: localName(details.court, request.lang), nav: 'courts' }, <CourtPage details={details} schedule={schedule} />);
    },
  );
};
