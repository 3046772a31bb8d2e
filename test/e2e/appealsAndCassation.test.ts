import { mkdirSync } from 'node:fs';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caseDeadlines, cases, courts, parties, users } from '../../src/db/schema/index.ts';
import { GROUND_ARTICLE } from '../../src/domain/admission.ts';
import type { IsoDay } from '../../src/domain/calendar/holidays.ts';
import { addCalendarDays } from '../../src/domain/calendar/workingDays.ts';
import { CASSATION_REFUSAL_ARTICLE } from '../../src/domain/cassation.ts';
import { initialReference } from '../../src/domain/reference.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import { translator, type Lang } from '../../src/i18n/index.ts';
import { citeArticle } from '../../src/i18n/legalReference.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { urls } from '../../src/urls.ts';
import { expectAccessible, signIn, signOut, type T } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

const SHOTS = 'artifacts/screenshots/appeals';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The demo handle of the person with this IIN, for signing in as them. */
function handleByIin(iin: string | null): string {
  const person = demoPeople().find((p) => p.iin === iin);
  if (!person) throw new Error(`no demo person with IIN ${iin}`);
  return person.handle;
}

/** The last working day before today in the court's calendar. */
function pastWorkingDay(): IsoDay {
  let day = addCalendarDays(courtDateIso(new Date()) as IsoDay, -1);
  while (!initialReference().calendar.isWorkingDay(day)) day = addCalendarDays(day, -1);
  return day;
}

/**
 * The review rules a party and a judge meet in a real browser: a cassation complaint is neither
 * offered nor accepted where the Code allows none (a decision never appealed, a court order: CPC
 * Art. 434), and an appeal left without motion is returned for defects not cured only once the
 * term to cure them has passed (CPC Art. 407(1)(1)). Every page on the way passes axe.
 */
describe('appeals left without motion and cassation the Code does not allow', () => {
  const demo = withDemoBrowser();
  const demoIins = demoPeople().map((p) => p.iin);

  async function useLanguage(page: Page, lang: Lang) {
    await page.context().addCookies([{ name: 'lang', value: lang, url: demo.server.url }]);
  }

  /** A first-instance case in force that no appellate case reviewed, with a demo person among its parties. */
  async function unappealedCaseInForce(): Promise<{ id: string; number: string; handle: string }> {
    const db = demo.server.database.db;
    const candidates = await db
      .select({ id: cases.id, number: cases.number, iin: parties.iin })
      .from(cases)
      .innerJoin(parties, eq(parties.caseId, cases.id))
      .where(and(eq(cases.instance, 1), eq(cases.status, 'in_force'), ne(cases.category, 'court_order'), inArray(parties.iin, demoIins)))
      .orderBy(cases.number);
    const reviewed = new Set((await db.select({ parent: cases.parentCaseId }).from(cases).where(eq(cases.instance, 2))).map((r) => r.parent));
    const found = candidates.find((c) => c.number && !reviewed.has(c.id));
    if (!found) throw new Error('the demo has no unappealed first-instance case in force with a demo party');
    return { id: found.id, number: found.number!, handle: handleByIin(found.iin) };
  }

  /** A court order's case with a demo person as a party: one in force if there is one, else one issued. */
  async function courtOrderCase(): Promise<{ id: string; number: string; handle: string; status: string }> {
    const rows = await demo.server.database.db
      .select({ id: cases.id, number: cases.number, status: cases.status, iin: parties.iin })
      .from(cases)
      .innerJoin(parties, eq(parties.caseId, cases.id))
      .where(and(eq(cases.category, 'court_order'), inArray(cases.status, ['in_force', 'order_issued']), inArray(parties.iin, demoIins)))
      .orderBy(cases.number);
    const found = rows.find((r) => r.status === 'in_force' && r.number) ?? rows.find((r) => r.number);
    if (!found) throw new Error('the demo has no court order with a demo party');
    return { id: found.id, number: found.number!, handle: handleByIin(found.iin), status: found.status };
  }

  /** The party's case page: no complaint offered, and the reason the Code gives. */
  async function expectNoCassationOffered(page: Page, t: T, caseId: string, reason: string, name: string) {
    await page.goto(`${demo.server.url}${urls.cabinetCase(caseId)}`);
    await expectAccessible(page);
    await shot(page, name);
    expect(await page.getByRole('link', { name: t('admission.cassation.file') }).count()).toBe(0);
    expect(await page.getByRole('button', { name: t('admission.cassation.file') }).count()).toBe(0);
    const closed = await page.locator('#cassation-closed').innerText();
    expect(closed).toContain(t('admission.cassation.closed'));
    expect(closed).toContain(reason);
  }

  /** Starting the complaint directly, as a typed address would: refused with the Code's reason, never a server error. */
  async function expectCassationFilingRefused(page: Page, t: T, caseNumber: string, reason: string, name: string) {
    await page.goto(`${demo.server.url}${urls.newFiling({ type: 'cassation_complaint', case: caseNumber })}`);
    await expectAccessible(page);
    expect(await page.getByLabel(t('filing.type.cassation_complaint'), { exact: true }).isChecked()).toBe(true);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === urls.filings()),
      page.getByRole('button', { name: t('filing.start.submit') }).click(),
    ]);
    await page.waitForLoadState();
    expect(response.status()).toBe(409);
    expect(new URL(page.url()).pathname).toBe(urls.filings());
    await expectAccessible(page);
    await shot(page, name);
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary).toContain(reason);
    expect(summary).not.toMatch(/\{\w+\}/);
    expect(await page.locator('#caseNumber-error').innerText()).toContain(reason);
  }

  it('offers no cassation complaint on a decision never appealed or on a court order, and refuses one filed all the same', async () => {
    const kk = translator('kk');
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await useLanguage(page, 'kk');

    // A decision that entered into force without appeal: cassation only after the appeal route (CPC Art. 434(1)).
    const unappealed = await unappealedCaseInForce();
    const noAppeal = kk('admission.error.cassation.no_appeal', { article: CASSATION_REFUSAL_ARTICLE.no_appeal });
    await signIn(page, demo.server.url, kk, unappealed.handle);
    await expectNoCassationOffered(page, kk, unappealed.id, noAppeal, 'cassation-unappealed-case');
    await expectCassationFilingRefused(page, kk, unappealed.number, noAppeal, 'cassation-unappealed-refused');

    // A court order: no cassation in court order proceedings (CPC Art. 434(2)(1)).
    const order = await courtOrderCase();
    const courtOrder = kk('admission.error.cassation.court_order', { article: CASSATION_REFUSAL_ARTICLE.court_order });
    if (order.handle !== unappealed.handle) {
      await signOut(page, demo.server.url, kk);
      await signIn(page, demo.server.url, kk, order.handle);
    }
    if (order.status === 'in_force') {
      await expectNoCassationOffered(page, kk, order.id, courtOrder, 'cassation-court-order-case');
      expect(await page.locator('main').innerText()).toContain(kk('courtOrder.case.inForceLead'));
    } else {
      // An order not yet in force offers no complaint at all; the refusal below says why.
      await page.goto(`${demo.server.url}${urls.cabinetCase(order.id)}`);
      await expectAccessible(page);
      await shot(page, 'cassation-court-order-case');
      expect(await page.getByRole('link', { name: kk('admission.cassation.file') }).count()).toBe(0);
    }
    await expectCassationFilingRefused(page, kk, order.number, order.status === 'in_force' ? courtOrder : kk('admission.error.cassation.not_in_force', { article: CASSATION_REFUSAL_ARTICLE.not_in_force }), 'cassation-court-order-refused');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses to return an appeal for defects while their term runs, returns it once the term has passed, and the appellant reads why', async () => {
    const ru = translator('ru');
    const en = translator('en');
    const db = demo.server.database.db;
    const [appeal] = await db
      .select({ id: cases.id, number: cases.number, judgeIin: users.iin })
      .from(cases)
      .innerJoin(courts, eq(courts.id, cases.courtId))
      .innerJoin(users, eq(users.id, cases.judgeId))
      .innerJoin(caseDeadlines, and(eq(caseDeadlines.caseId, cases.id), eq(caseDeadlines.kind, 'appeal_defects'), isNull(caseDeadlines.closedAt)))
      .where(and(eq(courts.code, '7599'), eq(cases.instance, 2), eq(cases.status, 'left_without_motion')))
      .limit(1);
    expect(appeal, 'the demo appeal left without motion at the Almaty City Court').toBeDefined();
    const number = appeal!.number!;
    const [appellant] = await db
      .select({ iin: parties.iin })
      .from(parties)
      .where(and(eq(parties.caseId, appeal!.id), eq(parties.appealRole, 'appellant'), inArray(parties.iin, demoIins)));
    expect(appellant, 'the appellant among the demo people').toBeDefined();

    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // The judge, in Russian, while the term to cure the defects runs: no return proposed, and a return for defects not cured is refused.
    await useLanguage(page, 'ru');
    await signIn(page, demo.server.url, ru, handleByIin(appeal!.judgeIin));
    await page.goto(`${demo.server.url}${urls.judgeCases()}`);
    let section = page.locator('section', { hasText: number });
    expect(await section.getByText(ru('proceedings.judge.returnProposed')).count()).toBe(0);
    await section.locator('summary', { hasText: ru('admission.returnComplaint') }).click();
    await expectAccessible(page);
    const returnForm = section.locator('form[action$="/return"]').last();
    await returnForm.getByLabel(`${citeArticle(GROUND_ARTICLE.defects_not_cured, 'ru')}: ${ru('admission.ground.defects_not_cured')}`, { exact: true }).check();
    await returnForm.getByLabel(ru('admission.return.reasons'), { exact: true }).fill('Недостатки апелляционной жалобы в установленный срок не исправлены.');
    const [refusal] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/return')), returnForm.locator('button[type=submit]').click()]);
    await page.waitForLoadState();
    expect(refusal.status()).toBe(409);
    await expectAccessible(page);
    await shot(page, 'appeal-return-refused-term-running');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(ru('admission.error.termToCureRunning'));
    expect(await db.select({ status: cases.status }).from(cases).where(eq(cases.id, appeal!.id))).toEqual([{ status: 'left_without_motion' }]);

    // Time passes: the term's last day is moved into the past, as the calendar would move past it.
    await db.update(caseDeadlines).set({ dueOn: pastWorkingDay() }).where(and(eq(caseDeadlines.caseId, appeal!.id), eq(caseDeadlines.kind, 'appeal_defects'), isNull(caseDeadlines.closedAt)));

    // The judge's list now proposes the return (CPC Art. 407(1)(1), 407(2)(1)); one click rules it.
    await page.goto(`${demo.server.url}${urls.judgeCases()}`);
    await expectAccessible(page);
    section = page.locator('section', { hasText: number });
    expect(await section.locator('.govuk-warning-text').innerText()).toContain(ru('proceedings.judge.returnProposed'));
    await shot(page, 'appeal-due-for-return');
    await Promise.all([page.waitForURL(/decided=returned/), section.getByRole('button', { name: ru('admission.returnNow') }).click()]);
    await expectAccessible(page);
    await shot(page, 'appeal-returned-judge');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(ru('judge.decided', { status: ru('status.returned') }));
    await signOut(page, demo.server.url, ru);

    // The appellant, in English, reads the return, its ground and what they may do next.
    await useLanguage(page, 'en');
    await signIn(page, demo.server.url, en, handleByIin(appellant!.iin));
    await page.goto(`${demo.server.url}${urls.cabinetCase(appeal!.id)}`);
    await expectAccessible(page);
    await shot(page, 'appeal-returned-appellant');
    expect(await page.locator('.govuk-tag', { hasText: en('status.returned') }).count()).toBe(1);
    const ruling = await page.locator('#admission-ruling').innerText();
    expect(ruling).toContain(en('status.returned'));
    expect(ruling).toContain(en('admission.party.ground', { article: GROUND_ARTICLE.defects_not_cured, ground: en('admission.ground.defects_not_cured') }));
    expect(ruling).toContain(en('admission.party.returnedAppeal'));
    expect(errors).toEqual([]);
    await context.close();
  });
});
