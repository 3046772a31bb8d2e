/**
 * The contract of EDS (ЭЦП) verification: what a verifier takes, what it returns, and the one
 * error it throws. Messages never carry an IIN, a BIN or signed content.
 */
import type { OrganisationRole } from '../../domain/ncaRoles.ts';

export type EdsFailureCode =
  | 'malformed_cms'
  | 'bad_signature'
  | 'untrusted_certificate'
  | 'certificate_expired'
  | 'certificate_not_yet_valid'
  | 'key_usage_not_allowed'
  | 'key_usage_missing'
  | 'signing_key_at_sign_in'
  | 'authentication_key_for_document'
  | 'certificate_revoked'
  | 'certificate_status_unknown'
  | 'invalid_identity'
  | 'unsupported_algorithm'
  | 'verifier_unavailable'
  | 'verifier_certificate_mismatch';

/** What a signature is for: signing in (the authentication key) or a document (the signing key). */
export type KeyPurpose = 'authentication' | 'signing';

export class EdsError extends Error {
  override readonly name = 'EdsError';

  constructor(
    readonly code: EdsFailureCode,
    message?: string,
  ) {
    super(message ?? code);
  }
}

export interface CertificateInfo {
  /** Hex, lowercase, without a sign byte. */
  serialNumber: string;
  /** RFC 4514 string, e.g. `C=KZ,SERIALNUMBER=IIN…,SURNAME=…,CN=…`. */
  subject: string;
  issuer: string;
  /** SHA-256 of the certificate's DER, hex lowercase. */
  thumbprintSha256: string;
  notBefore: Date;
  notAfter: Date;
}

export interface SignerIdentity {
  /** 12 digits with a valid check digit. */
  iin: string;
  /** From the subject's OU `BIN…`, when present. */
  bin?: string;
  /** Cyrillic as in the certificate. */
  fullName: string;
  commonName: string;
  organisation?: string;
  /** NCA key user roles the certificate names (src/domain/ncaRoles.ts); empty for none. */
  organisationRoles: OrganisationRole[];
  certificate: CertificateInfo;
}

export interface VerifyInput {
  /** DER ContentInfo with SignedData (base64 text of it is accepted too). */
  cms: Uint8Array;
  /** The bytes that must have been signed: the nonce at sign-in, the manifest for a document. */
  content: Uint8Array;
  /** The moment at which the certificates must be valid. */
  at: Date;
  /** Which of the person's two keys must have made it. */
  purpose: KeyPurpose;
}

export interface SignatureVerifier {
  /** Resolves with the signer, or rejects with an EdsError — never with anything else. */
  verify(input: VerifyInput): Promise<SignerIdentity>;
}

/** 'unlisted': the certificate names no OCSP responder or CRL that could be asked. */
export type RevocationStatus = 'good' | 'revoked' | 'unlisted';

export interface CertificateStatus {
  /**
   * The status at `at`. When the certificate names a responder or a CRL but none gives a usable
   * answer (unreachable, stale, or the responder does not know the certificate), it throws
   * EdsError('certificate_status_unknown').
   */
  check(input: { certificate: Uint8Array; issuer: Uint8Array; at: Date }): Promise<RevocationStatus>;
}
