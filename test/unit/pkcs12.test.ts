import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { bytesEqual, importPrivateKey, signCms } from '../../src/pki/cms.ts';
import { toPem } from '../../src/pki/devCa.ts';
import { createPkcs12, parsePkcs12, type Pkcs12Contents } from '../../src/pki/pkcs12.ts';
import { issueSigner, makeRootCa, sharedKeyPair, testIin, utf8, type KeyAlgorithm, type TestCa, type TestSigner } from '../support/pki.ts';

const PASSWORD = 'correct horse 42';

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function pkcs8Of(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', key));
}

/** Signs content with the key from the file and has the built-in verifier judge it against root. */
async function signWith(contents: Pkcs12Contents, root: TestCa, content: Uint8Array) {
  const privateKey = await importPrivateKey(contents.privateKeyPkcs8, contents.certificateDer);
  const cms = await signCms({ content, certificateDer: contents.certificateDer, chainDer: contents.chainDer, privateKey, detached: false });
  return createBuiltInVerifier({ trustedRoots: [root.certificateDer] }).verify({ cms, content, at: new Date(), purpose: 'signing' });
}

describe.each<KeyAlgorithm>(['ecdsa-p256', 'rsa-2048'])('a PKCS#12 file made here with a %s key', (algorithm) => {
  let root: TestCa;
  let signer: TestSigner;
  let p12: Uint8Array;

  beforeAll(async () => {
    const keys = await sharedKeyPair(algorithm);
    root = await makeRootCa({ keys });
    signer = await issueSigner(root, { keys, person: { fullName: 'Сәрсенова Дана Ерланқызы', iin: testIin(9210) } });
    p12 = await createPkcs12({ certificateDer: signer.certificateDer, chainDer: [root.certificateDer], privateKeyPkcs8: await pkcs8Of(keys.privateKey), password: PASSWORD, friendlyName: 'dana' });
  });

  it('opens with its password to the same certificate, chain and key', async () => {
    const contents = await parsePkcs12(p12, PASSWORD);
    expect(bytesEqual(contents.certificateDer, signer.certificateDer)).toBe(true);
    expect(contents.chainDer).toHaveLength(1);
    expect(bytesEqual(contents.chainDer[0]!, root.certificateDer)).toBe(true);
    expect(bytesEqual(contents.privateKeyPkcs8, await pkcs8Of(signer.privateKey))).toBe(true);
  });

  it('gives a key that signs what the verifier accepts as the certificate’s holder', async () => {
    const identity = await signWith(await parsePkcs12(p12, PASSWORD), root, utf8('sot-login:5c1d'));
    expect(identity.iin).toBe(testIin(9210));
    expect(identity.fullName).toBe('СӘРСЕНОВА ДАНА ЕРЛАНҚЫЗЫ');
  });

  it('refuses a wrong password, an empty one and one differing in case', async () => {
    expect(await errorOf(parsePkcs12(p12, 'wrong'))).toBe('wrong_password');
    expect(await errorOf(parsePkcs12(p12, ''))).toBe('wrong_password');
    expect(await errorOf(parsePkcs12(p12, PASSWORD.toUpperCase()))).toBe('wrong_password');
  });
});

describe('a PKCS#12 file without a chain or friendly name', () => {
  it('opens to the certificate alone, with an empty chain', async () => {
    const keys = await sharedKeyPair('ecdsa-p256');
    const root = await makeRootCa({ keys });
    const signer = await issueSigner(root, { keys });
    const p12 = await createPkcs12({ certificateDer: signer.certificateDer, privateKeyPkcs8: await pkcs8Of(keys.privateKey), password: 'пароль-Қ' });
    const contents = await parsePkcs12(p12, 'пароль-Қ');
    expect(bytesEqual(contents.certificateDer, signer.certificateDer)).toBe(true);
    expect(contents.chainDer).toEqual([]);
    expect(await errorOf(parsePkcs12(p12, 'пароль-К'))).toBe('wrong_password');
  });
});

describe('bytes that are not a PKCS#12 file', () => {
  it('are refused as not_pkcs12: nothing, random bytes, text, a certificate, other DER', async () => {
    const root = await makeRootCa({ keys: await sharedKeyPair('ecdsa-p256') });
    const inputs = [
      new Uint8Array(0),
      globalThis.crypto.getRandomValues(new Uint8Array(512)),
      utf8(toPem('CERTIFICATE', root.certificateDer)),
      root.certificateDer,
      new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x03]),
    ];
    for (const input of inputs) expect(await errorOf(parsePkcs12(input, PASSWORD))).toBe('not_pkcs12');
  });
});

function opensslWorks(): boolean {
  return spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
}

describe.runIf(opensslWorks())('PKCS#12 interoperability with OpenSSL', () => {
  let dir: string;
  let root: TestCa;
  let signer: TestSigner;
  let keyAndCertPem: string;
  let caPem: string;

  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => spawnSync('openssl', args, { encoding: 'utf8', cwd: dir });

  /** `openssl pkcs12 -export` of the signer's key and certificate with the root as chain; undefined when OpenSSL refuses. */
  function exportWithOpenssl(name: string, ...options: string[]): { p12?: Uint8Array; stderr: string } {
    const result = openssl('pkcs12', '-export', '-in', file('signer.pem'), '-certfile', file('ca.pem'), '-passout', `pass:${PASSWORD}`, '-out', file(name), ...options);
    return result.status === 0 ? { p12: new Uint8Array(readFileSync(file(name))), stderr: result.stderr } : { stderr: result.stderr };
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sot-pkcs12-'));
    const keys = await sharedKeyPair('ecdsa-p256');
    root = await makeRootCa({ keys });
    signer = await issueSigner(root, { keys, person: { fullName: 'Ахметов Ерлан', iin: testIin(9230) } });
    keyAndCertPem = toPem('PRIVATE KEY', await pkcs8Of(keys.privateKey)) + toPem('CERTIFICATE', signer.certificateDer);
    caPem = toPem('CERTIFICATE', root.certificateDer);
    writeFileSync(file('signer.pem'), keyAndCertPem);
    writeFileSync(file('ca.pem'), caPem);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a file made here: PBES2 with AES-256, a SHA-256 MAC, both certificates and the key', async () => {
    const p12 = await createPkcs12({ certificateDer: signer.certificateDer, chainDer: [root.certificateDer], privateKeyPkcs8: await pkcs8Of(signer.privateKey), password: PASSWORD, friendlyName: 'erlan' });
    writeFileSync(file('ours.p12'), p12);
    const result = openssl('pkcs12', '-in', file('ours.p12'), '-passin', `pass:${PASSWORD}`, '-nodes', '-info');
    expect(result.stderr).toContain('MAC: sha256');
    expect(result.stderr).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC/);
    expect(result.stderr).toMatch(/PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC/);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(toPem('CERTIFICATE', signer.certificateDer));
    expect(result.stdout).toContain(caPem);
    expect(result.stdout).toContain(toPem('PRIVATE KEY', await pkcs8Of(signer.privateKey)));
    expect(result.stdout).toContain('friendlyName: erlan');
  });

  it('makes OpenSSL report a wrong password on a file made here', async () => {
    const p12 = await createPkcs12({ certificateDer: signer.certificateDer, privateKeyPkcs8: await pkcs8Of(signer.privateKey), password: PASSWORD });
    writeFileSync(file('ours-wrong.p12'), p12);
    const result = openssl('pkcs12', '-in', file('ours-wrong.p12'), '-passin', 'pass:not-it', '-nodes', '-info');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/mac verify/i);
  });

  it('opens a file OpenSSL made with AES-256-CBC and a SHA-256 MAC', async () => {
    const { p12, stderr } = exportWithOpenssl('aes.p12', '-keypbe', 'AES-256-CBC', '-certpbe', 'AES-256-CBC', '-macalg', 'sha256');
    expect(p12, stderr).toBeDefined();
    const contents = await parsePkcs12(p12!, PASSWORD);
    expect(bytesEqual(contents.certificateDer, signer.certificateDer)).toBe(true);
    expect(contents.chainDer.map((der) => Buffer.from(der).toString('hex'))).toEqual([Buffer.from(root.certificateDer).toString('hex')]);
    expect(bytesEqual(contents.privateKeyPkcs8, await pkcs8Of(signer.privateKey))).toBe(true);
    expect((await signWith(contents, root, utf8('nonce'))).iin).toBe(testIin(9230));
    expect(await errorOf(parsePkcs12(p12!, 'not-it'))).toBe('wrong_password');
  });

  it('says no_private_key for an OpenSSL file holding certificates only', async () => {
    const { p12, stderr } = exportWithOpenssl('nokeys.p12', '-nokeys', '-certpbe', 'AES-256-CBC', '-macalg', 'sha256');
    expect(p12, stderr).toBeDefined();
    expect(await errorOf(parsePkcs12(p12!, PASSWORD))).toBe('no_private_key');
  });

  it('refuses a file protected with the legacy 3DES ciphers as unsupported, not as a wrong password', async ({ skip }) => {
    const { p12, stderr } = exportWithOpenssl('legacy.p12', '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1');
    if (!p12) return skip(`this OpenSSL refuses to write PBE-SHA1-3DES: ${stderr.trim()}`);
    expect(await errorOf(parsePkcs12(p12, PASSWORD))).toBe('unsupported_pkcs12');
  });

  it('refuses an OpenSSL -legacy file (RC2 certificates, 3DES key) as unsupported', async ({ skip }) => {
    const { p12, stderr } = exportWithOpenssl('rc2.p12', '-legacy');
    if (!p12) return skip(`this OpenSSL has no legacy provider: ${stderr.trim()}`);
    expect(await errorOf(parsePkcs12(p12, PASSWORD))).toBe('unsupported_pkcs12');
  });
});
