import { eq } from 'drizzle-orm';
import { createSession } from '../../src/auth/sessions.ts';
import type { Db } from '../../src/db/client.ts';
import { parties, users } from '../../src/db/schema/index.ts';
import { demoPeople } from '../../src/seed/people.ts';

async function demoUserId(db: Db, handle: string): Promise<string> {
  const person = demoPeople().find((p) => p.handle === handle);
  if (!person) throw new Error(`no demo person ${handle}`);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.iin, person.iin));
  return user!.id;
}

/** A session for a demo person, for page checks that are not about signing in. */
export async function demoSession(db: Db, handle: string): Promise<string> {
  const session = await createSession(db, { userId: await demoUserId(db, handle), bin: null, certificateId: null }, new Date());
  return session.id;
}

/** One case the demo person takes part in. */
export async function demoCaseOf(db: Db, handle: string): Promise<string> {
  const [party] = await db.select({ caseId: parties.caseId }).from(parties).where(eq(parties.userId, await demoUserId(db, handle))).limit(1);
  return party!.caseId;
}
