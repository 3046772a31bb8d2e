import path from 'node:path';
import { createDiskBlobStore } from '../adapters/storage/blobStore.ts';
import { refreshRecentStatistics } from '../commands/courtStatistics.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { MAX_PERIOD_MONTHS } from '../domain/courtStatistics.ts';
import { openDevPki } from '../pki/devCa.ts';
import { seedDemo } from './demo.ts';
import { seedDemoActs } from './demoActs.ts';
import { seedDemoHearingRecords, seedDemoRecordings } from './demoRecordings.ts';
import { demoPeople } from './people.ts';
import { carryMciIntoThisYear } from './standInMci.ts';

/**
 * A demo portal's start (`config.demo`): its data on a new embedded database, and the demo CA.
 * `server.ts` imports this module in demo mode only, so no production process loads the seed
 * data, the demo CA's PKI code or the demo acts' PDF rendering. Returns whether it seeded.
 */
export async function startDemo(config: Config, database: Database): Promise<boolean> {
  // Demo data only where a newcomer runs the portal on its own database, never in production.
  const seeded = database.kind === 'pglite' ? await seedDemo(database.db) : null;
  if (seeded?.seeded) console.log(`Demo data: ${seeded.courts} courts, ${seeded.people} people, ${seeded.cases} cases.`);
  // Checked at every start, not only the first: a demo seeded in December is restarted in January.
  const carried = seeded ? await carryMciIntoThisYear(database.db, new Date(), (from) => `Demo value, not the law: the ${from} MCI carried over until the budget law's value is entered`) : null;
  if (carried) console.log(`Demo: the MCI for ${carried} was not entered; the demo uses the last year's value, marked as a demo value on /admin/reference.`);
  // The demo CA for the in-browser signer, its root trusted in demo mode only; each person's keys
  // are issued when first asked for, by the demo's acts below or by the signer.
  const devPki = await openDevPki(config.devPkiDir, demoPeople());
  if (!seeded?.seeded) return false;
  const blobs = createDiskBlobStore(path.join(config.dataDir, 'blobs'));
  // The demo's decisions are signed with its judges' demo certificates, so they need both.
  await seedDemoActs(database.db, blobs, devPki);
  await seedDemoRecordings(database.db, blobs);
  await seedDemoHearingRecords(database.db, blobs);
  // Counted once the demo's acts are issued, so its statistics page has figures from the start.
  await refreshRecentStatistics(database.db, MAX_PERIOD_MONTHS, new Date());
  return true;
}
