import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cases, courts } from '../../src/db/schema/index.ts';
import { showcaseCaseNumber } from '../../src/seed/demo.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser } from './browser.ts';
import { startDemoServer } from './server.ts';

describe('case status by number', () => {
  it('finds a case whose number ends with a suffix such as (2), in Russian and in Kazakh, with no accessibility violation', async () => {
    const server = await startDemoServer();
    const browser = await launchBrowser();
    try {
      const db = server.database.db;
      const [court] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7594'));
      const number = '7594-26-00-4/77(2)';
      await db.insert(cases).values({ courtId: court!.id, kind: 'administrative', category: 'public_law_dispute', instance: 1, status: 'preparation', number, registeredAt: new Date() });
      for (const [lang, label, button, heading] of [
        ['ru', 'Номер дела', 'Узнать статус', 'Статус дела'],
        ['kk', 'Іс нөмірі', 'Мәртебені білу', 'Іс мәртебесі'],
      ] as const) {
        // Scripts on: axe runs inside the page. The form itself needs none (see the test below).
        const context = await browser.newContext();
        await context.addCookies([{ name: 'lang', value: lang, url: server.url }]);
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        await page.goto(`${server.url}/case-status`);
        expect(await page.locator('h1').innerText()).toBe(heading);
        await page.getByLabel(label).fill('7594-26-00-4/77 (2)');
        await Promise.all([page.waitForURL('**/case-status?number=*'), page.getByRole('button', { name: button }).click()]);
        expect(await page.locator('#case-heading').innerText(), lang).toBe(number);
        expect(await axeViolations(page), lang).toEqual([]);
        await context.close();
      }
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});

describe('without JavaScript', () => {
  it('finds a case by number and switches language', async () => {
    const server = await startDemoServer();
    const browser = await launchBrowser();
    try {
      // A Kazakh browser: the portal opens in Kazakh and the reader switches to English.
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'kk-KZ' });
      const page = await context.newPage();
      const heading = () => page.locator('h1').innerText();
      await page.goto(`${server.url}/`);
      expect(await heading()).toBe('Қазақстан соттары онлайн');
      await Promise.all([page.waitForResponse((r) => r.url().includes('/language/en')), page.getByRole('link', { name: 'English' }).click()]);
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await heading()).toBe('Courts of Kazakhstan online');
      await Promise.all([page.waitForURL('**/case-status'), page.getByRole('link', { name: 'Check the status of a case by its number' }).click()]);
      const number = await showcaseCaseNumber(server.database.db);
      await page.getByLabel('Case number').fill(number);
      await Promise.all([page.waitForURL('**/case-status?number=*'), page.getByRole('button', { name: 'Check status' }).click()]);
      expect(await page.locator('#case-heading').innerText()).toBe(number);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Русский' }).click()]);
      await page.waitForFunction(() => document.documentElement.lang === 'ru');
      expect(await page.locator('#case-heading').innerText()).toBe(number);
      expect(await heading()).toBe('Статус дела');
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
