import type { ComponentChildren } from 'preact';
import { CASE_CATEGORIES, type CaseCategory } from '../../../domain/caseKinds.ts';
import type { FilingParty } from '../../../domain/filingFields.ts';
import type { EntityTie } from '../../../domain/ncaRoles.ts';
import { asksAmount, asksSubject, previousStep, type FilingStep } from '../../../domain/filingSteps.ts';
import { CLAIMANT_TYPES, FILING_TYPES, startsCase } from '../../../domain/filingTypes.ts';
import { ACCEPT_ATTRIBUTE } from '../../../domain/uploads.ts';
import { ALIMONY_CLAIMS } from '../../../domain/duty/rates.ts';
import { formatNumber, formatTenge } from '../../../i18n/format.ts';
import type { FilingPageData } from '../../../queries/filingForm.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField, describedBy, ErrorSummary, HintAndError, Radios, Select, Textarea, TextInput, type Choice, type FieldError } from '../../components/govuk.tsx';
import { COURT_ORDER_DEMAND_RULES, COURT_ORDER_DEMANDS, demandValueRequired } from '../../../domain/courtOrders.ts';
import { SignPanel } from '../../components/SignPanel.tsx';
import { localName } from '../../components/names.ts';

export type Errors = FieldError[];
export type Values = Record<string, string>;

const errorFor = (errors: Errors, field: string) => errors.find((e) => e.field === field)?.message;

/** A size people read: 812 KB, 1.4 MB. */
export function FileSize({ bytes }: { bytes: number }) {
  const { t, lang } = useView();
  if (bytes < 1024 * 1024) return <>{t('filing.size.kb', { size: formatNumber(Math.max(1, Math.round(bytes / 1024)), lang) })}</>;
  return <>{t('filing.size.mb', { size: formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, lang) })}</>;
}

/** The frame of every step: the back link, the filing's type as a caption, errors, one form. */
function Step(props: { data: FilingPageData; step: FilingStep; title: string; errors: Errors; children: ComponentChildren; multipart?: boolean; action?: string; button?: string; lead?: ComponentChildren }) {
  const { t } = useView();
  const { filing } = props.data;
  const back = previousStep(filing.type, props.step);
  const action = props.action ?? urls.filingStep(filing.id, props.step);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <a class="govuk-back-link" href={back ? urls.filingStep(filing.id, back) : urls.cabinet()}>
          {t('filing.back')}
        </a>
        <ErrorSummary errors={props.errors} />
        <span class="govuk-caption-l">{t(`filing.type.${filing.type}`)}</span>
        <h1 class="govuk-heading-l">{props.title}</h1>
        {props.lead}
        <form
          method="post"
          action={action}
          novalidate
          {...(props.multipart ? { enctype: 'multipart/form-data' } : {})}
        >
          {/* First, so an upload form's token comes before its files. */}
          <CsrfField />
          <input type="hidden" name="version" value={String(filing.version)} />
          {props.children}
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {props.button ?? t('filing.continue')}
          </button>
        </form>
      </div>
    </div>
  );
}

export function FilingStartPage({ errors, values }: { errors: Errors; values: Values }) {
  const { t } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <a class="govuk-back-link" href={urls.cabinet()}>
          {t('filing.back')}
        </a>
        <ErrorSummary errors={errors} />
        <form method="post" action={urls.filings()} novalidate>
          <CsrfField />
          <Radios
            id="type"
            name="type"
            legend={t('filing.start.title')}
            legendAsHeading
            hint={t('filing.start.hint')}
            value={values['type']}
            error={errorFor(errors, 'type')}
            choices={FILING_TYPES.map((type) => ({ value: type, label: t(`filing.type.${type}`), hint: t(`filing.typeHint.${type}`) }))}
          />
          <TextInput id="caseNumber" name="caseNumber" label={t('filing.start.caseNumber')} hint={t('filing.start.caseNumber.hint')} value={values['caseNumber']} error={errorFor(errors, 'caseNumber')} classes="govuk-input--width-20" spellcheck={false} />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('filing.start.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}

export function CourtStep({ data, errors, courts, region }: { data: FilingPageData; errors: Errors; courts: { id: string; nameKk: string; nameRu: string; nameEn: string; region: { code: string; nameKk: string; nameRu: string; nameEn: string } }[]; region: string | undefined }) {
  const { t, lang } = useView();
  const regions = [...new Map(courts.map((c) => [c.region.code, c.region])).values()];
  const shown = region ? courts.filter((c) => c.region.code === region) : courts;
  const groups = [...new Map(shown.map((c) => [c.region.code, c.region])).values()].map((r) => ({
    label: localName(r, lang),
    choices: shown.filter((c) => c.region.code === r.code).map((c) => ({ value: c.id, label: localName(c, lang) })),
  }));
  return (
    <>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <details class="govuk-details">
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">{t('filing.court.help.title')}</span>
            </summary>
            <div class="govuk-details__text">
              <p class="govuk-body">{t('filing.court.help.body')}</p>
              <form method="get" action={urls.filingStep(data.filing.id, 'court')}>
                <Select id="region" name="region" label={t('filing.court.region')} value={region} groups={[{ choices: [{ value: '', label: t('filing.court.allRegions') }, ...regions.map((r) => ({ value: r.code, label: localName(r, lang) }))] }]} />
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                  {t('filing.court.filter')}
                </button>
              </form>
            </div>
          </details>
        </div>
      </div>
      <Step data={data} step="court" title={t('filing.court.title')} errors={errors}>
        <Select id="courtId" name="courtId" label={t('filing.court.label')} hint={t('filing.court.hint')} value={data.court?.id} error={errorFor(errors, 'courtId')} groups={[{ choices: [{ value: '', label: t('filing.court.choose') }] }, ...groups]} />
      </Step>
    </>
  );
}

export function CategoryStep({ data, errors }: { data: FilingPageData; errors: Errors }) {
  const { t } = useView();
  const categories: CaseCategory[] = [...CASE_CATEGORIES.civil.filter((c) => c !== 'court_order'), ...CASE_CATEGORIES.administrative];
  return (
    <Step data={data} step="category" title={t('filing.category.title')} errors={errors}>
      <Radios id="category" name="category" legend={t('filing.category.legend')} value={data.fields.category} error={errorFor(errors, 'category')} choices={categories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
      <Radios
        id="claimantType"
        name="claimantType"
        legend={t('filing.claimantType.legend')}
        hint={t('filing.claimantType.hint')}
        value={data.fields.claimantType}
        error={errorFor(errors, 'claimantType')}
        choices={CLAIMANT_TYPES.map((c) => ({ value: c, label: t(`filing.claimantType.${c}`) }))}
      />
    </Step>
  );
}

/**
 * The demand of an application for a court order, one question on its page: the demands CPC
 * Art. 135 lists, each with its subparagraph, and "another demand", which is refused with the
 * advice to file a claim. Whether the applicant is an individual or a legal entity follows from
 * their certificate (src/commands/filings.ts).
 */
export function DemandStep({ data, errors, values }: { data: FilingPageData; errors: Errors; values: Values }) {
  const { t } = useView();
  const choices: Choice[] = [
    ...COURT_ORDER_DEMANDS.map((code) => ({ value: code, label: t(`courtOrder.demand.${code}`), hint: t('courtOrder.demand.article', { n: COURT_ORDER_DEMAND_RULES[code].subparagraph }) })),
    { value: 'other', label: t('courtOrder.demand.other'), hint: t('courtOrder.demand.otherHint') },
  ];
  return (
    <Step data={data} step="demand" title={t('courtOrder.demand.title')} errors={errors} lead={<p class="govuk-body">{t('courtOrder.demand.lead')}</p>}>
      <Radios id="courtOrderDemand" name="courtOrderDemand" legend={t('courtOrder.check.demand')} value={values['courtOrderDemand'] ?? data.fields.courtOrderDemand} error={errorFor(errors, 'courtOrderDemand')} choices={choices} />
    </Step>
  );
}

function PartyRow({ party, index, filingId }: { party: FilingParty; index: number; filingId: string }) {
  const { t } = useView();
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{t(`filing.party.side.${party.side}`)}</dt>
      <dd class="govuk-summary-list__value">
        {party.name}
        {party.iin && <span class="govuk-body-s sot-block">{t('filing.party.iinShown', { iin: party.iin })}</span>}
        {party.bin && <span class="govuk-body-s sot-block">{t('filing.party.binShown', { bin: party.bin })}</span>}
        {party.address && <span class="govuk-body-s sot-block">{party.address}</span>}
      </dd>
      <dd class="govuk-summary-list__actions">
        <form method="post" action={urls.filingPartyRemove(filingId, index)}>
          <CsrfField />
          <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">
            {t('filing.party.remove')}
            <span class="govuk-visually-hidden"> {party.name}</span>
          </button>
        </form>
      </dd>
    </div>
  );
}

export function PartiesStep({ data, errors, values, employer }: { data: FilingPageData; errors: Errors; values: Values; employer: EntityTie | null }) {
  const { t } = useView();
  const parties = data.fields.parties ?? [];
  const hasDefendant = parties.some((p) => p.side === 'defendant');
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <a class="govuk-back-link" href={urls.filingStep(data.filing.id, previousStep(data.filing.type, 'parties') ?? 'court')}>
          {t('filing.back')}
        </a>
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{t(`filing.type.${data.filing.type}`)}</span>
        <h1 class="govuk-heading-l">{t('filing.parties.title')}</h1>
        <p class="govuk-body">{t('filing.parties.lead')}</p>
        {employer && (
          <div class="govuk-inset-text" data-employee-notice>
            {t('filing.parties.asEmployee', { name: employer.name ?? employer.bin, bin: employer.bin })}
          </div>
        )}
        {parties.length > 0 && (
          <dl class="govuk-summary-list">
            {parties.map((party, index) => (
              <PartyRow party={party} index={index} filingId={data.filing.id} key={index} />
            ))}
          </dl>
        )}
        <form method="post" action={urls.filingStep(data.filing.id, 'parties')} novalidate>
          <CsrfField />
          <input type="hidden" name="version" value={String(data.filing.version)} />
          <h2 class="govuk-heading-m">{t('filing.parties.add')}</h2>
          <Radios
            id="side"
            name="side"
            legend={t('filing.party.side')}
            value={values['side'] ?? (hasDefendant ? undefined : 'defendant')}
            error={errorFor(errors, 'side')}
            choices={(['defendant', 'third_party', 'claimant'] as const).map((s) => ({ value: s, label: t(`filing.party.side.${s}`) }))}
          />
          <Radios id="kind" name="kind" legend={t('filing.party.kind')} value={values['kind'] ?? 'individual'} error={errorFor(errors, 'kind')} choices={(['individual', 'legal'] as const).map((k) => ({ value: k, label: t(`filing.party.kind.${k}`) }))} />
          <TextInput id="name" name="name" label={t('filing.party.name')} hint={t('filing.party.name.hint')} value={values['name']} error={errorFor(errors, 'name')} />
          <TextInput id="identifier" name="identifier" label={t('filing.party.identifier')} hint={t('filing.party.identifier.hint')} value={values['identifier']} error={errorFor(errors, 'identifier')} classes="govuk-input--width-20" inputmode="numeric" spellcheck={false} />
          <TextInput id="address" name="address" label={t('filing.party.address')} value={values['address']} error={errorFor(errors, 'address')} autocomplete="off" />
          <TextInput id="phone" name="phone" label={t('filing.party.phone')} value={values['phone']} error={errorFor(errors, 'phone')} classes="govuk-input--width-20" type="tel" autocomplete="off" />
          <TextInput id="email" name="email" label={t('filing.party.email')} value={values['email']} error={errorFor(errors, 'email')} classes="govuk-input--width-20" type="email" autocomplete="off" spellcheck={false} />
          <div class="govuk-button-group">
            <button type="submit" name="next" value="add" class="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t('filing.parties.addButton')}
            </button>
          </div>
        </form>
        <a class="govuk-button" data-module="govuk-button" href={urls.filingStep(data.filing.id, 'representative')} role="button" draggable={false}>
          {t('filing.continue')}
        </a>
      </div>
    </div>
  );
}

export function RepresentativeStep({ data, errors, values }: { data: FilingPageData; errors: Errors; values: Values }) {
  const { t } = useView();
  const rep = data.fields.representative;
  return (
    <Step data={data} step="representative" title={t('filing.representative.title')} errors={errors} lead={<p class="govuk-body">{t('filing.representative.lead')}</p>}>
      <TextInput id="repName" name="repName" label={t('filing.representative.name')} value={values['repName'] ?? rep?.name} error={errorFor(errors, 'repName')} />
      <TextInput id="repIin" name="repIin" label={t('filing.representative.iin')} value={values['repIin'] ?? rep?.iin} error={errorFor(errors, 'repIin')} classes="govuk-input--width-20" inputmode="numeric" spellcheck={false} />
      <TextInput id="powerOfAttorney" name="powerOfAttorney" label={t('filing.representative.powerOfAttorney')} hint={t('filing.representative.powerOfAttorney.hint')} value={values['powerOfAttorney'] ?? rep?.powerOfAttorney} error={errorFor(errors, 'powerOfAttorney')} />
    </Step>
  );
}

export function ClaimStep({ data, errors, values }: { data: FilingPageData; errors: Errors; values: Values }) {
  const { t } = useView();
  const { fields, filing } = data;
  return (
    <Step data={data} step="claim" title={t(startsCase(filing.type) ? 'filing.claim.title' : 'filing.claim.titleInCase')} errors={errors} lead={data.caseNumber ? <p class="govuk-body">{t('filing.claim.inCase', { number: data.caseNumber })}</p> : undefined}>
      {asksSubject(filing.type) && <TextInput id="subject" name="subject" label={t('filing.claim.subject')} hint={t('filing.claim.subject.hint')} value={values['subject'] ?? fields.subject} error={errorFor(errors, 'subject')} />}
      {asksAmount(filing.type, data.category, fields.courtOrderDemand) && (
        <div class={`govuk-form-group${errorFor(errors, 'amount') ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label" for="amount">
            {t('filing.claim.amount')}
          </label>
          <HintAndError id="amount" hint={fields.courtOrderDemand && !demandValueRequired(fields.courtOrderDemand) ? t('courtOrder.amount.optionalHint') : t('filing.claim.amount.hint')} error={errorFor(errors, 'amount')} />
          <div class="govuk-input__wrapper">
            <input class={`govuk-input govuk-input--width-10${errorFor(errors, 'amount') ? ' govuk-input--error' : ''}`} id="amount" name="amount" type="text" inputMode="decimal" spellcheck={false} value={values['amount'] ?? fields.amount ?? ''} aria-describedby={describedBy('amount', 'hint', errorFor(errors, 'amount'))} />
            <div class="govuk-input__suffix" aria-hidden="true">
              ₸
            </div>
          </div>
        </div>
      )}
      <Textarea id="text" name="text" label={t('filing.claim.text')} hint={t('filing.claim.text.hint')} value={values['text'] ?? fields.text} error={errorFor(errors, 'text')} rows={14} />
    </Step>
  );
}

export function AttachmentsStep({ data, errors }: { data: FilingPageData; errors: Errors }) {
  const { t } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <a class="govuk-back-link" href={urls.filingStep(data.filing.id, 'claim')}>
          {t('filing.back')}
        </a>
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{t(`filing.type.${data.filing.type}`)}</span>
        <h1 class="govuk-heading-l">{t('filing.attachments.title')}</h1>
        <p class="govuk-body">{t('filing.attachments.lead')}</p>
        {data.attachments.length === 0 ? (
          <p class="govuk-body" data-attachments-empty>
            {t('filing.attachments.none')}
          </p>
        ) : (
          <dl class="govuk-summary-list" data-attachments>
            {data.attachments.map((a) => (
              <div class="govuk-summary-list__row" key={a.id}>
                <dt class="govuk-summary-list__key sot-break">{a.name}</dt>
                <dd class="govuk-summary-list__value">
                  {a.purpose !== 'attachment' && <strong class="govuk-tag govuk-tag--blue">{t(`filing.attachments.purpose.${a.purpose as 'power_of_attorney'}`)}</strong>} <FileSize bytes={a.sizeBytes} />
                  <span class="govuk-body-s sot-block sot-hash">sha256 {a.sha256}</span>
                </dd>
                <dd class="govuk-summary-list__actions">
                  <form method="post" action={urls.filingAttachmentRemove(data.filing.id, a.id)}>
                    <CsrfField />
                    <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">
                      {t('filing.attachments.remove')}
                      <span class="govuk-visually-hidden"> {a.name}</span>
                    </button>
                  </form>
                </dd>
              </div>
            ))}
          </dl>
        )}
        <UploadForm filingId={data.filing.id} error={errorFor(errors, 'file')} />
        <a class="govuk-button" data-module="govuk-button" href={urls.filingStep(data.filing.id, 'duty')} role="button" draggable={false}>
          {t('filing.continue')}
        </a>
      </div>
    </div>
  );
}

function UploadForm({ filingId, error }: { filingId: string; error: string | undefined }) {
  const { t } = useView();
  return (
    <form method="post" action={urls.filingStep(filingId, 'attachments')} enctype="multipart/form-data" novalidate data-upload>
      {/* The token is the first part, before any file: it is checked before a file is read. */}
      <CsrfField />
      <Select
        id="purpose"
        name="purpose"
        label={t('filing.attachments.purpose')}
        groups={[{ choices: (['attachment', 'power_of_attorney', 'exemption_proof'] as const).map((purpose) => ({ value: purpose, label: t(`filing.attachments.purpose.${purpose}`) })) }]}
      />
      <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label class="govuk-label govuk-label--m" for="file">
          {t('filing.attachments.add')}
        </label>
        <HintAndError id="file" hint={t('filing.attachments.hint')} error={error} />
        <input class={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`} id="file" name="file" type="file" multiple accept={ACCEPT_ATTRIBUTE} aria-describedby={describedBy('file', 'hint', error)} />
      </div>
      <div class="sot-upload-progress" data-upload-progress hidden>
        <label class="govuk-label" for="upload-progress">
          {t('filing.attachments.progress')}
        </label>
        <progress id="upload-progress" max="100" value="0"></progress>
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
        {t('filing.attachments.upload')}
      </button>
    </form>
  );
}

export interface DutyView {
  amountTiyn: number;
  exempt: boolean;
  basis: string | null;
  explanation: string | null;
  /**
   * The filing is not among those the duty is charged on (an appeal: Tax Code Art. 664(1)(1)),
   * so there is nothing to be exempt from either.
   */
  notDutiable?: boolean;
}

export function DutyStep({ data, errors, duty, exemptions }: { data: FilingPageData; errors: Errors; duty: DutyView; exemptions: { value: string; label: string }[] }) {
  const { t, lang } = useView();
  return (
    <Step data={data} step="duty" title={t('filing.duty.title')} errors={errors}>
      <div class="govuk-panel sot-duty" data-duty>
        <p class="govuk-body-l govuk-!-margin-bottom-1">{duty.exempt ? t('filing.duty.exempt') : duty.amountTiyn === 0 ? t('filing.duty.none') : formatTenge(duty.amountTiyn / 100, lang)}</p>
        {duty.explanation && <p class="govuk-body">{duty.explanation}</p>}
        {duty.basis && <p class="govuk-body-s">{t('filing.duty.basis', { article: duty.basis })}</p>}
      </div>
      {duty.amountTiyn > 0 && <p class="govuk-body">{t('filing.duty.payLater')}</p>}
      {data.category === 'alimony' && !duty.notDutiable && (
        <Radios
          id="alimonyClaim"
          name="alimonyClaim"
          legend={t('dutyExemptions.alimonyClaim')}
          hint={t('dutyExemptions.alimonyClaim.hint')}
          value={data.fields.alimonyClaim}
          error={errorFor(errors, 'alimonyClaim')}
          choices={ALIMONY_CLAIMS.map((claim) => ({ value: claim, label: t(`dutyExemptions.alimonyClaim.${claim}`) }))}
        />
      )}
      {exemptions.length > 0 && !duty.notDutiable && (
        <Select
          id="exemption"
          name="exemption"
          label={t('filing.duty.exemption')}
          hint={t('filing.duty.exemption.hint')}
          value={data.fields.exemption ?? ''}
          error={errorFor(errors, 'exemption')}
          groups={[{ choices: [{ value: '', label: t('filing.duty.noExemption') }, ...exemptions] }]}
        />
      )}
    </Step>
  );
}

export function CheckPage({ data, errors, missing, demoSigner }: { data: FilingPageData; errors: Errors; missing: string[]; demoSigner: { handle: string; password: string } | null }) {
  const { t, lang } = useView();
  const { fields, filing } = data;
  const change = (step: FilingStep) => (
    <a class="govuk-link" href={urls.filingStep(filing.id, step)}>
      {t('filing.check.change')}
    </a>
  );
  const rows: { key: string; value: ComponentChildren; step: FilingStep }[] = [];
  if (startsCase(filing.type)) {
    rows.push({ key: t('filing.check.court'), value: data.court ? localName(data.court, lang) : '—', step: 'court' });
    if (filing.type === 'court_order_application') rows.push({ key: t('courtOrder.check.demand'), value: fields.courtOrderDemand ? t(`courtOrder.demand.${fields.courtOrderDemand}`) : '—', step: 'demand' });
    else rows.push({ key: t('filing.check.category'), value: fields.category ? t(`category.${fields.category}`) : '—', step: 'category' });
    rows.push({ key: t('filing.check.parties'), value: (fields.parties ?? []).map((p) => `${t(`filing.party.side.${p.side}`)}: ${p.name}`).join('; ') || '—', step: 'parties' });
    if (fields.representative) rows.push({ key: t('filing.check.representative'), value: fields.representative.name, step: 'representative' });
  } else {
    rows.push({ key: t('filing.check.case'), value: data.caseNumber ?? '—', step: 'claim' });
    if (data.appellateCourt && data.court) {
      rows.push({ key: t('appeals.talon.filedThrough'), value: localName(data.court, lang), step: 'claim' });
      rows.push({ key: t('appeals.talon.heardBy'), value: localName(data.appellateCourt, lang), step: 'claim' });
    }
  }
  if (fields.subject) rows.push({ key: t('filing.claim.subject'), value: fields.subject, step: 'claim' });
  if (fields.amount) rows.push({ key: t('filing.claim.amount'), value: fields.amount, step: 'claim' });
  rows.push({ key: t('filing.claim.text'), value: fields.text ? <span class="sot-prewrap">{fields.text.length > 400 ? `${fields.text.slice(0, 400)}…` : fields.text}</span> : '—', step: 'claim' });
  rows.push({ key: t('filing.check.attachments'), value: data.attachments.length ? data.attachments.map((a) => a.name).join(', ') : '—', step: 'attachments' });
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <a class="govuk-back-link" href={urls.filingStep(filing.id, 'duty')}>
          {t('filing.back')}
        </a>
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{t(`filing.type.${filing.type}`)}</span>
        <h1 class="govuk-heading-l">{t('filing.check.title')}</h1>
        <dl class="govuk-summary-list">
          {rows.map((row) => (
            <div class="govuk-summary-list__row" key={row.key}>
              <dt class="govuk-summary-list__key">{row.key}</dt>
              <dd class="govuk-summary-list__value">{row.value}</dd>
              <dd class="govuk-summary-list__actions">{change(row.step)}</dd>
            </div>
          ))}
        </dl>
        {missing.length > 0 ? (
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text">
              <span class="govuk-visually-hidden">{t('filing.check.warning')}</span>
              {t('filing.check.missing', { missing: missing.map((m) => t(`filing.missing.${m as MissingField}`)).join(', ') })}
            </strong>
          </div>
        ) : (
          <SignAndSubmit filingId={filing.id} demoSigner={demoSigner} />
        )}
      </div>
    </div>
  );
}

export type MissingField = 'court' | 'category' | 'courtOrderDemand' | 'defendant' | 'subject' | 'amount' | 'alimonyClaim' | 'powerOfAttorney' | 'case' | 'text';

function SignAndSubmit({ filingId, demoSigner }: { filingId: string; demoSigner: { handle: string; password: string } | null }) {
  const { t } = useView();
  return (
    <SignPanel
      target={{ manifestUrl: urls.filingManifest(filingId), submitUrl: urls.filingSubmit(filingId), doneUrl: urls.talon(filingId) }}
      title={t('filing.check.sign.title')}
      body={t('filing.check.sign.body')}
      demoSigner={demoSigner}
    />
  );
}
