import { en, type MessageKey } from './en.ts';
import { formatNumber, pluralCategory, type PluralCategory } from './format.ts';
import { kk } from './kk.ts';
import { LANGUAGES, type Lang } from './languages.ts';
import { citeArticle } from './legalReference.ts';
import { ru } from './ru.ts';

export type { MessageKey };

export { LANGUAGES, type Lang };
/** Kazakh is the state language and the default when nothing says otherwise. */
export const DEFAULT_LANG: Lang = 'kk';

export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { kk, ru, en };

/** Each language's name in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A count that picks a plural form is a number; other values are shown as given. */
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * A message shows a number of something through a plural choice, ICU style:
 * `{days, plural, one {# working day} other {# working days}}`. The form is the one
 * `Intl.PluralRules` picks for the language (ru: one, few, many, other; en and kk: one, other)
 * and `#` is the number written in the language's digits.
 */
const PLURAL = /\{(\w+), plural,((?:\s*[a-z]+\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_VARIANT = /([a-z]+)\s*\{([^{}]*)\}/g;
const PLACEHOLDER = /\{(\w+)\}/g;

export interface PluralChoice {
  param: string;
  variants: Partial<Record<PluralCategory, string>> & Record<string, string>;
}

/** The plural choices in a message, for checking that each offers every form its language needs. */
export function pluralChoices(template: string): PluralChoice[] {
  return [...template.matchAll(PLURAL)].map(([, param, body]) => ({
    param: param!,
    variants: Object.fromEntries([...body!.matchAll(PLURAL_VARIANT)].map(([, category, text]) => [category!, text!])),
  }));
}

/** The names a message takes: its placeholders and the counts of its plural choices. */
export function messageParams(template: string): string[] {
  const plural = pluralChoices(template).map((choice) => choice.param);
  const simple = [...template.replace(PLURAL, '').matchAll(PLACEHOLDER)].map((m) => m[1]!);
  return [...new Set([...plural, ...simple])].sort();
}

function fill(template: string, params: Params, lang: Lang): string {
  return template
    .replace(PLURAL, (whole, name: string, body: string) => {
      if (!(name in params)) return whole;
      const value = params[name]!;
      const count = typeof value === 'number' ? value : Number(value);
      const variants = pluralChoices(`{${name}, plural,${body}}`)[0]!.variants;
      const form = Number.isFinite(count) ? (variants[pluralCategory(count, lang)] ?? variants.other) : variants.other;
      return (form ?? whole).replace(/#/g, Number.isFinite(count) ? formatNumber(count, lang) : String(value));
    })
    .replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A message's `{article}` is a legal reference: terms, grounds and refusals pass the compact
 * citation they hold ("CPC Art. 403(3)"), and it is cited in the message's language here, once.
 */
function cited(params: Params, lang: Lang): Params {
  const article = params['article'];
  return typeof article === 'string' ? { ...params, article: citeArticle(article, lang) } : params;
}

export function translator(lang: Lang): Translate {
  const catalogue = CATALOGUES[lang];
  return (key, params) => {
    const template = catalogue[key];
    if (!params) return template;
    return fill(template, cited(params, lang), lang);
  };
}

/**
 * Picks the language from an `Accept-Language` header by quality, matching on the primary tag
 * (`ru-KZ` → ru). Unsupported languages are skipped, not errors.
 */
export function langFromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { primary: tag.toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.primary).find(isLang);
}
