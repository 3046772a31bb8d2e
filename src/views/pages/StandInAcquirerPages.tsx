/**
 * Pages of the stand-in card acquirer (dev and test only). They live inside the site's layout
 * so the accessibility sweep covers them, and say plainly that no real money moves.
 */
import { PAYMENT_PAGE_PARAMS, type PaymentPageParams } from '../../adapters/payments/acquirer.ts';
import { formatTenge } from '../../i18n/format.ts';
import { useView } from '../context.ts';
import { ErrorSummary, SummaryList, TextInput, type FieldError } from '../components/govuk.tsx';

export const CALLBACK_BEHAVIOURS = ['normal', 'delayed', 'twice'] as const;
export type CallbackBehaviour = (typeof CALLBACK_BEHAVIOURS)[number];

export const TEST_CARD_NUMBERS = { approved: '4111 1111 1111 1111', declined: '4000 0000 0000 0002', threeDs: '4000 0000 0000 3220' } as const;
export const THREE_DS_CODE = '123456';

export interface SignedOrderView {
  params: PaymentPageParams;
  signature: string;
  amountTiyn: number;
}

export type CardField = 'cardNumber' | 'expiry' | 'cvc' | 'cardholder';

/**
 * The form's CSRF token. The layout makes one for signed-in people; when it has, that one is
 * the valid one (generating twice in a request replaces the cookie), so it wins over ours.
 */
function CsrfToken({ token }: { token: string }) {
  const { csrfToken } = useView();
  return <input type="hidden" name="_csrf" value={csrfToken ?? token} />;
}

function TestAcquirerBanner() {
  const { t } = useView();
  return (
    <div class="govuk-notification-banner" role="region" aria-labelledby="sandbox-banner-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="sandbox-banner-title">
          {t('payments.sandbox.banner.title')}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{t('payments.sandbox.banner.body')}</p>
      </div>
    </div>
  );
}

interface InputProps {
  id: string;
  label: string;
  hint?: string;
  value?: string | undefined;
  error?: string | undefined;
  width: string;
  autocomplete: string;
  numeric?: boolean;
}

/** A card-entry field: the GOV.UK text input without spellcheck, numeric keyboards where it helps. */
function CardInput({ id, label, hint, value, error, width, autocomplete, numeric }: InputProps) {
  return (
    <TextInput id={id} name={id} label={label} hint={hint} value={value} error={error} classes={width} autocomplete={autocomplete} spellcheck={false} {...(numeric ? { inputmode: 'numeric' as const } : {})} />
  );
}

function BehaviourSelect({ value }: { value: CallbackBehaviour }) {
  const { t } = useView();
  const labels: Record<CallbackBehaviour, string> = {
    normal: t('payments.sandbox.behaviour.normal'),
    delayed: t('payments.sandbox.behaviour.delayed'),
    twice: t('payments.sandbox.behaviour.twice'),
  };
  return (
    <div class="govuk-form-group">
      <label class="govuk-label" for="behaviour">
        {t('payments.sandbox.behaviour')}
      </label>
      <div id="behaviour-hint" class="govuk-hint">
        {t('payments.sandbox.behaviour.hint')}
      </div>
      <select class="govuk-select" id="behaviour" name="behaviour" aria-describedby="behaviour-hint">
        {CALLBACK_BEHAVIOURS.map((b) => (
          <option value={b} selected={b === value} key={b}>
            {labels[b]}
          </option>
        ))}
      </select>
    </div>
  );
}

function TestCards() {
  const { t } = useView();
  return (
    <details class="govuk-details">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{t('payments.sandbox.testCards.title')}</span>
      </summary>
      <div class="govuk-details__text">
        <ul class="govuk-list govuk-list--bullet">
          <li>{t('payments.sandbox.testCards.approved', { number: TEST_CARD_NUMBERS.approved })}</li>
          <li>{t('payments.sandbox.testCards.declined', { number: TEST_CARD_NUMBERS.declined })}</li>
          <li>{t('payments.sandbox.testCards.threeDs', { number: TEST_CARD_NUMBERS.threeDs, code: THREE_DS_CODE })}</li>
        </ul>
        <p class="govuk-body">{t('payments.sandbox.testCards.other')}</p>
      </div>
    </details>
  );
}

export interface PayPageProps {
  /** Where the stand-in is mounted, for the form's action. */
  base: string;
  order: SignedOrderView;
  csrfToken: string;
  cancelUrl: string;
  errors?: (FieldError & { field: CardField })[];
  /** What the payer typed, shown again after an error; never the card number or the code. */
  values?: { expiry?: string; cardholder?: string; behaviour?: CallbackBehaviour };
}

export function PayPage({ base, order, csrfToken, cancelUrl, errors = [], values = {} }: PayPageProps) {
  const { t, lang } = useView();
  const amount = formatTenge(order.amountTiyn / 100, lang);
  const errorFor = (field: CardField) => errors.find((e) => e.field === field)?.message;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <TestAcquirerBanner />
        <ErrorSummary errors={errors} />
        <h1 class="govuk-heading-l">{t('payments.sandbox.pay.title')}</h1>
        <SummaryList
          rows={[
            { key: t('payments.sandbox.pay.merchant'), value: order.params.merchantId },
            { key: t('payments.sandbox.pay.order'), value: order.params.orderId },
            { key: t('payments.sandbox.pay.description'), value: order.params.description },
            { key: t('payments.sandbox.pay.amount'), value: <strong>{amount}</strong> },
          ]}
        />
        <form method="post" action={`${base}/pay`} novalidate>
          <CsrfToken token={csrfToken} />
          {PAYMENT_PAGE_PARAMS.map((name) => (
            <input type="hidden" name={name} value={order.params[name]} key={name} />
          ))}
          <input type="hidden" name="signature" value={order.signature} />
          <h2 class="govuk-heading-m">{t('payments.sandbox.pay.cardHeading')}</h2>
          <CardInput id="cardNumber" label={t('payments.sandbox.card.number')} hint={t('payments.sandbox.card.number.hint')} error={errorFor('cardNumber')} width="govuk-input--width-20" autocomplete="cc-number" numeric />
          <CardInput id="expiry" label={t('payments.sandbox.card.expiry')} hint={t('payments.sandbox.card.expiry.hint')} value={values.expiry} error={errorFor('expiry')} width="govuk-input--width-5" autocomplete="cc-exp" numeric />
          <CardInput id="cvc" label={t('payments.sandbox.card.cvc')} hint={t('payments.sandbox.card.cvc.hint')} error={errorFor('cvc')} width="govuk-input--width-4" autocomplete="cc-csc" numeric />
          <CardInput id="cardholder" label={t('payments.sandbox.card.holder')} value={values.cardholder} error={errorFor('cardholder')} width="govuk-input--width-20" autocomplete="cc-name" />
          <BehaviourSelect value={values.behaviour ?? 'normal'} />
          <div class="govuk-button-group">
            <button type="submit" class="govuk-button" data-module="govuk-button">
              {t('payments.sandbox.pay.submit', { amount })}
            </button>
            <a class="govuk-link" href={cancelUrl}>
              {t('payments.sandbox.pay.cancel')}
            </a>
          </div>
        </form>
        <TestCards />
      </div>
    </div>
  );
}

export interface ThreeDsPageProps {
  base: string;
  id: string;
  amountTiyn: number;
  cardMask: string;
  csrfToken: string;
  error?: string | undefined;
}

export function ThreeDsPage({ base, id, amountTiyn, cardMask, csrfToken, error }: ThreeDsPageProps) {
  const { t, lang } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <TestAcquirerBanner />
        <ErrorSummary errors={error ? [{ field: 'code', message: error }] : []} />
        <h1 class="govuk-heading-l">{t('payments.sandbox.threeDs.title')}</h1>
        <p class="govuk-body">{t('payments.sandbox.threeDs.lead', { amount: formatTenge(amountTiyn / 100, lang), last4: cardMask.slice(-4) })}</p>
        <form method="post" action={`${base}/3ds`} novalidate>
          <CsrfToken token={csrfToken} />
          <input type="hidden" name="id" value={id} />
          <CardInput id="code" label={t('payments.sandbox.threeDs.code')} hint={t('payments.sandbox.threeDs.hint', { code: THREE_DS_CODE })} error={error} width="govuk-input--width-10" autocomplete="one-time-code" numeric />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('payments.sandbox.threeDs.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}

/** A dead end with a way back: a bad link, an expired confirmation, an order already paid. */
export function SandboxNoticePage({ title, body, back }: { title: string; body: string; back?: { href: string; label: string } }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <TestAcquirerBanner />
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body">{body}</p>
        {back && (
          <p class="govuk-body">
            <a class="govuk-link" href={back.href}>
              {back.label}
            </a>
          </p>
        )}
      </div>
    </div>
  );
}
