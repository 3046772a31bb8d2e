import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';

describeDb('errors people and programs meet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      extend(app) {
        app.get('/boom', { config: { access: 'public' } }, async () => {
          throw new Error('secret internals at /srv/sot/db.ts:42');
        });
        app.get('/api/v1/boom', { config: { access: 'public' } }, async () => {
          throw new Error('secret internals');
        });
        app.post('/api/v1/echo', { config: { access: 'public' } }, async (request) => ({ got: request.body }));
        app.get('/staff-only', { config: { access: ['clerk'] } }, async () => 'secret');
      },
    });
  });
  afterAll(() => t?.close());

  it('shows a 404 page in each language', async () => {
    const expected = { kk: 'Бет табылмады', ru: 'Страница не найдена', en: 'Page not found' };
    for (const [lang, title] of Object.entries(expected)) {
      const res = await t.app.inject({ method: 'GET', url: '/no/such/page', headers: { cookie: `lang=${lang}` } });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain(title);
      expect(res.body).toContain('1401');
    }
  });

  it('shows a 500 page without a stack or internals, and logs the error', async () => {
    for (const lang of ['kk', 'ru', 'en']) {
      const res = await t.app.inject({ method: 'GET', url: '/boom', headers: { cookie: `lang=${lang}` } });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('secret internals');
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    }
    const res = await t.app.inject({ method: 'GET', url: '/boom', headers: { cookie: 'lang=en' } });
    expect(res.body).toContain('Sorry, something went wrong');
    expect(t.logs.some((l) => l.level === 50 && JSON.stringify(l).includes('secret internals'))).toBe(true);
  });

  it('answers API failures with the error shape and no internals', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/boom', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'internal', message: expect.stringContaining('could not complete') } });
  });

  it('refuses malformed JSON, wrong content types and oversized bodies with 4xx', async () => {
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/echo', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('invalid_request');
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/v1/echo', headers: { 'content-type': 'application/x-sot-unknown' }, payload: 'x' });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.code).toBe('unsupported_media_type');
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/echo', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ a: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });

  it('refuses a too-long path parameter or query without crashing', async () => {
    const long = await t.app.inject({ method: 'GET', url: `/courts/${'9'.repeat(500)}`, headers: { cookie: 'lang=ru' } });
    expect(long.statusCode).toBe(414);
    expect(long.body).toContain('Адрес слишком длинный');
    const longApi = await t.app.inject({ method: 'GET', url: `/api/v1/public/cases/${'9'.repeat(500)}` });
    expect(longApi.statusCode).toBe(414);
    expect(longApi.json().error.code).toBe('uri_too_long');
    const badUrl = await t.app.inject({ method: 'GET', url: '/courts/%E0%A4%A', headers: { cookie: 'lang=en' } });
    expect(badUrl.statusCode).toBe(400);
    const longQuery = await t.app.inject({ method: 'GET', url: `/case-status?number=${'1'.repeat(5000)}`, headers: { cookie: 'lang=en' } });
    expect(longQuery.statusCode).toBe(400);
    expect(longQuery.body).toContain('The request cannot be processed');
  });

  it('sends people to sign in, and refuses programs, on routes that are not public', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/staff-only', headers: { cookie: 'lang=en' } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?return=%2Fstaff-only');
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'accept-language': 'en' } });
    expect(api.statusCode).toBe(401);
    expect(api.json()).toEqual({ error: { code: 'unauthorized', message: 'Sign in to continue.' } });
  });
});

describeDb('access declarations', () => {
  it('refuse to start an app with a route that does not say who may use it', async () => {
    await expect(
      createTestApp({
        extend(app) {
          app.get('/forgotten', async () => 'open?');
        },
      }),
    ).rejects.toThrow(/Routes without an access rule: GET \/forgotten/);
  });
});
