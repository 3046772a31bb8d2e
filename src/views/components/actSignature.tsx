import type { ActData } from '../../acts/actData.ts';
import { displayPersonName } from '../../domain/personName.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useView } from '../context.ts';
import { SummaryList } from './govuk.tsx';

/**
 * A court act's signature as checked now: whether it holds, who signed and in what position, when,
 * and the certificate. An act is signed by a judge of the court that issued it.
 */
export function ActSignatureCheck({ act }: { act: ActData }) {
  const { t, lang } = useView();
  const { signature } = act;
  return (
    <SummaryList
      rows={[
        { key: t('proceedings.signature.result'), value: <strong class="govuk-!-font-weight-bold">{t(signature.valid ? 'proceedings.signature.valid' : 'proceedings.signature.invalid')}</strong> },
        { key: t('proceedings.signature.signer'), value: signature.valid ? displayPersonName(signature.signer.fullName) : (signature.signerName ?? '—') },
        { key: t('proceedings.signature.position'), value: t('documents.capacity.judge', { court: act.court.name }) },
        { key: t('proceedings.signature.signedAt'), value: <time dateTime={act.issuedAt.toISOString()}>{formatDateTime(act.issuedAt, lang)}</time> },
        ...(signature.valid ? [{ key: t('proceedings.signature.serial'), value: <code class="sot-hash">{signature.signer.certificate.serialNumber}</code> }] : []),
        { key: t('proceedings.signature.sha256'), value: <code class="sot-hash">{act.contentSha256}</code> },
      ]}
    />
  );
}
