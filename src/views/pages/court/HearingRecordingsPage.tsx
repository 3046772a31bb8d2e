import { RECORDING_ACCEPT, RECORDING_KINDS, type StaffHearing } from '../../../domain/recordings.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import type { RecordingRow } from '../../../queries/recordings.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField, describedBy, ErrorSummary, Radios, SuccessBanner, TextInput, type FieldError } from '../../components/govuk.tsx';
import { RecordingsTable } from '../../components/recordings.tsx';

export interface HearingRecordingsView {
  hearing: StaffHearing;
  recordings: RecordingRow[];
  done: boolean;
  values: { kind?: string | undefined; title?: string | undefined };
}

/**
 * The court's page of one hearing's recordings. The form works without scripts for files up to
 * the form's limit; longer recordings go through the resumable upload API, described here for
 * the courtroom's recording software.
 */
export function HearingRecordingsPage({ view, errors }: { view: HearingRecordingsView; errors: FieldError[] }) {
  const { t, lang } = useView();
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const fileError = errorFor('file');
  return (
    <>
      <ErrorSummary errors={errors} />
      {view.done && <SuccessBanner title={t('recordings.done.title')} message={t('recordings.done.added')} />}
      <span class="govuk-caption-l">
        {view.hearing.caseNumber ?? t('cabinet.notRegistered')}, {formatDateTime(view.hearing.startsAt, lang)}
      </span>
      <h1 class="govuk-heading-xl">{t('recordings.court.title')}</h1>

      <RecordingsTable recordings={view.recordings} />

      <h2 class="govuk-heading-l">{t('recordings.court.add')}</h2>
      <form method="post" action={urls.courtRecordings(view.hearing.hearingId)} enctype="multipart/form-data" novalidate>
        {/* The token is the first part, before any file: it is checked before a file is read. */}
        <CsrfField />
        <Radios
          id="kind"
          name="kind"
          legend={t('recordings.field.kind')}
          error={errorFor('kind')}
          value={view.values.kind}
          choices={RECORDING_KINDS.map((kind) => ({ value: kind, label: t(`recordings.kind.${kind}`) }))}
        />
        <TextInput id="title" name="title" label={t('recordings.field.title')} hint={t('recordings.field.title.hint')} error={errorFor('title')} value={view.values.title} />
        <div class={`govuk-form-group${fileError ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label" for="file">
            {t('recordings.field.file')}
          </label>
          <div id="file-hint" class="govuk-hint">
            {t('recordings.field.file.hint')}
          </div>
          {fileError && (
            <p id="file-error" class="govuk-error-message">
              <span class="govuk-visually-hidden">{t('error.title')}:</span> {fileError}
            </p>
          )}
          <input class={`govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`} id="file" name="file" type="file" accept={RECORDING_ACCEPT} aria-describedby={describedBy('file', 'hint', fileError)} />
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {t('recordings.court.submit')}
        </button>
      </form>

      <h2 class="govuk-heading-m">{t('recordings.court.large.title')}</h2>
      <p class="govuk-body">{t('recordings.court.large.text')}</p>
      <p class="govuk-body">
        <code>POST {urls.recordingUploads(view.hearing.hearingId)}</code>
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href={urls.apiDocs()}>
          {t('recordings.court.large.docs')}
        </a>
      </p>
    </>
  );
}
