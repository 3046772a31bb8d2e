import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/tx.ts';
import { cases, courts, judgeAbsences, judgeCategories } from '../db/schema/index.ts';
import { REASSIGNABLE_STATUSES } from '../domain/bench.ts';
import { courtDateIso } from '../i18n/format.ts';

/**
 * The demo bench: a few judges with a specialisation and one away today, so the chair's page,
 * the protocols and the draw show them. In the Medeu court (7517) the chair hears everything and
 * both other judges hear property claims, so a demo claim always finds two judges or more.
 */
const SPECIALISATIONS: Record<string, string[]> = {
  'judge-7517-2': ['property', 'housing', 'inheritance', 'labour', 'non_property'],
  'judge-7517-3': ['property', 'divorce', 'alimony', 'non_property', 'special_proceedings', 'court_order'],
  'judge-7599-2': ['property', 'housing', 'labour'],
  'judge-7599-3': ['criminal', 'administrative_offence'],
};

/**
 * One judge away from yesterday to a week from now (covering "today" for a while after the demo
 * is made), and one Medeu judge's leave planned for later, so that court's chair sees one too.
 */
const ABSENCES = [
  { handle: 'judge-7599-2', fromDays: -1, toDays: 7, reason: 'training' },
  { handle: 'judge-7517-3', fromDays: 14, toDays: 27, reason: 'leave' },
] as const;

const dayOffset = (now: Date, days: number) => courtDateIso(new Date(now.getTime() + days * 86_400_000));

export async function seedBench(tx: Tx, ctx: { people: ReadonlyMap<string, { id: string }>; courtIds: ReadonlyMap<string, string>; now: Date }): Promise<void> {
  for (const [handle, categories] of Object.entries(SPECIALISATIONS)) {
    const judgeId = ctx.people.get(handle)?.id;
    const courtId = ctx.courtIds.get(handle.split('-')[1]!);
    if (!judgeId || !courtId) continue;
    await tx.insert(judgeCategories).values(categories.map((category) => ({ judgeId, courtId, category })));
  }
  for (const away of ABSENCES) {
    const judgeId = ctx.people.get(away.handle)?.id;
    const courtId = ctx.courtIds.get(away.handle.split('-')[1]!);
    if (!judgeId || !courtId) continue;
    await tx.insert(judgeAbsences).values({ judgeId, courtId, startsOn: dayOffset(ctx.now, away.fromDays), endsOn: dayOffset(ctx.now, away.toDays), reason: away.reason, createdAt: ctx.now });
  }
}

/** A Medeu case whose judge can still change, for the browser suite's visit to its assignment page. */
export async function demoReassignableCase(db: Db): Promise<string> {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .where(and(eq(courts.code, '7517'), inArray(cases.status, [...REASSIGNABLE_STATUSES]), isNotNull(cases.judgeId)))
    .orderBy(asc(cases.number))
    .limit(1);
  if (!row) throw new Error('the demo data has no open case with a judge in court 7517');
  return row.id;
}
