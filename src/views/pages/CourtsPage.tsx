import { COURT_HEARS, COURT_RESULTS_MAX, type RawCourtSearch } from '../../domain/courtFinder.ts';
import { COURT_LEVELS } from '../../domain/courtLevels.ts';
import type { CourtHit, Region } from '../../queries/courts.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { ErrorSummary, Select, TextInput, type FieldError } from '../components/govuk.tsx';
import { levelLabel } from '../components/labels.ts';
import { localAddress, localName } from '../components/names.ts';

export interface CourtsPageProps {
  query: RawCourtSearch;
  regions: Region[];
  errors: FieldError[];
  /** Null when the query was refused. */
  result: { items: CourtHit[]; total: number; nearest: CourtHit[] } | null;
}

function groupByRegion(items: CourtHit[]): { region: Region; items: CourtHit[] }[] {
  const groups = new Map<string, { region: Region; items: CourtHit[] }>();
  for (const item of items) {
    const group = groups.get(item.region.code) ?? { region: item.region, items: [] };
    group.items.push(item);
    groups.set(item.region.code, group);
  }
  return [...groups.values()];
}

function regionName(t: ReturnType<typeof useView>['t'], lang: ReturnType<typeof useView>['lang'], region: Region): string {
  return region.code === 'republic' ? t('courts.nationwide') : localName(region, lang);
}

/** One court as the finder lists it: its name linked to its page, level, where it sits and what it hears. */
function CourtItem({ item, showRegion }: { item: CourtHit; showRegion: boolean }) {
  const { t, lang } = useView();
  const place = localAddress(item.court, lang) || regionName(t, lang, item.region);
  return (
    <li class="govuk-!-margin-bottom-4">
      <a class="govuk-link govuk-!-font-weight-bold" href={urls.court(item.court.code)}>
        {localName(item.court, lang)}
      </a>
      <dl class="sot-court-facts govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
        <div>
          <dt>{t('courts.finder.level')}:</dt> <dd>{levelLabel(t, item.court.level)}</dd>
        </div>
        <div>
          <dt>{t('courts.finder.place')}:</dt> <dd>{showRegion && item.region.code !== 'republic' && place !== localName(item.region, lang) ? `${place}, ${localName(item.region, lang)}` : place}</dd>
        </div>
        <div>
          <dt>{t('courts.finder.hearsLabel')}:</dt> <dd>{item.hears.map((h) => t(`courts.hears.${h}`)).join('; ')}</dd>
        </div>
      </dl>
    </li>
  );
}

export function CourtsPage({ query, regions, errors, result }: CourtsPageProps) {
  const { t, lang } = useView();
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const searched = Boolean(query.q?.trim());
  const filtered = Object.values(query).some((v) => v !== undefined && v.trim() !== '');
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-xl">{t('courts.title')}</h1>
      <p class="govuk-body-l">{t('courts.lead')}</p>
      <form method="get" action={urls.courts()} class="govuk-!-margin-bottom-6" role="search" novalidate>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{t('courts.filter.legend')}</legend>
          <TextInput id="q" name="q" label={t('courts.finder.query')} hint={t('courts.finder.queryHint')} value={query.q} error={errorOf('q')} spellcheck={false} />
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-third">
              <Select
                id="level"
                name="level"
                label={t('courts.filter.level')}
                value={query.level}
                error={errorOf('level')}
                groups={[{ choices: [{ value: '', label: t('courts.filter.anyLevel') }, ...COURT_LEVELS.map((l) => ({ value: String(l), label: t(`level.${l}`) }))] }]}
              />
            </div>
            <div class="govuk-grid-column-one-third">
              <Select
                id="region"
                name="region"
                label={t('courts.finder.region')}
                value={query.region}
                error={errorOf('region')}
                groups={[{ choices: [{ value: '', label: t('courts.finder.anyRegion') }, ...regions.map((r) => ({ value: r.code, label: regionName(t, lang, r) }))] }]}
              />
            </div>
            <div class="govuk-grid-column-one-third">
              <Select
                id="hears"
                name="hears"
                label={t('courts.finder.hears')}
                value={query.hears}
                error={errorOf('hears')}
                groups={[{ choices: [{ value: '', label: t('courts.finder.anyHears') }, ...COURT_HEARS.map((h) => ({ value: h, label: t(`courts.hears.${h}`) }))] }]}
              />
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
      {result && (
        <>
          <p class="govuk-body" role="status">
            {t('courts.count', { count: result.total })}
          </p>
          {result.total > result.items.length && <p class="govuk-body">{t('courts.finder.capped', { shown: COURT_RESULTS_MAX })}</p>}
          {result.items.length === 0 && (
            <div class="sot-courts-empty">
              <p class="govuk-body">{t('courts.empty')}</p>
              <p class="govuk-body">{t('courts.finder.emptyHint')}</p>
              {result.nearest.length > 0 && (
                <>
                  <p class="govuk-body govuk-!-margin-bottom-1">{t('courts.finder.didYouMean')}</p>
                  <ul class="govuk-list sot-did-you-mean">
                    {result.nearest.map((item) => (
                      <li key={item.court.id}>
                        <a class="govuk-link" href={urls.court(item.court.code)}>
                          {localName(item.court, lang)}
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          {searched ? (
            result.items.length > 0 && (
              <section aria-labelledby="results">
                <h2 class="govuk-heading-m" id="results">
                  {t('courts.finder.results')}
                </h2>
                <ol class="govuk-list sot-results sot-court-results">
                  {result.items.map((item) => (
                    <CourtItem key={item.court.id} item={item} showRegion />
                  ))}
                </ol>
              </section>
            )
          ) : (
            // Without words typed the directory reads as it always has: by region, then by level.
            groupByRegion(result.items).map(({ region, items }) => (
              <section key={region.code} aria-labelledby={`region-${region.code}`}>
                <h2 class="govuk-heading-l" id={`region-${region.code}`}>
                  {regionName(t, lang, region)}
                </h2>
                {COURT_LEVELS.filter((l) => items.some((i) => i.court.level === l)).map((l) => (
                  <div key={l}>
                    <h3 class="govuk-heading-s">{t(`level.${l}`)}</h3>
                    <ul class="govuk-list sot-court-results">
                      {items
                        .filter((i) => i.court.level === l)
                        .map((item) => (
                          <CourtItem key={item.court.id} item={item} showRegion={false} />
                        ))}
                    </ul>
                  </div>
                ))}
              </section>
            ))
          )}
        </>
      )}
    </>
  );
}
