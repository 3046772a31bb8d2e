/**
 * Trusted roots: loading them from a directory, and finding the path from a signer's certificate
 * to one of them through the CA certificates a CMS carries.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, certificateDer, parseCertificate, pkiEngine } from '../../pki/cms.ts';

const CERTIFICATE_FILE = /\.(pem|crt|cer|der)$/i;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g;

function certificatesInFile(file: string): Uint8Array[] {
  const bytes = new Uint8Array(readFileSync(file));
  const text = Buffer.from(bytes).toString('latin1');
  if (text.includes('-----BEGIN ')) {
    // PEM: certificates only; a key or CRL lying next to the roots is not a root.
    return [...text.matchAll(PEM_CERTIFICATE)].map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
  }
  return [bytes];
}

/** DER roots from *.pem, *.crt, *.cer, *.der in dir (PEM files may hold several); a missing dir gives none. */
export function loadTrustedRoots(dir: string): Uint8Array[] {
  if (!existsSync(dir)) return [];
  const roots: Uint8Array[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (!CERTIFICATE_FILE.test(name) || !statSync(file).isFile()) continue;
    for (const der of certificatesInFile(file)) {
      try {
        parseCertificate(der);
      } catch {
        throw new Error(`not an X.509 certificate: ${file}`);
      }
      roots.push(der);
    }
  }
  return roots;
}

const MAX_INTERMEDIATES = 6;
const KEY_CERT_SIGN = 5;

function extensionOf(certificate: pkijs.Certificate, id: string): pkijs.Extension | undefined {
  return certificate.extensions?.find((e) => e.extnID === id);
}

/** Bit n of a DER BIT STRING extension (keyUsage), or undefined when the extension is absent. */
export function keyUsageBit(certificate: pkijs.Certificate, bit: number): boolean | undefined {
  const extension = extensionOf(certificate, '2.5.29.15');
  if (!extension) return undefined;
  const value = asn1js.fromBER(extension.extnValue.getValue()).result;
  if (!(value instanceof asn1js.BitString)) return false;
  const bytes = value.valueBlock.valueHexView;
  return ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0;
}

/** A CA may sign for this many intermediates below it: basicConstraints cA, pathLen, keyCertSign. */
function mayIssue(ca: pkijs.Certificate, intermediatesBelow: number): boolean {
  const constraints = extensionOf(ca, '2.5.29.19')?.parsedValue;
  if (!(constraints instanceof pkijs.BasicConstraints) || (constraints as { parsingError?: string }).parsingError || !constraints.cA) return false;
  const pathLen = constraints.pathLenConstraint;
  const limit = typeof pathLen === 'number' ? pathLen : pathLen instanceof asn1js.Integer ? pathLen.valueBlock.valueDec : undefined;
  if (limit !== undefined && intermediatesBelow > limit) return false;
  return keyUsageBit(ca, KEY_CERT_SIGN) !== false;
}

function keyIdentifier(certificate: pkijs.Certificate, id: '2.5.29.14' | '2.5.29.35'): Uint8Array | undefined {
  const value = extensionOf(certificate, id)?.parsedValue;
  if (value instanceof asn1js.OctetString) return value.valueBlock.valueHexView;
  if (value instanceof pkijs.AuthorityKeyIdentifier && value.keyIdentifier) return value.keyIdentifier.valueBlock.valueHexView;
  return undefined;
}

function namesIssuer(child: pkijs.Certificate, parent: pkijs.Certificate): boolean {
  if (!child.issuer.isEqual(parent.subject)) return false;
  const authorityKey = keyIdentifier(child, '2.5.29.35');
  const subjectKey = keyIdentifier(parent, '2.5.29.14');
  return !authorityKey || !subjectKey || bytesEqual(authorityKey, subjectKey);
}

async function signedBy(child: pkijs.Certificate, parent: pkijs.Certificate): Promise<boolean> {
  try {
    return await child.verify(parent, pkiEngine());
  } catch {
    return false;
  }
}

/**
 * The path signer → intermediates (from `candidates`) → a trusted root, each link's signature
 * checked and each issuer a CA allowed to issue at its depth; undefined when there is none.
 * Validity dates are not looked at here, so an expired certificate of a trusted CA still has a path.
 */
export async function findTrustedPath(signer: pkijs.Certificate, candidates: pkijs.Certificate[], roots: pkijs.Certificate[]): Promise<pkijs.Certificate[] | undefined> {
  const signerDer = certificateDer(signer);
  if (roots.some((root) => bytesEqual(certificateDer(root), signerDer))) return [signer];
  const rootsDer = roots.map(certificateDer);
  const intermediates = candidates.filter((c) => !rootsDer.some((der) => bytesEqual(der, certificateDer(c))));

  const extend = async (chain: pkijs.Certificate[]): Promise<pkijs.Certificate[] | undefined> => {
    const current = chain[chain.length - 1]!;
    const below = chain.length - 1;
    for (const root of roots) {
      if (namesIssuer(current, root) && mayIssue(root, below) && (await signedBy(current, root))) return [...chain, root];
    }
    if (below >= MAX_INTERMEDIATES) return undefined;
    for (const candidate of intermediates) {
      if (chain.includes(candidate) || !namesIssuer(current, candidate) || !mayIssue(candidate, below)) continue;
      if (!(await signedBy(current, candidate))) continue;
      const found = await extend([...chain, candidate]);
      if (found) return found;
    }
    return undefined;
  };
  return extend([signer]);
}

/** The child names the parent as issuer and carries its key identifier, which the parent declares too. */
function namesIssuerByKeyId(child: pkijs.Certificate, parent: pkijs.Certificate): boolean {
  const authorityKey = keyIdentifier(child, '2.5.29.35');
  const subjectKey = keyIdentifier(parent, '2.5.29.14');
  return child.issuer.isEqual(parent.subject) && authorityKey !== undefined && subjectKey !== undefined && bytesEqual(authorityKey, subjectKey);
}

/**
 * The path signer → intermediates → a trusted root by names and key identifiers alone: each
 * certificate's issuer name is its parent's subject, its authority key identifier is the parent's
 * subject key identifier (both must be present), and each parent is a CA allowed to issue at its
 * depth. For GOST 34.310 certificates, whose signatures no JavaScript library can verify: the
 * external verifier checks the signatures along its own chain, and this check makes that chain
 * end at a root the operator trusts. Undefined when there is none.
 */
export function findNamedPath(signer: pkijs.Certificate, candidates: pkijs.Certificate[], roots: pkijs.Certificate[]): pkijs.Certificate[] | undefined {
  const signerDer = certificateDer(signer);
  if (roots.some((root) => bytesEqual(certificateDer(root), signerDer))) return [signer];
  const rootsDer = roots.map(certificateDer);
  const intermediates = candidates.filter((c) => !rootsDer.some((der) => bytesEqual(der, certificateDer(c))));

  const extend = (chain: pkijs.Certificate[]): pkijs.Certificate[] | undefined => {
    const current = chain[chain.length - 1]!;
    const below = chain.length - 1;
    const root = roots.find((r) => namesIssuerByKeyId(current, r) && mayIssue(r, below));
    if (root) return [...chain, root];
    if (below >= MAX_INTERMEDIATES) return undefined;
    for (const candidate of intermediates) {
      if (chain.includes(candidate) || !namesIssuerByKeyId(current, candidate) || !mayIssue(candidate, below)) continue;
      const found = extend([...chain, candidate]);
      if (found) return found;
    }
    return undefined;
  };
  return extend([signer]);
}
