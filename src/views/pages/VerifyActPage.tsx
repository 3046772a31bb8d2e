import { actHeading } from '../../acts/actPdf.ts';
import type { ActData } from '../../acts/actData.ts';
import { displayPersonName } from '../../domain/personName.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useView } from '../context.ts';
import { SummaryList } from '../components/govuk.tsx';

/**
 * The public check behind a court act's QR code: that the court issued it, when, signed by which
 * judge, and the hash of its text. The text itself is not shown: the parties read it signed in.
 */
export function VerifyActPage({ act }: { act: ActData }) {
  const { t, lang } = useView();
  const { signature } = act;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {signature.valid ? (
          <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">{t('proceedings.verify.genuine')}</h1>
            <div class="govuk-panel__body">{act.caseNumber}</div>
          </div>
        ) : (
          <>
            <span class="govuk-caption-l">{t('verify.title')}</span>
            <h1 class="govuk-heading-l">{t('proceedings.signature.invalid')}</h1>
          </>
        )}
        <SummaryList
          rows={[
            { key: t('proceedings.verify.act'), value: `${actHeading(t, act)}: ${act.title}` },
            { key: t('caseStatus.court'), value: act.court.name },
            { key: t('proceedings.pdf.caseNumber'), value: act.caseNumber },
            { key: t('proceedings.pdf.issuedAt'), value: <time dateTime={act.issuedAt.toISOString()}>{formatDateTime(act.issuedAt, lang)}</time> },
            { key: t('proceedings.signature.signer'), value: signature.valid ? displayPersonName(signature.signer.fullName) : (signature.signerName ?? '—') },
            ...(signature.valid ? [{ key: t('proceedings.signature.serial'), value: signature.signer.certificate.serialNumber }] : []),
            { key: t('proceedings.signature.sha256'), value: <code class="sot-hash">{act.contentSha256}</code> },
          ]}
        />
      </div>
    </div>
  );
}
