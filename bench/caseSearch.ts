/**
 * The signed-in case search scenarios: court staff searching their court's cases (a clerk of a
 * first-instance court, where the bench cases are) by a fragment of a party's name and by the
 * start of a case number, and a party searching their own cases by a party's name.
 *
 * The searchers are demo people; their sessions are made in the database as the tests and the
 * signed-filing scenario make them (sign-in is not what is measured), fresh for each run, so a
 * long benchmark never outlives the idle timeout.
 */
import { eq } from 'drizzle-orm';
import { createSession, SESSION_COOKIE } from '../src/auth/sessions.ts';
import { BENCH_PARTY_WORDS } from '../src/db/benchData.ts';
import { openDatabase } from '../src/db/client.ts';
import { users } from '../src/db/schema/index.ts';
import { demoPeople } from '../src/seed/people.ts';

export const CASE_SEARCH_SCENARIOS = {
  courtByName: 'page: court case search by party name (clerk of a busy court)',
  courtByNumber: 'page: court case search by number prefix (clerk of a busy court)',
  cabinetByName: 'page: cabinet case search by party name (a party)',
} as const;

export const CASE_SEARCH_P95_MS = 100;

/** The clerk's court gets its share of the bench cases like every first-instance court. */
const CLERK = { handle: 'clerk-7517', court: '7517' };
/** A party to several demo cases. */
const PARTY = 'citizen';

/** A new session of the demo person `handle`, as a cookie header. */
async function sessionCookie(databaseUrl: string, handle: string): Promise<string> {
  const person = demoPeople().find((p) => p.handle === handle);
  if (!person) throw new Error(`no demo person ${handle}`);
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 1 });
  try {
    const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.iin, person.iin));
    if (!user) throw new Error(`demo person ${handle} is not in the benchmark database`);
    const session = await createSession(database.db, { userId: user.id, bin: null, certificateId: null }, new Date());
    return `${SESSION_COOKIE}=${session.id}`;
  } finally {
    await database.close();
  }
}

const any = <T>(values: readonly T[]) => values[Math.floor(Math.random() * values.length)]!;
/** The start of a word of bench party names: each is in about one name in sixteen. */
const nameFragment = () => encodeURIComponent(any(BENCH_PARTY_WORDS).slice(0, 4));
/** The court's numbers of one year (2000–2019, as generated): one in twenty of its cases. */
const numberPrefix = () => encodeURIComponent(`${CLERK.court}-${String(Math.floor(Math.random() * 20)).padStart(2, '0')}-`);

export function caseSearchScenarios(databaseUrl: string) {
  const target = { p95Ms: CASE_SEARCH_P95_MS };
  const clerk = () => sessionCookie(databaseUrl, CLERK.handle);
  return [
    { name: CASE_SEARCH_SCENARIOS.courtByName, path: () => `/court/cases/search?name=${nameFragment()}`, cookie: clerk, target, paired: false },
    { name: CASE_SEARCH_SCENARIOS.courtByNumber, path: () => `/court/cases/search?number=${numberPrefix()}`, cookie: clerk, target, paired: false },
    { name: CASE_SEARCH_SCENARIOS.cabinetByName, path: () => `/cabinet/cases/search?name=${nameFragment()}`, cookie: () => sessionCookie(databaseUrl, PARTY), target, paired: false },
  ];
}
