import type { SignatureVerifier, SignerIdentity } from '../adapters/eds/index.ts';
import type { BlobStore } from '../adapters/storage/blobStore.ts';
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

async function readText(store: BlobStore, sha256: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of store.open(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function actDataOf(act: IssuedAct, deps: { verifier: SignatureVerifier; blobs: BlobStore; publicUrl: string }, lang: Lang, withText: boolean): Promise<ActData> {
  const doc = act.document;
  let signature: ActData['signature'];
  try {
    const signer = await deps.verifier.verify({ cms: new Uint8Array(doc.signature!), content: new TextEncoder().encode(doc.signedManifest!), at: doc.issuedAt! });
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
    text: withText && doc.mediaType?.startsWith('text/plain') ? await readText(deps.blobs, doc.sha256!) : null,
    contentSha256: doc.sha256!,
    verifyUrl: `${deps.publicUrl}/verify/${doc.verifyCode}`,
    signature,
  };
}
