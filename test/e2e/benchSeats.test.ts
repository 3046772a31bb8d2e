import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { expectAccessible, pageIn, signIn, signOut } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

const SHOTS = 'artifacts/screenshots/bench-seats';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/**
 * Two system administrators seat a judge in English: the first proposes, the page offers them no
 * Confirm; the second confirms, and the person's page tells who did what and when.
 */
describe('seating a judge takes two system administrators', () => {
  const demo = withDemoBrowser();

  it('one proposes a judge, a second confirms, and the person’s page keeps the history', async () => {
    const en = translator('en');
    const person = demoPeople().find((p) => p.handle === 'citizen4')!;
    const [first, second] = ['sysadmin', 'sysadmin2'].map((handle) => demoPeople().find((p) => p.handle === handle)!);
    const { page, close } = await pageIn(demo.browser, demo.server.url, 'en');

    await signIn(page, demo.server.url, en, 'sysadmin');
    await page.goto(`${demo.server.url}/admin/roles`);
    await page.locator('#iin').fill(person.iin);
    await page.locator('#role').selectOption('judge');
    await page.locator('#court').fill('7517');
    await Promise.all([page.waitForURL(/done=proposed/), page.getByRole('button', { name: en('admin.roles.submit') }).click()]);
    expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain(en('duties.notice.proposed'));
    const pending = page.locator('table', { has: page.locator('caption', { hasText: en('duties.pending.title') }) });
    expect(await pending.innerText()).toContain(person.fullName);
    // The proposer is told another administrator confirms it, and has no Confirm button.
    expect(await pending.innerText()).toContain(en('duties.pending.yours'));
    expect(await pending.getByRole('button', { name: new RegExp(`^${en('duties.pending.confirm')}`) }).count()).toBe(0);
    await expectAccessible(page);
    await shot(page, 'proposed-en');
    await signOut(page, demo.server.url, en);

    await signIn(page, demo.server.url, en, 'sysadmin2');
    await page.goto(`${demo.server.url}/admin/roles`);
    await Promise.all([page.waitForURL(/done=confirmed/), page.getByRole('button', { name: `${en('duties.pending.confirm')} ${person.fullName}` }).click()]);
    expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain(en('duties.notice.confirmed'));
    expect(await page.locator('table', { has: page.locator('caption', { hasText: en('duties.pending.title') }) }).count()).toBe(0);
    await expectAccessible(page);

    await Promise.all([page.waitForURL(/\/admin\/people\//), page.getByRole('link', { name: person.fullName }).first().click()]);
    expect(await page.locator('h1').innerText()).toBe(person.fullName);
    const current = await page.locator('table', { has: page.locator('caption', { hasText: en('person.roles') }) }).innerText();
    expect(current).toContain(en('role.judge'));
    expect(current).toContain(en('person.confirmedBy', { granted: first!.fullName, confirmed: second!.fullName }));
    const history = await page.locator('table', { has: page.locator('caption', { hasText: en('person.history') }) }).innerText();
    expect(history).toContain(en('person.event.proposed'));
    expect(history).toContain(en('person.event.confirmed'));
    expect(await page.locator('body').innerText()).not.toContain(person.iin);
    await expectAccessible(page);
    await shot(page, 'person-en');
    await signOut(page, demo.server.url, en);
    await close();
  });
});
