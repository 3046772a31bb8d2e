import { maskIin } from '../../domain/iin.ts';
import type { EntityTie } from '../../domain/ncaRoles.ts';
import { LANGUAGES, LANGUAGE_NAMES } from '../../i18n/index.ts';
import type { Role } from '../../policies/principal.ts';
import type { ProfileUser } from '../../queries/profile.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { CsrfField, ErrorSummary, SuccessBanner, SummaryList, TextInput } from '../components/govuk.tsx';

export interface ProfilePageProps {
  user: ProfileUser;
  bin: string | null;
  entity?: EntityTie | null | undefined;
  roles: Role[];
  notice?: 'saved' | 'sms' | 'email' | undefined;
  errors?: { field: 'phone' | 'email'; message: string }[];
  values?: { phone?: string; email?: string };
}


function ContactForm({ channel, current, verified, value, error }: { channel: 'sms' | 'email'; current: string | null; verified: boolean; value?: string | undefined; error?: string | undefined }) {
  const { t } = useView();
  const field = channel === 'sms' ? 'phone' : 'email';
  return (
    <form method="post" action={`/profile/contact/${channel}`} novalidate class="govuk-!-margin-bottom-6">
      <CsrfField />
      <p class="govuk-body">
        {current ? (
          <>
            {current}{' '}
            <strong class={`govuk-tag ${verified ? 'govuk-tag--green' : 'govuk-tag--yellow'}`}>{verified ? t('profile.verified') : t('profile.notVerified')}</strong>
          </>
        ) : (
          t('profile.none')
        )}
      </p>
      <TextInput
        id={field}
        name="address"
        label={channel === 'sms' ? t('profile.phone.new') : t('profile.email.new')}
        hint={channel === 'sms' ? t('profile.phone.hint') : undefined}
        value={value}
        error={error}
        autocomplete={channel === 'sms' ? 'tel' : 'email'}
        classes="govuk-input--width-20"
      />
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
        {t('profile.sendCode')}
      </button>
    </form>
  );
}

export function ProfilePage({ user, bin, entity, roles, notice, errors = [], values = {} }: ProfilePageProps) {
  const { t } = useView();
  const errorFor = (field: 'phone' | 'email') => errors.find((e) => e.field === field)?.message;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {notice && <SuccessBanner title={t('profile.notice.title')} message={t(`profile.notice.${notice}`)} />}
        <h1 class="govuk-heading-xl">{t('profile.title')}</h1>
        <h2 class="govuk-heading-m">{t('profile.fromCertificate')}</h2>
        <SummaryList
          rows={[
            { key: t('profile.name'), value: user.fullName },
            { key: t('profile.iin'), value: maskIin(user.iin) },
            ...(entity
              ? [
                  { key: t('profile.entity'), value: t(`entity.standing.${entity.standing}`, { name: entity.name ?? entity.bin }) },
                  { key: t('profile.bin'), value: entity.bin },
                  { key: t('profile.entity.roles'), value: entity.roles.length ? entity.roles.map((r) => t(`ncaRole.${r}`)).join(', ') : t('profile.entity.noRole') },
                ]
              : bin
                ? [{ key: t('profile.bin'), value: bin }]
                : []),
            { key: t('profile.roles'), value: roles.map((r) => t(`role.${r}`)).join(', ') },
            ...(user.barNumber ? [{ key: t('profile.barNumber'), value: user.barNumber }] : []),
          ]}
        />

        <h2 class="govuk-heading-m">{t('profile.phone.title')}</h2>
        <ContactForm channel="sms" current={user.phone} verified={Boolean(user.phoneVerifiedAt)} value={values.phone} error={errorFor('phone')} />
        <h2 class="govuk-heading-m">{t('profile.email.title')}</h2>
        <ContactForm channel="email" current={user.email} verified={Boolean(user.emailVerifiedAt)} value={values.email} error={errorFor('email')} />

        <h2 class="govuk-heading-m">{t('profile.preferences')}</h2>
        <form method="post" action={urls.profile()}>
          <CsrfField />
          <div class="govuk-form-group">
            <label class="govuk-label" for="language">
              {t('profile.language')}
            </label>
            <select class="govuk-select" id="language" name="language">
              {LANGUAGES.map((l) => (
                <option value={l} selected={l === user.language} key={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
          <div class="govuk-form-group">
            <fieldset class="govuk-fieldset" aria-describedby="channels-hint">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('profile.channels')}</legend>
              <div id="channels-hint" class="govuk-hint">
                {t('profile.channels.hint')}
              </div>
              <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div class="govuk-checkboxes__item">
                  <input class="govuk-checkboxes__input" id="notify-sms" name="notifyBySms" type="checkbox" value="on" checked={user.notifyBySms} />
                  <label class="govuk-label govuk-checkboxes__label" for="notify-sms">
                    {t('profile.channels.sms')}
                  </label>
                </div>
                <div class="govuk-checkboxes__item">
                  <input class="govuk-checkboxes__input" id="notify-email" name="notifyByEmail" type="checkbox" value="on" checked={user.notifyByEmail} />
                  <label class="govuk-label govuk-checkboxes__label" for="notify-email">
                    {t('profile.channels.email')}
                  </label>
                </div>
              </div>
            </fieldset>
          </div>
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('profile.save')}
          </button>
        </form>
      </div>
    </div>
  );
}

export function VerifyContactPage({ channel, address, error }: { channel: 'sms' | 'email'; address: string | null; error?: string | undefined }) {
  const { t } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={error ? [{ field: 'code', message: error }] : []} />
        <h1 class="govuk-heading-xl">{t('profile.verify.title')}</h1>
        <p class="govuk-body">{address ? t(channel === 'sms' ? 'profile.verify.sentSms' : 'profile.verify.sentEmail', { address }) : t('profile.verify.noCode')}</p>
        <form method="post" action={urls.profileVerify(channel)} novalidate>
          <CsrfField />
          <TextInput id="code" name="code" label={t('profile.verify.code')} error={error} classes="govuk-input--width-5" autocomplete="one-time-code" spellcheck={false} />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('profile.verify.submit')}
          </button>
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={urls.profile()}>
            {t('profile.verify.back')}
          </a>
        </p>
      </div>
    </div>
  );
}
