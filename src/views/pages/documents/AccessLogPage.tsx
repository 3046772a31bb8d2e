import { formatDateTime } from '../../../i18n/format.ts';
import type { AccessLogRow } from '../../../queries/caseDocuments.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { documentKindLabel } from './documentLabels.ts';
import { Table } from '../../components/govuk.tsx';
import { ACCESS_CAPACITIES, type AccessCapacity } from '../../../domain/accessLog.ts';

/**
 * Who opened what in the case and when, court staff included — participants by name, staff by
 * their position in the court.
 */
export function AccessLogPage({ caseId, caseNumber, courtName, rows }: { caseId: string; caseNumber: string | null; courtName: string; rows: AccessLogRow[] }) {
  const { t, lang } = useView();
  const who = (row: AccessLogRow) => {
    const capacity = (ACCESS_CAPACITIES as readonly string[]).includes(row.capacity) ? t(`documents.capacity.${row.capacity as AccessCapacity}`, { court: courtName }) : row.capacity;
    return row.name ? `${row.name} (${capacity})` : capacity;
  };
  return (
    <>
      <span class="govuk-caption-l">
        <a class="govuk-link sot-case-number" href={urls.cabinetCase(caseId)}>
          {caseNumber ?? t('cabinet.notRegistered')}
        </a>
      </span>
      <h1 class="govuk-heading-xl">{t('documents.accessLog.title')}</h1>
      <p class="govuk-body">{t('documents.accessLog.lead')}</p>
      {rows.length === 0 ? (
        <p class="govuk-body">{t('documents.accessLog.empty')}</p>
      ) : (
        <Table caption={t('documents.accessLog.title')} headers={[t('documents.accessLog.when'), t('documents.accessLog.who'), t('documents.accessLog.what'), t('documents.accessLog.action')]}>
          {rows.map((row) => (
            <tr class="govuk-table__row" key={row.id}>
              <td class="govuk-table__cell">
                <time dateTime={row.occurredAt.toISOString()}>{formatDateTime(row.occurredAt, lang)}</time>
              </td>
              <td class="govuk-table__cell">{who(row)}</td>
              <td class="govuk-table__cell">
                {row.documentTitle ?? row.recordingTitle ?? '—'}
                {row.documentKind && <span class="govuk-hint govuk-!-margin-bottom-0 sot-block">{documentKindLabel(t, row.documentKind)}</span>}
              </td>
              <td class="govuk-table__cell">{t(`documents.action.${row.action}`)}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
