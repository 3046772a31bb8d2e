import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirLock, DataDirLockedError, parseLockHolder, processStartTime } from '../../src/db/dirLock.ts';

const lockFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'sot-lock-')), 'db.lock');
const hasProc = processStartTime(process.pid) !== null;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Another live process: one that holds the lock through Sot's own code, or one that just sleeps. */
async function liveProcess(lockPath?: string): Promise<ChildProcess> {
  const script = lockPath
    ? `import { acquireDirLock } from ${JSON.stringify(path.resolve('src/db/dirLock.ts'))}; acquireDirLock(${JSON.stringify(lockPath)}); console.log('locked'); setInterval(() => {}, 1000);`
    : `console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
  });
  return child;
}

describe('data directory lock', () => {
  it('refuses a second holder while the first lives, and frees the file on release', () => {
    const file = lockFile();
    const lock = acquireDirLock(file);
    expect(() => acquireDirLock(file)).toThrow(DataDirLockedError);
    lock.release();
    expect(existsSync(file)).toBe(false);
    acquireDirLock(file).release();
  });

  it('names its holder by pid, start time and boot, not by pid alone', () => {
    const file = lockFile();
    const lock = acquireDirLock(file);
    const holder = parseLockHolder(readFileSync(file, 'utf8'))!;
    expect(holder.pid).toBe(process.pid);
    expect(holder.token).toMatch(/^[0-9a-f]{32}$/);
    if (hasProc) expect(holder.startTime).toBe(processStartTime(process.pid));
    lock.release();
  });

  it('takes over a lock left by a process that died', () => {
    const file = lockFile();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(file, dead);
    acquireDirLock(file).release();
  });

  it('takes over a lock naming our own pid: a restarted container is PID 1 again', () => {
    const file = lockFile();
    // What our predecessor under the same pid left when it was killed: this process never took it.
    writeFileSync(file, JSON.stringify({ pid: process.pid, startTime: '1', bootId: null, token: 'f'.repeat(32) }));
    const lock = acquireDirLock(file);
    expect(parseLockHolder(readFileSync(file, 'utf8'))!.token).not.toBe('f'.repeat(32));
    lock.release();
    // A bare pid (the old format) naming us is stale as well.
    writeFileSync(file, String(process.pid));
    acquireDirLock(file).release();
  });

  it.skipIf(!hasProc)('takes over a lock naming a live process that started at another time than recorded', async () => {
    const file = lockFile();
    const unrelated = await liveProcess();
    const startTime = processStartTime(unrelated.pid!)!;
    writeFileSync(file, JSON.stringify({ pid: unrelated.pid, startTime: String(Number(startTime) - 1), bootId: null, token: 'a'.repeat(32) }));
    const lock = acquireDirLock(file);
    expect(parseLockHolder(readFileSync(file, 'utf8'))!.pid).toBe(process.pid);
    lock.release();
    // The same process, recorded with its true start time, is a live holder.
    writeFileSync(file, JSON.stringify({ pid: unrelated.pid, startTime, bootId: null, token: 'a'.repeat(32) }));
    expect(() => acquireDirLock(file)).toThrow(DataDirLockedError);
  });

  it.skipIf(!hasProc)('takes over a lock written on an earlier boot', async () => {
    const file = lockFile();
    const unrelated = await liveProcess();
    writeFileSync(file, JSON.stringify({ pid: unrelated.pid, startTime: processStartTime(unrelated.pid!), bootId: '00000000-0000-0000-0000-000000000000', token: 'b'.repeat(32) }));
    acquireDirLock(file).release();
  });

  it('refuses a lock a live process holds, and takes it over once that process is killed', async () => {
    const file = lockFile();
    const holder = await liveProcess(file);
    expect(() => acquireDirLock(file)).toThrow(new RegExp(`in use by process ${holder.pid}`));
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    acquireDirLock(file).release();
  });

  it('leaves a lock someone else took over in place when released', () => {
    const file = lockFile();
    const lock = acquireDirLock(file);
    const other = JSON.stringify({ pid: 2 ** 22 + 1, startTime: null, bootId: null, token: 'c'.repeat(32) });
    writeFileSync(file, other);
    lock.release();
    expect(readFileSync(file, 'utf8')).toBe(other);
  });
});
