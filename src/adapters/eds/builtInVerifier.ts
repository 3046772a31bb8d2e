/**
 * Verifies a CMS SignedData with RSA (2048 bits and up) or ECDSA P-256 keys in-process: the
 * signature over the signed attributes, the content digest, the path to a trusted root, validity
 * at the given moment, key usage, revocation, and finally the signer's IIN. GOST (НУЦ РК's other
 * algorithm) needs the external verifier.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, bytesEqual, certificateDer, digest, parseCertificate, pkiEngine, toArrayBuffer } from '../../pki/cms.ts';
import { identityOf } from './identity.ts';
import { checkKeyPurpose } from './keyPurpose.ts';
import { findTrustedPath } from './trustedRoots.ts';
import { EdsError, type CertificateStatus, type SignatureVerifier, type SignerIdentity, type VerifyInput } from './types.ts';

type Hash = 'SHA-256' | 'SHA-384' | 'SHA-512';
const DIGESTS: Record<string, Hash> = { [OID.sha256]: 'SHA-256', [OID.sha384]: 'SHA-384', [OID.sha512]: 'SHA-512' };
/** Signature algorithms by OID: key type, and the hash (none: the digest algorithm's). */
const SIGNATURES: Record<string, { key: 'rsa' | 'ec'; hash?: Hash }> = {
  [OID.rsaEncryption]: { key: 'rsa' },
  '1.2.840.113549.1.1.11': { key: 'rsa', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { key: 'rsa', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { key: 'rsa', hash: 'SHA-512' },
  [OID.ecPublicKey]: { key: 'ec' },
  '1.2.840.10045.4.3.2': { key: 'ec', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { key: 'ec', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { key: 'ec', hash: 'SHA-512' },
};
export const GOST_PREFIX = '1.2.398.3.10.1';
const MIN_RSA_BITS = 2048;
const MAX_RSA_BITS = 16384;

export interface ParsedCms {
  /** The CMS as DER, decoded from base64 when it came as text. */
  der: Uint8Array;
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  signer: pkijs.Certificate;
  signerDer: Uint8Array;
  certificates: pkijs.Certificate[];
}

/** DER as it comes, or base64 (PEM armour allowed) of it. */
function cmsBytes(input: Uint8Array): Uint8Array {
  if (input[0] === 0x30) return input;
  const text = Buffer.from(input).toString('latin1').replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '').replace(/\s+/g, '');
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new EdsError('malformed_cms', 'neither DER nor base64');
  return new Uint8Array(Buffer.from(text, 'base64'));
}

async function findSigner(signerInfo: pkijs.SignerInfo, certificates: pkijs.Certificate[]): Promise<pkijs.Certificate | undefined> {
  const sid = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  // [0] SubjectKeyIdentifier: the certificate's own extension, else the SHA-1 of its key (RFC 5280 §4.2.1.2).
  const keyId = new Uint8Array(sid.idBlock.isConstructed ? sid.valueBlock.value[0].valueBlock.valueHexView : sid.valueBlock.valueHexView);
  for (const certificate of certificates) {
    const ski = certificate.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue;
    const own = ski instanceof asn1js.OctetString ? ski.valueBlock.valueHexView : await digest('SHA-1', certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
    if (bytesEqual(own, keyId)) return certificate;
  }
  return undefined;
}

/** The SignedData, its one signer and the signer's certificate; EdsError('malformed_cms') for anything else. */
export async function parseSignedCms(input: Uint8Array): Promise<ParsedCms> {
  const bytes = cmsBytes(input);
  let signedData: pkijs.SignedData;
  try {
    const asn1 = asn1js.fromBER(toArrayBuffer(bytes));
    if (asn1.offset === -1 || asn1.offset !== bytes.byteLength) throw new Error('not DER');
    const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
    if (contentInfo.contentType !== OID.signedData) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (error) {
    if (error instanceof EdsError) throw error;
    throw new EdsError('malformed_cms', 'not a CMS SignedData');
  }
  const [signerInfo, ...others] = signedData.signerInfos;
  if (!signerInfo) throw new EdsError('malformed_cms', 'no signer');
  if (others.length > 0) throw new EdsError('malformed_cms', 'more than one signer');
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signer = await findSigner(signerInfo, certificates);
  if (!signer) throw new EdsError('malformed_cms', 'the signer certificate is not in the CMS');
  return { der: bytes, signedData, signerInfo, signer, signerDer: certificateDer(signer), certificates };
}

export function isGost(parsed: ParsedCms): boolean {
  return [parsed.signer.subjectPublicKeyInfo.algorithm.algorithmId, parsed.signerInfo.signatureAlgorithm.algorithmId, parsed.signerInfo.digestAlgorithm.algorithmId].some((oid) => oid.startsWith(GOST_PREFIX));
}

function bitLength(unsigned: Uint8Array): number {
  let i = 0;
  while (i < unsigned.length && unsigned[i] === 0) i++;
  if (i === unsigned.length) return 0;
  return (unsigned.length - i - 1) * 8 + (32 - Math.clz32(unsigned[i]!));
}

/** The key and the algorithms the signer used, checked against what this verifier supports. */
function signingAlgorithm(parsed: ParsedCms): { import: RsaHashedImportParams | EcKeyImportParams; verify: RsaPssParams | EcdsaParams | AlgorithmIdentifier; digest: Hash; key: 'rsa' | 'ec' } {
  if (isGost(parsed)) throw new EdsError('unsupported_algorithm', 'GOST signatures need the external verifier');
  const digestHash = DIGESTS[parsed.signerInfo.digestAlgorithm.algorithmId];
  const signature = SIGNATURES[parsed.signerInfo.signatureAlgorithm.algorithmId];
  if (!digestHash || !signature) throw new EdsError('unsupported_algorithm', 'digest or signature algorithm not supported');
  const hash = signature.hash ?? digestHash;
  const spki = parsed.signer.subjectPublicKeyInfo;
  if (signature.key === 'rsa') {
    if (spki.algorithm.algorithmId !== OID.rsaEncryption) throw new EdsError('unsupported_algorithm', 'RSA signature with a non-RSA key');
    const parsedKey = spki.parsedKey;
    const bits = parsedKey instanceof pkijs.RSAPublicKey ? bitLength(parsedKey.modulus.valueBlock.valueHexView) : 0;
    if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) throw new EdsError('unsupported_algorithm', `RSA keys of ${bits} bits are not accepted`);
    return { import: { name: 'RSASSA-PKCS1-v1_5', hash }, verify: { name: 'RSASSA-PKCS1-v1_5' }, digest: digestHash, key: 'rsa' };
  }
  const curve = spki.algorithm.algorithmParams;
  if (spki.algorithm.algorithmId !== OID.ecPublicKey || !(curve instanceof asn1js.ObjectIdentifier) || curve.getValue() !== OID.p256) {
    throw new EdsError('unsupported_algorithm', 'only ECDSA P-256 keys are accepted');
  }
  return { import: { name: 'ECDSA', namedCurve: 'P-256' }, verify: { name: 'ECDSA', hash }, digest: digestHash, key: 'ec' };
}

/** ECDSA-Sig-Value (DER SEQUENCE of r, s) as the r‖s WebCrypto wants; undefined when malformed. */
function rawEcdsaSignature(der: Uint8Array, size = 32): Uint8Array | undefined {
  const asn1 = asn1js.fromBER(toArrayBuffer(der));
  const seq = asn1.result;
  if (asn1.offset !== der.byteLength || !(seq instanceof asn1js.Sequence) || seq.valueBlock.value.length !== 2) return undefined;
  const raw = new Uint8Array(size * 2);
  for (const [index, part] of seq.valueBlock.value.entries()) {
    if (!(part instanceof asn1js.Integer)) return undefined;
    let bytes = part.valueBlock.valueHexView;
    while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
    if (bytes.length > size) return undefined;
    raw.set(bytes, index * size + size - bytes.length);
  }
  return raw;
}

function attributeValues(signerInfo: pkijs.SignerInfo, type: string): unknown[] | undefined {
  const found = signerInfo.signedAttrs?.attributes.filter((a) => a.type === type) ?? [];
  if (found.length > 1) throw new EdsError('malformed_cms', 'a signed attribute appears twice');
  return found[0]?.values;
}

/** ESS signing-certificate(-v2): when present, it must name the certificate that signed. */
async function checkSigningCertificate(parsed: ParsedCms): Promise<void> {
  for (const [type, defaultHash] of [
    [OID.signingCertificateV2, 'SHA-256'],
    [OID.signingCertificate, 'SHA-1'],
  ] as const) {
    const value = attributeValues(parsed.signerInfo, type)?.[0];
    if (value === undefined) continue;
    const certs = value instanceof asn1js.Sequence ? value.valueBlock.value[0] : undefined;
    const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
    if (!(first instanceof asn1js.Sequence)) throw new EdsError('malformed_cms', 'unreadable signing-certificate attribute');
    const [head, second] = first.valueBlock.value;
    let hash: 'SHA-1' | Hash = defaultHash;
    let certHash = head;
    if (head instanceof asn1js.Sequence) {
      const algorithm = new pkijs.AlgorithmIdentifier({ schema: head }).algorithmId;
      const named = algorithm === OID.sha1 ? 'SHA-1' : DIGESTS[algorithm];
      if (!named) throw new EdsError('unsupported_algorithm', 'signing-certificate hash not supported');
      hash = named;
      certHash = second;
    }
    if (!(certHash instanceof asn1js.OctetString)) throw new EdsError('malformed_cms', 'unreadable signing-certificate attribute');
    if (!bytesEqual(certHash.valueBlock.valueHexView, await digest(hash, parsed.signerDer))) throw new EdsError('bad_signature', 'signed for another certificate');
  }
}

/** The signature over the signed attributes (or the content), and the content's digest in them. */
async function verifySignature(parsed: ParsedCms, content: Uint8Array): Promise<void> {
  const algorithm = signingAlgorithm(parsed);
  const { signedData, signerInfo } = parsed;
  const eContent = signedData.encapContentInfo.eContent;
  if (eContent && !bytesEqual(new Uint8Array(eContent.getValue()), content)) throw new EdsError('bad_signature', 'the signed content is not the expected one');

  let signedBytes = content;
  if (signerInfo.signedAttrs) {
    const contentType = attributeValues(signerInfo, OID.contentType)?.[0];
    const messageDigest = attributeValues(signerInfo, OID.messageDigest)?.[0];
    if (!(contentType instanceof asn1js.ObjectIdentifier) || !(messageDigest instanceof asn1js.OctetString)) throw new EdsError('malformed_cms', 'contentType or messageDigest attribute missing');
    if (contentType.getValue() !== signedData.encapContentInfo.eContentType) throw new EdsError('bad_signature', 'contentType attribute differs from the content');
    if (!bytesEqual(messageDigest.valueBlock.valueHexView, await digest(algorithm.digest, content))) throw new EdsError('bad_signature', 'the content digest does not match');
    await checkSigningCertificate(parsed);
    signedBytes = new Uint8Array(signerInfo.signedAttrs.encodedValue);
  }

  let key: CryptoKey;
  try {
    key = await globalThis.crypto.subtle.importKey('spki', parsed.signer.subjectPublicKeyInfo.toSchema().toBER(false), algorithm.import, false, ['verify']);
  } catch {
    throw new EdsError('malformed_cms', 'the signer key cannot be read');
  }
  const signatureDer = signerInfo.signature.valueBlock.valueHexView;
  const signature = algorithm.key === 'ec' ? rawEcdsaSignature(signatureDer) : signatureDer;
  const valid = signature !== undefined && (await globalThis.crypto.subtle.verify(algorithm.verify, key, toArrayBuffer(signature), toArrayBuffer(signedBytes)));
  if (!valid) throw new EdsError('bad_signature', 'the signature does not verify');
}

export function checkValidity(chain: pkijs.Certificate[], at: Date): void {
  for (const certificate of chain) {
    if (at.getTime() < certificate.notBefore.value.getTime()) throw new EdsError('certificate_not_yet_valid', 'a certificate is not valid yet');
    if (at.getTime() > certificate.notAfter.value.getTime()) throw new EdsError('certificate_expired', 'a certificate has expired');
  }
}

/**
 * Every link below the root is asked about. The signer's own status must be established: a
 * signer certificate naming no OCSP responder or CRL is refused like one nobody could answer for.
 * A CA certificate that names none is let through: the operator chose to trust its root.
 */
async function checkRevocation(chain: pkijs.Certificate[], status: CertificateStatus, at: Date): Promise<void> {
  for (let i = 0; i + 1 < chain.length; i++) {
    let result: Awaited<ReturnType<CertificateStatus['check']>>;
    try {
      result = await status.check({ certificate: certificateDer(chain[i]!), issuer: certificateDer(chain[i + 1]!), at });
    } catch (error) {
      if (error instanceof EdsError) throw error;
      throw new EdsError('certificate_status_unknown', 'revocation status unavailable');
    }
    if (result === 'revoked') throw new EdsError('certificate_revoked', 'a certificate is revoked');
    if (result === 'unlisted' && i === 0) throw new EdsError('certificate_status_unknown', 'the signer certificate names no revocation source');
  }
}

export interface BuiltInVerifier extends SignatureVerifier {
  /** `verify` for a CMS the caller has parsed already (to tell GOST from the rest): reading one costs more than checking its signature. */
  verifyParsed(parsed: ParsedCms, input: VerifyInput): Promise<SignerIdentity>;
}

/** Without `certificateStatus` no one is asked about revocation (EDS_REVOCATION=off). */
export function createBuiltInVerifier(options: { trustedRoots: Uint8Array[]; certificateStatus?: CertificateStatus | undefined }): BuiltInVerifier {
  const roots = options.trustedRoots.map((der) => parseCertificate(der));
  pkiEngine();

  async function verifyOrThrow(parsed: ParsedCms, input: VerifyInput): Promise<SignerIdentity> {
    await verifySignature(parsed, input.content);
    const chain = await findTrustedPath(parsed.signer, parsed.certificates, roots);
    if (!chain) throw new EdsError('untrusted_certificate', 'no path to a trusted root');
    checkValidity(chain, input.at);
    checkKeyPurpose(parsed.signer, input.purpose);
    if (options.certificateStatus) await checkRevocation(chain, options.certificateStatus, input.at);
    return identityOf(parsed.signer, parsed.signerDer);
  }

  async function onlyEdsErrors(run: () => Promise<SignerIdentity>): Promise<SignerIdentity> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof EdsError) throw error;
      throw new EdsError('malformed_cms', 'the CMS could not be read');
    }
  }

  return {
    verify: (input) => onlyEdsErrors(async () => verifyOrThrow(await parseSignedCms(input.cms), input)),
    verifyParsed: (parsed, input) => onlyEdsErrors(() => verifyOrThrow(parsed, input)),
  };
}
