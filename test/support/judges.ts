import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { createSession, SESSION_COOKIE } from '../../src/auth/sessions.ts';
import type { Db } from '../../src/db/client.ts';
import { documents, users } from '../../src/db/schema/index.ts';
import type { Principal } from '../../src/policies/principal.ts';
import type { TestApp } from './app.ts';
import { issueSigningKey, signContent, type TestCa, type TestSigner } from './pki.ts';

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

/**
 * Signs the manifest of the case's act waiting as a draft (kept for the court) with the judge's
 * signing key and issues it through the API, as the judge's page does; the answer and the act.
 */
export async function signAndIssueDraft(t: TestApp, judge: Judge, caseId: string): Promise<{ res: LightMyRequestResponse; documentId: string }> {
  const [doc] = await t.database.db.select({ id: documents.id }).from(documents).where(and(eq(documents.caseId, caseId), eq(documents.visibility, 'court')));
  const manifest = await t.app.inject({ method: 'GET', url: `/api/v1/acts/${doc!.id}/manifest`, headers: { cookie: judge.cookie } });
  const cms = Buffer.from(await signContent(judge.signer, manifest.rawPayload)).toString('base64');
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/acts/${doc!.id}/issue`, headers: { cookie: judge.cookie }, payload: { cms } });
  return { res, documentId: doc!.id };
}
