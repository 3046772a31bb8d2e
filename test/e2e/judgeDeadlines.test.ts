import { and, eq, inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cases, users } from '../../src/db/schema/index.ts';
import { addCalendarDays, type IsoDay } from '../../src/domain/calendar/workingDays.ts';
import { typedDay } from '../../src/domain/dateBoxes.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { expectAccessible, fillHearingSlot, pageIn, signIn } from './journeys.ts';
import { workingDayAhead } from '../support/workingDays.ts';
import { withDemoBrowser } from './server.ts';

const SHOTS = '/tmp/shots-terms';

/** The nearest-term column's last days, top to bottom; a case with no open term has none. */
async function termDays(page: Page): Promise<string[]> {
  return page.locator('#caseload-table tbody tr td:last-child time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime') ?? ''));
}

/**
 * A judge works their list by the nearest term, in English, then appoints hearings in Kazakh by
 * typing the date into the GOV.UK date input: a Sunday and an hour past the court day are refused
 * beside their boxes, a whole date typed into the first box and a date in three boxes are taken.
 */
describe('a judge’s nearest terms and the hearing’s date boxes', () => {
  const demo = withDemoBrowser();

  /** A demo judge holding a civil claim still in preparation, and that case. */
  async function judgeInPreparation(): Promise<{ handle: string; caseId: string; number: string }> {
    const db = demo.server.database.db;
    const rows = await db
      .select({ caseId: cases.id, number: cases.number, iin: users.iin })
      .from(cases)
      .innerJoin(users, eq(users.id, cases.judgeId))
      .where(and(eq(cases.instance, 1), inArray(cases.status, ['accepted', 'preparation']), inArray(cases.category, ['property', 'alimony', 'divorce', 'non_property', 'labour', 'housing'])));
    const people = demoPeople();
    for (const row of rows) {
      const person = people.find((p) => p.iin === row.iin);
      if (person) return { handle: person.handle, caseId: row.caseId, number: row.number ?? '' };
    }
    throw new Error('the demo has no judge with a claim in preparation');
  }

  it('sorts and filters the list by the nearest term, in English', async () => {
    const { handle } = await judgeInPreparation();
    const { page, t, errors, close } = await pageIn(demo.browser, demo.server.url, 'en');
    await signIn(page, demo.server.url, t, handle);
    await page.goto(`${demo.server.url}/judge/cases`);
    await expectAccessible(page);
    // The nearest terms first, by default: the terms opened at acceptance show on the list.
    const ascending = await termDays(page);
    expect(ascending.length).toBeGreaterThan(0);
    expect([...ascending].sort()).toEqual(ascending);
    expect(await page.locator('#caseload-table').innerText()).toContain(t('proceedings.deadline.preparation'));

    // Descending, chosen in the form and applied without a script.
    await page.getByLabel(t('judge.terms.order'), { exact: true }).selectOption('desc');
    await Promise.all([page.waitForURL(/order=desc/), page.getByRole('button', { name: t('judge.terms.apply') }).click()]);
    expect(await termDays(page)).toEqual([...ascending].sort().reverse());
    await page.screenshot({ path: `${SHOTS}/judge-list-desc-en.png`, fullPage: true });

    // The column header sorts by the case number.
    await Promise.all([page.waitForURL(/sort=number/), page.locator('#caseload-table thead').getByRole('link', { name: t('caseStatus.number.label') }).click()]);
    await expect(page.locator('#caseload-table th[aria-sort="ascending"]').innerText()).resolves.toBe(t('caseStatus.number.label'));

    // Only the terms ending within 5 working days: each shown ends soon, none has passed.
    await page.getByLabel(t('judge.terms.show'), { exact: true }).selectOption('soon');
    await page.getByLabel(t('judge.terms.sort'), { exact: true }).selectOption('due');
    await Promise.all([page.waitForURL(/show=soon/), page.getByRole('button', { name: t('judge.terms.apply') }).click()]);
    await expectAccessible(page);
    const today = courtDateIso(new Date());
    const soon = workingDayAhead(5);
    for (const day of await termDays(page)) expect(day >= today && day <= soon, day).toBe(true);
    await page.screenshot({ path: `${SHOTS}/judge-list-soon-en.png`, fullPage: true });

    // Overdue only: every row says so in words.
    await page.getByLabel(t('judge.terms.show'), { exact: true }).selectOption('overdue');
    await Promise.all([page.waitForURL(/show=overdue/), page.getByRole('button', { name: t('judge.terms.apply') }).click()]);
    const overdue = await termDays(page);
    for (const day of overdue) expect(day < today, day).toBe(true);
    if (overdue.length === 0) expect(await page.getByText(t('judge.terms.empty')).count()).toBe(1);
    else expect(await page.locator('#caseload-table tbody .govuk-tag--red').count()).toBe(overdue.length);
    expect(errors).toEqual([]);
    await close();
  });

  it('schedules hearings through the date input in Kazakh, with GOV.UK errors for a Sunday and a late hour', async () => {
    const { handle, caseId, number } = await judgeInPreparation();
    const { page, t, errors, close } = await pageIn(demo.browser, demo.server.url, 'kk');
    await signIn(page, demo.server.url, t, handle);
    await page.goto(`${demo.server.url}/judge/cases/${caseId}`);
    await expectAccessible(page);
    await expect(page.locator('h1').innerText()).resolves.toContain(number);
    // The hint's example is a day ahead, not a fixed date.
    const hint = await page.locator('#hearing-when-hint').innerText();
    const example = /(\d{2})\.(\d{2})\.(\d{4})/.exec(hint);
    expect(example).not.toBeNull();
    expect(`${example![3]}-${example![2]}-${example![1]}` > courtDateIso(new Date())).toBe(true);
    await page.screenshot({ path: `${SHOTS}/hearing-form-kk.png`, fullPage: true });

    // A Sunday typed whole into the first box: the error summary and the boxes in error.
    let sunday = addCalendarDays(courtDateIso(new Date()) as IsoDay, 7);
    while (new Date(`${sunday}T00:00:00Z`).getUTCDay() !== 0) sunday = addCalendarDays(sunday, 1);
    await page.locator('#hearing-date').fill(typedDay(sunday));
    await page.locator('#hearing-time').selectOption('10:00');
    await page.getByLabel(t('proceedings.hearing.room'), { exact: true }).fill('305');
    await page.getByRole('button', { name: t('proceedings.hearing.schedule') }).first().click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(t('proceedings.error.hearingNotWorkingDay'));
    expect(await page.locator('#hearing-date.govuk-input--error').count()).toBe(1);
    await expectAccessible(page);
    await page.screenshot({ path: `${SHOTS}/hearing-sunday-kk.png`, fullPage: true });
    // The summary's link leads to the first box.
    await page.locator('.govuk-error-summary a').first().click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('hearing-date');

    // A working day, typed whole, but an hour that runs past the court day: the time is in error.
    // The refused date came back spread over the boxes; the judge types the new one whole into the first.
    expect(await page.locator('#hearing-date-month').inputValue()).toBe(String(Number(sunday.slice(5, 7))));
    const day = workingDayAhead(4);
    await page.locator('#hearing-date-month').fill('');
    await page.locator('#hearing-date-year').fill('');
    await page.locator('#hearing-date').fill(typedDay(day));
    await page.locator('#hearing-time').selectOption('18:00');
    await page.getByLabel(t('proceedings.hearing.duration'), { exact: true }).fill('60');
    await page.getByRole('button', { name: t('proceedings.hearing.schedule') }).first().click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(t('proceedings.error.hearingOutsideHours'));
    expect(await page.locator('#hearing-time.govuk-select--error').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/hearing-late-kk.png`, fullPage: true });

    // The same day at 10:00 is taken; the term of consideration now runs.
    await page.locator('#hearing-date-month').fill('');
    await page.locator('#hearing-date-year').fill('');
    await page.locator('#hearing-date').fill(typedDay(day));
    await page.locator('#hearing-time').selectOption('10:00');
    await Promise.all([page.waitForURL(/done=scheduled/), page.getByRole('button', { name: t('proceedings.hearing.schedule') }).first().click()]);
    await expectAccessible(page);
    const terms = await page.locator('table', { hasText: t('proceedings.deadlines.term') }).innerText();
    expect(terms).toMatch(new RegExp(`${t('proceedings.deadline.consideration')}|${t('proceedings.deadline.consideration_short')}`));

    // Another hearing, its day in three boxes.
    await fillHearingSlot(page, workingDayAhead(5), '11:30');
    await page.locator('#hearing-room').fill('305');
    await Promise.all([page.waitForURL(/done=scheduled/), page.getByRole('button', { name: t('proceedings.hearing.schedule') }).last().click()]);
    await page.screenshot({ path: `${SHOTS}/hearing-scheduled-kk.png`, fullPage: true });
    expect(errors).toEqual([]);
    await close();
  });
});
