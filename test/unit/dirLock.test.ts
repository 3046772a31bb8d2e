import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDirLock, DataDirLockedError } from '../../src/db/dirLock.ts';

describe('data directory lock', () => {
  it('refuses a second holder while the first lives, and frees the file on release', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sot-lock-')), 'db.lock');
    const lock = acquireDirLock(file);
    expect(() => acquireDirLock(file)).toThrow(DataDirLockedError);
    lock.release();
    expect(existsSync(file)).toBe(false);
    acquireDirLock(file).release();
  });

  it('takes over a lock left by a process that died', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sot-lock-')), 'db.lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(file, dead);
    const lock = acquireDirLock(file);
    lock.release();
  });
});
