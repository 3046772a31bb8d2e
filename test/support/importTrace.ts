import { readFileSync } from 'node:fs';
import path from 'node:path';

/** `node --import` this to have a process write every module it loads to SOT_IMPORT_TRACE. */
export const IMPORT_TRACE = path.resolve('test/support/importTrace.mjs');

/** The module URLs a traced process loaded. */
export const modulesLoaded = (trace: string): string[] => readFileSync(trace, 'utf8').split('\n').filter(Boolean);

/** The packages (by name, scoped or not) those modules come from. */
export function packagesLoaded(urls: string[]): Set<string> {
  return new Set(urls.flatMap((url) => [.../node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.slice(1, 2) ?? []]));
}
