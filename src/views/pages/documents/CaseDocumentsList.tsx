import { formatDateTime } from '../../../i18n/format.ts';
import type { CaseDocument } from '../../../queries/caseDocuments.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { documentKindLabel, documentTitle } from './documentLabels.ts';
import { Table } from '../../components/govuk.tsx';

/** The case's documents, newest first, each leading to its page (viewer, download, print). */
export function CaseDocumentsList({ caseId, documents }: { caseId: string; documents: CaseDocument[] }) {
  const { t, lang } = useView();
  if (documents.length === 0) return <p class="govuk-body">{t('documents.none')}</p>;
  return (
    <Table caption={t('documents.title')} headers={[t('documents.column.document'), t('documents.column.kind'), t('documents.column.date')]}>
      {documents.map((d) => (
        <tr class="govuk-table__row" key={d.id}>
          <td class="govuk-table__cell">
            <a class="govuk-link" href={urls.caseDocument(caseId, d.id)}>
              {documentTitle(t, d)}
            </a>
          </td>
          <td class="govuk-table__cell">{documentKindLabel(t, d.kind)}</td>
          <td class="govuk-table__cell">
            <time dateTime={(d.issuedAt ?? d.createdAt).toISOString()}>{formatDateTime(d.issuedAt ?? d.createdAt, lang)}</time>
          </td>
        </tr>
      ))}
    </Table>
  );
}
