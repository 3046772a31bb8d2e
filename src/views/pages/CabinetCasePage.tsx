import type { ComponentChildren } from 'preact';
import { isCaseStatus } from '../../domain/caseStatus.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/index.ts';
import type { CaseForParticipants } from '../../queries/cabinet.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { SummaryList } from '../components/govuk.tsx';
import { categoryLabel } from '../components/labels.ts';
import { DeadlinesTable, IssuedActs, LinkedCases } from '../components/caseFile.tsx';
import { CaseDocumentsList } from './documents/CaseDocumentsList.tsx';
import type { CaseDocument } from '../../queries/caseDocuments.ts';
import type { CaseDeadline, CourtActRow, LinkedCase } from '../../queries/caseFile.ts';
import { isReviewOutcome } from '../../domain/courtActs.ts';
import { localName } from '../components/names.ts';

function timelineText(t: Translate, event: CaseForParticipants['timeline'][number]): string {
  const to = event.data['to'];
  switch (event.type) {
    case 'status_changed':
      return typeof to === 'string' && isCaseStatus(to) ? t(`status.${to}`) : t('timeline.other');
    case 'judge_assigned':
      return event.data['reason'] === 'manual' ? t('proceedings.timeline.judgeReassigned') : event.data['reason'] === 'recusal' ? t('proceedings.timeline.judgeRecused') : t('timeline.judgeAssigned');
    case 'hearing_scheduled':
      return t('timeline.hearingScheduled');
    case 'document_issued':
      return t('timeline.documentIssued');
    case 'hearing_postponed':
      return t('proceedings.timeline.hearingPostponed');
    case 'review_filed':
      return t(event.data['filingType'] === 'cassation_complaint' ? 'proceedings.timeline.cassationFiled' : 'proceedings.timeline.appealFiled');
    case 'review_outcome':
      return typeof event.data['outcome'] === 'string' && isReviewOutcome(event.data['outcome']) ? t('proceedings.timeline.reviewOutcome', { outcome: t(`proceedings.outcome.${event.data['outcome']}`) }) : t('timeline.other');
    case 'defects_fixed':
      return t('proceedings.timeline.defectsFixed');
    case 'authority_accepted':
      return t('proceedings.timeline.authorityAccepted');
    case 'recording_added':
      return t('proceedings.timeline.recordingAdded');
    case 'filing_submitted':
      return t('proceedings.timeline.filingSubmitted');
    case 'decision_copy_sent':
      return t('appealTerms.timeline.copySent');
    default:
      return t('timeline.other');
  }
}

export interface CaseFileParts {
  documents: CaseDocument[];
  deadlines: CaseDeadline[];
  acts: CourtActRow[];
  linked: LinkedCase[];
  today: string;
  /** The reader takes part in the case and its decision may be appealed now. */
  canAppeal: boolean;
  /** The parties the reader acts for: their own terms are marked as theirs. */
  ownPartyIds?: readonly string[];
  /** The reader is of the court office and a copy of the decision waits to be sent to an absent party. */
  sendsCopies?: boolean;
}

export function CabinetCasePage({ details, file, hasDistribution = false }: { details: CaseForParticipants; file: CaseFileParts; hasDistribution?: boolean }) {
  const { t, lang } = useView();
  const c = details.case;
  const rows: { key: string; value: ComponentChildren }[] = [
    {
      key: t('caseStatus.court'),
      value: (
        <a class="govuk-link" href={urls.court(details.court.code)}>
          {localName(details.court, lang)}
        </a>
      ),
    },
    { key: t('caseStatus.kind'), value: t(`caseKind.${c.kind}`) },
    { key: t('caseStatus.category'), value: categoryLabel(t, c.category) },
    { key: t('caseStatus.instance'), value: t(`instance.${c.instance as 1 | 2 | 3 | 4}`) },
    { key: t('caseStatus.status'), value: <strong class="govuk-tag">{t(`status.${c.status}`)}</strong> },
    {
      key: t('caseStatus.judge'),
      value: details.judgeName ? (
        <>
          {details.judgeName}{' '}
          {hasDistribution && (
            <a class="govuk-link govuk-!-margin-left-2" href={urls.distribution(c.id)}>
              {t('distribution.link')}
            </a>
          )}
        </>
      ) : (
        '—'
      ),
    },
    { key: t('case.filedAt'), value: formatDate(c.filedAt, lang) },
  ];
  if (c.registeredAt) rows.push({ key: t('caseStatus.registeredAt'), value: formatDate(c.registeredAt, lang) });
  return (
    <>
      <span class="govuk-caption-l">{t('cabinet.title')}</span>
      <h1 class="govuk-heading-xl sot-case-number">{c.number ?? t('cabinet.notRegistered')}</h1>
      <SummaryList rows={rows} />
      {file.canAppeal && c.number && (
        <a class="govuk-button" data-module="govuk-button" href={urls.newFiling({ type: 'appeal', case: c.number })}>
          {t('proceedings.appeal.file')}
        </a>
      )}
      <LinkedCases linked={file.linked} caseId={c.id} href={urls.cabinetCase} />

      <h2 class="govuk-heading-l">{t('proceedings.deadlines.title')}</h2>
      <DeadlinesTable deadlines={file.deadlines} today={file.today} ownPartyIds={file.ownPartyIds ?? []} />
      {file.sendsCopies && (
        <p class="govuk-body">
          <a class="govuk-link" href={urls.decisionCopies(c.id)}>
            {t('appealTerms.copies.link')}
          </a>
        </p>
      )}

      <h2 class="govuk-heading-l">{t('proceedings.acts.title')}</h2>
      <IssuedActs caseId={c.id} acts={file.acts} />

      <h2 class="govuk-heading-l">{t('documents.title')}</h2>
      <CaseDocumentsList caseId={c.id} documents={file.documents} />
      <p class="govuk-body">
        <a class="govuk-link" href={urls.caseAccessLog(c.id)}>
          {t('documents.accessLog.link')}
        </a>
      </p>

      <h2 class="govuk-heading-l">{t('case.participants')}</h2>
      <ul class="govuk-list">
        {details.participants.map((p) => (
          <li key={p.id}>
            <strong>{t(`partyRole.${p.role}`)}:</strong> {p.name}
          </li>
        ))}
      </ul>

      <h2 class="govuk-heading-l">{t('case.hearings')}</h2>
      {details.hearings.length === 0 ? (
        <p class="govuk-body">{t('caseStatus.noHearing')}</p>
      ) : (
        <ul class="govuk-list">
          {details.hearings.map((h) => (
            <li key={h.id}>
              <time dateTime={h.startsAt.toISOString()}>{formatDateTime(h.startsAt, lang)}</time>
              {h.room ? `, ${t('caseStatus.room', { room: h.room })}` : `, ${t('proceedings.hearing.video')}`} — {t(`hearingStatus.${h.status}`)}
              {h.reason && <span class="govuk-hint govuk-!-margin-bottom-0 sot-block">{t('proceedings.hearing.reason', { reason: h.reason })}</span>}
              {h.status === 'held' && (
                <a class="govuk-link sot-block" href={urls.hearingRecordings(c.id, h.id)}>
                  {t('recordings.link')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2 class="govuk-heading-l">{t('case.timeline')}</h2>
      <div class="moj-timeline">
        {details.timeline.map((event) => (
          <div class="moj-timeline__item" key={event.id}>
            <div class="moj-timeline__header">
              <h3 class="moj-timeline__title">{timelineText(t, event)}</h3>
            </div>
            <p class="moj-timeline__date">
              <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(event.occurredAt, lang)}</time>
            </p>
          </div>
        ))}
      </div>
    </>
  );
}
