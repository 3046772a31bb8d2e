import { formatDateTime } from '../../../i18n/format.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { SummaryList } from '../../components/govuk.tsx';

/** Why a judge was or was not in the draw, as the protocol records it. */
export type CandidateStanding = 'eligible' | 'onLeave' | 'recused' | 'otherCategory';

export interface DistributionView {
  caseId: string;
  caseNumber: string | null;
  judgeName: string;
  drawnAt: Date;
  candidates: { name: string; openCases: number; weight: string | null; standing: CandidateStanding }[];
  /**
   * The chair's later reassignment, if any: the judge and the day, never the chair's reason.
   * The reason is free text that can name a judge's illness or a party's ties to a judge, so it
   * stays in the court's record and the audit log; the parties learn that the chair decided.
   */
  reassigned: { judgeName: string; at: Date } | null;
  /** Whether the reader is court staff who may open the case's assignment page. */
  showAssignment: boolean;
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
        {view.reassigned && (
          <div class="govuk-warning-text" data-distribution-reassigned>
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text">
              {t('distribution.reassigned', { judge: view.reassigned.judgeName, date: formatDateTime(view.reassigned.at, lang) })}
            </strong>
          </div>
        )}
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
              <th scope="col" class="govuk-table__header">{t('distribution.standing')}</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {view.candidates.map((c) => (
              <tr class="govuk-table__row" key={c.name}>
                <td class="govuk-table__cell">{c.name}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{c.openCases}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{c.weight ?? '—'}</td>
                <td class="govuk-table__cell">{t(`distribution.standing.${c.standing}`)}</td>
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
        {view.showAssignment && (
          <p class="govuk-body">
            <a class="govuk-link" href={urls.assignment(view.caseId)}>
              {t('assignment.link')}
            </a>
          </p>
        )}
      </div>
    </div>
  );
}
