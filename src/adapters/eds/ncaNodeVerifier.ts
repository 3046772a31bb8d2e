/**
 * GOST signatures (НУЦ РК's ГОСТ 34.310 keys) through an NCANode v3 server, which carries the
 * Kalkan provider this codebase cannot. NCANode judges signature, chain and revocation; the
 * identity is still read here, from the certificate in the CMS, by the same rules as for RSA.
 * NCANode checks validity at its own clock, so dates are also checked here against `at`.
 */
import { bytesEqual } from '../../pki/cms.ts';
import { DIGITAL_SIGNATURE, checkValidity, parseSignedCms } from './builtInVerifier.ts';
import { fetchWithin } from './certificateStatus.ts';
import { certificateInfo, identityOf } from './identity.ts';
import { keyUsageBit } from './trustedRoots.ts';
import { EdsError, type EdsFailureCode, type SignatureVerifier } from './types.ts';

/** The parts of NCANode's answer to POST /cms/verify that matter here. */
interface NcaNodeCertificate {
  valid?: boolean;
  notBefore?: string;
  notAfter?: string;
  serialNumber?: string;
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
  REVOCATION_DATA_MISSING: 'verifier_unavailable',
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

export function createNcaNodeVerifier(options: { url: string; fetchImpl?: typeof fetch; timeoutMs?: number; revocationCheck?: ('OCSP' | 'CRL')[] }): SignatureVerifier {
  const endpoint = `${options.url.replace(/\/+$/, '')}/cms/verify`;
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const revocationCheck = options.revocationCheck ?? ['OCSP'];

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

  return {
    async verify(input) {
      try {
        const parsed = await parseSignedCms(input.cms);
        const eContent = parsed.signedData.encapContentInfo.eContent;
        if (eContent && !bytesEqual(new Uint8Array(eContent.getValue()), input.content)) throw new EdsError('bad_signature', 'the signed content is not the expected one');
        const result = await ask({ cms: base64(parsed.der), ...(eContent ? {} : { data: base64(input.content) }), revocationCheck });
        const signer = result.signers?.[0];
        const certificate = (signer?.certificates ?? signer?.signers)?.[0];
        if (result.valid !== true) throw failureOf(signer, certificate);
        const local = certificateInfo(parsed.signer, parsed.signerDer);
        if (certificate?.serialNumber && !sameSerial(certificate.serialNumber, local.serialNumber)) throw new EdsError('bad_signature', 'NCANode judged another certificate');
        checkValidity([parsed.signer], input.at);
        if (keyUsageBit(parsed.signer, DIGITAL_SIGNATURE) === false) throw new EdsError('key_usage_not_allowed', 'the certificate is not for digital signatures');
        return identityOf(parsed.signer, parsed.signerDer);
      } catch (error) {
        if (error instanceof EdsError) throw error;
        throw new EdsError('malformed_cms', 'the CMS could not be read');
      }
    },
  };
}
