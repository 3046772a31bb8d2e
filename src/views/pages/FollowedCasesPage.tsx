import type { FollowedCase } from '../../queries/caseFollows.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { CsrfField, SuccessBanner } from '../components/govuk.tsx';
import { localName } from '../components/names.ts';

export type FollowDone = 'followed' | 'saved' | 'stopped';

/** The channels of one case's alerts, as GOV.UK checkboxes; in the app always. */
function ChannelChoice({ item, index }: { item: FollowedCase; index: number }) {
  const { t } = useView();
  const id = `case-${index}`;
  return (
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset" aria-describedby={`${id}-hint`}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('follows.channels.legend', { number: item.number })}</legend>
        <div id={`${id}-hint`} class="govuk-hint">
          {t('follows.channels.hint')}
        </div>
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id={`${id}-email`} name="byEmail" type="checkbox" value="on" checked={item.byEmail} />
            <label class="govuk-label govuk-checkboxes__label" for={`${id}-email`}>
              {t('follows.channels.email')}
            </label>
          </div>
          <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id={`${id}-sms`} name="bySms" type="checkbox" value="on" checked={item.bySms} />
            <label class="govuk-label govuk-checkboxes__label" for={`${id}-sms`}>
              {t('follows.channels.sms')}
            </label>
          </div>
        </div>
      </fieldset>
    </div>
  );
}

/** Longer lists than this start with links to each case's part of the page. */
const CONTENTS_FROM = 5;

export function FollowedCasesPage({ cases, truncated, done }: { cases: FollowedCase[]; truncated: boolean; done?: FollowDone | undefined }) {
  const { t, lang } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {done && <SuccessBanner title={t('follows.done.title')} message={t(`follows.done.${done}`)} />}
        <h1 class="govuk-heading-xl">{t('follows.title')}</h1>
        <p class="govuk-body">{t('follows.lead')}</p>
        {cases.length === 0 && (
          <p class="govuk-body">
            {t('follows.empty')}{' '}
            <a class="govuk-link" href={urls.caseStatus()}>
              {t('follows.findCase')}
            </a>
          </p>
        )}
        {truncated && <p class="govuk-body">{t('follows.truncated', { count: cases.length })}</p>}
        {cases.length > CONTENTS_FROM && (
          // A company can be in dozens of cases, each with its own choices below: a list to go straight to one.
          <nav aria-labelledby="follows-contents-heading" class="govuk-!-margin-bottom-8">
            <h2 class="govuk-heading-s" id="follows-contents-heading">
              {t('follows.contents')}
            </h2>
            <ul class="govuk-list">
              {cases.map((item) => (
                <li key={item.caseId}>
                  <a class="govuk-link sot-case-number" href={`#${urls.followedCaseAnchor(item.caseId)}`}>
                    {item.number}
                  </a>{' '}
                  — {t(`status.${item.status}`)}
                  {!item.active && ` (${t('follows.off')})`}
                </li>
              ))}
            </ul>
          </nav>
        )}
        {cases.map((item, index) => (
          <section key={item.caseId} id={urls.followedCaseAnchor(item.caseId)} class="govuk-!-margin-bottom-8" aria-labelledby={`case-${index}-heading`}>
            <h2 class="govuk-heading-m govuk-!-margin-bottom-1" id={`case-${index}-heading`}>
              <a class="govuk-link sot-case-number" href={item.participant ? urls.cabinetCase(item.caseId) : urls.caseStatus(item.number)}>
                {item.number}
              </a>
            </h2>
            <p class="govuk-body govuk-!-margin-bottom-2">
              {localName(item.court, lang)}. {t(`status.${item.status}`)}
            </p>
            <p class="govuk-body">{t(item.participant ? 'follows.participant' : 'follows.public')}</p>
            {!item.active && (
              <p class="govuk-body">
                <strong class="govuk-tag govuk-tag--grey">{t('follows.off')}</strong>
              </p>
            )}
            <form method="post" action={urls.caseAlertChoice(item.caseId)} novalidate>
              <CsrfField />
              <input type="hidden" name="following" value="yes" />
              <ChannelChoice item={item} index={index} />
              <button type="submit" class="govuk-button" data-module="govuk-button">
                {t(item.active ? 'follows.save' : 'follows.resume', { number: item.number })}
              </button>
            </form>
            {(item.active || !item.participant) && (
              <form method="post" action={urls.caseAlertChoice(item.caseId)}>
                <CsrfField />
                <input type="hidden" name="following" value="no" />
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                  {t(item.participant ? 'follows.stop' : 'follows.unfollow', { number: item.number })}
                </button>
              </form>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}

/** Following a case from its public status page: what the follower will hear of, and the channels. */
export function FollowCasePage({ number, forEntity, byEmail, bySms }: { number: string; forEntity: boolean; byEmail: boolean; bySms: boolean }) {
  const { t } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl sot-case-number">{t('follows.new.title', { number })}</h1>
        <p class="govuk-body">{t(forEntity ? 'follows.new.leadEntity' : 'follows.new.lead')}</p>
        <form method="post" action={urls.followCaseSubmit()} novalidate>
          <CsrfField />
          <input type="hidden" name="number" value={number} />
          <ChannelChoice item={{ caseId: '', number, status: 'registered', court: { nameKk: '', nameRu: '', nameEn: '' }, participant: forEntity, active: true, byEmail, bySms }} index={0} />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('follows.new.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
