import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { OPERATOR_SETTINGS } from '../support/app.ts';

const SOT = path.resolve('bin/sot.js');

function sot(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, [SOT, ...args], { env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, out: result.stdout + result.stderr };
}

/** Runs `sot start` and waits for the address it listens on. */
async function startSot(args: string[], env: Record<string, string>) {
  const server = spawn(process.execPath, [SOT, 'start', ...args], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env } });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    // A server that has not answered yet is still starting: stop it, or it outlives the test run.
    const timer = setTimeout(() => (server.kill('SIGTERM'), reject(new Error(`server did not start:\n${output}`))), 60_000);
    server.stdout.on('data', () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  const exit = new Promise<number | null>((resolve) => server.on('exit', resolve));
  return { url, output: () => output, stop: () => (server.kill('SIGTERM'), exit) };
}

describe('the sot command', () => {
  it('migrates, seeds once and verifies the audit chain', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-cli-'));
    expect(sot(['migrate'], dataDir)).toMatchObject({ code: 0, out: expect.stringContaining('Migrations applied') });
    expect(sot(['seed', '--demo'], dataDir)).toMatchObject({ code: 0, out: expect.stringMatching(/Seeded \d+ courts, \d+ people, \d+ cases/) });
    expect(sot(['seed', '--demo'], dataDir)).toMatchObject({ code: 0, out: expect.stringContaining('nothing seeded') });
    expect(sot(['audit', 'verify'], dataDir)).toMatchObject({ code: 0, out: expect.stringMatching(/Audit log intact: \d+ entries; head \d+ at \S+, hash [0-9a-f]{64}/) });
  });

  it('names the first broken entry of the audit log and exits non-zero, and needs the key the log was written with', async () => {
    // The suite's first demo start (test/support/demoSetup.ts) left a seeded, audited log to break.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-cli-'));
    cpSync(inject('demoDataDir'), dataDir, { recursive: true });
    expect(sot(['audit', 'verify'], dataDir).code).toBe(0);
    const database = await openDatabase({ kind: 'pglite', dir: path.join(dataDir, 'db') });
    let victim: { id: number; action: string };
    try {
      [victim] = (await database.pool.query<{ id: number; action: string }>('select id::int, action from audit_log order by id offset 1 limit 1')).rows as [{ id: number; action: string }];
      await database.pool.query(`update audit_log set data = '{}' where id = $1`, [victim.id]);
    } finally {
      await database.close();
    }
    const broken = sot(['audit', 'verify'], dataDir);
    expect(broken.code).toBe(2);
    expect(broken.out).toContain(`Audit log broken at entry ${victim.id} (`);
    expect(broken.out).toContain(`, ${victim.action}): its content does not match its hash`);
    // With another key than the one in DATA_DIR the first entry is already unverifiable.
    const otherKey = spawnSync(process.execPath, [SOT, 'audit', 'verify'], { env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn', AUDIT_KEY: 'another-key-9Xw2Lq7Rt4Vb1Nc8Mj5Pk3Gf6Sd0Hz' }, encoding: 'utf8' });
    expect(otherKey.status).toBe(2);
    expect(otherKey.stderr).toContain('made with a key not given in AUDIT_KEY');
  });

  it('keeps the values of the law from the console, each with its act', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-cli-'));
    expect(sot(['reference', 'mci', 'set', '2031', '5100'], dataDir)).toMatchObject({ code: 1, out: expect.stringContaining('Enter the legal basis') });
    expect(sot(['reference', 'mci', 'set', '2031', '5100', '--basis', 'Law on the republican budget for 2031–2033, Art. 9'], dataDir)).toMatchObject({ code: 0, out: expect.stringContaining('MCI for 2031 set to 5100') });
    expect(sot(['reference', 'mci', 'list'], dataDir).out).toMatch(/^2031\t5100\tLaw on the republican budget for 2031–2033, Art\. 9/m);
  });

  it('explains a bad setting and an unknown command instead of crashing', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-cli-'));
    const bad = spawnSync(process.execPath, [SOT, 'migrate'], { env: { ...process.env, DATA_DIR: dataDir, PORT: 'abc' }, encoding: 'utf8' });
    expect(bad.status).toBe(78);
    expect(bad.stderr).toContain('PORT');
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(sot(['fly'], dataDir)).toMatchObject({ code: 1, out: expect.stringContaining('Unknown command: fly') });
  });

  it('starts, refuses a second process on the same embedded database, and stops cleanly on SIGTERM', async () => {
    // A restart of the demo the suite started first (test/support/demoSetup.ts), which saves
    // seeding and issuing every demo person's keys again; the lock is the same either way.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-cli-'));
    cpSync(inject('demoDataDir'), dataDir, { recursive: true });
    const server = await startSot(['--demo'], { DATA_DIR: dataDir });
    const url = server.url;
    const health = await fetch(`${url}/health`);
    expect(await health.json()).toEqual({ status: 'ok', db: 'ok' });

    const second = sot(['migrate'], dataDir);
    expect(second.code).toBe(78);
    expect(second.out).toContain('in use by process');

    expect(await server.stop()).toBe(0);
    // The lock went with it: the data directory opens again.
    expect(sot(['audit', 'verify'], dataDir).code).toBe(0);
  });

  it('serves no demo unless asked: no demo data, certificates, outbox or stand-ins', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-cli-'));
    const server = await startSot([], { DATA_DIR: dataDir, NODE_ENV: 'development', ...OPERATOR_SETTINGS, TRUSTED_ROOTS_DIR: path.resolve(OPERATOR_SETTINGS.TRUSTED_ROOTS_DIR) });
    try {
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      for (const address of ['/dev/outbox', '/dev/pki/citizen.p12', '/sandbox/acquirer/pay', '/sandbox/sms/messages']) {
        expect((await fetch(`${server.url}${address}`)).status, address).toBe(404);
      }
      expect(await (await fetch(`${server.url}/login`)).text()).not.toContain('id="demo-handle"');
      expect((await fetch(`${server.url}/`)).status).toBe(200);
      expect(existsSync(path.join(dataDir, 'pki'))).toBe(false);
      expect(server.output()).not.toContain('Demo data');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('refuses the demo with a clear message on PostgreSQL or at a public address, and says what an operator must set', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-cli-'));
    const start = (args: string[], env: Record<string, string>) => spawnSync(process.execPath, [SOT, 'start', ...args], { env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development', ...env }, encoding: 'utf8', timeout: 60_000 });
    for (const [args, env, message] of [
      [['--demo'], { DATABASE_URL: 'postgres://sot@127.0.0.1:5432/sot' }, 'demo mode runs only on the embedded database'],
      [['--demo'], { PUBLIC_URL: 'https://sot.example.kz' }, 'demo mode runs only at a local address'],
      [[], { DEMO: '1', NODE_ENV: 'production' }, 'demo mode cannot be enabled in production'],
      [[], {}, 'ACQUIRER_URL'],
    ] as const) {
      const result = start([...args], env);
      expect(result.status, message).toBe(78);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(start([], {}).stderr).toContain('npm start');
  });
});
