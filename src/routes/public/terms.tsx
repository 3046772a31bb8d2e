import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { CalendarMissingError, isCalendarDay, type IsoDay } from '../../domain/calendar/workingDays.ts';
import { isoDay } from '../../domain/dateBoxes.ts';
import { PUBLIC_TERMS, isPublicTerm, quoteTerm, type PublicTerm, type TermQuote } from '../../domain/termQuote.ts';
import { SotError } from '../../errors.ts';
import { loadReference } from '../../queries/reference.ts';
import { legalBasis } from '../../i18n/legalReference.ts';
import { ApiError, LegalBasis } from '../api/schemas.ts';
import { TermsPage } from '../../views/pages/TermsPage.tsx';
import type { FieldError } from '../../views/components/govuk.tsx';

const TermQuoteResponse = Type.Object(
  {
    endsOn: Type.String({ format: 'date', description: 'The last day of the term (inclusive), in Kazakhstan', examples: ['2027-01-11'] }),
    basis: Type.String({ description: 'The article that sets the term, in the compact English form; kept for existing clients, read `legalBasis`', examples: ['CPC Art. 403(3)'], deprecated: true }),
    legalBasis: LegalBasis,
    workingDays: Type.Boolean({ description: 'Counted in working days of the court calendar; otherwise in months or days, moved off a day off' }),
  },
  { $id: 'TermQuote' },
);

/** Counts a term against the court calendar as entered; a day beyond it is a clear 422, never a guess. */
async function countTerm(app: Parameters<FastifyPluginAsyncTypebox>[0], term: PublicTerm, from: IsoDay): Promise<TermQuote> {
  const { calendar } = await loadReference(app.db);
  try {
    return quoteTerm(term, from, calendar);
  } catch (error) {
    if (error instanceof CalendarMissingError) throw new SotError('calendar_missing', { year: error.year });
    throw error;
  }
}

/** "Until when can I appeal?": the public calculator page and its API, both on the rules that set terms in cases. */
export const termRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/terms',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        querystring: Type.Object({
          term: Type.Optional(Type.String({ maxLength: 40 })),
          day: Type.Optional(Type.String({ maxLength: 20 })),
          month: Type.Optional(Type.String({ maxLength: 10 })),
          year: Type.Optional(Type.String({ maxLength: 10 })),
        }),
      },
    },
    async (request, reply) => {
      const values = request.query;
      const page = { title: request.t('terms.title'), nav: 'terms' as const };
      const asked = values.term !== undefined || values.day !== undefined;
      if (!asked) return reply.page(page, <TermsPage values={values} errors={[]} quote={null} />);

      const errors: FieldError[] = [];
      const term = values.term && isPublicTerm(values.term) ? values.term : null;
      if (!term) errors.push({ field: 'term', message: request.t('terms.error.term') });
      const from = isoDay(values.day, values.month, values.year);
      if (!from) errors.push({ field: 'from-day', message: request.t('terms.error.from') });
      if (!term || !from) return reply.page({ ...page, title: `${request.t('error.title')}: ${page.title}`, status: 400 }, <TermsPage values={values} errors={errors} quote={null} />);
      try {
        const quote = await countTerm(app, term, from as IsoDay);
        return reply.page(page, <TermsPage values={values} errors={[]} quote={quote} />);
      } catch (error) {
        if (!(error instanceof SotError)) throw error;
        const message = calendarMessage(request, error);
        return reply.page({ ...page, title: `${request.t('error.title')}: ${page.title}`, status: error.status }, <TermsPage values={values} errors={[{ field: 'from-day', message }]} quote={null} />);
      }
    },
  );

  app.get(
    '/api/v1/terms/quote',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'The last day of a procedural term',
        description:
          '`from` is the day of the event the term runs from (counting starts the next day). A term whose last day is not a working day ends on the next working day. ' +
          'Computed with the court calendar and the rules that set terms in cases. 422 `calendar_missing` when the term reaches a year whose calendar is not entered yet.',
        querystring: Type.Object({
          term: Type.Enum(PUBLIC_TERMS),
          from: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, a day in Kazakhstan', examples: ['2026-12-23'] }),
        }),
        response: { 200: TermQuoteResponse, 400: ApiError, 422: ApiError },
      },
    },
    async (request) => {
      const { term, from } = request.query;
      if (!isCalendarDay(from)) throw new SotError('invalid_request', { detail: 'from is not a calendar date' });
      const quote = await countTerm(app, term, from);
      return { ...quote, legalBasis: legalBasis(quote.basis, request.lang) };
    },
  );
};

function calendarMessage(request: FastifyRequest, error: SotError): string {
  return error.code === 'calendar_missing' ? request.t('proceedings.error.calendarMissing', error.params) : request.t('terms.error.from');
}
