import { desc } from 'drizzle-orm';
import { setMci } from '../commands/reference.ts';
import type { Db } from '../db/client.ts';
import { referenceMci } from '../db/schema/index.ts';
import { courtDateIso } from '../domain/courtTime.ts';

/**
 * This year's MCI where nobody has entered it, for the demo and the tests, never for production.
 * Sot does not guess the law: a year without its MCI refuses dutiable quotes and warns the
 * administrators until the budget law's value is entered. But a demo started on 2 January, or a
 * test filing a claim on the real clock, would then refuse every claim until a release ships the
 * value. So they carry the latest entered year's value into this one, on the audit log like any
 * entry, with a basis (shown on the reference page) that says it is not the law.
 * Returns the year it entered, or null when this year's value is there.
 */
export async function carryMciIntoThisYear(db: Db, now: Date, basis: (fromYear: number) => string): Promise<number | null> {
  const year = Number(courtDateIso(now).slice(0, 4));
  const [latest] = await db.select().from(referenceMci).orderBy(desc(referenceMci.year)).limit(1);
  if (!latest || latest.year >= year) return null;
  await setMci(db, null, { year, tenge: latest.tenge, basis: basis(latest.year) }, now);
  return year;
}
