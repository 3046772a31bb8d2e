/**
 * Who signed: the IIN, BIN and name in an NCA-style certificate subject. NCA puts
 * `SERIALNUMBER=IIN…`, `CN=SURNAME GIVENNAME`, `SURNAME=…`, `GIVENNAME=<patronymic>` and, for an
 * organisation's employee, `OU=BIN…` and `O=<organisation>`.
 */
import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import { isValidBin, isValidIin } from '../../domain/iin.ts';
import { organisationRolesIn } from '../../domain/ncaRoles.ts';
import { parseCertificate } from '../../pki/cms.ts';
import { EdsError, type CertificateInfo, type SignerIdentity } from './types.ts';

const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
} as const;

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SURNAME',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.42': 'GIVENNAME',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'EMAILADDRESS',
};

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The text of a directory string; other encodings as `#` and their DER in hex (RFC 4514). */
function attributeText(value: unknown): string {
  const inner = (value as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock?.value;
  if (typeof inner === 'string') return inner;
  const der = (value as { toBER?: () => ArrayBuffer } | undefined)?.toBER?.();
  return der ? `#${hex(new Uint8Array(der))}` : '';
}

function escapeRfc4514(value: string): string {
  if (value.startsWith('#') && /^#[0-9a-f]+$/.test(value)) return value;
  return value
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}

/** RFC 4514 order (last RDN first), e.g. `C=KZ, SERIALNUMBER=IIN…, SURNAME=…, CN=…`. */
export function formatName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((t) => `${SHORT_NAMES[t.type] ?? t.type}=${escapeRfc4514(attributeText(t.value))}`)
    .reverse()
    .join(', ');
}

function values(name: pkijs.RelativeDistinguishedNames, type: string): string[] {
  return name.typesAndValues.filter((t) => t.type === type).map((t) => attributeText(t.value).trim());
}

/** Serial number as unsigned hex without leading zero bytes. */
function serialHex(certificate: pkijs.Certificate): string {
  let bytes = certificate.serialNumber.valueBlock.valueHexView;
  while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
  return hex(bytes);
}

export function certificateInfo(certificate: pkijs.Certificate, der: Uint8Array): CertificateInfo {
  return {
    serialNumber: serialHex(certificate),
    subject: formatName(certificate.subject),
    issuer: formatName(certificate.issuer),
    thumbprintSha256: createHash('sha256').update(der).digest('hex'),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
  };
}

/**
 * The full name: CN ("SURNAME GIVENNAME" at NCA) followed by GIVENNAME when CN does not already
 * hold it — at NCA that attribute is the patronymic, so this yields "SURNAME GIVENNAME PATRONYMIC".
 * Without CN, "SURNAME GIVENNAME" from the two attributes.
 */
function fullNameOf(commonName: string | undefined, surname: string | undefined, givenName: string | undefined): string | undefined {
  if (commonName) {
    const alreadyThere = givenName !== undefined && ` ${commonName} `.includes(` ${givenName} `);
    return givenName && !alreadyThere ? `${commonName} ${givenName}` : commonName;
  }
  const composed = [surname, givenName].filter(Boolean).join(' ');
  return composed || undefined;
}

const EXTENDED_KEY_USAGE = '2.5.29.37';
const CERTIFICATE_POLICIES = '2.5.29.32';

/**
 * The OIDs a certificate asserts about its holder: NCA puts the key user's role in the extended
 * key usage; a role OID among the certificate policies is read as well, being the same CA's
 * signed statement.
 */
function holderOids(certificate: pkijs.Certificate): string[] {
  const oids: string[] = [];
  for (const extension of certificate.extensions ?? []) {
    const parsed: unknown = extension.parsedValue;
    if (extension.extnID === EXTENDED_KEY_USAGE && parsed instanceof pkijs.ExtKeyUsage) oids.push(...parsed.keyPurposes);
    if (extension.extnID === CERTIFICATE_POLICIES && parsed instanceof pkijs.CertificatePolicies) oids.push(...parsed.certificatePolicies.map((policy) => policy.policyIdentifier));
  }
  return oids;
}

export function identityOf(certificate: pkijs.Certificate, der: Uint8Array): SignerIdentity {
  const subject = certificate.subject;
  const iinValues = values(subject, OID.serialNumber)
    .map((v) => /^IIN(\d{12})$/.exec(v)?.[1])
    .filter((v): v is string => v !== undefined);
  const iin = iinValues[0];
  if (!iin) throw new EdsError('invalid_identity', 'the subject serialNumber holds no IIN');
  if (iinValues.length > 1) throw new EdsError('invalid_identity', 'the subject names more than one IIN');
  if (!isValidIin(iin)) throw new EdsError('invalid_identity', 'the IIN check digit is wrong');

  const binValues = values(subject, OID.organisationalUnit)
    .map((v) => /^BIN(\d{12})$/.exec(v)?.[1])
    .filter((v): v is string => v !== undefined);
  const bin = binValues[0];
  if (binValues.length > 1) throw new EdsError('invalid_identity', 'the subject names more than one BIN');
  if (bin !== undefined && !isValidBin(bin)) throw new EdsError('invalid_identity', 'the BIN check digit is wrong');

  const commonName = values(subject, OID.commonName)[0] || undefined;
  const fullName = fullNameOf(commonName, values(subject, OID.surname)[0] || undefined, values(subject, OID.givenName)[0] || undefined);
  if (!fullName) throw new EdsError('invalid_identity', 'the subject names no one');
  const organisation = values(subject, OID.organisation)[0] || undefined;
  return {
    iin,
    ...(bin ? { bin } : {}),
    fullName,
    commonName: commonName ?? fullName,
    ...(organisation ? { organisation } : {}),
    organisationRoles: organisationRolesIn(holderOids(certificate)),
    certificate: certificateInfo(certificate, der),
  };
}

/** The signer named by a DER certificate; EdsError('invalid_identity') when it names no valid IIN. */
export function identityFromCertificate(der: Uint8Array): SignerIdentity {
  let certificate: pkijs.Certificate;
  try {
    certificate = parseCertificate(der);
  } catch {
    throw new EdsError('invalid_identity', 'not an X.509 certificate');
  }
  return identityOf(certificate, der);
}
