import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { encodeCaseCursor, isSearched, parseCaseSearch, type RawCaseSearch } from '../../domain/caseSearch.ts';
import { ERRORS, SotError } from '../../errors.ts';
import { courtsOfParticipant, searchCases } from '../../queries/caseSearch.ts';
import { urls } from '../../urls.ts';
import { CaseSearchPage } from '../../views/pages/CaseSearchPage.tsx';
import { refusalField } from '../caseSearchFields.ts';

const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));

/** The cabinet's search form. Limits are generous: what is too long is refused with a message, not a bare schema error. */
const CabinetSearchQuery = Type.Object({
  number: text(5000),
  name: text(5000),
  court: text(5000),
  status: text(5000),
  dates: text(5000),
  from: text(5000),
  to: text(5000),
  cursor: text(5000),
});

/** A participant's search of their own cases: the cases the cabinet lists and `read` lets them open. */
export const cabinetCaseSearchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/cabinet/cases/search', { config: { access: 'signed-in' }, schema: { hide: true, querystring: CabinetSearchQuery } }, async (request, reply) => {
    const principal = request.principal!;
    const t = request.t;
    const query: RawCaseSearch = request.query;
    const page = { title: t('caseSearch.cabinet.title'), nav: 'cabinet' as const };
    const courts = await courtsOfParticipant(app.db, principal);
    const show = (props: Pick<Parameters<typeof CaseSearchPage>[0], 'errors' | 'result'>, status = 200) =>
      reply.page({ ...page, title: `${props.errors.length ? `${t('error.title')}: ` : ''}${page.title}`, status }, <CaseSearchPage audience="cabinet" query={query} courts={courts} judges={[]} {...props} />);
    const parsed = parseCaseSearch(query);
    const refuse = (code: keyof typeof ERRORS) => show({ errors: [{ field: refusalField(code, query), message: t(ERRORS[code].message) }], result: null }, ERRORS[code].status);
    if ('refused' in parsed) return refuse(parsed.refused);
    if (!isSearched(query)) return show({ errors: [], result: null });
    try {
      const found = await searchCases(app.db, parsed, { audience: 'cabinet', principal });
      return show({
        errors: [],
        result: {
          items: found.items.map((c) => ({ ...c, href: urls.cabinetCase(c.id) })),
          more: found.next ? { url: urls.cabinetCaseSearch({ ...query, cursor: encodeCaseCursor(found.next) }) } : null,
          firstUrl: parsed.cursor ? urls.cabinetCaseSearch({ ...query, cursor: undefined }) : null,
          total: found.total,
          capped: found.capped,
        },
      });
    } catch (error) {
      if (error instanceof SotError && error.code === 'case_search_too_broad') return refuse(error.code);
      throw error;
    }
  });
};
