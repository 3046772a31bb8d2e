import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltInVerifier, EdsError } from '../../src/adapters/eds/index.ts';
import { findTrustedPath, keyUsageBit, loadTrustedRoots } from '../../src/adapters/eds/trustedRoots.ts';
import { certificateDer, parseCertificate } from '../../src/pki/cms.ts';
import { toPem } from '../../src/pki/devCa.ts';
import { issueSigner, makeCrl, makeIntermediateCa, makeRootCa, sharedKeyPair, signContent, utf8, type TestCa } from '../support/pki.ts';

const directories: string[] = [];
function newDirectory(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sot-roots-'));
  directories.push(dir);
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
  return dir;
}

afterAll(() => {
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

function hexes(certificates: Uint8Array[]): string[] {
  return certificates.map((der) => Buffer.from(der).toString('hex'));
}

describe('loading trusted roots from a directory', () => {
  let first: TestCa;
  let second: TestCa;
  let third: TestCa;

  beforeAll(async () => {
    const keys = await sharedKeyPair('ecdsa-p256');
    first = await makeRootCa({ name: 'НУЦ РК (RSA)', keys });
    second = await makeRootCa({ name: 'НУЦ РК (GOST)', keys });
    third = await makeRootCa({ name: 'Sot Development Root CA', keys });
  });

  it('reads one certificate from a PEM file', () => {
    const dir = newDirectory({ 'root.pem': toPem('CERTIFICATE', first.certificateDer) });
    expect(hexes(loadTrustedRoots(dir))).toEqual(hexes([first.certificateDer]));
  });

  it('reads every certificate of a PEM bundle, in order, whatever the line endings', () => {
    const bundle = [first, second, third].map((ca) => `# ${ca.name}\n${toPem('CERTIFICATE', ca.certificateDer)}`).join('\n');
    const dir = newDirectory({ 'bundle.crt': bundle.replace(/\n/g, '\r\n') });
    expect(hexes(loadTrustedRoots(dir))).toEqual(hexes([first.certificateDer, second.certificateDer, third.certificateDer]));
  });

  it('reads DER files, and goes through the files in name order', () => {
    const dir = newDirectory({ 'c.der': third.certificateDer, 'a.CER': first.certificateDer, 'b.pem': toPem('CERTIFICATE', second.certificateDer) });
    expect(hexes(loadTrustedRoots(dir))).toEqual(hexes([first.certificateDer, second.certificateDer, third.certificateDer]));
  });

  it('takes only the certificates from a PEM file that also holds a key or a CRL', async () => {
    const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', first.privateKey));
    const crl = await makeCrl(first, []);
    const dir = newDirectory({
      'root-with-key.pem': toPem('PRIVATE KEY', pkcs8) + toPem('CERTIFICATE', first.certificateDer),
      'root.crl.pem': toPem('X509 CRL', crl),
    });
    expect(hexes(loadTrustedRoots(dir))).toEqual(hexes([first.certificateDer]));
  });

  it('ignores files without a certificate extension and directories named like certificates', () => {
    const dir = newDirectory({ 'README.md': 'Put the NCA roots here.', 'root.key': 'secret', 'root.pem.bak': 'garbage', 'root.pem': toPem('CERTIFICATE', first.certificateDer) });
    mkdirSync(path.join(dir, 'old.pem'));
    expect(hexes(loadTrustedRoots(dir))).toEqual(hexes([first.certificateDer]));
  });

  it('follows a symbolic link to a certificate file', () => {
    const elsewhere = newDirectory({ 'nca.pem': toPem('CERTIFICATE', second.certificateDer) });
    const dir = newDirectory();
    symlinkSync(path.join(elsewhere, 'nca.pem'), path.join(dir, 'nca.pem'));
    expect(hexes(loadTrustedRoots(dir))).toEqual(hexes([second.certificateDer]));
  });

  it('gives no roots for a missing directory or an empty one', () => {
    const dir = newDirectory();
    expect(loadTrustedRoots(path.join(dir, 'missing'))).toEqual([]);
    expect(loadTrustedRoots(dir)).toEqual([]);
  });

  it.each<[string, () => Uint8Array | Promise<Uint8Array>]>([
    ['a .der file that is not DER', () => utf8('hello')],
    ['a .der certificate with trailing bytes', () => new Uint8Array([...first.certificateDer, 0x00])],
    ['a .der file holding a CRL', () => makeCrl(first, [])],
    ['a .der file holding other DER', () => new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])],
    ['an empty .der file', () => new Uint8Array(0)],
  ])('refuses %s, naming the file', async (_, data) => {
    const dir = newDirectory({ 'a-good.pem': toPem('CERTIFICATE', first.certificateDer), 'broken.der': await data() });
    expect(() => loadTrustedRoots(dir)).toThrow(`not an X.509 certificate: ${path.join(dir, 'broken.der')}`);
  });

  it('refuses a PEM certificate block whose content is not a certificate', () => {
    const dir = newDirectory({ 'broken.pem': `-----BEGIN CERTIFICATE-----\n${Buffer.from('not a certificate').toString('base64')}\n-----END CERTIFICATE-----\n` });
    expect(() => loadTrustedRoots(dir)).toThrow(`not an X.509 certificate: ${path.join(dir, 'broken.pem')}`);
  });

  it('refuses a .pem file with no PEM armour at all as not a certificate', () => {
    const dir = newDirectory({ 'root.pem': 'MIIB...' });
    expect(() => loadTrustedRoots(dir)).toThrow('not an X.509 certificate');
  });

  it('loads roots that the verifier then trusts', async () => {
    const dir = newDirectory({ 'roots.pem': toPem('CERTIFICATE', second.certificateDer) + toPem('CERTIFICATE', first.certificateDer) });
    const verifier = createBuiltInVerifier({ trustedRoots: loadTrustedRoots(dir) });
    const content = utf8('nonce');
    const at = new Date();
    await expect(verifier.verify({ cms: await signContent(await issueSigner(first), content), content, at, purpose: 'signing' })).resolves.toMatchObject({ certificate: { issuer: 'CN=НУЦ РК (RSA), C=KZ' } });
    const outsider = await makeRootCa({ name: 'Outsider', keys: await sharedKeyPair('ecdsa-p256') });
    await expect(verifier.verify({ cms: await signContent(await issueSigner(outsider), content), content, at, purpose: 'signing' })).rejects.toMatchObject({ code: 'untrusted_certificate' });
  });

  it('loads a certificate that is not a CA, but the verifier accepts nothing it issued', async () => {
    const notCa = await makeRootCa({ name: 'Not a CA', ca: false, keyUsage: ['digitalSignature'] });
    const dir = newDirectory({ 'not-ca.pem': toPem('CERTIFICATE', notCa.certificateDer) });
    const roots = loadTrustedRoots(dir);
    expect(hexes(roots)).toEqual(hexes([notCa.certificateDer]));
    const content = utf8('nonce');
    const error = await createBuiltInVerifier({ trustedRoots: roots })
      .verify({ cms: await signContent(await issueSigner(notCa), content), content, at: new Date(), purpose: 'signing' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EdsError);
    expect((error as EdsError).code).toBe('untrusted_certificate');
  });
});

describe('finding the path to a trusted root', () => {
  let root: TestCa;

  const cert = (ca: { certificateDer: Uint8Array }) => parseCertificate(ca.certificateDer);
  const pathOf = async (leaf: { certificateDer: Uint8Array }, candidates: TestCa[], roots: TestCa[] = [root]) => {
    const found = await findTrustedPath(cert(leaf), candidates.map(cert), roots.map(cert));
    return found && hexes(found.map(certificateDer));
  };

  /** root → cas[n-1] → … → cas[0]: cas[0] is the lowest. */
  async function intermediateLadder(length: number, options: { pathLength?: number } = {}): Promise<TestCa[]> {
    const ladder: TestCa[] = [];
    let parent = root;
    for (let i = 0; i < length; i++) {
      parent = await makeIntermediateCa(parent, { name: `Intermediate ${length - i}`, ...options });
      ladder.unshift(parent);
    }
    return ladder;
  }

  beforeAll(async () => {
    root = await makeRootCa();
  });

  it('goes from the signer straight to the root that issued it', async () => {
    const leaf = await issueSigner(root);
    expect(await pathOf(leaf, [])).toEqual(hexes([leaf.certificateDer, root.certificateDer]));
  });

  it('is the signer alone when the signer is itself a trusted root', async () => {
    expect(await pathOf(root, [])).toEqual(hexes([root.certificateDer]));
  });

  it('climbs through intermediates given in any order, skipping ones that do not belong', async () => {
    const [lower, upper] = await intermediateLadder(2);
    const unrelated = await makeIntermediateCa(await makeRootCa({ name: 'Elsewhere' }), { name: 'Intermediate 1' });
    const leaf = await issueSigner(lower!);
    expect(await pathOf(leaf, [unrelated, upper!, root, lower!])).toEqual(hexes([leaf.certificateDer, lower!.certificateDer, upper!.certificateDer, root.certificateDer]));
  });

  it('allows six intermediates and no more', async () => {
    const six = await intermediateLadder(6);
    expect(await pathOf(await issueSigner(six[0]!), six)).toHaveLength(8);
    const seven = await intermediateLadder(7);
    expect(await pathOf(await issueSigner(seven[0]!), seven)).toBeUndefined();
  });

  it('honours an intermediate’s path length constraint', async () => {
    const zero = await makeIntermediateCa(root, { name: 'Issuing CA', pathLength: 0 });
    expect(await pathOf(await issueSigner(zero), [zero])).toHaveLength(3);
    const below = await makeIntermediateCa(zero, { name: 'Too deep' });
    expect(await pathOf(await issueSigner(below), [zero, below])).toBeUndefined();
  });

  it('finds no path through a root whose key usage lacks keyCertSign', async () => {
    const crlOnly = await makeRootCa({ name: 'CRL signer', keyUsage: ['cRLSign'] });
    expect(await pathOf(await issueSigner(crlOnly), [], [crlOnly])).toBeUndefined();
  });

  it('finds no path through a CA of the same name but another key', async () => {
    const impostor = await makeRootCa({ name: root.name });
    expect(await pathOf(await issueSigner(impostor), [impostor])).toBeUndefined();
  });
});

describe('key usage bits', () => {
  it('reads each bit of the extension, and undefined without one', async () => {
    const root = await makeRootCa();
    const signer = parseCertificate((await issueSigner(root, { keyUsage: ['digitalSignature', 'nonRepudiation'] })).certificateDer);
    expect([0, 1, 2, 5, 6].map((bit) => keyUsageBit(signer, bit))).toEqual([true, true, false, false, false]);
    const ca = parseCertificate(root.certificateDer);
    expect([0, 5, 6].map((bit) => keyUsageBit(ca, bit))).toEqual([false, true, true]);
    expect(keyUsageBit(parseCertificate((await issueSigner(root, { keyUsage: null })).certificateDer), 0)).toBeUndefined();
  });
});
