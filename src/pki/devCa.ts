/**
 * The development PKI: a root CA and, for each demo person, the two certificates НУЦ РК (NCA)
 * issues everyone, each with its PKCS#12 file to sign with in the browser: an authentication key
 * for signing in and a signing key for documents. Not for production: the root's key sits on disk
 * next to it, and every demo file has the same documented password.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { digest, parseCertificate, pkiEngine, toArrayBuffer } from './cms.ts';
import { createPkcs12 } from './pkcs12.ts';
import { KEY_POLICY_OIDS, KEY_USER_OIDS, ORGANISATION_ROLE_OIDS, type OrganisationRole } from '../domain/ncaRoles.ts';

export const DEV_PKCS12_PASSWORD = 'sot-demo';

/**
 * How far back the demo certificates are valid from: the demo's court acts are dated up to this
 * long ago, and their signatures are checked as of the day they were issued.
 */
const DEMO_HISTORY = 400 * 24 * 3_600_000;
export const DEV_ROOT_NAME = 'Sot Development Root CA (not for production)';

export const NAME_OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
} as const;

export const EKU = { clientAuth: '1.3.6.1.5.5.7.3.2', emailProtection: '1.3.6.1.5.5.7.3.4', ocspSigning: '1.3.6.1.5.5.7.3.9' } as const;

export type KeyAlgorithm = 'rsa-2048' | 'rsa-1024' | 'ecdsa-p256';
export type KeyUsage = 'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'dataEncipherment' | 'keyAgreement' | 'keyCertSign' | 'cRLSign';

/** Which of a person's two keys: `auth` signs in, `sign` signs documents. */
export type DevKey = 'auth' | 'sign';

/**
 * NCA's two end-entity profiles (AUTH_RSA/AUTH_GOST and RSA/GOST), as NCANode and NCALayer tell
 * them apart: see src/adapters/eds/keyPurpose.ts for the sources.
 */
export const NCA_KEY_PROFILES: Record<DevKey, { keyUsage: KeyUsage[]; extendedKeyUsage: string[] }> = {
  auth: { keyUsage: ['digitalSignature', 'keyEncipherment'], extendedKeyUsage: [EKU.clientAuth] },
  sign: { keyUsage: ['digitalSignature', 'nonRepudiation'], extendedKeyUsage: [EKU.emailProtection] },
};

export const DEV_KEYS: readonly DevKey[] = ['auth', 'sign'];

/** dir/users/<handle>.<auth|sign>.<p12|pem> */
export function devKeyFile(dir: string, handle: string, key: DevKey, extension: 'p12' | 'pem'): string {
  return path.join(dir, 'users', `${handle}.${key}.${extension}`);
}
const KEY_USAGE_BITS: Record<KeyUsage, number> = { digitalSignature: 0, nonRepudiation: 1, keyEncipherment: 2, dataEncipherment: 3, keyAgreement: 4, keyCertSign: 5, cRLSign: 6 };

/** One attribute per RDN, in this order. C and serialNumber are PrintableString, the rest UTF8String. */
export interface NameAttribute {
  type: string;
  value: string;
}

export async function generateKeyPair(algorithm: KeyAlgorithm): Promise<CryptoKeyPair> {
  const params: RsaHashedKeyGenParams | EcKeyGenParams =
    algorithm === 'ecdsa-p256'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : { name: 'RSASSA-PKCS1-v1_5', modulusLength: algorithm === 'rsa-1024' ? 1024 : 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
  return globalThis.crypto.subtle.generateKey(params, true, ['sign', 'verify']);
}

function encodeName(attributes: NameAttribute[]): pkijs.RelativeDistinguishedNames {
  const printable = new Set<string>([NAME_OID.country, NAME_OID.serialNumber]);
  const rdns = attributes.map(
    ({ type, value }) =>
      new asn1js.Set({
        value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), printable.has(type) ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value })] })],
      }),
  );
  // Parsed back from DER so pkijs keeps one attribute per RDN (it would otherwise merge them into one set).
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER(false));
}

/** NCA's subject for a person: CN "SURNAME GIVENNAME", SURNAME, SERIALNUMBER "IIN…", C=KZ, O and OU "BIN…" for an organisation's people, G the patronymic. */
export function ncaPersonSubject(person: { fullName: string; iin: string; bin?: string | undefined; organisation?: string | undefined }): NameAttribute[] {
  const [surname = '', givenName = '', ...rest] = person.fullName.trim().toUpperCase().split(/\s+/);
  const subject: NameAttribute[] = [
    { type: NAME_OID.commonName, value: [surname, givenName].filter(Boolean).join(' ') },
    { type: NAME_OID.surname, value: surname },
    { type: NAME_OID.serialNumber, value: `IIN${person.iin}` },
    { type: NAME_OID.country, value: 'KZ' },
  ];
  if (person.bin && person.organisation) subject.push({ type: NAME_OID.organisation, value: person.organisation });
  if (person.bin) subject.push({ type: NAME_OID.organisationalUnit, value: `BIN${person.bin}` });
  // In NCA certificates GIVENNAME (2.5.4.42) carries the patronymic; the given name is only in CN.
  if (rest.length > 0) subject.push({ type: NAME_OID.givenName, value: rest.join(' ') });
  return subject;
}

function keyUsageExtension(usages: KeyUsage[]): pkijs.Extension {
  const bits = usages.map((u) => KEY_USAGE_BITS[u]);
  const highest = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  const value = new asn1js.BitString({ valueHex: bytes.buffer, unusedBits: 7 - (highest % 8) });
  return new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: value.toBER(false) });
}

function extension(extnID: string, value: { toSchema(): asn1js.AsnType } | asn1js.AsnType, critical = false): pkijs.Extension {
  const schema = 'toSchema' in value ? value.toSchema() : value;
  return new pkijs.Extension({ extnID, critical, extnValue: schema.toBER(false) });
}

function uri(value: string): pkijs.GeneralName {
  return new pkijs.GeneralName({ type: 6, value });
}

export interface IssueCertificateInput {
  subject: NameAttribute[];
  publicKey: CryptoKey;
  /** The issuing CA; without a certificate the result is self-signed with this key. */
  issuer: { privateKey: CryptoKey; certificateDer?: Uint8Array };
  notBefore: Date;
  notAfter: Date;
  serialNumber?: Uint8Array;
  ca?: { pathLength?: number };
  /** Omitted: no keyUsage extension at all. */
  keyUsage?: KeyUsage[];
  extendedKeyUsage?: string[];
  /** Policy OIDs for the certificatePolicies extension, without qualifiers. */
  certificatePolicies?: string[];
  crlUrl?: string;
  ocspUrl?: string;
}

/** UTCTime through 2049, GeneralizedTime after (RFC 5280 §4.1.2.5), in whole seconds. */
function certificateTime(date: Date): pkijs.Time {
  return new pkijs.Time({ type: date.getUTCFullYear() < 2050 ? 0 : 1, value: new Date(Math.floor(date.getTime() / 1000) * 1000) });
}

export function randomSerial(): Uint8Array {
  const serial = globalThis.crypto.getRandomValues(new Uint8Array(16));
  serial[0] = (serial[0]! & 0x7f) | 0x01; // positive, and no leading zero byte
  return serial;
}

/** An X.509 v3 certificate signed with SHA-256, as DER. */
export async function issueCertificate(input: IssueCertificateInput): Promise<Uint8Array> {
  const crypto = pkiEngine();
  const issuerCertificate = input.issuer.certificateDer ? parseCertificate(input.issuer.certificateDer) : undefined;
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(input.serialNumber ?? randomSerial()) });
  certificate.subject = encodeName(input.subject);
  certificate.issuer = issuerCertificate ? issuerCertificate.subject : certificate.subject;
  certificate.notBefore = certificateTime(input.notBefore);
  certificate.notAfter = certificateTime(input.notAfter);
  await certificate.subjectPublicKeyInfo.importKey(input.publicKey, crypto);

  const keyId = await digest('SHA-1', certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
  const issuerKeyId = issuerCertificate ? await digest('SHA-1', issuerCertificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView) : keyId;
  const extensions: pkijs.Extension[] = [
    extension('2.5.29.14', new asn1js.OctetString({ valueHex: toArrayBuffer(keyId) })),
    extension('2.5.29.35', new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(issuerKeyId) }) })),
  ];
  if (input.ca) extensions.push(extension('2.5.29.19', new pkijs.BasicConstraints({ cA: true, ...(input.ca.pathLength === undefined ? {} : { pathLenConstraint: input.ca.pathLength }) }), true));
  if (input.keyUsage) extensions.push(keyUsageExtension(input.keyUsage));
  if (input.extendedKeyUsage) extensions.push(extension('2.5.29.37', new pkijs.ExtKeyUsage({ keyPurposes: input.extendedKeyUsage })));
  if (input.certificatePolicies) extensions.push(extension('2.5.29.32', new pkijs.CertificatePolicies({ certificatePolicies: input.certificatePolicies.map((policyIdentifier) => new pkijs.PolicyInformation({ policyIdentifier })) })));
  if (input.crlUrl) extensions.push(extension('2.5.29.31', new pkijs.CRLDistributionPoints({ distributionPoints: [new pkijs.DistributionPoint({ distributionPoint: [uri(input.crlUrl)] })] })));
  if (input.ocspUrl) extensions.push(extension('1.3.6.1.5.5.7.1.1', new pkijs.InfoAccess({ accessDescriptions: [new pkijs.AccessDescription({ accessMethod: '1.3.6.1.5.5.7.48.1', accessLocation: uri(input.ocspUrl) })] })));
  certificate.extensions = extensions;

  await certificate.sign(input.issuer.privateKey, 'SHA-256', crypto);
  return new Uint8Array(certificate.toSchema(true).toBER(false));
}

export function toPem(label: 'CERTIFICATE' | 'PRIVATE KEY' | 'X509 CRL', der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${base64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}

export function fromPem(label: 'CERTIFICATE' | 'PRIVATE KEY', pem: string): Uint8Array {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`).exec(pem);
  if (!match) throw new Error(`no ${label} in PEM`);
  return new Uint8Array(Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64'));
}

/** Written whole or not at all, so a crash never leaves half a key or certificate behind. */
function writeAtomically(file: string, data: string | Uint8Array, mode = 0o644): void {
  // Unique per write, so two writes of one file never share a temporary file.
  const temporary = `${file}.${randomUUID()}.tmp`;
  writeFileSync(temporary, data, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, file);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface RootCa {
  certificateDer: Uint8Array;
  privateKey: CryptoKey;
}

async function loadOrCreateRoot(dir: string, now: Date): Promise<{ root: RootCa; created: boolean }> {
  const certFile = path.join(dir, 'root-ca.pem');
  const keyFile = path.join(dir, 'root-ca.key.pem');
  if (existsSync(certFile)) {
    if (!existsSync(keyFile)) throw new Error(`${certFile} exists but its key ${keyFile} does not; remove both to start a new development CA`);
    const certificateDer = fromPem('CERTIFICATE', readFileSync(certFile, 'utf8'));
    const pkcs8 = fromPem('PRIVATE KEY', readFileSync(keyFile, 'utf8'));
    const privateKey = await globalThis.crypto.subtle.importKey('pkcs8', toArrayBuffer(pkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    return { root: { certificateDer, privateKey }, created: false };
  }
  const keys = await generateKeyPair('rsa-2048');
  const certificateDer = await issueCertificate({
    subject: [
      { type: NAME_OID.country, value: 'KZ' },
      { type: NAME_OID.organisation, value: 'Sot (development)' },
      { type: NAME_OID.commonName, value: DEV_ROOT_NAME },
    ],
    publicKey: keys.publicKey,
    issuer: { privateKey: keys.privateKey },
    notBefore: new Date(now.getTime() - DEMO_HISTORY),
    notAfter: new Date(now.getTime() + 10 * 365 * DAY),
    ca: {},
    keyUsage: ['keyCertSign', 'cRLSign'],
  });
  const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey));
  writeAtomically(keyFile, toPem('PRIVATE KEY', pkcs8), 0o600);
  writeAtomically(certFile, toPem('CERTIFICATE', certificateDer));
  return { root: { certificateDer, privateKey: keys.privateKey }, created: true };
}

/** The extended key usages a certificate lists, in order. */
function extendedKeyUsages(certificate: pkijs.Certificate): string[] {
  const value = certificate.extensions?.find((e) => e.extnID === '2.5.29.37')?.parsedValue;
  return value instanceof pkijs.ExtKeyUsage ? value.keyPurposes : [];
}

/**
 * An existing user certificate is kept while it is valid for another day, still names the same
 * person and is still of its key's profile (files from before the two keys were split are reissued).
 */
function isCurrent(certFile: string, p12File: string, person: DevPerson, key: DevKey, now: Date): boolean {
  if (!existsSync(certFile) || !existsSync(p12File)) return false;
  try {
    const certificate = parseCertificate(fromPem('CERTIFICATE', readFileSync(certFile, 'utf8')));
    const values = certificate.subject.typesAndValues.map((t) => `${t.type}=${String(t.value.valueBlock.value)}`);
    const expected = [`${NAME_OID.serialNumber}=IIN${person.iin}`, ...(person.bin ? [`${NAME_OID.organisationalUnit}=BIN${person.bin}`] : [])];
    const bins = values.filter((v) => v.startsWith(`${NAME_OID.organisationalUnit}=BIN`));
    // The key's profile and, for an entity's person, their role in it (a role changed: reissue).
    const expectedEku = [...NCA_KEY_PROFILES[key].extendedKeyUsage, ...ncaKeyUserOids(person)];
    const sameProfile = extendedKeyUsages(certificate).join(',') === expectedEku.join(',');
    return certificate.notAfter.value.getTime() > now.getTime() + DAY && expected.every((e) => values.includes(e)) && bins.length === (person.bin ? 1 : 0) && sameProfile;
  } catch {
    return false;
  }
}

export interface DevKeyFiles {
  p12Path: string;
  certPath: string;
}

export interface DevPki {
  rootPem: string;
  files: ({ handle: string } & Record<DevKey, DevKeyFiles>)[];
}

type DevPerson = {
  handle: string;
  fullName: string;
  iin: string;
  bin?: string | undefined;
  /** The legal entity's name, for the subject's O. */
  organisation?: string | undefined;
  /** NCA key user roles in the legal entity of `bin`. */
  organisationRoles?: readonly OrganisationRole[] | undefined;
};

/** NCA's key user OIDs for a person: an individual's, or an organisation's with the person's roles in it. */
export function ncaKeyUserOids(person: { bin?: string | undefined; organisationRoles?: readonly OrganisationRole[] | undefined }): string[] {
  if (!person.bin) return [KEY_USER_OIDS.individual.oid];
  return [KEY_USER_OIDS.organisation.oid, ...(person.organisationRoles ?? []).map((role) => ORGANISATION_ROLE_OIDS[role].oid)];
}

/** The policy NCA issues a certificate under: by whose key it is, and whether it signs in or signs. */
export function ncaKeyPolicyOids(person: { bin?: string | undefined }, key: DevKey): string[] {
  const policy = person.bin ? (key === 'auth' ? KEY_POLICY_OIDS.legal_auth : KEY_POLICY_OIDS.legal_signing) : key === 'auth' ? KEY_POLICY_OIDS.individual_auth : KEY_POLICY_OIDS.individual_signing;
  return [policy.oid];
}

async function issueDemoFiles(root: RootCa, person: DevPerson, key: DevKey, { certPath, p12Path }: DevKeyFiles, now: Date): Promise<void> {
  const keys = await generateKeyPair('rsa-2048');
  const profile = NCA_KEY_PROFILES[key];
  const certificateDer = await issueCertificate({
    subject: ncaPersonSubject(person),
    publicKey: keys.publicKey,
    issuer: root,
    notBefore: new Date(now.getTime() - DEMO_HISTORY),
    notAfter: new Date(now.getTime() - HOUR + 365 * DAY),
    keyUsage: profile.keyUsage,
    extendedKeyUsage: [...profile.extendedKeyUsage, ...ncaKeyUserOids(person)],
    certificatePolicies: ncaKeyPolicyOids(person, key),
  });
  const privateKeyPkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey));
  const p12 = await createPkcs12({ certificateDer, chainDer: [root.certificateDer], privateKeyPkcs8, password: DEV_PKCS12_PASSWORD, friendlyName: `${person.handle} (${key === 'auth' ? 'AUTH' : 'SIGN'})` });
  writeAtomically(p12Path, p12);
  writeAtomically(certPath, toPem('CERTIFICATE', certificateDer));
}

/** A development CA's people, each key issued the first time it is asked for. */
export interface DevPkiIssuer {
  rootPem: string;
  /** The person's key files, issued now if missing, expired or out of date; null for no such person. */
  keyFiles(handle: string, key: DevKey): Promise<DevKeyFiles | null>;
}

/**
 * Issues under way in this process, by key file: a server's demo seeding and its /dev/pki route
 * wait for one issue of a key instead of racing to write the same files.
 */
const issuing = new Map<string, Promise<void>>();

/**
 * Opens (or starts) the development CA in dir without issuing anyone's keys yet: seventy RSA keys
 * are most of a newcomer's first start, and a demo session signs in as one or two people. A new
 * root removes every earlier person's files, so no key under a replaced root is ever handed out.
 */
export async function openDevPki(dir: string, people: DevPerson[], now: Date = new Date()): Promise<DevPkiIssuer> {
  for (const person of people) if (!/^[A-Za-z0-9_-]+$/.test(person.handle)) throw new Error(`handle not usable as a file name: ${person.handle}`);
  const usersDir = path.join(dir, 'users');
  mkdirSync(dir, { recursive: true });
  const { root, created } = await loadOrCreateRoot(dir, now);
  if (created) rmSync(usersDir, { recursive: true, force: true });
  mkdirSync(usersDir, { recursive: true });
  const byHandle = new Map(people.map((person) => [person.handle, person]));
  const current = new Set<string>();
  return {
    rootPem: toPem('CERTIFICATE', root.certificateDer),
    async keyFiles(handle, key) {
      const person = byHandle.get(handle);
      if (!person) return null;
      const files: DevKeyFiles = { p12Path: devKeyFile(dir, handle, key, 'p12'), certPath: devKeyFile(dir, handle, key, 'pem') };
      // Known current, unless its files were removed since (a demo's data cleaned by hand).
      while (!(current.has(files.p12Path) && existsSync(files.p12Path) && existsSync(files.certPath))) {
        const underWay = issuing.get(files.p12Path);
        if (underWay) {
          await underWay;
        } else if (isCurrent(files.certPath, files.p12Path, person, key, now)) {
          current.add(files.p12Path);
        } else {
          const issue = issueDemoFiles(root, person, key, files, now).finally(() => issuing.delete(files.p12Path));
          issuing.set(files.p12Path, issue);
          await issue;
          current.add(files.p12Path);
        }
      }
      return files;
    },
  };
}

/**
 * Writes dir/root-ca.pem (+ root-ca.key.pem, mode 0600) and, per person, the authentication key
 * dir/users/<handle>.auth.{p12,pem} and the signing key dir/users/<handle>.sign.{p12,pem}. Run
 * again, it reuses the root and makes only what is missing, expired, about someone else or of
 * another profile; a new root reissues everyone.
 */
export async function createDevPki(dir: string, people: DevPerson[], now: Date = new Date()): Promise<DevPki> {
  const pki = await openDevPki(dir, people, now);
  const files = await Promise.all(
    people.map(async ({ handle }) => {
      const [auth, sign] = await Promise.all(DEV_KEYS.map((key) => pki.keyFiles(handle, key)));
      return { handle, auth: auth!, sign: sign! };
    }),
  );
  return { rootPem: pki.rootPem, files };
}
