import { eq } from 'drizzle-orm';
import { mkdtempSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDiskBlobStore, type BlobStore } from '../../src/adapters/storage/blobStore.ts';
import { cleanUpBlobs, keepBlob } from '../../src/db/blobs.ts';
import { blobs, documents } from '../../src/db/schema/index.ts';
import { createTestDatabase } from '../support/db.ts';
import { describeDb } from '../support/db.ts';
import type { Database } from '../../src/db/client.ts';

const DAY = 24 * 3_600_000;

describeDb('cleaning up unreferenced files', () => {
  let database: Database;
  let store: BlobStore;
  let root: string;
  const now = new Date('2026-11-25T10:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    root = mkdtempSync(path.join(tmpdir(), 'sot-blobs-'));
    store = createDiskBlobStore(root);
  });
  afterAll(() => database?.close());

  async function stored(text: string, at: Date) {
    const staged = await store.stage(Readable.from([Buffer.from(text)]), 1000);
    await keepBlob(database.db, store, staged, 'application/pdf', at);
    return staged.sha256;
  }

  it('removes old unreferenced files, keeps referenced and recent ones, and sweeps abandoned uploads', async () => {
    const orphan = await stored('orphan', new Date(now.getTime() - 2 * DAY));
    const recent = await stored('recent', new Date(now.getTime() - 3_600_000));
    const referenced = await stored('referenced', new Date(now.getTime() - 3 * DAY));
    await database.db.insert(documents).values({ kind: 'attachment', title: 'x', sha256: referenced });
    mkdirSync(path.join(root, 'staging'), { recursive: true });
    const abandoned = path.join(root, 'staging', 'abandoned');
    writeFileSync(abandoned, 'half an upload');
    utimesSync(abandoned, new Date(now.getTime() - 2 * DAY), new Date(now.getTime() - 2 * DAY));

    expect(await cleanUpBlobs(database.db, store, now)).toEqual({ removed: 1, staged: 1 });
    expect(await store.exists(orphan)).toBe(false);
    expect(await database.db.select().from(blobs).where(eq(blobs.sha256, orphan))).toEqual([]);
    expect(await store.exists(recent)).toBe(true);
    expect(await store.exists(referenced)).toBe(true);
    expect(await cleanUpBlobs(database.db, store, now)).toEqual({ removed: 0, staged: 0 });
  });

  it('keeps a file whose bytes were uploaded again after they became unreferenced', async () => {
    const sha = await stored('again', new Date(now.getTime() - 5 * DAY));
    // The same bytes arrive again: the record is refreshed and the file stays.
    await stored('again', now);
    expect((await cleanUpBlobs(database.db, store, now)).removed).toBe(0);
    expect(await store.exists(sha)).toBe(true);
  });
});
