import type { Readable } from 'node:stream';
import { BlobTooLargeError, type BlobStore, type StoredBlob } from '../adapters/storage/blobStore.ts';
import { SotError, type ErrorCode } from '../errors.ts';

/**
 * Streams an upload to staging, refusing it with `tooLarge` past `maxBytes`. The multipart reader
 * stops a file at the route's own limit with its error, which means the same thing.
 */
export async function stageWithin(store: BlobStore, stream: Readable, maxBytes: number, tooLarge: ErrorCode): Promise<StoredBlob> {
  try {
    return await store.stage(stream, maxBytes);
  } catch (error) {
    if (error instanceof BlobTooLargeError || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new SotError(tooLarge);
    throw error;
  }
}
