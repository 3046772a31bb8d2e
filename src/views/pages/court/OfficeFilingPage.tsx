import type { FilingParty } from '../../../domain/filingFields.ts';
import type { DutyStatus, FilingType } from '../../../domain/filingTypes.ts';
import { formatCourtDay, formatDate, formatDateTime, formatTenge } from '../../../i18n/format.ts';
import { citeArticle } from '../../../i18n/legalReference.ts';
import type { CheckOutcome, FilingFile, SignatureCheck } from '../../../queries/office.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField, ErrorSummary, SuccessBanner, SummaryList, TextInput, type FieldError } from '../../components/govuk.tsx';
import { categoryLabel } from '../../components/labels.ts';
import { DutySummary, dutyMethod } from '../../components/duty.tsx';
import { localName } from '../../components/names.ts';
import type { AppealStanding } from '../../../queries/appeals.ts';

export interface OfficeFilingView {
  id: string;
  type: FilingType;
  channel: 'portal' | 'counter';
  talonNumber: string;
  submittedAt: Date;
  /** The portal user who filed it, or the paper's filer as the clerk typed them in. */
  filer: { name: string; iin: string | null; bin: string | null; address: string | null; phone: string | null };
  parties: FilingParty[];
  category: string | null;
  subject: string | null;
  /** The value of the claim in tiyn, when the filer gave one. */
  amountTiyn: number | null;
  duty: { status: DutyStatus; amountTiyn: number | null; basis: string | null };
  caseId: string | null;
  caseNumber: string | null;
  caseStatus: string | null;
  files: FilingFile[];
  /** Portal filings: the signature checked again now. */
  signature: SignatureCheck | null;
  /** Paper filings: who took the paper in, and the day it was handed in. */
  counter: { clerkName: string; receivedOn: string } | null;
  received: { at: Date; clerk: string | null } | null;
  /** An appeal filed through this court: where it goes and whether it still waits for the term. */
  appeal: (AppealStanding & { mayForward: boolean }) | null;
  may: { register: boolean; attach: boolean; receive: boolean };
}

/** The state duty as the office checks it before registration: status, amount, how it was paid, its basis. */
function DutySection({ duty }: { duty: OfficeFilingView['duty'] }) {
  const { t, lang } = useView();
  const method = dutyMethod(duty.status);
  return (
    <>
      <h2 class="govuk-heading-m">{t('office.duty.title')}</h2>
      <SummaryList
        rows={[
          { key: t('talon.field.dutyStatus'), value: <DutySummary duty={duty} /> },
          ...(method ? [{ key: t('office.duty.method'), value: t(`office.duty.method.${method}`) }] : []),
          ...(duty.basis ? [{ key: t('talon.field.dutyBasis'), value: citeArticle(duty.basis, lang) }] : []),
        ]}
      />
    </>
  );
}

function Outcome({ outcome, at }: { outcome: CheckOutcome; at: Date }) {
  const { t, lang } = useView();
  const when = formatDateTime(at, lang);
  if (outcome.valid) {
    return (
      <>
        <strong class="govuk-tag govuk-tag--green">{t('office.signature.valid')}</strong> <span class="govuk-body-s">{when}</span>
      </>
    );
  }
  return (
    <>
      <strong class="govuk-tag govuk-tag--red">{t('office.signature.invalid')}</strong> <span class="govuk-body-s">{when}</span>
      <span class="sot-block">{t(`office.signature.failure.${outcome.code}`)}</span>
    </>
  );
}

function SignatureSection({ view }: { view: OfficeFilingView }) {
  const { t, lang } = useView();
  if (view.counter) {
    return (
      <>
        <h2 class="govuk-heading-m">{t('office.signature.title')}</h2>
        <p class="govuk-body" data-signature="paper">
          {t('office.signature.paper', { clerk: view.counter.clerkName, date: formatDate(new Date(`${view.counter.receivedOn}T12:00:00+05:00`), lang) })}
        </p>
      </>
    );
  }
  const check = view.signature;
  if (!check) return null;
  const state = check.now.valid && check.atSigning.valid ? 'valid' : 'invalid';
  return (
    <>
      <h2 class="govuk-heading-m">{t('office.signature.title')}</h2>
      <SummaryList
        rows={[
          { key: t('office.signature.signer'), value: check.signer?.name ?? '—' },
          { key: t('talon.field.iin'), value: check.signer?.iin ?? '—' },
          ...(check.signer?.organisation ? [{ key: t('talon.field.organisation'), value: t('talon.field.organisationValue', { name: check.signer.organisation, bin: check.signer.bin ?? '—' }) }] : []),
          { key: t('talon.field.certificateSerial'), value: <span class="sot-break">{check.certificate?.serialNumber ?? '—'}</span> },
          { key: t('office.signature.issuer'), value: <span class="sot-break">{check.certificate?.issuer ?? '—'}</span> },
          {
            key: t('office.signature.validity'),
            value: check.certificate ? t('office.signature.validityValue', { from: formatDate(check.certificate.notBefore, lang), to: formatDate(check.certificate.notAfter, lang) }) : '—',
          },
          { key: t('office.signature.now'), value: <Outcome outcome={check.now} at={check.checkedAt} /> },
          { key: t('office.signature.atSigning'), value: <Outcome outcome={check.atSigning} at={check.signedAt} /> },
        ]}
      />
      <p class="govuk-body" data-signature={state}>
        {t(state === 'valid' ? 'office.signature.summary.valid' : 'office.signature.summary.invalid')}
      </p>
    </>
  );
}

function Files({ view }: { view: OfficeFilingView }) {
  const { t } = useView();
  if (view.files.length === 0) return <p class="govuk-body">{t('office.files.none')}</p>;
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{t('office.files.title')}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">{t('office.files.name')}</th>
          <th scope="col" class="govuk-table__header">{t('office.files.size')}</th>
          <th scope="col" class="govuk-table__header">sha256</th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {view.files.map((file) => (
          <tr class="govuk-table__row" key={file.id}>
            <td class="govuk-table__cell">
              <a class="govuk-link" href={urls.officeFilingFile(view.id, file.id)} download>
                {file.name}
              </a>
              {file.id === 'manifest' && <span class="govuk-body-s sot-block">{t('office.files.manifest')}</span>}
            </td>
            <td class="govuk-table__cell">{t('office.files.bytes', { size: file.sizeBytes })}</td>
            <td class="govuk-table__cell">
              <code class="sot-break govuk-body-s">{file.sha256}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Actions({ view, errors, caseNumber }: { view: OfficeFilingView; errors: FieldError[]; caseNumber: string }) {
  const { t } = useView();
  const caseError = errors.find((e) => e.field === 'caseNumber')?.message;
  if (!view.may.register && !view.may.attach && !view.may.receive) return null;
  return (
    <>
      <h2 class="govuk-heading-m" id="actions">
        {t('office.actions.title')}
      </h2>
      {view.may.receive && (
        <form method="post" action={urls.receiveFiling(view.id)}>
          <CsrfField />
          <p class="govuk-body">{t('office.receive.lead')}</p>
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('office.receive')}
          </button>
        </form>
      )}
      {view.may.register && view.caseId && (
        <form method="post" action={urls.registerCase(view.caseId)}>
          <CsrfField />
          <p class="govuk-body">{t('office.register.lead')}</p>
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('court.registry.register')}
          </button>
        </form>
      )}
      {view.may.attach && (
        <form method="post" action={urls.attachFiling(view.id)} novalidate>
          <CsrfField />
          <h3 class="govuk-heading-s">{t('office.attach.title')}</h3>
          <TextInput id="caseNumber" name="caseNumber" label={t('office.attach.caseNumber')} hint={t('office.attach.hint')} value={caseNumber} error={caseError} classes="govuk-input--width-20" spellcheck={false} />
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t('office.attach.submit')}
          </button>
        </form>
      )}
    </>
  );
}

/**
 * An appeal waits in the court that decided until every party's term has ended, then this office
 * sends the case with it to the appellate court (CPC Art. 405(1)(2)).
 */
function AppealSection({ view, errors }: { view: OfficeFilingView; errors: FieldError[] }) {
  const { t, lang } = useView();
  const appeal = view.appeal;
  if (!appeal) return null;
  const error = errors.find((e) => e.field === 'forward')?.message;
  return (
    <>
      <h2 class="govuk-heading-m" id="forward">
        {t('appeals.office.title')}
      </h2>
      <SummaryList
        rows={[
          { key: t('appeals.talon.heardBy'), value: appeal.appellateCourt ? localName(appeal.appellateCourt, lang) : '—' },
          {
            key: t('appeals.office.state'),
            value: appeal.forwarded
              ? t('appeals.office.forwarded', { number: appeal.forwarded.caseNumber ?? t('office.queue.awaitingNumber') })
              : appeal.copyAwaited
                ? t('appeals.office.waitingCopy')
                : appeal.termUntil
                  ? t('appeals.office.waitingTerm', { date: formatCourtDay(appeal.termUntil, lang) })
                  : t('appeals.office.ready'),
          },
        ]}
      />
      {appeal.mayForward && (
        <form method="post" action={urls.forwardAppeal(view.id)}>
          <CsrfField />
          <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <p class="govuk-body">{t('appeals.office.lead')}</p>
            {error && (
              <p class="govuk-error-message" id="forward-error">
                <span class="govuk-visually-hidden">{t('error.title')}:</span> {error}
              </p>
            )}
            <button type="submit" class="govuk-button" data-module="govuk-button">
              {t('appeals.office.submit')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}

/** A filing as the court office sees it: what it says, what it consists of, and whether its signature holds. */
export function OfficeFilingPage({ view, errors, caseNumber, entered, forwarded = false }: { view: OfficeFilingView; errors: FieldError[]; caseNumber: string; entered: boolean; forwarded?: boolean }) {
  const { t, lang } = useView();
  const others = view.parties.filter((p) => p.side !== 'claimant');
  return (
    <>
      <ErrorSummary errors={errors} />
      {entered && <SuccessBanner title={t('profile.notice.title')} message={t('office.counter.entered', { talon: view.talonNumber })} />}
      {forwarded && <SuccessBanner title={t('profile.notice.title')} message={t('appeals.office.done')} />}
      <span class="govuk-caption-l">{t(`filing.type.${view.type}`)}</span>
      <h1 class="govuk-heading-l">{t('office.filing.title', { talon: view.talonNumber })}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href={urls.officeTalonPdf(view.id)} download>
          {t('office.filing.talonPdf')}
        </a>
        {' · '}
        <a class="govuk-link" href={urls.registry()}>
          {t('office.backToQueue')}
        </a>
      </p>
      <SummaryList
        rows={[
          { key: t('office.filing.talon'), value: <strong data-talon-number>{view.talonNumber}</strong> },
          { key: t('talon.field.filingType'), value: t(`filing.type.${view.type}`) },
          { key: t('talon.field.submittedAt'), value: <time dateTime={view.submittedAt.toISOString()}>{formatDateTime(view.submittedAt, lang)}</time> },
          { key: t('office.filing.channel'), value: t(view.channel === 'counter' ? 'office.channel.counter' : 'office.channel.portal') },
          { key: t('talon.field.filer'), value: view.filer.name },
          // The office identifies the filer: the whole IIN or BIN, as the talon gives it.
          { key: view.filer.bin ? t('office.filing.bin') : t('talon.field.iin'), value: view.filer.bin ?? view.filer.iin ?? '—' },
          ...(view.filer.address ? [{ key: t('office.filing.address'), value: view.filer.address }] : []),
          ...(view.filer.phone ? [{ key: t('office.filing.phone'), value: view.filer.phone }] : []),
          {
            key: t('office.column.case'),
            value:
              view.caseNumber && view.caseId ? (
                <a class="govuk-link sot-case-number" href={urls.courtCaseFile(view.caseId)}>
                  {view.caseNumber}
                </a>
              ) : (
                (view.caseNumber ?? t('office.queue.awaitingNumber'))
              ),
          },
          ...(view.category ? [{ key: t('court.registry.column.category'), value: categoryLabel(t, view.category) }] : []),
          ...(view.subject ? [{ key: t('office.filing.subject'), value: view.subject }] : []),
          ...(view.amountTiyn !== null ? [{ key: t('office.filing.amount'), value: formatTenge(view.amountTiyn / 100, lang) }] : []),
          ...(others.length > 0
            ? [
                {
                  key: t('court.registry.column.parties'),
                  value: (
                    <ul class="govuk-list">
                      {others.map((p, i) => (
                        <li key={i}>
                          {p.name} <span class="govuk-body-s">({t(`office.side.${p.side}`)})</span>
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
          ...(view.received ? [{ key: t('office.filing.received'), value: t('office.filing.receivedValue', { date: formatDateTime(view.received.at, lang), clerk: view.received.clerk ?? '—' }) }] : []),
        ]}
      />
      <DutySection duty={view.duty} />
      <Files view={view} />
      <SignatureSection view={view} />
      <AppealSection view={view} errors={errors} />
      <Actions view={view} errors={errors} caseNumber={caseNumber} />
    </>
  );
}
