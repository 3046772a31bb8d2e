// Its own module so that the formatters the catalogue uses can name a language without importing
// the catalogue back (src/i18n/index.ts imports them).
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
