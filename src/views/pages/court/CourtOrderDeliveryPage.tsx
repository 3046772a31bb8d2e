import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField, ErrorSummary, SuccessBanner, TextInput, type FieldError } from '../../components/govuk.tsx';

export interface CourtOrderDeliveryView {
  caseId: string;
  caseNumber: string | null;
  /** Whether the order still awaits the debtor's objection; otherwise the form is not shown. */
  open: boolean;
  done: string | null;
  value: string | undefined;
}

/** The court office records the day a paper copy of a court order was handed to the debtor (CPC Art. 141(1)). */
export function CourtOrderDeliveryPage({ view, errors }: { view: CourtOrderDeliveryView; errors: FieldError[] }) {
  const { t } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <a class="govuk-back-link" href={urls.cabinetCase(view.caseId)}>
          {t('filing.back')}
        </a>
        <ErrorSummary errors={errors} />
        {view.done && <SuccessBanner title={t('profile.notice.title')} message={view.done} />}
        <span class="govuk-caption-l">{view.caseNumber}</span>
        <h1 class="govuk-heading-l">{t('courtOrder.delivery.title')}</h1>
        <p class="govuk-body">{t('courtOrder.delivery.lead')}</p>
        {view.open && (
          <form method="post" action={urls.courtOrderDelivery(view.caseId)} novalidate>
            <CsrfField />
            <TextInput
              id="deliveredOn"
              name="deliveredOn"
              label={t('courtOrder.delivery.day')}
              hint={t('courtOrder.delivery.dayHint')}
              value={view.value}
              error={errors.find((e) => e.field === 'deliveredOn')?.message}
              classes="govuk-input--width-10"
              spellcheck={false}
            />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              {t('courtOrder.delivery.submit')}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
