import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived its last full collection before it
 * collects again, in percent. V8's own factor is up to four times: a server with some 50 MB of
 * live objects, loaded with ten connections of judgment search pages, grew to 320 MB of RSS, all
 * of it garbage a collection would have freed. Growing by half keeps it under 200 MB at the same
 * throughput (bench/RESULTS.md); the collections it adds are of a small heap.
 */
export const HEAP_GROWING_PERCENT = 50;

/** Sets the server's heap growth, unless whoever started node chose it with the same flag. */
export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
