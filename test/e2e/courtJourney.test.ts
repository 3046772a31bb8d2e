import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { caseDeadlines, cases, filings } from '../../src/db/schema/index.ts';
import { addCalendarDays } from '../../src/domain/calendar/workingDays.ts';
import type { IsoDay } from '../../src/domain/calendar/holidays.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import { translator } from '../../src/i18n/index.ts';
import { urls } from '../../src/urls.ts';
import { expectAccessible, pageIn, fileClaim, handleOf, signIn, signOut, fillHearingSlot, type T } from './journeys.ts';
import { workingDayAhead } from '../support/workingDays.ts';
import { withDemoBrowser } from './server.ts';
import { openTodaysHearing } from './hearings.ts';

/**
 * A case from filing to the appellate court across every role, in a real browser: the citizen
 * files, the clerk registers (number and automatic distribution), the drawn judge accepts,
 * schedules a hearing and signs a decision with EDS; the citizen sees the timeline, the terms and
 * the decision's PDF and public check, and appeals; the regional court's clerk finds the
 * appellate case and registers it. Every page on the way passes axe.
 */
describe('a case through the court and up to the appellate court', () => {
  const demo = withDemoBrowser();

  async function registerIn(page: Page, t: T, rowText: string): Promise<{ number: string; judge: string }> {
    await page.goto(`${demo.server.url}/court/registry`);
    await expectAccessible(page);
    await Promise.all([page.waitForURL(/\/court\/registry\?registered=/), page.locator('tr', { hasText: rowText }).getByRole('button', { name: new RegExp(t('court.registry.register')) }).click()]);
    await expectAccessible(page);
    // The banner's sentence, with its two blanks read back out.
    const template = t('court.registry.registered').replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{number}', '(\\S+)').replace('{judge}', '(.+)');
    const match = new RegExp(template).exec(await page.locator('.govuk-notification-banner').innerText());
    expect(match, 'the registration banner').not.toBeNull();
    return { number: match![1]!, judge: match![2]!.trim() };
  }

  it('files, registers, decides, shows the decision and its terms, and takes an appeal to the regional court', async () => {
    const t = translator('en');
    const { page, errors, close } = await pageIn(demo.browser, demo.server.url, 'en');

    // The citizen files a claim.
    await signIn(page, demo.server.url, t, 'citizen');
    const talonNumber = await fileClaim(page, t, 'en');
    await signOut(page, demo.server.url, t);

    // The court office registers it: a number, and a judge drawn automatically.
    await signIn(page, demo.server.url, t, 'clerk-7517');
    const { number, judge } = await registerIn(page, t, talonNumber);
    expect(number).toMatch(/^7517-\d{2}-00-2\/\d+$/);
    await signOut(page, demo.server.url, t);

    // The drawn judge accepts the case, schedules a hearing and signs the decision.
    await signIn(page, demo.server.url, t, handleOf(judge));
    await page.goto(`${demo.server.url}/judge/cases`);
    await expectAccessible(page);
    await Promise.all([page.waitForURL(/decided=accepted/), page.locator('section', { hasText: number }).getByRole('button', { name: t('judge.accept') }).click()]);
    await Promise.all([page.waitForURL(/\/judge\/cases\/[0-9a-f-]+$/), page.getByRole('link', { name: number }).click()]);
    await expectAccessible(page);
    await fillHearingSlot(page, workingDayAhead(2), '10:00');
    await page.getByLabel(t('proceedings.hearing.room'), { exact: true }).fill('305');
    await Promise.all([page.waitForURL(/done=scheduled/), page.getByRole('button', { name: t('proceedings.hearing.schedule') }).click()]);
    await expectAccessible(page);
    // The hearing's day comes; the judge opens it and decides the case at it.
    await openTodaysHearing(page, demo.server.url, demo.server.database.db, /\/judge\/cases\/([0-9a-f-]+)/.exec(page.url())![1]!, t);
    await page.locator('form', { has: page.locator('#act-text') }).getByLabel(t('proceedings.decisionForm.final'), { exact: true }).check();
    await page.locator('#act-title').fill('Решение по иску о взыскании долга');
    await page.getByLabel(t('proceedings.acts.text'), { exact: true }).fill('Именем Республики Казахстан.\n\nСуд, рассмотрев дело, РЕШИЛ: иск удовлетворить, взыскать с ответчика 1 500 000 тенге.');
    await Promise.all([page.waitForURL(/done=drafted/), page.getByRole('button', { name: t('proceedings.acts.save') }).click()]);
    await expectAccessible(page);
    await Promise.all([page.waitForURL(/done=issued/), page.getByRole('button', { name: t('filing.check.sign.demo') }).click()]);
    await expectAccessible(page);
    expect(await page.locator('.govuk-tag', { hasText: t('status.appeal_window') }).count()).toBe(1);
    await signOut(page, demo.server.url, t);

    // The citizen sees the decision, its PDF and public check, the appeal term, and appeals.
    await signIn(page, demo.server.url, t, 'citizen');
    await Promise.all([page.waitForURL(/\/cabinet\/cases\//), page.getByRole('link', { name: number }).click()]);
    await expectAccessible(page);
    const casePage = await page.locator('main').innerText();
    expect(casePage).toContain('CPC Art. 403(3)');
    expect(casePage).toContain(t('proceedings.deadline.appeal'));
    expect(casePage).toContain(t('proceedings.decisionForm.final'));
    const pdfHref = await page.getByRole('link', { name: new RegExp(t('proceedings.acts.pdf')) }).getAttribute('href');
    const pdf = await page.request.get(`${demo.server.url}${pdfHref}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await Promise.all([page.waitForURL(/\/verify\//), page.getByRole('link', { name: new RegExp(t('proceedings.acts.check')) }).click()]);
    await expectAccessible(page);
    expect(await page.locator('h1').innerText()).toBe(t('proceedings.verify.genuine'));
    await page.goBack();
    await Promise.all([page.waitForURL(/\/cabinet\/filings\/new\?type=appeal/), page.getByRole('link', { name: t('proceedings.appeal.file') }).click()]);
    await expectAccessible(page);
    await Promise.all([page.waitForURL(/\/claim$/), page.getByRole('button', { name: t('filing.start.submit') }).click()]);
    await page.getByLabel(t('filing.claim.text'), { exact: true }).fill('Прошу отменить решение суда первой инстанции: суд не учёл частичное погашение долга.');
    await Promise.all([page.waitForURL(/\/attachments$/), page.getByRole('button', { name: t('filing.continue') }).click()]);
    await Promise.all([page.waitForURL(/\/duty$/), page.getByRole('button', { name: t('filing.continue') }).click()]);
    await Promise.all([page.waitForURL(/\/check$/), page.getByRole('button', { name: t('filing.continue') }).click()]);
    await expectAccessible(page);
    await Promise.all([page.waitForURL(/\/talon$/), page.getByRole('button', { name: t('filing.check.sign.demo') }).click()]);
    await page.goto(`${demo.server.url}/cabinet`);
    await Promise.all([page.waitForURL(/\/cabinet\/cases\//), page.getByRole('link', { name: number }).click()]);
    // The appeal waits in the court that decided until every party's term has ended (CPC Art. 405).
    expect(await page.locator('.govuk-tag', { hasText: t('status.appealed') }).count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain(t('proceedings.timeline.appealFiled'));
    await signOut(page, demo.server.url, t);

    // The term has ended: the Medeu District Court's office sends the case up with the appeal.
    const db = demo.server.database.db;
    const [decided] = await db.select({ id: cases.id }).from(cases).where(eq(cases.number, number));
    await db.update(caseDeadlines).set({ dueOn: addCalendarDays(courtDateIso(new Date()) as IsoDay, -1) }).where(and(eq(caseDeadlines.caseId, decided!.id), eq(caseDeadlines.kind, 'appeal')));
    const [appeal] = await db.select({ id: filings.id }).from(filings).where(and(eq(filings.caseId, decided!.id), eq(filings.type, 'appeal')));
    await signIn(page, demo.server.url, t, 'clerk-7517');
    await page.goto(`${demo.server.url}${urls.officeFiling(appeal!.id)}`);
    await Promise.all([page.waitForURL(/done=forwarded/), page.getByRole('button', { name: t('appeals.office.submit') }).click()]);
    await expectAccessible(page);
    await signOut(page, demo.server.url, t);

    // The appellate case waits at the Almaty City Court, which registers it with its own number.
    await signIn(page, demo.server.url, t, 'clerk-7599');
    const appellate = await registerIn(page, t, t('proceedings.registry.reviews', { number }));
    expect(appellate.number).toMatch(/^7599-\d{2}-00-2а\/\d+$/);
    expect(errors).toEqual([]);
    await close();
  });
});
