import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cases, users } from '../../src/db/schema/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { citeArticle } from '../../src/i18n/legalReference.ts';
import { DEMO_COURTS } from '../../src/seed/courts.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { demoCaseAt } from './demoSessions.ts';
import { expectAccessible, pageIn, signIn, signOut } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

/**
 * Court orders in a real browser: a creditor applies for one on a demand CPC Art. 135 lists (and
 * is turned to a claim for any other); the debtor of an issued order opens it, sees the term it
 * started, objects in another language, and the judge cancels the order by a ruling. Every new
 * page passes axe.
 */
describe('court orders', () => {
  const demo = withDemoBrowser();

  it('applies for a court order on a listed demand, after being turned away on another (en)', async () => {
    const t = translator('en');
    const { page, errors, close } = await pageIn(demo.browser, demo.server.url, 'en');
    const continueTo = (path: RegExp) => Promise.all([page.waitForURL(path), page.getByRole('button', { name: t('filing.continue') }).click()]);

    await signIn(page, demo.server.url, t, 'citizen');
    await Promise.all([page.waitForURL('**/cabinet/filings/new'), page.getByRole('button', { name: t('cabinet.filings.new') }).click()]);
    await page.getByLabel(t('filing.type.court_order_application'), { exact: true }).check();
    await Promise.all([page.waitForURL(/\/court$/), page.getByRole('button', { name: t('filing.start.submit') }).click()]);
    await page.getByLabel(t('filing.court.label'), { exact: true }).selectOption({ label: DEMO_COURTS.find((c) => c.code === '7517')!.names[2] });
    await continueTo(/\/demand$/);

    // The demands of Art. 135, each with its subparagraph; any other is refused.
    await expectAccessible(page);
    expect(await page.locator('main').innerText()).toContain(t('courtOrder.demand.article', { n: 10 }));
    await page.getByLabel(t('courtOrder.demand.other'), { exact: true }).check();
    await page.getByRole('button', { name: t('filing.continue') }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(t('courtOrder.error.notListed'));
    await expectAccessible(page);
    await page.getByLabel(t('courtOrder.demand.consumer_agreement'), { exact: true }).check();
    await continueTo(/\/parties$/);

    const debtor = demoPeople().find((p) => p.handle === 'citizen2')!;
    await page.getByLabel(t('filing.party.name'), { exact: true }).fill(debtor.fullName);
    await page.getByLabel(t('filing.party.identifier'), { exact: true }).fill(debtor.iin);
    await page.getByRole('button', { name: t('filing.parties.addButton') }).click();
    await page.getByText(debtor.fullName).first().waitFor();
    await continueTo(/\/representative$/);
    await continueTo(/\/claim$/);
    await expectAccessible(page);
    await page.getByLabel(t('filing.claim.subject'), { exact: true }).fill('Enforcement of the settlement agreement of 2 March 2026 on a defective washing machine');
    await page.getByLabel(t('filing.claim.amount'), { exact: true }).fill('400000');
    await page.getByLabel(t('filing.claim.text'), { exact: true }).fill('The seller agreed in pre-trial settlement to refund 400,000 tenge within 10 days and has not paid.');
    await continueTo(/\/attachments$/);
    await continueTo(/\/duty$/);
    // Half of 1% of 400,000 ₸ (Tax Code 2026, Art. 665(1)(10)).
    expect((await page.locator('[data-duty]').innerText()).replace(/\D/g, '')).toMatch(/^2000/);
    await continueTo(/\/check$/);
    await expectAccessible(page);
    expect(await page.locator('main').innerText()).toContain(t('courtOrder.demand.consumer_agreement'));
    await Promise.all([page.waitForURL(/\/talon$/), page.getByRole('button', { name: t('filing.check.sign.demo') }).click()]);
    expect(await page.locator('[data-talon-number]').innerText()).toMatch(/^7517-\d{2}-\d{6}$/);
    expect(errors).toEqual([]);
    await close();
  });

  it('lets the debtor object to an issued order from its receipt, and the judge cancel it (ru)', async () => {
    const db = demo.server.database.db;
    const caseId = await demoCaseAt(db, 'citizen', 'order_issued');
    const [row] = await db.select({ number: cases.number, judgeIin: users.iin }).from(cases).innerJoin(users, eq(users.id, cases.judgeId)).where(and(eq(cases.id, caseId)));
    const judge = demoPeople().find((p) => p.iin === row!.judgeIin)!.handle;
    const number = row!.number!;

    const t = translator('ru');
    const { page, errors, close } = await pageIn(demo.browser, demo.server.url, 'ru');

    // The court office's form to record a paper copy handed to the debtor.
    await signIn(page, demo.server.url, t, 'clerk-7517');
    await page.goto(`${demo.server.url}/cabinet/cases/${caseId}`);
    await Promise.all([page.waitForURL(/court-order-delivery$/), page.getByRole('link', { name: t('courtOrder.case.recordDelivery') }).click()]);
    await expectAccessible(page);
    await page.getByLabel(t('courtOrder.delivery.day'), { exact: true }).fill('2020-01-01');
    await page.getByRole('button', { name: t('courtOrder.delivery.submit') }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await expectAccessible(page);
    await signOut(page, demo.server.url, t);

    // The debtor opens the order: that is its receipt, and the 10 working days start.
    await signIn(page, demo.server.url, t, 'citizen');
    await page.goto(`${demo.server.url}/cabinet/cases/${caseId}`);
    await expectAccessible(page);
    expect(await page.locator('main').innerText()).toContain(t('courtOrder.case.objectLeadNoTerm'));
    await page.goto(`${demo.server.url}${await page.getByRole('link', { name: new RegExp(t('documents.print')) }).first().getAttribute('href')}`);
    await page.goto(`${demo.server.url}/cabinet/cases/${caseId}`);
    const casePage = await page.locator('main').innerText();
    expect(casePage).toContain(t('proceedings.deadline.debtor_objection'));
    expect(casePage).toContain(citeArticle('CPC Art. 141(2)', 'ru'));
    expect(casePage).toContain(t('courtOrder.timeline.received'));
    await expectAccessible(page);

    await Promise.all([page.waitForURL(/\/cabinet\/filings\/new\?type=court_order_objection/), page.getByRole('link', { name: t('courtOrder.case.object') }).click()]);
    await expectAccessible(page);
    await Promise.all([page.waitForURL(/\/claim$/), page.getByRole('button', { name: t('filing.start.submit') }).click()]);
    await page.getByLabel(t('filing.claim.text'), { exact: true }).fill('Возражаю против требования: сумма по соглашению уплачена 5 марта 2026 года, квитанция прилагается.');
    await Promise.all([page.waitForURL(/\/attachments$/), page.getByRole('button', { name: t('filing.continue') }).click()]);
    await Promise.all([page.waitForURL(/\/duty$/), page.getByRole('button', { name: t('filing.continue') }).click()]);
    await expectAccessible(page);
    await Promise.all([page.waitForURL(/\/check$/), page.getByRole('button', { name: t('filing.continue') }).click()]);
    await Promise.all([page.waitForURL(/\/talon$/), page.getByRole('button', { name: t('filing.check.sign.demo') }).click()]);
    await page.goto(`${demo.server.url}/cabinet/cases/${caseId}`);
    expect(await page.locator('.govuk-tag', { hasText: t('status.order_objected') }).count()).toBe(1);
    expect(await page.getByRole('link', { name: t('courtOrder.case.object') }).count()).toBe(0);
    await signOut(page, demo.server.url, t);

    // The judge cancels the order by a ruling, signed with the demo certificate.
    await signIn(page, demo.server.url, t, judge);
    await page.goto(`${demo.server.url}/judge/cases/${caseId}`);
    await expectAccessible(page);
    expect(await page.locator('main').innerText()).toContain(t('courtOrder.judge.objected'));
    await page.locator('form', { has: page.locator('#act-text') }).getByLabel(t('courtOrder.judge.cancellation'), { exact: true }).check();
    await page.locator('#act-title').fill('Определение об отмене судебного приказа');
    await page.getByLabel(t('proceedings.acts.text'), { exact: true }).fill('Судебный приказ отменить. Разъяснить истцу, что требование может быть предъявлено в порядке искового производства.');
    await Promise.all([page.waitForURL(/done=drafted/), page.getByRole('button', { name: t('proceedings.acts.save') }).click()]);
    await Promise.all([page.waitForURL(/done=issued/), page.getByRole('button', { name: t('filing.check.sign.demo') }).click()]);
    expect(await page.locator('.govuk-tag', { hasText: t('status.order_cancelled') }).count()).toBe(1);
    await signOut(page, demo.server.url, t);

    await signIn(page, demo.server.url, t, 'citizen');
    await page.goto(`${demo.server.url}/cabinet/cases/${caseId}`);
    expect(await page.locator('main').innerText()).toContain(t('courtOrder.case.cancelledLead'));
    await expectAccessible(page);
    expect(number).toMatch(/^7517-/);
    expect(errors).toEqual([]);
    await close();
  });
});
