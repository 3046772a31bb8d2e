import { MATERIAL_KINDS } from '../../domain/courtMaterials.ts';
import { ACCEPT_ATTRIBUTE } from '../../domain/uploads.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { documentKindLabel } from '../pages/documents/documentLabels.ts';
import { CsrfField, DateInput, Radios, TextInput, type FieldError } from './govuk.tsx';

/**
 * The form with which the court's office or the judge adds a material that reached the court to
 * its e-case file. It posts as multipart with the token first and the file last, so the fields
 * are read before a byte of the file is stored; it needs no script.
 */
export function AddMaterialForm({ caseId, values, errors }: { caseId: string; values: Record<string, string | string[]>; errors: FieldError[] }) {
  const { t } = useView();
  const mine = values['form'] === 'material';
  const value = (name: string) => (mine && typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const error = (name: string) => errors.find((e) => e.field === `material-${name}`)?.message;
  const fileError = error('file');
  return (
    <section class="govuk-!-margin-top-6" aria-labelledby="material-heading" id="add-material">
      <h3 class="govuk-heading-m" id="material-heading">
        {t('caseFile.material.heading')}
      </h3>
      <p class="govuk-body">{t('caseFile.material.lead')}</p>
      <form method="post" action={urls.addCourtMaterial(caseId)} enctype="multipart/form-data" novalidate>
        {/* The token is the first part, before any file: it is checked before a file is read. */}
        <CsrfField />
        <TextInput id="material-title" name="title" label={t('caseFile.material.title')} hint={t('caseFile.material.titleHint')} error={error('title')} value={value('title')} />
        <Radios
          id="material-kind"
          name="kind"
          legend={t('caseFile.material.kind')}
          error={error('kind')}
          value={value('kind')}
          choices={MATERIAL_KINDS.map((kind) => ({ value: kind, label: documentKindLabel(t, kind) }))}
        />
        <DateInput
          id="material-receivedDay"
          legend={t('caseFile.material.receivedOn')}
          legendClass="govuk-fieldset__legend--m"
          hint={t('caseFile.material.receivedOnHint')}
          error={error('receivedDay')}
          boxes={[
            { id: 'material-receivedDay-day', name: 'receivedDay', value: value('receivedDay') },
            { id: 'material-receivedDay-month', name: 'receivedMonth', value: value('receivedMonth') },
            { id: 'material-receivedDay-year', name: 'receivedYear', value: value('receivedYear') },
          ]}
        />
        <Radios
          id="material-audience"
          name="audience"
          legend={t('caseFile.material.audience')}
          value={value('audience') ?? 'court'}
          choices={[
            { value: 'court', label: t('caseFile.material.audience.court'), hint: t('caseFile.material.audience.courtHint') },
            { value: 'parties', label: t('caseFile.material.audience.parties'), hint: t('caseFile.material.audience.partiesHint') },
          ]}
        />
        <div class={`govuk-form-group${fileError ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label govuk-label--m" for="material-file">
            {t('caseFile.material.file')}
          </label>
          <div id="material-file-hint" class="govuk-hint">
            {t('caseFile.material.fileHint')}
          </div>
          {fileError && (
            <p id="material-file-error" class="govuk-error-message">
              <span class="govuk-visually-hidden">{t('error.title')}:</span> {fileError}
            </p>
          )}
          <input
            class={`govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`}
            id="material-file"
            name="file"
            type="file"
            accept={ACCEPT_ATTRIBUTE}
            aria-describedby={fileError ? 'material-file-hint material-file-error' : 'material-file-hint'}
          />
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {t('caseFile.material.submit')}
        </button>
      </form>
    </section>
  );
}

/** The judge's one button that shares a kept material with every party. */
export function ShareMaterialButton({ caseId, documentId, title }: { caseId: string; documentId: string; title: string }) {
  const { t } = useView();
  return (
    <form method="post" action={urls.shareCourtMaterial(caseId, documentId)}>
      <CsrfField />
      <button type="submit" id={`share-${documentId}`} class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-top-2" data-module="govuk-button">
        {t('caseFile.material.share')}
        <span class="govuk-visually-hidden"> {title}</span>
      </button>
    </form>
  );
}
