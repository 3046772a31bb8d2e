import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { encodeCursor, parseJudgmentSearch, type RawSearch } from '../../domain/judgmentSearch.ts';
import { isUuid } from '../../domain/ids.ts';
import { ERRORS, SotError } from '../../errors.ts';
import { publishedJudgment, searchJudgments } from '../../queries/judgments.ts';
import { renderJudgmentPdf } from '../../acts/judgmentPdf.ts';
import { contentDisposition } from '../contentDisposition.ts';
import { urls } from '../../urls.ts';
import { JudgmentPage, JudgmentsPage } from '../../views/pages/JudgmentsPage.tsx';

const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));

/** The search's query string, the same for the page and the API. Length limits are generous: what is too long is refused with a message, not a bare schema error. */
export const JudgmentSearchQuery = Type.Object({
  q: text(20_000),
  court: text(100),
  level: text(100),
  kind: text(100),
  category: text(100),
  act: text(100),
  outcome: text(100),
  from: text(100),
  to: text(100),
  order: text(100),
  cursor: text(1000),
});

const FIELD_OF: Record<string, string> = { judgments_query_too_long: 'q', judgments_invalid_date: 'from', judgments_invalid_cursor: 'q', judgments_search_too_broad: 'q' };

/** The public judgment bank: search, a judgment, its printable form and PDF. No sign-in. */
export const judgmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/judgments', { config: { access: 'public' }, schema: { hide: true, querystring: JudgmentSearchQuery } }, async (request, reply) => {
    const t = request.t;
    const query = request.query as RawSearch;
    const page = { title: t('judgments.title'), nav: 'judgments' as const };
    const searched = Object.values(query).some((v) => v !== undefined && v !== '');
    const parsed = parseJudgmentSearch(query);
    const refuse = (code: keyof typeof ERRORS) => {
      const field = code === 'judgments_invalid_date' && query.from && !query.to ? 'from' : code === 'judgments_invalid_date' ? (query.to ? 'to' : 'from') : (FIELD_OF[code] ?? 'q');
      return reply.page({ ...page, title: `${t('error.title')}: ${page.title}`, status: ERRORS[code].status }, <JudgmentsPage query={query} errors={[{ field, message: t(ERRORS[code].message) }]} result={null} />);
    };
    if ('refused' in parsed) return refuse(parsed.refused);
    if (!searched) return reply.page(page, <JudgmentsPage query={query} errors={[]} result={null} />);
    try {
      const found = await searchJudgments(app.searchDb, parsed);
      const nextUrl = found.next ? urls.judgments({ ...query, cursor: encodeCursor(found.next) }) : null;
      const firstUrl = parsed.cursor ? urls.judgments({ ...query, cursor: undefined }) : null;
      return reply.page(page, <JudgmentsPage query={query} errors={[]} result={{ items: found.items, nextUrl, firstUrl, total: found.estimatedTotal, capped: found.capped }} />);
    } catch (error) {
      if (error instanceof SotError && error.code === 'judgments_search_too_broad') return refuse(error.code);
      throw error;
    }
  });

  const Params = Type.Object({ id: Type.String({ maxLength: 40 }) });

  async function found(id: string) {
    const judgment = isUuid(id) ? await publishedJudgment(app.db, id) : null;
    if (!judgment) throw new SotError('not_found');
    return judgment;
  }

  app.get('/judgments/:id', { config: { access: 'public' }, schema: { hide: true, params: Params } }, async (request, reply) => {
    const judgment = await found(request.params.id);
    const title = request.t('judgment.title', { act: request.t(`proceedings.actKind.${judgment.actKind as 'decision'}`), number: judgment.caseNumber });
    return reply.page({ title, nav: 'judgments' }, <JudgmentPage judgment={judgment} />);
  });

  app.get('/judgments/:id/print', { config: { access: 'public' }, schema: { hide: true, params: Params } }, async (request, reply) => {
    const judgment = await found(request.params.id);
    const title = request.t('judgment.title', { act: request.t(`proceedings.actKind.${judgment.actKind as 'decision'}`), number: judgment.caseNumber });
    return reply.page({ title, nav: 'judgments' }, <JudgmentPage judgment={judgment} print />);
  });

  app.get('/judgments/:id/pdf', { config: { access: 'public' }, schema: { hide: true, params: Params } }, async (request, reply) => {
    const judgment = await found(request.params.id);
    const pdf = await renderJudgmentPdf(judgment, `${app.config.publicUrl}${urls.judgment(judgment.id)}`, request.lang);
    return (
      reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`${judgment.caseNumber.replace(/\//g, '-')}.pdf`, 'inline'))
        // As the calendar feed: in the reader's language (so no shared cache), and kept only briefly,
        // so a judgment the court withholds or corrects leaves the browser's cache within minutes.
        .header('cache-control', 'private, max-age=300')
        .header('x-content-type-options', 'nosniff')
        .send(pdf)
    );
  });
};
