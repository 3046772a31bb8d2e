import { and, eq, isNotNull } from 'drizzle-orm';
import { createSession } from '../../src/auth/sessions.ts';
import type { Db } from '../../src/db/client.ts';
import { cases, documents, parties, recordings, users } from '../../src/db/schema/index.ts';
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

/** The demo person's case at a given stage. */
export async function demoCaseAt(db: Db, handle: string, status: (typeof cases.$inferSelect)['status']): Promise<string> {
  const [row] = await db
    .select({ caseId: cases.id })
    .from(parties)
    .innerJoin(cases, eq(cases.id, parties.caseId))
    .where(and(eq(parties.userId, await demoUserId(db, handle)), eq(cases.status, status)))
    .limit(1);
  return row!.caseId;
}

/** A case the demo judge has in hand with a hearing scheduled. */
export async function demoJudgeCase(db: Db, handle: string): Promise<string> {
  const [row] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.judgeId, await demoUserId(db, handle)), eq(cases.status, 'hearing_scheduled'))).limit(1);
  return row!.id;
}

/** The check code of one of the demo's signed court acts. */
export async function demoActCode(db: Db): Promise<string> {
  const [row] = await db.select({ code: documents.verifyCode }).from(documents).where(isNotNull(documents.verifyCode)).limit(1);
  return row!.code!;
}

/** The signed decision of a demo case. */
export async function demoActOf(db: Db, caseId: string): Promise<string> {
  const [row] = await db.select({ id: documents.id }).from(documents).where(and(eq(documents.caseId, caseId), isNotNull(documents.verifyCode))).limit(1);
  return row!.id;
}

/** The held hearing the demo recording is attached to, in a case of the demo citizen's. */
export async function demoRecordingHearing(db: Db): Promise<{ caseId: string; hearingId: string }> {
  const [row] = await db.select({ caseId: recordings.caseId, hearingId: recordings.hearingId }).from(recordings).where(eq(recordings.kind, 'audio')).limit(1);
  return row!;
}
