import { beforeAll, describe, expect, it } from 'vitest';
import { createBuiltInVerifier, type KeyPurpose, type SignatureVerifier } from '../../src/adapters/eds/index.ts';
import { isValidIin } from '../../src/domain/iin.ts';
import { parseCertificate } from '../../src/pki/cms.ts';
import {
  failureOf,
  flipSignatureByte,
  generateKeyPair,
  issueAuthKey,
  issueSigner,
  makeIntermediateCa,
  makeRootCa,
  NAME_OID,
  signContent,
  testBin,
  testIin,
  utf8,
  type KeyAlgorithm,
  type TestCa,
  type TestSigner,
} from '../support/pki.ts';

const DAY = 24 * 3_600_000;


describe.each<KeyAlgorithm>(['rsa-2048', 'ecdsa-p256'])('the built-in verifier with %s keys', (algorithm) => {
  const nonce = utf8('sot-login:7f3a9c1e');
  const now = new Date();
  let root: TestCa;
  let signer: TestSigner;
  let verifier: SignatureVerifier;
  const check = (cms: Uint8Array, content = nonce, at = now, purpose: KeyPurpose = 'signing') => failureOf(verifier, { cms, content, at, purpose });

  beforeAll(async () => {
    root = await makeRootCa({ algorithm });
    signer = await issueSigner(root, { algorithm, person: { fullName: 'Нұрланова Айгерім Серікқызы', iin: testIin(9100) } });
    verifier = createBuiltInVerifier({ trustedRoots: [root.certificateDer] });
  });

  it('accepts an attached signature and names the signer from the certificate', async () => {
    const cms = await signContent(signer, nonce);
    const identity = await verifier.verify({ cms, content: nonce, at: now, purpose: 'signing' });
    expect(identity.iin).toBe(testIin(9100));
    expect(isValidIin(identity.iin)).toBe(true);
    expect(identity.bin).toBeUndefined();
    expect(identity.commonName).toBe('НҰРЛАНОВА АЙГЕРІМ');
    expect(identity.fullName).toBe('НҰРЛАНОВА АЙГЕРІМ СЕРІКҚЫЗЫ');
    const certificate = parseCertificate(signer.certificateDer);
    expect(identity.certificate.serialNumber).toMatch(/^[0-9a-f]+$/);
    expect(BigInt(`0x${identity.certificate.serialNumber}`)).toBe(BigInt(`0x${Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex')}`));
    expect(identity.certificate.thumbprintSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(identity.certificate.subject).toContain(`SERIALNUMBER=IIN${testIin(9100)}`);
    expect(identity.certificate.issuer).toBe('CN=Test Root CA, C=KZ');
    expect(identity.certificate.notAfter.getTime()).toBeGreaterThan(now.getTime());
  });

  it('accepts a detached signature over the same bytes', async () => {
    const cms = await signContent(signer, nonce, { detached: true });
    expect(await check(cms)).toBe('accepted');
  });

  it('accepts the CMS as base64 text as well as DER', async () => {
    const cms = await signContent(signer, nonce);
    expect(await check(utf8(Buffer.from(cms).toString('base64')))).toBe('accepted');
  });

  it('refuses a signature over other content, attached or detached', async () => {
    const other = utf8('sot-login:00000000');
    expect(await check(await signContent(signer, other))).toBe('bad_signature');
    expect(await check(await signContent(signer, other, { detached: true }))).toBe('bad_signature');
  });

  it('refuses a CMS whose signature byte was changed', async () => {
    const cms = await signContent(signer, nonce);
    expect(await check(flipSignatureByte(cms))).toBe('bad_signature');
  });

  it('refuses a CMS signed by a key other than the certificate’s', async () => {
    const stranger = await generateKeyPair(algorithm);
    expect(await check(await signContent(signer, nonce, { privateKey: stranger.privateKey }))).toBe('bad_signature');
  });

  it('refuses an expired certificate from a trusted CA as expired', async () => {
    const expired = await issueSigner(root, { algorithm, notBefore: new Date(now.getTime() - 400 * DAY), notAfter: new Date(now.getTime() - DAY) });
    expect(await check(await signContent(expired, nonce))).toBe('certificate_expired');
  });

  it('refuses a certificate that is not valid yet', async () => {
    const early = await issueSigner(root, { algorithm, notBefore: new Date(now.getTime() + DAY), notAfter: new Date(now.getTime() + 400 * DAY) });
    expect(await check(await signContent(early, nonce))).toBe('certificate_not_yet_valid');
  });

  it('judges validity at the moment asked for, not at the clock', async () => {
    const cms = await signContent(signer, nonce);
    expect(await check(cms, nonce, new Date(now.getTime() + 2 * 365 * DAY))).toBe('certificate_expired');
  });

  it('refuses a certificate from another CA, expired or not', async () => {
    const other = await makeRootCa({ name: 'Other CA', algorithm });
    expect(await check(await signContent(await issueSigner(other, { algorithm }), nonce))).toBe('untrusted_certificate');
    const expired = await issueSigner(other, { algorithm, notBefore: new Date(now.getTime() - 400 * DAY), notAfter: new Date(now.getTime() - DAY) });
    expect(await check(await signContent(expired, nonce))).toBe('untrusted_certificate');
  });

  it('refuses a CA certificate with the trusted root’s name but another key', async () => {
    const impostor = await makeRootCa({ name: 'Test Root CA', algorithm });
    const forged = await issueSigner(impostor, { algorithm });
    expect(await check(await signContent(forged, nonce, { chain: [impostor.certificateDer] }))).toBe('untrusted_certificate');
  });

  it('follows an intermediate carried in the CMS, and refuses without it', async () => {
    const intermediate = await makeIntermediateCa(root, { algorithm });
    const leaf = await issueSigner(intermediate, { algorithm });
    expect(await check(await signContent(leaf, nonce, { chain: [intermediate.certificateDer] }))).toBe('accepted');
    expect(await check(await signContent(leaf, nonce))).toBe('untrusted_certificate');
  });

  it('refuses an intermediate that is not a CA', async () => {
    const notCa = await makeIntermediateCa(root, { algorithm, ca: false });
    const leaf = await issueSigner(notCa, { algorithm });
    expect(await check(await signContent(leaf, nonce, { chain: [notCa.certificateDer] }))).toBe('untrusted_certificate');
  });

  it('refuses a self-signed signer that is not a trusted root', async () => {
    const selfSigned = await makeRootCa({ name: 'Самоподписанный', algorithm, keyUsage: ['digitalSignature'], ca: false });
    expect(await check(await signContent(selfSigned, nonce))).toBe('untrusted_certificate');
  });

  it('refuses a certificate whose key usage lacks digitalSignature, even with nonRepudiation', async () => {
    const nonRepudiationOnly = await issueSigner(root, { algorithm, keyUsage: ['nonRepudiation'] });
    expect(await check(await signContent(nonRepudiationOnly, nonce))).toBe('key_usage_not_allowed');
  });

  it('refuses a certificate without keyUsage, for signing in and for documents', async () => {
    const noKeyUsage = await signContent(await issueSigner(root, { algorithm, keyUsage: null }), nonce);
    expect(await check(noKeyUsage)).toBe('key_usage_missing');
    expect(await check(noKeyUsage, nonce, now, 'authentication')).toBe('key_usage_missing');
  });

  it('signs in with the authentication key and refuses it for a document', async () => {
    const auth = await signContent(await issueAuthKey(root, { algorithm, person: { iin: testIin(9100) } }), nonce);
    expect(await check(auth, nonce, now, 'authentication')).toBe('accepted');
    expect(await check(auth, nonce, now, 'signing')).toBe('authentication_key_for_document');
  });

  it('signs documents with the signing key and refuses it for signing in', async () => {
    const signing = await signContent(signer, nonce);
    expect(await check(signing, nonce, now, 'signing')).toBe('accepted');
    expect(await check(signing, nonce, now, 'authentication')).toBe('signing_key_at_sign_in');
  });

  it('refuses a subject without an IIN, or with a wrong check digit', async () => {
    const noIin = await issueSigner(root, { algorithm, subject: [{ type: NAME_OID.commonName, value: 'ТЕСТОВ ТЕСТ' }, { type: NAME_OID.country, value: 'KZ' }] });
    expect(await check(await signContent(noIin, nonce))).toBe('invalid_identity');
    const good = testIin(9100);
    const wrongDigit = `${good.slice(0, 11)}${(Number(good[11]) + 1) % 10}`;
    const badIin = await issueSigner(root, { algorithm, person: { iin: wrongDigit } });
    expect(await check(await signContent(badIin, nonce))).toBe('invalid_identity');
  });

  it('reads the BIN and organisation of an employee’s certificate', async () => {
    const employee = await issueSigner(root, { algorithm, person: { fullName: 'Омарова Әсел Қайратқызы', iin: testIin(9140), bin: testBin(), organisation: 'ТОО «Дала Логистик»' } });
    const identity = await verifier.verify({ cms: await signContent(employee, nonce), content: nonce, at: now, purpose: 'signing' });
    expect(identity).toMatchObject({ iin: testIin(9140), bin: testBin(), organisation: 'ТОО «Дала Логистик»', fullName: 'ОМАРОВА ӘСЕЛ ҚАЙРАТҚЫЗЫ' });
  });
});

describe('the built-in verifier with malformed or unsupported input', () => {
  const content = utf8('nonce');
  const at = new Date();
  let root: TestCa;
  let verifier: SignatureVerifier;

  beforeAll(async () => {
    root = await makeRootCa();
    verifier = createBuiltInVerifier({ trustedRoots: [root.certificateDer] });
  });

  it('calls garbage malformed: random bytes, nothing, text, a certificate, other DER', async () => {
    const signer = await issueSigner(root);
    const cms = await signContent(signer, content);
    const inputs = [
      globalThis.crypto.getRandomValues(new Uint8Array(300)),
      new Uint8Array(0),
      utf8('not base64 at all!'),
      signer.certificateDer,
      new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]),
      cms.subarray(0, cms.length - 10),
      new Uint8Array([...cms, 0x00]),
    ];
    for (const input of inputs) expect(await failureOf(verifier, { cms: input, content, at, purpose: 'signing' })).toBe('malformed_cms');
  });

  it('refuses RSA keys under 2048 bits as unsupported', async () => {
    const weak = await issueSigner(root, { algorithm: 'rsa-1024' });
    expect(await failureOf(verifier, { cms: await signContent(weak, content), content, at, purpose: 'signing' })).toBe('unsupported_algorithm');
  });

  it('never throws anything but an EdsError, whatever the bytes', async () => {
    const signer = await issueSigner(root);
    const cms = await signContent(signer, content);
    for (let i = 0; i < 60; i++) {
      const damaged = cms.slice();
      const position = Math.floor(Math.random() * damaged.length);
      damaged[position] = damaged[position]! ^ (1 + Math.floor(Math.random() * 255));
      const result = await failureOf(verifier, { cms: damaged, content, at, purpose: 'signing' });
      expect(typeof result).toBe('string');
    }
  });
});
