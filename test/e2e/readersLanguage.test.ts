import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { issueNoticeLink } from '../../src/auth/noticeLinks.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { queueNotice } from '../../src/commands/notices.ts';
import { cases, users } from '../../src/db/schema/index.ts';
import { composeReminder } from '../../src/jobs/deadlineReminders.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { urls } from '../../src/urls.ts';
import { demoActOf, demoCaseAt, demoSession } from './demoSessions.ts';
import { expectAccessible, pageIn } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

const SHOTS = process.env.SHOTS_DIR ?? 'artifacts/screenshots/readers-language';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/**
 * Legal references and notices in the reader's language, in a real browser: a Kazakh term's
 * citation, a notice written in Kazakh read in Russian and English, and the sign-in page a
 * notice's link leads to when signed out.
 */
describe('the reader’s language', () => {
  const demo = withDemoBrowser();

  it('cites the appeal term’s article in Kazakh on the term calculator', async () => {
    const { page, close, errors } = await pageIn(demo.browser, demo.server.url, 'kk');
    await page.goto(`${demo.server.url}${urls.terms({ term: 'appeal', day: '8', month: '2', year: '2026' })}`);
    const panel = await page.locator('.govuk-panel__body').innerText();
    expect(panel).toContain('ҚР АПК 403-бабының 3-бөлігі');
    expect(panel).not.toContain('CPC');
    await expectAccessible(page);
    await shot(page, 'kk-terms');
    expect(errors).toEqual([]);
    await close();
  });

  it('shows a notice queued in Kazakh in Russian and in English, its "new" tag apart from the title', async () => {
    const db = demo.server.database.db;
    const citizen = demoPeople().find((p) => p.handle === 'citizen')!;
    const [user] = await db.select().from(users).where(eq(users.iin, citizen.iin));
    const caseId = await demoCaseAt(db, 'citizen', 'appeal_window');
    const [row] = await db.select({ number: cases.number }).from(cases).where(eq(cases.id, caseId));
    await db.transaction((tx) =>
      queueNotice(
        tx,
        { ...user!, language: 'kk' },
        { event: 'deadline_reminder', aboutId: crypto.randomUUID(), caseId, link: urls.cabinetCase(caseId), legallyRequired: false, compose: composeReminder({ kind: 'appeal', number: row!.number!, dueOn: '2026-12-21', days: 3 }) },
        new Date(),
      ),
    );
    const session = await demoSession(db, 'citizen');
    const expected = { ru: `Апелляционная жалоба по делу ${row!.number}`, en: `Appeal in case ${row!.number}` };
    for (const lang of ['ru', 'en'] as const) {
      const { page, t, close, errors } = await pageIn(demo.browser, demo.server.url, lang);
      await page.context().addCookies([{ name: SESSION_COOKIE, value: session, url: demo.server.url }]);
      await page.goto(`${demo.server.url}${urls.notifications()}`);
      const first = page.locator('.sot-notifications li').first();
      const heading = await first.locator('h2').innerText();
      expect(heading).toContain(expected[lang]);
      // The tag and the title are two words to the eye and to a screen reader.
      expect(heading.startsWith(`${t('notifications.new')}`)).toBe(true);
      expect(await first.locator('h2').textContent()).toMatch(new RegExp(`^${t('notifications.new')}: \\S`));
      await shot(page, `${lang}-notifications`);
      // The title's first line starts clear of the tag (a long title wraps under it).
      const gap = await first.evaluate((li) => {
        const tag = li.querySelector('.govuk-tag')!.getBoundingClientRect();
        const line = li.querySelector('h2 > span')!.getClientRects()[0]!;
        return line.top >= tag.bottom ? Infinity : line.left - tag.right;
      });
      expect(gap).toBeGreaterThanOrEqual(5);
      expect(await first.innerText()).not.toContain('Апелляциялық');
      await expectAccessible(page);
      expect(errors).toEqual([]);
      await close();
    }
  });

  it('says on the sign-in page that a notice’s link led there, without naming the case', async () => {
    const db = demo.server.database.db;
    const caseId = await demoCaseAt(db, 'citizen', 'appeal_window');
    const documentId = await demoActOf(db, caseId);
    const link = await db.transaction((tx) => issueNoticeLink(tx, urls.caseDocument(caseId, documentId), new Date(), demo.server.app.config.sessionSecret));
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const { page, t, close, errors } = await pageIn(demo.browser, demo.server.url, lang);
      await page.goto(`${demo.server.url}${link.path}`);
      expect(new URL(page.url()).pathname).toBe('/login');
      const reason = page.locator('[data-notice-reason]');
      expect(await reason.innerText()).toContain(t('login.fromNotice.title'));
      expect(await reason.innerText()).toContain(t('login.fromNotice.document'));
      const [row] = await db.select({ number: cases.number }).from(cases).where(eq(cases.id, caseId));
      expect(await page.locator('main').innerText()).not.toContain(row!.number!);
      await expectAccessible(page);
      await shot(page, `${lang}-notice-sign-in`);
      expect(errors).toEqual([]);
      await close();
    }
  });
});
