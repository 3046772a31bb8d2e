/**
 * GOST signatures (НУЦ РК's ГОСТ 34.310 keys) through an NCANode v3 server, which carries the
 * Kalkan provider this codebase cannot: no JavaScript library verifies a GOST 34.310 signature,
 * so the signature itself, and each certificate's signature along NCANode's chain, are NCANode's
 * to judge. What Sot can check without that crypto it checks itself, before and after asking:
 * - the signer's certificate chains to the operator's trusted roots (TRUSTED_ROOTS_DIR) by
 *   issuer/subject names and authority/subject key identifiers, so a CA that NCANode happens to
 *   trust (a test CA, say) is not trusted by Sot unless the operator trusts it;
 * - the certificate NCANode reports judging is the one in the CMS (DER, or serial number, public
 *   key and certificate signature value, which NCANode v3 reports);
 * - validity at `at` (NCANode checks at its own clock), the key's purpose, the IIN.
 * Revocation: OCSP first; when NCANode cannot establish the status by OCSP, the CRL.
 */
import { bytesEqual, certificateDer, parseCertificate } from '../../pki/cms.ts';
import { checkValidity, parseSignedCms, type ParsedCms } from './builtInVerifier.ts';
import { fetchWithin } from './certificateStatus.ts';
import { identityOf } from './identity.ts';
import { checkKeyPurpose } from './keyPurpose.ts';
import { findNamedPath } from './trustedRoots.ts';
import { EdsError, type EdsFailureCode, type SignatureVerifier } from './types.ts';

/** The parts of NCANode's answer to POST /cms/verify that matter here. */
interface NcaNodeCertificate {
  valid?: boolean;
  notBefore?: string;
  notAfter?: string;
  /** Hex, as Java's BigInteger.toString(16) writes it. */
  serialNumber?: string;
  /** Base64 of the SubjectPublicKeyInfo DER. */
  publicKey?: string;
  /** Base64 of the certificate's signature value. */
  signature?: string;
  /** Base64 DER of the whole certificate, from services that report it. */
  certificate?: string;
  revocations?: { revoked?: boolean; by?: string }[];
}

interface NcaNodeSigner {
  certificates?: NcaNodeCertificate[];
  /** Older NCANode 3.x builds name the list `signers`. */
  signers?: NcaNodeCertificate[];
  status?: string;
  subIndication?: string;
}

interface NcaNodeVerifyResponse {
  status?: number;
  message?: string;
  valid?: boolean;
  signers?: NcaNodeSigner[];
}

/** ETSI EN 319 102-1 sub-indications as NCANode reports them. */
const SUB_INDICATIONS: Record<string, EdsFailureCode> = {
  NO_SIGNING_CERTIFICATE_FOUND: 'malformed_cms',
  FORMAT_FAILURE: 'malformed_cms',
  SIG_CRYPTO_FAILURE: 'bad_signature',
  CERT_HASH_MISMATCH: 'bad_signature',
  TIMESTAMP_INVALID: 'bad_signature',
  OUT_OF_BOUNDS_NO_POE: 'certificate_expired',
  CHAIN_INCOMPLETE: 'untrusted_certificate',
  CERT_REVOKED: 'certificate_revoked',
  REVOKED_NO_POE: 'certificate_revoked',
  REVOCATION_DATA_MISSING: 'certificate_status_unknown',
  TRY_LATER: 'certificate_status_unknown',
};

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

function time(value: string | undefined): number | undefined {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/** Why NCANode said no, as precisely as its answer allows. */
function failureOf(signer: NcaNodeSigner | undefined, certificate: NcaNodeCertificate | undefined): EdsError {
  const bySubIndication = signer?.subIndication ? SUB_INDICATIONS[signer.subIndication] : undefined;
  if (bySubIndication) return new EdsError(bySubIndication, `NCANode: ${signer?.subIndication}`);
  if (certificate?.revocations?.some((r) => r.revoked)) return new EdsError('certificate_revoked', 'NCANode: revoked');
  const now = Date.now();
  const notAfter = time(certificate?.notAfter);
  const notBefore = time(certificate?.notBefore);
  if (notAfter !== undefined && notAfter < now) return new EdsError('certificate_expired', 'NCANode: expired');
  if (notBefore !== undefined && notBefore > now) return new EdsError('certificate_not_yet_valid', 'NCANode: not yet valid');
  if (certificate?.valid === false) return new EdsError('untrusted_certificate', 'NCANode: certificate not valid');
  return new EdsError('bad_signature', 'NCANode: signature not valid');
}

function sameSerial(reported: string, local: string): boolean {
  const normal = (hex: string) => hex.toLowerCase().replace(/^0+(?=.)/, '');
  return normal(reported) === normal(local);
}

function fromBase64(text: string | undefined): Uint8Array | undefined {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/\s]+={0,2}$/.test(text)) return undefined;
  return new Uint8Array(Buffer.from(text.replace(/\s+/g, ''), 'base64'));
}

/** NCANode judged exactly the certificate in the CMS: the same DER, or else the same serial, key and CA signature. */
function isSignerCertificate(reported: NcaNodeCertificate | undefined, parsed: ParsedCms): boolean {
  if (!reported) return false;
  const der = fromBase64(reported.certificate);
  if (der) {
    try {
      return bytesEqual(certificateDer(parseCertificate(der)), parsed.signerDer);
    } catch {
      return false;
    }
  }
  const publicKey = fromBase64(reported.publicKey);
  const signature = fromBase64(reported.signature);
  const serial = Buffer.from(parsed.signer.serialNumber.valueBlock.valueHexView).toString('hex');
  return (
    typeof reported.serialNumber === 'string' &&
    sameSerial(reported.serialNumber, serial) &&
    publicKey !== undefined &&
    bytesEqual(publicKey, new Uint8Array(parsed.signer.subjectPublicKeyInfo.toSchema().toBER(false))) &&
    signature !== undefined &&
    bytesEqual(signature, parsed.signer.signatureValue.valueBlock.valueHexView)
  );
}

export interface NcaNodeVerifierOptions {
  url: string;
  /** DER certificates the signer's chain must reach by names and key identifiers. */
  trustedRoots: Uint8Array[];
  fetchImpl?: typeof fetch | undefined;
  timeoutMs?: number;
  /** 'ocsp-crl' (the default) has NCANode ask OCSP, then the CRL when OCSP cannot tell; 'off' asks neither. */
  revocation?: 'off' | 'ocsp-crl' | undefined;
}

export function createNcaNodeVerifier(options: NcaNodeVerifierOptions): SignatureVerifier {
  const endpoint = `${options.url.replace(/\/+$/, '')}/cms/verify`;
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const revocationChecks: ('OCSP' | 'CRL')[][] = options.revocation === 'off' ? [[]] : [['OCSP'], ['CRL']];
  const roots = options.trustedRoots.map((der) => parseCertificate(der));

  async function ask(body: Record<string, unknown>): Promise<NcaNodeVerifyResponse> {
    try {
      const response = await fetchWithin(fetchImpl, endpoint, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }, timeoutMs);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const json = (await response.json()) as NcaNodeVerifyResponse;
      // An answer without a verdict is no answer: the signature is not to be blamed for it.
      if (typeof json !== 'object' || json === null || Array.isArray(json) || typeof json.valid !== 'boolean' || (json.status !== undefined && json.status !== 200)) {
        throw new Error('unexpected answer');
      }
      return json;
    } catch {
      throw new EdsError('verifier_unavailable', 'NCANode did not answer');
    }
  }

  /** NCANode's verdict, asking by OCSP and then, when the status stayed unknown, by CRL. */
  async function judged(parsed: ParsedCms, data: Uint8Array | undefined): Promise<NcaNodeCertificate | undefined> {
    let failure: EdsError | undefined;
    for (const revocationCheck of revocationChecks) {
      const result = await ask({ cms: base64(parsed.der), ...(data ? { data: base64(data) } : {}), revocationCheck });
      const signer = result.signers?.[0];
      const certificate = (signer?.certificates ?? signer?.signers)?.[0];
      if (result.valid === true) return certificate;
      failure = failureOf(signer, certificate);
      if (failure.code !== 'certificate_status_unknown') throw failure;
    }
    throw failure!;
  }

  return {
    async verify(input) {
      try {
        const parsed = await parseSignedCms(input.cms);
        const eContent = parsed.signedData.encapContentInfo.eContent;
        if (eContent && !bytesEqual(new Uint8Array(eContent.getValue()), input.content)) throw new EdsError('bad_signature', 'the signed content is not the expected one');
        const chain = findNamedPath(parsed.signer, parsed.certificates, roots);
        if (!chain) throw new EdsError('untrusted_certificate', 'the signer certificate does not name a trusted root by issuer and key identifier');
        checkValidity(chain, input.at);
        checkKeyPurpose(parsed.signer, input.purpose);
        const reported = await judged(parsed, eContent ? undefined : input.content);
        if (!isSignerCertificate(reported, parsed)) throw new EdsError('verifier_certificate_mismatch', 'NCANode did not report judging the certificate in the CMS');
        return identityOf(parsed.signer, parsed.signerDer);
      } catch (error) {
        if (error instanceof EdsError) throw error;
        throw new EdsError('malformed_cms', 'the CMS could not be read');
      }
    },
  };
}
