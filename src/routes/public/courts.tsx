import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { SotError } from '../../errors.ts';
import { courtPage, listCourts } from '../../queries/courts.ts';
import { CourtPage } from '../../views/pages/CourtPage.tsx';
import { CourtsPage } from '../../views/pages/CourtsPage.tsx';
import { localName } from '../../views/components/names.ts';

const SCHEDULE_DAYS = 14;

export const courtRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/courts',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          // Anything but a level (an empty "all levels" choice included) means no level filter.
          level: Type.Optional(Type.String({ maxLength: 10 })),
        }),
      },
    },
    async (request, reply) => {
      const q = request.query.q?.trim() ?? '';
      const levelNumber = Number(request.query.level);
      const level = [1, 2, 3, 4].includes(levelNumber) ? levelNumber : undefined;
      const rows = await listCourts(app.readDb, { q, level });
      return reply.page({ title: request.t('courts.title'), nav: 'courts' }, <CourtsPage rows={rows} q={q} level={level} />);
    },
  );

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
