import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface DirLock {
  release(): void;
}

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

/** Who holds a lock: the process, when it started (Linux), on which boot, and a token of its own. */
export interface LockHolder {
  pid: number;
  /** Field 22 of /proc/<pid>/stat: clock ticks after boot; null where there is no /proc. */
  startTime: string | null;
  bootId: string | null;
  token: string;
}

/** Locks this process holds now, by absolute path: the same process opening a directory twice is refused. */
const heldHere = new Set<string>();

function readOptional(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** A process's start time in clock ticks since boot, or null where /proc does not say. */
export function processStartTime(pid: number): string | null {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) is in parentheses and may itself hold spaces or ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

const currentBootId = () => readOptional('/proc/sys/kernel/random/boot_id');

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder a lock file names; a bare pid is what earlier versions of Sot wrote. */
export function parseLockHolder(text: string): LockHolder | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), startTime: null, bootId: null, token: '' };
  try {
    const record = JSON.parse(trimmed) as Partial<LockHolder>;
    if (!Number.isInteger(record.pid) || record.pid! <= 0) return null;
    return { pid: record.pid!, startTime: record.startTime ?? null, bootId: record.bootId ?? null, token: record.token ?? '' };
  } catch {
    return null;
  }
}

/**
 * Whether the process a lock names is the one that wrote it, and still running.
 *
 * A pid alone does not say so. In a container the restarted Sot is usually PID 1 again, so a lock
 * left by a SIGKILLed predecessor names the new process itself; and a pid may by now belong to an
 * unrelated process. Node has no `flock`, which the kernel would drop with the process, so the lock
 * names its holder by what a dead process cannot keep: pid, the process's start time in
 * /proc/<pid>/stat and the boot id. Our own pid is live only if this process took the lock; a
 * live pid with another start time, or a lock from an earlier boot, is a dead holder's. Without
 * /proc (macOS), or for a lock written with a bare pid, a live pid other than ours counts as held.
 *
 * The lock guards one machine's (one PID namespace's) processes; two containers sharing one data
 * directory cannot see each other's processes, and must use PostgreSQL instead.
 */
export function holderAlive(holder: LockHolder, file: string): boolean {
  if (holder.pid === process.pid) return heldHere.has(file);
  if (!processAlive(holder.pid)) return false;
  const bootId = currentBootId();
  if (holder.bootId && bootId && holder.bootId !== bootId) return false;
  const startTime = processStartTime(holder.pid);
  if (holder.startTime && startTime) return holder.startTime === startTime;
  return true;
}

function ownRecord(): LockHolder {
  return { pid: process.pid, startTime: processStartTime(process.pid), bootId: currentBootId(), token: randomBytes(16).toString('hex') };
}

/**
 * An exclusive lock file naming its holder. A lock left by a process that died (or by an earlier
 * life of this pid) is taken over; a lock held by a live process is refused with a message saying
 * which. Releasing removes the file only while it is still ours.
 */
export function acquireDirLock(lockFile: string): DirLock {
  const file = path.resolve(lockFile);
  for (let attempt = 0; attempt < 3; attempt++) {
    const record = ownRecord();
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const text = readOptional(file);
      if (text === null) continue; // Released between our open and our read.
      const holder = parseLockHolder(text);
      if (holder && holderAlive(holder, file)) {
        throw new DataDirLockedError(
          `The embedded database is in use by process ${holder.pid} (lock file ${file}). ` +
            'Stop that process, or set DATABASE_URL to use a PostgreSQL server shared by several processes.',
        );
      }
      try {
        unlinkSync(file);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(record));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    heldHere.add(file);
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        heldHere.delete(file);
        // Someone who judged us dead may have taken the file over; theirs is not ours to remove.
        if (parseLockHolder(readOptional(file) ?? '')?.token !== record.token) return;
        try {
          unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      },
    };
  }
  throw new DataDirLockedError(`Could not lock ${file}`);
}
