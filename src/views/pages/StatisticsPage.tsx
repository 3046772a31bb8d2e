import { APPEAL_OUTCOMES, electronicShare, periodTotals, type RawStatisticsQuery, type StatisticsQuery } from '../../domain/courtStatistics.ts';
import { formatDateTime, formatMonth, formatNumber, formatPercent } from '../../i18n/format.ts';
import type { StatisticsSeries } from '../../queries/courtStatistics.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { ErrorSummary, Select, SummaryList, Table, TextInput, type FieldError } from '../components/govuk.tsx';
import { BarChart, HorizontalBarChart, LineChart } from '../components/statisticsCharts.tsx';

export interface StatisticsPageProps {
  query: RawStatisticsQuery;
  errors: FieldError[];
  /** The court picker's choices. */
  courts: { code: string; name: string }[];
  /** The court shown; null for the whole country. */
  court: { code: string; name: string } | null;
  period: StatisticsQuery | null;
  series: StatisticsSeries | null;
}

export function StatisticsPage({ query, errors, courts, court, period, series }: StatisticsPageProps) {
  const { t } = useView();
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const openDataQuery = period ? { court: court?.code, from: period.from, to: period.to } : undefined;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{t('statistics.title')}</span>
        <h1 class="govuk-heading-l">{court ? court.name : t('statistics.national')}</h1>
        <p class="govuk-body-l">{t('statistics.lead')}</p>
        <form method="get" action={urls.statistics()} novalidate>
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{t('statistics.filters')}</legend>
            <Select
              id="court"
              name="court"
              label={t('statistics.court')}
              value={court?.code ?? query.court}
              error={errorOf('court')}
              groups={[{ choices: [{ value: '', label: t('statistics.courtAll') }, ...courts.map((c) => ({ value: c.code, label: c.name }))] }]}
            />
            <TextInput id="from" name="from" label={t('statistics.from')} hint={t('statistics.monthHint')} value={query.from ?? period?.from} error={errorOf('from')} classes="govuk-input--width-10" inputmode="numeric" />
            <TextInput id="to" name="to" label={t('statistics.to')} hint={t('statistics.monthHint')} value={query.to ?? period?.to} error={errorOf('to')} classes="govuk-input--width-10" inputmode="numeric" />
          </fieldset>
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('statistics.show')}
          </button>
        </form>
        {period && series && <Figures period={period} series={series} national={court === null} />}
        {period && (
          <>
            <h2 class="govuk-heading-m">{t('statistics.openData')}</h2>
            <p class="govuk-body">{t('statistics.openDataBody')}</p>
            <ul class="govuk-list">
              <li>
                <a class="govuk-link" href={urls.statisticsCsv(openDataQuery)}>
                  {t('statistics.csv')}
                </a>
              </li>
              <li>
                <a class="govuk-link" href={urls.statisticsJson(openDataQuery)}>
                  {t('statistics.json')}
                </a>
              </li>
            </ul>
          </>
        )}
        <h2 class="govuk-heading-m">{t('statistics.definitions')}</h2>
        <ul class="govuk-list govuk-list--bullet">
          <li>{t('statistics.definition.received')}</li>
          <li>{t('statistics.definition.decided')}</li>
          <li>{t('statistics.definition.electronic')}</li>
          <li>{t('statistics.definition.median')}</li>
          <li>{t('statistics.definition.appeals')}</li>
        </ul>
      </div>
    </div>
  );
}

function Figures({ period, series, national }: { period: StatisticsQuery; series: StatisticsSeries; national: boolean }) {
  const { t, lang } = useView();
  const months = series.months;
  const num = (v: number) => formatNumber(v, lang);
  const none = t('statistics.none');
  const from = formatMonth(period.from, lang);
  const to = formatMonth(period.to, lang);
  if (months.length === 0) {
    return (
      <>
        <p class="govuk-body">{t('statistics.period', { from, to })}</p>
        <div class="govuk-inset-text">{t('statistics.notCounted')}</div>
      </>
    );
  }
  const totals = periodTotals(months);
  const share = electronicShare(totals);
  const labels = months.map((m) => formatMonth(m.month, lang, 'short'));
  const sublabels = months.map((m, i) => (i === 0 || m.month.endsWith('-01') ? m.month.slice(0, 4) : null));
  const summary = (title: string) => `${t('statistics.chart.summary', { title, count: months.length, from, to })} ${t('statistics.chartNote')}`;
  const caseload = t('statistics.chart.caseload');
  const electronic = t('statistics.chart.electronic');
  const median = t('statistics.chart.median');
  const appeals = t(national ? 'statistics.chart.appeals' : 'statistics.chart.appealsCourt');
  const appealsTotal = APPEAL_OUTCOMES.reduce((sum, o) => sum + totals.appeals[o], 0);
  return (
    <>
      <p class="govuk-body">{t('statistics.period', { from, to })}</p>
      {series.computedAt && <p class="govuk-body-s">{t('statistics.computedAt', { date: formatDateTime(series.computedAt, lang) })}</p>}
      <h2 class="govuk-heading-m">{t('statistics.totals')}</h2>
      <SummaryList
        rows={[
          { key: t('statistics.totals.received'), value: num(totals.received) },
          { key: t('statistics.totals.decided'), value: num(totals.decided) },
          { key: t('statistics.totals.electronic'), value: share === null ? none : formatPercent(share, lang) },
          { key: t('statistics.totals.appeals'), value: num(appealsTotal) },
        ]}
      />

      <h2 class="govuk-heading-m">{caseload}</h2>
      <BarChart
        id="chart-caseload"
        title={caseload}
        description={summary(caseload)}
        labels={labels}
        sublabels={sublabels}
        formatTick={num}
        series={[
          { name: t('statistics.col.received'), values: months.map((m) => m.received) },
          { name: t('statistics.col.decided'), values: months.map((m) => m.decided) },
        ]}
      />
      <Table caption={caseload} headers={[t('statistics.col.month'), t('statistics.col.received'), t('statistics.col.decided')]}>
        {months.map((m) => (
          <tr class="govuk-table__row" key={m.month}>
            <th scope="row" class="govuk-table__header">
              {formatMonth(m.month, lang)}
            </th>
            <td class="govuk-table__cell govuk-table__cell--numeric">{num(m.received)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{num(m.decided)}</td>
          </tr>
        ))}
      </Table>

      <h2 class="govuk-heading-m">{electronic}</h2>
      <LineChart id="chart-electronic" title={electronic} description={summary(electronic)} labels={labels} sublabels={sublabels} maxValue={1} formatTick={(v) => formatPercent(v, lang)} series={{ name: electronic, values: months.map(electronicShare) }} />
      <Table caption={electronic} headers={[t('statistics.col.month'), t('statistics.col.electronic'), t('statistics.col.paper'), t('statistics.col.share')]}>
        {months.map((m) => {
          const s = electronicShare(m);
          return (
            <tr class="govuk-table__row" key={m.month}>
              <th scope="row" class="govuk-table__header">
                {formatMonth(m.month, lang)}
              </th>
              <td class="govuk-table__cell govuk-table__cell--numeric">{num(m.receivedElectronic)}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{num(m.receivedPaper)}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{s === null ? none : formatPercent(s, lang)}</td>
            </tr>
          );
        })}
      </Table>

      <h2 class="govuk-heading-m">{median}</h2>
      <LineChart id="chart-median" title={median} description={summary(median)} labels={labels} sublabels={sublabels} formatTick={num} series={{ name: median, values: months.map((m) => m.medianDaysToDecision) }} />
      <Table caption={median} headers={[t('statistics.col.month'), t('statistics.col.decided'), t('statistics.col.median')]}>
        {months.map((m) => (
          <tr class="govuk-table__row" key={m.month}>
            <th scope="row" class="govuk-table__header">
              {formatMonth(m.month, lang)}
            </th>
            <td class="govuk-table__cell govuk-table__cell--numeric">{num(m.decided)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{m.medianDaysToDecision === null ? none : num(m.medianDaysToDecision)}</td>
          </tr>
        ))}
      </Table>

      <h2 class="govuk-heading-m">{appeals}</h2>
      <HorizontalBarChart
        id="chart-appeals"
        title={appeals}
        description={`${t('statistics.period', { from, to })}. ${t('statistics.chartNote')}`}
        labels={APPEAL_OUTCOMES.map((o) => t(`statistics.outcome.${o}`))}
        values={APPEAL_OUTCOMES.map((o) => totals.appeals[o])}
        formatValue={num}
      />
      <Table caption={appeals} headers={[t('statistics.col.outcome'), t('statistics.col.count')]}>
        {APPEAL_OUTCOMES.map((o) => (
          <tr class="govuk-table__row" key={o}>
            <th scope="row" class="govuk-table__header">
              {t(`statistics.outcome.${o}`)}
            </th>
            <td class="govuk-table__cell govuk-table__cell--numeric">{num(totals.appeals[o])}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
