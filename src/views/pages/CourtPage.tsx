import type { ComponentChildren } from 'preact';
import type { CaseKind } from '../../domain/caseKinds.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { CourtDetails, ScheduledHearing } from '../../queries/courts.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { SummaryList } from '../components/govuk.tsx';
import { localAddress, localName } from '../components/names.ts';
import { categoryLabel, courtTypeLabel, levelLabel } from '../components/labels.ts';

export function CourtPage({ details, schedule }: { details: CourtDetails; schedule: ScheduledHearing[] }) {
  const { t, lang } = useView();
  const { court, region, appealCourt, cassationCourts, lowerCourts } = details;
  const link = (c: { code: string; nameKk: string; nameRu: string; nameEn: string }) => (
    <a class="govuk-link" href={urls.court(c.code)}>
      {localName(c, lang)}
    </a>
  );
  const rows: { key: string; value: ComponentChildren }[] = [
    { key: t('court.level'), value: levelLabel(t, court.level) },
    { key: t('court.type'), value: courtTypeLabel(t, court.type) },
    { key: t('court.region'), value: region.code === 'republic' ? t('courts.nationwide') : localName(region, lang) },
    { key: t('court.kinds'), value: (court.caseKinds as CaseKind[]).map((k) => t(`caseKind.${k}`)).join(', ') },
  ];
  const address = localAddress(court, lang);
  if (address) rows.push({ key: t('court.address'), value: address });
  if (court.phone) rows.push({ key: t('court.phone'), value: <a class="govuk-link" href={`tel:${court.phone.replace(/[^+\d]/g, '')}`}>{court.phone}</a> });
  if (court.email) rows.push({ key: t('court.email'), value: <a class="govuk-link" href={`mailto:${court.email}`}>{court.email}</a> });
  if (appealCourt) rows.push({ key: t('court.appealsTo'), value: link(appealCourt) });
  const linkList = (list: { id: string; code: string; nameKk: string; nameRu: string; nameEn: string }[]) => (
    <ul class="govuk-list">
      {list.map((c) => (
        <li key={c.id}>{link(c)}</li>
      ))}
    </ul>
  );
  if (cassationCourts.length > 0) rows.push({ key: t('court.cassationTo'), value: linkList(cassationCourts) });
  if (lowerCourts.length > 0) rows.push({ key: t('court.reviewsFrom'), value: linkList(lowerCourts) });
  return (
    <>
      <span class="govuk-caption-l">{levelLabel(t, court.level)}</span>
      <h1 class="govuk-heading-xl">{localName(court, lang)}</h1>
      {court.isDemo && (
        <div class="govuk-inset-text">{t('court.demoLabel')}</div>
      )}
      <SummaryList rows={rows} />
      <p class="govuk-body">
        <a class="govuk-link" href={urls.courtStatistics(court.code)}>
          {t('statistics.courtLink')}
        </a>
      </p>
      <h2 class="govuk-heading-l">{t('court.schedule.title')}</h2>
      <p class="govuk-body">
        <a class="govuk-link" href={urls.hearingLists({ court: court.code })}>
          {t('court.schedule.allHearings')}
        </a>
      </p>
      {schedule.length === 0 ? (
        <p class="govuk-body">{t('court.schedule.empty')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{t('court.schedule.title')}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">{t('court.schedule.time')}</th>
              <th scope="col" class="govuk-table__header">{t('court.schedule.case')}</th>
              <th scope="col" class="govuk-table__header">{t('court.schedule.category')}</th>
              <th scope="col" class="govuk-table__header">{t('court.schedule.room')}</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {schedule.map((h) => (
              <tr class="govuk-table__row" key={`${h.caseNumber}-${h.startsAt.toISOString()}`}>
                <td class="govuk-table__cell">
                  <time dateTime={h.startsAt.toISOString()}>{formatDateTime(h.startsAt, lang)}</time>
                </td>
                <td class="govuk-table__cell">
                  <a class="govuk-link sot-case-number" href={urls.caseStatus(h.caseNumber)}>
                    {h.caseNumber}
                  </a>
                </td>
                <td class="govuk-table__cell">{h.closed ? t('court.schedule.closed') : categoryLabel(t, h.category)}</td>
                <td class="govuk-table__cell">{h.room ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
