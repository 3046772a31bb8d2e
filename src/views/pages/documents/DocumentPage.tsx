import type { ActData } from '../../../acts/actData.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import type { CaseDocument } from '../../../queries/caseDocuments.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { ActSignatureCheck } from '../../components/actSignature.tsx';
import { SummaryList } from '../../components/govuk.tsx';
import { Interpolated } from '../../components/Interpolated.tsx';
import { documentKindLabel, documentTitle, previewOf } from './documentLabels.ts';

export interface DocumentView {
  caseId: string;
  caseNumber: string | null;
  document: CaseDocument;
  /** The text of a text document, shown in the page. */
  text: string | null;
}

/**
 * One document of a case: what it is, the document itself where the browser can show it, download
 * and print. An issued court act is shown as its signed PDF, with its signature checked and the
 * address of its public check: that is the page a notice of the act links to.
 */
export function DocumentPage({ view, act }: { view: DocumentView; act: ActData | null }) {
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
      <h1 class="govuk-heading-xl">{documentTitle(t, d)}</h1>
      <SummaryList
        rows={[
          { key: t('documents.column.kind'), value: documentKindLabel(t, d.kind) },
          { key: t('documents.column.date'), value: formatDateTime(d.issuedAt ?? d.createdAt, lang) },
          ...(!act && d.fileName ? [{ key: t('documents.fileName'), value: d.fileName }] : []),
          ...(!act && d.sizeBytes !== null ? [{ key: t('documents.size'), value: t('documents.bytes', { count: d.sizeBytes }) }] : []),
          ...(!act && d.sha256 ? [{ key: t('documents.sha256'), value: <code class="sot-hash">{d.sha256}</code> }] : []),
        ]}
      />
      {act ? (
        <CourtActBody view={view} act={act} />
      ) : (
        <>
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
        </>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={urls.caseAccessLog(view.caseId)}>
          {t('documents.accessLog.link')}
        </a>
      </p>
    </>
  );
}

/**
 * The official act is its signed PDF (the one with the QR code): embedded for reading, with a link
 * to it that works where the browser has no PDF viewer or no script. Its text stays in the page,
 * folded, for screen readers and small screens.
 */
function CourtActBody({ view, act }: { view: DocumentView; act: ActData }) {
  const { t } = useView();
  const d = view.document;
  const pdf = urls.actPdf(view.caseId, d.id);
  return (
    <>
      <div class="govuk-button-group">
        <a class="govuk-button" data-module="govuk-button" href={urls.actPdf(view.caseId, d.id, true)}>
          {t('documents.act.downloadPdf')}
        </a>
        {previewOf(d.mediaType) === 'pdf' && (
          <a class="govuk-button govuk-button--secondary" data-module="govuk-button" href={urls.caseDocumentFile(view.caseId, d.id, true)}>
            {t('documents.act.original')}
          </a>
        )}
        <a class="govuk-link" href={urls.caseDocumentPrint(view.caseId, d.id)}>
          {t('documents.print')}
        </a>
      </div>
      <h2 class="govuk-heading-m">{t('proceedings.pdf.signature')}</h2>
      <ActSignatureCheck act={act} />
      <p class="govuk-body">
        {t('documents.act.verify')}{' '}
        <a class="govuk-link sot-verify-url" href={act.verifyUrl}>
          {act.verifyUrl}
        </a>
      </p>
      <h2 class="govuk-heading-m">{t('documents.act.pdf')}</h2>
      <iframe class="sot-act-pdf" src={pdf} title={t('documents.act.pdfFrame', { number: act.caseNumber })} />
      <p class="govuk-body">
        <Interpolated template={t('documents.act.pdfFallback')} values={{ link: <a class="govuk-link" href={pdf}>{t('documents.act.openPdf')}</a> }} />
      </p>
      {view.text !== null && (
        <details class="govuk-details">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">{t('documents.act.text')}</span>
          </summary>
          <div class="govuk-details__text">
            <pre class="sot-document-text">{view.text}</pre>
          </div>
        </details>
      )}
    </>
  );
}
