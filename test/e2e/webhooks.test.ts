import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { DEMO_BANK } from '../../src/seed/people.ts';
import { expectAccessible, signIn } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

const SHOTS = 'artifacts/screenshots/webhooks';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A system administrator registers the demo bank's webhook in Kazakh, then reads its page in Russian. */
describe("organisations' webhooks", () => {
  const demo = withDemoBrowser();

  it('registers a webhook without JavaScript-only steps, shows the secret once, and lists it', async () => {
    const kk = translator('kk');
    const ru = translator('ru');
    const context = await demo.browser.newContext();
    await context.addCookies([{ name: 'lang', value: 'kk', url: demo.server.url }]);
    const page = await context.newPage();
    await signIn(page, demo.server.url, kk, 'sysadmin');
    await page.goto(`${demo.server.url}/admin/webhooks`);
    await expectAccessible(page);
    await page.getByLabel(kk('webhooks.register.bin')).fill(DEMO_BANK.bin);
    await page.getByLabel(kk('webhooks.register.url')).fill('http://127.0.0.1:9/sot-events');
    await page.getByLabel('status_changed').check();
    await page.getByLabel('hearing_scheduled').check();
    await page.getByRole('button', { name: kk('webhooks.register.submit') }).click();
    await page.waitForLoadState();
    expect(await page.locator('.govuk-notification-banner').innerText()).toMatch(/whsec_[0-9a-f]{64}/);
    await expectAccessible(page);
    await shot(page, 'registered-kk');

    await context.addCookies([{ name: 'lang', value: 'ru', url: demo.server.url }]);
    await page.goto(`${demo.server.url}/admin/webhooks`);
    expect(await page.content()).not.toMatch(/whsec_/);
    await page.getByRole('link', { name: new RegExp(ru('webhooks.list.open')) }).first().click();
    await page.waitForLoadState();
    await expectAccessible(page);
    await shot(page, 'detail-ru');
    await context.close();
  });
});
