import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newVerifyCode } from '../../src/auth/tokens.ts';
import { isVerifyCode, verifyCodeOf } from '../../src/domain/talonNumber.ts';

const root = path.resolve(import.meta.dirname, '../..');
const depcruise = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** The project's own rules over a tree laid out as src/ is; the violations they find. */
function cruise(cwd: string): Violation[] {
  const run = spawnSync(process.execPath, [depcruise, 'src', '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!run.stdout) throw new Error(`dependency-cruiser did not run: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const fixtures = path.join(root, 'test/fixtures/layering');
const found = (violations: Violation[]) => violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to.replace(/^.*node_modules\/([^/]+)\/.*$/, '$1')}`).sort();

// Sot itself is cruised by `npm run lint:deps`, which `npm test` runs with the checks.
describe('layering rules (.dependency-cruiser.cjs)', () => {
  let violations: Violation[] = [];
  beforeAll(() => {
    violations = cruise(fixtures);
  }, 30_000);

  it('names every import that crosses a layer the wrong way, and nothing else', () => {
    expect(found(violations)).toEqual([
      'domain-is-pure: src/domain/readsFiles.ts -> fs',
      'domain-is-pure: src/domain/usesDb.ts -> src/db/schema.ts',
      'inner-layers-never-reach-out: src/queries/rendersPage.ts -> src/views/page.ts',
      'no-cycles: src/queries/first.ts -> src/queries/second.ts',
      'routes-never-query: src/routes/drizzle.ts -> drizzle-orm',
      'routes-never-query: src/routes/mixed.ts -> src/db/schema.ts',
      'routes-never-query: src/routes/queries.ts -> src/db/schema.ts',
      'views-never-query: src/views/commandPage.ts -> src/commands/act.ts',
      'views-never-query: src/views/page.ts -> src/db/schema.ts',
    ]);
  });

  it('lets the domain use typebox and hashes, and a route name a database type', () => {
    const flagged = new Set(violations.map((v) => v.from));
    expect(flagged.has('src/domain/pure.ts')).toBe(false);
    expect(flagged.has('src/routes/typeOnly.ts')).toBe(false);
  });
});

// The import rules let the domain have node:crypto for its hashes; what it must not do with it (or
// without it) is only visible in the text.
describe('the domain', () => {
  it('makes no random values and reads no clock, environment or console', () => {
    const dir = path.join(root, 'src/domain');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const impure = /\b(randomBytes|randomUUID|randomInt|getRandomValues)\b|Math\.random|Date\.now\(|new Date\(\)|\bprocess\.|\bconsole\./;
    const found = files.filter((f) => impure.test(readFileSync(path.join(dir, f), 'utf8')));
    expect(files.length).toBeGreaterThan(40);
    expect(found).toEqual([]);
  });
});

describe('verify codes', () => {
  it('are made from the random bytes given, so the rule stays pure', () => {
    expect(verifyCodeOf(new Uint8Array(12))).toBe('000000000000');
    expect(verifyCodeOf(new Uint8Array(12).fill(31))).toBe('ZZZZZZZZZZZZ');
    expect(() => verifyCodeOf(new Uint8Array(11))).toThrow(RangeError);
  });

  it('come out different and well formed at the edge', () => {
    const codes = new Set(Array.from({ length: 50 }, () => newVerifyCode()));
    expect(codes.size).toBe(50);
    for (const code of codes) expect(isVerifyCode(code)).toBe(true);
  });
});
