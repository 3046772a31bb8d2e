import type { ComponentChildren } from 'preact';
import { isCaseStatus } from '../../domain/caseStatus.ts';
import { formatCourtDay, formatDate, formatDateTime } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/index.ts';
import type { CaseForParticipants } from '../../queries/cabinet.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { SummaryList } from '../components/govuk.tsx';
import { caseCategoryLabel, participantRoleLabel } from '../components/labels.ts';
import { DeadlinesTable, IssuedActs, LinkedCases } from '../components/caseFile.tsx';
import { CaseDocumentsList } from './documents/CaseDocumentsList.tsx';
import type { CaseDocument } from '../../queries/caseDocuments.ts';
import type { CaseDeadline, CourtActRow, LinkedCase } from '../../queries/caseFile.ts';
import { isReviewOutcome } from '../../domain/courtActs.ts';
import { localName } from '../components/names.ts';
import { FamiliarisationPanel, type FamiliarisationPanelView } from '../components/familiarisation.tsx';
import type { CassationVerdict } from '../../domain/cassation.ts';
import { GROUND_ARTICLE, isAdmissionGround } from '../../domain/admission.ts';
import { foldTimeline } from '../../domain/timeline.ts';

export function timelineText(t: Translate, event: CaseForParticipants['timeline'][number]): string {
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
    case 'appeal_filed':
      return t('appeals.timeline.filed');
    case 'appeal_forwarded':
      return t('appeals.timeline.forwarded');
    case 'defects_fixed':
      return t('proceedings.timeline.defectsFixed');
    case 'authority_accepted':
      return t('proceedings.timeline.authorityAccepted');
    case 'recording_added':
      return t('proceedings.timeline.recordingAdded');
    case 'filing_submitted':
      return t('proceedings.timeline.filingSubmitted');
    case 'court_order_received':
      return t('courtOrder.timeline.received');
    case 'court_order_delivered':
      return t('courtOrder.timeline.delivered');
    case 'court_order_objected':
      return t('courtOrder.timeline.objected');
    case 'decision_copy_sent':
      return t('appealTerms.timeline.copySent');
    case 'familiarisation_requested':
      return t('caseFile.timeline.requested');
    case 'familiarisation_granted':
      return t('caseFile.timeline.granted');
    case 'familiarisation_refused':
      return t('caseFile.timeline.refused');
    case 'hearing_opened':
      return t('hearings.timeline.opened');
    case 'hearing_closed': {
      const outcome = event.data['outcome'];
      return outcome === 'held' || outcome === 'adjourned' || outcome === 'not_held' ? t(`hearings.timeline.${outcome}`) : t('timeline.other');
    }
    case 'hearing_record_attached':
      return t('hearings.timeline.recordAttached');
    case 'material_added':
      return t('caseFile.timeline.materialAdded');
    case 'material_shared':
      return t('caseFile.timeline.materialShared');
    case 'judgment_published':
      return t('judgments.timeline.published');
    case 'judgment_correction_requested':
      return t('judgments.timeline.correctionRequested');
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
  /** For a participant's case in force at first or appellate instance: whether the Code allows a cassation complaint. */
  cassation: CassationVerdict | null;
  /** In a court order's case: what the reader may do about the order. */
  courtOrder?: CourtOrderPanel | null;
  /** The parties the reader acts for: their own terms are marked as theirs. */
  ownPartyIds?: readonly string[];
  /** The reader is of the court office and a copy of the decision waits to be sent to an absent party. */
  sendsCopies?: boolean;
  /** A party's requests to read the materials kept for the court, and the form to ask. */
  familiarisation?: FamiliarisationPanelView | null;
  /** The reader is of the court and keeps the e-case file. */
  courtFile?: boolean;
}

export interface CourtOrderPanel {
  /** The reader is the debtor and the objection term has not ended. */
  mayObject: boolean;
  /** The last day to object, once the debtor's receipt is recorded. */
  objectionDue: string | null;
  /** The reader is the court office, which records a paper copy delivered to the debtor. */
  canRecordDelivery: boolean;
}

/** A court order's next step as its case page says it (CPC Arts 141–143). */
function CourtOrderActions({ c, panel }: { c: CaseForParticipants['case']; panel: CourtOrderPanel }) {
  const { t, lang } = useView();
  return (
    <>
      {panel.mayObject && c.number && (
        <>
          <p class="govuk-body">{panel.objectionDue ? t('courtOrder.case.objectLead', { due: formatCourtDay(panel.objectionDue, lang) }) : t('courtOrder.case.objectLeadNoTerm')}</p>
          <a class="govuk-button" data-module="govuk-button" href={urls.newFiling({ type: 'court_order_objection', case: c.number })}>
            {t('courtOrder.case.object')}
          </a>
        </>
      )}
      {panel.canRecordDelivery && (
        <p class="govuk-body">
          <a class="govuk-link" href={urls.courtOrderDelivery(c.id)}>
            {t('courtOrder.case.recordDelivery')}
          </a>
        </p>
      )}
      {c.status === 'order_cancelled' && (
        <>
          <p class="govuk-body">{t('courtOrder.case.cancelledLead')}</p>
          <a class="govuk-button govuk-button--secondary" data-module="govuk-button" href={urls.newFiling({ type: 'claim', case: '' })}>
            {t('courtOrder.case.fileClaim')}
          </a>
        </>
      )}
      {c.status === 'in_force' && <p class="govuk-body">{t('courtOrder.case.inForceLead')}</p>}
    </>
  );
}

export interface BankPanel {
  judgments: { id: string; actKind: string; issuedOn: string }[];
  sent: boolean;
}

/** The case's acts published in the judgment bank, each with the way to ask for a correction. */
function JudgmentBankPanel({ caseId, bank }: { caseId: string; bank: BankPanel }) {
  const { t, lang } = useView();
  if (bank.judgments.length === 0) return null;
  return (
    <section id="judgment-bank">
      <h2 class="govuk-heading-m">{t('judgments.cabinet.title')}</h2>
      {bank.sent && <div class="govuk-inset-text">{t('judgments.correction.sent')}</div>}
      <ul class="govuk-list">
        {bank.judgments.map((j) => (
          <li key={j.id}>
            <a class="govuk-link" href={urls.judgment(j.id)}>
              {t(`proceedings.actKind.${j.actKind as 'decision'}`)}, {formatCourtDay(j.issuedOn, lang)}
            </a>{' '}
            ·{' '}
            <a class="govuk-link" href={urls.judgmentCorrection(caseId, j.id)}>
              {t('judgments.cabinet.ask')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * How the person hears of the case: a participant sees that they do and where to change it; the
 * person of an entity that is a party, not yet following, is offered to follow it.
 */
export interface AlertsPanel {
  kind: 'participant' | 'off' | 'entity';
  href: string;
}

function CaseAlerts({ panel }: { panel: AlertsPanel }) {
  const { t } = useView();
  return (
    <section aria-labelledby="case-alerts-heading">
      <h2 class="govuk-heading-l" id="case-alerts-heading">
        {t('cabinet.alerts.title')}
      </h2>
      <p class="govuk-body">{t(`cabinet.alerts.${panel.kind}`)}</p>
      <p class="govuk-body">
        <a class="govuk-link" href={panel.href}>
          {t(panel.kind === 'entity' ? 'caseStatus.follow.link' : 'cabinet.alerts.change')}
        </a>
      </p>
    </section>
  );
}

export function CabinetCasePage({ details, file, hasDistribution = false, bank, alerts }: { details: CaseForParticipants; file: CaseFileParts; hasDistribution?: boolean; bank?: BankPanel; alerts?: AlertsPanel | null }) {
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
    ...(details.appeal
      ? [
          { key: t('appeals.case.heardBy'), value: localName(details.appeal.heardBy, lang) },
          { key: t('appeals.case.filedThrough'), value: localName(details.appeal.filedThrough, lang) },
        ]
      : []),
    { key: t('caseStatus.kind'), value: t(`caseKind.${c.kind}`) },
    { key: t('caseStatus.category'), value: caseCategoryLabel(t, { ...c, reviewedNumber: details.reviewedNumber }) },
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
      {file.courtFile && (
        <p class="govuk-body">
          <a class="govuk-link" href={urls.courtCaseFile(c.id)}>
            {t('caseFile.link')}
          </a>
        </p>
      )}
      <AdmissionRuling details={details} />
      {file.canAppeal && c.number && (
        <a class="govuk-button" data-module="govuk-button" href={urls.newFiling({ type: 'appeal', case: c.number })}>
          {t('proceedings.appeal.file')}
        </a>
      )}
      {file.cassation && c.number && <Cassation verdict={file.cassation} caseNumber={c.number} />}
      {file.courtOrder && <CourtOrderActions c={c} panel={file.courtOrder} />}
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
      {file.familiarisation && <FamiliarisationPanel caseId={c.id} view={file.familiarisation} />}
      {bank && <JudgmentBankPanel caseId={c.id} bank={bank} />}

      <h2 class="govuk-heading-l">{t('case.participants')}</h2>
      <ul class="govuk-list">
        {details.participants.map((p) => (
          <li key={p.id}>
            <strong>{participantRoleLabel(t, p)}:</strong> {p.name}
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
              {/* The record and the recordings of a hearing side by side. */}
              {h.recordDocumentId && (
                <a class="govuk-link sot-block" href={urls.caseDocument(c.id, h.recordDocumentId)}>
                  {t('hearings.record.link')}
                </a>
              )}
              {(h.status === 'held' || h.status === 'adjourned') && (
                <a class="govuk-link sot-block" href={urls.hearingRecordings(c.id, h.id)}>
                  {t('recordings.link')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}

      {alerts && <CaseAlerts panel={alerts} />}

      <h2 class="govuk-heading-l">{t('case.timeline')}</h2>
      <CaseTimeline timeline={details.timeline} />
    </>
  );
}

/** The case's timeline, newest first; the court's e-case file shows the same. */
export function CaseTimeline({ timeline }: { timeline: CaseForParticipants['timeline'] }) {
  const { t, lang } = useView();
  return (
    <div class="moj-timeline">
      {foldTimeline(timeline).map((event) => (
        <div class="moj-timeline__item" key={event.id}>
          <div class="moj-timeline__header">
            <h3 class="moj-timeline__title">{timelineText(t, event)}</h3>
          </div>
          <p class="moj-timeline__date">
            <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(event.occurredAt, lang)}</time>
          </p>
          {event.type === 'hearing_closed' && typeof event.data['startsAt'] === 'string' && (
            <div class="moj-timeline__description">{t('hearings.notice.next', { next: formatDateTime(new Date(event.data['startsAt']), lang) })}</div>
          )}
          {/* An issued act's entry says where it left the case; a judge's or a hearing's status is its own title. */}
          {event.status && event.type === 'document_issued' && <div class="moj-timeline__description">{t('hearings.timeline.status', { status: t(`status.${event.status}`) })}</div>}
        </div>
      ))}
    </div>
  );
}

/** What the judge decided on admission, as the ruling says it: ground, reasons, the defects and their term, and what the party may do next. */
function AdmissionRuling({ details }: { details: CaseForParticipants }) {
  const { t, lang } = useView();
  const c = details.case;
  if (c.status !== 'returned' && c.status !== 'refused' && c.status !== 'left_without_motion') return null;
  const ruling = [...details.timeline].reverse().find((e) => e.type === 'status_changed' && e.data['to'] === c.status);
  if (!ruling) return null;
  const text = (key: string) => (typeof ruling.data[key] === 'string' ? (ruling.data[key] as string) : null);
  const ground = text('ground');
  const reasons = text('reasons') ?? text('grounds');
  const defects = text('defects');
  const fixBy = text('fixBy');
  const next = c.status === 'refused' ? t('admission.party.refusedClaim') : c.status === 'returned' ? (c.instance === 1 ? t('admission.party.returnedClaim') : c.instance === 2 ? t('admission.party.returnedAppeal') : null) : null;
  return (
    <div class="govuk-inset-text" id="admission-ruling">
      <h2 class="govuk-heading-s">{t(`status.${c.status}`)}</h2>
      {ground && isAdmissionGround(ground) && <p class="govuk-body">{t('admission.party.ground', { article: GROUND_ARTICLE[ground], ground: t(`admission.ground.${ground}`) })}</p>}
      {reasons && <p class="govuk-body">{t('admission.party.reasons', { reasons })}</p>}
      {defects && <p class="govuk-body">{t('admission.party.defects', { defects })}</p>}
      {fixBy && <p class="govuk-body">{t('admission.party.fixBy', { date: formatCourtDay(fixBy, lang) })}</p>}
      {next && <p class="govuk-body govuk-!-margin-bottom-0">{next}</p>}
    </div>
  );
}

/** The cassation complaint a party may file, with its last day, or why the Code allows none here. */
function Cassation({ verdict, caseNumber }: { verdict: CassationVerdict; caseNumber: string }) {
  const { t, lang } = useView();
  if (verdict.ok) {
    return (
      <>
        <p class="govuk-body">{t('admission.cassation.until', { date: formatCourtDay(verdict.termEndsOn, lang) })}</p>
        <a class="govuk-button" data-module="govuk-button" href={urls.newFiling({ type: 'cassation_complaint', case: caseNumber })}>
          {t('admission.cassation.file')}
        </a>
      </>
    );
  }
  return (
    <div class="govuk-inset-text" id="cassation-closed">
      <h2 class="govuk-heading-s">{t('admission.cassation.closed')}</h2>
      <p class="govuk-body govuk-!-margin-bottom-0">{t(`admission.error.cassation.${verdict.reason}`, { article: verdict.article, limit: verdict.limitMci ?? '', year: verdict.year ?? '' })}</p>
    </div>
  );
}
