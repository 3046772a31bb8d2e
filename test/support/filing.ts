import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/client.ts';
import { caseDeadlines } from '../../src/db/schema/index.ts';
import { deflateSync } from 'node:zlib';
import { signContent, type TestSigner } from './pki.ts';
import { workingDayAhead } from './workingDays.ts';

/** Small but real files of each kind, recognisable by their first bytes as the real ones are. */
export const SAMPLE_FILES = {
  pdf: () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: () => onePixelPng(),
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)]),
  text: () => Buffer.from('Just some text, not a document the court takes.\n'),
};

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function onePixelPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A multipart/form-data body with one file per part, as browsers and HTTP libraries send it. */
export function multipart(files: { name: string; content: Buffer }[], fields: Record<string, string> = {}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----sot${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Fetches the filing's manifest as its filer and signs it with their certificate. */
export async function signedManifest(app: FastifyInstance, cookie: string, filingId: string, signer: TestSigner, options: { detached?: boolean } = {}): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/filings/${filingId}/manifest`, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`manifest: ${res.statusCode} ${res.body}`);
  return Buffer.from(await signContent(signer, res.rawPayload, options)).toString('base64');
}

/**
 * Keeps a demo case's appeal month running for ten more working days from `now`. The demo is
 * seeded on TEST_NOW, but tests that sign filings run on the real clock (the test certificates are
 * valid from the day they are made), and the seeded month ends some days after TEST_NOW.
 */
export async function keepAppealOpen(db: Db, caseId: string, now: Date): Promise<void> {
  const dueOn = workingDayAhead(10, now);
  await db.update(caseDeadlines).set({ dueOn }).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, 'appeal'), isNull(caseDeadlines.closedAt)));
}
