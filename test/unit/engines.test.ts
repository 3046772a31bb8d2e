import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// The README promises that `npm install && npm start` and `npm test` work on every Node that
// package.json's `engines` admits. A dependency that needs a newer Node (cookie 2 and
// content-disposition 3 need Node 22) breaks that promise silently on Node 20: npm only warns.
// So every package the lock file installs must accept the whole of Sot's range.
const ROOT = join(import.meta.dirname, '..', '..');
const readJson = (file: string): any => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

type LockedPackage = { version?: string; engines?: Record<string, string> | string[] };

/** The installed packages whose declared Node range leaves out some Node that `sotRange` admits. */
function packagesNarrowerThan(sotRange: string, packages: Record<string, LockedPackage>): string[] {
  const narrower: string[] = [];
  for (const [path, locked] of Object.entries(packages)) {
    if (path === '') continue; // Sot itself
    // A few old packages list engines as an array of strings, which npm ignores.
    const nodeRange = locked.engines && !Array.isArray(locked.engines) ? locked.engines.node : undefined;
    if (!nodeRange) continue;
    if (!semver.validRange(nodeRange) || !semver.subset(sotRange, nodeRange)) {
      narrower.push(`${path.replace(/^.*node_modules\//, '')}@${locked.version} needs node ${nodeRange}`);
    }
  }
  return narrower;
}

describe('the Node versions Sot declares', () => {
  const sotRange: string = readJson('package.json').engines.node;

  it('are a valid range that starts at Node 20.19 and includes the 22 LTS line', () => {
    expect(semver.validRange(sotRange)).not.toBeNull();
    expect(semver.minVersion(sotRange)?.version).toBe('20.19.0');
    expect(semver.satisfies('22.22.0', sotRange)).toBe(true);
  });

  it('include the Node running this test', () => {
    expect(semver.satisfies(process.versions.node, sotRange)).toBe(true);
  });

  it('are all supported by every package the lock file installs', () => {
    expect(packagesNarrowerThan(sotRange, readJson('package-lock.json').packages)).toEqual([]);
  });

  it('name a package that needs a newer Node than Sot declares', () => {
    const packages = {
      '': { version: '0.1.0', engines: { node: '^20.19.0 || ^22.13.0' } },
      'node_modules/cookie': { version: '2.0.2', engines: { node: '>=22' } },
      'node_modules/pg': { version: '8.23.1', engines: { node: '>= 16.0.0' } },
      'node_modules/old': { version: '1.0.0', engines: ['node >= 0.8'] },
      'node_modules/bare': { version: '1.0.0' },
      'node_modules/a/node_modules/vitest': { version: '4.1.12', engines: { node: '^20.0.0 || ^22.0.0 || >=24.0.0' } },
    };
    expect(packagesNarrowerThan('^20.19.0 || ^22.13.0', packages)).toEqual(['cookie@2.0.2 needs node >=22']);
    expect(packagesNarrowerThan('>=20.19', packages)).toEqual(['cookie@2.0.2 needs node >=22', 'vitest@4.1.12 needs node ^20.0.0 || ^22.0.0 || >=24.0.0']);
  });
});
