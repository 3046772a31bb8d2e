import { courtDateIso, formatCourtDay, formatDate, formatDateTime, formatTime } from '../../i18n/format.ts';
import type { CalendarHearing } from '../../queries/hearingCalendar.ts';
import { CALENDAR_LIMIT } from '../../queries/hearingCalendar.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { DateInput, ErrorSummary, PostButton, SuccessBanner, Table, type FieldError } from '../components/govuk.tsx';
import { hearingStatusLabel } from '../components/labels.ts';
import { localName } from '../components/names.ts';

export interface HearingPeriodValues {
  fromDay?: string | undefined;
  fromMonth?: string | undefined;
  fromYear?: string | undefined;
  toDay?: string | undefined;
  toMonth?: string | undefined;
  toYear?: string | undefined;
}

export interface HearingCalendarProps {
  name: string;
  /** The period shown, as ISO days, both included; null when the dates typed were refused. */
  period: { from: string; to: string } | null;
  values: HearingPeriodValues;
  errors: FieldError[];
  hearings: CalendarHearing[];
  truncated: boolean;
  /** The two periods offered as links: from today on, and the days before it. */
  upcoming: { from: string; to: string };
  previous: { from: string; to: string };
  feed: { createdAt: Date } | null;
  /** The full link, only in the answer to the request that made it. */
  createdLink?: string | undefined;
  notice?: 'off' | undefined;
}

/** The signed-in person's hearings across all their cases, grouped by day, and their private calendar link. */
export function HearingCalendarPage(props: HearingCalendarProps) {
  const { t, lang } = useView();
  const days = groupByDay(props.hearings);
  return (
    <>
      <span class="govuk-caption-l">{props.name}</span>
      <h1 class="govuk-heading-xl">{t('hearings.title')}</h1>
      {props.notice === 'off' && <SuccessBanner title={t('hearings.feed.done')} message={t('hearings.feed.turnedOff')} />}
      {props.createdLink && <CreatedLink link={props.createdLink} />}
      <ErrorSummary errors={props.errors} />
      <p class="govuk-body-l">{t('hearings.lead')}</p>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={urls.hearingCalendar()}>
            {t('hearings.show.upcoming')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={urls.hearingCalendar(props.previous)}>
            {t('hearings.show.previous')}
          </a>
        </li>
      </ul>
      <PeriodForm values={props.values} errors={props.errors} />
      {props.period && (
        <>
          <h2 class="govuk-heading-l">{t('hearings.range', { from: formatCourtDay(props.period.from, lang), to: formatCourtDay(props.period.to, lang) })}</h2>
          {days.length === 0 && <p class="govuk-body">{t('hearings.empty')}</p>}
          {days.map(([day, list]) => (
            <section key={day} aria-labelledby={`day-${day}`}>
              <h3 class="govuk-heading-m" id={`day-${day}`}>
                <time dateTime={day}>{formatCourtDay(day, lang)}</time>
              </h3>
              <Table
                caption={formatCourtDay(day, lang)}
                headers={[t('hearings.column.time'), t('hearings.column.case'), t('hearings.column.court'), t('hearings.column.place'), t('hearings.column.role'), t('hearings.column.status')]}
              >
                {list.map((h) => (
                  <HearingRow hearing={h} key={h.id} />
                ))}
              </Table>
            </section>
          ))}
          {props.truncated && (
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong class="govuk-warning-text__text">{t('hearings.truncated', { count: CALENDAR_LIMIT })}</strong>
            </div>
          )}
        </>
      )}
      <FeedPanel feed={props.feed} />
    </>
  );
}

function groupByDay(list: CalendarHearing[]): [string, CalendarHearing[]][] {
  const days = new Map<string, CalendarHearing[]>();
  for (const h of list) {
    const day = courtDateIso(h.startsAt);
    days.set(day, [...(days.get(day) ?? []), h]);
  }
  return [...days.entries()];
}

/** Only a web address is a link: a video link is typed by the court, and anything else is shown as text. */
const isWebAddress = (value: string) => /^https?:\/\//i.test(value);

function HearingRow({ hearing: h }: { hearing: CalendarHearing }) {
  const { t, lang } = useView();
  return (
    <tr class="govuk-table__row" data-hearing-id={h.id}>
      <td class="govuk-table__cell">
        <time dateTime={h.startsAt.toISOString()}>{formatTime(h.startsAt, lang)}</time>
      </td>
      <td class="govuk-table__cell">
        <a class="govuk-link sot-case-number" href={urls.cabinetCase(h.caseId)}>
          {h.caseNumber ?? t('cabinet.notRegistered')}
        </a>
      </td>
      <td class="govuk-table__cell">{localName(h.court, lang)}</td>
      <td class="govuk-table__cell">
        {h.room && t('caseStatus.room', { room: h.room })}
        {h.room && h.videoLink && <br />}
        {h.videoLink &&
          (isWebAddress(h.videoLink) ? (
            <a class="govuk-link" href={h.videoLink} rel="noopener noreferrer">
              {t('hearings.video')}
            </a>
          ) : (
            h.videoLink
          ))}
      </td>
      <td class="govuk-table__cell">{h.myRoles.map((r) => t(`partyRole.${r}`)).join(', ')}</td>
      <td class="govuk-table__cell">
        <strong class={`govuk-tag ${h.status === 'scheduled' ? 'govuk-tag--blue' : 'govuk-tag--grey'}`}>{hearingStatusLabel(t, h.status)}</strong>
        {h.postponedTo && (
          <span class="govuk-body-s sot-block govuk-!-margin-top-1">
            {t('hearings.postponedTo', { time: formatDateTime(h.postponedTo, lang) })}
          </span>
        )}
      </td>
    </tr>
  );
}

function PeriodForm({ values, errors }: { values: HearingPeriodValues; errors: FieldError[] }) {
  const { t } = useView();
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <details class="govuk-details" open={errors.length > 0}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{t('hearings.filter.title')}</span>
      </summary>
      <div class="govuk-details__text">
        <form method="get" action={urls.hearingCalendar()} novalidate>
          <DateInput
            id="from"
            legend={t('hearings.filter.from')}
            legendClass="govuk-fieldset__legend--s"
            hint={t('hearings.filter.hint')}
            error={errorOf('from-day')}
            boxes={[
              { id: 'from-day', name: 'fromDay', value: values.fromDay },
              { id: 'from-month', name: 'fromMonth', value: values.fromMonth },
              { id: 'from-year', name: 'fromYear', value: values.fromYear },
            ]}
          />
          <DateInput
            id="to"
            legend={t('hearings.filter.to')}
            legendClass="govuk-fieldset__legend--s"
            hint={t('hearings.filter.hint')}
            error={errorOf('to-day')}
            boxes={[
              { id: 'to-day', name: 'toDay', value: values.toDay },
              { id: 'to-month', name: 'toMonth', value: values.toMonth },
              { id: 'to-year', name: 'toYear', value: values.toYear },
            ]}
          />
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t('hearings.filter.submit')}
          </button>
        </form>
      </div>
    </details>
  );
}

function CreatedLink({ link }: { link: string }) {
  const { t } = useView();
  return (
    <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="feed-created-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="feed-created-title">
          {t('hearings.feed.created.title')}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-body">{t('hearings.feed.created.text')}</p>
        <div class="govuk-form-group govuk-!-margin-bottom-0">
          <label class="govuk-label" for="feed-link">
            {t('hearings.feed.created.label')}
          </label>
          <input class="govuk-input govuk-!-width-full" id="feed-link" name="feed-link" type="text" readOnly value={link} spellcheck={false} autocomplete="off" data-feed-link />
        </div>
      </div>
    </div>
  );
}

function FeedPanel({ feed }: { feed: { createdAt: Date } | null }) {
  const { t, lang } = useView();
  return (
    <section aria-labelledby="feed-title" class="govuk-!-margin-top-8">
      <h2 class="govuk-heading-l" id="feed-title">
        {t('hearings.feed.title')}
      </h2>
      <p class="govuk-body">{t('hearings.feed.lead')}</p>
      {feed ? (
        <>
          <p class="govuk-body" data-feed-live>
            {t('hearings.feed.live', { date: formatDate(feed.createdAt, lang) })}
          </p>
          <p class="govuk-hint">{t('hearings.feed.renew.hint')}</p>
          <div class="govuk-button-group">
            <PostButton action={urls.calendarFeedCreate()} label={t('hearings.feed.renew')} about="" />
            <PostButton action={urls.calendarFeedOff()} label={t('hearings.feed.off')} about="" secondary />
          </div>
        </>
      ) : (
        <>
          <p class="govuk-body">{t('hearings.feed.none')}</p>
          <PostButton action={urls.calendarFeedCreate()} label={t('hearings.feed.create')} about="" />
        </>
      )}
    </section>
  );
}
