import { sql } from 'drizzle-orm';
import { EdsError, type SignatureVerifier, type SignerIdentity } from '../adapters/eds/index.ts';
import { burnNonce, nonceProblem, type NonceFailure } from '../auth/nonces.ts';
import { createSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { displayPersonName } from '../domain/personName.ts';
import { directBinOf, entityTieOf, type EntityStanding } from '../domain/ncaRoles.ts';
import { certificates, users } from '../db/schema/index.ts';
import { SotError } from '../errors.ts';
import { decodeBase64 } from '../domain/base64.ts';

export interface SignInInput {
  nonce: string;
  /** Base64 DER CMS SignedData over the nonce's bytes, attached or detached. */
  cms: string;
}

export interface SignedIn {
  sessionId: string;
  user: { id: string; iin: string; bin: string | null; fullName: string; entity: { bin: string; standing: EntityStanding } | null };
}


async function recordFailure(db: Db, code: string, at: Date): Promise<void> {
  // Who tried is unknown or unproven; the audit keeps only what failed.
  await db.transaction((tx) => appendAudit(tx, { actorId: null, action: 'auth.login_failed', entityType: 'auth', entityId: 'login', data: { code } }, at));
}

/**
 * Sign-in by EDS challenge–response: the nonce must be ours, fresh and unused; the CMS must be a
 * valid signature over it by a certificate that chains to a trusted root and is valid now. The
 * first sign-in creates the person. Every attempt leaves an audit entry, without the IIN.
 */
export async function signIn(db: Db, verifier: SignatureVerifier, input: SignInInput, now: Date, previousSessionHash: string | null): Promise<SignedIn> {
  const fail = async (code: NonceFailure | EdsError['code']): Promise<never> => {
    await recordFailure(db, code, now);
    throw new SotError(code);
  };
  const nonceBytes = decodeBase64(input.nonce);
  if (!nonceBytes) return fail('nonce_unknown');
  const problem = await nonceProblem(db, input.nonce, now);
  if (problem) return fail(problem);
  const cms = decodeBase64(input.cms);
  if (!cms) return fail('malformed_cms');

  let identity: SignerIdentity;
  try {
    identity = await verifier.verify({ cms, content: nonceBytes, at: now, purpose: 'authentication' });
  } catch (error) {
    if (error instanceof EdsError) return fail(error.code);
    throw error;
  }
  // Burned only after the signature checks out, so a stranger's garbage cannot spend a person's challenge.
  if (!(await burnNonce(db, input.nonce, now))) return fail('nonce_used');

  const fullName = displayPersonName(identity.fullName);
  // A BIN alone does not make its holder the entity's voice: only the role the certificate names does.
  const entity = entityTieOf(identity);
  const bin = directBinOf(entity);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ iin: identity.iin, fullName, createdAt: now })
      .onConflictDoUpdate({ target: users.iin, set: { fullName } })
      .returning();
    const cert = identity.certificate;
    const [seen] = await tx
      .insert(certificates)
      .values({
        userId: user!.id,
        thumbprintSha256: cert.thumbprintSha256,
        serialNumber: cert.serialNumber,
        subject: cert.subject,
        issuer: cert.issuer,
        notBefore: cert.notBefore,
        notAfter: cert.notAfter,
        firstSeenAt: now,
        lastSeenAt: now,
      })
      .onConflictDoUpdate({ target: certificates.thumbprintSha256, set: { lastSeenAt: now } })
      .returning({ id: certificates.id, userId: certificates.userId });
    // A certificate already bound to another person is not this person's to use.
    if (seen!.userId !== user!.id) throw new SotError('untrusted_certificate');
    if (previousSessionHash) await tx.execute(sql`delete from sessions where id_hash = ${previousSessionHash}`);
    const session = await createSession(tx, { userId: user!.id, bin, entity, certificateId: seen!.id }, now);
    await appendAudit(tx, { actorId: user!.id, action: 'auth.login', entityType: 'user', entityId: user!.id, data: { forLegalEntity: Boolean(bin), entityStanding: entity?.standing ?? null, certificate: cert.thumbprintSha256 } }, now);
    return { sessionId: session.id, user: { id: user!.id, iin: user!.iin, bin, fullName: user!.fullName, entity: entity && { bin: entity.bin, standing: entity.standing } } };
  });
}

export async function signOut(db: Db, sessionIdHash: string, actorId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from sessions where id_hash = ${sessionIdHash}`);
    await appendAudit(tx, { actorId, action: 'auth.logout', entityType: 'user', entityId: actorId }, now);
  });
}
