// The EDS worker thread in development and tests, where Sot runs from its TypeScript source: a
// worker does not inherit the loader its parent was started with, so it loads the source itself.
import { tsImport } from 'tsx/esm/api';

await tsImport('./verifyWorker.ts', import.meta.url);
