import { ALL_CASE_CATEGORIES } from '../../domain/caseKinds.ts';
import { RAW_FIELDS, type RawCaseSearch } from '../../domain/caseSearch.ts';
import { CASE_STATUSES } from '../../domain/caseStatus.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import type { Choice as CourtChoice, FoundCase } from '../../queries/caseSearch.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { CsrfField, ErrorSummary, KeysetPagination, Select, TextInput, type FieldError } from '../components/govuk.tsx';
import { categoryLabel } from '../components/labels.ts';
import { localName } from '../components/names.ts';

export interface CaseSearchResult {
  items: (FoundCase & { href: string })[];
  /** The next page: a link in the cabinet; in the court a form, so an IIN never travels in an address. */
  more: { url: string } | { fields: RawCaseSearch } | null;
  firstUrl: string | null;
  total: number;
  capped: boolean;
}

export interface CaseSearchPageProps {
  audience: 'cabinet' | 'court';
  query: RawCaseSearch;
  errors: FieldError[];
  courts: CourtChoice[];
  judges: { id: string; name: string }[];
  result: CaseSearchResult | null;
}

export function CaseSearchPage({ audience, query, errors, courts, judges, result }: CaseSearchPageProps) {
  const { t, lang } = useView();
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const any = { value: '', label: t('caseSearch.any') };
  const court = audience === 'court';
  const action = court ? urls.courtCaseSearch() : urls.cabinetCaseSearch();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <ErrorSummary errors={errors} />
        <h1 class="govuk-heading-l">{t(court ? 'caseSearch.court.title' : 'caseSearch.cabinet.title')}</h1>
        <p class="govuk-body">{t(court ? 'caseSearch.court.lead' : 'caseSearch.cabinet.lead')}</p>
        <form method={court ? 'post' : 'get'} action={action} novalidate>
          {court && <CsrfField />}
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-half">
              <TextInput id="number" name="number" label={t('caseSearch.number')} hint={t('caseSearch.numberHint')} value={query.number} error={errorOf('number')} spellcheck={false} />
              <TextInput id="name" name="name" label={t(court ? 'caseSearch.name.court' : 'caseSearch.name.cabinet')} hint={t('caseSearch.nameHint')} value={query.name} error={errorOf('name')} spellcheck={false} />
              {court && <TextInput id="iin" name="iin" label={t('caseSearch.iin')} hint={t('caseSearch.iinHint')} value={query.iin} error={errorOf('iin')} classes="govuk-input--width-20" inputmode="numeric" autocomplete="off" spellcheck={false} />}
              {!court && courts.length > 0 && (
                <Select id="court" name="court" label={t('caseSearch.court')} value={query.court} groups={[{ choices: [any, ...courts.map((c) => ({ value: c.value, label: c.names[lang] }))] }]} />
              )}
              {court && <Select id="judge" name="judge" label={t('caseSearch.judge')} value={query.judge} groups={[{ choices: [any, ...judges.map((j) => ({ value: j.id, label: j.name }))] }]} />}
            </div>
            <div class="govuk-grid-column-one-half">
              {court && <Select id="category" name="category" label={t('caseSearch.category')} value={query.category} groups={[{ choices: [any, ...ALL_CASE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))] }]} />}
              <Select id="status" name="status" label={t('caseSearch.status')} value={query.status} groups={[{ choices: [any, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))] }]} />
              <Select
                id="dates"
                name="dates"
                label={t('caseSearch.dates')}
                value={query.dates}
                groups={[{ choices: [{ value: 'filed', label: t('caseSearch.dates.filed') }, { value: 'registered', label: t('caseSearch.dates.registered') }] }]}
              />
              <TextInput id="from" name="from" label={t('caseSearch.from')} hint={t('caseSearch.dateHint')} value={query.from} error={errorOf('from')} classes="govuk-input--width-10" />
              <TextInput id="to" name="to" label={t('caseSearch.to')} hint={t('caseSearch.dateHint')} value={query.to} error={errorOf('to')} classes="govuk-input--width-10" />
            </div>
          </div>
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('caseSearch.submit')}
          </button>
        </form>
        {result && <Results result={result} audience={audience} />}
      </div>
    </div>
  );

  function Results({ result }: { result: CaseSearchResult; audience: 'cabinet' | 'court' }) {
    return (
      <>
        <h2 class="govuk-heading-m" id="results">
          {t(result.capped ? 'caseSearch.resultsMore' : 'caseSearch.results', { count: formatNumber(result.total, lang) })}
        </h2>
        {result.items.length === 0 ? (
          <p class="govuk-body">{t('caseSearch.none')}</p>
        ) : (
          <table class="govuk-table sot-case-results">
            <caption class="govuk-table__caption govuk-visually-hidden">{t('caseSearch.results', { count: formatNumber(result.total, lang) })}</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{t('caseSearch.column.case')}</th>
                <th scope="col" class="govuk-table__header">{t('caseSearch.column.court')}</th>
                <th scope="col" class="govuk-table__header">{t('caseSearch.column.judge')}</th>
                <th scope="col" class="govuk-table__header">{t('caseSearch.column.status')}</th>
                <th scope="col" class="govuk-table__header">{t('caseSearch.column.filed')}</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {result.items.map((c) => (
                <tr class="govuk-table__row" key={c.id}>
                  <td class="govuk-table__cell">
                    <a class="govuk-link sot-case-number" href={c.href}>
                      {c.number ?? t('caseSearch.notRegistered')}
                    </a>
                    <br />
                    <span class="govuk-body-s">{categoryLabel(t, c.category)}</span>
                  </td>
                  <td class="govuk-table__cell">{localName(c.court, lang)}</td>
                  <td class="govuk-table__cell">{c.judgeName ?? '—'}</td>
                  <td class="govuk-table__cell">{t(`status.${c.status}`)}</td>
                  <td class="govuk-table__cell">
                    <time dateTime={c.filedAt.toISOString()}>{formatDate(c.filedAt, lang)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <KeysetPagination
          label={t('caseSearch.more')}
          next={result.more && 'url' in result.more ? { url: result.more.url, label: t('caseSearch.more') } : undefined}
          more={result.more && 'fields' in result.more && <MoreForm fields={result.more.fields} />}
          first={{ url: result.firstUrl, label: t('caseSearch.first') }}
        />
      </>
    );
  }

  function MoreForm({ fields }: { fields: RawCaseSearch }) {
    return (
      <form method="post" action={action} class="govuk-pagination__next">
        <CsrfField />
        {[...RAW_FIELDS, 'cursor' as const].map((field) => (fields[field] ? <input type="hidden" name={field} value={fields[field]} key={field} /> : null))}
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t('caseSearch.more')}
        </button>
      </form>
    );
  }
}
