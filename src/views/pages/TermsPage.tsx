import { formatCourtDay } from '../../i18n/format.ts';
import { PUBLIC_TERMS } from '../../domain/termQuote.ts';
import type { TermQuote } from '../../domain/termQuote.ts';
import { useView } from '../context.ts';
import { DateInput, ErrorSummary, Radios, type FieldError } from '../components/govuk.tsx';

export interface TermsPageProps {
  values: { term?: string | undefined; day?: string | undefined; month?: string | undefined; year?: string | undefined };
  errors: FieldError[];
  quote: TermQuote | null;
}

/** The public term calculator: a GET form, so it works without JavaScript and its answer can be linked to. */
export function TermsPage({ values, errors, quote }: TermsPageProps) {
  const { t, lang } = useView();
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 class="govuk-heading-xl">{t('terms.title')}</h1>
        <p class="govuk-body-l">{t('terms.lead')}</p>
        {quote && (
          <div class="govuk-panel govuk-panel--confirmation govuk-!-text-align-left" aria-live="polite">
            <h2 class="govuk-panel__title govuk-!-font-size-36">{t('terms.result', { date: formatCourtDay(quote.endsOn, lang) })}</h2>
            <div class="govuk-panel__body govuk-!-font-size-19">
              <p class="govuk-body govuk-!-margin-bottom-2 sot-panel-text">{t('terms.result.basis', { article: quote.basis })}</p>
              <p class="govuk-body govuk-!-margin-bottom-0 sot-panel-text">{t(quote.workingDays ? 'terms.result.workingDays' : 'terms.result.calendar')}</p>
            </div>
          </div>
        )}
        {quote && <p class="govuk-body">{t('terms.result.note')}</p>}
        <form method="get" action="/terms" novalidate>
          <Radios
            id="term"
            name="term"
            legend={t('terms.term')}
            error={errorOf('term')}
            value={values.term}
            choices={PUBLIC_TERMS.map((term) => ({ value: term, label: t(`terms.term.${term}`), hint: t(`terms.term.${term}.hint`) }))}
          />
          <DateInput
            id="from"
            legend={t('terms.from')}
            legendClass="govuk-fieldset__legend--m"
            hint={t('terms.from.hint')}
            error={errorOf('from-day')}
            boxes={[
              { id: 'from-day', name: 'day', value: values.day },
              { id: 'from-month', name: 'month', value: values.month },
              { id: 'from-year', name: 'year', value: values.year },
            ]}
          />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('terms.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
