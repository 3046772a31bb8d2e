import { actHeading } from '../../../acts/actPdf.ts';
import type { ActData } from '../../../acts/actData.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { ActSignatureCheck } from '../../components/actSignature.tsx';
import { SummaryList } from '../../components/govuk.tsx';
import type { DocumentView } from './DocumentPage.tsx';
import { documentKindLabel, documentTitle, previewOf } from './documentLabels.ts';

/**
 * A document laid out for paper: the browser's print leaves out the portal's header, menu and
 * footer (styles: @media print). A court act prints with its signature check and the QR code of
 * its public check, like its PDF.
 */
export function PrintDocumentPage({ view, act, qrSvg }: { view: DocumentView; act: ActData | null; qrSvg: string | null }) {
  const { t, lang } = useView();
  const d = view.document;
  return (
    <article class="sot-print">
      <p class="govuk-body sot-no-print">
        <a class="govuk-back-link" href={urls.caseDocument(view.caseId, d.id)}>
          {t('documents.back')}
        </a>
      </p>
      <p class="govuk-body sot-no-print">{t('documents.print.hint')}</p>
      {act ? (
        <>
          <p class="govuk-body-s">{act.court.name}</p>
          <h1 class="govuk-heading-l">{actHeading(t, act)}</h1>
          <p class="govuk-body-l">{act.title}</p>
          <SummaryList
            rows={[
              { key: t('proceedings.pdf.caseNumber'), value: act.caseNumber },
              { key: t('proceedings.pdf.issuedAt'), value: formatDateTime(act.issuedAt, lang) },
              ...(act.outcome ? [{ key: t('proceedings.acts.outcome'), value: t(`proceedings.outcome.${act.outcome}`) }] : []),
            ]}
          />
          {(act.text ?? '').split(/\n{2,}/).map((block, i) => (
            <p class="govuk-body sot-document-paragraph" key={i}>
              {block}
            </p>
          ))}
          <h2 class="govuk-heading-m">{t('proceedings.pdf.signature')}</h2>
          <ActSignatureCheck act={act} />
          {qrSvg && (
            <figure class="sot-qr">
              <div dangerouslySetInnerHTML={{ __html: qrSvg }} />
              <figcaption class="govuk-body-s">{t('proceedings.pdf.verify', { url: act.verifyUrl })}</figcaption>
            </figure>
          )}
        </>
      ) : (
        <>
          <p class="govuk-body-s">{view.caseNumber}</p>
          <h1 class="govuk-heading-l">{documentTitle(t, d)}</h1>
          <SummaryList
            rows={[
              { key: t('documents.column.kind'), value: documentKindLabel(t, d.kind) },
              { key: t('documents.column.date'), value: formatDateTime(d.issuedAt ?? d.createdAt, lang) },
              ...(d.sha256 ? [{ key: t('documents.sha256'), value: <code class="sot-hash">{d.sha256}</code> }] : []),
            ]}
          />
          {previewOf(d.mediaType) === 'image' && <img class="sot-document-image" src={urls.caseDocumentFile(view.caseId, d.id)} alt={t('documents.imageAlt', { title: d.title })} />}
          {view.text !== null && <pre class="sot-document-text">{view.text}</pre>}
          {previewOf(d.mediaType) === 'pdf' && <p class="govuk-body">{t('documents.print.pdf')}</p>}
        </>
      )}
    </article>
  );
}
