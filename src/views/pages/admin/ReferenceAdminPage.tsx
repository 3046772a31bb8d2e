import { CALENDAR_ROW_KINDS, type CalendarRow } from '../../../domain/calendar/holidays.ts';
import { CLAIMANT_TYPES } from '../../../domain/filingTypes.ts';
import { THRESHOLD_KEYS } from '../../../domain/thresholds.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { formatCourtDay, formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { citeArticle } from '../../../i18n/legalReference.ts';
import type { EnteredBy, ReferenceOverview } from '../../../queries/referenceAdmin.ts';
import { useView } from '../../context.ts';
import { CsrfField, DateInput, ErrorSummary, Radios, Select, SuccessBanner, Table, TextInput, type FieldError } from '../../components/govuk.tsx';
import { AdminNav } from './AdminNav.tsx';

/** The form the page was sent back with, and its values as typed. */
export type ReferenceForm = 'mci' | 'day' | 'remove' | 'threshold';

export interface ReferenceAdminPageProps {
  overview: ReferenceOverview;
  saved?: boolean;
  form?: ReferenceForm | undefined;
  errors?: FieldError[];
  values?: Record<string, string | undefined>;
}

/** Where administrators keep the MCI, the court calendar and the dated limits, each with its act. */
export function ReferenceAdminPage({ overview, saved, form, errors = [], values = {} }: ReferenceAdminPageProps) {
  const { t } = useView();
  const own = (name: ReferenceForm) => (form === name ? values : {});
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      <AdminNav current="reference" />
      <ErrorSummary errors={errors} />
      {saved && <SuccessBanner title={t('profile.notice.title')} message={t('reference.saved')} />}
      <h1 class="govuk-heading-xl">{t('reference.title')}</h1>
      <p class="govuk-body">{t('reference.lead')}</p>
      <ul class="govuk-list">
        {(
          [
            ['#mci-title', 'reference.mci.title'],
            ['#calendar-title', 'reference.calendar.title'],
            ['#threshold-title', 'reference.threshold.title'],
            ['#changes-title', 'reference.changes.title'],
          ] as const
        ).map(([href, key]) => (
          <li key={href}>
            <a class="govuk-link" href={href}>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>

      <MciSection overview={overview} values={own('mci')} errorOf={errorOf} />
      <CalendarSection overview={overview} values={own('day')} removeValues={own('remove')} errorOf={errorOf} />
      <ThresholdSection overview={overview} values={own('threshold')} errorOf={errorOf} />
      <ChangesSection overview={overview} />
    </>
  );
}

type SectionProps = { overview: ReferenceOverview; values: Record<string, string | undefined>; errorOf: (field: string) => string | undefined };

function Entered({ entered }: { entered: EnteredBy }) {
  const { t, lang } = useView();
  return (
    <>
      {entered.name ?? t('reference.entered.system')}
      <br />
      <span class="govuk-body-s">{formatDateTime(entered.at, lang)}</span>
    </>
  );
}

function BasisInput({ id, value, error }: { id: string; value: string | undefined; error: string | undefined }) {
  const { t } = useView();
  return <TextInput id={id} name="basis" label={t('reference.basis')} hint={t('reference.basis.hint')} value={value} error={error} />;
}

function MciSection({ overview, values, errorOf }: SectionProps) {
  const { t, lang } = useView();
  return (
    <section aria-labelledby="mci-title">
      <h2 class="govuk-heading-l" id="mci-title">
        {t('reference.mci.title')}
      </h2>
      <p class="govuk-body">{t('reference.mci.lead')}</p>
      <Table caption={t('reference.mci.title')} headers={[t('reference.mci.year'), t('reference.mci.tenge'), t('reference.basis'), t('reference.column.entered')]}>
        {overview.mci.map((row) => (
          <tr class="govuk-table__row" key={row.year}>
            <td class="govuk-table__cell">{row.year}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{formatNumber(row.tenge, lang)} ₸</td>
            <td class="govuk-table__cell">{citeArticle(row.basis, lang)}</td>
            <td class="govuk-table__cell">
              <Entered entered={row.entered} />
            </td>
          </tr>
        ))}
      </Table>
      <form method="post" action="/admin/reference/mci" novalidate>
        <CsrfField />
        <TextInput id="mci-year" name="year" label={t('reference.mci.year')} value={values['year']} error={errorOf('mci-year')} classes="govuk-input--width-4" inputmode="numeric" />
        <TextInput id="mci-tenge" name="tenge" label={t('reference.mci.tenge')} hint={t('reference.mci.tenge.hint')} value={values['tenge']} error={errorOf('mci-tenge')} classes="govuk-input--width-10" inputmode="numeric" />
        <BasisInput id="mci-basis" value={values['basis']} error={errorOf('mci-basis')} />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {t('reference.mci.submit')}
        </button>
      </form>
    </section>
  );
}

/** A holiday the law names is shown in the reader's language; an operator's own words as typed. */
function dayName(t: (key: MessageKey) => string, row: CalendarRow): string {
  const key = `reference.holiday.${row.name}`;
  return key in HOLIDAY_KEYS ? t(key as MessageKey) : row.name;
}

const HOLIDAY_KEYS: Record<string, true> = Object.fromEntries(
  ['new_year', 'orthodox_christmas', 'womens_day', 'nauryz', 'unity_day', 'defender_day', 'victory_day', 'kurban_ait', 'capital_day', 'constitution_day', 'republic_day', 'independence_day'].map((name) => [`reference.holiday.${name}`, true]),
);

function CalendarSection({ overview, values, removeValues, errorOf }: SectionProps & { removeValues: Record<string, string | undefined> }) {
  const { t, lang } = useView();
  const { year, days } = overview.calendar;
  const years = [...new Set([...overview.calendarYears, year, new Date().getFullYear() + 1])].sort((a, b) => a - b);
  return (
    <section aria-labelledby="calendar-title">
      <h2 class="govuk-heading-l" id="calendar-title">
        {t('reference.calendar.title')}
      </h2>
      <p class="govuk-body">{t('reference.calendar.lead')}</p>
      <form method="get" action="/admin/reference" class="sot-inline-form">
        <Select id="calendar-year" name="year" label={t('reference.calendar.year')} value={String(year)} groups={[{ choices: years.map((y) => ({ value: String(y), label: String(y) })) }]} />
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t('reference.calendar.show')}
        </button>
      </form>
      {days === null ? (
        <div class="govuk-inset-text">{t('reference.calendar.missing', { year })}</div>
      ) : (
        <Table caption={t('reference.calendar.caption', { year })} headers={[t('reference.calendar.date'), t('reference.calendar.kind'), t('reference.calendar.name'), t('reference.basis')]}>
          {days.map((row) => (
            <tr class="govuk-table__row" key={row.date}>
              <td class="govuk-table__cell">{formatCourtDay(row.date, lang)}</td>
              <td class="govuk-table__cell">{t(`reference.kind.${row.kind}`)}</td>
              <td class="govuk-table__cell">{dayName(t, row)}</td>
              <td class="govuk-table__cell">{row.derived ? <span class="govuk-hint govuk-!-margin-bottom-0">{t('reference.calendar.derived')}</span> : row.basis}</td>
            </tr>
          ))}
        </Table>
      )}
      <h3 class="govuk-heading-m">{t('reference.calendar.add')}</h3>
      <form method="post" action="/admin/reference/calendar" novalidate>
        <CsrfField />
        <DayInput prefix="day" legend={t('reference.calendar.date')} values={values} error={errorOf('day-day')} />
        <Radios
          id="day-kind"
          name="kind"
          legend={t('reference.calendar.kind')}
          value={values['kind']}
          error={errorOf('day-kind')}
          choices={CALENDAR_ROW_KINDS.map((kind) => ({ value: kind, label: t(`reference.kind.${kind}`) }))}
        />
        <TextInput id="day-name" name="name" label={t('reference.calendar.name.label')} hint={t('reference.calendar.name.hint')} value={values['name']} error={errorOf('day-name')} />
        <div class="govuk-form-group">
          <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            <div class="govuk-checkboxes__item">
              <input class="govuk-checkboxes__input" id="day-religious" name="religious" type="checkbox" value="on" checked={values['religious'] === 'on'} />
              <label class="govuk-label govuk-checkboxes__label" for="day-religious">
                {t('reference.calendar.religious')}
              </label>
            </div>
          </div>
        </div>
        <BasisInput id="day-basis" value={values['basis']} error={errorOf('day-basis')} />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {t('reference.calendar.submit')}
        </button>
      </form>
      <h3 class="govuk-heading-m">{t('reference.calendar.remove')}</h3>
      <form method="post" action="/admin/reference/calendar/remove" novalidate>
        <CsrfField />
        <DayInput prefix="remove" legend={t('reference.calendar.date')} values={removeValues} error={errorOf('remove-day')} />
        <TextInput id="remove-basis" name="basis" label={t('reference.calendar.removeReason')} hint={t('reference.basis.hint')} value={removeValues['basis']} error={errorOf('remove-basis')} />
        <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
          {t('reference.calendar.remove.submit')}
        </button>
      </form>
    </section>
  );
}

function DayInput({ prefix, legend, values, error, names = ['day', 'month', 'year'] }: { prefix: string; legend: string; values: Record<string, string | undefined>; error: string | undefined; names?: [string, string, string] }) {
  const { t } = useView();
  return (
    <DateInput
      id={prefix}
      legend={legend}
      hint={t('reference.calendar.add.hint')}
      error={error}
      boxes={[
        { id: `${prefix}-day`, name: names[0], value: values[names[0]] },
        { id: `${prefix}-month`, name: names[1], value: values[names[1]] },
        { id: `${prefix}-year`, name: names[2], value: values[names[2]] },
      ]}
    />
  );
}

function ThresholdSection({ overview, values, errorOf }: SectionProps) {
  const { t, lang } = useView();
  return (
    <section aria-labelledby="threshold-title">
      <h2 class="govuk-heading-l" id="threshold-title">
        {t('reference.threshold.title')}
      </h2>
      <p class="govuk-body">{t('reference.threshold.lead')}</p>
      <Table
        caption={t('reference.threshold.title')}
        headers={[t('reference.threshold.key'), t('reference.threshold.claimant'), t('reference.threshold.mci'), t('reference.threshold.from'), t('reference.threshold.to'), t('reference.basis'), t('reference.column.entered')]}
      >
        {overview.thresholds.map((row) => (
          <tr class="govuk-table__row" key={`${row.key}:${row.claimantType}:${row.from}`}>
            <td class="govuk-table__cell">{t(`reference.threshold.key.${row.key as (typeof THRESHOLD_KEYS)[number]}`)}</td>
            <td class="govuk-table__cell">{t(`reference.threshold.claimant.${row.claimantType as (typeof CLAIMANT_TYPES)[number]}`)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{formatNumber(row.mci, lang)}</td>
            <td class="govuk-table__cell">{formatCourtDay(row.from, lang)}</td>
            <td class="govuk-table__cell">{row.to ? formatCourtDay(row.to, lang) : t('reference.threshold.open')}</td>
            <td class="govuk-table__cell">{citeArticle(row.basis, lang)}</td>
            <td class="govuk-table__cell">
              <Entered entered={row.entered} />
            </td>
          </tr>
        ))}
      </Table>
      <form method="post" action="/admin/reference/threshold" novalidate>
        <CsrfField />
        <Select
          id="threshold-key"
          name="key"
          label={t('reference.threshold.key')}
          value={values['key']}
          error={errorOf('threshold-key')}
          groups={[{ choices: THRESHOLD_KEYS.map((key) => ({ value: key, label: t(`reference.threshold.key.${key}`) })) }]}
        />
        <Select
          id="threshold-claimant"
          name="claimantType"
          label={t('reference.threshold.claimant')}
          value={values['claimantType']}
          groups={[{ choices: CLAIMANT_TYPES.map((type) => ({ value: type, label: t(`reference.threshold.claimant.${type}`) })) }]}
        />
        <TextInput id="threshold-mci" name="mci" label={t('reference.threshold.mci')} value={values['mci']} error={errorOf('threshold-mci')} classes="govuk-input--width-10" inputmode="numeric" />
        <DayInput prefix="threshold-from" legend={t('reference.threshold.from')} values={values} error={errorOf('threshold-from-day')} names={['fromDay', 'fromMonth', 'fromYear']} />
        <DayInput prefix="threshold-to" legend={t('reference.threshold.to')} values={values} error={undefined} names={['toDay', 'toMonth', 'toYear']} />
        <p class="govuk-hint">{t('reference.threshold.to.hint')}</p>
        <BasisInput id="threshold-basis" value={values['basis']} error={errorOf('threshold-basis')} />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {t('reference.threshold.submit')}
        </button>
      </form>
    </section>
  );
}

const ACTIONS = ['seeded', 'mci_set', 'calendar_day_set', 'calendar_day_removed', 'threshold_set'] as const;

function ChangesSection({ overview }: { overview: ReferenceOverview }) {
  const { t, lang } = useView();
  if (overview.changes.length === 0) return null;
  return (
    <section aria-labelledby="changes-title">
      <h2 class="govuk-heading-l" id="changes-title">
        {t('reference.changes.title')}
      </h2>
      <Table caption={t('reference.changes.title')} headers={[t('reference.changes.when'), t('reference.changes.who'), t('reference.changes.what'), t('reference.basis')]}>
        {overview.changes.map((change, i) => {
          const action = change.action.replace(/^reference\./, '') as (typeof ACTIONS)[number];
          return (
            <tr class="govuk-table__row" key={i}>
              <td class="govuk-table__cell">{formatDateTime(change.at, lang)}</td>
              <td class="govuk-table__cell">{change.by ?? t('reference.entered.system')}</td>
              <td class="govuk-table__cell">
                {ACTIONS.includes(action) ? t(`reference.action.${action}`) : change.action} {action === 'seeded' ? '' : change.entityId}
              </td>
              <td class="govuk-table__cell">{change.basis ?? '—'}</td>
            </tr>
          );
        })}
      </Table>
    </section>
  );
}
