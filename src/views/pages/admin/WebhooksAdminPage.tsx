import { WEBHOOK_EVENT_TYPES, type WebhookDeliveryStatus } from '../../../domain/webhooks.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { WebhookAttemptView, WebhookDeliveryView, WebhookSubscriptionView } from '../../../queries/webhooks.ts';
import { urls } from '../../../urls.ts';
import { CsrfField, describedBy, ErrorSummary, HintAndError, PostButton, Radios, SuccessBanner, SummaryList, Table, TextInput, type FieldError } from '../../components/govuk.tsx';
import { useView } from '../../context.ts';
import { AdminNav } from './AdminNav.tsx';

export interface WebhookFormValues {
  bin?: string;
  url?: string;
  eventTypes?: readonly string[];
  active?: boolean;
}

const DELIVERY_STATUS: Record<WebhookDeliveryStatus, { label: MessageKey; tag: string }> = {
  pending: { label: 'webhooks.delivery.pending', tag: 'govuk-tag--yellow' },
  delivered: { label: 'webhooks.delivery.delivered', tag: 'govuk-tag--green' },
  failed: { label: 'webhooks.delivery.failed', tag: 'govuk-tag--red' },
};

/** The secret, shown on the one answer that made it. */
function SecretPanel({ secret }: { secret: string }) {
  const { t } = useView();
  return (
    <div class="govuk-notification-banner" role="region" aria-labelledby="secret-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="secret-title">
          {t('webhooks.secret.title')}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-body">{t('webhooks.secret.lead')}</p>
        <p class="govuk-body">
          <span class="govuk-visually-hidden">{t('webhooks.secret.label')}: </span>
          <code class="sot-hash sot-break-all">{secret}</code>
        </p>
      </div>
    </div>
  );
}

function EventCheckboxes({ selected, error }: { selected: readonly string[]; error?: string | undefined }) {
  const { t } = useView();
  const id = 'eventTypes';
  const hint = t('webhooks.register.events.hint');
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('webhooks.register.events')}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {WEBHOOK_EVENT_TYPES.map((type, i) => (
            <div class="govuk-checkboxes__item" key={type}>
              <input class="govuk-checkboxes__input" id={i === 0 ? id : `${id}-${type}`} name="eventTypes" type="checkbox" value={type} checked={selected.includes(type)} />
              <label class="govuk-label govuk-checkboxes__label" for={i === 0 ? id : `${id}-${type}`}>
                <code>{type}</code>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** Which field each error belongs to, for the summary's link. */
export type WebhookField = 'bin' | 'url' | 'eventTypes';

export function WebhooksAdminPage(props: { subscriptions: WebhookSubscriptionView[]; secret?: string | null; errors?: (FieldError & { field: WebhookField })[]; values?: WebhookFormValues }) {
  const { t } = useView();
  const errors = props.errors ?? [];
  const errorOf = (field: WebhookField) => errors.find((e) => e.field === field)?.message;
  const values = props.values ?? {};
  return (
    <>
      <AdminNav current="webhooks" />
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-xl">{t('webhooks.title')}</h1>
      {props.secret && <SecretPanel secret={props.secret} />}
      <p class="govuk-body">{t('webhooks.lead')}</p>
      <p class="govuk-body">{t('webhooks.docs')}</p>

      <h2 class="govuk-heading-m">{t('webhooks.list.title')}</h2>
      {props.subscriptions.length === 0 ? (
        <p class="govuk-body">{t('webhooks.list.none')}</p>
      ) : (
        <Table caption={t('webhooks.list.title')} headers={[t('webhooks.list.organisation'), t('webhooks.list.url'), t('webhooks.list.events'), t('webhooks.list.status'), { hidden: t('webhooks.deliveries.action') }]}>
          {props.subscriptions.map((s) => (
            <tr class="govuk-table__row" key={s.id}>
              <td class="govuk-table__cell">
                {s.organisationName}
                <br />
                <span class="govuk-hint">{s.bin}</span>
              </td>
              <td class="govuk-table__cell sot-break-all">{s.url}</td>
              <td class="govuk-table__cell">{s.eventTypes.length}</td>
              <td class="govuk-table__cell">
                <strong class={`govuk-tag ${s.active ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>{t(s.active ? 'webhooks.status.active' : 'webhooks.status.paused')}</strong>
              </td>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={urls.webhookAdmin(s.id)}>
                  {t('webhooks.list.open')}
                  <span class="govuk-visually-hidden"> {t('webhooks.list.openFor', { organisation: s.organisationName })}</span>
                </a>
              </td>
            </tr>
          ))}
        </Table>
      )}

      <h2 class="govuk-heading-m">{t('webhooks.register.title')}</h2>
      <form method="post" action={urls.webhooksAdmin()} novalidate>
        <CsrfField />
        <TextInput id="bin" name="bin" label={t('webhooks.register.bin')} hint={t('webhooks.register.bin.hint')} value={values.bin} error={errorOf('bin')} classes="govuk-input--width-20" inputmode="numeric" spellcheck={false} />
        <TextInput id="url" name="url" label={t('webhooks.register.url')} hint={t('webhooks.register.url.hint')} value={values.url} error={errorOf('url')} spellcheck={false} autocomplete="off" />
        <EventCheckboxes selected={values.eventTypes ?? []} error={errorOf('eventTypes')} />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {t('webhooks.register.submit')}
        </button>
      </form>
    </>
  );
}

function AttemptLine({ attempt }: { attempt: WebhookAttemptView }) {
  const { t, lang } = useView();
  const answer = attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : attempt.errorClass ? `${attempt.errorClass}, ${t('webhooks.attempt.noAnswer')}` : t('webhooks.attempt.noAnswer');
  return (
    <li>
      {formatDateTime(attempt.attemptedAt, lang)}: {answer}, {attempt.durationMs} ms{attempt.resend ? ` (${t('webhooks.attempt.resend')})` : ''}
      {attempt.snippet && (
        <>
          {' '}
          <code>{attempt.snippet}</code>
        </>
      )}
    </li>
  );
}

function DeliveryRow({ subscriptionId, delivery }: { subscriptionId: string; delivery: WebhookDeliveryView }) {
  const { t, lang } = useView();
  const status = DELIVERY_STATUS[delivery.status];
  return (
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">{formatDateTime(delivery.createdAt, lang)}</td>
      <td class="govuk-table__cell">
        <code>{delivery.eventType}</code>
        <br />
        <span class="govuk-hint">{delivery.caseNumber ?? t('webhooks.deliveries.unnumbered')}</span>
      </td>
      <td class="govuk-table__cell">
        <strong class={`govuk-tag ${status.tag}`}>{t(status.label)}</strong>
        {delivery.status === 'pending' && delivery.attempts > 0 && <p class="govuk-body-s">{t('webhooks.deliveries.next', { when: formatDateTime(delivery.nextAttemptAt, lang) })}</p>}
      </td>
      <td class="govuk-table__cell">
        {delivery.log.length === 0 ? (
          t('webhooks.deliveries.noAttempts')
        ) : (
          <ol class="govuk-list govuk-list--number govuk-body-s">
            {delivery.log.map((a, i) => (
              <AttemptLine attempt={a} key={i} />
            ))}
          </ol>
        )}
      </td>
      <td class="govuk-table__cell">
        {delivery.status !== 'pending' && <PostButton action={urls.webhookResend(subscriptionId, delivery.id)} label={t('webhooks.deliveries.resend')} about={t('webhooks.deliveries.resendAbout', { id: delivery.id.slice(0, 8) })} secondary />}
      </td>
    </tr>
  );
}

export function WebhookAdminPage(props: {
  subscription: WebhookSubscriptionView;
  deliveries: WebhookDeliveryView[];
  notice?: MessageKey | null;
  secret?: string | null;
  errors?: (FieldError & { field: WebhookField })[];
  values?: WebhookFormValues;
}) {
  const { t, lang } = useView();
  const s = props.subscription;
  const errors = props.errors ?? [];
  const errorOf = (field: WebhookField) => errors.find((e) => e.field === field)?.message;
  const values = { url: s.url, eventTypes: s.eventTypes, active: s.active, ...props.values };
  return (
    <>
      <AdminNav current="webhooks" />
      <a class="govuk-back-link" href={urls.webhooksAdmin()}>
        {t('webhooks.detail.back')}
      </a>
      <ErrorSummary errors={errors} />
      {props.notice && <SuccessBanner title={t('webhooks.nav')} message={t(props.notice)} />}
      <h1 class="govuk-heading-xl">{t('webhooks.detail.title', { organisation: s.organisationName })}</h1>
      {props.secret && <SecretPanel secret={props.secret} />}
      <SummaryList
        rows={[
          { key: t('webhooks.detail.bin'), value: s.bin },
          { key: t('webhooks.list.url'), value: <span class="sot-break-all">{s.url}</span> },
          { key: t('webhooks.list.status'), value: t(s.active ? 'webhooks.status.active' : 'webhooks.status.paused') },
          { key: t('webhooks.detail.rotated'), value: formatDateTime(s.secretRotatedAt, lang) },
        ]}
      />

      <h2 class="govuk-heading-m">{t('webhooks.deliveries.title')}</h2>
      {props.deliveries.length === 0 ? (
        <p class="govuk-body">{t('webhooks.deliveries.none')}</p>
      ) : (
        <Table
          caption={t('webhooks.deliveries.title')}
          headers={[t('webhooks.deliveries.created'), t('webhooks.deliveries.event'), t('webhooks.deliveries.status'), t('webhooks.deliveries.attempts'), { hidden: t('webhooks.deliveries.action') }]}
        >
          {props.deliveries.map((d) => (
            <DeliveryRow subscriptionId={s.id} delivery={d} key={d.id} />
          ))}
        </Table>
      )}

      <h2 class="govuk-heading-m">{t('webhooks.edit.title')}</h2>
      <form method="post" action={urls.webhookAdmin(s.id)} novalidate>
        <CsrfField />
        <TextInput id="url" name="url" label={t('webhooks.register.url')} hint={t('webhooks.register.url.hint')} value={values.url} error={errorOf('url')} spellcheck={false} autocomplete="off" />
        <Radios
          id="active"
          name="active"
          legend={t('webhooks.edit.active')}
          hint={t('webhooks.edit.active.hint')}
          value={values.active ? 'yes' : 'no'}
          choices={[
            { value: 'yes', label: t('webhooks.status.active') },
            { value: 'no', label: t('webhooks.status.paused') },
          ]}
        />
        <EventCheckboxes selected={values.eventTypes ?? []} error={errorOf('eventTypes')} />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {t('webhooks.edit.submit')}
        </button>
      </form>

      <h2 class="govuk-heading-m">{t('webhooks.rotate.title')}</h2>
      <p class="govuk-body">{t('webhooks.rotate.lead')}</p>
      <PostButton action={urls.webhookRotate(s.id)} label={t('webhooks.rotate.submit')} about={s.organisationName} secondary />
    </>
  );
}
