import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import type { PublicCaseStatus } from '../../queries/publicCase.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { ErrorSummary, SummaryList, TextInput } from '../components/govuk.tsx';
import { caseCategoryLabel } from '../components/labels.ts';
import { localName } from '../components/names.ts';

export interface CaseStatusPageProps {
  number: string;
  error?: string | undefined;
  notFound?: boolean;
  result?: PublicCaseStatus | undefined;
}

function CaseDetails({ result }: { result: PublicCaseStatus }) {
  const { t, lang } = useView();
  const rows: { key: string; value: ComponentChildren }[] = [
    {
      key: t('caseStatus.court'),
      value: (
        <a class="govuk-link" href={urls.court(result.court.code)}>
          {localName(result.court, lang)}
        </a>
      ),
    },
    { key: t('caseStatus.kind'), value: t(`caseKind.${result.kind}`) },
    { key: t('caseStatus.category'), value: caseCategoryLabel(t, { category: result.category, instance: result.instance, reviewedNumber: result.parentCaseNumber }) },
    { key: t('caseStatus.instance'), value: t(`instance.${result.instance}`) },
    { key: t('caseStatus.stage'), value: <strong class="govuk-tag">{t(`stage.${result.stage}`)}</strong> },
    { key: t('caseStatus.status'), value: t(`status.${result.status}`) },
  ];
  if (result.parentCaseNumber) {
    rows.push({
      key: t('caseStatus.appealOf'),
      value: (
        <a class="govuk-link sot-case-number" href={urls.caseStatus(result.parentCaseNumber)}>
          {result.parentCaseNumber}
        </a>
      ),
    });
  }
  if (result.filedThrough) rows.push({ key: t('appeals.case.filedThrough'), value: localName(result.filedThrough, lang) });
  if (result.judgeName) rows.push({ key: t('caseStatus.judge'), value: result.judgeName });
  if (result.registeredAt) rows.push({ key: t('caseStatus.registeredAt'), value: formatDate(result.registeredAt, lang) });
  rows.push({ key: t('caseStatus.updatedAt'), value: formatDate(result.statusChangedAt, lang) });
  if (!result.closed) {
    const next = result.nextHearing;
    rows.push({
      key: t('caseStatus.nextHearing'),
      value: next ? (
        <>
          <time dateTime={next.startsAt.toISOString()}>{formatDateTime(next.startsAt, lang)}</time>
          {next.room ? `, ${t('caseStatus.room', { room: next.room })}` : ''}
        </>
      ) : (
        t('caseStatus.noHearing')
      ),
    });
  }
  return (
    <section aria-labelledby="case-heading" class="govuk-!-margin-bottom-8">
      <h2 class="govuk-heading-l sot-case-number" id="case-heading">
        {result.number}
      </h2>
      {result.closed && <div class="govuk-inset-text">{t('caseStatus.closedHearing')}</div>}
      <SummaryList rows={rows} />
      {result.followable && (
        <>
          <h3 class="govuk-heading-m">{t('caseStatus.follow.title')}</h3>
          <p class="govuk-body">{t('caseStatus.follow.text')}</p>
          <a class="govuk-button govuk-button--secondary" href={urls.followCase(result.number)} role="button" draggable={false} data-module="govuk-button">
            {t('caseStatus.follow.link')}
          </a>
        </>
      )}
    </section>
  );
}

export function CaseStatusPage({ number, error, notFound, result }: CaseStatusPageProps) {
  const { t } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={error ? [{ field: 'number', message: error }] : []} />
        <h1 class="govuk-heading-xl">{t('caseStatus.title')}</h1>
        <p class="govuk-body">{t('caseStatus.lead')}</p>
        {notFound && (
          <div class="govuk-inset-text" role="status">
            {t('caseStatus.notFound', { number })}
          </div>
        )}
        {result && <CaseDetails result={result} />}
        <form method="get" action={urls.caseStatus()} novalidate>
          <TextInput
            id="number"
            name="number"
            label={t('caseStatus.number.label')}
            hint={t('caseStatus.number.hint')}
            value={number}
            error={error}
            classes="govuk-input--width-20"
            spellcheck={false}
          />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('caseStatus.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
