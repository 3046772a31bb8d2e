import type { ComponentChildren } from 'preact';
import { REVIEW_OUTCOMES, type CourtActKind, type DecisionForm, type HearingOfTheDay } from '../../../domain/courtActs.ts';
import { OPEN_EARLY_MINUTES } from '../../../domain/hearingLifecycle.ts';
import { courtDay, exampleHearingDay, hearingTimes } from '../../../domain/hearingSlots.ts';
import { COURT_ORDER_DEMAND_RULES, type CourtOrderDemand } from '../../../domain/courtOrders.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import type { CaseForParticipants } from '../../../queries/cabinet.ts';
import type { CaseDeadline, CourtActRow, LinkedCase } from '../../../queries/caseFile.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { actLabel, DeadlinesTable, IssuedActs, LinkedCases } from '../../components/caseFile.tsx';
import { CsrfField, DateInput, ErrorSummary, Radios, Select, SuccessBanner, SummaryList, Textarea, TextInput, type Choice, type FieldError } from '../../components/govuk.tsx';
import { isoDay, typedDay } from '../../../domain/dateBoxes.ts';
import type { IsoDay } from '../../../domain/calendar/holidays.ts';
import { caseCategoryLabel, participantRoleLabel } from '../../components/labels.ts';
import { localName } from '../../components/names.ts';
import { SignPanel } from '../../components/SignPanel.tsx';
import type { PartyRole } from '../../../domain/parties.ts';

/** The acts the judge may draft now: each kind, with the decision forms it allows. */
export interface ActOption {
  kind: CourtActKind;
  forms: DecisionForm[];
  needsOutcome: boolean;
  /** A ruling that cancels a court order on the debtor's objection (CPC Art. 142). */
  cancelsOrder?: boolean;
}

export interface JudgeCaseView {
  details: CaseForParticipants;
  deadlines: CaseDeadline[];
  acts: CourtActRow[];
  linked: LinkedCase[];
  today: string;
  actOptions: ActOption[];
  /** Today's hearing as the acts see it: a decision waits for one opened today. */
  hearingOfTheDay: HearingOfTheDay;
  /** The parties in their own right, for the judge to say who took part in the hearing. */
  parties: { id: string; name: string; role: string }[];
  /** Unticked at first: those recorded absent when the operative part was announced. */
  absentByDefault: string[];
  /** A copy of the decision waits to be posted to a party absent from the hearing. */
  copiesAwaited: boolean;
  canSchedule: boolean;
  /** In a court order's case: the demand of CPC Art. 135 its application names. */
  orderDemand?: CourtOrderDemand | null;
  demoSigner: { handle: string; password: string } | null;
  done: string | null;
  /** What the judge typed, given back after a refusal. */
  values: Record<string, string>;
}

/** One case in the judge's hands: terms, hearings and the acts to draft, sign and issue. */
export function JudgeCasePage({ view, errors }: { view: JudgeCaseView; errors: FieldError[] }) {
  const { t, lang } = useView();
  const c = view.details.case;
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const v = (name: string) => view.values[name];
  const rows: { key: string; value: ComponentChildren }[] = [
    { key: t('caseStatus.court'), value: localName(view.details.court, lang) },
    ...(view.details.appeal ? [{ key: t('appeals.case.filedThrough'), value: localName(view.details.appeal.filedThrough, lang) }] : []),
    { key: t('caseStatus.category'), value: caseCategoryLabel(t, { ...c, reviewedNumber: view.details.reviewedNumber }) },
    { key: t('caseStatus.instance'), value: t(`instance.${c.instance as 1 | 2 | 3 | 4}`) },
    { key: t('caseStatus.status'), value: <strong class="govuk-tag">{t(`status.${c.status}`)}</strong> },
    { key: t('case.participants'), value: view.details.participants.map((p) => `${participantRoleLabel(t, p)}: ${p.name}`).join('; ') },
  ];
  if (view.orderDemand) rows.splice(2, 0, { key: t('courtOrder.judge.demand'), value: `${t(`courtOrder.demand.${view.orderDemand}`)} (${t('courtOrder.demand.article', { n: COURT_ORDER_DEMAND_RULES[view.orderDemand].subparagraph })})` });
  const drafts = view.acts.filter((a) => !a.issuedAt);
  return (
    <>
      <ErrorSummary errors={errors} />
      {view.done && <SuccessBanner title={t('profile.notice.title')} message={view.done} />}
      <span class="govuk-caption-l">{t('layout.nav.judge')}</span>
      <h1 class="govuk-heading-xl sot-case-number">{c.number}</h1>
      <SummaryList rows={rows} />
      <p class="govuk-body">
        <a class="govuk-button govuk-button--secondary" data-module="govuk-button" href={urls.courtCaseFile(c.id)}>
          {t('caseFile.link')}
        </a>
      </p>
      {(c.status === 'assigned' || c.status === 'left_without_motion') && (
        <p class="govuk-body">
          <a class="govuk-link" href={urls.judgeCases()}>
            {t('proceedings.judge.admission')}
          </a>
        </p>
      )}
      <LinkedCases linked={view.linked} caseId={c.id} href={urls.cabinetCase} />
      <PendingAuthority caseId={c.id} participants={view.details.participants} />

      <h2 class="govuk-heading-l">{t('proceedings.deadlines.title')}</h2>
      <DeadlinesTable deadlines={view.deadlines} today={view.today} />
      {view.copiesAwaited && (
        <p class="govuk-body">
          <a class="govuk-link" href={urls.decisionCopies(c.id)}>
            {t('appealTerms.copies.link')}
          </a>
        </p>
      )}

      <h2 class="govuk-heading-l">{t('case.hearings')}</h2>
      {view.details.hearings.length === 0 ? (
        <p class="govuk-body">{t('caseStatus.noHearing')}</p>
      ) : (
        <ul class="govuk-list govuk-list--spaced">
          {view.details.hearings.map((h) => (
            <li key={h.id}>
              <time dateTime={h.startsAt.toISOString()}>{formatDateTime(h.startsAt, lang)}</time>, {h.room ? t('caseStatus.room', { room: h.room }) : t('proceedings.hearing.video')} — {t(`hearingStatus.${h.status}`)}
              {h.reason && <span class="govuk-hint govuk-!-margin-bottom-0 sot-block">{t('proceedings.hearing.reason', { reason: h.reason })}</span>}
              {(h.status === 'held' || h.status === 'adjourned') && (
                <a class="govuk-link sot-block" href={urls.courtRecordings(h.id)}>
                  {t('recordings.link')}
                </a>
              )}
              <HearingDay hearing={h} caseId={c.id} today={view.today as IsoDay} values={view.values} errorFor={errorFor} />
              {h.status === 'scheduled' && c.status === 'hearing_scheduled' && (
                <details class="govuk-details govuk-!-margin-top-2">
                  <summary class="govuk-details__summary">
                    <span class="govuk-details__summary-text">{t('proceedings.hearing.postpone')}</span>
                  </summary>
                  <div class="govuk-details__text">
                    <form method="post" action={urls.postponeHearing(h.id)} novalidate>
                      <CsrfField />
                      <Textarea id={`reason-${h.id}`} name="reason" label={t('proceedings.hearing.postponeReason')} error={errorFor(`reason-${h.id}`)} rows={3} />
                      <SlotFields prefix={`postpone-${h.id}`} values={view.values} today={view.today as IsoDay} errorFor={errorFor} />
                      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                        {t('proceedings.hearing.postpone')}
                      </button>
                    </form>
                  </div>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {view.canSchedule && (
        <form method="post" action={urls.scheduleHearing(c.id)} novalidate>
          <CsrfField />
          <h3 class="govuk-heading-m">{t('proceedings.hearing.schedule')}</h3>
          <SlotFields prefix="hearing" values={view.values} today={view.today as IsoDay} errorFor={errorFor} />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('proceedings.hearing.schedule')}
          </button>
        </form>
      )}

      <h2 class="govuk-heading-l">{t('proceedings.acts.title')}</h2>
      {c.status === 'order_objected' && <div class="govuk-inset-text">{t('courtOrder.judge.objected')}</div>}
      <IssuedActs caseId={c.id} acts={view.acts} />
      {drafts.map((draft) => (
        <section class="govuk-!-margin-bottom-6" key={draft.id} aria-labelledby={`draft-${draft.id}`}>
          <h3 class="govuk-heading-m" id={`draft-${draft.id}`}>
            {t('proceedings.acts.draft', { act: actLabel(t, draft) })}: {draft.title}
          </h3>
          {draft.outcome && <p class="govuk-body">{t(`proceedings.outcome.${draft.outcome}`)}</p>}
          {draft.absentPartyIds && draft.absentPartyIds.length > 0 && (
            <p class="govuk-body">{t('appealTerms.attendance.absent', { names: view.parties.filter((p) => draft.absentPartyIds!.includes(p.id)).map((p) => p.name).join(', ') })}</p>
          )}
          <p class="govuk-body">
            <a class="govuk-link" href={urls.actText(draft.id)}>
              {t('proceedings.acts.readDraft')}
            </a>
          </p>
          <SignPanel
            target={{ manifestUrl: urls.actManifest(draft.id), submitUrl: urls.actIssue(draft.id), doneUrl: urls.judgeCase(c.id, 'issued') }}
            title={t('proceedings.acts.sign.title')}
            body={t('proceedings.acts.sign.body')}
            demoSigner={view.demoSigner}
          />
          <form method="post" action={urls.actDiscard(draft.id)}>
            <CsrfField />
            <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
              {t('proceedings.acts.discard')}
              <span class="govuk-visually-hidden"> {draft.title}</span>
            </button>
          </form>
        </section>
      ))}
      {view.actOptions.length > 0 && (
        <>
          <form method="post" action={urls.draftAct(c.id)} novalidate>
            <CsrfField />
            <h3 class="govuk-heading-m">{t('proceedings.acts.new')}</h3>
            {view.hearingOfTheDay === 'none' && c.status === 'hearing_scheduled' && <div class="govuk-inset-text">{t('hearings.act.needsHearing')}</div>}
            <ActChoiceFields prefix="act" options={view.actOptions} values={view.values['form'] === 'upload' ? {} : view.values} errorFor={errorFor} />
            <Attendance prefix="act" view={view} values={view.values['form'] === 'upload' ? {} : view.values} error={errorFor('act-attendance')} />
            <TextInput id="act-title" name="title" label={t('proceedings.acts.actTitle')} value={view.values['form'] === 'upload' ? undefined : v('title')} error={errorFor('act-title')} />
            <Textarea id="act-text" name="text" label={t('proceedings.acts.text')} hint={t('proceedings.acts.text.hint')} value={v('text')} error={errorFor('act-text')} rows={12} />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              {t('proceedings.acts.save')}
            </button>
          </form>
          <details class="govuk-details" open={view.values['form'] === 'upload'}>
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">{t('proceedings.acts.upload')}</span>
            </summary>
            <div class="govuk-details__text">
              <form method="post" action={urls.draftActUpload(c.id)} enctype="multipart/form-data" novalidate>
                {/* The token is the first part, before any file: it is checked before a file is read. */}
                <CsrfField />
                <ActChoiceFields prefix="upload" options={view.actOptions} values={view.values['form'] === 'upload' ? view.values : {}} errorFor={errorFor} />
                <Attendance prefix="upload" view={view} values={view.values['form'] === 'upload' ? view.values : {}} error={errorFor('upload-attendance')} />
                <TextInput id="upload-title" name="title" label={t('proceedings.acts.actTitle')} value={view.values['form'] === 'upload' ? v('title') : undefined} error={errorFor('upload-title')} />
                <div class={`govuk-form-group${errorFor('upload-file') ? ' govuk-form-group--error' : ''}`}>
                  <label class="govuk-label" for="upload-file">
                    {t('proceedings.acts.upload.file')}
                  </label>
                  {errorFor('upload-file') && (
                    <p id="upload-file-error" class="govuk-error-message">
                      <span class="govuk-visually-hidden">{t('error.title')}:</span> {errorFor('upload-file')}
                    </p>
                  )}
                  <input class="govuk-file-upload" id="upload-file" name="file" type="file" accept="application/pdf" aria-describedby={errorFor('upload-file') ? 'upload-file-error' : undefined} />
                </div>
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                  {t('proceedings.acts.upload.submit')}
                </button>
              </form>
            </div>
          </details>
        </>
      )}
    </>
  );
}

/**
 * For a decision, who took part in the hearing at which it was made: everyone is ticked unless
 * recorded absent with the operative part. An unticked party gets an appeal term of their own,
 * from the day a copy is sent to them (CPC Art. 403(3)).
 */
function Attendance({ prefix, view, values, error }: { prefix: string; view: JudgeCaseView; values: Record<string, string>; error: string | undefined }) {
  const { t } = useView();
  if (!view.actOptions.some((o) => o.kind === 'decision') || view.parties.length === 0) return null;
  // After a refusal the judge's own ticks come back; otherwise the default.
  const ticked = values['attendance'] ? new Set((values['tookPart'] ?? '').split(',').filter(Boolean)) : new Set(view.parties.filter((p) => !view.absentByDefault.includes(p.id)).map((p) => p.id));
  const id = `${prefix}-attendance`;
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <input type="hidden" name="attendance" value="1" />
      <fieldset class="govuk-fieldset" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{t('appealTerms.attendance.legend')}</legend>
        <div id={`${id}-hint`} class="govuk-hint">
          {t('appealTerms.attendance.hint')}
        </div>
        {error && (
          <p id={`${id}-error`} class="govuk-error-message">
            <span class="govuk-visually-hidden">{t('error.title')}:</span> {error}
          </p>
        )}
        <div class="govuk-checkboxes" data-module="govuk-checkboxes">
          {view.parties.map((party, i) => (
            <div class="govuk-checkboxes__item" key={party.id}>
              <input class="govuk-checkboxes__input" id={i === 0 ? id : `${id}-${i + 1}`} name="tookPart" type="checkbox" value={party.id} checked={ticked.has(party.id)} />
              <label class="govuk-label govuk-checkboxes__label" for={i === 0 ? id : `${id}-${i + 1}`}>
                {`${t(`partyRole.${party.role as PartyRole}`)}: ${party.name}`}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** Date, time, length and place of a hearing; the same fields schedule and postpone. */
type CaseHearing = CaseForParticipants['hearings'][number];

/**
 * A hearing on its day: the button that opens it, the form that closes it with its outcome, and
 * the record once it is closed. A hearing that never started can only be closed as not held.
 */
function HearingDay({ hearing: h, caseId, today, values, errorFor }: { hearing: CaseHearing; caseId: string; today: IsoDay; values: Record<string, string>; errorFor: (field: string) => string | undefined }) {
  const { t } = useView();
  const day = courtDay(h.startsAt);
  const canOpen = h.status === 'scheduled' && day === today;
  const due = h.status === 'scheduled' && day <= today;
  const closing = `close-${h.id}`;
  const own = values['form'] === closing;
  const value = (name: string) => (own ? values[name] : undefined);
  const nextFields = (outcome: 'adjourned' | 'not_held') => (
    <>
      <Textarea id={`${closing}-${outcome}-reason`} name={`${outcome}_reason`} label={t('hearings.close.reason')} hint={t('hearings.close.reason.hint')} value={value(`${outcome}_reason`)} error={errorFor(`${closing}-${outcome}-reason`)} rows={3} />
      <HearingWhen
        id={`${closing}-${outcome}`}
        name={`${outcome}_`}
        values={own ? values : {}}
        today={today}
        legend={t('hearings.close.nextDay')}
        dateHint={t('hearings.close.nextDay.hint', { example: typedDay(exampleHearingDay(today)) })}
        error={errorFor(`${closing}-${outcome}-date`)}
        optional
      />
    </>
  );
  const outcomes = [
    ...(h.status === 'opened'
      ? [
          { value: 'held', label: t('hearings.close.outcome.held'), hint: t('hearings.close.outcome.held.hint') },
          { value: 'adjourned', label: t('hearings.close.outcome.adjourned'), hint: t('hearings.close.outcome.adjourned.hint'), conditional: nextFields('adjourned') },
        ]
      : []),
    { value: 'not_held', label: t('hearings.close.outcome.not_held'), hint: t('hearings.close.outcome.not_held.hint'), conditional: nextFields('not_held') },
  ];
  return (
    <>
      {canOpen && (
        <form method="post" action={urls.openHearing(h.id)} class="govuk-!-margin-top-2">
          <CsrfField />
          {errorFor(`open-${h.id}-submit`) && (
            <p class="govuk-error-message" id={`open-${h.id}-submit`}>
              <span class="govuk-visually-hidden">{t('error.title')}:</span> {errorFor(`open-${h.id}-submit`)}
            </p>
          )}
          <p class="govuk-hint">{t('hearings.open.hint', { minutes: OPEN_EARLY_MINUTES })}</p>
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('hearings.open.submit')}
          </button>
        </form>
      )}
      {(h.status === 'opened' || due) && (
        <details class="govuk-details govuk-!-margin-top-2" open={h.status === 'opened' || own}>
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">{t('hearings.close.title')}</span>
          </summary>
          <div class="govuk-details__text">
            <form method="post" action={urls.closeHearing(h.id)} novalidate>
              <CsrfField />
              <Radios id={`${closing}-outcome`} name="outcome" legend={t('hearings.close.outcome')} choices={outcomes} value={value('outcome')} error={errorFor(`${closing}-outcome`)} />
              <button type="submit" class="govuk-button" data-module="govuk-button">
                {t('hearings.close.submit')}
              </button>
            </form>
          </div>
        </details>
      )}
      {h.recordDocumentId ? (
        <a class="govuk-link sot-block" href={urls.caseDocument(caseId, h.recordDocumentId)}>
          {t('hearings.record.link')}
        </a>
      ) : (
        h.openedAt &&
        (h.status === 'held' || h.status === 'adjourned') && (
          <form method="post" action={urls.hearingRecord(h.id)} encType="multipart/form-data" class="govuk-!-margin-top-2">
            <CsrfField />
            <div class={`govuk-form-group${errorFor(`record-${h.id}-file`) ? ' govuk-form-group--error' : ''}`}>
              <label class="govuk-label" for={`record-${h.id}-file`}>
                {t('hearings.record.file')}
              </label>
              <div class="govuk-hint" id={`record-${h.id}-file-hint`}>
                {t('hearings.record.file.hint')}
              </div>
              {errorFor(`record-${h.id}-file`) && (
                <p class="govuk-error-message" id={`record-${h.id}-file-error`}>
                  <span class="govuk-visually-hidden">{t('error.title')}:</span> {errorFor(`record-${h.id}-file`)}
                </p>
              )}
              <input
                class="govuk-file-upload"
                id={`record-${h.id}-file`}
                name="file"
                type="file"
                accept="application/pdf"
                aria-describedby={errorFor(`record-${h.id}-file`) ? `record-${h.id}-file-hint record-${h.id}-file-error` : `record-${h.id}-file-hint`}
              />
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t('hearings.record.submit')}
            </button>
          </form>
        )
      )}
    </>
  );
}

function SlotFields({ prefix, values, today, errorFor }: { prefix: string; values: Record<string, string>; today: IsoDay; errorFor: (field: string) => string | undefined }) {
  const { t } = useView();
  const own = values['form'] === prefix;
  const value = (name: string) => (own ? values[name] : undefined);
  return (
    <>
      <input type="hidden" name="form" value={prefix} />
      <HearingWhen
        id={prefix}
        name=""
        values={own ? values : {}}
        today={today}
        legend={t('proceedings.hearing.date')}
        dateHint={t('proceedings.hearing.date.hint', { example: typedDay(exampleHearingDay(today)) })}
        error={errorFor(`${prefix}-date`)}
        timeError={errorFor(`${prefix}-time`)}
      />
      <TextInput id={`${prefix}-duration`} name="duration" label={t('proceedings.hearing.duration')} value={value('duration') ?? '60'} error={errorFor(`${prefix}-duration`)} classes="govuk-input--width-3" inputmode="numeric" />
      <TextInput id={`${prefix}-room`} name="room" label={t('proceedings.hearing.room')} hint={t('proceedings.hearing.room.hint')} value={value('room')} error={errorFor(`${prefix}-room`)} classes="govuk-input--width-10" />
      <TextInput id={`${prefix}-video`} name="videoLink" label={t('proceedings.hearing.videoLink')} hint={t('proceedings.hearing.videoLink.hint')} value={value('videoLink')} error={errorFor(`${prefix}-video`)} />
    </>
  );
}

/**
 * A hearing's day in the GOV.UK date input and its time among the court's hours. The day box is
 * named `<name>date` so that a whole date typed into it (06.12.2026) arrives whole; refused, it
 * comes back spread over the three boxes. An optional time offers "not set" first, so a judge can
 * close a hearing without naming the next one.
 */
function HearingWhen(props: { id: string; name: string; values: Record<string, string>; today: IsoDay; legend: string; dateHint: string; error?: string | undefined; timeError?: string | undefined; optional?: boolean }) {
  const { t } = useView();
  const { id, name, values } = props;
  const whole = !values[`${name}month`] && !values[`${name}year`] ? isoDay(values[`${name}date`], '', '') : null;
  const [year, month, day] = whole ? whole.split('-').map((part) => String(Number(part))) : [values[`${name}year`], values[`${name}month`], values[`${name}date`]];
  const times = hearingTimes().map((time) => ({ value: time, label: time }));
  return (
    <>
      <DateInput
        id={`${id}-when`}
        legend={props.legend}
        hint={props.dateHint}
        error={props.error}
        boxes={[
          { id: `${id}-date`, name: `${name}date`, value: day },
          { id: `${id}-date-month`, name: `${name}month`, value: month },
          { id: `${id}-date-year`, name: `${name}year`, value: year },
        ]}
      />
      <Select
        id={`${id}-time`}
        name={`${name}time`}
        label={t('proceedings.hearing.time')}
        hint={t('proceedings.hearing.time.hint')}
        value={values[`${name}time`] ?? (props.optional ? '' : '10:00')}
        error={props.timeError}
        groups={[{ choices: props.optional ? [{ value: '', label: t('hearings.close.nextTime.none') }, ...times] : times }]}
      />
    </>
  );
}

/** The kind of act (and a review's outcome) as radios; the same fields write and upload an act. */
function ActChoiceFields({ prefix, options, values, errorFor }: { prefix: string; options: ActOption[]; values: Record<string, string>; errorFor: (field: string) => string | undefined }) {
  const { t } = useView();
  return (
    <>
      <Radios
        id={`${prefix}-kind`}
        name="kind"
        legend={t('proceedings.acts.kind')}
        value={values['kind'] ?? options[0]!.kind}
        error={errorFor(`${prefix}-kind`)}
        choices={options.flatMap((option): Choice[] =>
          option.kind === 'decision'
            ? option.forms.map((form) => ({ value: `decision:${form}`, label: t(`proceedings.decisionForm.${form}`), hint: t(`proceedings.decisionForm.${form}.hint`) }))
            : [{ value: option.kind, label: option.cancelsOrder ? t('courtOrder.judge.cancellation') : t(`proceedings.actKind.${option.kind}`) }],
        )}
      />
      {options.some((o) => o.needsOutcome) && (
        <Radios
          id={`${prefix}-outcome`}
          name="outcome"
          legend={t('proceedings.acts.outcome')}
          value={values['outcome']}
          error={errorFor(`${prefix}-outcome`)}
          choices={REVIEW_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`proceedings.outcome.${outcome}`) }))}
        />
      )}
    </>
  );
}

/** Representatives and lawyers waiting for the judge to accept their power of attorney or warrant. */
function PendingAuthority({ caseId, participants }: { caseId: string; participants: CaseForParticipants['participants'] }) {
  const { t } = useView();
  const pending = participants.filter((p) => (p.role === 'representative' || p.role === 'lawyer') && !p.authorityAcceptedAt);
  if (pending.length === 0) return null;
  const nameOf = (id: string | null) => participants.find((p) => p.id === id)?.name ?? '—';
  return (
    <>
      <h2 class="govuk-heading-l">{t('proceedings.authority.title')}</h2>
      <p class="govuk-body">{t('proceedings.authority.lead')}</p>
      {pending.map((p) => (
        <form method="post" action={urls.acceptAuthority(caseId, p.id)} key={p.id}>
          <CsrfField />
          <p class="govuk-body">{t('proceedings.authority.pending', { name: p.name, role: t(`partyRole.${p.role}`), party: nameOf(p.representsPartyId) })}</p>
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t('proceedings.authority.accept')}
            <span class="govuk-visually-hidden"> {p.name}</span>
          </button>
        </form>
      ))}
    </>
  );
}
