import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { translator, type Lang } from '../../src/i18n/index.ts';
import { DEMO_COURTS } from '../../src/seed/courts.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { SAMPLE_FILES } from '../support/filing.ts';
import type { IsoDay } from '../../src/domain/calendar/workingDays.ts';
import { axeViolations, preloadAxe } from './axe.ts';

/** Steps the browser journeys share: accessibility checks, signing in and out, filing a claim. */

const LANG_INDEX: Record<Lang, number> = { kk: 0, ru: 1, en: 2 };

export async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

async function continueTo(page: Page, t: ReturnType<typeof translator>, path: RegExp) {
  await Promise.all([page.waitForURL(path), page.getByRole('button', { name: t('filing.continue') }).click()]);
}

export type T = ReturnType<typeof translator>;

/** The demo person whose name a page shows, for signing in as them. */
export function handleOf(fullName: string): string {
  const person = demoPeople().find((p) => p.fullName === fullName);
  if (!person) throw new Error(`no demo person named ${fullName}`);
  return person.handle;
}

/** Types a hearing's day into the scheduling form's three date boxes and picks its time. */
export async function fillHearingSlot(page: Page, day: IsoDay, time: string, prefix = 'hearing'): Promise<void> {
  const [year, month, date] = day.split('-') as [string, string, string];
  await page.locator(`#${prefix}-date`).fill(String(Number(date)));
  await page.locator(`#${prefix}-date-month`).fill(String(Number(month)));
  await page.locator(`#${prefix}-date-year`).fill(year);
  await page.locator(`#${prefix}-time`).selectOption(time);
}

/** A fresh browser context in `lang` at the portal `url`, and a page in it that collects script errors. */
export async function pageIn(browser: Browser, url: string, lang: Lang): Promise<{ page: Page; t: T; close: () => Promise<void>; errors: string[] }> {
  const context = await browser.newContext();
  await preloadAxe(context);
  await context.addCookies([{ name: 'lang', value: lang, url }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, t: translator(lang), close: () => context.close(), errors };
}

export async function signIn(page: Page, baseUrl: string, t: T, handle: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(t('login.demo.user')).selectOption(handle);
  // Each person lands where they work: a party in the cabinet, staff on their own lists.
  await Promise.all([page.waitForURL((url) => !['/login', '/home'].includes(url.pathname)), page.getByRole('button', { name: t('login.demo.button') }).click()]);
}

export async function signOut(page: Page, baseUrl: string, t: T) {
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.getByRole('button', { name: t('layout.signOut') }).click()]);
}

/** From the cabinet to the talon page, checking every page on the way. Returns the talon number. */
export async function fileClaim(page: Page, t: T, lang: Lang): Promise<string> {
  await Promise.all([page.waitForURL('**/cabinet/filings/new'), page.getByRole('button', { name: t('cabinet.filings.new') }).click()]);
  await expectAccessible(page);
  await page.getByLabel(t('filing.type.claim'), { exact: true }).check();
  await Promise.all([page.waitForURL(/\/court$/), page.getByRole('button', { name: t('filing.start.submit') }).click()]);

  await expectAccessible(page);
  const medeu = DEMO_COURTS.find((c) => c.code === '7517')!.names[LANG_INDEX[lang]];
  await page.getByLabel(t('filing.court.label'), { exact: true }).selectOption({ label: medeu });
  await continueTo(page, t, /\/category$/);

  await expectAccessible(page);
  await page.getByLabel(t('category.property'), { exact: true }).check();
  await page.getByLabel(t('filing.claimantType.individual'), { exact: true }).check();
  await continueTo(page, t, /\/parties$/);

  await expectAccessible(page);
  const defendant = demoPeople().find((p) => p.handle === 'citizen2')!;
  await page.getByLabel(t('filing.party.name'), { exact: true }).fill(defendant.fullName);
  await page.getByLabel(t('filing.party.identifier'), { exact: true }).fill(defendant.iin);
  await page.getByLabel(t('filing.party.address'), { exact: true }).fill('Алматы, Абай даңғылы, 10');
  await page.getByRole('button', { name: t('filing.parties.addButton') }).click();
  await page.getByText(defendant.fullName).first().waitFor();
  await Promise.all([page.waitForURL(/\/representative$/), page.getByRole('button', { name: t('filing.continue') }).click()]);

  await expectAccessible(page);
  await continueTo(page, t, /\/claim$/);

  await expectAccessible(page);
  await page.getByLabel(t('filing.claim.subject'), { exact: true }).fill('Қарыз шарты бойынша борышты өндіріп алу');
  await page.getByLabel(t('filing.claim.amount'), { exact: true }).fill('1500000');
  await page.getByLabel(t('filing.claim.text'), { exact: true }).fill('Жауапкер 2026 жылғы 1 наурыздағы қарыз шарты бойынша 1 500 000 теңгені қайтармады.');
  await continueTo(page, t, /\/attachments$/);

  await expectAccessible(page);
  await page.getByLabel(t('filing.attachments.add'), { exact: true }).setInputFiles([
    { name: 'шарт.pdf', mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf() },
    { name: 'қолхат.png', mimeType: 'image/png', buffer: SAMPLE_FILES.png() },
  ]);
  await page.getByRole('button', { name: t('filing.attachments.upload') }).click();
  await page.locator('[data-attachments] .govuk-summary-list__row').nth(1).waitFor();
  expect(await page.locator('[data-attachments]').innerText()).toContain('қолхат.png');
  await Promise.all([page.waitForURL(/\/duty$/), page.getByRole('button', { name: t('filing.continue') }).click()]);

  await expectAccessible(page);
  // 1% of 1,500,000 ₸.
  expect((await page.locator('[data-duty]').innerText()).replace(/\D/g, '')).toMatch(/^15000/);
  await continueTo(page, t, /\/check$/);

  await expectAccessible(page);
  await Promise.all([page.waitForURL(/\/talon$/), page.getByRole('button', { name: t('filing.check.sign.demo') }).click()]);
  await expectAccessible(page);
  const talonNumber = await page.locator('[data-talon-number]').innerText();
  expect(talonNumber).toMatch(/^7517-\d{2}-\d{6}$/);
  return talonNumber;
}

