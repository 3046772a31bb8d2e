import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '../../src/i18n/index.ts';
import { withDemoBrowser } from './server.ts';

/**
 * The journey of issue "Sign in with an EDS": a demo person signs in with the in-browser demo
 * signer (the real challenge–response protocol over a PKCS#12 demo certificate), sees their
 * cabinet and signs out — in each language.
 */
describe('signing in with the demo signer', () => {
  const demo = withDemoBrowser();

  for (const lang of LANGUAGES) {
    it(`signs in, sees the cabinet and signs out (${lang})`, async () => {
      const t = translator(lang);
      const context = await demo.browser.newContext();
      await context.addCookies([{ name: 'lang', value: lang, url: demo.server.url }]);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${demo.server.url}/login`);
      await page.getByRole('button', { name: t('login.demo.button') }).waitFor();
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);

      await page.getByLabel(t('login.demo.user')).selectOption('citizen');
      await Promise.all([page.waitForURL('**/cabinet'), page.getByRole('button', { name: t('login.demo.button') }).click()]);
      expect(await page.locator('h1').innerText()).toBe(t('cabinet.title'));
      expect(await page.locator('table.govuk-table tbody tr').count()).toBeGreaterThan(0);
      expect(await page.getByText(t('layout.signedInAs', { name: 'Нұрланова Айгерім Серікқызы' })).count()).toBe(1);

      await Promise.all([page.waitForURL(`${demo.server.url}/`), page.getByRole('button', { name: t('layout.signOut') }).click()]);
      await page.goto(`${demo.server.url}/cabinet`);
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('shows a translated error when the demo certificate password is wrong', async () => {
    const t = translator('ru');
    const context = await demo.browser.newContext();
    await context.addCookies([{ name: 'lang', value: 'ru', url: demo.server.url }]);
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/login`);
    await page.getByLabel(t('login.demo.password')).fill('wrong');
    await page.getByRole('button', { name: t('login.demo.button') }).click();
    await page.locator('[data-signin-error]:not([hidden])').waitFor();
    expect(await page.locator('[data-signin-error-text]').innerText()).toBe(t('login.demo.wrongPassword'));
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('refuses the signing key at sign-in and tells the person, in their language, to choose the authentication key', async () => {
    const t = translator('kk');
    const context = await demo.browser.newContext();
    await context.addCookies([{ name: 'lang', value: 'kk', url: demo.server.url }]);
    // The person picks the wrong one of their two key files: the signing key where the authentication key belongs.
    await context.route('**/dev/pki/citizen.auth.p12', (route) => route.continue({ url: route.request().url().replace('.auth.p12', '.sign.p12') }));
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/login`);
    await page.getByLabel(t('login.demo.user')).selectOption('citizen');
    await page.getByRole('button', { name: t('login.demo.button') }).click();
    await page.locator('[data-signin-error]:not([hidden])').waitFor();
    expect(await page.locator('[data-signin-error-text]').innerText()).toBe(t('error.signingKeyAtSignIn'));
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });
});
