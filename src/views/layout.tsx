import type { ComponentChildren } from 'preact';
import { LANGUAGES, LANGUAGE_NAMES } from '../i18n/index.ts';
import { urls } from '../urls.ts';
import { useView } from './context.ts';
import { Interpolated } from './components/Interpolated.tsx';

export const HELP_LINE = '1401';

export type NavKey = 'home' | 'courts' | 'caseStatus' | 'judgments' | 'hearingLists' | 'statistics' | 'terms' | 'signIn' | 'cabinet' | 'hearings' | 'notifications' | 'profile' | 'court' | 'judge' | 'admin';

function ServiceNavigation({ current }: { current: NavKey | undefined }) {
  const { t, signedInAs, csrfToken, showRoleAdmin, showCourtOffice, showJudgeCases, unreadNotifications } = useView();
  const items: { key: NavKey; href: string }[] = [
    { key: 'home', href: urls.home() },
    { key: 'courts', href: urls.courts() },
    { key: 'caseStatus', href: urls.caseStatus() },
    { key: 'judgments', href: urls.judgments() },
    { key: 'hearingLists', href: urls.hearingLists() },
    { key: 'statistics', href: urls.statistics() },
    { key: 'terms', href: urls.terms() },
    ...(signedInAs
      ? [
          { key: 'cabinet' as const, href: urls.cabinet() },
          { key: 'hearings' as const, href: urls.hearingCalendar() },
          { key: 'notifications' as const, href: urls.notifications() },
          { key: 'profile' as const, href: urls.profile() },
          ...(showJudgeCases ? [{ key: 'judge' as const, href: urls.judgeCases() }] : []),
          ...(showCourtOffice ? [{ key: 'court' as const, href: urls.registry() }] : []),
          ...(showRoleAdmin ? [{ key: 'admin' as const, href: urls.roleAdmin() }] : []),
        ]
      : [{ key: 'signIn' as const, href: urls.login() }]),
  ];
  return (
    <div class="govuk-service-navigation" data-module="govuk-service-navigation">
      <div class="govuk-width-container">
        <div class="govuk-service-navigation__container">
          <nav aria-label={t('layout.menu')} class="govuk-service-navigation__wrapper">
            <button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden>
              {t('layout.menu')}
            </button>
            <ul class="govuk-service-navigation__list" id="navigation">
              {items.map((item) => {
                const active = item.key === current;
                return (
                  <li class={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`} key={item.key}>
                    <a class="govuk-service-navigation__link" href={item.href} aria-current={active ? 'page' : undefined}>
                      {active ? <strong class="govuk-service-navigation__active-fallback">{t(`layout.nav.${item.key}`)}</strong> : t(`layout.nav.${item.key}`)}
                      {item.key === 'notifications' && unreadNotifications ? <UnreadBadge count={unreadNotifications} /> : null}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
          {signedInAs && (
            <form method="post" action={urls.logout()} class="sot-signout">
              <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
              <span class="govuk-body-s sot-signout__name">{t('layout.signedInAs', { name: signedInAs })}</span>{' '}
              <button type="submit" class="govuk-button govuk-button--secondary sot-signout__button" data-module="govuk-button">
                {t('layout.signOut')}
              </button>
            </form>
          )}
        </div>
      </div>
    </div>
  );
}

/** The unread count: the number is seen, the words are read out (", 3 unread"). */
function UnreadBadge({ count }: { count: number }) {
  const { t } = useView();
  return (
    <>
      {' '}
      <span class="sot-badge" aria-hidden="true">
        {count > 99 ? '99+' : count}
      </span>
      <span class="govuk-visually-hidden">({t('notifications.unread', { count })})</span>
    </>
  );
}

function LanguageNavigation() {
  const { t, lang, currentUrl } = useView();
  return (
    <nav class="govuk-language-navigation" aria-label={t('layout.languageSwitcher')}>
      <ul class="govuk-language-navigation__list">
        {LANGUAGES.map((code) => (
          <li class="govuk-language-navigation__list-item" key={code}>
            {code === lang ? (
              <span class="govuk-language-navigation__text" aria-current="true" lang={code}>
                {LANGUAGE_NAMES[code]}
              </span>
            ) : (
              <a class="govuk-language-navigation__link" href={urls.language(code, currentUrl)} rel="alternate" lang={code} hreflang={code}>
                {LANGUAGE_NAMES[code]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Header() {
  const { t } = useView();
  return (
    <header class="sot-header">
      <div class="govuk-width-container sot-header__container">
        <a class="sot-header__brand" href={urls.home()}>
          <img class="sot-header__logo" src="/public/images/sot-logo.svg" alt="" width={40} height={40} />
          <span>
            <span class="sot-header__name">{t('meta.siteName')}</span>
            <span class="sot-header__tagline">{t('meta.tagline')}</span>
          </span>
        </a>
        <LanguageNavigation />
      </div>
    </header>
  );
}

function Footer() {
  const { t } = useView();
  return (
    <footer class="govuk-footer">
      <div class="govuk-width-container">
        <div class="govuk-footer__meta">
          <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <p class="govuk-body">
              <Interpolated
                template={t('layout.footer.helpLine')}
                values={{ phone: <a class="govuk-footer__link" href={`tel:${HELP_LINE}`}>{HELP_LINE}</a> }}
              />
            </p>
            <ul class="govuk-footer__inline-list">
              <li class="govuk-footer__inline-list-item">
                <a class="govuk-footer__link" href={urls.apiDocs()}>
                  {t('layout.footer.api')}
                </a>
              </li>
            </ul>
            <p class="govuk-body-s">{t('layout.footer.openSource')}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}

/** For administrators: values of the law that quotes and terms will need and nobody has entered. */
function ReferenceGapBanner() {
  const { t, referenceGaps, currentUrl } = useView();
  if (referenceGaps.length === 0) return null;
  return (
    <div class="govuk-notification-banner" role="region" aria-labelledby="reference-gap-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="reference-gap-title">
          {t('reference.gap.title')}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <ul class="govuk-list">
          {referenceGaps.map((gap) => (
            <li key={`${gap.kind}${gap.year}`}>{t(gap.kind === 'mci' ? 'reference.gap.mci' : 'reference.gap.calendar', { year: gap.year })}</li>
          ))}
        </ul>
        {!currentUrl.startsWith(urls.referenceAdmin()) && (
          <p class="govuk-body">
            <a class="govuk-notification-banner__link" href={urls.referenceAdmin(referenceGaps[0]!.year)}>
              {t('reference.gap.link')}
            </a>
          </p>
        )}
      </div>
    </div>
  );
}

export interface LayoutProps {
  title: string;
  nav?: NavKey | undefined;
  scripts?: string[] | undefined;
  children: ComponentChildren;
}

export function Layout({ title, nav, scripts = [], children }: LayoutProps) {
  const { t, lang, demo, asset } = useView();
  const pageScripts = scripts.map(asset);
  return (
    <html lang={lang} class="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <title>{`${title} — ${t('meta.siteName')}`}</title>
        <meta name="theme-color" content="#00627a" />
        <link rel="icon" href="/public/images/sot-logo.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={asset('sot.css').url} />
        <script type="module" src={asset('enhance.js').url} />
        {pageScripts.map((script) => (
          <script type="module" src={script.url} key={script.url} />
        ))}
        {/* The demo signer's code is a chunk of its own that only demo pages fetch ahead. */}
        {demo && pageScripts.flatMap((script) => script.lazy ?? []).map((href) => <link rel="modulepreload" href={href} key={href} />)}
      </head>
      <body class="govuk-template__body">
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">
          {t('layout.skipLink')}
        </a>
        <Header />
        <ServiceNavigation current={nav} />
        <div class="govuk-width-container">
          {demo && (
            <div class="govuk-phase-banner">
              <p class="govuk-phase-banner__content">
                <strong class="govuk-tag govuk-phase-banner__content__tag">{t('layout.phase')}</strong>
                <span class="govuk-phase-banner__text">{t('meta.demoBanner')}</span>
              </p>
            </div>
          )}
          <main class="govuk-main-wrapper" id="main-content">
            <ReferenceGapBanner />
            {children}
          </main>
        </div>
        <Footer />
      </body>
    </html>
  );
}
