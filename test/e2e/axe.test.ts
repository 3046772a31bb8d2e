import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, preloadAxe } from './axe.ts';
import { launchBrowser } from './browser.ts';

/** A page that breaks WCAG 2.1 AA in four ways, holding a frame as Sot's act pages do. */
const BROKEN = `<!DOCTYPE html><html><head><title>x</title></head><body>
<img src="/logo.png">
<p style="color:#bbb;background:#fff">Faint text</p>
<input type="text">
<iframe src="/frame"></iframe>
</body></html>`;
const FINE = `<!DOCTYPE html><html lang="en"><head><title>Fine</title></head><body><main><h1>Fine</h1><p>Plain text.</p></main></body></html>`;

/** The accessibility check every journey and the page sweep rely on: it must find what is wrong. */
describe('the WCAG 2.1 AA check', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  for (const preloaded of [true, false]) {
    it(`names every rule a page breaks, ${preloaded ? 'with axe loaded ahead' : 'loading axe itself'}, and passes a sound page`, async () => {
      const context = await browser.newContext();
      if (preloaded) await preloadAxe(context);
      await context.route('http://sot.test/**', (route) => {
        const path = new URL(route.request().url()).pathname;
        return route.fulfill({ contentType: 'text/html', body: path === '/broken' ? BROKEN : path === '/frame' ? '<p>inside</p>' : FINE });
      });
      const page = await context.newPage();
      await page.goto('http://sot.test/broken');
      expect(await page.evaluate(() => 'axe' in window)).toBe(preloaded);
      const found = await axeViolations(page);
      expect(found.map((line) => line.split(' ')[0])).toEqual(expect.arrayContaining(['color-contrast', 'frame-title', 'html-has-lang', 'image-alt', 'label']));
      expect(found.find((line) => line.startsWith('image-alt'))).toBe('image-alt (critical) @ /broken: img');
      await page.goto('http://sot.test/fine');
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
