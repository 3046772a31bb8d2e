import { parseArgs } from 'node:util';
import { MissingBuildError } from './assets.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './db/dirLock.ts';
import { databaseTargetFromConfig, openDatabase, type Database } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { openMissingTrialTerms } from './commands/trialTerms.ts';
import { auditKeyring, describeAuditVerification, recordAuditCheck, sealAuditChain, useAuditKeys, verifyAuditChain } from './db/audit.ts';
import { ensureBenchCases } from './db/benchData.ts';
import { ensureBenchHearings } from './db/benchHearings.ts';
import { ensureBenchJudgments } from './db/benchJudgments.ts';
import { seedDemo } from './seed/demo.ts';
import { refreshCourtStatistics, refreshRecentStatistics } from './commands/courtStatistics.ts';
import { addMonths, isMonth, MAX_PERIOD_MONTHS, monthIndex, monthOfDay, type Month } from './domain/courtStatistics.ts';
import { courtDateIso } from './domain/courtTime.ts';
import { demoPeople } from './seed/people.ts';
import { boundHeapGrowth } from './heapGrowth.ts';
import { createDevPki, DEV_PKCS12_PASSWORD } from './pki/devCa.ts';
import { startServer, stopOnSignals } from './server.ts';
import { REFERENCE_USAGE, referenceCommand } from './referenceCli.ts';

const USAGE = `Usage: sot <command>

Commands:
  start [--demo] [--role web|worker|all]
                  run the portal; --demo adds demo data, demo certificates and stand-ins
                  for the card acquirer, SMS and e-mail (local trial only); --role web
                  serves HTTP only, --role worker runs the background jobs only (both on
                  PostgreSQL), all (the default) does both in one process
  migrate         apply pending database migrations
  seed --demo     fill an empty database with the demo courts, people and cases
  stats refresh [--from YYYY-MM] [--to YYYY-MM]
                  count the court statistics again for a period (by default the last
                  24 months); the worker recounts the current and previous month nightly
  audit verify    check the audit log's keyed hash chain; names the first broken entry
                  and exits 2 when there is one
  pki dev-ca      make the development CA and demo keys (PKCS#12, sign-in and signing) in DATA_DIR/pki
  bench-data --cases N [--judgments M]
                  top the database up to N synthetic cases for benchmarks, and the
                  judgment bank up to M published judgments in Russian and Kazakh
${REFERENCE_USAGE}
                  the values of the law operators keep: each year's MCI, the court
                  calendar, dated limits; each change needs the act that makes it law

Configuration comes from environment variables; see README.md.`;

async function withDatabase<T>(run: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  useAuditKeys(auditKeyring(config.audit));
  const database = await openDatabase(databaseTargetFromConfig(config));
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: {
      demo: { type: 'boolean' },
      role: { type: 'string' },
      cases: { type: 'string' },
      judgments: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      basis: { type: 'string' },
      name: { type: 'string' },
      religious: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
    }, });
  const [command, sub] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  switch (command) {
    case 'start': {
      boundHeapGrowth();
      const server = await startServer(loadConfig(process.env, { demo: values.demo === true, serve: true, ...(values.role !== undefined ? { role: values.role } : {}) }));
      stopOnSignals(server);
      return -1;
    }
    case 'migrate':
      await withDatabase(async (database) => {
        await migrateDatabase(database);
        await sealAuditChain(database.db);
        const terms = await openMissingTrialTerms(database.db);
        if (terms.opened + terms.skipped > 0) console.log(`Terms of preparation and consideration: ${terms.opened} opened, ${terms.skipped} left for want of a recorded date or calendar year.`);
      });
      console.log('Migrations applied.');
      return 0;
    case 'seed': {
      if (!values.demo) {
        console.error('Only demo data can be seeded: sot seed --demo');
        return 1;
      }
      const result = await withDatabase(async (database) => {
        await migrateDatabase(database);
        const seeded = await seedDemo(database.db);
        // The demo shows statistics from the start, not after the first night.
        if (seeded.seeded) await refreshRecentStatistics(database.db, MAX_PERIOD_MONTHS, new Date());
        return seeded;
      });
      console.log(result.seeded ? `Seeded ${result.courts} courts, ${result.people} people, ${result.cases} cases.` : 'The database already has courts; nothing seeded.');
      return 0;
    }
    case 'bench-data': {
      const total = values.cases === undefined ? 0 : Number(values.cases);
      const bank = values.judgments === undefined ? 0 : Number(values.judgments);
      if (!Number.isInteger(total) || total < 0 || !Number.isInteger(bank) || bank < 0 || total + bank < 1) {
        console.error('Give the number of cases or judgments: sot bench-data --cases 1000000 --judgments 1000000');
        return 1;
      }
      await withDatabase(async (database) => {
        await migrateDatabase(database);
        await seedDemo(database.db);
        if (total > 0) {
          const result = await ensureBenchCases(database.db, total);
          console.log(`Benchmark cases: ${result.existing} existed, ${result.added} added.`);
          const heard = await ensureBenchHearings(database.db, new Date());
          console.log(`Benchmark hearings on ${heard.days[0]}…${heard.days.at(-1)}: ${heard.existing} existed, ${heard.added} added.`);
        }
        if (bank > 0) {
          const started = Date.now();
          const result = await ensureBenchJudgments(database.db, bank, 2_000, (done) => {
            if (done % 100_000 === 0) console.log(`… ${done} judgments`);
          });
          console.log(`Benchmark judgments: ${result.existing} existed, ${result.added} added in ${Math.round((Date.now() - started) / 1000)} s.`);
        }
      });
      return 0;
    }
    case 'pki': {
      if (sub !== 'dev-ca') break;
      const config = loadConfig();
      if (config.isProduction) {
        console.error('The development CA is not for production.');
        return 1;
      }
      const pki = await createDevPki(config.devPkiDir, demoPeople());
      console.log(`Development CA in ${config.devPkiDir}: ${pki.files.length} demo people, each with an authentication and a signing key (PKCS#12 password "${DEV_PKCS12_PASSWORD}").`);
      return 0;
    }
    case 'reference':
      return withDatabase(async (database) => {
        await migrateDatabase(database);
        return referenceCommand(database.db, positionals.slice(1), values, new Date(), (line) => console.log(line));
      });
    case 'stats': {
      if (sub !== 'refresh') break;
      const now = new Date();
      const to = values.to ?? monthOfDay(courtDateIso(now));
      const from = values.from ?? addMonths(to as Month, -(MAX_PERIOD_MONTHS - 1));
      if (!isMonth(from) || !isMonth(to) || monthIndex(from) > monthIndex(to)) {
        console.error('Give the months as YYYY-MM, the first not after the last: sot stats refresh --from 2025-01 --to 2026-12');
        return 1;
      }
      const result = await withDatabase(async (database) => {
        await migrateDatabase(database);
        return refreshCourtStatistics(database.db, from, to, now);
      });
      console.log(`Court statistics counted for ${result.months} months (${result.rows} rows).`);
      return 0;
    }
    case 'audit': {
      if (sub !== 'verify') break;
      const result = await withDatabase(async (database) => {
        const verification = await verifyAuditChain(database.db);
        await recordAuditCheck(database.db, verification, 'console', new Date());
        return verification;
      });
      (result.ok ? console.log : console.error)(describeAuditVerification(result));
      return result.ok ? 0 : 2;
    }
  }
  console.error(`Unknown command: ${[command, sub].filter(Boolean).join(' ')}\n\n${USAGE}`);
  return 1;
}

/**
 * Runs one `sot` command and exits with its code; `start` keeps running until a signal stops it.
 * Called by `bin/sot.js` (the release in dist/) and `src/main.ts` (`node dist/server.js`).
 */
export async function runSot(argv: string[]): Promise<void> {
  try {
    const code = await main(argv);
    if (code >= 0) process.exit(code);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof MissingBuildError) {
      console.error(error.message);
      process.exit(78);
    }
    // An option without its value, or one sot does not know (e.g. `start --role`).
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      process.exit(1);
    }
    throw error;
  }
}
