import { maskIin } from '../../../domain/iin.ts';
import { dutySettled } from '../../../domain/filingTypes.ts';
import type { ComponentChildren } from 'preact';
import { formatDateTime, formatTenge } from '../../../i18n/format.ts';
import type { Lang, Translate } from '../../../i18n/index.ts';
import { citeArticle } from '../../../i18n/legalReference.ts';
import type { TalonData } from '../../../talon/talonData.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { SummaryList } from '../../components/govuk.tsx';
import { FileSize } from './FilingSteps.tsx';

/** Where, when and what was filed: an appeal names the court it went through and the court that will hear it. */
function filedRows(talon: TalonData, t: Translate, lang: Lang): { key: string; value: ComponentChildren }[] {
  return [
    { key: t(talon.appellateCourt ? 'appeals.talon.filedThrough' : 'talon.field.court'), value: talon.court.name },
    ...(talon.appellateCourt ? [{ key: t('appeals.talon.heardBy'), value: talon.appellateCourt.name }] : []),
    { key: t('talon.field.submittedAt'), value: <time dateTime={talon.submittedAt.toISOString()}>{formatDateTime(talon.submittedAt, lang)}</time> },
    { key: t('talon.field.filingType'), value: t(`talon.filingType.${talon.filingType}`) },
  ];
}

function Attachments({ talon }: { talon: TalonData }) {
  const { t } = useView();
  return (
    <>
      <h2 class="govuk-heading-m">{t('talon.attachments.title', { count: talon.attachments.length })}</h2>
      {talon.attachments.length === 0 ? (
        <p class="govuk-body">{t('talon.attachments.none')}</p>
      ) : (
        <ul class="govuk-list govuk-list--number">
          {talon.attachments.map((a) => (
            <li key={a.sha256 + a.name}>
              <span class="sot-break">{a.name}</span>, <FileSize bytes={a.sizeBytes} />
              <span class="govuk-body-s sot-block sot-hash">{t('talon.attachments.sha256', { hash: a.sha256 })}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The talon the filer gets at once: what was filed, when, where, and how to pay what is owed. */
export function TalonPage({ talon, qrSvg }: { talon: TalonData & { filingId: string }; qrSvg: string }) {
  const { t, lang } = useView();
  const owes = !dutySettled(talon.duty.status) && talon.duty.status !== 'document_pending';
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <div class="govuk-panel govuk-panel--confirmation">
          <h1 class="govuk-panel__title">{t('filing.talon.banner')}</h1>
          <div class="govuk-panel__body">
            {t('filing.talon.number')}
            <br />
            <strong data-talon-number>{talon.talonNumber}</strong>
          </div>
        </div>
        <p class="govuk-body">{t(talon.caseNumber ? 'talon.lead.registered' : 'talon.lead.awaiting')}</p>
        <p class="govuk-body">
          <a class="govuk-link" href={urls.talonPdf(talon.filingId)} download>
            {t('filing.talon.pdf')}
          </a>
        </p>
        <SummaryList
          rows={[
            ...filedRows(talon, t, lang),
            ...(talon.caseNumber ? [{ key: t('talon.field.caseNumber'), value: talon.caseNumber }] : []),
            { key: t('talon.field.filer'), value: talon.filer.name },
            ...(talon.filer.organisation ? [{ key: t('talon.field.organisation'), value: t('talon.field.organisationValue', { name: talon.filer.organisation.name, bin: talon.filer.organisation.bin }) }] : []),
            { key: t('talon.field.signer'), value: `${talon.signer.name}, ${talon.signer.certificateSerial}` },
          ]}
        />
        <Attachments talon={talon} />
        <h2 class="govuk-heading-m">{t('talon.duty.title')}</h2>
        <SummaryList
          rows={[
            { key: t('talon.field.dutyStatus'), value: <strong class="govuk-tag" data-duty-status={talon.duty.status}>{t(`talon.duty.status.${talon.duty.status}`)}</strong> },
            ...(talon.duty.amountTiyn ? [{ key: t('talon.field.dutyAmount'), value: formatTenge(talon.duty.amountTiyn / 100, lang) }] : []),
            ...(talon.duty.basis ? [{ key: t('talon.field.dutyBasis'), value: citeArticle(talon.duty.basis, lang) }] : []),
          ]}
        />
        {owes && (
          <>
            <p class="govuk-body">{t('filing.talon.payBody')}</p>
            <a class="govuk-button" data-module="govuk-button" href={urls.filingPay(talon.filingId)} role="button" draggable={false}>
              {t('filing.talon.pay')}
            </a>
          </>
        )}
      </div>
      <div class="govuk-grid-column-one-third">
        <figure class="sot-qr">
          <div dangerouslySetInnerHTML={{ __html: qrSvg }} />
          <figcaption class="govuk-body-s">
            {t('filing.talon.qr')}{' '}
            <a class="govuk-link sot-break" href={talon.verifyUrl}>
              {talon.verifyUrl}
            </a>
          </figcaption>
        </figure>
      </div>
    </div>
  );
}

/** The public check of a talon: enough to confirm it is genuine, and nothing private. */
export function VerifyTalonPage({ talon }: { talon: TalonData | null }) {
  const { t, lang } = useView();
  if (!talon) {
    return (
      <>
        <span class="govuk-caption-l">{t('verify.title')}</span>
        <h1 class="govuk-heading-l">{t('verify.notFound.title')}</h1>
        <p class="govuk-body">{t('verify.notFound.body')}</p>
      </>
    );
  }
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <div class="govuk-panel govuk-panel--confirmation">
          <h1 class="govuk-panel__title">{t('verify.genuine')}</h1>
          <div class="govuk-panel__body">{talon.talonNumber}</div>
        </div>
        <p class="govuk-body">{t('verify.lead')}</p>
        <SummaryList
          rows={[
            ...filedRows(talon, t, lang),
            // Whoever holds the talon's code holds the talon: the check names the filer as it does.
            { key: t('talon.field.filer'), value: talon.filer.name },
            ...(talon.filer.organisation ? [{ key: t('talon.field.organisation'), value: talon.filer.organisation.name }] : []),
            { key: t('talon.field.iin'), value: maskIin(talon.filer.iin) },
            { key: t('talon.field.dutyStatus'), value: t(`talon.duty.status.${talon.duty.status}`) },
            ...(talon.duty.amountTiyn ? [{ key: t('talon.field.dutyAmount'), value: formatTenge(talon.duty.amountTiyn / 100, lang) }] : []),
          ]}
        />
        <Attachments talon={talon} />
      </div>
    </div>
  );
}
