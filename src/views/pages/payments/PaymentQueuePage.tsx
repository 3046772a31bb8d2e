/**
 * The clerk's queue of payment documents: each with the amount due beside the amount the
 * document shows, its scan, and the two decisions. Rejecting asks for the reason the filer reads.
 */
import { urls } from '../../../urls.ts';
import { formatTenge } from '../../../i18n/format.ts';
import type { QueuedPaymentDocument } from '../../../queries/paymentQueue.ts';
import { useView } from '../../context.ts';
import { CsrfField, ErrorSummary, SuccessBanner, Textarea, type FieldError } from '../../components/govuk.tsx';
import { localName } from '../../components/names.ts';
import { documentDate } from './PayPage.tsx';

export const paymentQueueUrls = {
  queue: urls.paymentQueue,
  document: urls.paymentScan,
  verify: urls.paymentVerify,
  reject: urls.paymentReject,
};

/** The id of a row's reason field, which an error about it links to. */
export const reasonFieldId = (paymentId: string) => `reason-${paymentId}`;
/** The id of a flagged row's confirmation field. */
export const confirmationFieldId = (paymentId: string) => `confirmation-${paymentId}`;

export interface PaymentQueuePageProps {
  queue: QueuedPaymentDocument[];
  done?: 'verified' | 'rejected' | undefined;
  errors?: FieldError[];
  /** The reason (or, for a flagged document, the confirmation) typed before an error, by payment. */
  reasons?: Record<string, string>;
}

export function PaymentQueuePage({ queue, done, errors = [], reasons = {} }: PaymentQueuePageProps) {
  const { t } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      {done && <SuccessBanner title={t('payments.queue.saved')} message={done === 'verified' ? t('payments.queue.verified') : t('payments.queue.rejected')} />}
      <h1 class="govuk-heading-l">{t('payments.queue.title')}</h1>
      <p class="govuk-body">{t('payments.queue.lead')}</p>
      {queue.length === 0 ? (
        <p class="govuk-body" id="queue">
          {t('payments.queue.empty')}
        </p>
      ) : (
        <table class="govuk-table" id="queue">
          <caption class="govuk-table__caption govuk-visually-hidden">{t('payments.queue.title')}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">{t('payments.queue.column.talon')}</th>
              <th scope="col" class="govuk-table__header">{t('payments.queue.column.filer')}</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t('payments.queue.column.owed')}</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t('payments.queue.column.stated')}</th>
              <th scope="col" class="govuk-table__header">{t('payments.queue.column.document')}</th>
              <th scope="col" class="govuk-table__header">{t('payments.queue.column.decision')}</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {queue.map((row) => (
              <QueueRow
                key={row.paymentId}
                row={row}
                manyCourts={new Set(queue.map((r) => r.courtNameEn)).size > 1}
                error={errors.find((e) => e.field === reasonFieldId(row.paymentId))?.message}
                confirmationError={errors.find((e) => e.field === confirmationFieldId(row.paymentId))?.message}
                reason={reasons[row.paymentId]}
              />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function QueueRow({ row, manyCourts, error, confirmationError, reason }: { row: QueuedPaymentDocument; manyCourts: boolean; error: string | undefined; confirmationError: string | undefined; reason: string | undefined }) {
  const { t, lang } = useView();
  const talon = row.talonNumber ?? '—';
  const forTalon = <span class="govuk-visually-hidden"> {t('payments.queue.forTalon', { talon })}</span>;
  const short = row.owedTiyn !== null && row.statedTiyn < row.owedTiyn;
  return (
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">
        {talon}
        {manyCourts && <span class="govuk-body-s govuk-!-display-block">{localName({ nameKk: row.courtNameKk, nameRu: row.courtNameRu, nameEn: row.courtNameEn }, lang)}</span>}
      </td>
      <td class="govuk-table__cell">{row.filerName}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">{row.owedTiyn === null ? '—' : formatTenge(row.owedTiyn / 100, lang)}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">
        {formatTenge(row.statedTiyn / 100, lang)}
        {short && <strong class="govuk-tag govuk-tag--red govuk-!-display-block govuk-!-margin-top-1">{t('payments.queue.short')}</strong>}
      </td>
      <td class="govuk-table__cell">
        {t('payments.queue.document', { number: row.documentNumber ?? '—', date: documentDate(row.documentDate, lang) })}
        {row.documentPayer && <span class="govuk-!-display-block">{t('payments.queue.payer', { payer: row.documentPayer })}</span>}
        {row.attachmentId && (
          <span class="govuk-!-display-block">
            <a class="govuk-link" href={paymentQueueUrls.document(row.paymentId)} download>
              {t('payments.queue.download')}
              {forTalon}
            </a>
          </span>
        )}
      </td>
      <td class="govuk-table__cell">
        {row.duplicateOf ? (
          <DuplicateVerification row={row} error={confirmationError} value={confirmationError ? reason : undefined} forTalon={forTalon} />
        ) : (
          <form method="post" action={paymentQueueUrls.verify(row.paymentId)}>
            <CsrfField />
            <button type="submit" class="govuk-button govuk-!-margin-bottom-2" data-module="govuk-button">
              {t('payments.queue.verify')}
              {forTalon}
            </button>
          </form>
        )}
        <details class="govuk-details govuk-!-margin-bottom-0" open={error !== undefined}>
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">
              {t('payments.queue.reject')}
              {forTalon}
            </span>
          </summary>
          <div class="govuk-details__text">
            <form method="post" action={paymentQueueUrls.reject(row.paymentId)} novalidate>
              <CsrfField />
              <Textarea id={reasonFieldId(row.paymentId)} name="reason" label={t('payments.queue.reason')} hint={t('payments.queue.reason.hint')} error={error} value={error ? reason : undefined} rows={3} />
              <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">
                {t('payments.queue.rejectSubmit')}
                {forTalon}
              </button>
            </form>
          </div>
        </details>
      </td>
    </tr>
  );
}

/**
 * A document whose number, date, payer and amount another payment already used: the clerk sees
 * which filing, and verifies only by saying why this document pays this filing too.
 */
function DuplicateVerification({ row, error, value, forTalon }: { row: QueuedPaymentDocument; error: string | undefined; value: string | undefined; forTalon: preact.JSX.Element }) {
  const { t } = useView();
  const first = row.duplicateTalonNumber ? t('payments.queue.duplicate.talon', { talon: row.duplicateTalonNumber }) : t('payments.queue.duplicate.draft');
  return (
    <>
      <div class="govuk-warning-text govuk-!-margin-bottom-2">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">{t('auditLog.check.warning')}</span>
          {t('payments.queue.duplicate')}{' '}
          {row.duplicateFilingId && row.duplicateFilingStatus === 'submitted' ? (
            <a class="govuk-link" href={urls.officeFiling(row.duplicateFilingId)}>
              {first}
            </a>
          ) : (
            first
          )}
          .
        </strong>
      </div>
      <p class="govuk-body-s">{t('payments.queue.duplicate.lead')}</p>
      <form method="post" action={paymentQueueUrls.verify(row.paymentId)} novalidate>
        <CsrfField />
        <Textarea id={confirmationFieldId(row.paymentId)} name="confirmation" label={t('payments.queue.confirm')} hint={t('payments.queue.confirm.hint')} error={error} value={value} rows={3} />
        <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" data-module="govuk-button">
          {t('payments.queue.confirmSubmit')}
          {forTalon}
        </button>
      </form>
    </>
  );
}
