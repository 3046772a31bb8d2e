import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import type { Db } from '../../src/db/client.ts';
import { hearings } from '../../src/db/schema/index.ts';
import type { T } from './journeys.ts';

/**
 * The day of the case's scheduled hearing has come (its time is moved to now, as the calendar
 * would bring it), and the judge opens it from the case page: a decision is announced only at a
 * hearing opened that day. Leaves the judge on the case page.
 */
export async function openTodaysHearing(page: Page, baseUrl: string, db: Db, caseId: string, t: T): Promise<void> {
  await db.update(hearings).set({ startsAt: new Date() }).where(and(eq(hearings.caseId, caseId), eq(hearings.status, 'scheduled')));
  await page.goto(`${baseUrl}/judge/cases/${caseId}`);
  await Promise.all([page.waitForURL(/done=opened/), page.getByRole('button', { name: t('hearings.open.submit') }).first().click()]);
}
