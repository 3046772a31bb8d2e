import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, courts } from '../../src/db/schema/index.ts';
import { LANGUAGES, type Lang } from '../../src/i18n/index.ts';
import { showcaseCaseNumber } from '../../src/seed/demo.ts';
import { demoReassignableCase } from '../../src/seed/bench.ts';
import { demoPaperFiling } from '../../src/seed/counter.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { pageSamples, type PageSample } from '../../src/urls.ts';
import { demoActCode, demoActOf, demoCaseAt, demoCaseOf, demoJudgeCase, demoSession, demoRecordingHearing } from './demoSessions.ts';
import { launchBrowser } from './browser.ts';
import { startDemoServer } from './server.ts';

const SCREENSHOTS = path.resolve('artifacts/screenshots');

/**
 * Walks every registered page in every language in Chromium: the expected status, no console
 * error, no WCAG 2.1 AA violation, no broken link; a screenshot of each for people to look at.
 */
describe('every page, in every language', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let samples: PageSample[];
  const linksSeen = new Map<string, string>();
  const sessions = new Map<string, string>();

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startDemoServer();
    browser = await launchBrowser();
    const db = server.database.db;
    const appealableCaseId = await demoCaseAt(db, 'citizen', 'appeal_window');
    samples = pageSamples({
      caseNumber: await showcaseCaseNumber(db),
      citizenCaseId: await demoCaseOf(db, 'citizen'),
      medeuCaseId: await demoReassignableCase(db),
      paperFilingId: await demoPaperFiling(db),
      appealableCaseId,
      appealableDocumentId: await demoActOf(db, appealableCaseId),
      judgeCaseId: await demoJudgeCase(db, 'judge-7517-1'),
      actCode: await demoActCode(db),
      recordingHearing: await demoRecordingHearing(db),
    });
    for (const handle of ['citizen', 'sysadmin', 'clerk-7517', 'judge-7517-1'] as const) sessions.set(handle, await demoSession(db, handle));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function contextFor(lang: Lang, as?: string): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'lang', value: lang, url: server.url }]);
    if (as) await context.addCookies([{ name: SESSION_COOKIE, value: sessions.get(as)!, url: server.url }]);
    return context;
  }

  for (const lang of LANGUAGES) {
    it(`passes axe, logs no errors and links nowhere broken (${lang})`, async () => {
      const contexts = new Map<string, BrowserContext>();
      const failures: string[] = [];
      try {
        for (const sample of samples) {
          const key = sample.as ?? 'anonymous';
          if (!contexts.has(key)) contexts.set(key, await contextFor(lang, sample.as));
          const page = await contexts.get(key)!.newPage();
          const consoleErrors: string[] = [];
          page.on('console', (message) => {
            // A deliberate 4xx page logs its own status as a failed resource load; that is the test's point.
            if (message.type() === 'error' && !(sample.status && message.text().includes(`status of ${sample.status}`))) consoleErrors.push(message.text());
          });
          page.on('pageerror', (error) => consoleErrors.push(error.message));
          const response = await page.goto(server.url + sample.url, { waitUntil: 'networkidle' });
          if (response?.status() !== (sample.status ?? 200)) failures.push(`${sample.name}: status ${response?.status()}`);
          const html = await page.locator('html').getAttribute('lang');
          if (html !== lang) failures.push(`${sample.name}: html lang=${html}`);
          const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          for (const violation of axe.violations) {
            failures.push(`${sample.name}: axe ${violation.id} (${violation.impact}) on ${violation.nodes.map((node: { target: unknown[] }) => node.target.join(' ')).join(', ')}`);
          }
          for (const error of consoleErrors) failures.push(`${sample.name}: console ${error}`);
          for (const href of await page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href))) {
            const target = href.split('#')[0]!;
            // In-page links (the skip link, the error summary's field links) point at this very page.
            if (target === server.url + sample.url || !target.startsWith(server.url) || linksSeen.has(target)) continue;
            linksSeen.set(target, sample.name);
          }
          await page.screenshot({ path: path.join(SCREENSHOTS, `${lang}-${sample.name}.png`), fullPage: true });
          await page.close();
        }
      } finally {
        for (const context of contexts.values()) await context.close();
      }
      expect(failures).toEqual([]);
    });
  }

  it('has no broken internal link on any page', async () => {
    const broken: string[] = [];
    for (const [href, from] of linksSeen) {
      const response = await fetch(href, { redirect: 'manual' });
      if (response.status >= 400) broken.push(`${href} (linked from ${from}): ${response.status}`);
    }
    expect(linksSeen.size).toBeGreaterThan(20);
    expect(broken).toEqual([]);
  });
});

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
        const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), lang).toEqual([]);
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
