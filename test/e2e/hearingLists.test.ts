import { describe, expect, it } from 'vitest';
import { INITIAL_CALENDAR } from '../../src/domain/calendar/holidays.ts';
import { addCalendarDays, courtCalendar, type IsoDay } from '../../src/domain/calendar/workingDays.ts';
import { courtDateIso } from '../../src/domain/courtTime.ts';
import { expectAccessible, pageIn } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

/**
 * A visitor finds the next court day's hearings in Almaty, in each language: from the menu to the
 * hearing lists, the day and the region chosen, the list shown without signing in. Courts sit on
 * working days, so "tomorrow" in the courts' sense is the next working day after today.
 */
describe('hearing lists', () => {
  const demo = withDemoBrowser();
  const nextCourtDay = courtCalendar(Object.values(INITIAL_CALENDAR).flat()).nextWorkingDayOnOrAfter(addCalendarDays(courtDateIso(new Date()) as IsoDay, 1));

  it('a visitor finds the next court day’s hearings in Almaty in kk, ru and en', async () => {
    for (const [lang, menu, day, region, almaty, show, court] of [
      ['kk', 'Отырыстар кестесі', 'Күн', 'Өңір', 'Алматы қаласы', 'Отырыстарды көрсету', 'Алматы қаласы Бостандық аудандық соты'],
      ['ru', 'Графики заседаний', 'День', 'Регион', 'Город Алматы', 'Показать заседания', 'Бостандыкский районный суд города Алматы'],
      ['en', 'Hearing lists', 'Day', 'Region', 'Almaty', 'Show hearings', 'Bostandyk District Court of Almaty'],
    ] as const) {
      const { page, close } = await pageIn(demo.browser, demo.server.url, lang);
      await page.goto(`${demo.server.url}/`);
      await Promise.all([page.waitForURL('**/hearings'), page.locator('.govuk-service-navigation').getByRole('link', { name: menu }).click()]);
      await expectAccessible(page);
      await page.getByLabel(day, { exact: true }).fill(nextCourtDay);
      await page.getByLabel(region, { exact: true }).selectOption({ label: almaty });
      await Promise.all([page.waitForURL('**/hearings?*'), page.getByRole('button', { name: show }).click()]);
      const table = page.locator('table.sot-hearing-list');
      expect(await table.count(), lang).toBe(1);
      const rows = await table.locator('tbody tr').allInnerTexts();
      expect(rows.some((r) => r.includes(court)), `${lang}: ${rows.join(' | ')}`).toBe(true);
      // Only Almaty's courts, never the parties' IINs.
      expect(rows.join('\n')).not.toMatch(/Astana|Астана/);
      expect(rows.join('\n')).not.toMatch(/\b\d{12}\b/);
      await expectAccessible(page);
      // On a phone the list scrolls in its own box; the page itself never scrolls sideways (WCAG 1.4.10).
      await page.setViewportSize({ width: 390, height: 844 });
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth, table: document.querySelector('table.sot-hearing-list')!.scrollWidth }));
      expect(widths.page, lang).toBeLessThanOrEqual(widths.window);
      expect(widths.table, lang).toBeGreaterThan(widths.window);
      await expectAccessible(page);
      await close();
    }
  });
});
