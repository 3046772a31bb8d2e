import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../src/errors.ts';
import { formatDate, formatDateTime, formatTenge, courtDateIso, pluralCategories } from '../../src/i18n/format.ts';
import { CATALOGUES, LANGUAGES, langFromAcceptLanguage, messageParams, pluralChoices, translator } from '../../src/i18n/index.ts';

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
    for (const key of keys) {
      const expected = messageParams(CATALOGUES.en[key as keyof (typeof CATALOGUES)['en']]);
      for (const lang of LANGUAGES) expect(messageParams(CATALOGUES[lang][key as keyof (typeof CATALOGUES)['en']]), `${lang}:${key}`).toEqual(expected);
    }
  });

  it('give every plural choice exactly the forms its language needs, and the same counts in every language', () => {
    const choices = LANGUAGES.flatMap((lang) => keys.flatMap((key) => pluralChoices(CATALOGUES[lang][key as keyof (typeof CATALOGUES)['en']]).map((choice) => ({ lang, key, choice }))));
    expect(choices.length).toBeGreaterThan(0);
    for (const { lang, key, choice } of choices) {
      expect(Object.keys(choice.variants).sort(), `${lang}:${key}`).toEqual([...pluralCategories(lang)].sort());
      for (const [form, text] of Object.entries(choice.variants)) expect(text, `${lang}:${key}:${form}`).toContain('#');
    }
    // A count that is plural in one language is a plural choice in all three.
    for (const key of keys) {
      const counts = (lang: (typeof LANGUAGES)[number]) => pluralChoices(CATALOGUES[lang][key as keyof (typeof CATALOGUES)['en']]).map((c) => c.param).sort();
      for (const lang of LANGUAGES) expect(counts(lang), `${lang}:${key}`).toEqual(counts('en'));
    }
  });

  it('leave no plural syntax the translator cannot read', () => {
    for (const lang of LANGUAGES) {
      for (const key of keys) {
        const text = CATALOGUES[lang][key as keyof (typeof CATALOGUES)['en']];
        const mentioned = (text.match(/, plural,/g) ?? []).length;
        expect(pluralChoices(text), `${lang}:${key}`).toHaveLength(mentioned);
      }
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

describe('plural forms', () => {
  const reminder = (lang: (typeof LANGUAGES)[number], days: number) =>
    translator(lang)('notifications.reminder.body', { term: 'T', number: '7517-26-00-2/1', due: 'D', days });

  it('says 1 рабочий день, 2 рабочих дня, 5 рабочих дней, as Russian counts them', () => {
    const expected: [number, string][] = [
      [1, 'остался 1 рабочий день'],
      [2, 'осталось 2 рабочих дня'],
      [5, 'осталось 5 рабочих дней'],
      [11, 'осталось 11 рабочих дней'],
      [21, 'остался 21 рабочий день'],
      [22, 'осталось 22 рабочих дня'],
      [25, 'осталось 25 рабочих дней'],
    ];
    for (const [days, text] of expected) expect(reminder('ru', days), String(days)).toContain(`(${text})`);
  });

  it('says 1 working day and 2 working days in English', () => {
    expect(reminder('en', 1)).toContain('(1 working day left)');
    expect(reminder('en', 2)).toContain('(2 working days left)');
  });

  it('keeps the noun singular after a number in Kazakh', () => {
    expect(reminder('kk', 1)).toContain('(1 жұмыс күні қалды)');
    expect(reminder('kk', 5)).toContain('(5 жұмыс күні қалды)');
  });

  it('writes the count in the language\'s digits', () => {
    expect(translator('ru')('documents.bytes', { count: 1_048_576 })).toBe('1\u00a0048\u00a0576 байт');
    expect(translator('ru')('documents.bytes', { count: 1_048_574 })).toBe('1\u00a0048\u00a0574 байта');
    expect(translator('en')('documents.bytes', { count: 1 })).toBe('1 byte');
    expect(translator('en')('office.files.bytes', { size: 20_480 })).toBe('20,480 bytes');
    expect(translator('kk')('documents.bytes', { count: 3 })).toBe('3 байт');
  });

  it('leaves a plural choice visible when its count is not given', () => {
    expect(translator('en')('documents.bytes', {})).toBe('{count, plural, one {# byte} other {# bytes}}');
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
