import { and, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PRIVATE_CATEGORIES } from '../../src/domain/judgments.ts';
import { cases, events, parties, users } from '../../src/db/schema/index.ts';
import { fanOutCaseAlerts } from '../../src/jobs/caseAlerts.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { expectAccessible, pageIn, signIn } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

/**
 * Following a case in a browser: a signed-in person who takes no part in a public case finds it
 * by its number, follows it from the public status page, and the next event of the case reaches
 * their notification centre once, in their language.
 */
describe('case alerts', () => {
  const demo = withDemoBrowser();

  it('a person follows a public case from its status page and finds its next event in the notification centre, in ru and kk', async () => {
    const db = demo.server.database.db;
    const followers = [
      { lang: 'ru' as const, handle: 'citizen4' },
      { lang: 'kk' as const, handle: 'citizen3' },
    ];
    const followerIins = followers.map(({ handle }) => demoPeople().find((p) => p.handle === handle)!.iin);
    const followerIds = (await db.select({ id: users.id }).from(users).where(inArray(users.iin, followerIins))).map((u) => u.id);
    const theirCases = db.select({ caseId: parties.caseId }).from(parties).where(inArray(parties.userId, followerIds));
    const [target] = await db
      .select({ id: cases.id, number: cases.number })
      .from(cases)
      .where(and(isNotNull(cases.number), eq(cases.closedHearing, false), notInArray(cases.category, Object.keys(PRIVATE_CATEGORIES)), notInArray(cases.id, theirCases)))
      .limit(1);
    const number = target!.number!;

    for (const { lang, handle } of followers) {
      const { page, t, close, errors } = await pageIn(demo.browser, demo.server.url, lang);
      await signIn(page, demo.server.url, t, handle);
      await page.goto(`${demo.server.url}/case-status?number=${encodeURIComponent(number)}`);
      await expectAccessible(page);
      await Promise.all([page.waitForURL('**/cabinet/follows/new?*'), page.getByRole('button', { name: t('caseStatus.follow.link') }).click()]);
      await expectAccessible(page);
      await Promise.all([page.waitForURL('**/cabinet/follows?*'), page.getByRole('button', { name: t('follows.new.submit') }).click()]);
      await expect.poll(() => page.getByText(t('follows.done.followed')).count(), { message: lang }).toBe(1);
      await expect.poll(() => page.getByText(number).count(), { message: lang }).toBeGreaterThan(0);
      await expectAccessible(page);
      expect(errors, lang).toEqual([]);
      await close();
    }

    // The case's next event, as the judge's scheduling writes it; the worker's minute job and
    // this run may both fan it out, and each follower still hears of it once.
    const [event] = await db
      .insert(events)
      .values({ caseId: target!.id, type: 'hearing_scheduled', occurredAt: new Date(), data: { startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString() } })
      .returning({ id: events.id });
    await fanOutCaseAlerts(db, new Date());
    await fanOutCaseAlerts(db, new Date());

    for (const { lang, handle } of followers) {
      const { page, t, close, errors } = await pageIn(demo.browser, demo.server.url, lang);
      await signIn(page, demo.server.url, t, handle);
      await page.goto(`${demo.server.url}/cabinet/notifications`);
      const alert = page.locator(`a[href="/case-status?number=${encodeURIComponent(number)}"]`);
      await expect.poll(() => alert.count(), { message: `${lang}: one alert for event ${event!.id}` }).toBe(1);
      await expect.poll(() => page.getByText(t('timeline.hearingScheduled'), { exact: false }).count(), { message: lang }).toBeGreaterThan(0);
      await expectAccessible(page);
      expect(errors, lang).toEqual([]);
      await close();
    }
  });

  it('a party reads on their case page how they hear of it and goes to that case’s own choices, in kk and ru', async () => {
    const db = demo.server.database.db;
    for (const { lang, handle } of [
      { lang: 'kk' as const, handle: 'citizen' },
      { lang: 'ru' as const, handle: 'citizen2' },
    ]) {
      const iin = demoPeople().find((p) => p.handle === handle)!.iin;
      const [own] = await db
        .select({ id: cases.id })
        .from(parties)
        .innerJoin(cases, eq(cases.id, parties.caseId))
        .innerJoin(users, eq(users.id, parties.userId))
        .where(and(eq(users.iin, iin), isNotNull(cases.number)))
        .limit(1);
      const { page, t, close, errors } = await pageIn(demo.browser, demo.server.url, lang);
      await signIn(page, demo.server.url, t, handle);
      await page.goto(`${demo.server.url}/cabinet/cases/${own!.id}`);
      await expect.poll(() => page.getByRole('heading', { name: t('cabinet.alerts.title') }).count(), { message: lang }).toBe(1);
      await expectAccessible(page);
      await Promise.all([page.waitForURL(/\/cabinet\/follows#follow-/), page.getByRole('link', { name: t('cabinet.alerts.change') }).click()]);
      expect(new URL(page.url()).hash, lang).toBe(`#follow-${own!.id}`);
      // The section the link names is there, with that case's own choices.
      const section = page.locator(`#follow-${own!.id}`);
      await expect.poll(() => section.getByText(t('follows.participant')).count(), { message: lang }).toBe(1);
      await expectAccessible(page);
      expect(errors, lang).toEqual([]);
      await close();
    }
  });
});
