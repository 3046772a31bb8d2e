import { formatDateTime } from '../../i18n/format.ts';
import type { RecordingRow } from '../../queries/recordings.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { fileSize } from '../components/recordings.tsx';

export interface HearingRecordingsViewerView {
  caseId: string;
  caseNumber: string | null;
  hearing: { id: string; startsAt: Date; room: string | null };
  recordings: RecordingRow[];
  /** Shown over the picture, so a copy filmed off the screen names who watched it. */
  watermark: string;
}

/**
 * A hearing's recordings for the case's participants: the browser's own player fetches the
 * bytes it needs by range, so seeking works without downloading the whole file. The written
 * record opens as a file.
 */
export function HearingRecordingsViewerPage({ view }: { view: HearingRecordingsViewerView }) {
  const { t, lang } = useView();
  return (
    <>
      <a class="govuk-back-link" href={urls.cabinetCase(view.caseId)}>
        {view.caseNumber ?? t('cabinet.notRegistered')}
      </a>
      <span class="govuk-caption-l">{formatDateTime(view.hearing.startsAt, lang)}</span>
      <h1 class="govuk-heading-xl">{t('recordings.viewer.title')}</h1>
      <p class="govuk-body">{t('recordings.viewer.lead')}</p>
      {view.recordings.length === 0 && <p class="govuk-body">{t('recordings.none')}</p>}
      {view.recordings.map((r) => {
        const src = urls.recordingMedia(view.caseId, r.id);
        return (
          <section class="govuk-!-margin-bottom-8" key={r.id} aria-labelledby={`recording-${r.id}`}>
            <h2 class="govuk-heading-m" id={`recording-${r.id}`}>
              {r.title}
            </h2>
            <p class="govuk-body-s">
              {t(`recordings.kind.${r.kind}`)}, {fileSize(t, lang, r.sizeBytes)}
            </p>
            {r.kind === 'record_text' ? (
              <p class="govuk-body">
                <a class="govuk-link" href={src}>
                  {t('recordings.viewer.openRecord', { title: r.title })}
                </a>
              </p>
            ) : (
              <div class={`sot-player sot-player--${r.kind}`}>
                {r.kind === 'video' ? (
                  <video controls preload="metadata" src={src} aria-labelledby={`recording-${r.id}`} class="sot-player__media">
                    <a class="govuk-link" href={src}>
                      {t('recordings.viewer.fallback')}
                    </a>
                  </video>
                ) : (
                  <audio controls preload="metadata" src={src} aria-labelledby={`recording-${r.id}`} class="sot-player__media">
                    <a class="govuk-link" href={src}>
                      {t('recordings.viewer.fallback')}
                    </a>
                  </audio>
                )}
                {r.kind === 'video' && (
                  <span class="sot-player__watermark" aria-hidden="true">
                    {view.watermark}
                  </span>
                )}
              </div>
            )}
          </section>
        );
      })}
      <p class="govuk-body-s">{t('recordings.viewer.logged')}</p>
    </>
  );
}
