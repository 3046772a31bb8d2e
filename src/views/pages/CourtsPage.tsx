import { COURT_LEVELS } from '../../domain/courtLevels.ts';
import type { Court, Region } from '../../queries/courts.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { localName } from '../components/names.ts';

export interface CourtsPageProps {
  rows: { court: Court; region: Region }[];
  q: string;
  level: number | undefined;
}

function groupByRegion(rows: CourtsPageProps['rows']): { region: Region; courts: Court[] }[] {
  const groups = new Map<string, { region: Region; courts: Court[] }>();
  for (const { court, region } of rows) {
    const group = groups.get(region.code) ?? { region, courts: [] };
    group.courts.push(court);
    groups.set(region.code, group);
  }
  return [...groups.values()];
}

export function CourtsPage({ rows, q, level }: CourtsPageProps) {
  const { t, lang } = useView();
  const filtered = q !== '' || level !== undefined;
  return (
    <>
      <h1 class="govuk-heading-xl">{t('courts.title')}</h1>
      <p class="govuk-body-l">{t('courts.lead')}</p>
      <form method="get" action={urls.courts()} class="govuk-!-margin-bottom-6" role="search">
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{t('courts.filter.legend')}</legend>
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-half">
              <div class="govuk-form-group">
                <label class="govuk-label" for="q">
                  {t('courts.filter.query')}
                </label>
                <input class="govuk-input" id="q" name="q" type="search" value={q} />
              </div>
            </div>
            <div class="govuk-grid-column-one-half">
              <div class="govuk-form-group">
                <label class="govuk-label" for="level">
                  {t('courts.filter.level')}
                </label>
                <select class="govuk-select" id="level" name="level">
                  <option value="">{t('courts.filter.anyLevel')}</option>
                  {COURT_LEVELS.map((l) => (
                    <option value={String(l)} selected={l === level} key={l}>
                      {t(`level.${l}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </div>
          <div class="govuk-button-group">
            <button type="submit" class="govuk-button" data-module="govuk-button">
              {t('courts.filter.submit')}
            </button>
            {filtered && (
              <a class="govuk-link" href={urls.courts()}>
                {t('courts.filter.reset')}
              </a>
            )}
          </div>
        </fieldset>
      </form>
      <p class="govuk-body" role="status">
        {t('courts.count', { count: rows.length })}
      </p>
      {rows.length === 0 && <p class="govuk-body">{t('courts.empty')}</p>}
      {groupByRegion(rows).map(({ region, courts }) => (
        <section key={region.code} aria-labelledby={`region-${region.code}`}>
          <h2 class="govuk-heading-l" id={`region-${region.code}`}>
            {region.code === 'republic' ? t('courts.nationwide') : localName(region, lang)}
          </h2>
          {COURT_LEVELS.filter((l) => courts.some((c) => c.level === l)).map((l) => (
            <div key={l}>
              <h3 class="govuk-heading-s">{t(`level.${l}`)}</h3>
              <ul class="govuk-list">
                {courts
                  .filter((c) => c.level === l)
                  .map((c) => (
                    <li key={c.id}>
                      <a class="govuk-link" href={urls.court(c.code)}>
                        {localName(c, lang)}
                      </a>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
