import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

/** The rules every page must pass: WCAG 2.1 at level AA. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core, minified: the browser parses it once per document checked. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Loads axe into every document of the context as it is created. Checking a page then costs the
 * run alone: about a third of what @axe-core/playwright's builder took, which injects axe into
 * each frame again per check and finishes every run in a blank page of its own (some 300 ms).
 */
export async function preloadAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: AXE_SOURCE });
}

declare global {
  interface Window {
    axe?: { run(context: Document, options: object): Promise<AxeResults> };
  }
}

/**
 * What on the page as it is now breaks WCAG 2.1 AA, one line per rule and the elements that
 * break it. Frames are not entered: Sot's only frames show a PDF in the browser's own viewer,
 * and their title is checked on the page that holds them.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // A context without preloadAxe, or a page with scripts off (init scripts do not run there).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) => window.axe!.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false }).then((results) => results.violations),
    WCAG_21_AA,
  );
  return violations.map((v) => `${v.id} (${v.impact}) @ ${new URL(page.url()).pathname}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
