// `node --import ./test/support/importTrace.mjs …`: writes every module the process loads (one
// URL a line) to the file SOT_IMPORT_TRACE names, so a test can read a process's import graph.
import { register } from 'node:module';

register(new URL('./importTraceHooks.mjs', import.meta.url), { data: { file: process.env.SOT_IMPORT_TRACE } });
