import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cases, courts, parties } from '../../src/db/schema/index.ts';
import { showcaseCaseNumber } from '../../src/seed/demo.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';

describeDb('public pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('serves the home page in Kazakh by default, then by Accept-Language, then by the cookie', async () => {
    const kk = await get('/');
    expect(kk.statusCode).toBe(200);
    expect(kk.body).toContain('<html lang="kk"');
    expect(kk.body).toContain('Қазақстан соттары онлайн');
    const ru = await get('/', { 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(ru.body).toContain('<html lang="ru"');
    expect(ru.body).toContain('Суды Казахстана онлайн');
    const en = await get('/', { 'accept-language': 'ru', cookie: 'lang=en' });
    expect(en.body).toContain('Courts of Kazakhstan online');
    expect(en.headers['content-language']).toBe('en');
    const garbage = await get('/', { cookie: 'lang=xx', 'accept-language': 'fr' });
    expect(garbage.body).toContain('<html lang="kk"');
  });

  it('switches language with a cookie and returns to the same page', async () => {
    const res = await get('/language/ru?return=%2Fcourts%3Flevel%3D2');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/courts?level=2');
    expect(String(res.headers['set-cookie'])).toMatch(/^lang=ru;.*HttpOnly.*SameSite=Lax/);
  });

  it('never redirects the language switch off the site', async () => {
    for (const target of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await get(`/language/en?return=${encodeURIComponent(target)}`);
      expect(res.headers.location, target).toBe('/');
    }
  });

  it('refuses an unsupported language with a translated 400 page', async () => {
    const res = await get('/language/fr', { cookie: 'lang=ru' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Этот язык недоступен');
  });

  it('lists courts of all four levels, grouped by region', async () => {
    const res = await get('/courts', { cookie: 'lang=en' });
    expect(res.statusCode).toBe(200);
    for (const name of ['Supreme Court of the Republic of Kazakhstan', 'Cassation Court for Civil Cases', 'Almaty City Court', 'Medeu District Court of Almaty']) {
      expect(res.body).toContain(name);
    }
    expect(res.body.indexOf('Nationwide courts')).toBeLessThan(res.body.indexOf('Almaty City Court'));
  });

  it('filters courts by a name in any language and by level', async () => {
    const byKazakhName = await get(`/courts?q=${encodeURIComponent('медеу')}&level=`, { cookie: 'lang=en' });
    expect(byKazakhName.body).toContain('Medeu District Court of Almaty');
    expect(byKazakhName.body).not.toContain('Bostandyk District Court');
    const level2 = await get('/courts?level=2', { cookie: 'lang=en' });
    expect(level2.body).toContain('Almaty City Court');
    expect(level2.body).not.toContain('Medeu District Court');
    const nothing = await get('/courts?q=%25%25%25', { cookie: 'lang=en' });
    expect(nothing.body).toContain('No court matches the filter.');
    const badLevel = await get('/courts?level=99', { cookie: 'lang=en' });
    expect(badLevel.statusCode).toBe(400);
    expect(badLevel.body).toContain('Choose a level, region and kind of cases from the lists.');
  });

  it('shows a court with its appeal and cassation route and hearing schedule, without party names', async () => {
    const res = await get('/courts/7517', { cookie: 'lang=en' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Appeals go to');
    expect(res.body).toContain('href="/courts/7599"');
    expect(res.body).toContain('Cassation Court for Civil Cases');
    expect(res.body).toContain('Hearing schedule');
    expect(res.body).toMatch(/7517-26-00-\d\/\d+/);
    const names = await t.database.db.select({ name: parties.displayName }).from(parties);
    for (const { name } of names) expect(res.body).not.toContain(name);
  });

  it('answers 404 for an unknown or malformed court code', async () => {
    expect((await get('/courts/9999')).statusCode).toBe(404);
    const malformed = await get('/courts/%27%20or%201%3D1', { cookie: 'lang=en' });
    expect(malformed.statusCode).toBe(404);
    expect(malformed.body).toContain('There is no court with this code');
  });

  it('finds a case by number and shows its stage, next hearing and judge, but no party', async () => {
    const number = await showcaseCaseNumber(t.database.db);
    const res = await get(`/case-status?number=${encodeURIComponent(number)}`, { cookie: 'lang=en' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(number);
    expect(res.body).toContain('Hearing scheduled');
    expect(res.body).toContain('Next hearing');
    const [row] = await t.database.db.select({ id: cases.id }).from(cases).where(eq(cases.number, number));
    const caseParties = await t.database.db.select().from(parties).where(eq(parties.caseId, row!.id));
    expect(caseParties.length).toBeGreaterThan(1);
    for (const party of caseParties) {
      expect(res.body).not.toContain(party.displayName);
      if (party.iin) expect(res.body).not.toContain(party.iin);
    }
  });

  it('accepts a number typed with Latin letters and spaces', async () => {
    const res = await get(`/case-status?number=${encodeURIComponent(' 7599-26-00-2a/1 ')}`, { cookie: 'lang=en' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('7599-26-00-2а/1');
    expect(res.body).toContain('Review of case');
  });

  it('finds a case whose number carries a suffix, by the form in two languages and by the API', async () => {
    // A number as real courts print it after the case came back for a new hearing.
    const [court] = await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7594'));
    const number = '7594-26-00-4/318(2)';
    await t.database.db.insert(cases).values({ courtId: court!.id, kind: 'administrative', category: 'public_law_dispute', instance: 1, status: 'preparation', number, registeredAt: new Date() });
    for (const [lang, stage] of [['ru', 'Подготовка к разбирательству'], ['kk', 'Сот талқылауына дайындық']] as const) {
      const typed = await get(`/case-status?number=${encodeURIComponent(' 7594-26-00-4/318 (2) ')}`, { cookie: `lang=${lang}` });
      expect(typed.statusCode, lang).toBe(200);
      expect(typed.body).toContain(`<h2 class="govuk-heading-l sot-case-number" id="case-heading">${number}</h2>`);
      expect(typed.body).toContain(stage);
    }
    // The same number without its suffix is another case, which does not exist.
    expect((await get(`/case-status?number=${encodeURIComponent('7594-26-00-4/318')}`, { cookie: 'lang=en' })).statusCode).toBe(404);
    const api = await t.app.inject({ method: 'GET', url: `/api/v1/public/cases/${encodeURIComponent(number)}` });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ number, court: { code: '7594' }, kind: 'administrative', status: 'preparation' });
  });

  it('explains a malformed number next to the field, in the reader\'s language', async () => {
    const res = await get('/case-status?number=hello', { cookie: 'lang=kk' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('Іс нөмірін 7517-24-00-2/101 түрінде енгізіңіз');
    expect(res.body).toContain('value="hello"');
  });

  it('says plainly when no case has the number', async () => {
    const res = await get('/case-status?number=7517-26-00-2%2F99999', { cookie: 'lang=ru' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Зарегистрированного дела с номером 7517-26-00-2/99999 нет');
  });

  it('hides the hearing of closed proceedings', async () => {
    const [closed] = await t.database.db.select({ number: cases.number }).from(cases).where(eq(cases.closedHearing, true));
    const res = await get(`/case-status?number=${encodeURIComponent(closed!.number!)}`, { cookie: 'lang=en' });
    expect(res.body).toContain('Closed proceedings');
    expect(res.body).not.toContain('Next hearing');
  });

  it('explains what signing in needs, without JavaScript', async () => {
    const res = await get('/login', { cookie: 'lang=en' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('NCALayer');
    expect(res.body).toContain('href="tel:1401"');
  });

  it('groups the demo people by role and court, so the judge a registration names is easy to find', async () => {
    // The demo's sign-in list exists only in demo mode.
    expect((await get('/login', { cookie: 'lang=en' })).body).not.toContain('<optgroup');
    const demo = await createTestApp({ database: t.database, config: { DEMO: '1' } });
    const demoGet = (url: string, headers: Record<string, string>) => demo.app.inject({ method: 'GET', url, headers });
    const en = await demoGet('/login', { cookie: 'lang=en' });
    expect(en.body).toContain('<optgroup label="Judge — Medeu District Court of Almaty">');
    expect(en.body).toContain('<optgroup label="Court clerk — Medeu District Court of Almaty">');
    expect(en.body).toMatch(/<optgroup label="Citizen">\s*<option value="citizen">/);
    const ru = await demoGet('/login', { cookie: 'lang=ru' });
    expect(ru.body).toContain('<optgroup label="Судья — Медеуский районный суд города Алматы">');
    expect(ru.body).toContain('(председатель суда)');
    // The database is this file's; only the second app goes.
    await demo.app.close();
  });
});
