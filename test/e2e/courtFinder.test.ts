import { describe, expect, it } from 'vitest';
import { expectAccessible, pageIn } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

/**
 * The court finder in a browser: a visitor who does not know how a court's name is spelt
 * types it wrong, in Kazakh, Russian or English, and reaches the court's page.
 */
describe('court finder', () => {
  const demo = withDemoBrowser();

  it('lets a visitor find a court by a misspelt name in kk, ru and en', async () => {
    for (const [lang, misspelt, court] of [
      ['kk', 'Есил', 'Астана қаласы Есіл аудандық соты'],
      ['ru', 'Медеуский суд Алмвты', 'Медеуский районный суд города Алматы'],
      ['en', 'Bostandik Almati', 'Bostandyk District Court of Almaty'],
    ] as const) {
      const { page, t, close, errors } = await pageIn(demo.browser, demo.server.url, lang);
      await page.goto(`${demo.server.url}/`);
      await Promise.all([page.waitForURL('**/courts'), page.locator('.govuk-service-navigation').getByRole('link', { name: t('layout.nav.courts') }).click()]);
      await page.getByLabel(t('courts.finder.query'), { exact: true }).fill(misspelt);
      await Promise.all([page.waitForURL('**/courts?*'), page.getByRole('button', { name: t('courts.filter.submit') }).click()]);
      const results = page.locator('ol.sot-court-results > li');
      expect(await results.count(), lang).toBeGreaterThan(0);
      await expect.poll(() => results.first().getByRole('link').innerText(), { timeout: 1000 }).toBe(court);
      await expectAccessible(page);
      await Promise.all([page.waitForURL(/\/courts\/\d{4}$/), results.first().getByRole('link', { name: court }).click()]);
      expect(await page.locator('h1').innerText(), lang).toBe(court);
      expect(errors, lang).toEqual([]);
      await close();
    }
  });
});
