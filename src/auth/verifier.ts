import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createSignatureVerifier, loadTrustedRoots, type SignatureVerifier } from '../adapters/eds/index.ts';
import { ConfigError, type Config } from '../config.ts';

/** DER certificates in a PEM file. */
export function pemCertificates(pem: string): Uint8Array[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g)].map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}

export const DEV_ROOT_FILE = 'root-ca.pem';

/**
 * Signatures must chain to the operator's roots (TRUSTED_ROOTS_DIR). In demo mode the development
 * root from `sot pki dev-ca` is trusted too — never in production, where demo mode is refused.
 */
export function signatureVerifierFromConfig(config: Config): SignatureVerifier {
  const roots = config.trustedRootsDir ? loadTrustedRoots(config.trustedRootsDir) : [];
  const devRoot = path.join(config.devPkiDir, DEV_ROOT_FILE);
  if (config.demo && existsSync(devRoot)) roots.push(...pemCertificates(readFileSync(devRoot, 'utf8')));
  // Without a root nobody could sign in; better to say so at start than at the first sign-in.
  if (config.isProduction && roots.length === 0) {
    throw new ConfigError(`Invalid configuration:\n  TRUSTED_ROOTS_DIR: no certificate (*.pem, *.crt, *.cer, *.der) in ${config.trustedRootsDir ?? '(unset)'}`);
  }
  return createSignatureVerifier({ trustedRoots: roots, externalVerifierUrl: config.edsVerifierUrl, revocation: config.edsRevocation });
}
