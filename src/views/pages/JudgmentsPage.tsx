import { CASE_KINDS } from '../../domain/caseKinds.ts';
import { REVIEW_OUTCOMES } from '../../domain/courtActs.ts';
import { BANK_ACT_KINDS, snippetParts, type RawSearch } from '../../domain/judgmentSearch.ts';
import { formatCourtDay, formatDate, formatNumber } from '../../i18n/format.ts';
import type { JudgmentHit, PublicJudgment } from '../../queries/judgments.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { ErrorSummary, KeysetPagination, Select, SummaryList, TextInput, type FieldError } from '../components/govuk.tsx';
import { categoryLabel, levelLabel } from '../components/labels.ts';
import { localName } from '../components/names.ts';

export interface JudgmentsPageProps {
  query: RawSearch;
  errors: FieldError[];
  result: { items: JudgmentHit[]; nextUrl: string | null; firstUrl: string | null; total: number; capped: boolean } | null;
}

/** A snippet with the search's hits marked; every part is text, escaped by the renderer. */
function Snippet({ snippet }: { snippet: string }) {
  return (
    <p class="govuk-body sot-snippet">
      {snippetParts(snippet).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}
    </p>
  );
}

const actTitle = (t: ReturnType<typeof useView>['t'], actKind: string) => ((BANK_ACT_KINDS as readonly string[]).includes(actKind) ? t(`proceedings.actKind.${actKind as (typeof BANK_ACT_KINDS)[number]}`) : actKind);

export function JudgmentsPage({ query, errors, result }: JudgmentsPageProps) {
  const { t, lang } = useView();
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const any = { value: '', label: t('judgments.any') };
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <ErrorSummary errors={errors} />
        <h1 class="govuk-heading-l">{t('judgments.title')}</h1>
        <p class="govuk-body-l">{t('judgments.lead')}</p>
        <form method="get" action={urls.judgments()} novalidate>
          <TextInput id="q" name="q" label={t('judgments.q')} hint={t('judgments.qHint')} value={query.q} error={errorOf('q')} spellcheck={false} />
          <details class="govuk-details" open={Boolean(query.court || query.level || query.kind || query.act || query.outcome || query.from || query.to || errors.length)}>
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">{t('judgments.filters')}</span>
            </summary>
            <div class="govuk-details__text">
              <TextInput id="court" name="court" label={t('judgments.court')} hint={t('judgments.courtHint')} value={query.court} classes="govuk-input--width-4" inputmode="numeric" />
              <Select id="level" name="level" label={t('judgments.level')} value={query.level} groups={[{ choices: [any, ...[1, 2, 3, 4].map((l) => ({ value: String(l), label: levelLabel(t, l) }))] }]} />
              <Select id="kind" name="kind" label={t('judgments.kind')} value={query.kind} groups={[{ choices: [any, ...CASE_KINDS.map((k) => ({ value: k, label: t(`caseKind.${k}`) }))] }]} />
              <Select id="act" name="act" label={t('judgments.act')} value={query.act} groups={[{ choices: [any, ...BANK_ACT_KINDS.map((k) => ({ value: k, label: t(`proceedings.actKind.${k}`) }))] }]} />
              <Select id="outcome" name="outcome" label={t('judgments.outcome')} value={query.outcome} groups={[{ choices: [any, ...REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`proceedings.outcome.${o}`) }))] }]} />
              <TextInput id="from" name="from" label={t('judgments.from')} hint={t('judgments.dateHint')} value={query.from} error={errorOf('from')} classes="govuk-input--width-10" />
              <TextInput id="to" name="to" label={t('judgments.to')} hint={t('judgments.dateHint')} value={query.to} error={errorOf('to')} classes="govuk-input--width-10" />
            </div>
          </details>
          <Select
            id="order"
            name="order"
            label={t('judgments.order')}
            value={query.order}
            groups={[{ choices: [{ value: 'relevance', label: t('judgments.order.relevance') }, { value: 'date', label: t('judgments.order.date') }] }]}
          />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('judgments.search')}
          </button>
        </form>
        {result && (
          <>
            <h2 class="govuk-heading-m" id="results">
              {t(result.capped ? 'judgments.resultsMore' : 'judgments.results', { count: formatNumber(result.total, lang) })}
            </h2>
            {result.items.length === 0 ? (
              <p class="govuk-body">{t('judgments.none')}</p>
            ) : (
              <ol class="govuk-list sot-results">
                {result.items.map((item) => (
                  <li key={item.id} class="govuk-!-margin-bottom-6">
                    <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                      <a class="govuk-link" href={urls.judgment(item.id)}>
                        {t('judgment.title', { act: actTitle(t, item.actKind), number: item.caseNumber })}
                      </a>
                    </h3>
                    <p class="govuk-body-s govuk-!-margin-bottom-1">
                      {localName(item.court, lang)} · {t('judgments.issuedOn', { date: formatCourtDay(item.issuedOn, lang) })} · {categoryLabel(t, item.category)}
                    </p>
                    <Snippet snippet={item.snippet} />
                  </li>
                ))}
              </ol>
            )}
            <KeysetPagination label={t('judgments.next')} next={{ url: result.nextUrl, label: t('judgments.next') }} first={{ url: result.firstUrl, label: t('judgments.first') }} />
          </>
        )}
      </div>
    </div>
  );
}

export function JudgmentPage({ judgment, print = false }: { judgment: PublicJudgment; print?: boolean }) {
  const { t, lang } = useView();
  const rows = [
    { key: t('judgment.court'), value: localName(judgment.court, lang) },
    { key: t('judgment.case'), value: judgment.caseNumber },
    { key: t('judgment.kind'), value: (CASE_KINDS as readonly string[]).includes(judgment.caseKind) ? t(`caseKind.${judgment.caseKind as (typeof CASE_KINDS)[number]}`) : judgment.caseKind },
    { key: t('judgment.category'), value: categoryLabel(t, judgment.category) },
    { key: t('judgment.act'), value: actTitle(t, judgment.actKind) },
    { key: t('judgment.issuedOn'), value: formatCourtDay(judgment.issuedOn, lang) },
    { key: t('judgment.publishedOn'), value: formatDate(judgment.publishedAt, lang) },
    ...(judgment.outcome && (REVIEW_OUTCOMES as readonly string[]).includes(judgment.outcome) ? [{ key: t('judgment.outcome'), value: t(`proceedings.outcome.${judgment.outcome as (typeof REVIEW_OUTCOMES)[number]}`) }] : []),
  ];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        {!print && (
          <a class="govuk-back-link" href={urls.judgments()}>
            {t('judgment.back')}
          </a>
        )}
        <h1 class="govuk-heading-l">{t('judgment.title', { act: actTitle(t, judgment.actKind), number: judgment.caseNumber })}</h1>
        <SummaryList rows={rows} />
        <div class="govuk-inset-text">{t('judgment.depersonalised')}</div>
        <h2 class="govuk-heading-m">{t('judgment.text')}</h2>
        <div class="govuk-body sot-prewrap" lang={judgment.lang}>
          {judgment.text}
        </div>
        <p class="govuk-body sot-no-print">
          {!print && (
            <>
              <a class="govuk-link" href={urls.judgmentPrint(judgment.id)}>
                {t('judgment.print')}
              </a>
              {' · '}
            </>
          )}
          <a class="govuk-link" href={urls.judgmentPdf(judgment.id)} type="application/pdf">
            {t('judgment.pdf')}
          </a>
        </p>
      </div>
    </div>
  );
}
