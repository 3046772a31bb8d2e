import { createHash } from 'node:crypto';
import { EdsError, type SignatureVerifier, type SignerIdentity } from '../adapters/eds/index.ts';
import { readBlob, type BlobStore } from '../adapters/storage/blobStore.ts';
import type { CourtActKind, DecisionForm, ReviewOutcome } from '../domain/courtActs.ts';
import type { Lang } from '../i18n/index.ts';
import type { IssuedAct } from '../queries/caseFile.ts';
import { localName } from '../views/components/names.ts';

/**
 * An issued court act as its PDF and its public check page show it: what was issued, by whom,
 * and the signature checked again now against the manifest the judge signed.
 */
export interface ActData {
  kind: CourtActKind;
  decisionForm: DecisionForm | null;
  outcome: ReviewOutcome | null;
  title: string;
  court: { code: string; name: string };
  caseNumber: string;
  issuedAt: Date;
  /** The act's text; null for an act issued as a file. */
  text: string | null;
  contentSha256: string;
  verifyUrl: string;
  signature: { valid: true; signer: SignerIdentity } | { valid: false; signerName: string | null };
}

/**
 * Signatures already checked, per verifier: an issued act's signature, manifest and date never
 * change, and checking a CMS chain costs milliseconds of CPU — too much to repeat for every scan of
 * a QR code on a public page. Bounded, oldest out first.
 */
const checked = new WeakMap<SignatureVerifier, Map<string, Promise<SignerIdentity>>>();
const CHECKED_MAX = 5_000;

function verifiedOnce(verifier: SignatureVerifier, doc: IssuedAct['document']): Promise<SignerIdentity> {
  let cache = checked.get(verifier);
  if (!cache) checked.set(verifier, (cache = new Map()));
  const key = `${doc.id}:${createHash('sha256').update(doc.signature!).update(doc.signedManifest!).digest('hex')}`;
  let result = cache.get(key);
  if (!result) {
    result = verifier.verify({ cms: new Uint8Array(doc.signature!), content: new TextEncoder().encode(doc.signedManifest!), at: doc.issuedAt!, purpose: 'signing' });
    // A verifier or status responder that could not answer is asked again next time; a signature
    // found wrong stays wrong.
    result.catch((error: unknown) => {
      if (!(error instanceof EdsError) || error.code === 'verifier_unavailable' || error.code === 'certificate_status_unknown') cache.delete(key);
    });
    if (cache.size >= CHECKED_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, result);
  }
  return result;
}

export async function actDataOf(act: IssuedAct, deps: { verifier: SignatureVerifier; blobs: BlobStore; publicUrl: string }, lang: Lang, withText: boolean): Promise<ActData> {
  const doc = act.document;
  let signature: ActData['signature'];
  try {
    const signer = await verifiedOnce(deps.verifier, doc);
    // The manifest names the content's hash: the stored text must still be what was signed.
    const signed = JSON.parse(doc.signedManifest!) as { content?: { sha256?: string } };
    signature = signed.content?.sha256 === doc.sha256 ? { valid: true, signer } : { valid: false, signerName: act.signerName };
  } catch {
    signature = { valid: false, signerName: act.signerName };
  }
  return {
    kind: doc.kind as CourtActKind,
    decisionForm: doc.decisionForm,
    outcome: doc.outcome,
    title: doc.title,
    court: { code: act.court.code, name: localName(act.court, lang) },
    caseNumber: act.case.number ?? '',
    issuedAt: doc.issuedAt!,
    text: withText && doc.mediaType?.startsWith('text/plain') ? (await readBlob(deps.blobs, doc.sha256!)).toString('utf8') : null,
    contentSha256: doc.sha256!,
    verifyUrl: `${deps.publicUrl}/verify/${doc.verifyCode}`,
    signature,
  };
}
