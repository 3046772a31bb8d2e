import { mkdirSync } from 'node:fs';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caseDeadlines, cases, filings, users } from '../../src/db/schema/index.ts';
import type { IsoDay } from '../../src/domain/calendar/holidays.ts';
import { addCalendarDays } from '../../src/domain/calendar/workingDays.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import { DEMO_COURTS } from '../../src/seed/courts.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { urls } from '../../src/urls.ts';
import { demoCaseAt } from './demoSessions.ts';
import { expectAccessible, pageIn, signIn } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

const SHOTS = '/tmp/shots-appeals';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const courtName = (code: string, index: 0 | 1 | 2) => DEMO_COURTS.find((c) => c.code === code)!.names[index];

/**
 * An appeal from filing to the appellate judge, in a real browser, every page through axe: the
 * party files it in Russian through the court that decided and its talon names both courts; that
 * court's clerk, in Kazakh, cannot send the case up while the term runs and sends it after; the
 * appellate court's clerk registers it in English; its judge sees appellant and respondent.
 */
describe('an appeal goes up through the court that decided', () => {
  const demo = withDemoBrowser();

  it('is filed in Russian, sent up in Kazakh after the term, registered in English and reaches the appellate judge', async () => {
    const db = demo.server.database.db;
    const caseId = await demoCaseAt(db, 'citizen', 'appeal_window');
    const [lower] = await db.select({ number: cases.number }).from(cases).where(eq(cases.id, caseId));

    // The party, in Russian: the appeal's pages say no duty is due and which courts it goes through.
    const party = await pageIn(demo.browser, demo.server.url, 'ru');
    const { page, t: ru } = party;
    await signIn(page, demo.server.url, ru, 'citizen');
    await page.goto(`${demo.server.url}${urls.newFiling({ type: 'appeal', case: lower!.number! })}`);
    await Promise.all([page.waitForURL(/\/claim$/), page.getByRole('button', { name: ru('filing.start.submit') }).click()]);
    await page.getByLabel(ru('filing.claim.text'), { exact: true }).fill('Прошу отменить решение суда первой инстанции и принять новое решение об отказе в иске.');
    await Promise.all([page.waitForURL(/\/attachments$/), page.getByRole('button', { name: ru('filing.continue') }).click()]);
    await Promise.all([page.waitForURL(/\/duty$/), page.getByRole('button', { name: ru('filing.continue') }).click()]);
    await expectAccessible(page);
    expect(await page.locator('[data-duty]').innerText()).toContain(ru('appeals.duty.notDue'));
    expect(await page.locator('select[name="exemption"]').count()).toBe(0);
    await shot(page, '1-appeal-duty-ru');
    await Promise.all([page.waitForURL(/\/check$/), page.getByRole('button', { name: ru('filing.continue') }).click()]);
    await Promise.all([page.waitForURL(/\/talon$/), page.getByRole('button', { name: ru('filing.check.sign.demo') }).click()]);
    await expectAccessible(page);
    const talon = await page.locator('main').innerText();
    expect(talon).toContain(ru('appeals.talon.filedThrough'));
    expect(talon).toContain(courtName('7517', 1));
    expect(talon).toContain(ru('appeals.talon.heardBy'));
    expect(talon).toContain(courtName('7599', 1));
    expect(await page.locator('[data-talon-number]').innerText()).toMatch(/^7517-/);
    await shot(page, '2-appeal-talon-ru');
    await party.close();

    const [appeal] = await db.select({ id: filings.id }).from(filings).where(and(eq(filings.caseId, caseId), eq(filings.type, 'appeal'), eq(filings.channel, 'portal'), isNotNull(filings.talonNumber)));

    // The first court's clerk, in Kazakh: the term still runs, so the case stays.
    const office = await pageIn(demo.browser, demo.server.url, 'kk');
    const kk = office.t;
    await signIn(office.page, demo.server.url, kk, 'clerk-7517');
    await office.page.goto(`${demo.server.url}${urls.officeFiling(appeal!.id)}`);
    await expectAccessible(office.page);
    await office.page.getByRole('button', { name: kk('appeals.office.submit') }).click();
    await office.page.waitForLoadState();
    expect(await office.page.locator('.govuk-error-summary').innerText()).toContain('Істі апелляциялық сатыдағы сотқа әзірге жіберуге болмайды');
    await expectAccessible(office.page);
    await shot(office.page, '3-forward-refused-kk');

    // The term has ended for every party: the case goes up with the appeal.
    const ended = addCalendarDays(courtDateIso(new Date()) as IsoDay, -1);
    await db.update(caseDeadlines).set({ dueOn: ended }).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, 'appeal')));
    await office.page.goto(`${demo.server.url}${urls.officeFiling(appeal!.id)}`);
    await Promise.all([office.page.waitForURL(/done=forwarded/), office.page.getByRole('button', { name: kk('appeals.office.submit') }).click()]);
    await expectAccessible(office.page);
    expect(await office.page.locator('main').innerText()).toContain(kk('appeals.office.done'));
    await shot(office.page, '4-forwarded-kk');
    await office.close();

    // The appellate court's clerk, in English, registers it like any new case.
    const [review] = await db.select({ id: cases.id }).from(cases).where(eq(cases.parentCaseId, caseId));
    expect(review, 'the appellate case').toBeDefined();
    const city = await pageIn(demo.browser, demo.server.url, 'en');
    const en = city.t;
    await signIn(city.page, demo.server.url, en, 'clerk-7599');
    await city.page.goto(`${demo.server.url}${urls.registry()}`);
    await expectAccessible(city.page);
    await shot(city.page, '5-appellate-queue-en');
    await city.page.locator(`form[action="${urls.registerCase(review!.id)}"] button`).click();
    await city.page.waitForLoadState();
    const [registered] = await db.select({ number: cases.number, status: cases.status, judgeId: cases.judgeId }).from(cases).where(eq(cases.id, review!.id));
    expect(registered!.number).toMatch(/^7599-\d{2}-00-2а\//);
    await city.close();

    // The appellate judge sees who appealed.
    const [judge] = await db.select({ iin: users.iin }).from(users).where(eq(users.id, registered!.judgeId!));
    const handle = demoPeople().find((p) => p.iin === judge!.iin)!.handle;
    const bench = await pageIn(demo.browser, demo.server.url, 'en');
    await signIn(bench.page, demo.server.url, en, handle);
    await bench.page.goto(`${demo.server.url}${urls.judgeCase(review!.id)}`);
    await expectAccessible(bench.page);
    const judgePage = await bench.page.locator('main').innerText();
    expect(judgePage).toContain('Appellant (claimant at first instance)');
    expect(judgePage).toContain('Respondent (defendant at first instance)');
    expect(judgePage).toContain(`Appeal against the decision in case ${lower!.number}`);
    await shot(bench.page, '6-appellate-judge-en');
    await bench.close();
  });
});
