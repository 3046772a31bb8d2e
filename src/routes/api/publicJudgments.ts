import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { encodeCursor, parseJudgmentSearch, plainSnippet, type RawSearch } from '../../domain/judgmentSearch.ts';
import { isUuid } from '../../domain/ids.ts';
import { SotError } from '../../errors.ts';
import { COUNT_CAP, publishedJudgment, searchJudgments } from '../../queries/judgments.ts';
import { urls } from '../../urls.ts';
import { JudgmentSearchQuery } from '../public/judgments.tsx';
import { ApiError } from './schemas.ts';

const Names = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });

const JudgmentItem = Type.Object({
  caseNumber: Type.String({ examples: ['7517-26-00-2/1'] }),
  court: Type.Object({ code: Type.String(), name: Names }),
  kind: Type.String({ description: 'Kind of proceedings: civil, administrative, …' }),
  category: Type.String(),
  actKind: Type.String({ description: 'decision, court_order or resolution' }),
  issuedOn: Type.String({ format: 'date' }),
  snippet: Type.String({ description: 'A passage of the depersonalised text around the words searched' }),
  url: Type.String({ description: 'The judgment’s page' }),
});

const JudgmentList = Type.Object(
  {
    items: Type.Array(JudgmentItem),
    next: Type.Union([Type.String(), Type.Null()], { description: 'Opaque cursor of the next page; null on the last' }),
    estimatedTotal: Type.Integer({ description: `Matches counted up to ${COUNT_CAP}; a broader search reports ${COUNT_CAP}` }),
  },
  { $id: 'JudgmentList', description: 'Published, depersonalised judgments in force. No personal data of private persons.' },
);

const Judgment = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    caseNumber: Type.String(),
    court: Type.Object({ code: Type.String(), name: Names }),
    kind: Type.String(),
    category: Type.String(),
    actKind: Type.String(),
    outcome: Type.Union([Type.String(), Type.Null()]),
    issuedOn: Type.String({ format: 'date' }),
    publishedAt: Type.String({ format: 'date-time' }),
    lang: Type.String({ description: 'kk or ru' }),
    text: Type.String({ description: 'The depersonalised text of the act' }),
    url: Type.String(),
  },
  { $id: 'Judgment' },
);

const names = (c: { nameKk: string; nameRu: string; nameEn: string }) => ({ kk: c.nameKk, ru: c.nameRu, en: c.nameEn });

export const publicJudgmentsApi: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/public/judgments',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Search the judgment bank',
        description:
          'Full-text search in Russian (stemmed) and Kazakh (word prefixes; trigram similarity when a single word finds nothing) over published, depersonalised acts in force, with filters. Pages by an opaque `cursor` taken from `next`. Dates as YYYY-MM-DD.',
        querystring: JudgmentSearchQuery,
        response: { 200: JudgmentList, 400: ApiError, 422: ApiError },
      },
    },
    async (request) => {
      const parsed = parseJudgmentSearch(request.query as RawSearch);
      if ('refused' in parsed) throw new SotError(parsed.refused);
      const found = await searchJudgments(app.searchDb, parsed);
      return {
        items: found.items.map((item) => ({
          caseNumber: item.caseNumber,
          court: { code: item.court.code, name: names(item.court) },
          kind: item.caseKind,
          category: item.category,
          actKind: item.actKind,
          issuedOn: item.issuedOn,
          snippet: plainSnippet(item.snippet),
          url: `${app.config.publicUrl}${urls.judgment(item.id)}`,
        })),
        next: found.next ? encodeCursor(found.next) : null,
        estimatedTotal: found.estimatedTotal,
      };
    },
  );

  app.get(
    '/public/judgments/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['public'], summary: 'A published judgment', params: Type.Object({ id: Type.String({ maxLength: 40 }) }), response: { 200: Judgment, 400: ApiError, 404: ApiError } },
    },
    async (request) => {
      const judgment = isUuid(request.params.id) ? await publishedJudgment(app.db, request.params.id) : null;
      if (!judgment) throw new SotError('not_found');
      return {
        id: judgment.id,
        caseNumber: judgment.caseNumber,
        court: { code: judgment.court.code, name: names(judgment.court) },
        kind: judgment.caseKind,
        category: judgment.category,
        actKind: judgment.actKind,
        outcome: judgment.outcome,
        issuedOn: judgment.issuedOn,
        publishedAt: judgment.publishedAt.toISOString(),
        lang: judgment.lang,
        text: judgment.text,
        url: `${app.config.publicUrl}${urls.judgment(judgment.id)}`,
      };
    },
  );
};
