import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { courts, parties, users } from '../../src/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { SAMPLE_FILES } from '../support/filing.ts';
import { formSession } from '../support/forms.ts';
import { freshIin, signedInUser, type TestUser } from '../support/sessions.ts';

/** What people and programs send that cannot be stored: refused at the door with a 4xx, never a 500. */
describeDb('input that cannot be stored', () => {
  let t: TestApp;
  let person: TestUser;
  let clerk: TestUser;
  const knownIin = freshIin();

  beforeAll(async () => {
    t = await createTestApp({
      seed: true,
      extend(app) {
        // Two writes the database refuses, with a person's IIN among the query's values.
        app.post('/api/v1/test/duplicate-person', { config: { access: 'public' } }, async () => {
          await app.db.insert(users).values({ iin: knownIin, fullName: 'Дубликат', phone: '+77015550101' });
          return 'unreachable';
        });
        app.post('/api/v1/test/orphan-party', { config: { access: 'public' } }, async () => {
          await app.db.insert(parties).values({ caseId: '00000000-0000-0000-0000-000000000000', role: 'claimant', displayName: `Истец ИИН ${knownIin}` });
          return 'unreachable';
        });
      },
    });
    await t.database.db.insert(users).values({ iin: knownIin, fullName: 'Известный Человек', phone: '+77015550101' });
    person = await signedInUser(t.database.db, { lang: 'en' });
    const [court] = await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'));
    clerk = await signedInUser(t.database.db, { roles: [{ role: 'clerk', courtId: court!.id }], lang: 'en' });
  });
  afterAll(() => t?.close());

  async function formFor(user: TestUser) {
    return formSession(await t.app.inject({ method: 'GET', url: '/profile', headers: { cookie: user.cookie } }), user.cookie);
  }

  it('refuses a NUL or another control character in a form, with a translated 400', async () => {
    const { token, cookie } = await formFor(person);
    for (const [lang, text] of [
      ['en', 'characters that cannot be saved'],
      ['ru', 'символы, которые нельзя сохранить'],
      ['kk', 'сақтауға болмайтын таңбалар'],
    ] as const) {
      for (const address of ['a\u0000@example.kz', 'a\u001b@example.kz']) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/profile/contact/email',
          headers: { cookie: cookie.replace('lang=en', `lang=${lang}`), 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: token, address }).toString(),
        });
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain(text);
      }
    }
    // Line breaks and tabs are text.
    const multiline = await t.app.inject({
      method: 'POST',
      url: '/profile/contact/email',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, address: 'line\r\nbreak\t@example.kz' }).toString(),
    });
    expect(multiline.statusCode).toBeLessThan(500);
    expect(multiline.body).not.toContain('characters that cannot be saved');
  });

  it('refuses NUL and broken Unicode in JSON, keys included, and in the query', async () => {
    for (const payload of ['{"type":"claim","subject":"a\\u0000b"}', '{"type":"claim","subject":"\\ud800"}', '{"type":"claim","a\\u0000":"x"}']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie: person.cookie, 'content-type': 'application/json' }, payload });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error.code).toBe('invalid_characters');
    }
    const query = await t.app.inject({ method: 'GET', url: '/case-status?number=7517%00', headers: { cookie: 'lang=en' } });
    expect(query.statusCode).toBe(400);
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/duty/quote?claimAmount=%00' });
    expect(api.statusCode).toBe(400);
    expect(api.json().error.code).toBe('invalid_characters');
  });

  it('answers a malformed id in a page address as a record that does not exist, and says so to the API', async () => {
    for (const id of ['not-a-uuid', '%00', "'%3B drop table cases%3B --", '00000000-0000-0000-0000-00000000000g']) {
      const page = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${id}`, headers: { cookie: person.cookie } });
      expect(page.statusCode, id).toBe(404);
      const act = await t.app.inject({ method: 'GET', url: `/court/filings/${id}`, headers: { cookie: clerk.cookie } });
      expect(act.statusCode, id).toBe(404);
      const api = await t.app.inject({ method: 'GET', url: `/api/v1/filings/${id}`, headers: { cookie: person.cookie } });
      expect(api.statusCode, id).toBe(400);
      expect(api.json().error.code).toBe('invalid_id');
    }
    const text = await t.app.inject({ method: 'GET', url: '/courts/75%0017', headers: { cookie: 'lang=en' } });
    expect(text.statusCode).toBe(404);
  });

  it('refuses a multipart body without a boundary, cut short or with a NUL in a name, with a 400', async () => {
    const draft = (await t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie: person.cookie }, payload: { type: 'claim' } })).json().id as string;
    const url = `/api/v1/filings/${draft}/attachments`;
    const pdf = SAMPLE_FILES.pdf();
    const bodies: { name: string; contentType: string; payload: Buffer; code: string }[] = [
      { name: 'no boundary', contentType: 'multipart/form-data', payload: Buffer.from('--x\r\n\r\n'), code: 'multipart_malformed' },
      {
        name: 'cut short in a file',
        contentType: 'multipart/form-data; boundary=sotb',
        payload: Buffer.concat([Buffer.from('--sotb\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n'), pdf.subarray(0, 20)]),
        code: 'multipart_malformed',
      },
      { name: 'cut short in a header', contentType: 'multipart/form-data; boundary=sotb', payload: Buffer.from('--sotb\r\nContent-Disposition: form-da'), code: 'multipart_malformed' },
      {
        name: 'NUL in the file name',
        contentType: 'multipart/form-data; boundary=sotb',
        payload: Buffer.concat([Buffer.from('--sotb\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.pdf"\r\nContent-Type: application/pdf\r\n\r\n'), pdf, Buffer.from('\r\n--sotb--\r\n')]),
        code: 'invalid_characters',
      },
    ];
    for (const body of bodies) {
      const res = await t.app.inject({ method: 'POST', url, headers: { cookie: person.cookie, 'content-type': body.contentType }, payload: body.payload });
      expect(res.statusCode, body.name).toBe(400);
      expect(res.json().error.code, body.name).toBe(body.code);
    }
    const filing = (await t.app.inject({ method: 'GET', url: `/api/v1/filings/${draft}`, headers: { cookie: person.cookie } })).json();
    expect(filing.attachments).toEqual([]);
  });

  it('refuses a NUL in a field of an upload form', async () => {
    const { token, cookie } = await formFor(clerk);
    const res = await t.app.inject({
      method: 'POST',
      url: `/court/counter?_csrf=${encodeURIComponent(token)}`,
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=sotb' },
      payload: Buffer.concat([
        Buffer.from('--sotb\r\nContent-Disposition: form-data; name="filerName"\r\n\r\nАй\u0000гүл\r\n'),
        Buffer.from('--sotb\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n'),
        SAMPLE_FILES.pdf(),
        Buffer.from('\r\n--sotb--\r\n'),
      ]),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('characters that cannot be saved');
  });

  it('logs a database refusal by its code and constraint, never the values of the query', async () => {
    const before = t.logs.length;
    for (const url of ['/api/v1/test/duplicate-person', '/api/v1/test/orphan-party']) {
      const res = await t.app.inject({ method: 'POST', url });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(knownIin);
    }
    const lines = t.logs.slice(before).filter((l) => l.level === 50);
    expect(lines).toHaveLength(2);
    const text = JSON.stringify(lines);
    expect(text).not.toContain(knownIin);
    expect(text).not.toContain('7015550101');
    expect(text).not.toMatch(/Failed query|params:|insert into/i);
    expect(lines.map((l) => (l.err as { database: { code: string } }).database.code)).toEqual(['23505', '23503']);
    expect(lines.map((l) => (l.err as { database: { constraint?: string } }).database.constraint)).toEqual([expect.stringContaining('iin'), expect.stringContaining('case_id')]);
  });
});
