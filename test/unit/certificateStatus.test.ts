import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithin } from '../../src/adapters/eds/certificateStatus.ts';
import {
  createBuiltInVerifier,
  createOcspCrlStatus,
  createSignatureVerifier,
  EdsError,
  type CertificateStatus,
  type EdsFailureCode,
  type OcspCrlOptions,
  type RevocationStatus,
} from '../../src/adapters/eds/index.ts';
import { bytesEqual, pkiEngine, toArrayBuffer } from '../../src/pki/cms.ts';
import { issueCertificate, toPem } from '../../src/pki/devCa.ts';
import { EKU, failureOf, generateKeyPair, issueSigner, makeCrl, makeIntermediateCa, makeOcspResponse, makeRootCa, signContent, testIin, utf8, type TestCa, type TestSigner } from '../support/pki.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OCSP_URL = 'http://ocsp.test/';
const CRL_URL = 'http://crl.test/root.crl';
const OCSP_NONCE = '1.3.6.1.5.5.7.48.1.2';

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: Uint8Array;
}

type Route = (request: Call) => Promise<Response> | Response;

/** A fetch that answers from routes by URL, records every call, and fails like a network error for any other address. */
function fakeNetwork(routes: Record<string, Route>): { fetchImpl: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchImpl = async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = String(input);
    const call = { url, method: init.method ?? 'GET', headers: new Headers(init.headers), body: init.body instanceof Uint8Array ? new Uint8Array(init.body) : new Uint8Array(0) };
    calls.push(call);
    const route = routes[url];
    if (!route) throw new TypeError('fetch failed');
    return route(call);
  };
  return { fetchImpl: fetchImpl as typeof fetch, calls };
}

function der(bytes: Uint8Array, status = 200): Response {
  return new Response(toArrayBuffer(bytes), { status });
}

function ocspAnswer(ca: TestCa, status: 'good' | 'revoked' | 'unknown', options: { revokedAt?: Date; echoNonce?: boolean } = {}): Route {
  return async ({ body }) => der(await makeOcspResponse(ca, body, status, options));
}

function crlAnswer(crl: Uint8Array | Promise<Uint8Array>): Route {
  return async () => der(await crl);
}

async function statusOf(status: CertificateStatus, signer: TestSigner, issuer: TestCa, at = new Date()): Promise<RevocationStatus | EdsFailureCode> {
  try {
    return await status.check({ certificate: signer.certificateDer, issuer: issuer.certificateDer, at });
  } catch (error) {
    if (!(error instanceof EdsError)) throw new Error(`not an EdsError: ${String(error)}`);
    return error.code;
  }
}


function statusWith(routes: Record<string, Route>, options: Omit<OcspCrlOptions, 'fetchImpl'> = {}) {
  const network = fakeNetwork(routes);
  return { status: createOcspCrlStatus({ ...options, fetchImpl: network.fetchImpl }), calls: network.calls };
}

function nonceOf(requestDer: Uint8Array): Uint8Array | undefined {
  const request = pkijs.OCSPRequest.fromBER(toArrayBuffer(requestDer));
  const extension = request.tbsRequest.requestExtensions?.find((e) => e.extnID === OCSP_NONCE);
  const value = extension ? asn1js.fromBER(extension.extnValue.getValue()).result : undefined;
  return value instanceof asn1js.OctetString ? value.valueBlock.valueHexView : undefined;
}

/** The responder echoes a nonce other than the one asked with. */
function ocspAnswerWithOtherNonce(ca: TestCa): Route {
  return async ({ body }) => {
    const request = pkijs.OCSPRequest.fromBER(toArrayBuffer(body));
    const otherNonce = new asn1js.OctetString({ valueHex: toArrayBuffer(globalThis.crypto.getRandomValues(new Uint8Array(16))) });
    request.tbsRequest.requestExtensions = [new pkijs.Extension({ extnID: OCSP_NONCE, extnValue: otherNonce.toBER(false) })];
    return der(await makeOcspResponse(ca, new Uint8Array(request.toSchema(true).toBER(false)), 'good'));
  };
}

/** An answer signed by a delegated responder, which carries the responder's certificate as OCSP requires. */
function delegatedOcspAnswer(responder: TestCa): Route {
  return async ({ body }) => {
    const response = pkijs.OCSPResponse.fromBER(toArrayBuffer(await makeOcspResponse(responder, body, 'good')));
    const basic = pkijs.BasicOCSPResponse.fromBER(toArrayBuffer(response.responseBytes!.response.valueBlock.valueHexView));
    basic.certs = [pkijs.Certificate.fromBER(toArrayBuffer(responder.certificateDer))];
    response.responseBytes!.response = new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) });
    return der(new Uint8Array(response.toSchema().toBER(false)));
  };
}

async function makeResponder(issuer: TestCa, extendedKeyUsage: string[]): Promise<TestCa> {
  const keys = await generateKeyPair('ecdsa-p256');
  const certificateDer = await issueCertificate({
    subject: [{ type: '2.5.4.3', value: 'Test OCSP Responder' }],
    publicKey: keys.publicKey,
    issuer,
    notBefore: new Date(Date.now() - HOUR),
    notAfter: new Date(Date.now() + 30 * DAY),
    keyUsage: ['digitalSignature'],
    extendedKeyUsage,
  });
  return { certificateDer, privateKey: keys.privateKey, name: 'Test OCSP Responder' };
}

/** A DER OCSP request about this certificate, without a nonce. */
async function ocspRequestFor(certificate: TestSigner, issuer: TestCa): Promise<Uint8Array> {
  const request = new pkijs.OCSPRequest();
  const issuerCertificate = pkijs.Certificate.fromBER(toArrayBuffer(issuer.certificateDer));
  const certId = await pkijs.CertID.create(pkijs.Certificate.fromBER(toArrayBuffer(certificate.certificateDer)), { hashAlgorithm: 'SHA-1', issuerCertificate }, pkiEngine());
  request.tbsRequest.requestList = [new pkijs.Request({ reqCert: certId })];
  return new Uint8Array(request.toSchema(true).toBER(false));
}

function unanswered(status: number, body: Uint8Array = new Uint8Array(0)): Route {
  return () => der(body, status);
}

describe('revocation status from OCSP and CRL', () => {
  let root: TestCa;
  let impostor: TestCa;
  let stranger: TestCa;
  let both: TestSigner;
  let ocspOnly: TestSigner;
  let crlOnly: TestSigner;
  let neither: TestSigner;

  beforeAll(async () => {
    root = await makeRootCa();
    impostor = await makeRootCa({ name: root.name });
    stranger = await makeRootCa({ name: 'Other Root CA' });
    both = await issueSigner(root, { ocspUrl: OCSP_URL, crlUrl: CRL_URL });
    ocspOnly = await issueSigner(root, { ocspUrl: OCSP_URL });
    crlOnly = await issueSigner(root, { crlUrl: CRL_URL });
    neither = await issueSigner(root);
  });

  describe('over OCSP', () => {
    it('answers good and leaves the CRL alone', async () => {
      const { status, calls } = statusWith({ [OCSP_URL]: ocspAnswer(root, 'good'), [CRL_URL]: crlAnswer(makeCrl(root, [])) });
      expect(await statusOf(status, both, root)).toBe('good');
      expect(calls.map((c) => c.url)).toEqual([OCSP_URL]);
    });

    it('POSTs a DER OCSP request about this certificate with a fresh 16-byte nonce', async () => {
      const { status, calls } = statusWith({ [OCSP_URL]: ocspAnswer(root, 'good') });
      await statusOf(status, ocspOnly, root);
      await statusOf(status, ocspOnly, root);
      const [first, second] = calls;
      expect(first).toMatchObject({ method: 'POST' });
      expect(first!.headers.get('content-type')).toBe('application/ocsp-request');
      const request = pkijs.OCSPRequest.fromBER(toArrayBuffer(first!.body));
      expect(request.tbsRequest.requestList).toHaveLength(1);
      const certId = request.tbsRequest.requestList[0]!.reqCert;
      const serial = pkijs.Certificate.fromBER(toArrayBuffer(ocspOnly.certificateDer)).serialNumber;
      expect(certId.serialNumber.isEqual(serial)).toBe(true);
      expect(nonceOf(first!.body)).toHaveLength(16);
      expect(bytesEqual(nonceOf(first!.body)!, nonceOf(second!.body)!)).toBe(false);
    });

    it('answers revoked for a certificate revoked before the moment asked about', async () => {
      const { status } = statusWith({ [OCSP_URL]: ocspAnswer(root, 'revoked', { revokedAt: new Date(Date.now() - DAY) }) });
      expect(await statusOf(status, ocspOnly, root)).toBe('revoked');
    });

    it('answers good for a moment before the revocation', async () => {
      const revokedAt = new Date(Date.now() - HOUR);
      const { status } = statusWith({ [OCSP_URL]: ocspAnswer(root, 'revoked', { revokedAt }) });
      expect(await statusOf(status, ocspOnly, root, new Date(revokedAt.getTime() - DAY))).toBe('good');
      expect(await statusOf(status, ocspOnly, root, new Date(revokedAt.getTime() + 1000))).toBe('revoked');
    });

    it('asks the CRL when the responder does not know the certificate', async () => {
      const { status, calls } = statusWith({ [OCSP_URL]: ocspAnswer(root, 'unknown'), [CRL_URL]: crlAnswer(makeCrl(root, [both])) });
      expect(await statusOf(status, both, root)).toBe('revoked');
      expect(calls.map((c) => c.url)).toEqual([OCSP_URL, CRL_URL]);
    });

    it('cannot establish the status when the responder does not know the certificate and there is no CRL', async () => {
      const { status } = statusWith({ [OCSP_URL]: ocspAnswer(root, 'unknown') });
      expect(await statusOf(status, ocspOnly, root)).toBe('certificate_status_unknown');
    });

    it('accepts an answer that does not echo the nonce', async () => {
      const { status } = statusWith({ [OCSP_URL]: ocspAnswer(root, 'revoked', { echoNonce: false }) });
      expect(await statusOf(status, ocspOnly, root)).toBe('revoked');
    });

    it('accepts an answer from a responder the issuer delegated OCSP signing to', async () => {
      const responder = await makeResponder(root, [EKU.ocspSigning]);
      const { status } = statusWith({ [OCSP_URL]: delegatedOcspAnswer(responder) });
      expect(await statusOf(status, ocspOnly, root)).toBe('good');
    });

    it.each<[string, () => Promise<Route>]>([
      ['the responder is unreachable', async () => () => Promise.reject(new TypeError('fetch failed'))],
      ['it answers HTTP 500', async () => unanswered(500)],
      ['it answers HTTP 404 with an OCSP body', async () => async ({ body }) => der(await makeOcspResponse(root, body, 'good'), 404)],
      ['it answers garbage', async () => unanswered(200, utf8('<html>busy</html>'))],
      ['it answers nothing', async () => unanswered(200)],
      ['it says tryLater', async () => unanswered(200, new Uint8Array(new pkijs.OCSPResponse({ responseStatus: new asn1js.Enumerated({ value: 3 }) }).toSchema().toBER(false)))],
      ['the answer is signed by another CA under the same name', async () => ocspAnswer(impostor, 'good')],
      ['the answer echoes another nonce', async () => ocspAnswerWithOtherNonce(root)],
      ['the answer is about another certificate', async () => async () => der(await makeOcspResponse(root, await ocspRequestFor(neither, root), 'good'))],
      ['a responder without the OCSP-signing purpose signed it', async () => delegatedOcspAnswer(await makeResponder(root, [EKU.clientAuth]))],
      ['a responder delegated by another CA signed it', async () => delegatedOcspAnswer(await makeResponder(stranger, [EKU.ocspSigning]))],
    ])('fails closed as certificate_status_unknown when %s and there is no CRL', async (_, route) => {
      const { status } = statusWith({ [OCSP_URL]: await route() });
      expect(await statusOf(status, ocspOnly, root)).toBe('certificate_status_unknown');
    });

    it('falls back to the CRL when the responder fails', async () => {
      const { status, calls } = statusWith({ [OCSP_URL]: unanswered(503), [CRL_URL]: crlAnswer(makeCrl(root, [both])) });
      expect(await statusOf(status, both, root)).toBe('revoked');
      expect(calls.map((c) => c.url)).toEqual([OCSP_URL, CRL_URL]);
    });

    it('gives up on a responder that does not answer within timeoutMs', async () => {
      const { status } = statusWith({ [OCSP_URL]: () => new Promise<Response>(() => {}) }, { timeoutMs: 50 });
      const started = Date.now();
      expect(await statusOf(status, ocspOnly, root)).toBe('certificate_status_unknown');
      expect(Date.now() - started).toBeLessThan(2_000);
    });
  });

  describe('over a CRL', () => {
    it('finds a revoked certificate on the issuer’s list', async () => {
      const { status, calls } = statusWith({ [CRL_URL]: crlAnswer(makeCrl(root, [neither, crlOnly])) });
      expect(await statusOf(status, crlOnly, root)).toBe('revoked');
      expect(calls[0]).toMatchObject({ url: CRL_URL, method: 'GET' });
    });

    it('answers good for a certificate not on the list', async () => {
      const { status } = statusWith({ [CRL_URL]: crlAnswer(makeCrl(root, [neither])) });
      expect(await statusOf(status, crlOnly, root)).toBe('good');
    });

    it('answers good for a moment before the listed revocation date', async () => {
      const revokedAt = new Date(Date.now() - HOUR);
      const { status } = statusWith({ [CRL_URL]: crlAnswer(makeCrl(root, [{ certificateDer: crlOnly.certificateDer, at: revokedAt }])) });
      expect(await statusOf(status, crlOnly, root, new Date(revokedAt.getTime() - DAY))).toBe('good');
      expect(await statusOf(status, crlOnly, root, new Date(revokedAt.getTime() + 1000))).toBe('revoked');
    });

    it('reads a PEM CRL as well as DER', async () => {
      const pem = toPem('X509 CRL', await makeCrl(root, [crlOnly]));
      const { status } = statusWith({ [CRL_URL]: crlAnswer(utf8(pem)) });
      expect(await statusOf(status, crlOnly, root)).toBe('revoked');
    });

    it('refuses a CRL signed by another CA, even one with the issuer’s name', async () => {
      for (const signer of [impostor, stranger]) {
        const { status } = statusWith({ [CRL_URL]: crlAnswer(makeCrl(signer, [])) });
        expect(await statusOf(status, crlOnly, root)).toBe('certificate_status_unknown');
      }
    });

    it('refuses a stale CRL whose next update has passed', async () => {
      const stale = makeCrl(root, [], { thisUpdate: new Date(Date.now() - 3 * DAY), nextUpdate: new Date(Date.now() - DAY) });
      const { status } = statusWith({ [CRL_URL]: crlAnswer(stale) });
      expect(await statusOf(status, crlOnly, root)).toBe('certificate_status_unknown');
    });

    it.each<[string, Route]>([
      ['unreachable', () => Promise.reject(new TypeError('fetch failed'))],
      ['HTTP 500', unanswered(500)],
      ['garbage', unanswered(200, utf8('not a CRL'))],
    ])('fails closed as certificate_status_unknown when the CRL is %s', async (_, route) => {
      const { status } = statusWith({ [CRL_URL]: route });
      expect(await statusOf(status, crlOnly, root)).toBe('certificate_status_unknown');
    });

    it('reuses a fetched CRL for crlCacheMs, and fetches again without a cache', async () => {
      const cached = statusWith({ [CRL_URL]: crlAnswer(makeCrl(root, [])) });
      await statusOf(cached.status, crlOnly, root);
      await statusOf(cached.status, neither, root);
      await statusOf(cached.status, crlOnly, root);
      expect(cached.calls).toHaveLength(1);

      const uncached = statusWith({ [CRL_URL]: crlAnswer(makeCrl(root, [])) }, { crlCacheMs: 0 });
      await statusOf(uncached.status, crlOnly, root);
      await statusOf(uncached.status, crlOnly, root);
      expect(uncached.calls).toHaveLength(2);
    });

    it('does not reuse a cached CRL for another issuer', async () => {
      const fromStranger = await issueSigner(stranger, { crlUrl: CRL_URL });
      const { status, calls } = statusWith({ [CRL_URL]: crlAnswer(makeCrl(root, [])) });
      expect(await statusOf(status, crlOnly, root)).toBe('good');
      expect(await statusOf(status, fromStranger, stranger)).toBe('certificate_status_unknown');
      expect(calls).toHaveLength(2);
    });
  });

  describe('without addresses', () => {
    it('answers unlisted for a certificate naming neither responder, asking no one', async () => {
      const { status, calls } = statusWith({});
      expect(await statusOf(status, neither, root)).toBe('unlisted');
      expect(calls).toHaveLength(0);
    });

    it('ignores addresses that are not http or https', async () => {
      const ldap = await issueSigner(root, { crlUrl: 'ldap://crl.test/cn=root', ocspUrl: 'file:///etc/passwd' });
      const { status, calls } = statusWith({});
      expect(await statusOf(status, ldap, root)).toBe('unlisted');
      expect(calls).toHaveLength(0);
    });
  });
});

describe('fetchWithin', () => {
  it('rejects after the timeout even when the fetch ignores the abort signal, and aborts it', async () => {
    let signal: AbortSignal | undefined;
    const stuck = ((_: string, init: RequestInit) => {
      signal = init.signal ?? undefined;
      return new Promise<Response>(() => {});
    }) as typeof fetch;
    await expect(fetchWithin(stuck, OCSP_URL, {}, 20)).rejects.toThrow('timeout');
    expect(signal?.aborted).toBe(true);
  });

  it('passes the answer and the request options through', async () => {
    const { fetchImpl, calls } = fakeNetwork({ [CRL_URL]: unanswered(202) });
    const response = await fetchWithin(fetchImpl, CRL_URL, { method: 'GET', headers: { accept: 'application/pkix-crl' } }, 1_000);
    expect(response.status).toBe(202);
    expect(calls[0]!.headers.get('accept')).toBe('application/pkix-crl');
  });
});

describe('revocation in the built-in verifier', () => {
  const content = utf8('sot-login:0a1b2c');
  let root: TestCa;
  let signer: TestSigner;
  let cms: Uint8Array;

  beforeAll(async () => {
    root = await makeRootCa();
    signer = await issueSigner(root, { ocspUrl: OCSP_URL, crlUrl: CRL_URL, person: { iin: testIin(9400) } });
    cms = await signContent(signer, content);
  });

  function verifierWith(routes: Record<string, Route>) {
    const { status, calls } = statusWith(routes);
    return { verifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer], certificateStatus: status }), calls };
  }

  it('accepts a certificate the responder calls good', async () => {
    const { verifier } = verifierWith({ [OCSP_URL]: ocspAnswer(root, 'good') });
    expect((await verifier.verify({ cms, content, at: new Date(), purpose: 'signing' })).iin).toBe(testIin(9400));
  });

  it('refuses a certificate revoked over OCSP or on the CRL as certificate_revoked', async () => {
    expect(await failureOf(verifierWith({ [OCSP_URL]: ocspAnswer(root, 'revoked') }).verifier, { cms, content, at: new Date(), purpose: 'signing' })).toBe('certificate_revoked');
    expect(await failureOf(verifierWith({ [OCSP_URL]: ocspAnswer(root, 'unknown'), [CRL_URL]: crlAnswer(makeCrl(root, [signer])) }).verifier, { cms, content, at: new Date(), purpose: 'signing' })).toBe(
      'certificate_revoked',
    );
  });

  it('refuses as certificate_status_unknown when no responder answers', async () => {
    const { verifier, calls } = verifierWith({});
    expect(await failureOf(verifier, { cms, content, at: new Date(), purpose: 'signing' })).toBe('certificate_status_unknown');
    expect(calls.map((c) => c.url)).toEqual([OCSP_URL, CRL_URL]);
  });

  it('refuses as certificate_status_unknown when the responder does not know the certificate and the CRL is stale', async () => {
    const stale = makeCrl(root, [], { thisUpdate: new Date(Date.now() - 3 * DAY), nextUpdate: new Date(Date.now() - DAY) });
    const { verifier } = verifierWith({ [OCSP_URL]: ocspAnswer(root, 'unknown'), [CRL_URL]: crlAnswer(stale) });
    expect(await failureOf(verifier, { cms, content, at: new Date(), purpose: 'signing' })).toBe('certificate_status_unknown');
  });

  it('refuses a signer certificate that names no responder at all, but not an intermediate that names none', async () => {
    const silent = await issueSigner(root, { person: { iin: testIin(9400) } });
    const { verifier, calls } = verifierWith({});
    expect(await failureOf(verifier, { cms: await signContent(silent, content), content, at: new Date(), purpose: 'signing' })).toBe('certificate_status_unknown');
    expect(calls).toHaveLength(0);

    const intermediate = await makeIntermediateCa(root);
    const leaf = await issueSigner(intermediate, { ocspUrl: OCSP_URL, person: { iin: testIin(9400) } });
    const viaIntermediate = verifierWith({ [OCSP_URL]: ocspAnswer(intermediate, 'good') });
    expect(await failureOf(viaIntermediate.verifier, { cms: await signContent(leaf, content, { chain: [intermediate.certificateDer] }), content, at: new Date(), purpose: 'signing' })).toBe('accepted');
  });

  it('asks only after the signature and chain hold', async () => {
    const other = await makeRootCa({ name: 'Other Root CA' });
    const untrusted = await signContent(await issueSigner(other, { ocspUrl: OCSP_URL }), content);
    const { verifier, calls } = verifierWith({ [OCSP_URL]: ocspAnswer(root, 'good') });
    expect(await failureOf(verifier, { cms: untrusted, content, at: new Date(), purpose: 'signing' })).toBe('untrusted_certificate');
    expect(calls).toHaveLength(0);
  });

  it('asks about every link of the chain, each with its own issuer, at the moment given', async () => {
    const intermediate = await makeIntermediateCa(root);
    const leaf = await issueSigner(intermediate);
    const asked: { certificate: Uint8Array; issuer: Uint8Array; at: Date }[] = [];
    const recording: CertificateStatus = {
      async check(input) {
        asked.push(input);
        return 'good';
      },
    };
    const at = new Date(Date.now() + HOUR);
    const verifier = createBuiltInVerifier({ trustedRoots: [root.certificateDer], certificateStatus: recording });
    await verifier.verify({ cms: await signContent(leaf, content, { chain: [intermediate.certificateDer] }), content, at, purpose: 'signing' });
    expect(asked).toHaveLength(2);
    expect(bytesEqual(asked[0]!.certificate, leaf.certificateDer) && bytesEqual(asked[0]!.issuer, intermediate.certificateDer)).toBe(true);
    expect(bytesEqual(asked[1]!.certificate, intermediate.certificateDer) && bytesEqual(asked[1]!.issuer, root.certificateDer)).toBe(true);
    expect(asked.every((input) => input.at === at)).toBe(true);
  });

  it('refuses an intermediate its issuer has revoked', async () => {
    const intermediate = await makeIntermediateCa(root);
    const leaf = await issueSigner(intermediate);
    const revokingIntermediate: CertificateStatus = {
      async check({ certificate }) {
        return bytesEqual(certificate, intermediate.certificateDer) ? 'revoked' : 'good';
      },
    };
    const verifier = createBuiltInVerifier({ trustedRoots: [root.certificateDer], certificateStatus: revokingIntermediate });
    expect(await failureOf(verifier, { cms: await signContent(leaf, content, { chain: [intermediate.certificateDer] }), content, at: new Date(), purpose: 'signing' })).toBe('certificate_revoked');
  });

  it('turns a status hook that throws something other than an EdsError into certificate_status_unknown', async () => {
    const broken: CertificateStatus = {
      async check() {
        throw new Error('socket hang up');
      },
    };
    const verifier = createBuiltInVerifier({ trustedRoots: [root.certificateDer], certificateStatus: broken });
    expect(await failureOf(verifier, { cms, content, at: new Date(), purpose: 'signing' })).toBe('certificate_status_unknown');
  });

  it('is asked through createSignatureVerifier with revocation ocsp-crl, and not at all with off', async () => {
    const checked = fakeNetwork({ [OCSP_URL]: ocspAnswer(root, 'revoked') });
    const strict = createSignatureVerifier({ trustedRoots: [root.certificateDer], revocation: 'ocsp-crl', fetchImpl: checked.fetchImpl });
    expect(await failureOf(strict, { cms, content, at: new Date(), purpose: 'signing' })).toBe('certificate_revoked');
    expect(checked.calls).toHaveLength(1);

    const unchecked = fakeNetwork({ [OCSP_URL]: ocspAnswer(root, 'revoked') });
    const lenient = createSignatureVerifier({ trustedRoots: [root.certificateDer], revocation: 'off', fetchImpl: unchecked.fetchImpl });
    expect(await failureOf(lenient, { cms, content, at: new Date(), purpose: 'signing' })).toBe('accepted');
    expect(unchecked.calls).toHaveLength(0);
  });
});

/** A stand-in for NCA's OCSP responder and CRL distribution point on a local port, reached by the real fetch. */
class StandInResponder {
  ocsp: 'good' | 'revoked' | 'unknown' | 'down' = 'good';
  crl: 'current' | 'revoking' | 'stale' | 'down' = 'down';
  readonly asked: string[] = [];
  private readonly server: Server;

  constructor(private readonly ca: TestCa, private readonly revokedDer: () => Uint8Array) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void this.answer(req.url ?? '', new Uint8Array(Buffer.concat(chunks))).then(({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/octet-stream' });
          res.end(Buffer.from(body));
        });
      });
    });
  }

  private async answer(url: string, body: Uint8Array): Promise<{ status: number; body: Uint8Array }> {
    this.asked.push(url);
    if (url === '/ocsp') {
      if (this.ocsp === 'down') return { status: 503, body: new Uint8Array(0) };
      return { status: 200, body: await makeOcspResponse(this.ca, body, this.ocsp) };
    }
    if (url === '/root.crl') {
      if (this.crl === 'down') return { status: 503, body: new Uint8Array(0) };
      const revoked = this.crl === 'revoking' ? [{ certificateDer: this.revokedDer() }] : [];
      const dates = this.crl === 'stale' ? { thisUpdate: new Date(Date.now() - 3 * DAY), nextUpdate: new Date(Date.now() - DAY) } : {};
      return { status: 200, body: await makeCrl(this.ca, revoked, dates) };
    }
    return { status: 404, body: new Uint8Array(0) };
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe('revocation against a stand-in responder on the network, with EDS_REVOCATION=ocsp-crl', () => {
  const content = utf8('sot-login:5e6f7a');
  let root: TestCa;
  let signer: TestSigner;
  let responder: StandInResponder;
  let base: string;
  const verify = (cms: Uint8Array) =>
    failureOf(createSignatureVerifier({ trustedRoots: [root.certificateDer], revocation: 'ocsp-crl' }), { cms, content, at: new Date(), purpose: 'authentication' });

  beforeAll(async () => {
    root = await makeRootCa();
    responder = new StandInResponder(root, () => signer.certificateDer);
    base = await responder.start();
    signer = await issueSigner(root, { key: 'auth', ocspUrl: `${base}/ocsp`, crlUrl: `${base}/root.crl`, person: { iin: testIin(9410) } });
  });

  afterAll(() => responder.stop());

  it.each<[string, StandInResponder['ocsp'], StandInResponder['crl'], EdsFailureCode | 'accepted']>([
    ['OCSP says good', 'good', 'down', 'accepted'],
    ['OCSP says revoked', 'revoked', 'current', 'certificate_revoked'],
    ['OCSP does not know it and there is no CRL to ask', 'unknown', 'down', 'certificate_status_unknown'],
    ['OCSP does not know it and the CRL lists it', 'unknown', 'revoking', 'certificate_revoked'],
    ['OCSP is down and the CRL does not list it', 'down', 'current', 'accepted'],
    ['OCSP is down and the CRL lists it', 'down', 'revoking', 'certificate_revoked'],
    ['OCSP is down and the CRL has expired', 'down', 'stale', 'certificate_status_unknown'],
    ['OCSP and the CRL are both down', 'down', 'down', 'certificate_status_unknown'],
  ])('when %s: %s', async (_, ocsp, crl, outcome) => {
    responder.ocsp = ocsp;
    responder.crl = crl;
    responder.asked.length = 0;
    expect(await verify(await signContent(signer, content))).toBe(outcome);
    expect(responder.asked[0]).toBe('/ocsp');
  });

  it('refuses as certificate_status_unknown when nothing listens at the addresses', async () => {
    const closed = new StandInResponder(root, () => signer.certificateDer);
    const closedBase = await closed.start();
    await closed.stop();
    const unreachable = await issueSigner(root, { key: 'auth', ocspUrl: `${closedBase}/ocsp`, crlUrl: `${closedBase}/root.crl`, person: { iin: testIin(9410) } });
    expect(await verify(await signContent(unreachable, content))).toBe('certificate_status_unknown');
  });
});
