import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PGlite } from '@electric-sql/pglite';
import * as schema from './schema/index.ts';
import { acquireDirLock, type DirLock } from './dirLock.ts';

export type Db = NodePgDatabase<typeof schema>;

export interface Database {
  db: Db;
  pool: pg.Pool;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export type DatabaseTarget =
  /** `statementTimeoutMs` is set on every connection of the pool as it opens (see statementTimeout.ts). */
  | { kind: 'postgres'; url: string; poolSize?: number; statementTimeoutMs?: number }
  /**
   * `dir` null keeps the embedded database in memory (tests); `snapshot`, a dump of another
   * in-memory database (`dumpPglite`), is what it starts with instead of an empty cluster.
   */
  | { kind: 'pglite'; dir: string | null; snapshot?: Blob };

/** The engine under each open embedded database, for `dumpPglite`. */
const embeddedEngines = new WeakMap<Database, PGlite>();

/**
 * The whole cluster of an open embedded database as a tarball. Tests migrate one database and
 * start each test file's from this dump: loading it costs a third of the CPU of a fresh cluster's
 * initdb, and the migrations are not run again.
 */
export async function dumpPglite(database: Database): Promise<Blob> {
  const engine = embeddedEngines.get(database);
  if (!engine) throw new Error('Only an embedded (PGlite) database can be dumped');
  return engine.dumpDataDir('none');
}

/**
 * PGlite's protocol serializer calls `types.forEach`, but drizzle passes pg's type-parser object
 * as `types` on every query; unguarded, the query fails (and in some paths the process exits
 * silently). Drop a non-array `types` before PGlite sees it.
 */
function guardPgliteTypes(connection: { parse(query: { types?: unknown }): void }): void {
  const parse = connection.parse.bind(connection);
  connection.parse = (query) => {
    if (query.types !== undefined && !Array.isArray(query.types)) {
      const { types: _dropped, ...rest } = query;
      return parse(rest);
    }
    return parse(query);
  };
}

interface NodefsStream {
  nfd: number;
}

/**
 * PGlite on a directory is not durable as shipped: it starts PostgreSQL with `-F` (fsync off), and
 * the Emscripten file system under it has no fsync at all, so a commit is only in the OS's page
 * cache. That survives a killed process but not a power cut or a kernel panic, which can lose
 * acknowledged filings or leave the database unreadable. Sot turns fsync back on, makes the WAL
 * sync with `fsync` (Emscripten's `fdatasync` does nothing) and gives the file system a real one.
 * A failed fsync is reported to PostgreSQL, which stops rather than pretend the data is safe.
 */
async function durableNodeFs(dir: string) {
  const [{ NodeFS }, { fsyncSync }] = await Promise.all([import('@electric-sql/pglite/nodefs'), import('node:fs')]);
  class DurableNodeFS extends NodeFS {
    override async init(...args: Parameters<InstanceType<typeof NodeFS>['init']>) {
      const result = await super.init(...args);
      const preRun = [...(result.emscriptenOpts.preRun ?? [])];
      preRun.push((module: { NODEFS: { stream_ops: { fsync?: (stream: NodefsStream) => number } }; FS: { ErrnoError: new (errno: number) => Error } }) => {
        module.NODEFS.stream_ops.fsync = (stream) => {
          try {
            fsyncSync(stream.nfd);
          } catch (error) {
            // Some file systems cannot sync a directory; for a file, EIO is what PostgreSQL must hear.
            if ((error as NodeJS.ErrnoException).code === 'EINVAL') return 0;
            throw new module.FS.ErrnoError(29);
          }
          return 0;
        };
      });
      return { emscriptenOpts: { ...result.emscriptenOpts, preRun } as typeof result.emscriptenOpts };
    }
  }
  return new DurableNodeFS(dir);
}

async function openPglite(dir: string | null, snapshot?: Blob): Promise<Database> {
  const [{ PGlite }, { createPgConfig }, { pg_trgm }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/node-postgres'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ]);
  let lock: DirLock | undefined;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    // Two processes writing one PGlite directory corrupt it; the lock makes the second one fail fast.
    lock = acquireDirLock(path.join(dir, '..', `${path.basename(dir)}.lock`));
  }
  try {
    const extensions = { pg_trgm, unaccent };
    // PGlite's memory is a WebAssembly heap that grows and is never given back, and PostgreSQL's
    // defaults (128 MB of shared buffers, 64 MB per index build) were made for a server of its
    // own. The embedded database's files sit in the OS page cache anyway; smaller buffers keep
    // the whole demo process about 120 MB lighter at no visible cost for one machine's load.
    const memory = ['-c', 'shared_buffers=32MB', '-c', 'maintenance_work_mem=16MB'];
    const pglite = dir
      ? await PGlite.create({
          fs: await durableNodeFs(dir),
          extensions,
          startParams: [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync', ...memory],
        })
      : await PGlite.create({ extensions, loadDataDir: snapshot, startParams: [...PGlite.defaultStartParams, ...memory] });
    const config = createPgConfig(pglite);
    guardPgliteTypes(config.connection as unknown as Parameters<typeof guardPgliteTypes>[0]);
    const pool = new pg.Pool(config as unknown as pg.PoolConfig);
    const database: Database = {
      db: drizzle({ client: pool, schema }),
      pool,
      kind: 'pglite',
      async close() {
        await pool.end();
        await pglite.close();
        lock?.release();
      },
    };
    embeddedEngines.set(database, pglite);
    return database;
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * A pool whose lent-out clients come back by themselves when their connection ends. drizzle's
 * `transaction` takes a client and sends BEGIN before it enters its try/finally, so a BEGIN on a
 * connection the server has just dropped (a restart, a failover) never gives the client back: each
 * one would keep a place in the pool for good, and `pool.end()` would wait for it for ever. The
 * holder's own release of such a client, later, does nothing.
 */
class ReturningPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(callback?: (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    // The callback form is the pool's own `query`, which gives its client back on every path.
    if (callback) return super.connect(callback);
    return super.connect().then(returnedWhenLost);
  }
}

function returnedWhenLost(client: pg.PoolClient): pg.PoolClient {
  const release = client.release;
  let lost = false;
  const onEnd = () => {
    lost = true;
    release(new Error('The database connection ended while it was lent out'));
  };
  client.once('end', onEnd);
  client.release = (error) => {
    if (lost) return;
    client.off('end', onEnd);
    release(error);
  };
  return client;
}

/** The statement timeout each pool's connections were opened with, by the pool's drizzle handle. */
const connectionTimeouts = new WeakMap<Db, number>();

/** The statement timeout every connection behind `db` has from its start, or null (PostgreSQL's default, none). */
export function connectionStatementTimeout(db: Db): number | null {
  return connectionTimeouts.get(db) ?? null;
}

function openPostgres(url: string, poolSize = 10, statementTimeoutMs?: number): Database {
  const pool = new ReturningPool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
  });
  // A client losing its connection (server restart) must not crash the process. The pool hears
  // its idle clients; a client lent out, between the statements of a transaction, has no listener
  // of the pool's, so it gets one of its own: the statement that next uses it fails by itself, and
  // the pool drops it when it comes back.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzle({ client: pool, schema });
  if (statementTimeoutMs) connectionTimeouts.set(db, statementTimeoutMs);
  return { db, pool, kind: 'postgres', close: () => pool.end() };
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolSize, target.statementTimeoutMs) : openPglite(target.dir, target.snapshot);
}

export function databaseTargetFromConfig(config: { databaseUrl: string | undefined; dataDir: string; dbPoolSize: number }): DatabaseTarget {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.dbPoolSize }
    : { kind: 'pglite', dir: path.join(config.dataDir, 'db') };
}

/**
 * The read replica the public read paths use when DATABASE_READ_URL is set (a pool of its own,
 * as large as the primary's); null without one, and those paths read the primary.
 */
export function readDatabaseTargetFromConfig(config: { databaseReadUrl: string | undefined; dbPoolSize: number }): DatabaseTarget | null {
  return config.databaseReadUrl ? { kind: 'postgres', url: config.databaseReadUrl, poolSize: config.dbPoolSize } : null;
}

/**
 * The pool the public searches (judgments, hearing lists) run on, on PostgreSQL: the replica's
 * when there is one, else the primary's, with `statementTimeoutMs` set on each connection as it
 * opens, so a search is its statements alone, with no transaction around them to set it. Half
 * as many connections as the main pool, at least two: a storm of searches waits its turn in the
 * process rather than taking the connections filings and sign-ins need. Null on the embedded
 * database, whose one connection every search shares.
 */
export function searchDatabaseTargetFromConfig(
  config: { databaseUrl: string | undefined; databaseReadUrl: string | undefined; dbPoolSize: number },
  statementTimeoutMs: number,
): DatabaseTarget | null {
  const url = config.databaseReadUrl ?? config.databaseUrl;
  return url ? { kind: 'postgres', url, poolSize: Math.max(2, Math.ceil(config.dbPoolSize / 2)), statementTimeoutMs } : null;
}
