import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBuiltInVerifier, formatName, identityFromCertificate, keyKind, keyUsageFacts, type KeyPurpose } from '../../src/adapters/eds/index.ts';
import { bytesEqual, importPrivateKey, parseCertificate, signCms } from '../../src/pki/cms.ts';
import { createDevPki, DEV_PKCS12_PASSWORD, DEV_ROOT_NAME, devKeyFile, fromPem, openDevPki, type DevKey, type DevPki } from '../../src/pki/devCa.ts';
import { parsePkcs12 } from '../../src/pki/pkcs12.ts';
import { testBin, testIin, utf8 } from '../support/pki.ts';

type DevPerson = Parameters<typeof createDevPki>[1][number];

const DAY = 24 * 3_600_000;
const NOW = new Date('2025-06-02T08:00:00Z');

const citizen: DevPerson = { handle: 'askhat', fullName: 'Мұқанов Асхат Болатұлы', iin: testIin(9300) };
const employee: DevPerson = { handle: 'asel-1', fullName: 'Оспанова Әсел', iin: testIin(9330), bin: testBin(9610) };

const directories: string[] = [];
function newDirectory(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sot-devca-'));
  directories.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

/** The person's signing key unless `key` says otherwise. */
function userFile(dir: string, handle: string, extension: 'p12' | 'pem', key: DevKey = 'sign'): string {
  return path.join(dir, 'users', `${handle}.${key}.${extension}`);
}

/** Bytes and modification time of each file, to tell a rewritten file from a kept one. */
function snapshot(files: string[]): { file: string; hex: string; mtimeMs: number }[] {
  return files.map((file) => ({ file, hex: readFileSync(file).toString('hex'), mtimeMs: statSync(file).mtimeMs }));
}

function userCertificate(dir: string, handle: string, key: DevKey = 'sign'): Uint8Array {
  return fromPem('CERTIFICATE', readFileSync(userFile(dir, handle, 'pem', key), 'utf8'));
}

/** Opens one of the person's demo files, signs with its key and has a verifier that trusts only the dev root judge it for `purpose`. */
async function signAs(pki: DevPki, dir: string, handle: string, key: DevKey, purpose: KeyPurpose, at: Date) {
  const contents = await parsePkcs12(new Uint8Array(readFileSync(userFile(dir, handle, 'p12', key))), DEV_PKCS12_PASSWORD);
  const privateKey = await importPrivateKey(contents.privateKeyPkcs8, contents.certificateDer);
  const content = utf8(`sot-login:${handle}`);
  const cms = await signCms({ content, certificateDer: contents.certificateDer, chainDer: contents.chainDer, privateKey, detached: true });
  const verifier = createBuiltInVerifier({ trustedRoots: [fromPem('CERTIFICATE', pki.rootPem)] });
  return { contents, identity: await verifier.verify({ cms, content, at, purpose }) };
}

const signInAs = (pki: DevPki, dir: string, handle: string, at: Date) => signAs(pki, dir, handle, 'auth', 'authentication', at);

// Each PKI run makes RSA keys: seconds of CPU, more on a machine running the other suites beside it.
describe('a new development PKI', { timeout: 30_000 }, () => {
  let dir: string;
  let pki: DevPki;

  beforeAll(async () => {
    dir = newDirectory();
    pki = await createDevPki(dir, [citizen, employee], NOW);
  });

  it('writes the root certificate, its key readable by the owner only, and a .p12 and .pem per key of each person', () => {
    expect(readFileSync(path.join(dir, 'root-ca.pem'), 'utf8')).toBe(pki.rootPem);
    expect(statSync(path.join(dir, 'root-ca.key.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, 'root-ca.key.pem'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const filesOf = (handle: string, key: DevKey) => ({ p12Path: userFile(dir, handle, 'p12', key), certPath: userFile(dir, handle, 'pem', key) });
    expect(pki.files).toEqual([
      { handle: 'askhat', auth: filesOf('askhat', 'auth'), sign: filesOf('askhat', 'sign') },
      { handle: 'asel-1', auth: filesOf('asel-1', 'auth'), sign: filesOf('asel-1', 'sign') },
    ]);
    expect(devKeyFile(dir, 'askhat', 'auth', 'p12')).toBe(path.join(dir, 'users', 'askhat.auth.p12'));
    for (const { p12Path, certPath } of pki.files.flatMap((f) => [f.auth, f.sign])) {
      expect(existsSync(p12Path)).toBe(true);
      expect(readFileSync(certPath, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
    }
  });

  it('gives each person an authentication key and a signing key of NCA’s profiles, with keys of their own', async () => {
    for (const person of [citizen, employee]) {
      const kindOf = (key: DevKey) => keyKind(keyUsageFacts(parseCertificate(userCertificate(dir, person.handle, key))));
      expect(kindOf('auth')).toBe('authentication');
      expect(kindOf('sign')).toBe('signing');
      expect(identityFromCertificate(userCertificate(dir, person.handle, 'auth')).iin).toBe(person.iin);
      const keyOf = async (key: DevKey) => (await parsePkcs12(new Uint8Array(readFileSync(userFile(dir, person.handle, 'p12', key))), DEV_PKCS12_PASSWORD)).privateKeyPkcs8;
      expect(bytesEqual(await keyOf('auth'), await keyOf('sign'))).toBe(false);
    }
  });

  it('signs in with the authentication key only and signs documents with the signing key only', async () => {
    await expect(signAs(pki, dir, 'askhat', 'auth', 'authentication', NOW)).resolves.toMatchObject({ identity: { iin: citizen.iin } });
    await expect(signAs(pki, dir, 'askhat', 'sign', 'signing', NOW)).resolves.toMatchObject({ identity: { iin: citizen.iin } });
    await expect(signAs(pki, dir, 'askhat', 'sign', 'authentication', NOW)).rejects.toMatchObject({ code: 'signing_key_at_sign_in' });
    await expect(signAs(pki, dir, 'askhat', 'auth', 'signing', NOW)).rejects.toMatchObject({ code: 'authentication_key_for_document' });
  });

  it('makes a self-signed CA root named as not for production, valid from the given moment', () => {
    const root = parseCertificate(fromPem('CERTIFICATE', pki.rootPem));
    expect(formatName(root.subject)).toBe(`CN=${DEV_ROOT_NAME}, O=Sot (development), C=KZ`);
    expect(root.issuer.isEqual(root.subject)).toBe(true);
    expect(root.notBefore.value.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(root.notAfter.value.getTime()).toBeGreaterThan(NOW.getTime() + 9 * 365 * DAY);
  });

  it('names a citizen in NCA style: IIN, no BIN, CN and patronymic', () => {
    const identity = identityFromCertificate(userCertificate(dir, 'askhat'));
    expect(identity.iin).toBe(citizen.iin);
    expect(identity.bin).toBeUndefined();
    expect(identity.commonName).toBe('МҰҚАНОВ АСХАТ');
    expect(identity.fullName).toBe('МҰҚАНОВ АСХАТ БОЛАТҰЛЫ');
    expect(identity.certificate.issuer).toBe(`CN=${DEV_ROOT_NAME}, O=Sot (development), C=KZ`);
  });

  it('names an employee with the organisation’s BIN', () => {
    const identity = identityFromCertificate(userCertificate(dir, 'asel-1'));
    expect(identity).toMatchObject({ iin: employee.iin, bin: employee.bin, fullName: 'ОСПАНОВА ӘСЕЛ' });
    expect(identity.certificate.subject).toContain(`OU=BIN${employee.bin}`);
  });

  it('issues certificates valid for a year from the given moment', () => {
    const { notBefore, notAfter } = identityFromCertificate(userCertificate(dir, 'askhat')).certificate;
    expect(notBefore.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(notAfter.getTime()).toBeGreaterThan(NOW.getTime() + 360 * DAY);
    expect(notAfter.getTime()).toBeLessThan(NOW.getTime() + 366 * DAY);
  });

  it('opens each .p12 with the demo password to the .pem certificate, the root as chain, and a key that signs under the root', async () => {
    for (const person of [citizen, employee]) {
      const { contents, identity } = await signInAs(pki, dir, person.handle, NOW);
      expect(bytesEqual(contents.certificateDer, userCertificate(dir, person.handle, 'auth'))).toBe(true);
      expect(contents.chainDer).toHaveLength(1);
      expect(bytesEqual(contents.chainDer[0]!, fromPem('CERTIFICATE', pki.rootPem))).toBe(true);
      expect(identity.iin).toBe(person.iin);
    }
  });

  it('keeps the .p12 closed to any other password', async () => {
    const p12 = new Uint8Array(readFileSync(userFile(dir, 'askhat', 'p12')));
    await expect(parsePkcs12(p12, `${DEV_PKCS12_PASSWORD}x`)).rejects.toThrow('wrong_password');
  });

  it('gives every person a key of their own', async () => {
    const keyOf = async (handle: string) => (await parsePkcs12(new Uint8Array(readFileSync(userFile(dir, handle, 'p12'))), DEV_PKCS12_PASSWORD)).privateKeyPkcs8;
    expect(bytesEqual(await keyOf('askhat'), await keyOf('asel-1'))).toBe(false);
  });
});

describe('running the development PKI again', { timeout: 30_000 }, () => {
  const allFiles = (dir: string) => [
    path.join(dir, 'root-ca.pem'),
    path.join(dir, 'root-ca.key.pem'),
    ...[citizen, employee].flatMap((p) => (['auth', 'sign'] as const).flatMap((key) => [userFile(dir, p.handle, 'p12', key), userFile(dir, p.handle, 'pem', key)])),
  ];

  it('reuses the root and every current file, byte for byte and untouched', async () => {
    const dir = newDirectory();
    const first = await createDevPki(dir, [citizen, employee], NOW);
    const before = snapshot(allFiles(dir));
    const second = await createDevPki(dir, [citizen, employee], new Date(NOW.getTime() + 30 * DAY));
    expect(second.rootPem).toBe(first.rootPem);
    expect(snapshot(allFiles(dir))).toEqual(before);
  });

  it('issues a new certificate for a person whose IIN changed, and leaves the others alone', async () => {
    const dir = newDirectory();
    const pki = await createDevPki(dir, [citizen, employee], NOW);
    const employeeFiles = snapshot([userFile(dir, 'asel-1', 'p12'), userFile(dir, 'asel-1', 'pem')]);
    const renumbered = { ...citizen, iin: testIin(9360) };
    await createDevPki(dir, [renumbered, employee], NOW);
    expect(identityFromCertificate(userCertificate(dir, 'askhat')).iin).toBe(renumbered.iin);
    expect((await signInAs(pki, dir, 'askhat', NOW)).identity.iin).toBe(renumbered.iin);
    expect(snapshot([userFile(dir, 'asel-1', 'p12'), userFile(dir, 'asel-1', 'pem')])).toEqual(employeeFiles);
  });

  it('issues a new certificate for a person who became an employee', async () => {
    const dir = newDirectory();
    await createDevPki(dir, [citizen], NOW);
    const hired = { ...citizen, bin: testBin(9640) };
    await createDevPki(dir, [hired], NOW);
    expect(identityFromCertificate(userCertificate(dir, 'askhat')).bin).toBe(hired.bin);
  });

  it('writes an entity’s people with NCA’s role OIDs and policy, and reissues one whose role changed', async () => {
    const dir = newDirectory();
    const clerk = { ...employee, organisation: 'ТОО «Дала Логистик»', organisationRoles: ['employee' as const] };
    const pki = await createDevPki(dir, [citizen, clerk], NOW);
    const certificate = parseCertificate(userCertificate(dir, clerk.handle));
    const policies = certificate.extensions?.find((e) => e.extnID === '2.5.29.32')?.parsedValue as { certificatePolicies: { policyIdentifier: string }[] };
    expect(policies.certificatePolicies.map((p) => p.policyIdentifier)).toContain('1.2.398.3.3.2.1');
    expect((await signInAs(pki, dir, clerk.handle, NOW)).identity).toMatchObject({ bin: clerk.bin, organisation: clerk.organisation, organisationRoles: ['employee'] });
    expect(identityFromCertificate(userCertificate(dir, 'askhat')).organisationRoles).toEqual([]);

    await createDevPki(dir, [citizen, { ...clerk, organisationRoles: ['first_head'] }], NOW);
    expect(identityFromCertificate(userCertificate(dir, clerk.handle)).organisationRoles).toEqual(['first_head']);
  });

  it('issues a new certificate for an employee who left the organisation', async () => {
    const dir = newDirectory();
    await createDevPki(dir, [employee], NOW);
    await createDevPki(dir, [{ ...employee, bin: undefined }], NOW);
    const identity = identityFromCertificate(userCertificate(dir, employee.handle));
    expect(identity.iin).toBe(employee.iin);
    expect(identity.bin).toBeUndefined();
  });

  it('reissues a certificate about to expire, dated from the later moment, under the same root', async () => {
    const dir = newDirectory();
    const pki = await createDevPki(dir, [citizen], NOW);
    const oldCertificate = userCertificate(dir, 'askhat');
    const later = new Date(NOW.getTime() + 365 * DAY);
    const again = await createDevPki(dir, [citizen], later);
    expect(again.rootPem).toBe(pki.rootPem);
    const renewed = userCertificate(dir, 'askhat');
    expect(bytesEqual(renewed, oldCertificate)).toBe(false);
    expect(identityFromCertificate(renewed).certificate.notAfter.getTime()).toBeGreaterThan(later.getTime() + 360 * DAY);
    expect((await signInAs(again, dir, 'askhat', later)).identity.iin).toBe(citizen.iin);
  });

  it('keeps a certificate with more than a day left', async () => {
    const dir = newDirectory();
    await createDevPki(dir, [citizen], NOW);
    const kept = snapshot([userFile(dir, 'askhat', 'pem')]);
    await createDevPki(dir, [citizen], new Date(NOW.getTime() + 360 * DAY));
    expect(snapshot([userFile(dir, 'askhat', 'pem')])).toEqual(kept);
  });

  it('reissues a person whose .p12 is missing', async () => {
    const dir = newDirectory();
    await createDevPki(dir, [citizen], NOW);
    const oldCertificate = userCertificate(dir, 'askhat');
    rmSync(userFile(dir, 'askhat', 'p12'));
    await createDevPki(dir, [citizen], NOW);
    expect(existsSync(userFile(dir, 'askhat', 'p12'))).toBe(true);
    expect(bytesEqual(userCertificate(dir, 'askhat'), oldCertificate)).toBe(false);
  });

  it('reissues a key whose certificate is of the other profile, as files from before the two keys were split are', async () => {
    const dir = newDirectory();
    await createDevPki(dir, [citizen], NOW);
    copyFileSync(userFile(dir, 'askhat', 'pem', 'auth'), userFile(dir, 'askhat', 'pem', 'sign'));
    const auth = snapshot([userFile(dir, 'askhat', 'pem', 'auth'), userFile(dir, 'askhat', 'p12', 'auth')]);
    await createDevPki(dir, [citizen], NOW);
    expect(keyKind(keyUsageFacts(parseCertificate(userCertificate(dir, 'askhat', 'sign'))))).toBe('signing');
    expect(snapshot([userFile(dir, 'askhat', 'pem', 'auth'), userFile(dir, 'askhat', 'p12', 'auth')])).toEqual(auth);
  });

  it('reissues everyone under a new root when the old one was removed', async () => {
    const dir = newDirectory();
    const first = await createDevPki(dir, [citizen], NOW);
    const oldCertificate = userCertificate(dir, 'askhat');
    rmSync(path.join(dir, 'root-ca.pem'));
    rmSync(path.join(dir, 'root-ca.key.pem'));
    const second = await createDevPki(dir, [citizen], NOW);
    expect(second.rootPem).not.toBe(first.rootPem);
    expect(bytesEqual(userCertificate(dir, 'askhat'), oldCertificate)).toBe(false);
    expect((await signInAs(second, dir, 'askhat', NOW)).identity.iin).toBe(citizen.iin);
  });

  it('refuses a root certificate whose key is gone, rather than making a second root', async () => {
    const dir = newDirectory();
    await createDevPki(dir, [citizen], NOW);
    const rootPem = readFileSync(path.join(dir, 'root-ca.pem'), 'utf8');
    rmSync(path.join(dir, 'root-ca.key.pem'));
    await expect(createDevPki(dir, [citizen], NOW)).rejects.toThrow(/root-ca\.pem exists but its key/);
    expect(readFileSync(path.join(dir, 'root-ca.pem'), 'utf8')).toBe(rootPem);
  });
});

describe('a development PKI that issues keys when asked', { timeout: 30_000 }, () => {
  it('makes no one’s keys until they are asked for, then each key once, however many ask at once', async () => {
    const dir = newDirectory();
    const pki = await openDevPki(dir, [citizen, employee], NOW);
    expect(readdirSync(path.join(dir, 'users'))).toEqual([]);
    const generateKey = vi.spyOn(globalThis.crypto.subtle, 'generateKey');
    const [a, b] = await Promise.all([pki.keyFiles('askhat', 'auth'), pki.keyFiles('askhat', 'auth'), (await openDevPki(dir, [citizen], NOW)).keyFiles('askhat', 'auth')]);
    expect(generateKey).toHaveBeenCalledTimes(1);
    generateKey.mockRestore();
    expect(a).toEqual({ p12Path: userFile(dir, 'askhat', 'p12', 'auth'), certPath: userFile(dir, 'askhat', 'pem', 'auth') });
    expect(b).toEqual(a);
    expect(readdirSync(path.join(dir, 'users')).sort()).toEqual(['askhat.auth.p12', 'askhat.auth.pem']);
    const kept = snapshot([a!.p12Path, a!.certPath]);
    // Another opening of the same CA (a restart, or the route beside the seeding) keeps the key.
    const reopened = await openDevPki(dir, [citizen, employee], NOW);
    expect(await reopened.keyFiles('askhat', 'auth')).toEqual(a);
    expect(snapshot([a!.p12Path, a!.certPath])).toEqual(kept);
    expect((await signInAs({ rootPem: pki.rootPem, files: [] }, dir, 'askhat', NOW)).identity.iin).toBe(citizen.iin);
    // Files removed behind its back are issued again, not handed out as missing.
    rmSync(a!.p12Path);
    expect(await pki.keyFiles('askhat', 'auth')).toEqual(a);
    expect(existsSync(a!.p12Path)).toBe(true);
  });

  it('answers null for someone who is not one of its people, and writes nothing for them', async () => {
    const dir = newDirectory();
    const pki = await openDevPki(dir, [citizen], NOW);
    expect(await pki.keyFiles(employee.handle, 'sign')).toBeNull();
    expect(readdirSync(path.join(dir, 'users'))).toEqual([]);
  });

  it('removes the keys of a replaced root, so none of them is handed out again', async () => {
    const dir = newDirectory();
    await createDevPki(dir, [citizen], NOW);
    rmSync(path.join(dir, 'root-ca.pem'));
    rmSync(path.join(dir, 'root-ca.key.pem'));
    await openDevPki(dir, [citizen], NOW);
    expect(readdirSync(path.join(dir, 'users'))).toEqual([]);
  });
});

describe('handles that are not plain file names', { timeout: 30_000 }, () => {
  it.each(['../x', 'a/b', '..', 'x.p12', '', 'имя'])('refuses %j before writing anything', async (handle) => {
    const dir = path.join(newDirectory(), 'pki');
    await expect(createDevPki(dir, [citizen, { ...citizen, handle }], NOW)).rejects.toThrow('handle not usable as a file name');
    expect(existsSync(dir)).toBe(false);
  });
});
