/**
 * Revocation by OCSP first and the CRL after it, at the addresses the certificate itself names.
 * When they are named but none settles the question (unreachable, a stale CRL, a responder that
 * does not know the certificate), the status is unknown and the check fails
 * ('certificate_status_unknown'), so a revoked certificate is never let in because the network
 * was down.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, parseCertificate, pkiEngine, toArrayBuffer } from '../../pki/cms.ts';
import { EdsError, type CertificateStatus } from './types.ts';

const AIA = '1.3.6.1.5.5.7.1.1';
const AD_OCSP = '1.3.6.1.5.5.7.48.1';
const OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';
const OCSP_NONCE = '1.3.6.1.5.5.7.48.1.2';
const CRL_DISTRIBUTION_POINTS = '2.5.29.31';
const OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';
const CLOCK_SKEW_MS = 5 * 60_000;

/** fetch that gives up after timeoutMs even when fetchImpl ignores the abort signal. */
export async function fetchWithin(fetchImpl: typeof fetch, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error('timeout'));
    }, timeoutMs);
  });
  try {
    return await Promise.race([fetchImpl(url, { ...init, signal: controller.signal }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function httpUris(names: pkijs.GeneralName[]): string[] {
  return names.filter((n) => n.type === 6 && typeof n.value === 'string' && /^https?:\/\//i.test(n.value)).map((n) => n.value as string);
}

function ocspUrls(certificate: pkijs.Certificate): string[] {
  const aia = certificate.extensions?.find((e) => e.extnID === AIA)?.parsedValue;
  if (!(aia instanceof pkijs.InfoAccess)) return [];
  return httpUris(aia.accessDescriptions.filter((d) => d.accessMethod === AD_OCSP).map((d) => d.accessLocation));
}

function crlUrls(certificate: pkijs.Certificate): string[] {
  const points = certificate.extensions?.find((e) => e.extnID === CRL_DISTRIBUTION_POINTS)?.parsedValue;
  if (!(points instanceof pkijs.CRLDistributionPoints)) return [];
  return points.distributionPoints.flatMap((p) => (Array.isArray(p.distributionPoint) ? httpUris(p.distributionPoint) : []));
}

function unavailable(what: string): EdsError {
  return new EdsError('certificate_status_unknown', `${what} did not give a usable answer`);
}

/** What one OCSP responder said; 'unknown' is its own answer (CertStatus unknown [2]). */
type OcspAnswer = 'good' | 'revoked' | 'unknown';

/** The OCSP response was signed by the issuer, or by a responder the issuer delegated OCSP signing to. */
async function signedByIssuerOrDelegate(basic: pkijs.BasicOCSPResponse, issuer: pkijs.Certificate, now: Date): Promise<boolean> {
  const crypto = pkiEngine();
  const verifies = async (signer: pkijs.Certificate) => {
    try {
      return await crypto.verifyWithPublicKey(toArrayBuffer(basic.tbsResponseData.tbsView), basic.signature, signer.subjectPublicKeyInfo, basic.signatureAlgorithm);
    } catch {
      return false;
    }
  };
  if (await verifies(issuer)) return true;
  for (const responder of basic.certs ?? []) {
    const eku = responder.extensions?.find((e) => e.extnID === '2.5.29.37')?.parsedValue;
    const delegated = eku instanceof pkijs.ExtKeyUsage && eku.keyPurposes.includes(OCSP_SIGNING);
    const current = responder.notBefore.value <= now && now <= responder.notAfter.value;
    if (!delegated || !current || !responder.issuer.isEqual(issuer.subject)) continue;
    if ((await responder.verify(issuer, crypto).catch(() => false)) && (await verifies(responder))) return true;
  }
  return false;
}

/** revoked [1] RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime, … } */
function revocationTime(certStatus: unknown): Date | undefined {
  const first = (certStatus as { valueBlock?: { value?: unknown[] } }).valueBlock?.value?.[0];
  return first instanceof asn1js.GeneralizedTime ? first.toDate() : undefined;
}

async function askOcsp(fetchImpl: typeof fetch, timeoutMs: number, url: string, certificate: pkijs.Certificate, issuer: pkijs.Certificate, at: Date): Promise<OcspAnswer> {
  const crypto = pkiEngine();
  const request = new pkijs.OCSPRequest();
  const certId = await pkijs.CertID.create(certificate, { hashAlgorithm: 'SHA-1', issuerCertificate: issuer }, crypto);
  request.tbsRequest.requestList = [new pkijs.Request({ reqCert: certId })];
  const nonce = globalThis.crypto.getRandomValues(new Uint8Array(16));
  request.tbsRequest.requestExtensions = [
    new pkijs.Extension({ extnID: OCSP_NONCE, extnValue: new asn1js.OctetString({ valueHex: toArrayBuffer(nonce) }).toBER(false) }),
  ];
  const response = await fetchWithin(
    fetchImpl,
    url,
    { method: 'POST', headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' }, body: new Uint8Array(request.toSchema(true).toBER(false)) },
    timeoutMs,
  );
  if (!response.ok) throw unavailable('OCSP');
  const ocsp = pkijs.OCSPResponse.fromBER(await response.arrayBuffer());
  if (ocsp.responseStatus.valueBlock.valueDec !== 0 || ocsp.responseBytes?.responseType !== OCSP_BASIC) throw unavailable('OCSP');
  const basic = pkijs.BasicOCSPResponse.fromBER(toArrayBuffer(ocsp.responseBytes.response.valueBlock.valueHexView));
  const now = new Date();
  if (!(await signedByIssuerOrDelegate(basic, issuer, now))) throw unavailable('OCSP');
  const echoed = basic.tbsResponseData.responseExtensions?.find((e) => e.extnID === OCSP_NONCE);
  if (echoed) {
    const value = asn1js.fromBER(echoed.extnValue.getValue()).result;
    if (!(value instanceof asn1js.OctetString) || !bytesEqual(value.valueBlock.valueHexView, nonce)) throw unavailable('OCSP');
  }
  const single = basic.tbsResponseData.responses.find((r) => r.certID.isEqual(certId));
  if (!single) throw unavailable('OCSP');
  if (single.thisUpdate.getTime() > now.getTime() + CLOCK_SKEW_MS || (single.nextUpdate && single.nextUpdate.getTime() < now.getTime() - CLOCK_SKEW_MS)) throw unavailable('OCSP');
  // CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT UnknownInfo }
  const tag = (single.certStatus as { idBlock?: { tagNumber?: number } }).idBlock?.tagNumber;
  if (tag === 0) return 'good';
  if (tag === 1) {
    const revokedAt = revocationTime(single.certStatus);
    return revokedAt && revokedAt > at ? 'good' : 'revoked';
  }
  return 'unknown';
}

interface CachedCrl {
  crl: pkijs.CertificateRevocationList;
  issuerDer: Uint8Array;
  until: number;
}

async function fetchCrl(fetchImpl: typeof fetch, timeoutMs: number, url: string, issuer: pkijs.Certificate): Promise<pkijs.CertificateRevocationList> {
  const response = await fetchWithin(fetchImpl, url, { method: 'GET', headers: { accept: 'application/pkix-crl' } }, timeoutMs);
  if (!response.ok) throw unavailable('CRL');
  let bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  if (text.includes('-----BEGIN X509 CRL-----')) {
    const pem = new TextDecoder('latin1').decode(bytes).replace(/-----(BEGIN|END) X509 CRL-----/g, '');
    bytes = Uint8Array.from(atob(pem.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  }
  const crl = pkijs.CertificateRevocationList.fromBER(toArrayBuffer(bytes));
  if (!(await crl.verify({ issuerCertificate: issuer }, pkiEngine()))) throw unavailable('CRL');
  return crl;
}

function crlStatus(crl: pkijs.CertificateRevocationList, certificate: pkijs.Certificate, at: Date): 'good' | 'revoked' {
  const entry = crl.revokedCertificates?.find((r) => r.userCertificate.isEqual(certificate.serialNumber));
  return entry && entry.revocationDate.value.getTime() <= at.getTime() ? 'revoked' : 'good';
}

export interface OcspCrlOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** How long a fetched CRL is reused at most (and never past its nextUpdate). */
  crlCacheMs?: number;
}

export function createOcspCrlStatus(options: OcspCrlOptions = {}): CertificateStatus {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const cacheMs = options.crlCacheMs ?? 10 * 60_000;
  const crls = new Map<string, CachedCrl>();

  async function crlFor(url: string, issuer: pkijs.Certificate, issuerDer: Uint8Array): Promise<pkijs.CertificateRevocationList> {
    const now = Date.now();
    const cached = crls.get(url);
    if (cached && cached.until > now && bytesEqual(cached.issuerDer, issuerDer)) return cached.crl;
    const crl = await fetchCrl(fetchImpl, timeoutMs, url, issuer);
    const nextUpdate = crl.nextUpdate?.value.getTime();
    if (nextUpdate !== undefined && nextUpdate < now - CLOCK_SKEW_MS) throw unavailable('CRL');
    crls.set(url, { crl, issuerDer, until: Math.min(now + cacheMs, nextUpdate ?? Number.POSITIVE_INFINITY) });
    return crl;
  }

  return {
    async check({ certificate: certificateDer, issuer: issuerDer, at }) {
      const certificate = parseCertificate(certificateDer);
      const issuer = parseCertificate(issuerDer);
      const ocsp = ocspUrls(certificate);
      const crl = crlUrls(certificate);
      if (ocsp.length === 0 && crl.length === 0) return 'unlisted';
      for (const url of ocsp) {
        try {
          const status = await askOcsp(fetchImpl, timeoutMs, url, certificate, issuer, at);
          if (status !== 'unknown') return status;
        } catch {
          // The next responder, then the CRL, may still answer.
        }
      }
      for (const url of crl) {
        try {
          return crlStatus(await crlFor(url, issuer, issuerDer), certificate, at);
        } catch {
          // Another distribution point may still answer.
        }
      }
      throw new EdsError('certificate_status_unknown', 'no responder established the status');
    },
  };
}
