/**
 * Files by content: each is stored once under its sha256, so the address proves the bytes and
 * the same scan uploaded twice costs nothing. Disk here; an object store can stand behind the
 * same interface.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredBlob {
  sha256: string;
  sizeBytes: number;
  /** Where the bytes sit until `commit`; content checks read them here. */
  stagedPath: string;
}

export class BlobTooLargeError extends Error {
  override name = 'BlobTooLargeError';
}

/**
 * Writes `source` to `file`, refusing it with BlobTooLargeError past `limit` bytes (the partial
 * file removed); `onChunk` sees every byte kept, e.g. to hash it. The source is piped into the
 * meter, not put in the pipeline: a pipeline destroys its source on error, and a request destroyed
 * so never hears our answer (Node 22 leaves it hanging). After a refusal the rest is read and
 * dropped, so the client hears it. A source that fails (a client gone) fails the write.
 */
export async function writeWithin(source: Readable, file: string, limit: number, onChunk?: (chunk: Buffer) => void): Promise<number> {
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) return done(new BlobTooLargeError(`more than ${limit} bytes`));
      onChunk?.(chunk);
      done(null, chunk);
    },
  });
  const written = pipeline(meter, createWriteStream(file, { mode: 0o600 }));
  const abandon = (error: Error) => meter.destroy(error);
  source.once('error', abandon);
  source.pipe(meter);
  try {
    await written;
  } catch (error) {
    source.unpipe(meter);
    await rm(file, { force: true });
    if (error instanceof BlobTooLargeError) source.resume();
    throw error;
  } finally {
    source.off('error', abandon);
  }
  return size;
}

export interface BlobStore {
  /** Streams the bytes to a staging file, counting and hashing; refuses past maxBytes. */
  stage(source: Readable, maxBytes: number): Promise<StoredBlob>;
  /**
   * Moves a staged file to its content address, replacing any file there (same address, same
   * bytes), durably: when it returns, the bytes and the name survive a crash or a power cut.
   */
  commit(staged: StoredBlob): Promise<void>;
  discard(staged: StoredBlob): Promise<void>;
  /** The file's bytes, or only those from `start` to `end` inclusive (a player's range request). */
  open(sha256: string, range?: { start: number; end: number }): Readable;
  exists(sha256: string): Promise<boolean>;
  remove(sha256: string): Promise<void>;
  /** Removes staged files older than the given time: uploads a crash or a dropped connection abandoned. */
  sweepStaging(olderThan: Date): Promise<number>;
}

/** A stored file's bytes, whole: for small files shown or checked in full (texts, signed manifests). */
export async function readBlob(store: BlobStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of store.open(sha256)) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

const SHA256 = /^[0-9a-f]{64}$/;

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A rename is durable once its directory is; some systems (Windows) cannot open a directory to sync it. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch (error) {
    if (['EISDIR', 'EPERM', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!['EINVAL', 'EPERM', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

export function createDiskBlobStore(root: string): BlobStore {
  const stagingDir = path.join(root, 'staging');
  const addressOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error('not a sha256');
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  return {
    async stage(source, maxBytes) {
      await mkdir(stagingDir, { recursive: true });
      const stagedPath = path.join(stagingDir, randomUUID());
      const hash = createHash('sha256');
      const sizeBytes = await writeWithin(source, stagedPath, maxBytes, (chunk) => hash.update(chunk));
      return { sha256: hash.digest('hex'), sizeBytes, stagedPath };
    },

    async commit(staged) {
      const target = addressOf(staged.sha256);
      const firstCreated = await mkdir(path.dirname(target), { recursive: true });
      // A row naming this file commits right after: the bytes must be on disk before the name,
      // and the name before the row, or a crash could leave a document pointing at nothing.
      await syncFile(staged.stagedPath);
      // Replacing rather than skipping: the clean-up may be removing an old copy at this moment.
      await rename(staged.stagedPath, target);
      await syncDirectory(path.dirname(target));
      // New fan-out directories are names too, each kept by its parent.
      if (firstCreated) for (let dir = path.dirname(target); dir !== path.dirname(firstCreated); dir = path.dirname(dir)) await syncDirectory(path.dirname(dir));
    },

    discard: (staged) => rm(staged.stagedPath, { force: true }),

    open: (sha256, range) => createReadStream(addressOf(sha256), range ? { start: range.start, end: range.end } : {}),

    async exists(sha256) {
      try {
        return (await stat(addressOf(sha256))).isFile();
      } catch {
        return false;
      }
    },

    remove: (sha256) => rm(addressOf(sha256), { force: true }),

    async sweepStaging(olderThan) {
      if (!existsSync(stagingDir)) return 0;
      let removed = 0;
      for (const name of await readdir(stagingDir)) {
        const file = path.join(stagingDir, name);
        const info = await stat(file).catch(() => null);
        if (info && info.mtimeMs < olderThan.getTime()) {
          await rm(file, { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}
