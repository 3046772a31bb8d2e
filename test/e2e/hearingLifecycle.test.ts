import { mkdirSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cases, courts, hearings, parties, users } from '../../src/db/schema/index.ts';
import type { Lang } from '../../src/i18n/index.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { SAMPLE_FILES } from '../support/filing.ts';
import { expectAccessible, handleOf, pageIn, signIn, signOut, type T } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

const SHOTS = '/tmp/shots-hearings';

/**
 * A hearing on its day, in a real browser: the judge cannot decide before the hearing is opened
 * and reads why; opens it, announces the operative part, closes it as held, attaches the record
 * and signs the decision in final form; the party finds the record and the decision in the
 * cabinet. Every page on the way passes axe.
 */
describe('a hearing held and recorded before the decision', () => {
  const demo = withDemoBrowser();
  const used = new Set<string>();

  /**
   * A civil case at the Medeu court (whose judges the demo sign-in lists) with a hearing booked and
   * a demo person among its parties; the hearing's day has come: its time is now.
   */
  async function caseOnItsDay(): Promise<{ caseId: string; number: string; judge: string; party: string }> {
    const db = demo.server.database.db;
    const handles = new Map(demoPeople().filter((p) => !p.bin).map((p) => [p.iin, p.handle]));
    const rows = await db
      .select({ caseId: cases.id, number: cases.number, judgeId: cases.judgeId, partyIin: users.iin })
      .from(cases)
      .innerJoin(courts, eq(courts.id, cases.courtId))
      .innerJoin(parties, eq(parties.caseId, cases.id))
      .innerJoin(users, eq(users.id, parties.userId))
      .where(and(eq(cases.status, 'hearing_scheduled'), eq(cases.kind, 'civil'), eq(cases.instance, 1), eq(courts.code, '7517')))
      .orderBy(asc(cases.number));
    const found = rows.find((r) => handles.has(r.partyIin) && !used.has(r.caseId));
    expect(found, 'a demo case awaiting its hearing').toBeDefined();
    used.add(found!.caseId);
    const [judge] = await db.select({ name: users.fullName }).from(users).where(eq(users.id, found!.judgeId!));
    await db.update(hearings).set({ startsAt: new Date() }).where(and(eq(hearings.caseId, found!.caseId), eq(hearings.status, 'scheduled')));
    return { caseId: found!.caseId, number: found!.number!, judge: judge!.name, party: handles.get(found!.partyIin)! };
  }

  async function shot(page: Page, lang: Lang, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/${lang}-${name}.png`, fullPage: true });
  }

  async function draftDecision(page: Page, t: T, form: 'operative' | 'final', title: string) {
    await page.locator('form', { has: page.locator('#act-text') }).getByLabel(t(`proceedings.decisionForm.${form}`), { exact: true }).check();
    await page.locator('#act-title').fill(title);
    await page.locator('#act-text').fill('Именем Республики Казахстан.\n\nСуд, рассмотрев дело, РЕШИЛ: иск удовлетворить, взыскать с ответчика 1 500 000 тенге.');
    await page.getByRole('button', { name: t('proceedings.acts.save') }).click();
  }

  for (const lang of ['ru', 'en'] as const) {
    it(`opens, decides, closes and records a hearing, and the party sees it (${lang})`, async () => {
      const { page, t, errors, close } = await pageIn(demo.browser, demo.server.url, lang);
      const { caseId, number, judge, party } = await caseOnItsDay();

      await signIn(page, demo.server.url, t, handleOf(judge));
      await page.goto(`${demo.server.url}/judge/cases/${caseId}`);
      await expectAccessible(page);
      expect(await page.locator('.govuk-inset-text', { hasText: t('hearings.act.needsHearing') }).count()).toBe(1);

      // Before the hearing is opened a decision is refused, with the reason beside the form.
      await draftDecision(page, t, 'final', 'Решение');
      await page.waitForSelector('.govuk-error-summary');
      expect(await page.locator('.govuk-error-summary').innerText()).toContain(t('hearings.error.actNeedsHeldHearing'));
      await expectAccessible(page);
      await shot(page, lang, '1-refused');

      // The judge opens the hearing, announces the operative part and signs it.
      await Promise.all([page.waitForURL(/done=opened/), page.getByRole('button', { name: t('hearings.open.submit') }).click()]);
      await expectAccessible(page);
      await shot(page, lang, '2-opened');
      await draftDecision(page, t, 'operative', 'Решение (резолютивная часть)');
      await page.waitForURL(/done=drafted/);
      await Promise.all([page.waitForURL(/done=issued/), page.getByRole('button', { name: t('filing.check.sign.demo') }).click()]);

      // Closes it as held and attaches the record.
      await page.getByLabel(t('hearings.close.outcome.held'), { exact: true }).check();
      await Promise.all([page.waitForURL(/done=closed/), page.getByRole('button', { name: t('hearings.close.submit') }).click()]);
      await expectAccessible(page);
      await page.getByLabel(t('hearings.record.file')).setInputFiles({ name: 'protocol.pdf', mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf() });
      await Promise.all([page.waitForURL(/done=record/), page.getByRole('button', { name: t('hearings.record.submit') }).click()]);
      await expectAccessible(page);
      await shot(page, lang, '3-recorded');

      // The decision in final form, signed after the hearing.
      await draftDecision(page, t, 'final', 'Решение в окончательной форме');
      await page.waitForURL(/done=drafted/);
      await Promise.all([page.waitForURL(/done=issued/), page.getByRole('button', { name: t('filing.check.sign.demo') }).click()]);
      expect(await page.locator('.govuk-tag', { hasText: t('status.appeal_window') }).count()).toBe(1);
      await shot(page, lang, '4-decided');
      await signOut(page, demo.server.url, t);

      // The party sees the record beside the hearing, the decision, and the history once per happening.
      await signIn(page, demo.server.url, t, party);
      await page.goto(`${demo.server.url}/cabinet/cases/${caseId}`);
      await expectAccessible(page);
      const main = await page.locator('main').innerText();
      expect(main).toContain(number);
      expect(main).toContain(t('hearings.timeline.held'));
      expect(main).toContain(t('hearings.timeline.recordAttached'));
      expect(main).toContain(t('proceedings.decisionForm.final'));
      expect(await page.locator('.moj-timeline__title', { hasText: new RegExp(`^${t('timeline.hearingScheduled')}$`) }).count()).toBe(1);
      await shot(page, lang, '5-party');
      await Promise.all([page.waitForURL(/\/documents\//), page.getByRole('link', { name: t('hearings.record.link') }).first().click()]);
      await expectAccessible(page);
      expect(errors).toEqual([]);
      await close();
    });
  }
});
