/**
 * An in-memory PKI for tests: roots, intermediates and signers with whatever subject, dates, key
 * usage and key algorithm a test needs, CRLs and OCSP answers, and CMS signatures over content.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { EdsError, type EdsFailureCode, type SignatureVerifier, type VerifyInput } from '../../src/adapters/eds/index.ts';
import { signCms, toArrayBuffer, pkiEngine, parseCertificate } from '../../src/pki/cms.ts';
import { EKU, NAME_OID, NCA_KEY_PROFILES, generateKeyPair, issueCertificate, ncaKeyUserOids, ncaPersonSubject, type DevKey, type KeyAlgorithm, type KeyUsage, type NameAttribute } from '../../src/pki/devCa.ts';
import type { OrganisationRole } from '../../src/domain/ncaRoles.ts';
import { withCheckDigit } from '../../src/seed/people.ts';

export { EKU, NAME_OID, generateKeyPair, type KeyAlgorithm, type KeyUsage, type NameAttribute };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One key pair per algorithm for the whole test file: key generation is the slow part. */
const sharedKeys = new Map<KeyAlgorithm, Promise<CryptoKeyPair>>();
export function sharedKeyPair(algorithm: KeyAlgorithm): Promise<CryptoKeyPair> {
  let keys = sharedKeys.get(algorithm);
  if (!keys) {
    keys = generateKeyPair(algorithm);
    sharedKeys.set(algorithm, keys);
  }
  return keys;
}

export interface TestCa {
  certificateDer: Uint8Array;
  privateKey: CryptoKey;
  name: string;
}

export interface TestSigner {
  certificateDer: Uint8Array;
  privateKey: CryptoKey;
}

interface Validity {
  notBefore?: Date;
  notAfter?: Date;
}

export async function makeRootCa(options: { name?: string; algorithm?: KeyAlgorithm; keys?: CryptoKeyPair; keyUsage?: KeyUsage[]; ca?: boolean } & Validity = {}): Promise<TestCa> {
  const name = options.name ?? 'Test Root CA';
  const keys = options.keys ?? (await generateKeyPair(options.algorithm ?? 'ecdsa-p256'));
  const certificateDer = await issueCertificate({
    subject: [
      { type: NAME_OID.country, value: 'KZ' },
      { type: NAME_OID.commonName, value: name },
    ],
    publicKey: keys.publicKey,
    issuer: { privateKey: keys.privateKey },
    notBefore: options.notBefore ?? new Date(Date.now() - DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 3650 * DAY),
    ...(options.ca === false ? {} : { ca: {} }),
    keyUsage: options.keyUsage ?? ['keyCertSign', 'cRLSign'],
  });
  return { certificateDer, privateKey: keys.privateKey, name };
}

export async function makeIntermediateCa(parent: TestCa, options: { name?: string; algorithm?: KeyAlgorithm; keys?: CryptoKeyPair; ca?: boolean; pathLength?: number } & Validity = {}): Promise<TestCa> {
  const name = options.name ?? 'Test Intermediate CA';
  const keys = options.keys ?? (await generateKeyPair(options.algorithm ?? 'ecdsa-p256'));
  const certificateDer = await issueCertificate({
    subject: [
      { type: NAME_OID.country, value: 'KZ' },
      { type: NAME_OID.commonName, value: name },
    ],
    publicKey: keys.publicKey,
    issuer: parent,
    notBefore: options.notBefore ?? new Date(Date.now() - DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 1825 * DAY),
    ...(options.ca === false ? {} : { ca: options.pathLength === undefined ? {} : { pathLength: options.pathLength } }),
    keyUsage: ['keyCertSign', 'cRLSign'],
  });
  return { certificateDer, privateKey: keys.privateKey, name };
}

/** A valid demo-range IIN (serial digits from 9000, like the seed's). */
export function testIin(serial = 9500): string {
  return withCheckDigit('900315', '4', serial);
}

export function testBin(serial = 9600): string {
  return withCheckDigit('110540', '0', serial);
}

export interface SignerOptions extends Validity {
  /** Which of NCA's two profiles: `sign` (the default; documents) or `auth` (signing in). */
  key?: DevKey;
  algorithm?: KeyAlgorithm;
  keys?: CryptoKeyPair;
  /** The whole subject; default: an NCA-style subject for `person`. */
  subject?: NameAttribute[];
  person?: { fullName?: string; iin?: string; bin?: string; organisation?: string };
  /** Instead of the profile's; null: no keyUsage extension. */
  keyUsage?: KeyUsage[] | null;
  /** Instead of the profile's; null: no extKeyUsage extension. */
  extendedKeyUsage?: string[] | null;
  /** NCA key user roles in the person's legal entity, written into the extended key usage as NCA does. */
  organisationRoles?: OrganisationRole[];
  certificatePolicies?: string[];
  crlUrl?: string;
  ocspUrl?: string;
}

/** An end-entity certificate in NCA's style, issued by ca: by default the person's signing key (RSA/GOST profile). */
export async function issueSigner(ca: TestCa, options: SignerOptions = {}): Promise<TestSigner> {
  const keys = options.keys ?? (await sharedKeyPair(options.algorithm ?? 'ecdsa-p256'));
  const person = { fullName: 'Тестова Айгерім Серікқызы', iin: testIin(), ...options.person };
  const subject = options.subject ?? ncaPersonSubject(person);
  const roleOids = options.organisationRoles ? ncaKeyUserOids({ bin: person.bin ?? 'any', organisationRoles: options.organisationRoles }) : [];
  const profile = NCA_KEY_PROFILES[options.key ?? 'sign'];
  const extendedKeyUsage = options.extendedKeyUsage === null ? undefined : [...(options.extendedKeyUsage ?? profile.extendedKeyUsage), ...roleOids];
  const certificateDer = await issueCertificate({
    subject,
    publicKey: keys.publicKey,
    issuer: ca,
    notBefore: options.notBefore ?? new Date(Date.now() - HOUR),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY),
    ...(options.keyUsage === null ? {} : { keyUsage: options.keyUsage ?? profile.keyUsage }),
    ...(extendedKeyUsage ? { extendedKeyUsage } : {}),
    ...(options.certificatePolicies ? { certificatePolicies: options.certificatePolicies } : {}),
    ...(options.crlUrl ? { crlUrl: options.crlUrl } : {}),
    ...(options.ocspUrl ? { ocspUrl: options.ocspUrl } : {}),
  });
  return { certificateDer, privateKey: keys.privateKey };
}

/** The person's signing key (RSA/GOST profile), for documents and court acts. */
export function issueSigningKey(ca: TestCa, options: Omit<SignerOptions, 'key'> = {}): Promise<TestSigner> {
  return issueSigner(ca, { ...options, key: 'sign' });
}

/** The person's authentication key (AUTH_RSA/AUTH_GOST profile), for signing in. */
export function issueAuthKey(ca: TestCa, options: Omit<SignerOptions, 'key'> = {}): Promise<TestSigner> {
  return issueSigner(ca, { ...options, key: 'auth' });
}

export async function signContent(signer: TestSigner, content: Uint8Array, options: { detached?: boolean; chain?: Uint8Array[]; privateKey?: CryptoKey; signingTime?: Date } = {}): Promise<Uint8Array> {
  return signCms({
    content,
    certificateDer: signer.certificateDer,
    chainDer: options.chain ?? [],
    privateKey: options.privateKey ?? signer.privateKey,
    detached: options.detached ?? false,
    ...(options.signingTime ? { signingTime: options.signingTime } : {}),
  });
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A DER CRL from ca listing these certificates as revoked. */
export async function makeCrl(ca: TestCa, revoked: { certificateDer: Uint8Array; at?: Date }[], options: { thisUpdate?: Date; nextUpdate?: Date } = {}): Promise<Uint8Array> {
  const issuer = parseCertificate(ca.certificateDer);
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = issuer.subject;
  crl.thisUpdate = new pkijs.Time({ type: 0, value: options.thisUpdate ?? new Date(Date.now() - HOUR) });
  crl.nextUpdate = new pkijs.Time({ type: 0, value: options.nextUpdate ?? new Date(Date.now() + DAY) });
  crl.revokedCertificates = revoked.map(
    (r) =>
      new pkijs.RevokedCertificate({
        userCertificate: parseCertificate(r.certificateDer).serialNumber,
        revocationDate: new pkijs.Time({ type: 0, value: r.at ?? new Date(Date.now() - HOUR) }),
      }),
  );
  await crl.sign(ca.privateKey, 'SHA-256', pkiEngine());
  return new Uint8Array(crl.toSchema(true).toBER(false));
}

/** An OCSP responder's answer, signed by the issuing CA itself, about the certificate asked for. */
export async function makeOcspResponse(ca: TestCa, requestDer: Uint8Array, status: 'good' | 'revoked' | 'unknown', options: { revokedAt?: Date; echoNonce?: boolean } = {}): Promise<Uint8Array> {
  const request = pkijs.OCSPRequest.fromBER(toArrayBuffer(requestDer));
  const issuer = parseCertificate(ca.certificateDer);
  const basic = new pkijs.BasicOCSPResponse();
  basic.tbsResponseData.responderID = issuer.subject;
  basic.tbsResponseData.producedAt = new Date();
  const certStatus =
    status === 'good'
      ? new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } })
      : status === 'revoked'
        ? new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: options.revokedAt ?? new Date(Date.now() - HOUR) })] })
        : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 2 } });
  basic.tbsResponseData.responses = request.tbsRequest.requestList.map(
    (r) => new pkijs.SingleResponse({ certID: r.reqCert, certStatus, thisUpdate: new Date(Date.now() - 60_000), nextUpdate: new Date(Date.now() + HOUR) }),
  );
  if (options.echoNonce !== false && request.tbsRequest.requestExtensions) basic.tbsResponseData.responseExtensions = request.tbsRequest.requestExtensions;
  await basic.sign(ca.privateKey, 'SHA-256', pkiEngine());
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({ responseType: '1.3.6.1.5.5.7.48.1.1', response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }) }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}

/** Flips one byte of the signer's signature value inside a DER CMS. */
export function flipSignatureByte(cms: Uint8Array): Uint8Array {
  const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(cms));
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signature = signedData.signerInfos[0]!.signature.valueBlock.valueHexView;
  // The signature's bytes appear once in the DER; find them and change one in the middle.
  const at = indexOf(cms, signature);
  if (at < 0) throw new Error('signature not found');
  const tampered = cms.slice();
  const middle = at + Math.floor(signature.length / 2);
  tampered[middle] = tampered[middle]! ^ 0x01;
  return tampered;
}

export function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** What a verifier says of a signature: "accepted", or the EdsError code it refused with. */
export async function failureOf(verifier: SignatureVerifier, input: VerifyInput): Promise<EdsFailureCode | 'accepted'> {
  try {
    await verifier.verify(input);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof EdsError)) throw new Error(`not an EdsError: ${String(error)}`);
    return error.code;
  }
}
