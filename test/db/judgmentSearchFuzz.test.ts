import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBenchJudgments } from '../../src/db/benchJudgments.ts';
import { encodeCursor } from '../../src/domain/judgmentSearch.ts';
import { prng } from '../../src/seed/judgmentCorpus.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';

/**
 * Whatever arrives in the search's address, the public judgment bank answers 200 with a page of
 * results or a translated 400, never a 5xx: tsquery and SQL syntax, quotes and backslashes, very
 * long queries, NUL, lone surrogates and odd unicode, impossible dates, reversed ranges, and
 * cursors that are garbage or were tampered with. Pieces are combined at random from a fixed seed,
 * so a failure names its input and happens again.
 */
describeDb('judgment search under hostile input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    await ensureBenchJudgments(t.database.db, 300, 300);
  }, 240_000);
  afterAll(() => t?.close());

  const TSQUERY = ['&', '|', '!', '<->', '<2>', ':*', '(', ')', '!!', '& |', 'истец & !ответчик', 'талап:*', '(суд | сот) <-> шешті', "'a' & 'b'", 'a:AB', '\\:*'];
  const SQL = ["'; drop table judgments; --", "' or '1'='1", '"; select pg_sleep(10); --', '$1', '$$', '/* */', 'e\'\\x00\'', "%' and 1=1 --", '%', '_', 'null', "\\'", '\\\\', '\\'];
  const UNICODE = ['\u0000', '\ud800', '\udfff', 'a\ud83d', '\u200f', '\u202e', '\u200e', '\u2066', 'e\u0301\u0301\u0301', 'Z̷̧̛͓͎a̸l̵g̴o̵', '👩‍⚖️', '🇰🇿', '\ufeff', '\ufffd', '\u00a0', 'ﷺ', '𝔘𝔫𝔦', 'Ⅻ', 'ǅ', 'İ', 'ß', 'ﬁ'];
  const WORDS = ['истец', 'талапкер', 'суд решил', 'сот шешті', 'взыскании', 'неустойка', 'аралар', 'x', '0', '7517-26-00-2/1', 'ИИН'];
  const DATES = ['2026-02-30', '2026-13-01', '2026-00-10', '0000-01-01', '9999-12-31', '2026-2-3', '20260203', 'yesterday', '2026-02-28T00:00', ' 2026-01-01', '2026-01-01\u0000', '1989-12-31', '2201-01-01', '-2026-01-01', '２０２６-０１-０１'];
  const GOOD_DAYS = ['2015-01-01', '2019-12-31', '2026-02-28'];

  const validCursor = (order: 'date' | 'relevance') => encodeCursor({ order, issuedOn: '2019-06-01', rank: 0.5, id: '00000000-0000-4000-8000-000000000000' });
  const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const CURSORS = [
    'not-a-cursor',
    '',
    '=',
    '%00',
    '....',
    'A'.repeat(201),
    'A'.repeat(5000),
    json([1, 2, 3]),
    json(['d', '2026-02-30', 0, '00000000-0000-4000-8000-000000000000']),
    json(['r', '2019-01-01', 'NaN', '00000000-0000-4000-8000-000000000000']),
    // A rank no ts_rank gives, which PostgreSQL's real would overflow on, with the order it belongs to.
    `${json(['r', '2019-01-01', 1e308, '00000000-0000-4000-8000-000000000000'])}&order=relevance&q=${encodeURIComponent('истец')}`,
    `${json(['r', '2019-01-01', -1e308, '00000000-0000-4000-8000-000000000000'])}&order=relevance&q=${encodeURIComponent('истец')}`,
    `${json(['r', '2019-01-01', 5e-324, '00000000-0000-4000-8000-000000000000'])}&order=relevance&q=${encodeURIComponent('истец')}`,
    json(['d', '2019-01-01', 0, "'; drop table judgments; --"]),
    json(['x', '2019-01-01', 0, '00000000-0000-4000-8000-000000000000']),
    json({ order: 'd' }),
    json(null),
    json('d'),
    validCursor('date'),
    validCursor('relevance'),
    // A cursor of one order sent with the other: refused, not read as the wrong keyset.
    `${validCursor('relevance')}&order=date`,
    `${validCursor('date')}&order=relevance&q=${encodeURIComponent('истец')}`,
    validCursor('date').slice(0, -3),
    `${validCursor('date')}x`,
  ];

  function queries(count: number): string[] {
    const random = prng(20261206);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const parts: string[] = [];
      for (let k = 1 + Math.floor(random() * 4); k > 0; k--) parts.push(pick(pick([TSQUERY, SQL, UNICODE, WORDS, WORDS])));
      out.push(parts.join(random() < 0.5 ? ' ' : ''));
    }
    return out;
  }

  const qs = (values: Record<string, string>) =>
    Object.entries(values)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&');

  async function expectSane(url: string, lang: 'kk' | 'ru' | 'en') {
    const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
    const where = `${url.slice(0, 160)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
    expect([200, 400], where).toContain(res.statusCode);
    if (url.startsWith('/api/')) {
      const body = res.json();
      if (res.statusCode === 200) expect(Array.isArray(body.items), where).toBe(true);
      else expect(body.error.message, where).toMatch(/\S/);
    } else if (res.statusCode === 400) {
      // The search form with its error, or the app's page for characters no form may hold: either in the visitor's language.
      expect(res.body, where).toContain(`<html lang="${lang}"`);
      expect(res.body, where).toMatch(/govuk-error-summary|govuk-heading-xl/);
    }
    return res;
  }

  const both = (query: string) => [`/judgments?${query}`, `/api/v1/public/judgments?${query}`];

  it('answers random mixes of tsquery and SQL syntax, quotes, backslashes and odd unicode with results or a 400', async () => {
    const langs = ['kk', 'ru', 'en'] as const;
    let i = 0;
    for (const q of queries(30)) {
      for (const url of both(qs({ q }))) await expectSane(url, langs[i++ % 3]!);
    }
    // Raw percent-encoding the encoder would never make: a lone surrogate and NUL as UTF-8 bytes, broken escapes.
    for (const raw of ['q=%ED%A0%80', 'q=%00', 'q=%C0%80', 'q=%FF%FE', 'q=%', 'q=%E2%80%AE%D0%B8%D1%81%D1%82%D0%B5%D1%86', 'q=a%00b', 'q[]=x&q[]=y', 'q=x&q=y']) {
      for (const url of both(raw)) await expectSane(url, 'ru');
    }
  });

  it('refuses a query of 5,000 characters with a translated 400 in each language, and finds with one just under the limit', async () => {
    const messages = new Set<string>();
    for (const lang of ['kk', 'ru', 'en'] as const) {
      for (const q of ['a'.repeat(5000), 'истец '.repeat(834), '😀'.repeat(2500), `${'\u0301'.repeat(4999)}a`]) {
        const res = await expectSane(`/api/v1/public/judgments?${qs({ q })}`, lang);
        expect(res.statusCode).toBe(400);
        messages.add(res.json().error.message);
        expect((await expectSane(`/judgments?${qs({ q })}`, lang)).statusCode).toBe(400);
      }
    }
    expect(messages.size).toBe(3);
    const under = await expectSane(`/api/v1/public/judgments?${qs({ q: `истец ${'ответчик '.repeat(54)}` })}`, 'ru');
    expect(under.statusCode).toBe(200);
  });

  it('refuses impossible dates and garbage or tampered cursors with a 400, and answers reversed ranges with no results', async () => {
    for (const day of DATES) {
      for (const field of ['from', 'to']) {
        for (const url of both(qs({ q: 'истец', [field]: day }))) expect((await expectSane(url, 'kk')).statusCode, `${field}=${day}`).toBe(day === ' 2026-01-01' ? 200 : 400);
      }
    }
    for (const cursor of CURSORS) {
      const [value, ...rest] = cursor.split('&');
      const query = [`cursor=${encodeURIComponent(value!)}`, ...rest].join('&');
      for (const url of both(query)) {
        const res = await expectSane(url, 'ru');
        // Only an untampered cursor of the order in use reads on; every other one is refused.
        const acceptable = value === validCursor('date') && rest.length === 0 ? [200] : value === '' ? [200] : [400];
        expect(acceptable, `${query} → ${res.statusCode}`).toContain(res.statusCode);
      }
    }
    for (const [from, to] of [[GOOD_DAYS[2]!, GOOD_DAYS[0]!], [GOOD_DAYS[1]!, GOOD_DAYS[0]!]] as [string, string][]) {
      const res = await expectSane(`/api/v1/public/judgments?${qs({ q: 'истец', from, to })}`, 'en');
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
      expect((await expectSane(`/judgments?${qs({ q: 'истец', from, to })}`, 'en')).statusCode).toBe(200);
    }
    const inRange = await expectSane(`/api/v1/public/judgments?${qs({ q: 'истец', from: GOOD_DAYS[0]!, to: GOOD_DAYS[2]! })}`, 'en');
    expect(inRange.json().items.length).toBeGreaterThan(0);
  });

  it('answers a judgment address that is not a published judgment with 404, never a 5xx', async () => {
    for (const id of ['x', '%00', '00000000-0000-0000-0000-000000000000', "'%20or%201=1", '%ED%A0%80', 'a'.repeat(300), '00000000-0000-4000-8000-00000000000g']) {
      for (const url of [`/judgments/${id}`, `/api/v1/public/judgments/${id}`]) {
        const res = await t.app.inject({ method: 'GET', url });
        expect([400, 404, 414], `${url.slice(0, 80)} → ${res.statusCode}`).toContain(res.statusCode);
      }
    }
  });
});
