/**
 * `node dist/server.js`: the portal, as `sot start` runs it (arguments after it are `start`'s:
 * `node dist/server.js --demo`). `npm run dev` runs this file through tsx.
 */
import { runSot } from './cli.ts';

await runSot(['start', ...process.argv.slice(2)]);
