import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { GROUND_ARTICLE } from '../../src/domain/admission.ts';
import { translator } from '../../src/i18n/index.ts';
import { citeArticle } from '../../src/i18n/legalReference.ts';
import { expectAccessible, fileClaim, handleOf, signIn, signOut, type T } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

/**
 * The judge returns a defective claim (CPC Art. 152) choosing the ground from the Code's list, in
 * Russian; the claimant reads the return, its ground and what they may do next, in English. The
 * judge's page offers no "without motion" for a claim. Every page on the way passes axe.
 */
describe('a defective claim returned by its judge', () => {
  const demo = withDemoBrowser();

  async function useLanguage(page: Page, lang: 'ru' | 'en') {
    await page.context().addCookies([{ name: 'lang', value: lang, url: demo.server.url }]);
  }

  async function register(page: Page, t: T, talonNumber: string): Promise<{ number: string; judge: string }> {
    await page.goto(`${demo.server.url}/court/registry`);
    await Promise.all([page.waitForURL(/\/court\/registry\?registered=/), page.locator('tr', { hasText: talonNumber }).getByRole('button', { name: new RegExp(t('court.registry.register')) }).click()]);
    const template = t('court.registry.registered').replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{number}', '(\\S+)').replace('{judge}', '(.+)');
    const match = new RegExp(template).exec(await page.locator('.govuk-notification-banner').innerText());
    expect(match, 'the registration banner').not.toBeNull();
    return { number: match![1]!, judge: match![2]!.trim() };
  }

  it('is returned by the judge in Russian and read by the claimant in English', async () => {
    const en = translator('en');
    const ru = translator('ru');
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // The citizen files a claim; the court office registers it and a judge is drawn.
    await useLanguage(page, 'en');
    await signIn(page, demo.server.url, en, 'citizen');
    const talonNumber = await fileClaim(page, en, 'en');
    await signOut(page, demo.server.url, en);
    await signIn(page, demo.server.url, en, 'clerk-7517');
    const { number, judge } = await register(page, en, talonNumber);
    await signOut(page, demo.server.url, en);

    // The judge, in Russian, returns it: the claim is not within this court's jurisdiction.
    await useLanguage(page, 'ru');
    await signIn(page, demo.server.url, ru, handleOf(judge));
    await page.goto(`${demo.server.url}/judge/cases`);
    const section = page.locator('section', { hasText: number });
    expect(await section.locator('form[action$="/leave-without-motion"]').count()).toBe(0);
    await section.locator('summary', { hasText: ru('judge.return') }).click();
    await section.locator('summary', { hasText: ru('admission.refuse') }).click();
    await expectAccessible(page);
    const returnForm = section.locator('form[action$="/return"]');
    await returnForm.getByLabel(`${citeArticle(GROUND_ARTICLE.jurisdiction, 'ru')}: ${ru('admission.ground.jurisdiction')}`, { exact: true }).check();
    await returnForm.getByLabel(ru('admission.return.reasons'), { exact: true }).fill('Ответчик проживает в Алмалинском районе: обратитесь в Алмалинский районный суд г. Алматы.');
    await Promise.all([page.waitForURL(/decided=returned/), returnForm.locator('button[type=submit]').click()]);
    await expectAccessible(page);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(ru('status.returned'));
    await signOut(page, demo.server.url, ru);

    // The claimant, in English, sees the claim returned, with the ground and what they may do next.
    await useLanguage(page, 'en');
    await signIn(page, demo.server.url, en, 'citizen');
    await Promise.all([page.waitForURL(/\/cabinet\/cases\//), page.getByRole('link', { name: number }).click()]);
    await expectAccessible(page);
    expect(await page.locator('.govuk-tag', { hasText: en('status.returned') }).count()).toBe(1);
    const ruling = await page.locator('#admission-ruling').innerText();
    expect(ruling).toContain(en('admission.party.ground', { article: GROUND_ARTICLE.jurisdiction, ground: en('admission.ground.jurisdiction') }));
    expect(ruling).toContain('Алмалинский районный суд');
    expect(ruling).toContain(en('admission.party.returnedClaim'));
    expect(errors).toEqual([]);
    await context.close();
  });
});
