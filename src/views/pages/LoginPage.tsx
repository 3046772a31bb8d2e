import { useView } from '../context.ts';
import { Interpolated } from '../components/Interpolated.tsx';
import { SigningErrorSummary } from '../components/govuk.tsx';
import { HELP_LINE } from '../layout.tsx';

export interface DemoSigner {
  handle: string;
  /** The person's name, and their position where the group does not say it (a chair). */
  label: string;
}

/** Demo people of one role at one court ("Judge — Medeu District Court of Almaty"), or of one kind. */
export interface DemoSignerGroup {
  label: string;
  signers: DemoSigner[];
}

/** The kind of page a notice's link leads to, when the person came by one. */
export type NoticeTarget = 'document' | 'case' | 'filing';

export interface LoginPageProps {
  returnTo: string;
  fromNotice?: NoticeTarget | null;
  /** Demo certificates to sign in with, in demo mode only. */
  demoSigners: DemoSignerGroup[] | null;
  demoPassword: string;
}

export function LoginPage({ returnTo, fromNotice = null, demoSigners, demoPassword }: LoginPageProps) {
  const { t } = useView();
  return (
    <div
      class="govuk-grid-row"
      data-signin
      data-return={returnTo}
      data-ncalayer-missing={t('login.ncalayer.missing')}
      data-wrong-password={t('login.demo.wrongPassword')}
      data-failed={t('login.failed')}
    >
      <div class="govuk-grid-column-two-thirds">
        <SigningErrorSummary />
        <h1 class="govuk-heading-xl">{t('login.title')}</h1>
        {fromNotice && (
          <div class="govuk-inset-text" data-notice-reason={fromNotice}>
            <h2 class="govuk-heading-s govuk-!-margin-bottom-2">{t('login.fromNotice.title')}</h2>
            <p class="govuk-body govuk-!-margin-bottom-0">{t(`login.fromNotice.${fromNotice}`)}</p>
          </div>
        )}
        <p class="govuk-body-l">{t('login.lead')}</p>
        <noscript>
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text">
              <span class="govuk-visually-hidden">{t('error.title')}</span>
              {t('login.noscript')}
            </strong>
          </div>
        </noscript>
        <div data-needs-js hidden>
          <h2 class="govuk-heading-m">{t('login.ncalayer.title')}</h2>
          <p class="govuk-body">{t('login.ncalayer.body')}</p>
          <button type="button" class="govuk-button" data-module="govuk-button" data-ncalayer>
            {t('login.ncalayer.button')}
          </button>
          {demoSigners && (
            <section class="sot-card" aria-labelledby="demo-signer-heading">
              <h2 class="govuk-heading-m" id="demo-signer-heading">
                {t('login.demo.title')}
              </h2>
              <p class="govuk-body">{t('login.demo.body', { password: demoPassword })}</p>
              <form data-demo-signer>
                <div class="govuk-form-group">
                  <label class="govuk-label" for="demo-handle">
                    {t('login.demo.user')}
                  </label>
                  <select class="govuk-select" id="demo-handle" name="handle">
                    {demoSigners.map((group) => (
                      <optgroup label={group.label} key={group.label}>
                        {group.signers.map((s) => (
                          <option value={s.handle} key={s.handle}>
                            {s.label}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </div>
                <div class="govuk-form-group">
                  <label class="govuk-label" for="demo-password">
                    {t('login.demo.password')}
                  </label>
                  <input class="govuk-input govuk-input--width-10" id="demo-password" name="password" type="password" value={demoPassword} autocomplete="off" />
                </div>
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                  {t('login.demo.button')}
                </button>
              </form>
            </section>
          )}
        </div>
        <h2 class="govuk-heading-m">{t('login.need.title')}</h2>
        <ul class="govuk-list govuk-list--bullet">
          <li>{t('login.need.eds')}</li>
          <li>{t('login.need.ncalayer')}</li>
          <li>{t('login.need.browser')}</li>
        </ul>
        <p class="govuk-body">
          <Interpolated template={t('login.help')} values={{ phone: <a class="govuk-link" href={`tel:${HELP_LINE}`}>{HELP_LINE}</a> }} />
        </p>
      </div>
    </div>
  );
}
