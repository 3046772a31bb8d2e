import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, notifications, users } from '../../src/db/schema/index.ts';
import { normalisePhone } from '../../src/commands/profile.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';
import { formSession } from '../support/forms.ts';

describeDb('profile', () => {
  let t: TestApp;
  let me: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    me = await signedInUser(t.database.db, { lang: 'en' });
  });
  afterAll(() => t?.close());

  /** A form's CSRF token, as a browser would find it on the page. */
  async function formToken(url: string, user: TestUser): Promise<{ token: string; cookie: string }> {
    return formSession(await t.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } }), user.cookie);
  }

  const post = async (url: string, form: Record<string, string>, user = me) => {
    const { token, cookie } = await formToken('/profile', user);
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...form }).toString() });
  };

  it('shows the name and a masked IIN from the certificate', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/profile', headers: { cookie: me.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`${me.iin.slice(0, 2)}••••••••${me.iin.slice(10)}`);
    expect(res.body).not.toContain(me.iin);
  });

  it('confirms a phone number with the code sent to it', async () => {
    const sent = await post('/profile/contact/sms', { address: '8 (701) 555-12-34' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/profile/verify/sms');
    const [message] = await t.database.db.select().from(notifications).where(eq(notifications.address, '+77015551234')).orderBy(desc(notifications.queuedAt)).limit(1);
    const code = /\d{6}/.exec(message!.body)![0];
    const wrong = await post('/profile/verify/sms', { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The code is not right');
    const right = await post('/profile/verify/sms', { code });
    expect(right.statusCode).toBe(303);
    const [user] = await t.database.db.select().from(users).where(eq(users.id, me.id));
    expect(user).toMatchObject({ phone: '+77015551234' });
    expect(user!.phoneVerifiedAt).not.toBeNull();
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'profile.contact_verified'));
    expect(JSON.stringify(audit)).not.toContain('+7701');
  });

  it('stops accepting a code after five wrong tries', async () => {
    await post('/profile/contact/email', { address: 'Person@Example.kz' });
    const [message] = await t.database.db.select().from(notifications).where(eq(notifications.address, 'person@example.kz'));
    const code = /\d{6}/.exec(message!.body)![0];
    const wrongCode = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) expect((await post('/profile/verify/email', { code: wrongCode })).statusCode).toBe(400);
    const late = await post('/profile/verify/email', { code });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('Ask for a new one');
  });

  it('refuses a malformed phone number or e-mail with a message by the field', async () => {
    const phone = await post('/profile/contact/sms', { address: '12345' });
    expect(phone.statusCode).toBe(400);
    expect(phone.body).toContain('Enter a Kazakh mobile number');
    expect(phone.body).toContain('value="12345"');
    const email = await post('/profile/contact/email', { address: 'not-an-email' });
    expect(email.statusCode).toBe(400);
  });

  it('saves language and channels, and sets the language cookie', async () => {
    const res = await post('/profile', { language: 'ru', notifyByEmail: 'on' });
    expect(res.statusCode).toBe(303);
    expect(String(res.headers['set-cookie'])).toContain('lang=ru');
    const [user] = await t.database.db.select().from(users).where(eq(users.id, me.id));
    expect(user).toMatchObject({ language: 'ru', notifyBySms: false, notifyByEmail: true });
  });

  it('refuses a form without a valid CSRF token, changing nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/profile',
      headers: { cookie: me.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'language=kk&_csrf=forged',
    });
    expect(res.statusCode).toBe(403);
    const [user] = await t.database.db.select().from(users).where(eq(users.id, me.id));
    expect(user!.language).toBe('ru');
  });

  it.each(['https://evil.example', 'null'])('refuses a form posted from origin %s, and takes it from our own pages', async (origin) => {
    const { token, cookie } = await formToken('/profile', me);
    const post = (from: string) =>
      t.app.inject({
        method: 'POST',
        url: '/profile',
        headers: { cookie, origin: from, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `language=kk&_csrf=${encodeURIComponent(token)}`,
      });
    expect((await post(origin)).statusCode).toBe(403);
    expect((await post(new URL(t.app.config.publicUrl).origin)).statusCode).toBe(303);
  });
});

it('reads Kazakh mobile numbers in the ways people write them', () => {
  for (const written of ['+7 701 555 12 34', '87015551234', '7 (701) 555-12-34', '+77015551234']) expect(normalisePhone(written)).toBe('+77015551234');
  for (const wrong of ['', '555-12-34', '+1 202 555 0101', '+7701555123']) expect(normalisePhone(wrong)).toBeNull();
});
