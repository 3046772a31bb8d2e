/**
 * The public hearing list scenarios: a day of one court, of one region and of the whole country,
 * the first page (50 rows) of each, as the page and as the API. The days are the working days the
 * bench data holds hearings on (src/db/benchHearings.ts); courts and regions are the first-instance
 * ones the bench cases are spread over.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';

export const HEARING_LIST_SCENARIOS = {
  pageCourt: "page: hearing list, one court's day",
  pageRegion: "page: hearing list, one region's day",
  pageCountry: 'page: hearing list, the whole country for a day',
  apiCourt: "API: hearing list, one court's day",
  apiRegion: "API: hearing list, one region's day",
  apiCountry: 'API: hearing list, the whole country for a day',
} as const;

export const HEARING_LIST_P95_MS = 50;

export interface HearingListSample {
  days: readonly string[];
  courts: readonly string[];
  regions: readonly string[];
}

/** The first-instance courts and their regions: the bench cases, and so their hearings, are theirs. */
export async function hearingListSample(db: Db, days: readonly string[]): Promise<HearingListSample> {
  const rows = (await db.execute<{ code: string; region_code: string }>(sql`select code, region_code from courts where level = 1 order by code`)).rows;
  if (rows.length === 0 || days.length === 0) throw new Error('no first-instance courts or hearing days to sample');
  return { days, courts: rows.map((r) => r.code), regions: [...new Set(rows.map((r) => r.region_code))] };
}

const any = <T>(values: readonly T[]) => values[Math.floor(Math.random() * values.length)]!;

export function hearingListScenarios(sample: HearingListSample) {
  const court = () => `from=${any(sample.days)}&court=${any(sample.courts)}`;
  const region = () => `from=${any(sample.days)}&region=${encodeURIComponent(any(sample.regions))}`;
  const country = () => `from=${any(sample.days)}`;
  const target = { p95Ms: HEARING_LIST_P95_MS };
  return [
    { name: HEARING_LIST_SCENARIOS.pageCourt, path: () => `/hearings?${court()}`, target, paired: false },
    { name: HEARING_LIST_SCENARIOS.pageRegion, path: () => `/hearings?${region()}`, target, paired: false },
    { name: HEARING_LIST_SCENARIOS.pageCountry, path: () => `/hearings?${country()}`, target, paired: false },
    { name: HEARING_LIST_SCENARIOS.apiCourt, path: () => `/api/v1/public/hearings?${court()}`, target, paired: false },
    { name: HEARING_LIST_SCENARIOS.apiRegion, path: () => `/api/v1/public/hearings?${region()}`, target, paired: false },
    { name: HEARING_LIST_SCENARIOS.apiCountry, path: () => `/api/v1/public/hearings?${country()}`, target, paired: false },
  ];
}
