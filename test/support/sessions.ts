import { randomInt } from 'node:crypto';
import { createSession, SESSION_COOKIE } from '../../src/auth/sessions.ts';
import type { Db } from '../../src/db/client.ts';
import { userRoles, users } from '../../src/db/schema/index.ts';
import type { GrantableRole } from '../../src/policies/principal.ts';
import { withCheckDigit } from '../../src/seed/people.ts';
import { TEST_NOW } from './app.ts';

/**
 * An IIN with a valid check digit that no demo person has (serials 5000–8999; the demo's start at
 * 9000). The birth date varies too: the access matrix makes thousands of people, more than one
 * day's serials hold.
 */
export function freshIin(): string {
  const born = `80${String(randomInt(1, 13)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}`;
  return withCheckDigit(born, '3', 5000 + randomInt(0, 4000));
}

export interface TestUser {
  id: string;
  iin: string;
  /** Cookie header value carrying the session (and the language, when given). */
  cookie: string;
}

/**
 * A person with a live session, made directly in the database: for tests about what signed-in
 * people may do. Sign-in itself is tested through the real EDS protocol elsewhere.
 */
export async function signedInUser(db: Db, options: { roles?: { role: GrantableRole; courtId: string | null }[]; bin?: string; lang?: string; now?: Date } = {}): Promise<TestUser> {
  let iin = freshIin();
  let inserted: { id: string } | undefined;
  for (let attempt = 0; !inserted && attempt < 20; attempt++) {
    [inserted] = await db.insert(users).values({ iin, fullName: `Тестов Тест ${iin.slice(-4)}` }).onConflictDoNothing().returning({ id: users.id });
    if (!inserted) iin = freshIin();
  }
  const user = inserted!;
  for (const { role, courtId } of options.roles ?? []) await db.insert(userRoles).values({ userId: user.id, role, courtId });
  const session = await createSession(db, { userId: user.id, bin: options.bin ?? null, certificateId: null }, options.now ?? TEST_NOW);
  const cookie = `${SESSION_COOKIE}=${session.id}${options.lang ? `; lang=${options.lang}` : ''}`;
  return { id: user.id, iin, cookie };
}
