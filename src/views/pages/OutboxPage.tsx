import type { OutboxMessage } from '../../queries/outbox.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useView } from '../context.ts';

/** The message's text with its links clickable, as a phone or a mail program would show them. */
function withLinks(text: string) {
  return text.split(/(https?:\/\/[^\s]+)/).map((part, i) =>
    i % 2 === 1 ? (
      <a class="govuk-link sot-break" href={part} key={i}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/** Development only: what Sot would have sent by SMS and e-mail. */
export function OutboxPage({ messages }: { messages: OutboxMessage[] }) {
  const { t, lang } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('outbox.title')}</h1>
      <p class="govuk-body">{t('outbox.lead')}</p>
      {messages.length === 0 ? (
        <p class="govuk-body">{t('outbox.empty')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{t('outbox.title')}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">{t('outbox.time')}</th>
              <th scope="col" class="govuk-table__header">{t('outbox.to')}</th>
              <th scope="col" class="govuk-table__header">{t('outbox.message')}</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {messages.map((m) => (
              <tr class="govuk-table__row" key={m.id}>
                <td class="govuk-table__cell">{formatDateTime(m.createdAt, lang)}</td>
                <td class="govuk-table__cell">
                  {m.channel === 'sms' ? 'SMS' : 'E-mail'}: {m.address}
                </td>
                <td class="govuk-table__cell">
                  {m.subject && <strong>{m.subject}. </strong>}
                  <span class="sot-prewrap">{withLinks(m.body)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
