import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { courts, filingAttachments } from '../../src/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { multipart, SAMPLE_FILES } from '../support/filing.ts';
import { formSession } from '../support/forms.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

/**
 * What Sot does on its own, without anyone configuring it: sends people back only to its own
 * pages, keeps signed-in answers out of caches, ties form tokens to the session, takes files
 * only where a route says so, and keeps uploaded files under honest names.
 */
describeDb('safe defaults', () => {
  let t: TestApp;
  let me: TestUser;
  let other: TestUser;
  let medeu: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: true, clock: () => new Date() });
    me = await signedInUser(t.database.db, { lang: 'en', now: new Date() });
    other = await signedInUser(t.database.db, { lang: 'en', now: new Date() });
    [{ id: medeu }] = (await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
  });
  afterAll(() => t?.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en', ...(cookie ? { cookie } : {}) } });

  const OFF_SITE = ['/%09/evil.example', '/%0d/evil.example', '//evil.example', '/%5Cevil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/%E2%80%AE/evil.example', '/%2F%2Fevil.example', '/%C0%AF/evil'];

  it.each(OFF_SITE)('sends a person asked to return to %s home, never off the site', async (target) => {
    const url = `/login?return=${target}`;
    const anonymous = await get(url);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('data-return="/home"');
    const signedIn = await get(url, me.cookie);
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/cabinet');
    const language = await get(`/language/en?return=${target}`);
    expect(language.statusCode).toBe(303);
    expect(language.headers.location).toBe('/');
    expect((await get(`/language/en?return=${target}`, me.cookie)).headers.location).toBe('/cabinet');
  });

  it('returns a person to the page of ours they came from', async () => {
    expect((await get('/login?return=%2Fcabinet%2Fprofile%3Fx%3D1', me.cookie)).headers.location).toBe('/cabinet/profile?x=1');
    expect((await get('/language/kk?return=%2Fcourts')).headers.location).toBe('/courts');
  });

  it('keeps signed-in pages and API answers out of every cache, and lets public assets be cached', async () => {
    for (const url of ['/cabinet', '/profile']) expect((await get(url, me.cookie)).headers['cache-control'], url).toBe('no-store');
    // Even a public page, when someone signed in is shown it, may carry their name.
    expect((await get('/', me.cookie)).headers['cache-control']).toBe('no-store');
    expect((await get('/api/v1/duty/quote?type=claim', me.cookie)).headers['cache-control']).toBe('no-store');
    expect((await get('/api/v1/public/cases/7517-24-00-2%2F999999')).headers['cache-control']).toBe('no-store');
    expect((await get('/api/v1/no-such-thing')).headers['cache-control']).toBe('no-store');
    expect((await get('/')).headers['cache-control'] ?? '').not.toContain('no-store');
    const asset = await get('/assets/images/favicon.svg', me.cookie);
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/max-age=\d+/);
  });

  it('takes a form token only in the session it was made for', async () => {
    const page = await get('/profile', me.cookie);
    const { token, cookie } = formSession(page, me.cookie);
    const secret = cookie.slice(me.cookie.length + 2);
    const post = (sessionCookie: string) =>
      t.app.inject({ method: 'POST', url: '/profile', headers: { cookie: `${sessionCookie}; ${secret}`, 'content-type': 'application/x-www-form-urlencoded' }, payload: `language=en&_csrf=${encodeURIComponent(token)}` });
    // The same browser secret with another person's session, or another session of the same person: refused.
    expect((await post(other.cookie)).statusCode).toBe(403);
    const [sessionName] = me.cookie.split('=');
    const mySecondSession = (await signedInUser(t.database.db, { now: new Date() })).cookie.replace(/^[^=]+=/, `${sessionName}=`);
    expect((await post(mySecondSession)).statusCode).toBe(403);
    // Without any session, a token made for one is no token either.
    expect((await t.app.inject({ method: 'POST', url: '/profile', headers: { cookie: secret, 'content-type': 'application/x-www-form-urlencoded' }, payload: `language=en&_csrf=${encodeURIComponent(token)}` })).statusCode).not.toBe(303);
    // The session it was made for: taken.
    expect((await post(me.cookie)).statusCode).toBe(303);
  });

  it('refuses forms and files at the API except where a route takes files', async () => {
    const file = multipart([{ name: 'a.pdf', content: SAMPLE_FILES.pdf() }]);
    const asMultipart = await t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie: me.cookie, 'accept-language': 'en', ...file.headers }, payload: file.payload });
    expect(asMultipart.statusCode).toBe(415);
    expect(asMultipart.json().error).toMatchObject({ code: 'body_type_not_accepted', message: expect.stringContaining('The API takes JSON') });
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie: me.cookie, 'content-type': type }, payload: 'type=claim' });
      expect(res.statusCode, type).toBe(415);
      expect(res.json().error.code).toBe('body_type_not_accepted');
    }
    // Pages that are plain forms take no files either.
    const page = formSession(await get('/profile', me.cookie), me.cookie);
    const toProfile = multipart([{ name: 'a.pdf', content: SAMPLE_FILES.pdf() }], { _csrf: page.token, language: 'kk' });
    expect((await t.app.inject({ method: 'POST', url: '/profile', headers: { cookie: page.cookie, ...toProfile.headers }, payload: toProfile.payload })).statusCode).toBe(415);
    // The attachments route says it takes files.
    const draft = await t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie: me.cookie }, payload: { type: 'claim', courtId: medeu } });
    expect(draft.statusCode, draft.body).toBe(201);
    const attached = await t.app.inject({ method: 'POST', url: `/api/v1/filings/${draft.json().id}/attachments`, headers: { cookie: me.cookie, ...file.headers }, payload: file.payload });
    expect(attached.statusCode, attached.body).toBe(201);
  });

  it('keeps uploaded files without hidden characters and under the extension of what they are', async () => {
    const draft = await t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie: me.cookie }, payload: { type: 'claim', courtId: medeu } });
    const id = draft.json().id as string;
    const files = [
      { name: 'invoice\u202Efdp.exe', content: SAMPLE_FILES.pdf() },
      { name: '\u2067photo\u200B\u2069.exe', content: SAMPLE_FILES.png() },
      { name: 'договор\u200F.PDF', content: SAMPLE_FILES.pdf() },
    ];
    const { payload, headers } = multipart(files);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/filings/${id}/attachments`, headers: { cookie: me.cookie, ...headers }, payload });
    expect(res.statusCode, res.body).toBe(201);
    const names = (res.json().attachments as { name: string }[]).map((a) => a.name);
    expect(names).toEqual(['invoicefdp.pdf', 'photo.png', 'договор.pdf']);
    const rows = await t.database.db.select({ name: filingAttachments.name }).from(filingAttachments).where(eq(filingAttachments.filingId, id));
    expect(rows.map((r) => r.name).sort()).toEqual(['invoicefdp.pdf', 'photo.png', 'договор.pdf'].sort());
    const page = await get(`/cabinet/filings/${id}/attachments`, me.cookie);
    expect(page.body).toContain('invoicefdp.pdf');
    expect(page.body).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
  });

  it('never answers an odd return target with a server error', async () => {
    for (const target of ['%', '%E0%A4%A', '/%00', `/${'%2F'.repeat(600)}`, '%ZZ']) {
      const res = await get(`/login?return=${target}`);
      expect(res.statusCode, target).toBeLessThan(500);
    }
  });
});
