import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundHeapGrowth } from '../../src/heapGrowth.ts';

const child = path.resolve('test/support/heapGrowthChild.mjs');
const peakOf = (mode: 'bound' | 'default') => (JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', child, mode], { encoding: 'utf8' })) as { peak: number }).peak;

describe('the server’s heap growth', { timeout: 60_000 }, () => {
  it('keeps a process that makes garbage around a live set to a much smaller heap than V8 would', () => {
    const unbounded = peakOf('default');
    const bounded = peakOf('bound');
    // Seen: 189–199 MB against 102 MB.
    expect(bounded).toBeLessThan(unbounded * 0.75);
  });

  it('leaves the growth alone when node was started with the flag', () => {
    expect(boundHeapGrowth(['--heap-growing-percent=80'])).toBe(false);
    expect(boundHeapGrowth(['--heap_growing_percent', '80'])).toBe(false);
  });
});
