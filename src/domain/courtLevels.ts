/**
 * Court levels since 1 July 2025: district and equivalent courts, regional and equivalent
 * courts (appeal), cassation courts (one per kind of proceedings, in Astana), the Supreme Court.
 * Levels are data on each court; this list only names them.
 */
export const COURT_LEVELS = [1, 2, 3, 4] as const;
export type CourtLevel = (typeof COURT_LEVELS)[number];

export const COURT_TYPES = [
  'district',
  'specialised_economic',
  'specialised_administrative',
  'specialised_criminal',
  'specialised_juvenile',
  'regional',
  'military',
  'cassation',
  'supreme',
] as const;
export type CourtType = (typeof COURT_TYPES)[number];
