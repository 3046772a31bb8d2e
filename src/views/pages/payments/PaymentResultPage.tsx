/**
 * Where the acquirer sends the payer back. It shows what Sot's database says about the payment,
 * which only the acquirer's signed notification changes, never what the return address claims.
 */
import { formatTenge } from '../../../i18n/format.ts';
import type { CardPaymentView } from '../../../queries/paymentQueue.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { backTo } from './PayPage.tsx';

export interface PaymentResultPageProps {
  filing: { id: string; talonNumber: string | null };
  payment: CardPaymentView;
  /** This page's own address, for checking again while the bank has not answered. */
  selfUrl: string;
  /** Seconds until the page checks again by itself; null once it has stopped. */
  refreshSeconds: number | null;
}

export function PaymentResultPage({ filing, payment, selfUrl, refreshSeconds }: PaymentResultPageProps) {
  const { t, lang } = useView();
  const amount = formatTenge(payment.amountTiyn / 100, lang);
  const caption = filing.talonNumber ? t('payments.pay.caption', { talon: filing.talonNumber }) : t('payments.pay.draftCaption');
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {payment.status === 'paid' ? (
          <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">{t('payments.result.paid.title')}</h1>
            <div class="govuk-panel__body">{amount}</div>
          </div>
        ) : (
          <>
            <span class="govuk-caption-l">{caption}</span>
            <h1 class="govuk-heading-l">{payment.status === 'declined' ? t('payments.result.declined.title') : t('payments.result.pending.title')}</h1>
          </>
        )}
        {payment.status === 'paid' && <p class="govuk-body">{t('payments.result.paid.body', { amount, reference: payment.providerReference ?? '—' })}</p>}
        {payment.status === 'declined' && (
          <>
            <p class="govuk-body">{t('payments.result.declined.body', { amount })}</p>
            <p class="govuk-body">
              <a class="govuk-link" href={urls.filingPay(filing.id)}>
                {t('payments.result.tryAgain')}
              </a>
            </p>
          </>
        )}
        {payment.status === 'pending' && (
          <>
            <p class="govuk-body">{t('payments.result.pending.body', { amount })}</p>
            <p class="govuk-body" data-payment-waiting>
              {refreshSeconds === null ? t('payments.result.pending.stopped') : t('payments.result.pending.auto')}
            </p>
            <p class="govuk-body">
              <a class="govuk-link" href={selfUrl}>
                {t('payments.result.checkAgain')}
              </a>
            </p>
          </>
        )}
        <p class="govuk-body">
          <a class="govuk-link" href={backTo(filing)}>
            {filing.talonNumber ? t('payments.result.toTalon') : t('payments.result.toFiling')}
          </a>
        </p>
      </div>
    </div>
  );
}
