import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { courtDateIso } from '../../src/i18n/format.ts';
import { translator } from '../../src/i18n/index.ts';
import { expectAccessible, signIn, signOut } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

const SHOTS = 'artifacts/screenshots/reference';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/**
 * The values of the law in a real browser: a visitor counts an appeal term in Kazakh; a system
 * administrator, warned in Russian that next year's MCI is missing, enters it, and the next duty
 * quote for that year is priced with it.
 */
describe('reference values and the term calculator', () => {
  const demo = withDemoBrowser();

  it('counts a term for a visitor, without signing in', async () => {
    const kk = translator('kk');
    const context = await demo.browser.newContext();
    await context.addCookies([{ name: 'lang', value: 'kk', url: demo.server.url }]);
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/`);
    await Promise.all([page.waitForURL('**/terms'), page.getByRole('link', { name: kk('layout.nav.terms') }).click()]);
    await expectAccessible(page);
    await page.getByLabel(kk('terms.term.appeal'), { exact: true }).check();
    await page.locator('#from-day').fill('8');
    await page.locator('#from-month').fill('2');
    await page.locator('#from-year').fill('2026');
    await Promise.all([page.waitForURL(/term=appeal/), page.getByRole('button', { name: kk('terms.submit') }).click()]);
    // 8 February + 1 month is Sunday 8 March, a holiday; 9 March is its day off; so 10 March.
    expect(await page.locator('.govuk-panel__title').innerText()).toContain('10');
    expect(await page.locator('.govuk-panel__body').innerText()).toContain('403');
    await expectAccessible(page);
    await shot(page, 'terms-kk');

    // A wrong date is explained next to the field, in the same language.
    await page.locator('#from-day').fill('31');
    await Promise.all([page.waitForURL(/day=31/), page.getByRole('button', { name: kk('terms.submit') }).click()]);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(kk('terms.error.from'));
    await expectAccessible(page);
    await context.close();
  });

  it("warns the administrator of next year's missing MCI, takes it on the page, and the next quote uses it", async () => {
    const ru = translator('ru');
    const today = courtDateIso(new Date());
    const year = Number(today.slice(0, 4)) + (today.slice(5) >= '11-01' ? 1 : 0);
    const context = await demo.browser.newContext();
    await context.addCookies([{ name: 'lang', value: 'ru', url: demo.server.url }]);
    const page = await context.newPage();
    const quote = async () => (await context.request.get(`${demo.server.url}/api/v1/duty/quote?filingType=claim&claimantType=individual&category=divorce&date=${year}-06-15`)).json();

    const before = await quote();
    const known = !('error' in before);
    await signIn(page, demo.server.url, ru, 'sysadmin');
    if (!known) {
      expect(before.error.code).toBe('duty_mci_missing');
      // The banner is on the first page the administrator opens.
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain(ru('reference.gap.mci', { year }));
      await shot(page, 'banner-ru');
    }
    await page.goto(`${demo.server.url}/admin/reference`);
    await expectAccessible(page);
    await page.locator('#mci-year').fill(String(year));
    await page.locator('#mci-tenge').fill('4 700');
    await page.locator('#mci-basis').fill('ЗРК');
    await page.getByRole('button', { name: ru('reference.mci.submit') }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(ru('reference.error.basisRequired'));
    await expectAccessible(page);
    await page.locator('#mci-basis').fill(`Закон о республиканском бюджете на ${year}–${year + 2} годы, ст. 9`);
    await Promise.all([page.waitForURL(/saved=1/), page.getByRole('button', { name: ru('reference.mci.submit') }).click()]);
    expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain(ru('reference.saved'));
    expect(await page.locator('body').innerText()).not.toContain(ru('reference.gap.mci', { year }));
    expect(await page.locator('table').first().innerText()).toContain(`Закон о республиканском бюджете на ${year}`);
    await expectAccessible(page);
    await shot(page, 'admin-ru');

    // 0.3 MCI of the new value.
    expect(await quote()).toMatchObject({ mciKzt: 4_700, amountKzt: '1410.00' });

    // The same page in English, for a court administrator reading the calendar of that year.
    const en = translator('en');
    await context.addCookies([{ name: 'lang', value: 'en', url: demo.server.url }]);
    await page.goto(`${demo.server.url}/admin/reference?year=${year}`);
    await expectAccessible(page);
    await shot(page, 'admin-en');
    expect(await page.locator('body').innerText()).toContain(en('reference.calendar.title'));
    await signOut(page, demo.server.url, en);
    await context.close();
  });
});
