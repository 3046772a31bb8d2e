import { mkdirSync, writeFileSync } from 'node:fs';
import { and, eq, gte } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cases, courts, hearings, parties, users } from '../../src/db/schema/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { expectAccessible, pageIn, signIn } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

const SHOTS = '/tmp/shots-calendar';

/**
 * The demo lawyer's hearings across their cases in several courts: the calendar page in Kazakh and
 * English, a private calendar link made for the phone, and the feed a calendar app would fetch.
 */
describe('a lawyer follows every hearing in one calendar and on the phone', () => {
  const demo = withDemoBrowser();

  it('shows the hearings of all the lawyer’s cases, makes a calendar link and serves the feed', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const db = demo.server.database.db;
    const lawyer = demoPeople().find((p) => p.handle === 'lawyer')!;
    const [me] = await db.select({ id: users.id }).from(users).where(eq(users.iin, lawyer.iin));
    const upcoming = await db
      .selectDistinct({ hearingId: hearings.id, number: cases.number, court: courts.code })
      .from(parties)
      .innerJoin(cases, eq(cases.id, parties.caseId))
      .innerJoin(courts, eq(courts.id, cases.courtId))
      .innerJoin(hearings, eq(hearings.caseId, cases.id))
      .where(and(eq(parties.userId, me!.id), eq(hearings.status, 'scheduled'), gte(hearings.startsAt, new Date())));
    expect(new Set(upcoming.map((h) => h.court)).size, 'the demo lawyer has hearings coming in at least two courts').toBeGreaterThanOrEqual(2);

    // In Kazakh, from the cabinet's navigation.
    const kk = translator('kk');
    const inKazakh = await pageIn(demo.browser, demo.server.url, 'kk');
    await signIn(inKazakh.page, demo.server.url, kk, 'lawyer');
    await Promise.all([inKazakh.page.waitForURL('**/cabinet/hearings'), inKazakh.page.getByRole('link', { name: kk('layout.nav.hearings'), exact: true }).click()]);
    await expect.poll(() => inKazakh.page.getByRole('heading', { level: 1 }).innerText()).toBe(kk('hearings.title'));
    const kkMain = await inKazakh.page.locator('main').innerText();
    for (const { number } of upcoming) expect(kkMain).toContain(number);
    await expectAccessible(inKazakh.page);
    await inKazakh.page.screenshot({ path: `${SHOTS}/hearings-kk.png`, fullPage: true });
    // The previous hearings, through the link the page offers.
    await Promise.all([inKazakh.page.waitForURL(/fromDay=/), inKazakh.page.getByRole('link', { name: kk('hearings.show.previous') }).click()]);
    await expectAccessible(inKazakh.page);
    expect(inKazakh.errors).toEqual([]);
    await inKazakh.close();

    // In English: the calendar link for the phone.
    const en = translator('en');
    const inEnglish = await pageIn(demo.browser, demo.server.url, 'en');
    const { page } = inEnglish;
    await signIn(page, demo.server.url, en, 'lawyer');
    await page.goto(`${demo.server.url}/cabinet`);
    await Promise.all([page.waitForURL('**/cabinet/hearings'), page.getByRole('link', { name: en('hearings.cabinetLink') }).click()]);
    const enMain = await page.locator('main').innerText();
    for (const { number } of upcoming) expect(enMain).toContain(number);
    await expectAccessible(page);
    await page.screenshot({ path: `${SHOTS}/hearings-en.png`, fullPage: true });
    await page.getByRole('button', { name: en('hearings.feed.create') }).click();
    const field = page.getByRole('textbox', { name: en('hearings.feed.created.label'), exact: true });
    const link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${demo.server.url}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    await expectAccessible(page);
    await page.screenshot({ path: `${SHOTS}/hearings-link-en.png`, fullPage: true });

    // What the phone fetches: no cookies, the lawyer's own language.
    const feed = await fetch(link);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await feed.text();
    writeFileSync(`${SHOTS}/hearings.ics`, ics);
    const unfolded = ics.replace(/\r\n /g, '');
    const host = new URL(demo.server.url).hostname;
    for (const { hearingId, number } of upcoming) {
      expect(unfolded).toContain(`UID:${hearingId}@${host}`);
      expect(unfolded).toContain(number!);
    }
    expect(unfolded).toContain(`SUMMARY:${translator(lawyer.language)('hearings.ics.summary', { number: upcoming[0]!.number!, court: '' }).replace(/, $/, '').replace(/,/g, '\\,')}`);
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    expect(ics).not.toContain(lawyer.iin);

    // A new link replaces the old one, which stops at once.
    await page.goto(`${demo.server.url}/cabinet/hearings`);
    await page.getByRole('button', { name: en('hearings.feed.renew') }).click();
    const renewed = await page.getByRole('textbox', { name: en('hearings.feed.created.label'), exact: true }).inputValue();
    expect(renewed).not.toBe(link);
    expect((await fetch(link)).status).toBe(404);
    expect((await fetch(renewed)).status).toBe(200);
    await page.goto(`${demo.server.url}/cabinet/hearings`);
    await Promise.all([page.waitForURL(/notice=off/), page.getByRole('button', { name: en('hearings.feed.off') }).click()]);
    expect(await page.locator('main').innerText()).toContain(en('hearings.feed.turnedOff'));
    expect((await fetch(renewed)).status).toBe(404);
    expect(inEnglish.errors).toEqual([]);
    await inEnglish.close();
  });
});
