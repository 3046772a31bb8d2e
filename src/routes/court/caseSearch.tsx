import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { encodeCaseCursor, isSearched, parseCaseSearch, RAW_FIELDS, type RawCaseSearch } from '../../domain/caseSearch.ts';
import { ERRORS, SotError } from '../../errors.ts';
import type { Principal } from '../../policies/principal.ts';
import { can } from '../../policies/rules.ts';
import { judgesOfCourts, searchCases, staffCourts, type FoundCase } from '../../queries/caseSearch.ts';
import { urls } from '../../urls.ts';
import { CaseSearchPage } from '../../views/pages/CaseSearchPage.tsx';
import { refusalField } from '../caseSearchFields.ts';

const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const FIELDS = { number: text(5000), name: text(5000), court: text(5000), category: text(5000), judge: text(5000), status: text(5000), dates: text(5000), from: text(5000), to: text(5000), cursor: text(5000) };
/** An IIN or BIN is searched only from the posted form: an address ends up in logs and browser history. */
const CourtSearchQuery = Type.Object(FIELDS);
const CourtSearchBody = Type.Object({ ...FIELDS, iin: text(5000), _csrf: Type.Optional(Type.String()) });

/**
 * The court's page of a found case: the judge's own case page for the judge who has it, the
 * e-case file for the rest of the court's staff. Both are asked of the policies, as the pages ask.
 */
function courtPageOf(principal: Principal, c: FoundCase): string {
  return can(principal, { action: 'decide', resource: 'case', courtId: c.courtId, judgeId: c.judgeId }) ? urls.judgeCase(c.id) : urls.courtCaseFile(c.id);
}

/** Court staff search the cases of their own court (clerks and the office, its judges and chair). */
export const courtCaseSearchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = { access: ['clerk', 'judge', 'court_chair'] } as const;

  async function show(request: FastifyRequest, reply: FastifyReply, query: RawCaseSearch) {
    const principal = request.principal!;
    const t = request.t;
    const courtIds = staffCourts(principal);
    const judges = await judgesOfCourts(app.db, courtIds);
    const page = { title: t('caseSearch.court.title'), nav: 'court' as const };
    const render = (props: Pick<Parameters<typeof CaseSearchPage>[0], 'errors' | 'result'>, status = 200) =>
      reply.page({ ...page, title: `${props.errors.length ? `${t('error.title')}: ` : ''}${page.title}`, status }, <CaseSearchPage audience="court" query={query} courts={[]} judges={judges} {...props} />);
    const parsed = parseCaseSearch(query);
    const refuse = (code: keyof typeof ERRORS) => render({ errors: [{ field: refusalField(code, query), message: t(ERRORS[code].message) }], result: null }, ERRORS[code].status);
    if ('refused' in parsed) return refuse(parsed.refused);
    if (!isSearched(query)) return render({ errors: [], result: null });
    try {
      const found = await searchCases(app.db, parsed, { audience: 'court', courtIds });
      const fields: RawCaseSearch = Object.fromEntries(RAW_FIELDS.map((f) => [f, query[f]]));
      return render({
        errors: [],
        result: {
          items: found.items.map((c) => ({ ...c, href: courtPageOf(principal, c) })),
          more: found.next ? { fields: { ...fields, cursor: encodeCaseCursor(found.next) } } : null,
          firstUrl: null,
          total: found.total,
          capped: found.capped,
        },
      });
    } catch (error) {
      if (error instanceof SotError && error.code === 'case_search_too_broad') return refuse(error.code);
      throw error;
    }
  }

  app.get('/court/cases/search', { config: staff, schema: { hide: true, querystring: CourtSearchQuery } }, async (request, reply) => {
    const { iin: _dropped, ...query } = request.query as RawCaseSearch;
    return show(request, reply, query);
  });

  app.post('/court/cases/search', { config: staff, schema: { hide: true, body: CourtSearchBody } }, async (request, reply) => {
    const { _csrf, ...query } = request.body;
    return show(request, reply, query);
  });
};
