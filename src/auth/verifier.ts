import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createSignatureVerifier, loadTrustedRoots, type SignatureVerifier } from '../adapters/eds/index.ts';
import { createThreadedVerifier } from '../adapters/eds/threadedVerifier.ts';
import { ConfigError, type Config } from '../config.ts';

/** DER certificates in a PEM file. */
export function pemCertificates(pem: string): Uint8Array[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g)].map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}

export const DEV_ROOT_FILE = 'root-ca.pem';

/**
 * Signatures must chain to the operator's roots (TRUSTED_ROOTS_DIR). In demo mode, and only
 * there, the development root from `sot pki dev-ca` is trusted too; demo mode is asked for
 * explicitly and refused in production, on PostgreSQL and at a public address.
 */
export function trustedRootsFromConfig(config: Config): Uint8Array[] {
  const roots = config.trustedRootsDir ? loadTrustedRoots(config.trustedRootsDir) : [];
  const devRoot = path.join(config.devPkiDir, DEV_ROOT_FILE);
  if (config.demo && existsSync(devRoot)) roots.push(...pemCertificates(readFileSync(devRoot, 'utf8')));
  // Without a root nobody could sign in; better to say so at start than at the first sign-in.
  if (!config.demo && roots.length === 0) {
    throw new ConfigError(`Invalid configuration:\n  TRUSTED_ROOTS_DIR: no certificate (*.pem, *.crt, *.cer, *.der) in ${config.trustedRootsDir ?? '(unset)'}`);
  }
  return roots;
}

/** The configured verifier; `close` stops its threads, when it has any. */
export function signatureVerifierFromConfig(config: Config): SignatureVerifier & { close?: () => Promise<void> } {
  const options = { trustedRoots: trustedRootsFromConfig(config), externalVerifierUrl: config.edsVerifierUrl, revocation: config.edsRevocation };
  return config.edsVerifyThreads > 0 ? createThreadedVerifier(options, config.edsVerifyThreads) : createSignatureVerifier(options);
}
