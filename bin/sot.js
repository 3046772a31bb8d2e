#!/usr/bin/env node
// The `sot` command. It runs the release in dist/; when there is none yet, or the sources have
// changed since it was built (a fresh checkout, a pull, an edit), it builds it first, so
// `npm install && npm start` needs no separate build step.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtStamp, DIST_DIR, ROOT_DIR, sourceStamp } from './sourceStamp.js';

if (builtStamp() !== sourceStamp()) {
  console.log(builtStamp() ? 'The sources changed since dist/ was built; building it again…' : 'Building dist/ (first start)…');
  // The build compiles with tsx, sass and esbuild, which a production install (`npm ci
  // --omit=dev`) leaves out: there dist/ comes built, from the image or the release archive.
  const build = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'src/build.ts')], { cwd: ROOT_DIR, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('Building dist/ failed; see above. `npm install` installs what the build needs.');
    process.exit(build.status ?? 1);
  }
}

const { runSot } = await import(pathToFileURL(path.join(DIST_DIR, 'cli.js')).href);
await runSot(process.argv.slice(2));
