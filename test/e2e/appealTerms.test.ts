import { describe, expect, it } from 'vitest';
import { courtDateIso } from '../../src/i18n/format.ts';
import { citeArticle } from '../../src/i18n/legalReference.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { expectAccessible, fileClaim, handleOf, pageIn, signIn, signOut, fillHearingSlot } from './journeys.ts';
import { workingDayAhead } from '../support/workingDays.ts';
import { withDemoBrowser } from './server.ts';
import { openTodaysHearing } from './hearings.ts';

/**
 * A party who did not take part in the hearing has their own appeal term (CPC Art. 403(3)): the
 * judge, working in Russian, records both sides absent when signing the decision; the claimant,
 * who uses Sot in Kazakh, gets the decision through Sot and sees a term of their own from that
 * day; the court office, in English, records the paper copy posted to the defendant. Every page
 * changed on the way passes axe.
 */
describe('the appeal term of a party absent from the hearing', () => {
  const demo = withDemoBrowser();

  it('is recorded by the judge when signing, shown to that party as their own, and started by the copy the office posts', async () => {
    const base = demo.server.url;
    const defendantName = demoPeople().find((p) => p.handle === 'citizen2')!.fullName;
    const claimantName = demoPeople().find((p) => p.handle === 'citizen')!.fullName;

    // The citizen files a claim, in Kazakh.
    const citizen = await pageIn(demo.browser, base, 'kk');
    await signIn(citizen.page, base, citizen.t, 'citizen');
    const talonNumber = await fileClaim(citizen.page, citizen.t, 'kk');
    await signOut(citizen.page, base, citizen.t);

    // The office registers it, in English.
    const clerk = await pageIn(demo.browser, base, 'en');
    await signIn(clerk.page, base, clerk.t, 'clerk-7517');
    await clerk.page.goto(`${base}/court/registry`);
    await Promise.all([clerk.page.waitForURL(/\/court\/registry\?registered=/), clerk.page.locator('tr', { hasText: talonNumber }).getByRole('button', { name: new RegExp(clerk.t('court.registry.register')) }).click()]);
    const template = clerk.t('court.registry.registered').replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{number}', '(\\S+)').replace('{judge}', '(.+)');
    const [, number, judgeName] = new RegExp(template).exec(await clerk.page.locator('.govuk-notification-banner').innerText())!;

    // The drawn judge, in Russian, hears the case and signs the decision with both sides recorded absent.
    const judge = await pageIn(demo.browser, base, 'ru');
    const { page, t } = judge;
    await signIn(page, base, t, handleOf(judgeName!.trim()));
    await page.goto(`${base}/judge/cases`);
    await Promise.all([page.waitForURL(/decided=accepted/), page.locator('section', { hasText: number! }).getByRole('button', { name: t('judge.accept') }).click()]);
    await Promise.all([page.waitForURL(/\/judge\/cases\/[0-9a-f-]+$/), page.getByRole('link', { name: number! }).click()]);
    const caseId = /\/judge\/cases\/([0-9a-f-]+)$/.exec(page.url())![1]!;
    await fillHearingSlot(page, workingDayAhead(3), '11:00');
    await page.getByLabel(t('proceedings.hearing.room'), { exact: true }).fill('307');
    await Promise.all([page.waitForURL(/done=scheduled/), page.getByRole('button', { name: t('proceedings.hearing.schedule') }).click()]);
    await expectAccessible(page);
    await openTodaysHearing(page, base, demo.server.database.db, caseId, t);
    const actForm = page.locator('form', { has: page.locator('#act-text') });
    await actForm.getByLabel(t('proceedings.decisionForm.final'), { exact: true }).check();
    expect(await actForm.locator('legend', { hasText: t('appealTerms.attendance.legend') }).count()).toBe(1);
    // Everyone is ticked as present until the judge says otherwise.
    const claimantBox = actForm.getByLabel(`${t('partyRole.claimant')}: ${claimantName}`, { exact: true });
    const defendantBox = actForm.getByLabel(`${t('partyRole.defendant')}: ${defendantName}`, { exact: true });
    expect(await claimantBox.isChecked()).toBe(true);
    expect(await defendantBox.isChecked()).toBe(true);
    await claimantBox.uncheck();
    await defendantBox.uncheck();
    await page.locator('#act-title').fill('Решение по иску о взыскании долга');
    await page.getByLabel(t('proceedings.acts.text'), { exact: true }).fill('Именем Республики Казахстан.\n\nСуд, рассмотрев дело в отсутствие сторон, РЕШИЛ: иск удовлетворить.');
    await Promise.all([page.waitForURL(/done=drafted/), page.getByRole('button', { name: t('proceedings.acts.save') }).click()]);
    await expectAccessible(page);
    expect(await page.locator('main').innerText()).toContain(t('appealTerms.attendance.absent', { names: `${claimantName}, ${defendantName}` }));
    await Promise.all([page.waitForURL(/done=issued/), page.getByRole('button', { name: t('filing.check.sign.demo') }).click()]);
    await expectAccessible(page);
    const judgeView = await page.locator('main').innerText();
    expect(judgeView).toContain(t('appealTerms.deadlines.ofParty', { name: claimantName }));
    expect(judgeView).toContain(citeArticle('CPC Art. 403(3)', 'ru'));
    expect(await page.getByRole('link', { name: t('appealTerms.copies.link') }).count()).toBe(1);

    // The office posts the defendant a paper copy and records the day.
    await clerk.page.goto(`${base}/cabinet/cases/${caseId}`);
    await expectAccessible(clerk.page);
    await Promise.all([clerk.page.waitForURL(/\/copies$/), clerk.page.getByRole('link', { name: clerk.t('appealTerms.copies.link') }).click()]);
    await expectAccessible(clerk.page);
    await clerk.page.getByLabel(clerk.t('appealTerms.copies.day', { name: defendantName }), { exact: true }).fill('2020-01-01');
    await clerk.page.getByRole('button', { name: new RegExp(clerk.t('appealTerms.copies.submit')) }).click();
    // A day before the decision is refused beside its field.
    expect(await clerk.page.locator('.govuk-error-summary').innerText()).toContain(clerk.t('appealTerms.error.copyDayInvalid'));
    await expectAccessible(clerk.page);
    const sent = courtDateIso(new Date());
    await clerk.page.getByLabel(clerk.t('appealTerms.copies.day', { name: defendantName }), { exact: true }).fill(sent);
    await Promise.all([clerk.page.waitForURL(/done=recorded/), clerk.page.getByRole('button', { name: new RegExp(clerk.t('appealTerms.copies.submit')) }).click()]);
    await expectAccessible(clerk.page);
    expect(await clerk.page.locator('main').innerText()).toContain(clerk.t('appealTerms.copies.none'));

    // The claimant, in Kazakh, sees a term of their own next to the case's.
    await signIn(citizen.page, base, citizen.t, 'citizen');
    await Promise.all([citizen.page.waitForURL(/\/cabinet\/cases\//), citizen.page.getByRole('link', { name: number! }).click()]);
    await expectAccessible(citizen.page);
    const own = await citizen.page.locator('main').innerText();
    expect(own).toContain(citizen.t('appealTerms.deadlines.own'));
    expect(own).toContain(citeArticle('CPC Art. 403(3)', 'kk'));
    // Not the defendant's term: that is theirs alone.
    expect(own).not.toContain(citizen.t('appealTerms.deadlines.ofParty', { name: defendantName }));

    expect([...citizen.errors, ...clerk.errors, ...judge.errors]).toEqual([]);
    await Promise.all([citizen.close(), clerk.close(), judge.close()]);
  });
});
