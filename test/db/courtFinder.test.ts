import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courts } from '../../src/db/schema/index.ts';
import { searchCourts } from '../../src/queries/courts.ts';
import { urls } from '../../src/urls.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedInUser } from '../support/sessions.ts';

describeDb('court finder', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t?.close());

  const page = (query: string, lang = 'en') => t.app.inject({ method: 'GET', url: `/courts?${query}`, headers: { cookie: `lang=${lang}`, accept: 'text/html' } });
  const api = (query: string, lang = 'en') => t.app.inject({ method: 'GET', url: `/api/v1/public/courts?${query}`, headers: { cookie: `lang=${lang}` } });
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  describe('the page', () => {
    it('finds the Almaty courts by a misspelt name, each with its level, place and what it hears, linked to its page', async () => {
      const res = await page(q('Алмвты'));
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('href="/courts/7599"');
      expect(res.body).toContain('href="/courts/7517"');
      expect(res.body).not.toContain('href="/courts/9799"');
      const medeu = res.body.slice(res.body.indexOf('href="/courts/7517"'));
      expect(medeu).toContain('District and equivalent courts');
      expect(medeu).toContain('Civil cases; Criminal cases; Administrative offences');
    });

    it('answers in Kazakh and Russian, folding Kazakh letters and transliteration', async () => {
      const kk = await page(q('Есил'), 'kk');
      expect(kk.body).toContain('Астана қаласы Есіл аудандық соты');
      expect(kk.body).toContain('Қарайды');
      const ru = await page(q('Yesil'), 'ru');
      expect(ru.body).toContain('Есильский районный суд города Астаны');
      expect(ru.body).toContain('Гражданские дела');
    });

    it('filters by region and by what a court hears', async () => {
      const res = await page('region=almaty&hears=economic');
      expect(res.body).toContain('Specialised Inter-district Economic Court of Almaty');
      expect(res.body).not.toContain('Specialised Inter-district Economic Court of Astana');
      expect(res.body).not.toContain('Medeu District Court of Almaty');
    });

    it('says no court was found, with a hint and the nearest courts', async () => {
      const res = await page(q('Медеу Шымкент'));
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('No court matches the filter.');
      expect(res.body).toContain('Check the spelling');
      expect(res.body).toContain('Did you mean:');
      expect(res.body.slice(res.body.indexOf('Did you mean:'))).toContain('href="/courts/7517"');
    });

    it('refuses a query too long or a filter it does not know with a translated 400, and reads odd text as text', async () => {
      const long = await page(q('а'.repeat(5000)), 'ru');
      expect(long.statusCode).toBe(400);
      expect(long.body).toContain('Запрос слишком длинный');
      const level = await page('level=99', 'kk');
      expect(level.statusCode).toBe(400);
      expect(level.body).toContain('Деңгейді, өңірді және істер санатын тізімнен таңдаңыз.');
      expect((await page('region=atlantis')).statusCode).toBe(400);
      expect((await page('hears=maritime')).statusCode).toBe(400);
      const nul = await page('q=%00');
      expect(nul.statusCode).toBe(400);
      for (const odd of ['😀', '\u202eМедеу\u202c', 'е\u0301\u0301\u0301', '%%%', '\ufeff']) {
        const res = await page(q(odd));
        expect(res.statusCode, odd).toBeLessThan(500);
      }
      expect((await page(q('\u202eМедеу\u202c'))).body).toContain('href="/courts/7517"');
    });
  });

  describe('the API', () => {
    it('lists matching courts with their level, region, address and what they hear, exact matches first', async () => {
      const res = await api(q('Almati medeu'));
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total).toBe(1);
      expect(body.items[0]).toMatchObject({
        code: '7517',
        name: { en: 'Medeu District Court of Almaty' },
        level: 1,
        type: 'district',
        region: { code: 'almaty' },
        hears: ['civil', 'criminal', 'administrative_offence'],
      });
      expect(body.items[0].url).toMatch(/\/courts\/7517$/);
      const almaly = (await api(q('Алмалы'))).json();
      expect(almaly.items[0].code).toBe('9511');
    });

    it('filters by level and what a court hears, and answers nothing with the nearest courts', async () => {
      const supreme = (await api('level=4')).json();
      expect(supreme.items.map((c: { code: string }) => c.code)).toEqual(['9001']);
      const juvenile = (await api('hears=juvenile')).json();
      expect(juvenile).toEqual({ items: [], total: 0, didYouMean: [] });
      const none = (await api(q('Медеу Шымкент'))).json();
      expect(none.items).toEqual([]);
      expect(none.didYouMean.map((c: { code: string }) => c.code)).toContain('7517');
    });

    it('refuses bad input with a translated 400', async () => {
      const long = await api(q('x'.repeat(5000)), 'kk');
      expect(long.statusCode).toBe(400);
      expect(long.json().error).toEqual({ code: 'courts_query_too_long', message: 'Сұрау тым ұзын: 200 таңбадан аспауы керек.' });
      const level = await api('level=district', 'ru');
      expect(level.statusCode).toBe(400);
      expect(level.json().error.code).toBe('courts_invalid_filter');
      expect((await api('q=%00')).statusCode).toBe(400);
    });

    it('is described in the OpenAPI document', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      const path = doc.paths['/api/v1/public/courts'];
      expect(path.get.tags).toEqual(['public']);
      expect(path.get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['hears', 'level', 'q', 'region']);
      expect(path.get.responses).toHaveProperty('400');
    });
  });

  it('finds a court renamed since the directory was cached', async () => {
    expect((await searchCourts(t.database.db, { q: 'Жаңаарқа' }) as { total: number }).total).toBe(0);
    await t.database.db.update(courts).set({ nameKk: 'Жаңаарқа аудандық соты' }).where(eq(courts.code, '9711'));
    const found = await searchCourts(t.database.db, { q: 'Жанаарка' });
    expect('refused' in found ? [] : found.items.map((i) => i.court.code)).toEqual(['9711']);
  });

  it('lists every court from a body rendered once per directory version and language, renamed courts included', async () => {
    const list = (lang: string) => t.app.inject({ method: 'GET', url: '/courts', headers: { cookie: `lang=${lang}`, accept: 'text/html' } });
    const before = { en: await list('en'), kk: await list('kk') };
    expect(before.en.body).toContain('Medeu District Court');
    expect(before.kk.body).toContain('Медеу');
    expect(before.kk.body).not.toContain('Medeu District Court');
    // Asked again, the same page, byte for byte; a filter is still answered afresh.
    expect((await list('en')).body).toBe(before.en.body);
    expect((await page('level=2')).body).not.toContain('href="/courts/7517"');

    await t.database.db.update(courts).set({ nameEn: 'Medeu District Court (renamed)' }).where(eq(courts.code, '7517'));
    const after = await list('en');
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Medeu District Court (renamed)');
    expect((await list('kk')).body).toBe(before.kk.body);
    // The layout around the kept body is the request's own: its language links point back here.
    expect(after.body).toContain(`href="${urls.language('ru', '/courts')}"`);
    // And a signed-in person's header, with their sign-out form, around the same kept list.
    const user = await signedInUser(t.database.db, { lang: 'en' });
    const theirs = await t.app.inject({ method: 'GET', url: '/courts', headers: { cookie: `${user.cookie}; lang=en`, accept: 'text/html' } });
    expect(theirs.body).toContain(`action="${urls.logout()}"`);
    expect(theirs.body).toContain('Medeu District Court (renamed)');
    expect(after.body).not.toContain(`action="${urls.logout()}"`);
  });
});
