import { CASE_CATEGORIES, CASE_KINDS } from '../../../domain/caseKinds.ts';
import { CASE_STARTING_FILINGS, FILING_TYPES, startsCase } from '../../../domain/filingTypes.ts';
import { PAPER_PARTY_SLOTS, SCAN_ACCEPT_ATTRIBUTE, type PaperFilingForm } from '../../../domain/paperFiling.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField, DateInput, ErrorSummary, Radios, Select, TextInput, type FieldError } from '../../components/govuk.tsx';
import { categoryLabel } from '../../components/labels.ts';
import { localName } from '../../components/names.ts';

export interface CounterFilingPageProps {
  courts: { id: string; code: string; nameKk: string; nameRu: string; nameEn: string }[];
  values: PaperFilingForm;
  errors: FieldError[];
}

/** The day the paper was handed in; errors link to the day box. */
function ReceivedOn({ values, error }: { values: PaperFilingForm; error: string | undefined }) {
  const { t } = useView();
  return (
    <DateInput
      id="received"
      legend={t('office.counter.receivedOn')}
      legendClass="govuk-fieldset__legend--s"
      hint={t('office.counter.receivedOn.hint')}
      error={error}
      boxes={[
        { id: 'receivedDay', name: 'receivedDay', value: values.receivedDay },
        { id: 'receivedMonth', name: 'receivedMonth', value: values.receivedMonth },
        { id: 'receivedYear', name: 'receivedYear', value: values.receivedYear },
      ]}
    />
  );
}

/**
 * The clerk's form for a filing received on paper. It is one page that works without scripts:
 * claim-only parts are marked as such rather than hidden. The token rides in the address, as on
 * every upload form, and the scan comes last so the details arrive first.
 */
export function CounterFilingPage({ courts, values, errors }: CounterFilingPageProps) {
  const { t, lang } = useView();
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const kindChoices = [
    { value: 'individual', label: t('office.counter.kind.individual') },
    { value: 'legal', label: t('office.counter.kind.legal') },
  ];
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-xl">{t('office.counter.title')}</h1>
      <p class="govuk-body">{t('office.counter.lead')}</p>
      <form method="post" action={urls.counterFilingSubmit()} enctype="multipart/form-data" novalidate>
        {/* The token is the first part, before any file: it is checked before a file is read. */}
        <CsrfField />
        {courts.length > 1 ? (
          <Select id="court" name="court" label={t('talon.field.court')} value={values.court} groups={[{ choices: courts.map((c) => ({ value: c.id, label: localName(c, lang) })) }]} />
        ) : (
          <input type="hidden" name="court" value={courts[0]?.id ?? ''} />
        )}
        <Select
          id="type"
          name="type"
          label={t('talon.field.filingType')}
          value={values.type}
          error={errorFor('type')}
          groups={[
            { label: t('office.counter.type.newCase'), choices: CASE_STARTING_FILINGS.map((type) => ({ value: type, label: t(`filing.type.${type}`) })) },
            { label: t('office.counter.type.inCase'), choices: FILING_TYPES.filter((type) => !startsCase(type)).map((type) => ({ value: type, label: t(`filing.type.${type}`) })) },
          ]}
        />
        <TextInput id="caseNumber" name="caseNumber" label={t('office.counter.caseNumber')} hint={t('office.counter.caseNumber.hint')} value={values.caseNumber} error={errorFor('caseNumber')} classes="govuk-input--width-20" spellcheck={false} />
        <Select
          id="category"
          name="category"
          label={t('office.counter.category')}
          hint={t('office.counter.claimOnly')}
          value={values.category}
          error={errorFor('category')}
          groups={[{ choices: [{ value: '', label: '—' }] }, ...CASE_KINDS.map((kind) => ({ label: t(`caseKind.${kind}`), choices: CASE_CATEGORIES[kind].map((c) => ({ value: c, label: categoryLabel(t, c) })) }))]}
        />
        <ReceivedOn values={values} error={errorFor('receivedDay')} />

        <h2 class="govuk-heading-m">{t('office.counter.filer')}</h2>
        <Radios id="filerKind" name="filerKind" legend={t('office.counter.filerKind')} value={values.filerKind ?? 'individual'} choices={kindChoices} />
        <TextInput id="filerId" name="filerId" label={t('office.counter.filerId')} hint={t('office.counter.filerId.hint')} value={values.filerId} error={errorFor('filerId')} classes="govuk-input--width-20" inputmode="numeric" spellcheck={false} />
        <TextInput id="filerName" name="filerName" label={t('office.counter.filerName')} value={values.filerName} error={errorFor('filerName')} spellcheck={false} />
        <TextInput id="filerAddress" name="filerAddress" label={t('office.filing.address')} value={values.filerAddress} autocomplete="off" />
        <TextInput id="filerPhone" name="filerPhone" label={t('office.filing.phone')} value={values.filerPhone} type="tel" classes="govuk-input--width-20" autocomplete="off" />

        <h2 class="govuk-heading-m">{t('office.counter.claim')}</h2>
        <p class="govuk-body">{t('office.counter.claimOnly')}</p>
        <TextInput id="subject" name="subject" label={t('office.filing.subject')} value={values.subject} error={errorFor('subject')} />
        <TextInput id="amount" name="amount" label={t('office.filing.amount')} hint={t('office.counter.amount.hint')} value={values.amount} error={errorFor('amount')} classes="govuk-input--width-10" inputmode="decimal" spellcheck={false} />
        {Array.from({ length: PAPER_PARTY_SLOTS }, (_, i) => i + 1).map((n) => (
          <fieldset class="govuk-fieldset govuk-!-margin-bottom-6" key={n}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('office.counter.party', { n })}</legend>
            <Select
              id={`party${n}Side`}
              name={`party${n}Side`}
              label={t('office.counter.party.side')}
              value={values[`party${n}Side`] ?? (n === 1 ? 'defendant' : 'third_party')}
              groups={[{ choices: (['defendant', 'third_party'] as const).map((side) => ({ value: side, label: t(`office.side.${side}`) })) }]}
            />
            <Select id={`party${n}Kind`} name={`party${n}Kind`} label={t('office.counter.filerKind')} value={values[`party${n}Kind`] ?? 'individual'} groups={[{ choices: kindChoices }]} />
            <TextInput id={`party${n}Name`} name={`party${n}Name`} label={t('office.counter.filerName')} value={values[`party${n}Name`]} error={errorFor(`party${n}Name`)} spellcheck={false} />
            <TextInput id={`party${n}Id`} name={`party${n}Id`} label={t('office.counter.partyId')} value={values[`party${n}Id`]} error={errorFor(`party${n}Id`)} classes="govuk-input--width-20" inputmode="numeric" spellcheck={false} />
            <TextInput id={`party${n}Address`} name={`party${n}Address`} label={t('office.filing.address')} value={values[`party${n}Address`]} autocomplete="off" />
          </fieldset>
        ))}

        <h2 class="govuk-heading-m">{t('office.counter.scan')}</h2>
        <div class={`govuk-form-group${errorFor('file') ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label" for="file">
            {t('office.counter.scan.label')}
          </label>
          <div id="file-hint" class="govuk-hint">
            {t('office.counter.scan.hint')}
          </div>
          {errorFor('file') && (
            <p id="file-error" class="govuk-error-message">
              <span class="govuk-visually-hidden">{t('error.title')}:</span> {errorFor('file')}
            </p>
          )}
          <input class={`govuk-file-upload${errorFor('file') ? ' govuk-file-upload--error' : ''}`} id="file" name="file" type="file" accept={SCAN_ACCEPT_ATTRIBUTE} aria-describedby={errorFor('file') ? 'file-hint file-error' : 'file-hint'} />
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {t('office.counter.submit')}
        </button>
      </form>
    </>
  );
}
