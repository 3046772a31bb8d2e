import { ALL_CASE_CATEGORIES, CASE_KINDS } from '../../domain/caseKinds.ts';
import type { RawHearingList } from '../../domain/hearingList.ts';
import { formatCourtDay, formatTime } from '../../i18n/format.ts';
import type { CourtNames, JudgeChoice, ListedHearing, RegionChoice } from '../../queries/hearingList.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { ErrorSummary, KeysetPagination, Select, TextInput, type FieldError } from '../components/govuk.tsx';
import { categoryLabel } from '../components/labels.ts';
import { localName } from '../components/names.ts';

export interface HearingListResult {
  items: ListedHearing[];
  from: string;
  to: string;
  nextUrl: string | null;
  firstUrl: string | null;
  /** The court's day list to print, when the list is of one court and one day. */
  printUrl: string | null;
}

export interface HearingListsPageProps {
  query: RawHearingList;
  /** The day the form shows when none was asked for: today in court time. */
  today: string;
  errors: FieldError[];
  courts: CourtNames[];
  regions: RegionChoice[];
  judges: JudgeChoice[];
  result: HearingListResult | null;
}

/** What a row shows of the parties: the rule's answer, never more (src/domain/hearingPublicity.ts). */
function Parties({ hearing }: { hearing: ListedHearing }) {
  const { t } = useView();
  const p = hearing.parties;
  if (p.withheld !== null) return <>{t(p.withheld === 'closed_hearing' ? 'hearingLists.closed' : 'hearingLists.private')}</>;
  return (
    <ul class="govuk-list govuk-body-s govuk-!-margin-bottom-0">
      {p.named.map((party, i) => (
        <li key={i}>
          {party.name} <span class="govuk-hint govuk-!-display-inline govuk-body-s">({t(`partyRole.${party.role}`)})</span>
        </li>
      ))}
      {p.unnamed > 0 && <li>{t('hearingLists.unnamed', { count: String(p.unnamed) })}</li>}
    </ul>
  );
}

export function HearingTable({ items, caption, showCourt = true }: { items: ListedHearing[]; caption: string; showCourt?: boolean }) {
  const { t, lang } = useView();
  const multiDay = new Set(items.map((h) => h.day)).size > 1;
  // Eight columns with the parties' names are wider than a phone, or than the page on a desk:
  // the table scrolls in a box of its own, which takes focus so a keyboard can scroll it.
  return (
    <div class="sot-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="govuk-table sot-hearing-list">
        <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">{t('hearingLists.time')}</th>
            {showCourt && <th scope="col" class="govuk-table__header">{t('hearingLists.court.column')}</th>}
            <th scope="col" class="govuk-table__header">{t('hearingLists.room')}</th>
            <th scope="col" class="govuk-table__header">{t('hearingLists.case')}</th>
            <th scope="col" class="govuk-table__header">{t('hearingLists.category.column')}</th>
            <th scope="col" class="govuk-table__header">{t('hearingLists.judge.column')}</th>
            <th scope="col" class="govuk-table__header">{t('hearingLists.status')}</th>
            <th scope="col" class="govuk-table__header">{t('hearingLists.parties')}</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {items.map((h) => (
            <tr class="govuk-table__row" key={h.id}>
              <td class="govuk-table__cell sot-case-number">
                {multiDay && (
                  <>
                    {formatCourtDay(h.day, lang)}
                    <br />
                  </>
                )}
                <time datetime={h.startsAt.toISOString()}>{formatTime(h.startsAt, lang)}</time>
              </td>
              {showCourt && <td class="govuk-table__cell">{localName(h.court, lang)}</td>}
              <td class="govuk-table__cell">{h.room ?? t('hearingLists.video')}</td>
              <td class="govuk-table__cell sot-case-number">{h.caseNumber}</td>
              <td class="govuk-table__cell">{categoryLabel(t, h.category)}</td>
              <td class="govuk-table__cell">{h.judge ?? ''}</td>
              <td class="govuk-table__cell">{t(`hearingStatus.${h.status}`)}</td>
              <td class="govuk-table__cell">
                <Parties hearing={h} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HearingListsPage({ query, today, errors, courts, regions, judges, result }: HearingListsPageProps) {
  const { t, lang } = useView();
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const any = { value: '', label: t('hearingLists.any') };
  const caption = result ? (result.from === result.to ? t('hearingLists.captionDay', { day: formatCourtDay(result.from, lang) }) : t('hearingLists.caption', { from: formatCourtDay(result.from, lang), to: formatCourtDay(result.to, lang) })) : '';
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <ErrorSummary errors={errors} />
        <h1 class="govuk-heading-l">{t('hearingLists.title')}</h1>
        <p class="govuk-body">{t('hearingLists.lead')}</p>
        <form method="get" action={urls.hearingLists()} novalidate class="sot-no-print">
          <TextInput id="from" name="from" label={t('hearingLists.from')} hint={t('hearingLists.dateHint')} value={query.from ?? today} error={errorOf('from')} classes="govuk-input--width-10" />
          <TextInput id="to" name="to" label={t('hearingLists.to')} value={query.to} error={errorOf('to')} classes="govuk-input--width-10" />
          <Select id="region" name="region" label={t('hearingLists.region')} value={query.region} error={errorOf('region')} groups={[{ choices: [any, ...regions.map((r) => ({ value: r.code, label: localName(r, lang) }))] }]} />
          <Select id="court" name="court" label={t('hearingLists.court')} value={query.court} groups={[{ choices: [any, ...courts.map((c) => ({ value: c.code, label: `${localName(c, lang)} (${c.code})` }))] }]} />
          <details class="govuk-details" open={Boolean(query.judge || query.category || query.kind)}>
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">{t('hearingLists.filters')}</span>
            </summary>
            <div class="govuk-details__text">
              <Select id="judge" name="judge" label={t('hearingLists.judge')} hint={judges.length === 0 ? t('hearingLists.judgeHint') : undefined} value={query.judge} groups={[{ choices: [any, ...judges.map((j) => ({ value: j.id, label: j.name }))] }]} />
              <Select id="kind" name="kind" label={t('hearingLists.kind')} value={query.kind} groups={[{ choices: [any, ...CASE_KINDS.map((k) => ({ value: k, label: t(`caseKind.${k}`) }))] }]} />
              <Select id="category" name="category" label={t('hearingLists.category')} value={query.category} groups={[{ choices: [any, ...ALL_CASE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))] }]} />
            </div>
          </details>
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('hearingLists.show')}
          </button>
        </form>
        {result && (
          <>
            {result.items.length === 0 ? (
              <>
                <h2 class="govuk-heading-m" id="results">
                  {caption}
                </h2>
                <p class="govuk-body">{t('hearingLists.none')}</p>
              </>
            ) : (
              <HearingTable items={result.items} caption={caption} />
            )}
            <p class="govuk-body sot-no-print">
              {result.printUrl ? (
                <a class="govuk-link" href={result.printUrl}>
                  {t('hearingLists.print')}
                </a>
              ) : (
                <span class="govuk-hint">{t('hearingLists.printHint')}</span>
              )}
            </p>
            <KeysetPagination class="sot-no-print" label={t('hearingLists.next')} next={{ url: result.nextUrl, label: t('hearingLists.next') }} first={{ url: result.firstUrl, label: t('hearingLists.first') }} />
          </>
        )}
      </div>
    </div>
  );
}

/** A court's day, to print: the court in the title, no form, every hearing of the day up to the limit. */
export function HearingListPrintPage({ court, day, items, more, limit }: { court: CourtNames; day: string; items: ListedHearing[]; more: boolean; limit: number }) {
  const { t, lang } = useView();
  const title = t('hearingLists.printTitle', { court: localName(court, lang), day: formatCourtDay(day, lang) });
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <h1 class="govuk-heading-l">{title}</h1>
        {items.length === 0 ? <p class="govuk-body">{t('hearingLists.none')}</p> : <HearingTable items={items} caption={title} showCourt={false} />}
        {more && <p class="govuk-body">{t('hearingLists.printMore', { count: String(limit) })}</p>}
      </div>
    </div>
  );
}
