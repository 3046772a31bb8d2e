import type { ComponentChildren } from 'preact';
import { displayPersonName } from '../../../domain/personName.ts';
import { formatCourtDay, formatDate, formatDateTime, formatTenge } from '../../../i18n/format.ts';
import type { CaseForParticipants } from '../../../queries/cabinet.ts';
import type { CaseDeadline } from '../../../queries/caseFile.ts';
import type { CourtFileDocumentRow, DocumentSignature, DutyRow, PartyWithContacts } from '../../../queries/courtCaseFile.ts';
import type { FamiliarisationRow } from '../../../queries/familiarisation.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { DeadlinesTable } from '../../components/caseFile.tsx';
import { dutyMethod, DutySummary } from '../../components/duty.tsx';
import { CsrfField, ErrorSummary, HintAndError, SuccessBanner, SummaryList, Table, type FieldError } from '../../components/govuk.tsx';
import { categoryLabel } from '../../components/labels.ts';
import { localName } from '../../components/names.ts';
import { fileSize } from '../../components/recordings.tsx';
import { FamiliarisationStatusTag } from '../../components/familiarisation.tsx';
import { AddMaterialForm, ShareMaterialButton } from '../../components/courtMaterials.tsx';
import { MATERIAL_KINDS } from '../../../domain/courtMaterials.ts';
import { CaseTimeline } from '../CabinetCasePage.tsx';
import { documentKindLabel, previewOf } from '../documents/documentLabels.ts';

export interface CourtCaseFileView {
  details: CaseForParticipants;
  documents: (CourtFileDocumentRow & { signatureCheck: DocumentSignature })[];
  duties: DutyRow[];
  parties: PartyWithContacts[];
  deadlines: CaseDeadline[];
  requests: FamiliarisationRow[];
  today: string;
  /** The reader is the judge of the case, who answers requests to read the materials. */
  answersRequests: boolean;
  /** The reader is of the case's court office or its judge, and the case is before the court: they add materials. */
  addsMaterials: boolean;
  /** The reader is the judge of the case, who may share a kept material with the parties. */
  sharesMaterials: boolean;
  done: 'granted' | 'refused' | 'added' | 'shared' | null;
  values: Record<string, string | string[]>;
}

const SECTIONS = ['documents', 'duty', 'parties', 'terms', 'requests', 'timeline'] as const;

/**
 * The e-case file as the court keeps it: every document in the order it came in with its
 * signature checked again, the duty, the participants and how to reach them, the terms, the
 * requests to read the materials and the timeline, with a table of contents because it is long.
 */
export function CourtCaseFilePage({ view, errors }: { view: CourtCaseFileView; errors: FieldError[] }) {
  const { t, lang } = useView();
  const c = view.details.case;
  return (
    <>
      <ErrorSummary errors={errors} />
      {view.done && <SuccessBanner title={t('profile.notice.title')} message={t(`caseFile.done.${view.done}`)} />}
      <span class="govuk-caption-l">{t('caseFile.caption')}</span>
      <h1 class="govuk-heading-xl sot-case-number">{c.number ?? t('cabinet.notRegistered')}</h1>
      <SummaryList
        rows={[
          { key: t('caseStatus.court'), value: localName(view.details.court, lang) },
          { key: t('caseStatus.category'), value: categoryLabel(t, c.category) },
          { key: t('caseStatus.instance'), value: t(`instance.${c.instance as 1 | 2 | 3 | 4}`) },
          { key: t('caseStatus.status'), value: <strong class="govuk-tag">{t(`status.${c.status}`)}</strong> },
          { key: t('caseStatus.judge'), value: view.details.judgeName ?? '—' },
          { key: t('case.filedAt'), value: formatDate(c.filedAt, lang) },
        ]}
      />
      <nav class="sot-contents" aria-labelledby="contents-title">
        <h2 class="govuk-heading-s" id="contents-title">
          {t('caseFile.contents')}
        </h2>
        <ol class="govuk-list govuk-list--number">
          {SECTIONS.map((s) => (
            <li key={s}>
              <a class="govuk-link" href={`#${s}`}>
                {t(`caseFile.section.${s}`)}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <p class="govuk-body">
        <a class="govuk-link" href={urls.caseAccessLog(c.id)}>
          {t('documents.accessLog.link')}
        </a>
      </p>

      <h2 class="govuk-heading-l" id="documents">
        {t('caseFile.section.documents')} ({view.documents.length})
      </h2>
      <DocumentsTable caseId={c.id} documents={view.documents} sharesMaterials={view.sharesMaterials} />
      {view.addsMaterials && <AddMaterialForm caseId={c.id} values={view.values} errors={errors} />}

      <h2 class="govuk-heading-l" id="duty">
        {t('caseFile.section.duty')}
      </h2>
      <DutiesTable duties={view.duties} />

      <h2 class="govuk-heading-l" id="parties">
        {t('caseFile.section.parties')}
      </h2>
      <Participants caseId={c.id} parties={view.parties} />

      <h2 class="govuk-heading-l" id="terms">
        {t('caseFile.section.terms')}
      </h2>
      <DeadlinesTable deadlines={view.deadlines} today={view.today} />

      <h2 class="govuk-heading-l" id="requests">
        {t('caseFile.section.requests')}
      </h2>
      <Requests view={view} errors={errors} />

      <h2 class="govuk-heading-l" id="timeline">
        {t('caseFile.section.timeline')}
      </h2>
      <CaseTimeline timeline={view.details.timeline} />
    </>
  );
}

function SignatureTag({ check }: { check: DocumentSignature }) {
  const { t } = useView();
  switch (check.kind) {
    case 'filing':
    case 'act':
      return (
        <>
          <strong class={`govuk-tag ${check.valid ? 'govuk-tag--green' : 'govuk-tag--red'}`} data-signature={check.valid ? 'valid' : 'invalid'}>
            {t(check.valid ? 'office.signature.valid' : 'office.signature.invalid')}
          </strong>
          {check.signer && <span class="govuk-body-s sot-block">{displayPersonName(check.signer)}</span>}
        </>
      );
    case 'covered':
      return (
        <>
          <strong class={`govuk-tag ${check.valid ? 'govuk-tag--green' : 'govuk-tag--red'}`} data-signature={check.valid ? 'valid' : 'invalid'}>
            {t(check.valid ? 'office.signature.valid' : 'office.signature.invalid')}
          </strong>
          <span class="govuk-body-s sot-block">{t('caseFile.signature.covered', { talon: check.by })}</span>
        </>
      );
    case 'none':
      return (
        <strong class="govuk-tag govuk-tag--grey" data-signature="none">
          {t('caseFile.signature.none')}
        </strong>
      );
  }
}

const isMaterial = (kind: string) => (MATERIAL_KINDS as readonly string[]).includes(kind);

function DocumentsTable({ caseId, documents, sharesMaterials }: { caseId: string; documents: CourtCaseFileView['documents']; sharesMaterials: boolean }) {
  const { t, lang } = useView();
  if (documents.length === 0) return <p class="govuk-body">{t('documents.none')}</p>;
  return (
    <Table
      caption={t('caseFile.documents.caption')}
      headers={[t('caseFile.documents.number'), t('documents.column.document'), t('caseFile.documents.filed'), t('caseFile.documents.signature'), t('caseFile.documents.file'), { hidden: t('caseFile.documents.actions') }]}
    >
      {documents.map((d, i) => (
        <tr class="govuk-table__row" key={d.id} data-document={d.id}>
          <td class="govuk-table__cell">{i + 1}</td>
          <td class="govuk-table__cell">
            <a class="govuk-link" href={urls.courtFileDocument(caseId, d.id)}>
              {d.title}
            </a>
            <span class="govuk-hint govuk-!-margin-bottom-0 sot-block">
              {documentKindLabel(t, d.kind)}
              {d.receivedOn && <> · {t('caseFile.material.received', { date: formatCourtDay(d.receivedOn, lang) })}</>}
              {d.visibility === 'court' && <> · {t('caseFile.documents.courtOnly')}</>}
            </span>
          </td>
          <td class="govuk-table__cell">
            {d.filerName ?? t('caseFile.documents.byCourt')}
            {d.filerRole && <span class="govuk-body-s"> ({t(`partyRole.${d.filerRole}`)})</span>}
            <span class="govuk-body-s sot-block">
              <time dateTime={(d.issuedAt ?? d.createdAt).toISOString()}>{formatDateTime(d.issuedAt ?? d.createdAt, lang)}</time>
            </span>
          </td>
          <td class="govuk-table__cell">
            <SignatureTag check={d.signatureCheck} />
          </td>
          <td class="govuk-table__cell">
            {d.sha256 ? (
              <>
                {d.mediaType ?? '—'}
                {d.sizeBytes !== null && <span class="govuk-body-s sot-block">{fileSize(t, lang, d.sizeBytes)}</span>}
              </>
            ) : (
              t('documents.noFile')
            )}
          </td>
          <td class="govuk-table__cell">
            {d.sha256 && (
              <>
                {previewOf(d.mediaType) !== 'none' && (
                  <a class="govuk-link sot-block" href={urls.courtFileDocument(caseId, d.id)}>
                    {t('documents.open')}
                    <span class="govuk-visually-hidden"> {d.title}</span>
                  </a>
                )}
                <a class="govuk-link sot-block" href={urls.courtFileDocumentFile(caseId, d.id, true)}>
                  {t('documents.download')}
                  <span class="govuk-visually-hidden"> {d.title}</span>
                </a>
              </>
            )}
            {sharesMaterials && d.visibility === 'court' && isMaterial(d.kind) && <ShareMaterialButton caseId={caseId} documentId={d.id} title={d.title} />}
          </td>
        </tr>
      ))}
    </Table>
  );
}

function DutiesTable({ duties }: { duties: DutyRow[] }) {
  const { t, lang } = useView();
  if (duties.length === 0) return <p class="govuk-body">{t('caseFile.duty.none')}</p>;
  return (
    <Table caption={t('caseFile.duty.caption')} headers={[t('caseFile.duty.filing'), t('talon.field.dutyStatus'), t('office.duty.method'), t('talon.field.dutyBasis')]}>
      {duties.map((d) => {
        const method = dutyMethod(d.status);
        return (
          <tr class="govuk-table__row" key={d.id}>
            <td class="govuk-table__cell">
              {t(`filing.type.${d.type}`)}
              <span class="govuk-body-s sot-block">
                {d.talonNumber}
                {d.submittedAt && <>, {formatDateTime(d.submittedAt, lang)}</>}
              </span>
            </td>
            <td class="govuk-table__cell">
              <DutySummary duty={d} />
              {d.amountTiyn === 0 && <span class="govuk-body-s sot-block">{formatTenge(0, lang)}</span>}
            </td>
            <td class="govuk-table__cell">{method ? t(`office.duty.method.${method}`) : '—'}</td>
            <td class="govuk-table__cell">{d.basis ?? '—'}</td>
          </tr>
        );
      })}
    </Table>
  );
}

function Contacts({ p }: { p: { address: string | null; phone: string | null; email: string | null } }) {
  const { t } = useView();
  const rows: { key: string; value: ComponentChildren }[] = [
    { key: t('office.filing.address'), value: p.address ?? '—' },
    { key: t('office.filing.phone'), value: p.phone ? <a class="govuk-link" href={`tel:${p.phone.replace(/[^+\d]/g, '')}`}>{p.phone}</a> : '—' },
    { key: t('caseFile.parties.email'), value: p.email ? <a class="govuk-link" href={`mailto:${p.email}`}>{p.email}</a> : '—' },
  ];
  return <SummaryList rows={rows} />;
}

function Participants({ caseId, parties }: { caseId: string; parties: PartyWithContacts[] }) {
  const { t, lang } = useView();
  if (parties.length === 0) return <p class="govuk-body">{t('caseFile.parties.none')}</p>;
  return (
    <>
      {parties.map((p) => (
        <section key={p.id} class="govuk-!-margin-bottom-6" aria-labelledby={`party-${p.id}`}>
          <h3 class="govuk-heading-m" id={`party-${p.id}`}>
            {t(`partyRole.${p.role}`)}: {p.name}
          </h3>
          <Contacts p={p} />
          {p.representatives.map((r) => (
            <div key={r.id} class="govuk-inset-text">
              <h4 class="govuk-heading-s">
                {t(`partyRole.${r.role}`)}: {r.name}
              </h4>
              <p class="govuk-body">
                {r.authorityAcceptedAt ? (
                  <strong class="govuk-tag govuk-tag--green">{t('caseFile.parties.authorityAccepted', { date: formatDate(r.authorityAcceptedAt, lang) })}</strong>
                ) : (
                  <strong class="govuk-tag govuk-tag--yellow">{t('caseFile.parties.authorityPending')}</strong>
                )}{' '}
                {r.authorityDocumentId ? (
                  <a class="govuk-link" href={urls.courtFileDocument(caseId, r.authorityDocumentId)}>
                    {t('caseFile.parties.authorityDocument')}
                  </a>
                ) : (
                  <span class="govuk-body-s">{t('caseFile.parties.noAuthorityDocument')}</span>
                )}
              </p>
              <Contacts p={r} />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

function Requests({ view, errors }: { view: CourtCaseFileView; errors: FieldError[] }) {
  const { t, lang } = useView();
  const c = view.details.case;
  if (view.requests.length === 0) return <p class="govuk-body">{t('caseFile.requests.none')}</p>;
  const grantable = view.documents.filter((d) => d.visibility === 'court');
  const titles = new Map(view.documents.map((d) => [d.id, d.title]));
  return (
    <>
      {view.requests.map((r) => (
        <div key={r.id} class="govuk-!-margin-bottom-6" data-request={r.id}>
          <h3 class="govuk-heading-m">
            {t('caseFile.requests.from', { party: r.partyName, role: t(`partyRole.${r.partyRole}`) })} <FamiliarisationStatusTag status={r.status} />
          </h3>
          <p class="govuk-body-s">
            <time dateTime={r.requestedAt.toISOString()}>{formatDateTime(r.requestedAt, lang)}</time>
          </p>
          {r.note && <p class="govuk-body sot-prewrap">{r.note}</p>}
          {r.status === 'granted' && (
            <>
              <p class="govuk-body">{t(r.scope === 'all' ? 'caseFile.requests.grantedAll' : 'caseFile.requests.grantedListed', { date: formatDateTime(r.decidedAt!, lang) })}</p>
              <ul class="govuk-list govuk-list--bullet">
                {(r.documentIds ?? []).map((id) => (
                  <li key={id}>{titles.get(id) ?? id}</li>
                ))}
              </ul>
            </>
          )}
          {r.status === 'refused' && <p class="govuk-body">{t('caseFile.requests.refusedWith', { date: formatDateTime(r.decidedAt!, lang), reason: r.reason ?? '' })}</p>}
          {r.status === 'pending' && view.answersRequests && <AnswerForm caseId={c.id} requestId={r.id} grantable={grantable} values={view.values} errors={errors} />}
        </div>
      ))}
    </>
  );
}

function AnswerForm({ caseId, requestId, grantable, values, errors }: { caseId: string; requestId: string; grantable: CourtCaseFileView['documents']; values: Record<string, string | string[]>; errors: FieldError[] }) {
  const { t } = useView();
  const mine = values['requestId'] === requestId;
  const answer = mine ? values['answer'] : undefined;
  const chosen = mine ? [values['documentIds'] ?? []].flat() : [];
  const id = (name: string) => `${name}-${requestId}`;
  const error = (name: string) => errors.find((e) => e.field === id(name))?.message;
  const answerError = error('answer');
  const docsError = error('documents');
  const reasonError = error('reason');
  return (
    <form method="post" action={urls.answerFamiliarisation(caseId, requestId)} novalidate>
      <CsrfField />
      <div class={`govuk-form-group${answerError ? ' govuk-form-group--error' : ''}`}>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('caseFile.answer.legend')}</legend>
          <HintAndError id={id('answer')} error={answerError} />
          <div class="govuk-radios" data-module="govuk-radios">
            {(['all', 'listed', 'refuse'] as const).map((value, i) => (
              <div class="govuk-radios__item" key={value}>
                <input class="govuk-radios__input" id={i === 0 ? id('answer') : `${id('answer')}-${value}`} name="answer" type="radio" value={value} checked={answer === value} />
                <label class="govuk-label govuk-radios__label" for={i === 0 ? id('answer') : `${id('answer')}-${value}`}>
                  {t(`caseFile.answer.${value}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div class={`govuk-form-group${docsError ? ' govuk-form-group--error' : ''}`}>
        <fieldset class="govuk-fieldset" aria-describedby={`${id('documents')}-hint`}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('caseFile.answer.documents')}</legend>
          <div class="govuk-hint" id={`${id('documents')}-hint`}>
            {grantable.length === 0 ? t('caseFile.answer.nothingKept') : t('caseFile.answer.documentsHint')}
          </div>
          <HintAndError id={id('documents')} error={docsError} />
          <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            {grantable.map((d, i) => (
              <div class="govuk-checkboxes__item" key={d.id}>
                <input class="govuk-checkboxes__input" id={i === 0 ? id('documents') : `${id('documents')}-${i + 1}`} name="documentIds" type="checkbox" value={d.id} checked={chosen.includes(d.id)} />
                <label class="govuk-label govuk-checkboxes__label" for={i === 0 ? id('documents') : `${id('documents')}-${i + 1}`}>
                  {d.title} ({documentKindLabel(t, d.kind)})
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div class={`govuk-form-group${reasonError ? ' govuk-form-group--error' : ''}`}>
        <label class="govuk-label govuk-label--s" for={id('reason')}>
          {t('caseFile.answer.reason')}
        </label>
        <HintAndError id={id('reason')} error={reasonError} />
        <textarea class={`govuk-textarea${reasonError ? ' govuk-textarea--error' : ''}`} id={id('reason')} name="reason" rows={3}>
          {mine && typeof values['reason'] === 'string' ? values['reason'] : ''}
        </textarea>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">
        {t('caseFile.answer.submit')}
      </button>
    </form>
  );
}
