import { CASELOAD_ORDERS, CASELOAD_SHOWS, CASELOAD_SORTS, daysLeft, type CaseloadSort, type CaseloadView } from '../../../domain/caseloadView.ts';
import { formatCourtDay, formatDate, formatDateTime } from '../../../i18n/format.ts';
import { citeArticle } from '../../../i18n/legalReference.ts';
import type { CaseloadRow } from '../../../queries/caseload.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { termLabel } from '../../components/caseFile.tsx';
import { Select } from '../../components/govuk.tsx';
import { categoryLabel } from '../../components/labels.ts';

/**
 * The judge's cases in progress with each one's nearest open term. The form and the column
 * headers are plain GET links and a submit button (MOJ sortable table without its script), so
 * sorting and filtering work without JavaScript and every view has its own address.
 */
export function Caseload({ rows, bounded, view, today }: { rows: CaseloadRow[]; bounded: boolean; view: CaseloadView; today: string }) {
  const { t } = useView();
  return (
    <section aria-labelledby="caseload">
      <h2 class="govuk-heading-l" id="caseload">
        {t('proceedings.judge.caseload')}
      </h2>
      <form method="get" action="/judge/cases#caseload" novalidate>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('judge.terms.legend')}</legend>
          <div class="sot-filter-row">
            <Select id="caseload-show" name="show" label={t('judge.terms.show')} value={view.show} groups={[{ choices: CASELOAD_SHOWS.map((show) => ({ value: show, label: t(`judge.terms.show.${show}`) })) }]} />
            <Select id="caseload-sort" name="sort" label={t('judge.terms.sort')} value={view.sort} groups={[{ choices: CASELOAD_SORTS.map((sort) => ({ value: sort, label: t(`judge.terms.sort.${sort}`) })) }]} />
            <Select id="caseload-order" name="order" label={t('judge.terms.order')} value={view.order} groups={[{ choices: CASELOAD_ORDERS.map((order) => ({ value: order, label: t(`judge.terms.order.${order}`) })) }]} />
          </div>
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t('judge.terms.apply')}
          </button>
        </fieldset>
      </form>
      {rows.length === 0 ? (
        <p class="govuk-body">{view.show === 'all' ? t('proceedings.judge.caseloadEmpty') : t('judge.terms.empty')}</p>
      ) : (
        <CaseloadTable rows={rows} view={view} today={today} />
      )}
      {bounded && <p class="govuk-body">{t('judge.terms.bounded', { count: rows.length })}</p>}
    </section>
  );
}

function CaseloadTable({ rows, view, today }: { rows: CaseloadRow[]; view: CaseloadView; today: string }) {
  const { t, lang } = useView();
  const sortable = (sort: CaseloadSort, label: string) => {
    const current = view.sort === sort;
    // A second click on the sorted column reverses it, as in the MOJ sortable table.
    const order = current && view.order === 'asc' ? 'desc' : 'asc';
    return (
      <th scope="col" class="govuk-table__header" aria-sort={current ? (view.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <a class="govuk-link" href={urls.judgeCaseload({ sort, order, show: view.show })}>
          {label}
        </a>
      </th>
    );
  };
  return (
    <table class="govuk-table" id="caseload-table">
      <caption class="govuk-table__caption govuk-visually-hidden">{t('proceedings.judge.caseload')}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {sortable('number', t('caseStatus.number.label'))}
          {sortable('filed', t('judge.terms.filed'))}
          <th scope="col" class="govuk-table__header">
            {t('caseStatus.status')}
          </th>
          <th scope="col" class="govuk-table__header">
            {t('proceedings.judge.nextHearing')}
          </th>
          {sortable('due', t('proceedings.judge.nextDue'))}
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {rows.map((row) => (
          <tr class="govuk-table__row" key={row.caseId}>
            <td class="govuk-table__cell">
              <a class="govuk-link sot-case-number" href={urls.judgeCase(row.caseId)}>
                {row.number}
              </a>
              <span class="govuk-hint govuk-!-margin-bottom-0 sot-block">{categoryLabel(t, row.category)}</span>
            </td>
            <td class="govuk-table__cell">{formatDate(row.filedAt, lang)}</td>
            <td class="govuk-table__cell">{t(`status.${row.status}`)}</td>
            <td class="govuk-table__cell">{row.nextHearingMs ? formatDateTime(new Date(Number(row.nextHearingMs)), lang) : '—'}</td>
            <td class="govuk-table__cell">{row.termKind && row.termDue ? <NearestTerm kind={row.termKind} due={row.termDue} article={row.termArticle ?? ''} today={today} /> : t('judge.terms.none')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The term, its last day and how far off it is; an overdue one says so in words as well as in red. */
function NearestTerm({ kind, due, article, today }: { kind: string; due: string; article: string; today: string }) {
  const { t, lang } = useView();
  const days = daysLeft(today, due);
  return (
    <>
      <span class="sot-block">{termLabel(t, kind)}</span>
      <span class="sot-block">
        <time dateTime={due}>{formatCourtDay(due, lang)}</time>
      </span>
      {days < 0 ? (
        <strong class="govuk-tag govuk-tag--red">
          {t('judge.terms.overdue')} {t('judge.terms.overdueBy', { days: -days })}
        </strong>
      ) : days === 0 ? (
        <strong class="govuk-tag govuk-tag--orange">{t('judge.terms.today')}</strong>
      ) : (
        <span class="sot-block">{t('judge.terms.left', { days })}</span>
      )}
      <span class="govuk-hint govuk-!-margin-bottom-0 sot-block">{citeArticle(article, lang)}</span>
    </>
  );
}
