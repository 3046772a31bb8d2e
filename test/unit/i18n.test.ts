import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../src/errors.ts';
import { formatDate, formatDateTime, formatTenge, courtDateIso } from '../../src/i18n/format.ts';
import { CATALOGUES, LANGUAGES, langFromAcceptLanguage, translator } from '../../src/i18n/index.ts';

const keys = Object.keys(CATALOGUES.en);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !full.includes(`${path.sep}i18n${path.sep}`) ? [full] : [];
  });
}

describe('message catalogues', () => {
  it('have every key in every language, none empty', () => {
    for (const lang of LANGUAGES) {
      expect(Object.keys(CATALOGUES[lang]).sort(), lang).toEqual([...keys].sort());
      for (const key of keys) expect(CATALOGUES[lang][key as keyof (typeof CATALOGUES)['en']].trim(), `${lang}:${key}`).not.toBe('');
    }
  });

  it('use the same placeholders in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys) {
      const expected = placeholders(CATALOGUES.en[key as keyof (typeof CATALOGUES)['en']]);
      for (const lang of LANGUAGES) expect(placeholders(CATALOGUES[lang][key as keyof (typeof CATALOGUES)['en']]), `${lang}:${key}`).toEqual(expected);
    }
  });

  it('have no key that the code never uses', () => {
    const source = sourceFiles(path.resolve('src'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // Keys built from a code (`status.${status}`) count as used through their prefix: the
    // compiler already checks that every code of the union has its key.
    const prefixes = [...source.matchAll(/`([\w.]+\.)\$\{/g)].map((m) => m[1]!);
    const unused = keys.filter((key) => !source.includes(`'${key}'`) && !prefixes.some((p) => key.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('translate every catalogued error', () => {
    for (const { message } of Object.values(ERRORS)) expect(keys).toContain(message);
  });

  it('fill placeholders and leave unknown ones visible', () => {
    const t = translator('ru');
    expect(t('courts.count', { count: 5 })).toBe('Найдено судов: 5');
    expect(t('courts.count')).toBe('Найдено судов: {count}');
  });
});

describe('language from Accept-Language', () => {
  it('takes the best supported language by quality', () => {
    expect(langFromAcceptLanguage('ru-KZ,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(langFromAcceptLanguage('de-DE,de;q=0.9,en;q=0.5,kk;q=0.7')).toBe('kk');
    expect(langFromAcceptLanguage('en-GB')).toBe('en');
  });

  it('ignores unsupported languages, zero quality and garbage', () => {
    expect(langFromAcceptLanguage('fr, de')).toBeUndefined();
    expect(langFromAcceptLanguage('ru;q=0, en;q=0.1')).toBe('en');
    expect(langFromAcceptLanguage(';;;,,,q=abc')).toBeUndefined();
    expect(langFromAcceptLanguage(undefined)).toBeUndefined();
  });
});

describe('formatting in Kazakhstan time', () => {
  // 1 March 2024 00:00 UTC+5 is the moment the whole country moved to one time zone.
  const instant = new Date('2026-03-01T19:30:00Z');

  it('shows UTC+5 wall-clock time, as Node ICU computes it for Asia/Almaty', () => {
    expect(formatDateTime(instant, 'en')).toBe('2 March 2026 at 00:30');
    expect(courtDateIso(instant)).toBe('2026-03-02');
    expect(formatDate(instant, 'ru')).toBe('2 марта 2026 г.');
    expect(formatDate(instant, 'kk')).toMatch(/2026.*2.*наурыз/);
  });

  it('formats tenge with the ₸ sign and tiyn when there are any', () => {
    expect(formatTenge(1297.5, 'ru')).toBe('1\u00a0297,50\u00a0₸');
    expect(formatTenge(43_250_000, 'kk')).toBe('43\u00a0250\u00a0000\u00a0₸');
    expect(formatTenge(21_625, 'en')).toBe('₸21,625');
  });
});
