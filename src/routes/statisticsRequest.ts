/**
 * What the statistics page, its open data and the API share: the query string, reading it into a
 * court and a period, and the JSON document.
 */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { monthOfDay, openDataRows, parseStatisticsQuery, type RawStatisticsQuery, type StatisticsQuery, type StatisticsRefusal } from '../domain/courtStatistics.ts';
import { courtDateIso } from '../i18n/format.ts';
import { statisticsSeries, type StatisticsSeries } from '../queries/courtStatistics.ts';
import { findCourtByCode, type Court } from '../queries/courts.ts';

const text = Type.Optional(Type.String({ maxLength: 100 }));

/** The query string of the page, the open data and the API. Malformed values are refused with a message, not a bare schema error. */
export const StatisticsQueryString = Type.Object({
  court: Type.Optional(Type.String({ maxLength: 100, description: "A court's 4-digit code; without it, the whole country", examples: ['7517'] })),
  from: Type.Optional(Type.String({ maxLength: 100, description: 'First month, YYYY-MM; by default 11 months before `to`', examples: ['2026-01'] })),
  to: Type.Optional(Type.String({ maxLength: 100, description: 'Last month, YYYY-MM; by default the current month. At most 24 months in all', examples: ['2026-12'] })),
});

export const PeriodQueryString = Type.Object({ from: text, to: text });

export type StatisticsAnswer =
  | { refused: StatisticsRefusal; field: 'court' | 'from' | 'to' }
  | { query: StatisticsQuery; court: Court | null; series: StatisticsSeries };

/** Reads the court and the period, and the precounted figures; a court code nobody has is refused like a malformed one. */
export async function answerStatistics(app: FastifyInstance, raw: RawStatisticsQuery): Promise<StatisticsAnswer> {
  const parsed = parseStatisticsQuery(raw, monthOfDay(courtDateIso(app.clock())));
  if ('refused' in parsed) return { refused: parsed.refused, field: fieldOf(parsed.refused, raw) };
  const court = parsed.court === null ? null : ((await findCourtByCode(app.readDb, parsed.court))?.court ?? null);
  if (parsed.court !== null && !court) return { refused: 'statistics_invalid_court', field: 'court' };
  return { query: parsed, court, series: await statisticsSeries(app.readDb, court?.id ?? null, parsed.from, parsed.to) };
}

function fieldOf(refusal: StatisticsRefusal, raw: RawStatisticsQuery): 'court' | 'from' | 'to' {
  if (refusal === 'statistics_invalid_court') return 'court';
  if (refusal === 'statistics_invalid_month' && raw.to && !/^\d{4}-(0[1-9]|1[0-2])$/.test(raw.to.trim())) return 'to';
  return 'from';
}

const Row = Type.Object({
  court: Type.String({ description: "The court's code, or KZ for the whole country", examples: ['7517'] }),
  month: Type.String({ description: 'YYYY-MM, court time (Asia/Almaty)', examples: ['2026-03'] }),
  received: Type.Integer({ description: 'Cases registered in the month' }),
  received_electronic: Type.Integer({ description: 'Of those, started by a filing through Sot' }),
  received_paper: Type.Integer({ description: 'Of those, started by a paper filing at the court office' }),
  electronic_share: Type.Union([Type.Number(), Type.Null()], { description: 'received_electronic / (received_electronic + received_paper); null when neither is known' }),
  decided: Type.Integer({ description: 'Cases whose first decision, court order or resolution was issued in the month' }),
  median_days_to_decision: Type.Union([Type.Number(), Type.Null()], { description: 'Median of the days from registration to that act; null when none was decided' }),
  appeals_upheld: Type.Integer(),
  appeals_changed: Type.Integer(),
  appeals_reversed: Type.Integer({ description: 'The decision cancelled' }),
  appeals_sent_back: Type.Integer({ description: 'Sent back for a new hearing' }),
});

const Names = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });

export const StatisticsDocument = Type.Object(
  {
    court: Type.Union([Type.Object({ code: Type.String(), name: Names }), Type.Null()], { description: 'Null for the whole country' }),
    from: Type.String({ examples: ['2026-01'] }),
    to: Type.String({ examples: ['2026-12'] }),
    computed_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When the newest figures were counted; they are counted every night' }),
    rows: Type.Array(Row, { description: 'One per month counted; a month not counted yet is absent' }),
  },
  { $id: 'CourtStatistics', description: 'Court statistics per month: counts of cases, no personal data. Column names are stable.' },
);

export function statisticsDocument(answer: Extract<StatisticsAnswer, { query: StatisticsQuery }>) {
  const { court, query, series } = answer;
  return {
    court: court ? { code: court.code, name: { kk: court.nameKk, ru: court.nameRu, en: court.nameEn } } : null,
    from: query.from,
    to: query.to,
    computed_at: series.computedAt?.toISOString() ?? null,
    rows: openDataRows(court?.code ?? null, series.months),
  };
}
