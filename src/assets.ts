/**
 * The release's assets as the running server sees them: where `npm run build` put the page
 * scripts and the stylesheet (named by their content hash, so browsers keep them for a year)
 * and the static files. Read only; building is `src/build.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One built asset: its address, and what a browser downloads to run it (itself and its static imports). */
export interface BuiltAsset {
  url: string;
  bytes: number;
  gzipBytes: number;
  /** Chunks the script imports only on demand (the demo signer). */
  lazy?: string[];
}

/** Assets by their name in the sources: `sot.css`, `signin.js`, … */
export type AssetManifest = Record<string, BuiltAsset>;

/** `dist/build.json`: what the release was built from, and its assets. */
export interface BuildInfo {
  sourceStamp: string;
  builtAt: string;
  assets: AssetManifest;
}

// This module runs from src/ (tests, `npm run dev`) and from a chunk in dist/ (a release); either
// way the checkout is one level up and the release is its dist/.
const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const DIST_DIR = path.join(ROOT_DIR, 'dist');
/** Sot's own static files and the built assets, served at /public/. */
export const PUBLIC_DIR = path.join(DIST_DIR, 'public');
/** GOV.UK Frontend's and MOJ Frontend's images, served at /assets/. */
export const VENDOR_ASSETS_DIR = path.join(DIST_DIR, 'assets');

export class MissingBuildError extends Error {
  constructor(file: string) {
    super(`${file} is missing: build the release first (npm run build), or start Sot with "sot start", which builds it.`);
    this.name = 'MissingBuildError';
  }
}

let cached: BuildInfo | undefined;

/** The release's build information, read once. */
export function buildInfo(): BuildInfo {
  if (cached) return cached;
  const file = path.join(DIST_DIR, 'build.json');
  try {
    cached = JSON.parse(readFileSync(file, 'utf8')) as BuildInfo;
  } catch {
    throw new MissingBuildError(file);
  }
  return cached;
}

/** A built asset by its source name (`signin.js`, `sot.css`). */
export function builtAsset(name: string): BuiltAsset {
  const asset = buildInfo().assets[name];
  if (!asset) throw new Error(`No built asset named ${name}; see CLIENT_ENTRIES in src/build.ts.`);
  return asset;
}
