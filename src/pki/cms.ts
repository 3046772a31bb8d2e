/**
 * CMS SignedData in the CAdES-BES shape that NCALayer produces: signed attributes contentType,
 * signingTime, messageDigest and signingCertificateV2, the signer's certificate (and chain)
 * included, content attached or detached. WebCrypto only, no Node imports: the in-browser demo
 * signer bundles this file.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;

let engine: pkijs.CryptoEngine | undefined;

/**
 * The one WebCrypto engine pkijs uses here, in Node and in browsers alike. Passed explicitly to
 * every pkijs call and also installed as pkijs's default, so no call falls back to another.
 */
export function pkiEngine(): pkijs.CryptoEngine {
  if (!engine) {
    engine = new pkijs.CryptoEngine({ name: 'sot', crypto: globalThis.crypto });
    pkijs.setEngine('sot', engine);
  }
  return engine;
}

/** A fresh ArrayBuffer holding exactly these bytes (WebCrypto and pkijs want ArrayBuffers). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export async function digest(algorithm: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512', data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest(algorithm, toArrayBuffer(data)));
}

/** Parses one DER certificate; throws on anything else, trailing bytes included. */
export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  const asn1 = asn1js.fromBER(toArrayBuffer(der));
  if (asn1.offset === -1 || asn1.offset !== der.byteLength) throw new Error('not a DER certificate');
  return new pkijs.Certificate({ schema: asn1.result });
}

/** Encodings already made: a chain check compares each certificate with every root, per signature. */
const encoded = new WeakMap<pkijs.Certificate, Uint8Array>();

/** A certificate's DER, made once per certificate object: a certificate is not changed once read or issued. */
export function certificateDer(certificate: pkijs.Certificate): Uint8Array {
  let der = encoded.get(certificate);
  if (!der) {
    der = new Uint8Array(certificate.toSchema().toBER(false));
    encoded.set(certificate, der);
  }
  return der;
}

/** The WebCrypto algorithm for a certificate's key: RSA PKCS#1 v1.5 or ECDSA P-256, with SHA-256. */
export function keyAlgorithmOf(certificate: pkijs.Certificate): RsaHashedImportParams | EcKeyImportParams {
  const { algorithmId, algorithmParams } = certificate.subjectPublicKeyInfo.algorithm;
  if (algorithmId === OID.rsaEncryption) return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  if (algorithmId === OID.ecPublicKey && algorithmParams instanceof asn1js.ObjectIdentifier && algorithmParams.getValue() === OID.p256) {
    return { name: 'ECDSA', namedCurve: 'P-256' };
  }
  throw new Error('unsupported_key_algorithm');
}

export async function importPrivateKey(pkcs8: Uint8Array, certificateDer: Uint8Array): Promise<CryptoKey> {
  const algorithm = keyAlgorithmOf(parseCertificate(certificateDer));
  return globalThis.crypto.subtle.importKey('pkcs8', toArrayBuffer(pkcs8), algorithm, false, ['sign']);
}

/** UTCTime through 2049, GeneralizedTime after (RFC 5280 §4.1.2.5), whole seconds. */
export function asn1Time(date: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
  const valueDate = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return valueDate.getUTCFullYear() < 2050 ? new asn1js.UTCTime({ valueDate }) : new asn1js.GeneralizedTime({ valueDate });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * Signed attributes in DER order (a SET OF sorts by encoding). Verifiers such as OpenSSL and
 * Kalkan re-encode the set before checking the signature, so an unsorted set would fail there.
 */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((attribute) => ({ attribute, der: new Uint8Array(attribute.toSchema().toBER(false)) }));
  return encoded.sort((a, b) => compareBytes(a.der, b.der)).map((e) => e.attribute);
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; SHA-256 is the default hash, so it is omitted. */
function signingCertificateV2(certificateHash: Uint8Array): asn1js.Sequence {
  const essCertId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certificateHash) })] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}

export interface SignCmsInput {
  content: Uint8Array;
  certificateDer: Uint8Array;
  chainDer?: Uint8Array[];
  privateKey: CryptoKey;
  detached: boolean;
  signingTime?: Date;
}

/** A DER ContentInfo holding the SignedData, signed with SHA-256. */
export async function signCms(input: SignCmsInput): Promise<Uint8Array> {
  const crypto = pkiEngine();
  const certificate = parseCertificate(input.certificateDer);
  const chain = (input.chainDer ?? []).map(parseCertificate);
  const attributes = derSorted([
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.signingTime, values: [asn1Time(input.signingTime ?? new Date())] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(await digest('SHA-256', input.content)) })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(await digest('SHA-256', input.certificateDer))] }),
  ]);
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [certificate, ...chain],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
  });
  // Set after construction: the constructor would split the content into a BER constructed string.
  if (!input.detached) signedData.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: toArrayBuffer(input.content) });
  await signedData.sign(input.privateKey, 0, 'SHA-256', undefined, crypto);
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema() });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
