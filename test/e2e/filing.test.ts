import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '../../src/i18n/index.ts';
import { SAMPLE_FILES } from '../support/filing.ts';
import { testIin } from '../support/pki.ts';
import { expectAccessible, pageIn, fileClaim, signIn, signOut } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

/**
 * The heart of the Court Cabinet in a real browser: a demo citizen signs in, files a property
 * claim with two attachments step by step, sees the duty computed, signs with the demo
 * certificate, gets the talon and its PDF, pays by card through the stand-in acquirer (with a
 * 3-D Secure step) and checks the talon by its QR link; and, in a second journey, pays with a
 * payment document that the court's clerk verifies. Every page passes axe.
 */
describe('filing a claim', () => {
  const demo = withDemoBrowser();

  /** The duty status on the talon page, waiting for the acquirer's callback if it is still on its way. */
  async function dutyStatusBecomes(page: Page, talonUrl: string, status: string) {
    for (let attempt = 0; attempt < 20; attempt++) {
      await page.goto(talonUrl);
      if ((await page.locator('[data-duty-status]').getAttribute('data-duty-status')) === status) return;
      await page.waitForTimeout(250);
    }
    expect(await page.locator('[data-duty-status]').getAttribute('data-duty-status')).toBe(status);
  }

  for (const lang of LANGUAGES) {
    it(`files a property claim with two attachments, pays by card and gets the talon (${lang})`, async () => {
      const t = translator(lang);
      const { page, errors, close } = await pageIn(demo.browser, demo.server.url, lang);

      await signIn(page, demo.server.url, t, 'citizen');
      const talonNumber = await fileClaim(page, t, lang);
      const talonUrl = page.url();
      const pdf = await page.request.get(`${demo.server.url}${await page.getByRole('link', { name: t('filing.talon.pdf') }).getAttribute('href')}`);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const verifyUrl = await page.locator('figure.sot-qr a').getAttribute('href');

      // Pay through the stand-in acquirer's hosted page, with the 3-D Secure step.
      await Promise.all([page.waitForURL(/\/pay$/), page.getByRole('button', { name: t('filing.talon.pay') }).click()]);
      await expectAccessible(page);
      await Promise.all([page.waitForURL(/\/sandbox\/acquirer\/pay/), page.getByRole('button', { name: t('payments.card.submit') }).click()]);
      await expectAccessible(page);
      await page.getByLabel(t('payments.sandbox.card.number'), { exact: true }).fill('4000 0000 0000 3220');
      await page.getByLabel(t('payments.sandbox.card.expiry'), { exact: true }).fill('12/30');
      await page.getByLabel(t('payments.sandbox.card.cvc'), { exact: true }).fill('123');
      await page.getByLabel(t('payments.sandbox.card.holder'), { exact: true }).fill('AIGERIM NURLANOVA');
      await Promise.all([page.waitForURL(/\/3ds/), page.getByRole('button', { name: new RegExp(t('payments.sandbox.pay.submit').replace('{amount}', '.+')) }).click()]);
      await expectAccessible(page);
      await page.getByLabel(t('payments.sandbox.threeDs.code'), { exact: true }).fill('123456');
      await Promise.all([page.waitForURL(/\/payment\?order=/), page.getByRole('button', { name: t('payments.sandbox.threeDs.submit') }).click()]);
      await expectAccessible(page);
      await dutyStatusBecomes(page, talonUrl, 'paid');
      expect(await page.getByRole('button', { name: t('filing.talon.pay') }).count()).toBe(0);

      await page.goto(verifyUrl!);
      await expectAccessible(page);
      expect(await page.locator('h1').innerText()).toBe(t('verify.genuine'));
      expect(await page.locator('.govuk-panel__body').innerText()).toBe(talonNumber);
      expect(errors).toEqual([]);
      await close();
    });
  }

  it('pays by a payment document that a clerk verifies, once: the same scan is refused for another filing, and its details again are flagged to the clerk; then the case is registered and distributed', async () => {
    const lang = 'ru';
    const t = translator(lang);
    const { page, close } = await pageIn(demo.browser, demo.server.url, lang);

    await signIn(page, demo.server.url, t, 'citizen');
    const talonNumber = await fileClaim(page, t, lang);
    const talonUrl = page.url();
    const scan = SAMPLE_FILES.png();
    const fillDocument = async (buffer: Buffer) => {
      await page.getByLabel(t('payments.document.number'), { exact: true }).fill('ПП-000451');
      await page.getByLabel(t('payments.document.date.day'), { exact: true }).fill('20');
      await page.getByLabel(t('payments.document.date.month'), { exact: true }).fill('11');
      await page.getByLabel(t('payments.document.date.year'), { exact: true }).fill('2026');
      await page.getByLabel(t('payments.document.amount'), { exact: true }).fill('15000');
      await page.getByLabel(t('payments.document.payer'), { exact: true }).fill(testIin(9811));
      await page.getByLabel(t('payments.document.file'), { exact: true }).setInputFiles({ name: 'квитанция.png', mimeType: 'image/png', buffer });
    };
    await Promise.all([page.waitForURL(/\/pay$/), page.getByRole('button', { name: t('filing.talon.pay') }).click()]);
    await fillDocument(scan);
    await Promise.all([page.waitForURL(/\/talon$/), page.getByRole('button', { name: t('payments.document.submit') }).click()]);
    expect(await page.locator('[data-duty-status]').getAttribute('data-duty-status')).toBe('document_pending');

    // A second claim cannot be paid with the same scan; another scan of the same details goes to the clerk flagged.
    await page.goto(`${demo.server.url}/cabinet`);
    const secondTalon = await fileClaim(page, t, lang);
    await Promise.all([page.waitForURL(/\/pay$/), page.getByRole('button', { name: t('filing.talon.pay') }).click()]);
    await fillDocument(scan);
    await page.getByRole('button', { name: t('payments.document.submit') }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(t('payments.error.documentUsed'));
    await expectAccessible(page);
    await fillDocument(Buffer.concat([scan, Buffer.from('another photo of the same receipt')]));
    await Promise.all([page.waitForURL(/\/talon$/), page.getByRole('button', { name: t('payments.document.submit') }).click()]);
    await signOut(page, demo.server.url, t);

    await signIn(page, demo.server.url, t, 'clerk-7517');
    await Promise.all([page.waitForURL('**/court/registry'), page.getByRole('link', { name: t('layout.nav.court') }).click()]);
    await Promise.all([page.waitForURL('**/court/payments'), page.getByRole('link', { name: t('payments.queue.title') }).click()]);
    await expectAccessible(page);
    const flagged = page.locator('tr', { hasText: secondTalon });
    expect(await flagged.innerText()).toContain(t('payments.queue.duplicate'));
    expect(await flagged.getByRole('link', { name: t('payments.queue.duplicate.talon', { talon: talonNumber }) }).getAttribute('href')).toMatch(/^\/court\/filings\//);
    await flagged.getByRole('button', { name: new RegExp(t('payments.queue.confirmSubmit')) }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(t('payments.error.duplicateUnconfirmed'));
    await expectAccessible(page);
    await page.locator('tr', { hasText: secondTalon }).getByLabel(t('payments.queue.confirm')).fill('Два платежа в один день, банк подтвердил письмом');
    await Promise.all([page.waitForURL(/\/court\/payments\?done=verified/), page.locator('tr', { hasText: secondTalon }).getByRole('button', { name: new RegExp(t('payments.queue.confirmSubmit')) }).click()]);
    const row = page.locator('tr', { hasText: talonNumber });
    await Promise.all([page.waitForURL(/\/court\/payments\?done=verified/), row.getByRole('button', { name: new RegExp(t('payments.queue.verify')) }).click()]);
    await expectAccessible(page);
    expect(await page.locator('tr', { hasText: talonNumber }).count()).toBe(0);

    // The same clerk registers the case: a number, and a judge by automatic distribution.
    await Promise.all([page.waitForURL('**/court/registry'), page.getByRole('link', { name: t('layout.nav.court') }).click()]);
    await expectAccessible(page);
    await Promise.all([page.waitForURL(/\/court\/registry\?registered=/), page.locator('tr', { hasText: talonNumber }).getByRole('button', { name: new RegExp(t('court.registry.register')) }).click()]);
    await expectAccessible(page);
    const caseNumber = /7517-\d{2}-00-2\/\d+/.exec(await page.locator('.govuk-notification-banner').innerText())![0];
    await signOut(page, demo.server.url, t);

    await signIn(page, demo.server.url, t, 'citizen');
    await page.goto(talonUrl);
    expect(await page.locator('[data-duty-status]').getAttribute('data-duty-status')).toBe('verified');
    await page.goto(`${demo.server.url}/cabinet`);
    await Promise.all([page.waitForURL(/\/cabinet\/cases\//), page.getByRole('link', { name: caseNumber }).click()]);
    await Promise.all([page.waitForURL(/\/distribution$/), page.getByRole('link', { name: t('distribution.link') }).click()]);
    await expectAccessible(page);
    await page.locator('[data-distribution-verified]').waitFor();
    await close();
  });
});
