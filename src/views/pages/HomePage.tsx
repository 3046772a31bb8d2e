import { urls } from '../../urls.ts';
import { useView } from '../context.ts';

export function HomePage() {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('home.title')}</h1>
      <p class="govuk-body-l">{t('home.lead')}</p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <section class="sot-card" aria-labelledby="cabinet-heading">
            <h2 class="govuk-heading-l" id="cabinet-heading">
              {t('home.cabinet.title')}
            </h2>
            <p class="govuk-body">{t('home.cabinet.body')}</p>
            <ul class="govuk-list govuk-list--bullet">
              <li>{t('home.cabinet.item.file')}</li>
              <li>{t('home.cabinet.item.pay')}</li>
              <li>{t('home.cabinet.item.follow')}</li>
              <li>{t('home.cabinet.item.read')}</li>
            </ul>
            <a href={urls.login()} role="button" draggable={false} class="govuk-button govuk-button--start" data-module="govuk-button">
              {t('home.cabinet.signIn')}
              <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
              </svg>
            </a>
          </section>
          <h2 class="govuk-heading-m">{t('home.notify.title')}</h2>
          <p class="govuk-body">{t('home.notify.body')}</p>
        </div>
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-m">{t('home.public.title')}</h2>
          <ul class="govuk-list">
            <li>
              <a class="govuk-link" href={urls.caseStatus()}>
                {t('home.public.caseStatus')}
              </a>
            </li>
            <li>
              <a class="govuk-link" href={urls.courts()}>
                {t('home.public.courts')}
              </a>
            </li>
            <li>
              <a class="govuk-link" href={urls.judgments()}>
                {t('home.public.judgments')}
              </a>
            </li>
            <li>
              <a class="govuk-link" href={urls.hearingLists()}>
                {t('home.public.hearingLists')}
              </a>
            </li>
            <li>
              <a class="govuk-link" href={urls.statistics()}>
                {t('home.public.statistics')}
              </a>
            </li>
          </ul>
        </div>
      </div>
    </>
  );
}
