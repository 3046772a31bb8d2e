import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { parseCaseNumber } from '../../domain/caseNumber.ts';
import { findPublicCase } from '../../queries/publicCase.ts';
import { CaseStatusPage } from '../../views/pages/CaseStatusPage.tsx';

export const caseStatusRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/case-status',
    {
      config: { access: 'public' },
      schema: { hide: true, querystring: Type.Object({ number: Type.Optional(Type.String({ maxLength: 100 })) }) },
    },
    async (request, reply) => {
      const t = request.t;
      const typed = request.query.number?.trim() ?? '';
      const page = { title: t('caseStatus.title'), nav: 'caseStatus' as const };
      if (typed === '') return reply.page(page, <CaseStatusPage number="" />);
      const parsed = parseCaseNumber(typed);
      if (!parsed) {
        return reply.page({ ...page, title: `${t('error.title')}: ${page.title}`, status: 400 }, <CaseStatusPage number={typed} error={t('error.invalidCaseNumber')} />);
      }
      const result = await findPublicCase(app.readDb, parsed.canonical, app.clock());
      if (!result) return reply.page({ ...page, status: 404 }, <CaseStatusPage number={parsed.canonical} notFound />);
      return reply.page({ ...page, title: `${result.number} — ${page.title}` }, <CaseStatusPage number={result.number} result={result} />);
    },
  );
};
