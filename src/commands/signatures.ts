/**
 * Checking a document's EDS signature at the moment someone signs it through Sot: the CMS must
 * verify over exactly the bytes the server rebuilt, and the signer must be the signed-in person.
 */
import { EdsError, type SignatureVerifier, type SignerIdentity } from '../adapters/eds/index.ts';
import { decodeBase64 } from '../domain/base64.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';

export function decodeCms(text: string): Uint8Array {
  const cms = decodeBase64(text);
  if (!cms) throw new SotError('malformed_cms');
  return cms;
}

export async function verifySigner(verifier: SignatureVerifier, principal: Principal, cms: Uint8Array, content: Uint8Array, now: Date): Promise<SignerIdentity> {
  let identity: SignerIdentity;
  try {
    identity = await verifier.verify({ cms, content, at: now, purpose: 'signing' });
  } catch (error) {
    if (error instanceof EdsError) throw new SotError(error.code);
    throw error;
  }
  if (identity.iin !== principal.iin) throw new SotError('signer_mismatch');
  return identity;
}
