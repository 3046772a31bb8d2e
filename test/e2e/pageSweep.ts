import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.ts';
import { showcaseCaseNumber } from '../../src/seed/demo.ts';
import { demoReassignableCase } from '../../src/seed/bench.ts';
import { demoPaperFiling } from '../../src/seed/counter.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { pageSamples, type PageSample } from '../../src/urls.ts';
import { demoActCode, demoActOf, demoCaseAt, demoCaseOf, demoJudgeCase, demoSession, demoRecordingHearing } from './demoSessions.ts';
import { axeViolations, preloadAxe } from './axe.ts';
import { launchBrowser } from './browser.ts';
import { startDemoServer } from './server.ts';

const SCREENSHOTS = path.resolve('artifacts/screenshots');
// One language's walk: some seventy pages, each checked by axe and photographed. On a busy machine
// (the database suite runs beside it) that has taken close to ten minutes.
const WALK_TIMEOUT_MS = 1_200_000;

/**
 * Walks every registered page in each language in Chromium: the expected status, no console
 * error, no WCAG 2.1 AA violation, no broken link; a screenshot of each for people to look at.
 * One demo server and one sign-in per person serve all the languages (a language is a cookie),
 * so the sweep pays for one start instead of one per language.
 */
export function sweepEveryPage(langs: readonly Lang[]): void {
  describe('every page', () => {
    let server: Awaited<ReturnType<typeof startDemoServer>>;
    let browser: Browser;
    let samples: PageSample[];
    const sessions = new Map<string, string>();
    // A link's status, fetched once however many languages link to it: the fetch carries no
    // language or session, so it answers the same for each.
    const linkStatuses = new Map<string, Promise<number>>();

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

    for (const lang of langs) sweepLanguage(lang);

    function sweepLanguage(lang: Lang): void {
      describe(`in ${lang}`, () => {
        const linksSeen = new Map<string, string>();

        /**
         * One tab per person, taken from page to page as a reader goes: a new page for each sample
         * cost a quarter of a second of the browser's time.
         */
        interface Tab {
          context: BrowserContext;
          page: Page;
          /** Script errors since the tab last moved. */
          errors: string[];
          /** The status the current page is expected to log as its own failed load, if any. */
          expectedStatus: number | undefined;
          /** Requests begun and not yet answered. */
          inFlight: Set<Request>;
        }

        async function tabFor(as?: string): Promise<Tab> {
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          await preloadAxe(context);
          await context.addCookies([{ name: 'lang', value: lang, url: server.url }]);
          if (as) await context.addCookies([{ name: SESSION_COOKIE, value: sessions.get(as)!, url: server.url }]);
          const tab: Tab = { context, page: await context.newPage(), errors: [], expectedStatus: undefined, inFlight: new Set() };
          tab.page.on('console', (message) => {
            // A deliberate 4xx page logs its own status as a failed resource load; that is the test's point.
            if (message.type() === 'error' && !(tab.expectedStatus && message.text().includes(`status of ${tab.expectedStatus}`))) tab.errors.push(message.text());
          });
          tab.page.on('pageerror', (error) => tab.errors.push(error.message));
          tab.page.on('request', (request) => tab.inFlight.add(request));
          tab.page.on('requestfinished', (request) => tab.inFlight.delete(request));
          tab.page.on('requestfailed', (request) => tab.inFlight.delete(request));
          return tab;
        }

        it('passes axe, logs no errors and has the expected status', async () => {
          const tabs = new Map<string, Tab>();
          const failures: string[] = [];
          try {
            for (const sample of samples) {
              const key = sample.as ?? 'anonymous';
              if (!tabs.has(key)) tabs.set(key, await tabFor(sample.as));
              const tab = tabs.get(key)!;
              const { page, errors: consoleErrors } = tab;
              consoleErrors.length = 0;
              tab.expectedStatus = sample.status;
              const response = await page.goto(server.url + sample.url, { waitUntil: 'load' });
              // What a page's scripts still fetch after it loaded: half a second of quiet, waited
              // for only where something is on its way.
              if (tab.inFlight.size > 0) await page.waitForLoadState('networkidle');
              if (response?.status() !== (sample.status ?? 200)) failures.push(`${sample.name}: status ${response?.status()}`);
              const html = await page.locator('html').getAttribute('lang');
              if (html !== lang) failures.push(`${sample.name}: html lang=${html}`);
              for (const violation of await axeViolations(page)) failures.push(`${sample.name}: axe ${violation}`);
              for (const error of consoleErrors) failures.push(`${sample.name}: console ${error}`);
              // Articles are cited in the page's language («ст. 403 ч. 3 ГПК РК»), never in the English compact form.
              if (lang !== 'en') {
                const text = await page.locator('body').innerText();
                for (const english of ['CPC Art.', 'Tax Code']) if (text.includes(english)) failures.push(`${sample.name}: "${english}" in a ${lang} page`);
              }
              for (const href of await page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href))) {
                const target = href.split('#')[0]!;
                // In-page links (the skip link, the error summary's field links) point at this very page.
                if (target === server.url + sample.url || !target.startsWith(server.url) || linksSeen.has(target)) continue;
                linksSeen.set(target, sample.name);
              }
              await page.screenshot({ path: path.join(SCREENSHOTS, `${lang}-${sample.name}.png`), fullPage: true });
            }
          } finally {
            for (const tab of tabs.values()) await tab.context.close();
          }
          expect(failures).toEqual([]);
        }, WALK_TIMEOUT_MS);

        it('links nowhere broken', async () => {
          const broken: string[] = [];
          for (const [href, from] of linksSeen) {
            // As a browser follows a link: a page it may not see without a session sends it to sign in.
            if (!linkStatuses.has(href)) linkStatuses.set(href, fetch(href, { redirect: 'manual', headers: { accept: 'text/html' } }).then((response) => response.status));
            const status = await linkStatuses.get(href)!;
            if (status >= 400) broken.push(`${href} (linked from ${from}): ${status}`);
          }
          expect(linksSeen.size).toBeGreaterThan(20);
          expect(broken).toEqual([]);
        });
      });
    }
  });
}
