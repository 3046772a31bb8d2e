import { formatDateTime } from '../../../i18n/format.ts';
import { useView } from '../../context.ts';
import { SummaryList } from '../../components/govuk.tsx';

export interface DistributionView {
  caseNumber: string | null;
  judgeName: string;
  drawnAt: Date;
  candidates: { name: string; openCases: number; weight: string | null }[];
  verified: boolean;
  protocol: string;
  protocolSha256: string;
}

/** The distribution protocol as the parties see it: who could be drawn, with what weight, and the check. */
export function DistributionPage({ view }: { view: DistributionView }) {
  const { t, lang } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {view.caseNumber && <span class="govuk-caption-l">{view.caseNumber}</span>}
        <h1 class="govuk-heading-xl">{t('distribution.title')}</h1>
        <p class="govuk-body">{t('distribution.lead')}</p>
        <SummaryList
          rows={[
            { key: t('distribution.judge'), value: view.judgeName },
            { key: t('distribution.drawnAt'), value: <time dateTime={view.drawnAt.toISOString()}>{formatDateTime(view.drawnAt, lang)}</time> },
          ]}
        />
        {view.verified && (
          <div class="govuk-inset-text" data-distribution-verified>
            {t('distribution.verified')}
          </div>
        )}
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">{t('distribution.candidates')}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">{t('distribution.judge')}</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t('distribution.openCases')}</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t('distribution.weight')}</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {view.candidates.map((c) => (
              <tr class="govuk-table__row" key={c.name}>
                <td class="govuk-table__cell">{c.name}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{c.openCases}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{c.weight ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <details class="govuk-details">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">{t('distribution.protocol')}</span>
          </summary>
          <div class="govuk-details__text">
            <p class="govuk-body-s sot-hash">sha256 {view.protocolSha256}</p>
            <pre class="sot-hash sot-prewrap">{view.protocol}</pre>
          </div>
        </details>
      </div>
    </div>
  );
}
