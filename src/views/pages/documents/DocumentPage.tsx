import { formatDateTime } from '../../../i18n/format.ts';
import type { CaseDocument } from '../../../queries/caseDocuments.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { SummaryList } from '../../components/govuk.tsx';
import { documentKindLabel, previewOf } from './documentLabels.ts';

export interface DocumentView {
  caseId: string;
  caseNumber: string | null;
  document: CaseDocument;
  /** The text of a text document, shown in the page. */
  text: string | null;
}

/** One document of a case: what it is, the document itself where the browser can show it, download and print. */
export function DocumentPage({ view }: { view: DocumentView }) {
  const { t, lang } = useView();
  const d = view.document;
  const preview = previewOf(d.mediaType);
  const hasFile = d.sha256 !== null;
  return (
    <>
      <span class="govuk-caption-l">
        <a class="govuk-link sot-case-number" href={urls.cabinetCase(view.caseId)}>
          {view.caseNumber ?? t('cabinet.notRegistered')}
        </a>
      </span>
      <h1 class="govuk-heading-xl">{d.title}</h1>
      <SummaryList
        rows={[
          { key: t('documents.column.kind'), value: documentKindLabel(t, d.kind) },
          { key: t('documents.column.date'), value: formatDateTime(d.issuedAt ?? d.createdAt, lang) },
          ...(d.fileName ? [{ key: t('documents.fileName'), value: d.fileName }] : []),
          ...(d.sizeBytes !== null ? [{ key: t('documents.size'), value: t('documents.bytes', { count: d.sizeBytes }) }] : []),
          ...(d.sha256 ? [{ key: t('documents.sha256'), value: <code class="sot-hash">{d.sha256}</code> }] : []),
        ]}
      />
      {!hasFile && <p class="govuk-body">{t('documents.noFile')}</p>}
      {hasFile && (
        <div class="govuk-button-group">
          {preview !== 'none' && (
            <a class="govuk-button" data-module="govuk-button" href={urls.caseDocumentFile(view.caseId, d.id)}>
              {t('documents.open')}
            </a>
          )}
          <a class="govuk-button govuk-button--secondary" data-module="govuk-button" href={urls.caseDocumentFile(view.caseId, d.id, true)}>
            {t('documents.download')}
          </a>
          <a class="govuk-link" href={urls.caseDocumentPrint(view.caseId, d.id)}>
            {t('documents.print')}
          </a>
        </div>
      )}
      {preview === 'image' && hasFile && <img class="sot-document-image" src={urls.caseDocumentFile(view.caseId, d.id)} alt={t('documents.imageAlt', { title: d.title })} />}
      {view.text !== null && <pre class="sot-document-text">{view.text}</pre>}
      <p class="govuk-body">
        <a class="govuk-link" href={urls.caseAccessLog(view.caseId)}>
          {t('documents.accessLog.link')}
        </a>
      </p>
    </>
  );
}
