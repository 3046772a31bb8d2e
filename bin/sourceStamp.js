// What a release in dist/ was built from: one hash over every file the build reads. The build
// writes it into dist/build.json; `sot` compares it with the checkout's before running dist/, so
// an edited source (or a pulled commit) is rebuilt and an untouched checkout starts at once.
// Plain JavaScript, because `sot` reads it before anything is compiled.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const DIST_DIR = path.join(ROOT_DIR, 'dist');
export const BUILD_INFO = path.join(DIST_DIR, 'build.json');

/** The build's inputs, relative to the checkout: sources, styles, static files, dependencies. */
const INPUTS = ['src', 'styles', 'public', 'bin/sourceStamp.js', 'package.json', 'package-lock.json', 'tsconfig.json'];

function filesUnder(relative) {
  const absolute = path.join(ROOT_DIR, relative);
  let entries;
  try {
    entries = readdirSync(absolute, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOTDIR') return [relative];
    if (error.code === 'ENOENT') return [];
    throw error;
  }
  return entries.flatMap((entry) => filesUnder(path.join(relative, entry.name)));
}

/** A sha256 over the inputs' paths and contents, in a fixed order. */
export function sourceStamp() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder).sort()) {
    hash.update(file.split(path.sep).join('/')).update('\0').update(readFileSync(path.join(ROOT_DIR, file))).update('\0');
  }
  return hash.digest('hex');
}

/** The stamp dist/ was built from, or null when there is no complete build. */
export function builtStamp() {
  try {
    return JSON.parse(readFileSync(BUILD_INFO, 'utf8')).sourceStamp ?? null;
  } catch {
    return null;
  }
}
