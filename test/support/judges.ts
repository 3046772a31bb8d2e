import { eq } from 'drizzle-orm';
import { createSession, SESSION_COOKIE } from '../../src/auth/sessions.ts';
import type { Db } from '../../src/db/client.ts';
import { users } from '../../src/db/schema/index.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { issueSigningKey, type TestCa, type TestSigner } from './pki.ts';

/** A judge as the court's tests act: the principal for commands, a session for pages, their signing key (not the authentication one) for acts. */
export interface Judge {
  principal: Principal;
  cookie: string;
  signer: TestSigner;
}

/** A demo or test judge of `courtId`, signed in (English pages) with a key from `root`. */
export async function judgeSession(db: Db, root: TestCa, judgeId: string, courtId: string, now: Date): Promise<Judge> {
  const [judge] = await db.select().from(users).where(eq(users.id, judgeId));
  const session = await createSession(db, { userId: judgeId, bin: null, certificateId: null }, now);
  return {
    principal: { userId: judgeId, iin: judge!.iin, fullName: judge!.fullName, bin: null, roles: [{ role: 'judge', courtId }] },
    cookie: `${SESSION_COOKIE}=${session.id}; lang=en`,
    signer: await issueSigningKey(root, { person: { fullName: judge!.fullName.toUpperCase(), iin: judge!.iin } }),
  };
}
