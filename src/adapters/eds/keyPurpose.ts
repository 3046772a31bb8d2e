/**
 * Which of a person's two NCA keys a certificate is, and whether it may be used for what is asked.
 *
 * НУЦ РК issues everyone two certificates (DOMAIN.md, "NCA RK certificates"):
 * - the authentication key (AUTH_RSA / AUTH_GOST): keyUsage digitalSignature + keyEncipherment,
 *   extKeyUsage clientAuth 1.3.6.1.5.5.7.3.2;
 * - the signing key (RSA / GOST): keyUsage digitalSignature + nonRepudiation, extKeyUsage
 *   emailProtection 1.3.6.1.5.5.7.3.4.
 * NCANode tells them apart by the same keyUsage bits (malikzh/NCANode,
 * src/main/java/kz/ncanode/dto/certificate/CertificateKeyUsage.java: digitalSignature with
 * nonRepudiation is SIGN, digitalSignature with keyEncipherment is AUTH), and NCALayer selects
 * them by those extended key usages (ncalayer-js-client 1.5, `NCALayerClient.basicsSignerAuthAny`
 * = clientAuth, `basicsSignerSignAny` = emailProtection).
 *
 * Signing in takes only the authentication key and documents only the signing key: a signature
 * with nonRepudiation is the person's commitment to a text, which a sign-in nonce is not.
 */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { EdsError, type EdsFailureCode, type KeyPurpose } from './types.ts';

export const EKU_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
export const EKU_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';

/** What a certificate says of its key: keyUsage bits (undefined: no extension) and extended key usages (undefined: none). */
export interface KeyUsageFacts {
  keyUsage: { digitalSignature: boolean; nonRepudiation: boolean; keyEncipherment: boolean } | undefined;
  extendedKeyUsage: string[] | undefined;
}

export type KeyKind = 'authentication' | 'signing' | 'neither' | 'no-key-usage';

/** The kind of key by NCA's profiles; an extended key usage, when present, must agree with the bits. */
export function keyKind({ keyUsage, extendedKeyUsage }: KeyUsageFacts): KeyKind {
  if (!keyUsage) return 'no-key-usage';
  if (!keyUsage.digitalSignature) return 'neither';
  const allows = (oid: string) => extendedKeyUsage === undefined || extendedKeyUsage.includes(oid);
  if (keyUsage.nonRepudiation) return allows(EKU_EMAIL_PROTECTION) ? 'signing' : 'neither';
  return allows(EKU_CLIENT_AUTH) ? 'authentication' : 'neither';
}

/** Why a key of this kind may not be used for `purpose`; undefined when it may. */
export function keyPurposeProblem(kind: KeyKind, purpose: KeyPurpose): EdsFailureCode | undefined {
  if (kind === purpose) return undefined;
  if (kind === 'no-key-usage') return 'key_usage_missing';
  if (purpose === 'authentication' && kind === 'signing') return 'signing_key_at_sign_in';
  if (purpose === 'signing' && kind === 'authentication') return 'authentication_key_for_document';
  return 'key_usage_not_allowed';
}

function extensionValue(certificate: pkijs.Certificate, id: string): asn1js.AsnType | undefined {
  const extension = certificate.extensions?.find((e) => e.extnID === id);
  if (!extension) return undefined;
  const parsed = asn1js.fromBER(extension.extnValue.getValue());
  return parsed.offset === -1 ? new asn1js.Null() : parsed.result;
}

/** The facts above, read from a certificate; an unreadable extension counts as one that allows nothing. */
export function keyUsageFacts(certificate: pkijs.Certificate): KeyUsageFacts {
  const bits = extensionValue(certificate, '2.5.29.15');
  let keyUsage: KeyUsageFacts['keyUsage'];
  if (bits !== undefined) {
    const bytes = bits instanceof asn1js.BitString ? bits.valueBlock.valueHexView : new Uint8Array(0);
    const bit = (n: number) => ((bytes[n >> 3] ?? 0) & (0x80 >> (n & 7))) !== 0;
    keyUsage = { digitalSignature: bit(0), nonRepudiation: bit(1), keyEncipherment: bit(2) };
  }
  const purposes = extensionValue(certificate, '2.5.29.37');
  let extendedKeyUsage: string[] | undefined;
  if (purposes !== undefined) {
    extendedKeyUsage = purposes instanceof asn1js.Sequence ? purposes.valueBlock.value.flatMap((v) => (v instanceof asn1js.ObjectIdentifier ? [v.getValue()] : [])) : [];
  }
  return { keyUsage, extendedKeyUsage };
}

/** Throws the EdsError that says which key the person should have chosen. */
export function checkKeyPurpose(certificate: pkijs.Certificate, purpose: KeyPurpose): void {
  const problem = keyPurposeProblem(keyKind(keyUsageFacts(certificate)), purpose);
  if (problem) throw new EdsError(problem, `the certificate is not a key for ${purpose}`);
}
