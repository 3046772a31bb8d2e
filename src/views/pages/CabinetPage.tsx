import type { EntityTie } from '../../domain/ncaRoles.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { filingsOf } from '../../queries/filingForm.ts';
import type { CabinetCase } from '../../queries/cabinet.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { categoryLabel } from '../components/labels.ts';
import { localName } from '../components/names.ts';

export function CabinetPage({ name, bin, entity, cases, filings }: { name: string; bin: string | null; entity: EntityTie | null; cases: CabinetCase[]; filings: CabinetFiling[] }) {
  const { t, lang } = useView();
  return (
    <>
      <span class="govuk-caption-l">{name}</span>
      <h1 class="govuk-heading-xl">{t('cabinet.title')}</h1>
      {entity ? (
        <p class="govuk-body" data-entity-standing={entity.standing}>
          {t(`cabinet.entity.${entity.standing}`, { name: entity.name ?? entity.bin, bin: entity.bin })}
        </p>
      ) : (
        bin && <p class="govuk-body">{t('cabinet.actingFor', { bin })}</p>
      )}
      <a class="govuk-button" data-module="govuk-button" href={urls.newFiling()} role="button" draggable={false}>
        {t('cabinet.filings.new')}
      </a>
      <Filings filings={filings} />
      {cases.length === 0 ? (
        <p class="govuk-body">{t('cabinet.empty')}</p>
      ) : (
        <p class="govuk-body">
          <a class="govuk-link" href={urls.hearingCalendar()}>
            {t('hearings.cabinetLink')}
          </a>
          {' · '}
          <a class="govuk-link" href={urls.cabinetCaseSearch()}>
            {t('caseSearch.link.cabinet')}
          </a>
        </p>
      )}
      {cases.length > 0 && (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">{t('cabinet.cases')}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">{t('cabinet.column.case')}</th>
              <th scope="col" class="govuk-table__header">{t('cabinet.column.court')}</th>
              <th scope="col" class="govuk-table__header">{t('cabinet.column.role')}</th>
              <th scope="col" class="govuk-table__header">{t('cabinet.column.status')}</th>
              <th scope="col" class="govuk-table__header">{t('cabinet.column.nextHearing')}</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {cases.map((c) => (
              <tr class="govuk-table__row" key={c.id}>
                <td class="govuk-table__cell">
                  <a class="govuk-link sot-case-number" href={urls.cabinetCase(c.id)}>
                    {c.number ?? t('cabinet.notRegistered')}
                  </a>
                  <br />
                  <span class="govuk-body-s">{categoryLabel(t, c.category)}</span>
                </td>
                <td class="govuk-table__cell">{localName(c.court, lang)}</td>
                <td class="govuk-table__cell">{c.myRoles.map((r) => t(`partyRole.${r}`)).join(', ')}</td>
                <td class="govuk-table__cell">{t(`status.${c.status}`)}</td>
                <td class="govuk-table__cell">{c.nextHearing ? <time dateTime={c.nextHearing.toISOString()}>{formatDateTime(c.nextHearing, lang)}</time> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export type CabinetFiling = Awaited<ReturnType<typeof filingsOf>>[number];

function Filings({ filings }: { filings: CabinetFiling[] }) {
  const { t, lang } = useView();
  if (filings.length === 0) return <p class="govuk-body">{t('cabinet.filings.empty')}</p>;
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{t('cabinet.filings.title')}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">{t('cabinet.filings.column.filing')}</th>
          <th scope="col" class="govuk-table__header">{t('cabinet.filings.column.status')}</th>
          <th scope="col" class="govuk-table__header">{t('cabinet.filings.column.duty')}</th>
          <th scope="col" class="govuk-table__header">{t('cabinet.filings.column.updated')}</th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {filings.map((f) => (
          <tr class="govuk-table__row" key={f.id}>
            <td class="govuk-table__cell">
              <a class="govuk-link" href={f.status === 'draft' ? urls.filing(f.id) : urls.talon(f.id)}>
                {t(`filing.type.${f.type}`)}
              </a>
              {f.talonNumber && <span class="govuk-body-s sot-block">{f.talonNumber}</span>}
            </td>
            <td class="govuk-table__cell">{f.status === 'draft' ? <strong class="govuk-tag govuk-tag--grey">{t('cabinet.filings.draft')}</strong> : t('filing.talon.banner')}</td>
            <td class="govuk-table__cell">{f.status === 'draft' ? '—' : t(`talon.duty.status.${f.dutyStatus}`)}</td>
            <td class="govuk-table__cell">
              <time dateTime={f.updatedAt.toISOString()}>{formatDateTime(f.updatedAt, lang)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
