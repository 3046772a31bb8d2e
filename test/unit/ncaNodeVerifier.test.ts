import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNcaNodeVerifier, createSignatureVerifier, type EdsFailureCode, type SignatureVerifier, type VerifyInput } from '../../src/adapters/eds/index.ts';
import { parseCertificate, toArrayBuffer } from '../../src/pki/cms.ts';
import { failureOf, issueAuthKey, issueSigner, makeIntermediateCa, makeRootCa, signContent, testBin, testIin, utf8, type TestCa, type TestSigner } from '../support/pki.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Answer = { status?: number; json?: unknown; raw?: string } | 'hang';

/** A stand-in for NCANode v3: records each request and answers with whatever the test set. */
class FakeNcaNode {
  readonly requests: ReceivedRequest[] = [];
  answer: (request: ReceivedRequest) => Answer = () => ({ status: 404, raw: 'not set' });
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.requests.push(request);
        const answer = this.answer(request);
        if (answer === 'hang') return;
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
        res.end(answer.raw ?? JSON.stringify(answer.json));
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  lastBody(): Record<string, unknown> {
    return JSON.parse(this.requests.at(-1)!.body) as Record<string, unknown>;
  }
}


function serialHex(certificateDer: Uint8Array): string {
  return Buffer.from(parseCertificate(certificateDer).serialNumber.valueBlock.valueHexView).toString('hex');
}

/** What NCANode v3 reports of a certificate: Java's hex serial, the SubjectPublicKeyInfo and the CA's signature value, in base64. */
function reportedFacts(certificateDer: Uint8Array): { serialNumber: string; publicKey: string; signature: string } {
  const certificate = parseCertificate(certificateDer);
  return {
    serialNumber: BigInt(`0x${serialHex(certificateDer)}`).toString(16),
    publicKey: Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER(false)).toString('base64'),
    signature: Buffer.from(certificate.signatureValue.valueBlock.valueHexView).toString('base64'),
  };
}

/** The signer's certificate in the CMS a request carries (Sot's CMS puts it first), as NCANode finds it. */
function signerCertificateOf(request: ReceivedRequest): Uint8Array {
  const { cms } = JSON.parse(request.body) as { cms: string };
  const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(toArrayBuffer(new Uint8Array(Buffer.from(cms, 'base64')))).content });
  return new Uint8Array((signedData.certificates![0] as pkijs.Certificate).toSchema().toBER(false));
}

/** NCANode's answer about the signer's certificate in the request, with whatever the test overrides. */
function verdict(valid: boolean, certificate: Record<string, unknown> = {}, signer: Record<string, unknown> = {}) {
  return (request: ReceivedRequest): Answer => ({
    json: {
      status: 200,
      message: '',
      valid,
      signers: [{ status: valid ? 'TOTAL_PASSED' : 'TOTAL_FAILED', certificates: [{ valid, revocations: [], ...reportedFacts(signerCertificateOf(request)), ...certificate }], ...signer }],
    },
  });
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** The same CMS with a GOST digest algorithm named in its signer info. */
function withGostDigest(cms: Uint8Array): Uint8Array {
  const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(cms));
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  signedData.signerInfos[0]!.digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.398.3.10.1.3.1', algorithmParams: new asn1js.Null() });
  return new Uint8Array(new pkijs.ContentInfo({ contentType: contentInfo.contentType, content: signedData.toSchema(true) }).toSchema().toBER(false));
}

describe('the NCANode verifier', () => {
  const content = utf8('sot-login:9d8e7f');
  const at = new Date();
  const ncaNode = new FakeNcaNode();
  let url: string;
  let root: TestCa;
  let signer: TestSigner;
  let employee: TestSigner;
  let verifier: SignatureVerifier;
  let otherPublicKey: string;
  const check = (cms: Uint8Array, input: Partial<VerifyInput> = {}, using = verifier) => failureOf(using, { cms, content, at, purpose: 'signing', ...input });

  beforeAll(async () => {
    url = await ncaNode.start();
    root = await makeRootCa();
    signer = await issueSigner(root, { person: { fullName: 'Жұмабаев Марат Серікұлы', iin: testIin(9700) } });
    employee = await issueSigner(root, { person: { fullName: 'Әлиева Гүлнар', iin: testIin(9720), bin: testBin(9650), organisation: 'АО «Демо Банк»' } });
    verifier = createNcaNodeVerifier({ url, trustedRoots: [root.certificateDer] });
    // Test signers share one key pair per algorithm; a key of another algorithm is surely another key.
    otherPublicKey = reportedFacts((await issueSigner(root, { algorithm: 'rsa-2048' })).certificateDer).publicKey;
  });

  afterEach(() => {
    ncaNode.requests.length = 0;
    ncaNode.answer = () => ({ status: 404, raw: 'not set' });
  });

  afterAll(() => ncaNode.stop());

  describe('asking', () => {
    it('POSTs JSON to /cms/verify with the attached CMS in base64 and OCSP revocation by default', async () => {
      ncaNode.answer = verdict(true);
      const cms = await signContent(signer, content);
      await verifier.verify({ cms, content, at, purpose: 'signing' });
      const request = ncaNode.requests[0]!;
      expect(request).toMatchObject({ method: 'POST', path: '/cms/verify' });
      expect(request.headers['content-type']).toBe('application/json');
      expect(ncaNode.lastBody()).toEqual({ cms: base64(cms), revocationCheck: ['OCSP'] });
    });

    it('sends the content as data with a detached CMS', async () => {
      ncaNode.answer = verdict(true);
      const cms = await signContent(signer, content, { detached: true });
      await verifier.verify({ cms, content, at, purpose: 'signing' });
      expect(ncaNode.lastBody()).toEqual({ cms: base64(cms), data: base64(content), revocationCheck: ['OCSP'] });
    });

    it('sends the CMS as base64 of its DER when it came as base64 text', async () => {
      ncaNode.answer = verdict(true);
      const cms = await signContent(signer, content);
      await verifier.verify({ cms: utf8(`-----BEGIN CMS-----\n${base64(cms)}\n-----END CMS-----\n`), content, at, purpose: 'signing' });
      expect(ncaNode.lastBody().cms).toBe(base64(cms));
    });

    it('keeps a base path, drops trailing slashes, and asks for no revocation check when revocation is off', async () => {
      ncaNode.answer = verdict(true);
      const behindProxy = createNcaNodeVerifier({ url: `${url}/ncanode//`, trustedRoots: [root.certificateDer], revocation: 'off' });
      await behindProxy.verify({ cms: await signContent(signer, content), content, at, purpose: 'signing' });
      expect(ncaNode.requests[0]!.path).toBe('/ncanode/cms/verify');
      expect(ncaNode.lastBody().revocationCheck).toEqual([]);
    });

    it('asks again by CRL when NCANode could not establish the status by OCSP', async () => {
      ncaNode.answer = (request) => {
        const byOcsp = (JSON.parse(request.body) as { revocationCheck: string[] }).revocationCheck[0] === 'OCSP';
        return byOcsp ? verdict(false, {}, { subIndication: 'REVOCATION_DATA_MISSING' })(request) : verdict(true)(request);
      };
      expect(await check(await signContent(signer, content))).toBe('accepted');
      expect(ncaNode.requests.map((r) => (JSON.parse(r.body) as { revocationCheck: string[] }).revocationCheck)).toEqual([['OCSP'], ['CRL']]);
    });

    it('refuses as certificate_status_unknown when neither OCSP nor the CRL established the status', async () => {
      ncaNode.answer = verdict(false, {}, { subIndication: 'REVOCATION_DATA_MISSING' });
      expect(await check(await signContent(signer, content))).toBe('certificate_status_unknown');
      expect(ncaNode.requests).toHaveLength(2);
    });

    it('does not ask again by CRL when OCSP found the certificate revoked', async () => {
      ncaNode.answer = verdict(false, {}, { subIndication: 'CERT_REVOKED' });
      expect(await check(await signContent(signer, content))).toBe('certificate_revoked');
      expect(ncaNode.requests).toHaveLength(1);
    });

    it('asks nothing about bytes that are not a CMS', async () => {
      expect(await check(utf8('not a cms'))).toBe('malformed_cms');
      expect(await check(signer.certificateDer)).toBe('malformed_cms');
      expect(ncaNode.requests).toHaveLength(0);
    });

    it('asks nothing when the attached content is not the expected one', async () => {
      expect(await check(await signContent(signer, utf8('sot-login:other')))).toBe('bad_signature');
      expect(ncaNode.requests).toHaveLength(0);
    });
  });

  describe('a valid answer', () => {
    it('names the signer from the certificate in the CMS', async () => {
      ncaNode.answer = verdict(true, { serialNumber: serialHex(signer.certificateDer) });
      const identity = await verifier.verify({ cms: await signContent(signer, content), content, at, purpose: 'signing' });
      expect(identity).toMatchObject({ iin: testIin(9700), fullName: 'ЖҰМАБАЕВ МАРАТ СЕРІКҰЛЫ', commonName: 'ЖҰМАБАЕВ МАРАТ' });
      expect(identity.bin).toBeUndefined();
      expect(identity.certificate.issuer).toBe('CN=Test Root CA, C=KZ');
    });

    it('names an employee with the BIN and organisation', async () => {
      ncaNode.answer = verdict(true);
      const identity = await verifier.verify({ cms: await signContent(employee, content), content, at, purpose: 'signing' });
      expect(identity).toMatchObject({ iin: testIin(9720), bin: testBin(9650), organisation: 'АО «Демо Банк»', fullName: 'ӘЛИЕВА ГҮЛНАР' });
    });

    it('matches the reported serial number whatever its case and leading zeros', async () => {
      ncaNode.answer = verdict(true, { serialNumber: `00${serialHex(signer.certificateDer).toUpperCase()}` });
      expect(await check(await signContent(signer, content))).toBe('accepted');
    });

    it('reads the certificate list under its older name, signers', async () => {
      const facts = reportedFacts(employee.certificateDer);
      ncaNode.answer = () => ({ json: { status: 200, valid: true, signers: [{ signers: [{ valid: true, ...facts }] }] } });
      expect(await check(await signContent(signer, content))).toBe('verifier_certificate_mismatch');
      expect(await check(await signContent(employee, content))).toBe('accepted');
    });

    it('accepts the whole certificate in DER when the service reports it, and compares it byte for byte', async () => {
      ncaNode.answer = (request) => ({ json: { status: 200, valid: true, signers: [{ certificates: [{ valid: true, certificate: base64(signerCertificateOf(request)) }] }] } });
      expect(await check(await signContent(signer, content))).toBe('accepted');
      ncaNode.answer = () => ({ json: { status: 200, valid: true, signers: [{ certificates: [{ valid: true, certificate: base64(employee.certificateDer) }] }] } });
      expect(await check(await signContent(signer, content))).toBe('verifier_certificate_mismatch');
    });

    it.each<[string, (other: Record<string, string>) => Record<string, unknown>]>([
      ['another certificate altogether', (other) => other],
      ['another serial number', (other) => ({ serialNumber: other.serialNumber })],
      ['another public key', () => ({ publicKey: otherPublicKey })],
      ['another CA signature, as a reissued certificate with the same key and serial would have', (other) => ({ signature: other.signature })],
      ['no public key', () => ({ publicKey: undefined })],
      ['no signature value', () => ({ signature: undefined })],
      ['no serial number', () => ({ serialNumber: undefined })],
    ])('refuses as verifier_certificate_mismatch when NCANode reports %s', async (_, override) => {
      ncaNode.answer = verdict(true, override(reportedFacts(employee.certificateDer)));
      expect(await check(await signContent(signer, content))).toBe('verifier_certificate_mismatch');
    });

    it('refuses as verifier_certificate_mismatch when NCANode names no certificate at all', async () => {
      ncaNode.answer = () => ({ json: { status: 200, valid: true, signers: [{ certificates: [] }] } });
      expect(await check(await signContent(signer, content))).toBe('verifier_certificate_mismatch');
      ncaNode.answer = () => ({ json: { status: 200, valid: true } });
      expect(await check(await signContent(signer, content))).toBe('verifier_certificate_mismatch');
    });

    it('still checks validity at the moment given, not at NCANode’s clock', async () => {
      ncaNode.answer = verdict(true);
      const cms = await signContent(signer, content);
      expect(await check(cms, { at: new Date(at.getTime() + 2 * 365 * DAY) })).toBe('certificate_expired');
      expect(await check(cms, { at: new Date(at.getTime() - DAY) })).toBe('certificate_not_yet_valid');
    });

    it('refuses a certificate not meant for digital signatures, before asking', async () => {
      ncaNode.answer = verdict(true);
      const encipherOnly = await issueSigner(root, { keyUsage: ['nonRepudiation', 'keyEncipherment'] });
      expect(await check(await signContent(encipherOnly, content))).toBe('key_usage_not_allowed');
      expect(ncaNode.requests).toHaveLength(0);
    });

    it('takes the authentication key to sign in and the signing key for documents, before asking', async () => {
      ncaNode.answer = verdict(true);
      const auth = await signContent(await issueAuthKey(root, { person: { iin: testIin(9700) } }), content);
      const signing = await signContent(signer, content);
      expect(await check(auth, { purpose: 'signing' })).toBe('authentication_key_for_document');
      expect(await check(signing, { purpose: 'authentication' })).toBe('signing_key_at_sign_in');
      expect(ncaNode.requests).toHaveLength(0);
      expect(await check(auth, { purpose: 'authentication' })).toBe('accepted');
      expect(await check(signing, { purpose: 'signing' })).toBe('accepted');
    });

    it('still refuses a subject without a valid IIN', async () => {
      ncaNode.answer = verdict(true);
      const good = testIin(9700);
      const wrongDigit = await issueSigner(root, { person: { iin: `${good.slice(0, 11)}${(Number(good[11]) + 1) % 10}` } });
      expect(await check(await signContent(wrongDigit, content))).toBe('invalid_identity');
    });
  });

  describe('a negative answer', () => {
    it.each<[string, EdsFailureCode]>([
      ['SIG_CRYPTO_FAILURE', 'bad_signature'],
      ['CERT_HASH_MISMATCH', 'bad_signature'],
      ['FORMAT_FAILURE', 'malformed_cms'],
      ['NO_SIGNING_CERTIFICATE_FOUND', 'malformed_cms'],
      ['CHAIN_INCOMPLETE', 'untrusted_certificate'],
      ['OUT_OF_BOUNDS_NO_POE', 'certificate_expired'],
      ['CERT_REVOKED', 'certificate_revoked'],
      ['REVOKED_NO_POE', 'certificate_revoked'],
      ['REVOCATION_DATA_MISSING', 'certificate_status_unknown'],
      ['TRY_LATER', 'certificate_status_unknown'],
    ])('with sub-indication %s is %s', async (subIndication, code) => {
      ncaNode.answer = verdict(false, { valid: true }, { subIndication });
      expect(await check(await signContent(signer, content))).toBe(code);
    });

    it.each<[string, Record<string, unknown>, EdsFailureCode]>([
      ['a revocation', { revocations: [{ revoked: false, by: 'CRL' }, { revoked: true, by: 'OCSP' }] }, 'certificate_revoked'],
      ['a past notAfter', { notAfter: new Date(Date.now() - DAY).toISOString() }, 'certificate_expired'],
      ['a future notBefore', { notBefore: new Date(Date.now() + DAY).toISOString() }, 'certificate_not_yet_valid'],
      ['an invalid certificate', { valid: false }, 'untrusted_certificate'],
      ['nothing more', { valid: true }, 'bad_signature'],
      ['unreadable dates', { valid: true, notAfter: 'yesterday', notBefore: '' }, 'bad_signature'],
    ])('without a sub-indication but with %s is read from the certificate', async (_, certificate, code) => {
      ncaNode.answer = verdict(false, certificate);
      expect(await check(await signContent(signer, content))).toBe(code);
    });

    it('prefers the sub-indication to what the certificate says', async () => {
      ncaNode.answer = verdict(false, { valid: false, revocations: [{ revoked: true }] }, { subIndication: 'SIG_CRYPTO_FAILURE' });
      expect(await check(await signContent(signer, content))).toBe('bad_signature');
    });

    it('is a bad signature when NCANode names no signer at all', async () => {
      ncaNode.answer = () => ({ json: { status: 200, valid: false } });
      expect(await check(await signContent(signer, content))).toBe('bad_signature');
    });
  });

  describe('no usable answer', () => {
    it.each<[string, Answer]>([
      ['HTTP 500', { status: 500, json: { message: 'Internal Server Error' } }],
      ['HTTP 400', { status: 400, json: { status: 400, message: 'bad request' } }],
      ['an error status inside a 200', { status: 200, json: { status: 500, message: 'Kalkan error' } }],
      ['HTML', { status: 200, raw: '<html><body>502 Bad Gateway</body></html>' }],
      ['truncated JSON', { status: 200, raw: '{"status":200,"valid":tr' }],
      ['JSON null', { status: 200, raw: 'null' }],
      ['an empty body', { status: 200, raw: '' }],
      ['an object without a verdict', { status: 200, json: {} }],
      ['a list', { status: 200, json: [] }],
    ])('is verifier_unavailable on %s', async (_, answer) => {
      ncaNode.answer = () => answer;
      expect(await check(await signContent(signer, content))).toBe('verifier_unavailable');
      expect(ncaNode.requests).toHaveLength(1);
    });

    it('is verifier_unavailable when nothing listens at the address', async () => {
      const closed = new FakeNcaNode();
      const closedUrl = await closed.start();
      await closed.stop();
      expect(await check(await signContent(signer, content), {}, createNcaNodeVerifier({ url: closedUrl, trustedRoots: [root.certificateDer] }))).toBe('verifier_unavailable');
    });

    it('is verifier_unavailable when NCANode does not answer within timeoutMs', async () => {
      ncaNode.answer = () => 'hang';
      const impatient = createNcaNodeVerifier({ url, trustedRoots: [root.certificateDer], timeoutMs: 150 });
      const started = Date.now();
      expect(await check(await signContent(signer, content), {}, impatient)).toBe('verifier_unavailable');
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(ncaNode.requests).toHaveLength(1);
    });

    it('goes through the fetch it is given', async () => {
      const seen: string[] = [];
      const fetchImpl = ((input: string | URL | Request, init?: RequestInit) => {
        seen.push(String(input));
        return globalThis.fetch(input, init);
      }) as typeof fetch;
      ncaNode.answer = verdict(true);
      expect(await check(await signContent(signer, content), {}, createNcaNodeVerifier({ url, trustedRoots: [root.certificateDer], fetchImpl }))).toBe('accepted');
      expect(seen).toEqual([`${url}/cms/verify`]);
    });
  });

  describe('the chain to the trusted roots, by names and key identifiers', () => {
    it('follows an intermediate carried in the CMS to the root, and refuses without it', async () => {
      ncaNode.answer = verdict(true);
      const intermediate = await makeIntermediateCa(root, { name: 'ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST)' });
      const leaf = await issueSigner(intermediate, { person: { iin: testIin(9700) } });
      expect(await check(await signContent(leaf, content, { chain: [intermediate.certificateDer] }))).toBe('accepted');
      expect(await check(await signContent(leaf, content))).toBe('untrusted_certificate');
      expect(ncaNode.requests).toHaveLength(1);
    });

    it('accepts an intermediate the operator put among the trusted roots', async () => {
      ncaNode.answer = verdict(true);
      const intermediate = await makeIntermediateCa(root);
      const leaf = await issueSigner(intermediate, { person: { iin: testIin(9700) } });
      const trustingIntermediate = createNcaNodeVerifier({ url, trustedRoots: [intermediate.certificateDer] });
      expect(await check(await signContent(leaf, content), {}, trustingIntermediate)).toBe('accepted');
    });

    it('refuses a CA with the trusted root’s name but another key, before asking', async () => {
      ncaNode.answer = verdict(true);
      const impostor = await makeRootCa({ name: 'Test Root CA' });
      const forged = await issueSigner(impostor, { person: { iin: testIin(9700) } });
      expect(await check(await signContent(forged, content, { chain: [impostor.certificateDer] }))).toBe('untrusted_certificate');
      expect(ncaNode.requests).toHaveLength(0);
    });

    it('refuses an issuer that is not a CA', async () => {
      ncaNode.answer = verdict(true);
      const notCa = await makeIntermediateCa(root, { ca: false });
      const leaf = await issueSigner(notCa, { person: { iin: testIin(9700) } });
      expect(await check(await signContent(leaf, content, { chain: [notCa.certificateDer] }))).toBe('untrusted_certificate');
    });

    it('checks every certificate of the chain for validity at the moment given', async () => {
      ncaNode.answer = verdict(true);
      const lapsed = await makeIntermediateCa(root, { notBefore: new Date(at.getTime() - 400 * DAY), notAfter: new Date(at.getTime() - DAY) });
      const leaf = await issueSigner(lapsed, { person: { iin: testIin(9700) } });
      expect(await check(await signContent(leaf, content, { chain: [lapsed.certificateDer] }))).toBe('certificate_expired');
    });
  });

  describe('behind createSignatureVerifier', () => {
    it('receives GOST signatures, with the revocation setting passed on', async () => {
      ncaNode.answer = verdict(true);
      const gost = withGostDigest(await signContent(signer, content));
      const withNcaNode = createSignatureVerifier({ trustedRoots: [root.certificateDer], externalVerifierUrl: url, revocation: 'off' });
      expect((await withNcaNode.verify({ cms: gost, content, at, purpose: 'signing' })).iin).toBe(testIin(9700));
      expect(ncaNode.lastBody()).toEqual({ cms: base64(gost), revocationCheck: [] });
    });

    it('has NCANode check revocation by OCSP when revocation is on', async () => {
      ncaNode.answer = verdict(true);
      const gost = withGostDigest(await signContent(signer, content));
      await createSignatureVerifier({ trustedRoots: [root.certificateDer], externalVerifierUrl: url, revocation: 'ocsp-crl' }).verify({ cms: gost, content, at, purpose: 'signing' });
      expect(ncaNode.lastBody()).toEqual({ cms: base64(gost), revocationCheck: ['OCSP'] });
    });

    it('refuses GOST signatures whose certificate does not chain to the trusted roots, without asking', async () => {
      ncaNode.answer = verdict(true);
      const withOtherRoots = createSignatureVerifier({ trustedRoots: [(await makeRootCa({ name: 'Other Root CA' })).certificateDer], externalVerifierUrl: url });
      expect(await check(withGostDigest(await signContent(signer, content)), {}, withOtherRoots)).toBe('untrusted_certificate');
      expect(ncaNode.requests).toHaveLength(0);
    });

    it('keeps RSA and ECDSA signatures in-process', async () => {
      const withNcaNode = createSignatureVerifier({ trustedRoots: [root.certificateDer], externalVerifierUrl: url });
      expect(await check(await signContent(signer, content), {}, withNcaNode)).toBe('accepted');
      expect(ncaNode.requests).toHaveLength(0);
    });

    it('refuses GOST signatures as unsupported without an NCANode address', async () => {
      const withoutNcaNode = createSignatureVerifier({ trustedRoots: [root.certificateDer] });
      expect(await check(withGostDigest(await signContent(signer, content)), {}, withoutNcaNode)).toBe('unsupported_algorithm');
    });
  });
});
