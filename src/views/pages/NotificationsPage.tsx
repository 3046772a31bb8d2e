import type { InAppNotification } from '../../queries/notifications.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';

/** The signed-in person's notification centre: newest first, the unread ones tagged. */
export function NotificationsPage({ items, seenUntil, done }: { items: InAppNotification[]; seenUntil: string; done: boolean }) {
  const { t, lang, csrfToken } = useView();
  const unread = items.some((n) => !n.readAt);
  return (
    <>
      {done && (
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="notifications-done" data-module="govuk-notification-banner">
          <div class="govuk-notification-banner__content">
            <p class="govuk-notification-banner__heading" id="notifications-done">
              {t('notifications.allRead')}
            </p>
          </div>
        </div>
      )}
      <h1 class="govuk-heading-xl">{t('notifications.title')}</h1>
      <p class="govuk-body">{t('notifications.lead')}</p>
      <p class="govuk-body">
        <a class="govuk-link" href={urls.followedCases()}>
          {t('notifications.followsLink')}
        </a>
      </p>
      {items.length === 0 ? (
        <p class="govuk-body">{t('notifications.empty')}</p>
      ) : (
        <>
          {unread && (
            <form method="post" action={urls.notificationsRead()}>
              <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
              <input type="hidden" name="seenUntil" value={seenUntil} />
              <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t('notifications.markAllRead')}
              </button>
            </form>
          )}
          <ul class="govuk-list sot-notifications">
            {items.map((n) => (
              <li key={n.id} class="govuk-!-margin-bottom-6">
                <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
                  {/* A space apart, and a colon for screen readers: "New: Hearing scheduled", never "NewHearing scheduled". */}
                  {!n.readAt && (
                    <>
                      <strong class="govuk-tag govuk-tag--blue govuk-!-margin-right-2">
                        {t('notifications.new')}
                        <span class="govuk-visually-hidden">:</span>
                      </strong>{' '}
                    </>
                  )}
                  <span>{n.subject}</span>
                </h2>
                <p class="govuk-body-s govuk-!-margin-bottom-1">{formatDateTime(n.queuedAt, lang)}</p>
                <p class="govuk-body govuk-!-margin-bottom-1">{n.body}</p>
                {n.link && (
                  <a class="govuk-link" href={n.link}>
                    {t('notifications.open')}
                    <span class="govuk-visually-hidden">: {n.subject}</span>
                  </a>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
