/**
 * The filer's page for paying a filing's state duty: by card on the acquirer's page, or by
 * attaching a payment document for the court clerk to check. Both are plain forms.
 */
import type { OwedDuty } from '../../../domain/duty/index.ts';
import type { DutyStatus, FilingType } from '../../../domain/filingTypes.ts';
import { ACCEPT_ATTRIBUTE } from '../../../domain/uploads.ts';
import { formatCourtDay, formatDate, formatTenge } from '../../../i18n/format.ts';
import { citeArticle } from '../../../i18n/legalReference.ts';
import type { PaymentDocumentView } from '../../../queries/paymentQueue.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField, DateInput, ErrorSummary, SummaryList, TextInput, type FieldError } from '../../components/govuk.tsx';

/** The form's fields as typed, shown again after an error (never the file). */
export interface PaymentDocumentValues {
  number?: string;
  day?: string;
  month?: string;
  year?: string;
  amount?: string;
  payer?: string;
}

export interface PayPageProps {
  filing: { id: string; type: FilingType; talonNumber: string | null; dutyStatus: DutyStatus };
  /** Null when nothing can be paid now. */
  owed: OwedDuty | null;
  latestDocument: PaymentDocumentView | null;
  errors?: FieldError[];
  values?: PaymentDocumentValues;
}

/** A payment document's date as people read it; the column holds a calendar day. */
export function documentDate(iso: string | null, lang: Parameters<typeof formatDate>[1]): string {
  return iso ? formatCourtDay(iso, lang) : '—';
}

/** Where the filer came from: the talon once submitted, else the draft. */
export const backTo = (filing: { id: string; talonNumber: string | null }) => (filing.talonNumber ? urls.talon(filing.id) : urls.filing(filing.id));

export function PayPage({ filing, owed, latestDocument, errors = [], values = {} }: PayPageProps) {
  const { t, lang } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <a class="govuk-back-link" href={backTo(filing)}>
          {t('payments.back')}
        </a>
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{filing.talonNumber ? t('payments.pay.caption', { talon: filing.talonNumber }) : t('payments.pay.draftCaption')}</span>
        <h1 class="govuk-heading-l">{t('payments.pay.title')}</h1>
        {owed === null ? (
          <p class="govuk-body">{t('payments.error.notPayable')}</p>
        ) : (
          <>
            <SummaryList
              rows={[
                { key: t('payments.pay.amount'), value: <strong>{formatTenge(owed.amountTiyn / 100, lang)}</strong> },
                ...(owed.basis ? [{ key: t('payments.pay.basis'), value: citeArticle(owed.basis, lang) }] : []),
              ]}
            />
            <DocumentState dutyStatus={filing.dutyStatus} document={latestDocument} />
            <h2 class="govuk-heading-m">{t('payments.card.title')}</h2>
            <p class="govuk-body">{t('payments.card.lead')}</p>
            <form method="post" action={`${urls.filingPay(filing.id)}/card`} novalidate>
              <CsrfField />
              <button type="submit" class="govuk-button" data-module="govuk-button">
                {t('payments.card.submit')}
              </button>
            </form>
            <DocumentForm filingId={filing.id} errors={errors} values={values} />
          </>
        )}
      </div>
    </div>
  );
}

function DocumentState({ dutyStatus, document }: { dutyStatus: DutyStatus; document: PaymentDocumentView | null }) {
  const { t, lang } = useView();
  if (!document) return null;
  if (dutyStatus === 'document_pending') {
    return <div class="govuk-inset-text">{t('payments.pay.documentPending', { number: document.documentNumber ?? '—', date: documentDate(document.documentDate, lang) })}</div>;
  }
  if (dutyStatus === 'rejected' && document.status === 'rejected') {
    return (
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">{t('payments.pay.documentRejected', { number: document.documentNumber ?? '—', reason: document.rejectionReason ?? '' })}</strong>
      </div>
    );
  }
  return null;
}

const errorFor = (errors: FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

/**
 * The payment document form. Its token rides in the address, as on every upload form: the body
 * streams to storage and is not read before the check. The file comes last, so the details
 * typed above it arrive first.
 */
function DocumentForm({ filingId, errors, values }: { filingId: string; errors: FieldError[]; values: PaymentDocumentValues }) {
  const { t } = useView();
  const fileError = errorFor(errors, 'file');
  return (
    <>
      <h2 class="govuk-heading-m">{t('payments.document.title')}</h2>
      <p class="govuk-body">{t('payments.document.lead')}</p>
      <form method="post" action={`${urls.filingPay(filingId)}/document`} enctype="multipart/form-data" novalidate>
        {/* The token is the first part, before any file: it is checked before a file is read. */}
        <CsrfField />
        <TextInput id="number" name="number" label={t('payments.document.number')} hint={t('payments.document.number.hint')} value={values.number} error={errorFor(errors, 'number')} classes="govuk-input--width-20" spellcheck={false} />
        <PaymentDate values={values} error={errorFor(errors, 'date-day')} />
        <TextInput id="amount" name="amount" label={t('payments.document.amount')} hint={t('payments.document.amount.hint')} value={values.amount} error={errorFor(errors, 'amount')} classes="govuk-input--width-10" inputmode="decimal" spellcheck={false} />
        <TextInput id="payer" name="payer" label={t('payments.document.payer')} hint={t('payments.document.payer.hint')} value={values.payer} error={errorFor(errors, 'payer')} classes="govuk-input--width-20" inputmode="numeric" spellcheck={false} autocomplete="off" />
        <div class={`govuk-form-group${fileError ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label" for="file">
            {t('payments.document.file')}
          </label>
          <div id="file-hint" class="govuk-hint">
            {t('payments.document.file.hint')}
          </div>
          {fileError && (
            <p id="file-error" class="govuk-error-message">
              <span class="govuk-visually-hidden">{t('error.title')}:</span> {fileError}
            </p>
          )}
          <input class={`govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`} id="file" name="file" type="file" accept={ACCEPT_ATTRIBUTE} aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'} />
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t('payments.document.submit')}
        </button>
      </form>
    </>
  );
}

/** The payment document's date; errors link to the day. */
function PaymentDate({ values, error }: { values: PaymentDocumentValues; error: string | undefined }) {
  const { t } = useView();
  return (
    <DateInput
      id="date"
      legend={t('payments.document.date')}
      hint={t('payments.document.date.hint')}
      error={error}
      boxes={[
        { id: 'date-day', name: 'day', value: values.day },
        { id: 'date-month', name: 'month', value: values.month },
        { id: 'date-year', name: 'year', value: values.year },
      ]}
    />
  );
}
