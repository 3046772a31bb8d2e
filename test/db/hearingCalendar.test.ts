import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, calendarFeeds, cases, courts, hearings, organisations, parties, users } from '../../src/db/schema/index.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { formSession } from '../support/forms.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

describeDb('hearing calendar and its private feed', () => {
  let t: TestApp;
  let lawyer: TestUser;
  let party: TestUser;
  /** Works for a company the demo knows nothing about; signed in without acting for it. */
  let employee: TestUser;
  const n = {
    medeu: '7517-26-00-2/9901',
    economic: '9594-26-00-2/9902',
    notAccepted: '7517-26-00-2/9903',
    unrelated: '7517-26-00-2/9904',
    entity: '7517-26-00-2/9905',
  };
  const h: Record<'medeu' | 'medeuPostponed' | 'medeuOld' | 'economic' | 'notAccepted' | 'unrelated' | 'entity', string> = {} as never;
  let lawyerInEconomic: string;

  const at = (local: string) => new Date(`${local}+05:00`);

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const db = t.database.db;
    lawyer = await signedInUser(db, { roles: [{ role: 'lawyer', courtId: null }], lang: 'en' });
    party = await signedInUser(db, { lang: 'kk' });
    employee = await signedInUser(db, { lang: 'en' });
    // The feed speaks the language the person chose in their profile.
    await db.update(users).set({ language: 'ru' }).where(eq(users.id, lawyer.id));
    const courtId = async (code: string) => (await db.select({ id: courts.id }).from(courts).where(eq(courts.code, code)))[0]!.id;
    const [medeu, economic] = [await courtId('7517'), await courtId('9594')];
    const newCase = async (number: string, court: string) =>
      (await db.insert(cases).values({ number, courtId: court, kind: 'civil', category: 'property', status: 'hearing_scheduled' }).returning({ id: cases.id }))[0]!.id;
    const party_ = async (caseId: string, values: Partial<typeof parties.$inferInsert>) =>
      (await db.insert(parties).values({ caseId, role: 'claimant', displayName: 'Кто-то', ...values }).returning({ id: parties.id }))[0]!.id;
    const hearing = async (caseId: string, startsAt: Date, place: { room?: string; videoLink?: string }, extra: Partial<typeof hearings.$inferInsert> = {}) =>
      (await db.insert(hearings).values({ caseId, startsAt, room: place.room ?? null, videoLink: place.videoLink ?? null, ...extra }).returning({ id: hearings.id }))[0]!.id;

    const caseMedeu = await newCase(n.medeu, medeu);
    const claimant = await party_(caseMedeu, { userId: party.id, iin: party.iin, displayName: 'Сидорова Анна' });
    await party_(caseMedeu, { role: 'defendant', displayName: 'Петров Пётр', iin: '850505300123' });
    await party_(caseMedeu, { role: 'lawyer', userId: lawyer.id, displayName: 'Адвокат', representsPartyId: claimant, authorityAcceptedAt: TEST_NOW });
    h.medeu = await hearing(caseMedeu, at('2026-11-30T10:00:00'), { room: '101' });
    h.medeuPostponed = await hearing(caseMedeu, at('2026-11-27T11:00:00'), { room: '101' }, { status: 'postponed', reason: 'Неявка ответчика', postponedToId: h.medeu });
    h.medeuOld = await hearing(caseMedeu, at('2026-10-01T09:00:00'), { room: '101' }, { status: 'held' });

    const caseEconomic = await newCase(n.economic, economic);
    const company = await party_(caseEconomic, { displayName: 'ТОО «Альфа»' });
    lawyerInEconomic = await party_(caseEconomic, { role: 'lawyer', userId: lawyer.id, displayName: 'Адвокат', representsPartyId: company, authorityAcceptedAt: TEST_NOW });
    h.economic = await hearing(caseEconomic, at('2026-12-02T15:00:00'), { videoLink: 'https://meet.example.kz/room-7' });

    // A warrant the judge has not accepted yet opens nothing.
    const caseNotAccepted = await newCase(n.notAccepted, medeu);
    const other = await party_(caseNotAccepted, { displayName: 'Иванов' });
    await party_(caseNotAccepted, { role: 'lawyer', userId: lawyer.id, displayName: 'Адвокат', representsPartyId: other });
    h.notAccepted = await hearing(caseNotAccepted, at('2026-11-26T09:00:00'), { room: '102' });

    const caseUnrelated = await newCase(n.unrelated, medeu);
    await party_(caseUnrelated, { displayName: 'Чужой' });
    h.unrelated = await hearing(caseUnrelated, at('2026-11-26T10:00:00'), { room: '103' });

    // The employer's case: not for an employee who does not act for the company directly.
    const employeeIin = (await db.select({ iin: users.iin }).from(users).where(eq(users.id, employee.id)))[0]!.iin;
    const [org] = await db.insert(organisations).values({ bin: '990440000017', name: 'ТОО «Бета»' }).returning({ id: organisations.id });
    const caseEntity = await newCase(n.entity, medeu);
    await party_(caseEntity, { organisationId: org!.id, displayName: 'ТОО «Бета»' });
    h.entity = await hearing(caseEntity, at('2026-11-26T11:00:00'), { room: '104' });
    expect(employeeIin).toMatch(/^\d{12}$/);
  });
  afterAll(() => t?.close());

  const page = (user: TestUser, query = '') => t.app.inject({ method: 'GET', url: `/cabinet/hearings${query}`, headers: { cookie: user.cookie } });
  const post = async (user: TestUser, url: string) => {
    const { token, cookie } = formSession(await page(user), user.cookie);
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token }).toString() });
  };
  const feed = (path: string) => t.app.inject({ method: 'GET', url: path });
  const createLink = async (user: TestUser) => {
    const res = await post(user, '/cabinet/hearings/feed');
    expect(res.statusCode).toBe(200);
    const link = /data-feed-link[^>]*value="([^"]+)"|value="([^"]+)"[^>]*data-feed-link/.exec(res.body);
    const url = new URL((link![1] ?? link![2])!);
    expect(url.pathname).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    return url.pathname;
  };
  const uids = (ics: string) => [...ics.matchAll(/^UID:([^@\r]+)@/gm)].map((m) => m[1]!).sort();

  describe('the page', () => {
    it('shows a lawyer the hearings of their cases in two courts, by day, and nothing else', async () => {
      const res = await page(lawyer);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(n.medeu);
      expect(res.body).toContain(n.economic);
      for (const other of [n.notAccepted, n.unrelated, n.entity]) expect(res.body).not.toContain(other);
      const rows = [...res.body.matchAll(/data-hearing-id="([^"]+)"/g)].map((m) => m[1]).sort();
      expect(rows).toEqual([h.medeu, h.medeuPostponed, h.economic].sort());
      expect(res.body).toContain('Hearings from 25 November 2026 to 24 January 2027');
      expect(res.body).toContain('<time datetime="2026-11-30">30 November 2026</time>');
      expect(res.body).toContain('href="https://meet.example.kz/room-7"');
      expect(res.body).toMatch(/New time: 30 November 2026(,| at) 10:00/);
      expect(res.body).toMatch(/>lawyer</);
      // Other participants' IINs and names stay on the case page.
      expect(res.body).not.toContain('850505300123');
      expect(res.body).not.toContain('Петров');
    });

    it('shows a party their own hearings only, in Kazakh', async () => {
      const res = await page(party);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Сот отырыстарының күнтізбесі');
      expect(res.body).toContain(n.medeu);
      expect(res.body).not.toContain(n.economic);
      expect(res.body).toContain('талапкер');
    });

    it('shows an employee nothing of their employer’s cases when they do not act for it', async () => {
      const res = await page(employee);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(n.entity);
      expect(res.body).toContain('You have no hearings on these dates.');
    });

    it('shows previous hearings for a period typed into the date boxes', async () => {
      const res = await page(lawyer, '?fromDay=1&fromMonth=10&fromYear=2026&toDay=24&toMonth=11&toYear=2026');
      expect(res.statusCode).toBe(200);
      expect([...res.body.matchAll(/data-hearing-id="([^"]+)"/g)].map((m) => m[1])).toEqual([h.medeuOld]);
    });

    it('answers dates that do not exist, a reversed period or one over a year with 400 and the error by its field', async () => {
      for (const [query, message] of [
        ['?fromDay=31&fromMonth=2&fromYear=2026', 'Enter the first day as a real date'],
        ['?fromDay=1&fromMonth=12&fromYear=2026&toDay=1&toMonth=11&toYear=2026', 'The last day must be the same as or after the first day'],
        ['?fromDay=1&fromMonth=1&fromYear=2026&toDay=1&toMonth=1&toYear=2028', 'Choose a period of one year or less'],
        ['?toDay=99999999999&toMonth=x&toYear=-1', 'Enter the last day as a real date'],
        ['?fromDay=1&fromMonth=1&fromYear=0000', 'Enter the first day as a real date'],
        ['?fromDay=1&fromMonth=1&fromYear=2026&toDay=1&toMonth=1&toYear=9999', 'Enter the last day as a real date'],
      ] as const) {
        const res = await page(lawyer, query);
        expect(res.statusCode, query).toBe(400);
        expect(res.body, query).toContain(message);
        expect(res.body, query).toContain('govuk-error-summary');
      }
      expect((await page(lawyer, `?fromDay=${'1'.repeat(50)}`)).statusCode).toBe(400);
    });

    it('is for signed-in people only', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/cabinet/hearings' });
      expect(res.statusCode).toBe(303);
    });
  });

  describe('the feed', () => {
    it('gives exactly the person’s hearings, in their language, as iCalendar', async () => {
      const path = await createLink(lawyer);
      const res = await feed(path);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['cache-control']).toBe('private, max-age=300');
      expect(res.headers['x-robots-tag']).toBe('noindex');
      expect(res.headers['set-cookie']).toBeUndefined();
      const ics = res.body;
      expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
      // The hearing of October is more than a month back: phones no longer need it.
      expect(uids(ics)).toEqual([h.medeu, h.medeuPostponed, h.economic].sort());
      const unfolded = ics.replace(/\r\n /g, '');
      expect(unfolded).toContain(`UID:${h.medeu}@localhost`);
      expect(unfolded).toContain('SUMMARY:Судебное заседание: дело 7517-26-00-2/9901\\, ');
      expect(unfolded).toContain('DTSTART:20261130T050000Z');
      expect(unfolded).toContain('DTEND:20261130T060000Z');
      expect(unfolded).toContain('LOCATION:https://meet.example.kz/room-7');
      expect(unfolded).toMatch(/URL:http:\/\/localhost:\d+\/cabinet\/cases\/[0-9a-f-]{36}/);
      const postponed = unfolded.slice(unfolded.indexOf(`UID:${h.medeuPostponed}@`));
      expect(postponed.slice(0, postponed.indexOf('END:VEVENT'))).toMatch(/SEQUENCE:1\r\nSTATUS:CANCELLED/);
      expect(ics).not.toContain('850505300123');
      expect(ics).not.toContain(party.iin);
      expect(ics).not.toContain('Петров');
      expect(ics).not.toContain('Сидорова');
    });

    it('gives a party their own hearings through their own link', async () => {
      const res = await feed(await createLink(party));
      expect(uids(res.body)).toEqual([h.medeu, h.medeuPostponed].sort());
      expect(res.body.replace(/\r\n /g, '')).toContain('SUMMARY:Сот отырысы: 7517-26-00-2/9901 іс\\, ');
    });

    it('stops at once when a new link replaces it or the link is turned off, with the same 404 as a made-up token', async () => {
      const first = await createLink(lawyer);
      const second = await createLink(lawyer);
      expect((await feed(second)).statusCode).toBe(200);
      const revoked = await feed(first);
      const madeUp = await feed(`/calendar/${'A'.repeat(43)}.ics`);
      expect(revoked.statusCode).toBe(404);
      expect(madeUp.statusCode).toBe(404);
      expect(revoked.headers['content-type']).toBe(madeUp.headers['content-type']);
      // The pages differ only in the address they were asked for (the language links carry it).
      const withoutAddress = (body: string, path: string) => body.replaceAll(encodeURIComponent(path), '');
      expect(withoutAddress(revoked.body, first)).toBe(withoutAddress(madeUp.body, `/calendar/${'A'.repeat(43)}.ics`));
      const off = await post(lawyer, '/cabinet/hearings/feed/off');
      expect(off.statusCode).toBe(303);
      expect(off.headers.location).toBe('/cabinet/hearings?notice=off');
      expect((await feed(second)).statusCode).toBe(404);
      expect((await page(lawyer, '?notice=off')).body).toContain('The calendar link is turned off.');
      const live = await t.database.db.select().from(calendarFeeds).where(and(eq(calendarFeeds.userId, lawyer.id)));
      expect(live.filter((f) => f.revokedAt === null)).toHaveLength(0);
      // Only hashes are kept.
      for (const f of live) expect(f.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      const audit = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.actorId, lawyer.id), inArray(auditLog.action, ['calendar_feed.created', 'calendar_feed.revoked'])));
      expect(audit.map((a) => a.action).sort()).toEqual(['calendar_feed.created', 'calendar_feed.created', 'calendar_feed.created', 'calendar_feed.revoked']);
    });

    it('no longer lists a case once the person is removed from it', async () => {
      const path = await createLink(lawyer);
      expect(uids((await feed(path)).body)).toContain(h.economic);
      await t.database.db.delete(parties).where(eq(parties.id, lawyerInEconomic));
      const after = await feed(path);
      expect(after.statusCode).toBe(200);
      expect(uids(after.body)).toEqual([h.medeu, h.medeuPostponed].sort());
    });

    it('answers malformed addresses with 4xx, never 5xx', async () => {
      for (const url of ['/calendar/x.ics', '/calendar/abc', '/calendar/.ics', `/calendar/${'A'.repeat(43)}`, `/calendar/${'A'.repeat(42)}%00.ics`, `/calendar/${'%D0%96'.repeat(30)}.ics`, `/calendar/${'A'.repeat(500)}.ics`]) {
        const res = await feed(url);
        expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, url).toBeLessThan(500);
      }
    });

    it('slows down whoever guesses tokens from one address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 61; i++) statuses.push((await feed(`/calendar/${'B'.repeat(42)}${i % 10}.ics`)).statusCode);
      expect(statuses).toContain(429);
      expect(statuses.every((s) => s === 404 || s === 429)).toBe(true);
    });
  });
});
