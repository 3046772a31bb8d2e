import { formatDateTime } from '../../i18n/format.ts';
import type { CabinetCase } from '../../queries/cabinet.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { categoryLabel } from '../components/labels.ts';
import { localName } from '../components/names.ts';

export function CabinetPage({ name, bin, cases }: { name: string; bin: string | null; cases: CabinetCase[] }) {
  const { t, lang } = useView();
  return (
    <>
      <span class="govuk-caption-l">{name}</span>
      <h1 class="govuk-heading-xl">{t('cabinet.title')}</h1>
      {bin && <p class="govuk-body">{t('cabinet.actingFor', { bin })}</p>}
      {cases.length === 0 ? (
        <p class="govuk-body">{t('cabinet.empty')}</p>
      ) : (
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
