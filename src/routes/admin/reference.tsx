import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { removeCalendarDay, setCalendarDay, setMci, setThreshold } from '../../commands/reference.ts';
import type { CalendarRowKind } from '../../domain/calendar/holidays.ts';
import { isoDay } from '../../domain/dateBoxes.ts';
import type { ClaimantType } from '../../domain/filingTypes.ts';
import type { ThresholdKey } from '../../domain/thresholds.ts';
import { ERRORS, SotError, type ErrorCode } from '../../errors.ts';
import { courtDateIso, courtYear } from '../../i18n/format.ts';
import { referenceOverview } from '../../queries/referenceAdmin.ts';
import { urls } from '../../urls.ts';
import { ReferenceAdminPage, type ReferenceForm } from '../../views/pages/admin/ReferenceAdminPage.tsx';

type Values = Record<string, string | undefined>;

/** Which field of each form an error belongs to, so the summary links to it. */
const FIELD_OF: Record<ReferenceForm, Partial<Record<ErrorCode, string>>> = {
  mci: { reference_year_invalid: 'mci-year', reference_amount_invalid: 'mci-tenge', reference_basis_required: 'mci-basis' },
  day: {
    reference_day_invalid: 'day-day',
    reference_year_invalid: 'day-day',
    reference_day_kind_invalid: 'day-kind',
    reference_working_day_not_weekend: 'day-day',
    reference_day_off_on_weekend: 'day-day',
    reference_basis_required: 'day-basis',
  },
  remove: { reference_day_invalid: 'remove-day', not_found: 'remove-day', reference_basis_required: 'remove-basis' },
  threshold: { reference_threshold_invalid: 'threshold-key', reference_amount_invalid: 'threshold-mci', reference_period_invalid: 'threshold-from-day', reference_basis_required: 'threshold-basis' },
};

const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));

/** "4 325" or "4325" as typed, or NaN for anything that is not a whole number; the command says what is wrong. */
function wholeNumber(typed: string | undefined): number {
  const digits = (typed ?? '').replace(/\s+/g, '');
  return /^\d{1,9}$/.test(digits) ? Number(digits) : NaN;
}
const DayBoxes = { day: text(20), month: text(10), year: text(10) };

/** The administrators' page for the values of the law; every change is a POST that comes back here. */
export const referenceAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const access = { access: ['system_admin', 'court_admin'] as const };

  async function show(request: FastifyRequest, reply: FastifyReply, options: { year?: number; saved?: boolean; form?: ReferenceForm; error?: SotError; values?: Values }) {
    const now = app.clock();
    const overview = await referenceOverview(app.db, options.year ?? courtYear(now), courtDateIso(now));
    const { error, form } = options;
    const errors = error && form ? [{ field: FIELD_OF[form][error.code] ?? Object.values(FIELD_OF[form])[0]!, message: request.t(ERRORS[error.code].message, error.params) }] : [];
    return reply.page(
      { title: errors.length ? `${request.t('error.title')}: ${request.t('reference.title')}` : request.t('reference.title'), nav: 'admin', ...(error ? { status: error.status } : {}) },
      <ReferenceAdminPage overview={overview} saved={options.saved ?? false} form={form} errors={errors} values={options.values ?? {}} />,
    );
  }

  /** Runs a change; a refusal comes back on the page with what was typed, anything else is not ours to catch. */
  async function change(request: FastifyRequest, reply: FastifyReply, form: ReferenceForm, values: Values, run: () => Promise<void>, year?: number) {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof SotError) || !(error.code in FIELD_OF[form])) throw error;
      return show(request, reply, { form, error, values, ...(year ? { year } : {}) });
    }
    return reply.redirect(`${urls.referenceAdmin(year)}${year ? '&' : '?'}saved=1`, 303);
  }

  /** A change to one day of the court calendar, typed in the date boxes; the page comes back at that day's year. */
  function changeDay(request: FastifyRequest, reply: FastifyReply, form: 'day' | 'remove', body: Values, run: (date: string) => Promise<unknown>) {
    const date = isoDay(body['day'], body['month'], body['year']);
    const refuseOrRun = async () => {
      if (!date) throw new SotError('reference_day_invalid');
      await run(date);
    };
    return change(request, reply, form, body, refuseOrRun, date ? Number(date.slice(0, 4)) : undefined);
  }

  app.get(
    '/admin/reference',
    { config: access, schema: { hide: true, querystring: Type.Object({ year: Type.Optional(Type.String({ pattern: '^\\d{4}$' })), saved: text(5) }) } },
    async (request, reply) => show(request, reply, { saved: request.query.saved === '1', ...(request.query.year ? { year: Number(request.query.year) } : {}) }),
  );

  app.post(
    '/admin/reference/mci',
    { config: access, schema: { hide: true, body: Type.Object({ _csrf: text(200), year: text(10), tenge: text(20), basis: text(1000) }) } },
    async (request, reply) => {
      const { year, tenge, basis = '' } = request.body;
      return change(request, reply, 'mci', request.body, () => setMci(app.db, request.principal!, { year: wholeNumber(year), tenge: wholeNumber(tenge), basis }, app.clock()));
    },
  );

  app.post(
    '/admin/reference/calendar',
    { config: access, schema: { hide: true, body: Type.Object({ _csrf: text(200), ...DayBoxes, kind: text(40), name: text(200), religious: text(5), basis: text(1000) }) } },
    async (request, reply) => {
      const { kind = '', name, religious, basis = '' } = request.body;
      return changeDay(request, reply, 'day', request.body, (date) => setCalendarDay(app.db, request.principal!, { day: date, kind: kind as CalendarRowKind, name, religious: religious === 'on', basis }, app.clock()));
    },
  );

  app.post(
    '/admin/reference/calendar/remove',
    { config: access, schema: { hide: true, body: Type.Object({ _csrf: text(200), ...DayBoxes, basis: text(1000) }) } },
    async (request, reply) => changeDay(request, reply, 'remove', request.body, (date) => removeCalendarDay(app.db, request.principal!, date, request.body.basis ?? '', app.clock())),
  );

  app.post(
    '/admin/reference/threshold',
    {
      config: access,
      schema: {
        hide: true,
        body: Type.Object({ _csrf: text(200), key: text(60), claimantType: text(20), mci: text(20), fromDay: text(20), fromMonth: text(10), fromYear: text(10), toDay: text(20), toMonth: text(10), toYear: text(10), basis: text(1000) }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const from = isoDay(body.fromDay, body.fromMonth, body.fromYear);
      const toTyped = [body.toDay, body.toMonth, body.toYear].some((box) => box?.trim());
      const to = toTyped ? isoDay(body.toDay, body.toMonth, body.toYear) : undefined;
      const mci = wholeNumber(body.mci);
      return change(request, reply, 'threshold', body, async () => {
        if (!from || to === null) throw new SotError('reference_period_invalid');
        await setThreshold(app.db, request.principal!, { key: (body.key ?? '') as ThresholdKey, claimantType: (body.claimantType ?? '') as ClaimantType, mci, from, to, basis: body.basis ?? '' }, app.clock());
      });
    },
  );
};
