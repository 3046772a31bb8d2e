import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { urls } from '../../src/urls.ts';
import { forgetExpiredNoticeLinks, issueNoticeLink, NOTICE_LINK_DAYS } from '../../src/auth/noticeLinks.ts';
import { queueNotice, type Compose, type Notice } from '../../src/commands/notices.ts';
import { noticeLinks, notifications, users } from '../../src/db/schema/index.ts';
import { DEADLINE_KINDS } from '../../src/domain/deadlines.ts';
import { formatTalonNumber } from '../../src/domain/talonNumber.ts';
import { CATALOGUES, LANGUAGES, translator, type Lang, type MessageKey } from '../../src/i18n/index.ts';
import { composeReminder } from '../../src/jobs/deadlineReminders.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedInUser } from '../support/sessions.ts';

/** Parts an SMS in UCS-2 (any Cyrillic letter) takes: 70 characters alone, 67 each when split. */
const smsParts = (text: string) => (text.length <= 70 ? 1 : Math.ceil(text.length / 67));

/** A large court's case number. */
const NUMBER = '7517-26-00-2а/12345';
const KEYS = Object.keys(CATALOGUES.en) as MessageKey[];
/** Every notice's subject, which is its SMS unless it has a short form of its own (reminders do). */
const SUBJECT_KEYS = KEYS.filter((k) => /^(\w+\.notice\.[\w.]+|notifications\.\w+)\.subject$/.test(k) && k !== 'notifications.reminder.subject');

/** Of every notice kind, the one whose SMS text is longest in `lang`, each filled with its longest values. */
function longestSms(lang: Lang): { compose: Compose; text: string } {
  const t = translator(lang);
  const longest = (prefix: string) => KEYS.filter((k) => k.startsWith(prefix)).map((k) => t(k)).reduce((a, b) => (b.length > a.length ? b : a));
  const params = { number: NUMBER, act: longest('proceedings.actKind.'), decision: longest('status.'), kind: longest('talon.filingType.'), talon: formatTalonNumber('7517', 2026, 99999) };
  const candidates: Compose[] = [
    ...SUBJECT_KEYS.map((key): Compose => (tr) => ({ subject: tr(key, params), body: '' })),
    ...DEADLINE_KINDS.map((kind) => composeReminder({ kind, number: NUMBER, dueOn: '2026-12-31', days: 3 })),
  ];
  const texts = candidates.map((compose) => {
    const composed = compose(t, lang);
    return { compose, text: composed.sms ?? composed.subject };
  });
  return texts.reduce((a, b) => (b.text.length > a.text.length ? b : a));
}

describeDb('notice links: short, signed, expiring, written with the notice', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  let phones = 0;
  async function personWithPhone(lang: Lang) {
    const user = await signedInUser(t.database.db);
    const [row] = await t.database.db.update(users).set({ language: lang, phone: `+7701000${String(++phones).padStart(4, '0')}`, phoneVerifiedAt: TEST_NOW, notifyBySms: true, notifyByEmail: false }).where(eq(users.id, user.id)).returning();
    return row!;
  }
  const notice = (aboutId: string, compose: Compose, link = `/cabinet/cases/${crypto.randomUUID()}`): Notice => ({ event: 'deadline_reminder', aboutId, caseId: null, link, legallyRequired: false, compose });
  const smsOf = async (userId: string) => (await t.database.db.select().from(notifications).where(eq(notifications.userId, userId))).find((r) => r.channel === 'sms')!;
  const linkIn = (body: string) => /(http:\/\/localhost:3000)(\/n\/[0-9A-Za-z]{14})$/.exec(body)?.[2];
  const open = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: 'lang=en' } });

  it.each(LANGUAGES)('fits the longest notice with its link in two SMS parts (%s), and the link opens the page', async (lang) => {
    const user = await personWithPhone(lang);
    const longest = longestSms(lang);
    const path = `/cabinet/cases/${crypto.randomUUID()}`;
    await t.database.db.transaction((tx) => queueNotice(tx, user, notice(`longest-${lang}`, longest.compose, path), TEST_NOW));
    const { body } = await smsOf(user.id);
    expect(body).toContain(longest.text);
    expect(smsParts(body), body).toBeLessThanOrEqual(2);
    const link = linkIn(body);
    expect(link, body).toBeDefined();
    const opened = await open(link!);
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(urls.loginFromNotice(path));
  });

  it('refuses a link with any character changed as unknown, and an expired one as gone', async () => {
    const path = '/cabinet/cases/0b6f1d2e-3c4a-4b5c-8d9e-0f1a2b3c4d5e';
    const issue = (at: Date) => t.database.db.transaction(async (tx) => (await issueNoticeLink(tx, path, at, t.app.config.sessionSecret)).path);
    const link = await issue(TEST_NOW);
    for (let i = '/n/'.length; i < link.length; i++) {
      const changed = `${link.slice(0, i)}${link[i] === 'q' ? 'r' : 'q'}${link.slice(i + 1)}`;
      expect((await open(changed)).statusCode, changed).toBe(404);
    }
    const expired = await issue(new Date(TEST_NOW.getTime() - NOTICE_LINK_DAYS * 86_400_000));
    const gone = await open(expired);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('This link has expired');
  });

  it('answers "expired" for a year after a link expires, then forgets it', async () => {
    const day = 86_400_000;
    const issue = (daysAgo: number) => t.database.db.transaction(async (tx) => issueNoticeLink(tx, '/cabinet', new Date(TEST_NOW.getTime() - daysAgo * day), t.app.config.sessionSecret));
    const recent = await issue(NOTICE_LINK_DAYS + 364);
    const forgotten = await issue(NOTICE_LINK_DAYS + 366);
    expect(await forgetExpiredNoticeLinks(t.database.db, TEST_NOW)).toBeGreaterThanOrEqual(1);
    expect((await open(recent.path)).statusCode).toBe(410);
    expect((await open(forgotten.path)).statusCode).toBe(404);
    expect(await forgetExpiredNoticeLinks(t.database.db, TEST_NOW)).toBe(0);
  });

  it('refuses a well-signed id that names no link', async () => {
    const link = await t.database.db.transaction(async (tx) => issueNoticeLink(tx, '/cabinet', TEST_NOW, t.app.config.sessionSecret));
    await t.database.db.delete(noticeLinks).where(eq(noticeLinks.id, link.id));
    expect((await open(link.path)).statusCode).toBe(404);
  });

  it('writes no link when the notice’s transaction rolls back, and none for a notice already sent', async () => {
    const user = await personWithPhone('ru');
    const path = `/cabinet/cases/${crypto.randomUUID()}`;
    const rollback = t.database.db.transaction(async (tx) => {
      await queueNotice(tx, user, notice('rolled-back', longestSms('ru').compose, path), TEST_NOW);
      throw new Error('rolled back');
    });
    await expect(rollback).rejects.toThrow('rolled back');
    expect(await t.database.db.select().from(noticeLinks).where(eq(noticeLinks.path, path))).toEqual([]);
    await t.database.db.transaction((tx) => queueNotice(tx, user, notice('once', longestSms('ru').compose, path), TEST_NOW));
    await t.database.db.transaction((tx) => queueNotice(tx, user, notice('once', longestSms('ru').compose, path), TEST_NOW));
    expect(await t.database.db.select().from(noticeLinks).where(eq(noticeLinks.path, path))).toHaveLength(1);
  });

  it('still opens a link of the first, long format sent before links were short, until it expires', async () => {
    // Built here as the first format made it, so a change to the opener that breaks links already sent fails.
    const firstFormat = (path: string, expiresAt: Date) => {
      const key = createHmac('sha256', t.app.config.sessionSecret).update('sot notice links').digest();
      const payload = Buffer.from(`${Math.floor(expiresAt.getTime() / 1000)}|${path}`, 'utf8').toString('base64url');
      return `/n/${payload}.${createHmac('sha256', key).update(payload).digest().subarray(0, 16).toString('base64url')}`;
    };
    const path = '/cabinet/cases/0b6f1d2e-3c4a-4b5c-8d9e-0f1a2b3c4d5e';
    const sent = firstFormat(path, new Date(TEST_NOW.getTime() + 86_400_000));
    const opened = await open(sent);
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(urls.loginFromNotice(path));
    expect((await open(`${sent.slice(0, -1)}${sent.endsWith('A') ? 'B' : 'A'}`)).statusCode).toBe(404);
    expect((await open(firstFormat(path, TEST_NOW))).statusCode).toBe(410);
  });
});
