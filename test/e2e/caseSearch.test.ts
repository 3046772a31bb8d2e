import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { cases, courts, parties, users } from '../../src/db/schema/index.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { expectAccessible, pageIn, signIn } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

/**
 * Case search in a browser: the court office finds a case of its court by a party's name, and a
 * lawyer finds a client's case in the cabinet, each in two languages and all three across the file.
 */
describe('case search', () => {
  const demo = withDemoBrowser();

  it('lets a clerk find a case of the court by a party’s name and open its file', async () => {
    const db = demo.server.database.db;
    const [target] = await db
      .select({ id: cases.id, number: cases.number, name: parties.displayName })
      .from(parties)
      .innerJoin(cases, eq(cases.id, parties.caseId))
      .innerJoin(courts, eq(courts.id, cases.courtId))
      .where(and(eq(courts.code, '7517'), eq(parties.role, 'defendant'), isNotNull(cases.number)))
      .orderBy(sql`${cases.filedAt} desc`)
      .limit(1);
    // Part of the surname, in other letters' case than it is stored in.
    const part = target!.name.split(/\s+/)[0]!.slice(0, 5).toUpperCase();
    for (const lang of ['kk', 'ru'] as const) {
      const { page, t, close, errors } = await pageIn(demo.browser, demo.server.url, lang);
      await signIn(page, demo.server.url, t, 'clerk-7517');
      await Promise.all([page.waitForURL('**/court/cases/search'), page.getByRole('link', { name: t('caseSearch.link.court') }).click()]);
      await expectAccessible(page);
      await page.getByLabel(t('caseSearch.name.court'), { exact: true }).fill(part);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: t('caseSearch.submit'), exact: true }).click()]);
      const link = page.locator('table.sot-case-results a', { hasText: target!.number! });
      await expect.poll(() => link.count(), { message: lang }).toBe(1);
      await expectAccessible(page);
      await Promise.all([page.waitForURL(`**/court/cases/${target!.id}/file`), link.click()]);
      expect(errors, lang).toEqual([]);
      await close();
    }
  });

  it('lets a lawyer find a client’s case in the cabinet', async () => {
    const db = demo.server.database.db;
    const lawyer = demoPeople().find((p) => p.handle === 'lawyer')!;
    const client = alias(parties, 'client');
    const [own] = await db
      .select({ caseId: parties.caseId, number: cases.number, client: client.displayName })
      .from(parties)
      .innerJoin(users, eq(users.id, parties.userId))
      .innerJoin(client, eq(client.id, parties.representsPartyId))
      .innerJoin(cases, eq(cases.id, parties.caseId))
      .where(and(eq(users.iin, lawyer.iin), isNotNull(parties.authorityAcceptedAt)))
      .limit(1);
    const word = own!.client.split(/\s+/).find((w) => w.replace(/[^\p{L}]/gu, '').length >= 3)!.replace(/[^\p{L}]/gu, '');
    for (const lang of ['en', 'kk'] as const) {
      const { page, t, close, errors } = await pageIn(demo.browser, demo.server.url, lang);
      await signIn(page, demo.server.url, t, 'lawyer');
      await page.goto(`${demo.server.url}/cabinet`);
      await Promise.all([page.waitForURL('**/cabinet/cases/search'), page.getByRole('link', { name: t('caseSearch.link.cabinet') }).click()]);
      await expectAccessible(page);
      await page.getByLabel(t('caseSearch.name.cabinet'), { exact: true }).fill(word.toLowerCase());
      await Promise.all([page.waitForURL('**/cabinet/cases/search?*'), page.getByRole('button', { name: t('caseSearch.submit'), exact: true }).click()]);
      const link = page.locator('table.sot-case-results a', { hasText: own!.number ?? t('caseSearch.notRegistered') }).first();
      await expect.poll(() => link.count(), { message: lang }).toBeGreaterThan(0);
      await expectAccessible(page);
      await Promise.all([page.waitForURL(`**/cabinet/cases/${own!.caseId}`), page.locator(`table.sot-case-results a[href="/cabinet/cases/${own!.caseId}"]`).click()]);
      expect(errors, lang).toEqual([]);
      await close();
    }
  });
});
