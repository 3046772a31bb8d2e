import { COURT_TIME_ZONE } from '../domain/courtTime.ts';
import type { Lang } from './languages.ts';

// The court's day and year are domain rules; pages and jobs keep reading them from here.
export { COURT_TIME_ZONE, courtDateIso, courtYear } from '../domain/courtTime.ts';

const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en-GB' };

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let value = cache.get(key);
  if (!value) cache.set(key, (value = make()));
  return value as T;
}

export function formatDate(date: Date, lang: Lang): string {
  return cached(`d:${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { timeZone: COURT_TIME_ZONE, dateStyle: 'long' })).format(date);
}

export function formatDateTime(date: Date, lang: Lang): string {
  return cached(
    `dt:${lang}`,
    () => new Intl.DateTimeFormat(LOCALES[lang], { timeZone: COURT_TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }),
  ).format(date);
}

export function formatTime(date: Date, lang: Lang): string {
  return cached(`t:${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { timeZone: COURT_TIME_ZONE, timeStyle: 'short' })).format(date);
}

/** A court date stored as `YYYY-MM-DD` (a term's last day), in the language's long form. */
export function formatCourtDay(day: string, lang: Lang): string {
  // Noon in Kazakhstan is the same calendar day in every time zone the formatter might assume.
  return formatDate(new Date(`${day}T12:00:00+05:00`), lang);
}

/** A court date in digits (31.12.2026, 31/12/2026), where space is short, as in an SMS. */
export function formatCourtDayNumeric(day: string, lang: Lang): string {
  return cached(`dn:${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { timeZone: COURT_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' })).format(new Date(`${day}T12:00:00+05:00`));
}

export function formatNumber(value: number, lang: Lang): string {
  return cached(`n:${lang}`, () => new Intl.NumberFormat(LOCALES[lang])).format(value);
}

/** Tenge amounts always show the ₸ sign; tiyn, when there are any, as two decimals (1 297,50 ₸). */
export function formatTenge(amount: number, lang: Lang): string {
  const fractionDigits = Number.isInteger(amount) ? 0 : 2;
  return cached(
    `kzt:${lang}:${fractionDigits}`,
    () =>
      new Intl.NumberFormat(LOCALES[lang], {
        style: 'currency',
        currency: 'KZT',
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }),
  ).format(amount);
}

/** The plural forms a language's grammar tells apart after a number, as CLDR lists them. */
export type PluralCategory = Intl.LDMLPluralRule;

const pluralRules = new Map<Lang, Intl.PluralRules>();

function pluralRulesOf(lang: Lang): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(LOCALES[lang])));
  return rules;
}

/** Which form a count takes: ru 1 → one, 2 → few, 5 → many; en and kk 1 → one, else other. */
export function pluralCategory(count: number, lang: Lang): PluralCategory {
  return pluralRulesOf(lang).select(count);
}

/** Every form a plural message in this language must offer. */
export function pluralCategories(lang: Lang): readonly PluralCategory[] {
  return pluralRulesOf(lang).resolvedOptions().pluralCategories;
}

/** A month `YYYY-MM` as its name and year ("март 2026 г.", "2026 ж. наурыз"), or only its short name for a chart's axis ("мар.", "Mar"). */
export function formatMonth(month: string, lang: Lang, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions = style === 'long' ? { month: 'long', year: 'numeric' } : { month: 'short' };
  // The 15th at noon in Kazakhstan is in the same month in every time zone.
  return cached(`m:${style}:${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { timeZone: COURT_TIME_ZONE, ...options })).format(new Date(`${month}-15T12:00:00+05:00`));
}

/** A share (0.8125) as a percentage in the language's form (81,3 %, 81.3%). */
export function formatPercent(share: number, lang: Lang): string {
  return cached(`p:${lang}`, () => new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 })).format(share);
}
