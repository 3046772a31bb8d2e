import { and, eq, gte, min } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { courts, hearings } from '../../src/db/schema/index.ts';
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

  /**
   * The day of Bostandyk court's next hearing. The demo puts one there on the next court day after
   * it was seeded, which is the suite's start: a run that goes past midnight in Kazakhstan has a
   * new "tomorrow", and the demo's hearing is then today's.
   */
  async function nextCourtDay(): Promise<string> {
    const [next] = await demo.server.database.db
      .select({ startsAt: min(hearings.startsAt) })
      .from(hearings)
      .innerJoin(courts, eq(courts.id, hearings.courtId))
      .where(and(eq(courts.code, '9514'), eq(hearings.status, 'scheduled'), gte(hearings.startsAt, new Date())));
    expect(next?.startsAt, 'the demo has a hearing ahead at Bostandyk court').toBeTruthy();
    return courtDateIso(next!.startsAt!);
  }

  it('a visitor finds the next court day’s hearings in Almaty in kk, ru and en', async () => {
    const day = await nextCourtDay();
    for (const [lang, menu, dayLabel, region, almaty, show, court] of [
      ['kk', 'Отырыстар кестесі', 'Күн', 'Өңір', 'Алматы қаласы', 'Отырыстарды көрсету', 'Алматы қаласы Бостандық аудандық соты'],
      ['ru', 'Графики заседаний', 'День', 'Регион', 'Город Алматы', 'Показать заседания', 'Бостандыкский районный суд города Алматы'],
      ['en', 'Hearing lists', 'Day', 'Region', 'Almaty', 'Show hearings', 'Bostandyk District Court of Almaty'],
    ] as const) {
      const { page, close } = await pageIn(demo.browser, demo.server.url, lang);
      await page.goto(`${demo.server.url}/`);
      await Promise.all([page.waitForURL('**/hearings'), page.locator('.govuk-service-navigation').getByRole('link', { name: menu }).click()]);
      await expectAccessible(page);
      await page.getByLabel(dayLabel, { exact: true }).fill(day);
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
