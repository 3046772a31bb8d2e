import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '../../src/i18n/index.ts';
import { DEMO_COURTS } from '../../src/seed/courts.ts';
import { DEMO_COMPANY } from '../../src/seed/people.ts';
import { expectAccessible, signIn } from './journeys.ts';
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
      // As after a newcomer's first start, the citizen has no key yet: the signer's request issues it.
      for (const file of ['citizen.auth.p12', 'citizen.auth.pem']) rmSync(path.join(demo.server.dataDir, 'pki', 'users', file), { force: true });
      await page.goto(`${demo.server.url}/login`);
      await page.getByRole('button', { name: t('login.demo.button') }).waitFor();
      await expectAccessible(page);

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

  it('takes court staff to where they work, not to a party\'s cabinet', async () => {
    const t = translator('kk');
    for (const [handle, landing, heading] of [
      ['clerk-7517', '/court/registry', t('court.registry.title')],
      ['judge-7517-1', '/court/judges', null],
      ['sysadmin', '/admin/roles', null],
    ] as const) {
      const context = await demo.browser.newContext();
      await context.addCookies([{ name: 'lang', value: 'kk', url: demo.server.url }]);
      const page = await context.newPage();
      await signIn(page, demo.server.url, t, handle);
      expect(new URL(page.url()).pathname, handle).toBe(landing);
      if (heading) expect(await page.locator('h1').innerText()).toContain(heading);
      mkdirSync('artifacts/screenshots', { recursive: true });
      await page.screenshot({ path: `artifacts/screenshots/kk-landing-${handle}.png`, fullPage: true });
      await context.close();
    }
  });

  it('tells the company’s employee that they file for it only as its representative with a power of attorney (ru)', async () => {
    const lang = 'ru';
    const t = translator(lang);
    const company = DEMO_COMPANY;
    const context = await demo.browser.newContext();
    await context.addCookies([{ name: 'lang', value: lang, url: demo.server.url }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await signIn(page, demo.server.url, t, 'company-employee');
    expect(await page.locator('[data-entity-standing]').getAttribute('data-entity-standing')).toBe('employee');
    expect(await page.locator('[data-entity-standing]').innerText()).toBe(t('cabinet.entity.employee', { name: company.name, bin: company.bin }));
    await page.goto(`${demo.server.url}/profile`);
    expect(await page.locator('.govuk-summary-list').first().innerText()).toContain(t('entity.standing.employee', { name: company.name }));

    // A claim for the company: the form says how, and the check page asks for the power of attorney.
    await page.goto(`${demo.server.url}/cabinet`);
    await Promise.all([page.waitForURL('**/cabinet/filings/new'), page.getByRole('button', { name: t('cabinet.filings.new') }).click()]);
    await page.getByLabel(t('filing.type.claim'), { exact: true }).check();
    await Promise.all([page.waitForURL(/\/court$/), page.getByRole('button', { name: t('filing.start.submit') }).click()]);
    const medeu = DEMO_COURTS.find((c) => c.code === '7517')!.names[1];
    await page.getByLabel(t('filing.court.label'), { exact: true }).selectOption({ label: medeu });
    await Promise.all([page.waitForURL(/\/category$/), page.getByRole('button', { name: t('filing.continue') }).click()]);
    await page.getByLabel(t('category.property'), { exact: true }).check();
    await page.getByLabel(t('filing.claimantType.legal'), { exact: true }).check();
    await Promise.all([page.waitForURL(/\/parties$/), page.getByRole('button', { name: t('filing.continue') }).click()]);
    await expectAccessible(page);
    expect(await page.locator('[data-employee-notice]').innerText()).toBe(t('filing.parties.asEmployee', { name: company.name, bin: company.bin }));

    await page.getByLabel(t('filing.party.side.claimant'), { exact: true }).check();
    await page.getByLabel(t('filing.party.kind.legal'), { exact: true }).check();
    await page.getByLabel(t('filing.party.name'), { exact: true }).fill(company.name);
    await page.getByLabel(t('filing.party.identifier'), { exact: true }).fill(company.bin);
    await Promise.all([page.waitForURL(/\/parties$/), page.getByRole('button', { name: t('filing.parties.addButton') }).click()]);
    const filingId = /\/cabinet\/filings\/([^/]+)\/parties$/.exec(new URL(page.url()).pathname)![1]!;
    await page.goto(`${demo.server.url}/cabinet/filings/${filingId}/check`);
    expect(await page.locator('body').innerText()).toContain(t('filing.missing.powerOfAttorney'));
    expect(errors).toEqual([]);
    await context.close();
  });

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
