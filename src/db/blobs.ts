/**
 * The database's record of stored files, kept in step with the files themselves. Keeping a file
 * and cleaning an unreferenced one up take the same per-file lock, so a clean-up can never
 * remove a file that an upload of the same bytes has just claimed.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { BlobStore, StoredBlob } from '../adapters/storage/blobStore.ts';
import type { Db } from './client.ts';
import { blobs, documents, filingAttachments, recordings } from './schema/index.ts';
import type { Tx } from './tx.ts';

const lockBlob = (tx: Tx, sha256: string) => tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`blob:${sha256}`}))`);

/** Records the staged file (or refreshes its record) and moves it to its content address. */
export async function keepBlob(db: Db, store: BlobStore, staged: StoredBlob, mediaType: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await lockBlob(tx, staged.sha256);
    await tx
      .insert(blobs)
      .values({ sha256: staged.sha256, sizeBytes: staged.sizeBytes, mediaType, createdAt: now })
      .onConflictDoUpdate({ target: blobs.sha256, set: { createdAt: now } });
    await store.commit(staged);
  });
}

const unreferenced = (sha: typeof blobs.sha256) =>
  and(
    sql`not exists (select 1 from ${filingAttachments} where ${filingAttachments.sha256} = ${sha})`,
    sql`not exists (select 1 from ${documents} where ${documents.sha256} = ${sha})`,
    sql`not exists (select 1 from ${recordings} where ${recordings.sha256} = ${sha})`,
  );

/**
 * Removes files no filing, document or recording names any more (a removed attachment, a deleted draft,
 * an upload that failed half-way), once they are older than the grace period; and staged files
 * an interrupted upload left behind.
 */
export async function cleanUpBlobs(db: Db, store: BlobStore, now: Date, graceMs = 24 * 3_600_000): Promise<{ removed: number; staged: number }> {
  const cutoff = new Date(now.getTime() - graceMs);
  const candidates = await db.select({ sha256: blobs.sha256 }).from(blobs).where(and(lt(blobs.createdAt, cutoff), unreferenced(blobs.sha256))).limit(1000);
  let removed = 0;
  for (const { sha256 } of candidates) {
    await db.transaction(async (tx) => {
      await lockBlob(tx, sha256);
      const gone = await tx
        .delete(blobs)
        .where(and(eq(blobs.sha256, sha256), lt(blobs.createdAt, cutoff), unreferenced(blobs.sha256)))
        .returning({ sha256: blobs.sha256 });
      if (gone.length > 0) {
        await store.remove(sha256);
        removed++;
      }
    });
  }
  return { removed, staged: await store.sweepStaging(cutoff) };
}
