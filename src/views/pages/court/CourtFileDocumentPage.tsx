import type { ActData } from '../../../acts/actData.ts';
import { displayPersonName } from '../../../domain/personName.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import type { CourtFileDocumentRow, DocumentSignature } from '../../../queries/courtCaseFile.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { ActSignatureCheck } from '../../components/actSignature.tsx';
import { SummaryList } from '../../components/govuk.tsx';
import { Interpolated } from '../../components/Interpolated.tsx';
import { fileSize } from '../../components/recordings.tsx';
import { documentKindLabel, previewOf } from '../documents/documentLabels.ts';

export interface CourtFileDocumentView {
  caseId: string;
  caseNumber: string | null;
  document: CourtFileDocumentRow;
  signature: DocumentSignature;
  act: ActData | null;
  /** A text document's text, shown in the page. */
  text: string | null;
}

/**
 * One document of the e-case file in the court's viewer: a PDF in a frame (with a plain link for a
 * browser without a PDF viewer or script), an image or text in the page, anything else to download.
 * An issued act is shown as its signed PDF with its signature checked now.
 */
export function CourtFileDocumentPage({ view }: { view: CourtFileDocumentView }) {
  const { t, lang } = useView();
  const d = view.document;
  const preview = previewOf(d.mediaType);
  const file = urls.courtFileDocumentFile(view.caseId, d.id);
  const pdf = view.act ? urls.actPdf(view.caseId, d.id) : preview === 'pdf' && d.sha256 ? file : null;
  const signature = view.signature;
  return (
    <>
      <a class="govuk-back-link" href={`${urls.courtCaseFile(view.caseId)}#documents`}>
        {t('caseFile.back')}
      </a>
      <span class="govuk-caption-l sot-case-number">
        {t('caseFile.caption')} {view.caseNumber ?? ''}
      </span>
      <h1 class="govuk-heading-xl">{d.title}</h1>
      <SummaryList
        rows={[
          { key: t('documents.column.kind'), value: documentKindLabel(t, d.kind) },
          { key: t('caseFile.documents.filed'), value: `${d.filerName ?? t('caseFile.documents.byCourt')}, ${formatDateTime(d.issuedAt ?? d.createdAt, lang)}` },
          ...(d.fileName ? [{ key: t('documents.fileName'), value: d.fileName }] : []),
          ...(d.mediaType ? [{ key: t('caseFile.documents.type'), value: d.mediaType }] : []),
          ...(d.sizeBytes !== null ? [{ key: t('documents.size'), value: fileSize(t, lang, d.sizeBytes) }] : []),
          ...(d.sha256 ? [{ key: t('documents.sha256'), value: <code class="sot-hash">{d.sha256}</code> }] : []),
          ...(!view.act
            ? [
                {
                  key: t('caseFile.documents.signature'),
                  value:
                    signature.kind === 'none'
                      ? t('caseFile.signature.none')
                      : signature.kind === 'covered'
                        ? `${t(signature.valid ? 'office.signature.valid' : 'office.signature.invalid')} — ${t('caseFile.signature.covered', { talon: signature.by })}`
                        : `${t(signature.valid ? 'office.signature.valid' : 'office.signature.invalid')}${signature.signer ? ` — ${displayPersonName(signature.signer)}` : ''}`,
                },
              ]
            : []),
        ]}
      />
      {view.act && (
        <>
          <h2 class="govuk-heading-m">{t('proceedings.pdf.signature')}</h2>
          <ActSignatureCheck act={view.act} />
        </>
      )}
      {!d.sha256 && !view.act && <p class="govuk-body">{t('documents.noFile')}</p>}
      {d.sha256 && (
        <div class="govuk-button-group">
          <a class="govuk-button govuk-button--secondary" data-module="govuk-button" href={urls.courtFileDocumentFile(view.caseId, d.id, true)}>
            {t('documents.download')}
          </a>
        </div>
      )}
      {pdf && (
        <>
          <h2 class="govuk-heading-m">{t('caseFile.viewer.title')}</h2>
          <iframe class="sot-act-pdf" src={pdf} title={t('caseFile.viewer.frame', { title: d.title })} />
          <p class="govuk-body">
            {view.act ? (
              <Interpolated template={t('documents.act.pdfFallback')} values={{ link: <a class="govuk-link" href={pdf}>{t('documents.act.openPdf')}</a> }} />
            ) : (
              <Interpolated template={t('caseFile.viewer.fallback')} values={{ link: <a class="govuk-link" href={pdf}>{t('caseFile.viewer.open')}</a> }} />
            )}
          </p>
        </>
      )}
      {!view.act && preview === 'image' && d.sha256 && <img class="sot-document-image" src={file} alt={t('documents.imageAlt', { title: d.title })} />}
      {!view.act && view.text !== null && <pre class="sot-document-text">{view.text}</pre>}
    </>
  );
}
