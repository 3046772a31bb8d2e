import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/index.ts';
import type { Lang } from '../../i18n/index.ts';
import type { RecordingRow } from '../../queries/recordings.ts';
import { useView } from '../context.ts';

/** A file's size the way people read it: kilobytes below a megabyte, megabytes with one decimal above. */
export function fileSize(t: Translate, lang: Lang, bytes: number): string {
  if (bytes < 1024 * 1024) return t('recordings.size.kb', { size: formatNumber(Math.max(1, Math.round(bytes / 1024)), lang) });
  return t('recordings.size.mb', { size: formatNumber(Math.round(bytes / 104_857.6) / 10, lang) });
}

/** The recordings of one hearing as the court lists them. */
export function RecordingsTable({ recordings }: { recordings: RecordingRow[] }) {
  const { t, lang } = useView();
  if (recordings.length === 0) return <p class="govuk-body">{t('recordings.none')}</p>;
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{t('recordings.list.caption')}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            {t('recordings.field.title')}
          </th>
          <th scope="col" class="govuk-table__header">
            {t('recordings.field.kind')}
          </th>
          <th scope="col" class="govuk-table__header">
            {t('recordings.list.size')}
          </th>
          <th scope="col" class="govuk-table__header">
            {t('recordings.list.added')}
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {recordings.map((r) => (
          <tr class="govuk-table__row" key={r.id}>
            <td class="govuk-table__cell">{r.title}</td>
            <td class="govuk-table__cell">{t(`recordings.kind.${r.kind}`)}</td>
            <td class="govuk-table__cell">{fileSize(t, lang, r.sizeBytes)}</td>
            <td class="govuk-table__cell">{formatDateTime(r.createdAt, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
