/**
 * Preparation for the signed-filing scenario of the benchmark: drafts of a property claim, each
 * with a 1 MB PDF attached and its manifest signed (CMS) with its filer's signing key, made
 * through Sot's own API before the timed part, so the load is the submission alone.
 *
 * The filers are bench people with sessions made directly in the database (as the tests make
 * them: sign-in is not what is measured) and signing certificates from the benchmark's
 * development root, which the Sot under test trusts.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { createSession, SESSION_COOKIE } from '../src/auth/sessions.ts';
import { openDatabase } from '../src/db/client.ts';
import { courts, users } from '../src/db/schema/index.ts';
import { fromPem, generateKeyPair, issueCertificate, NCA_KEY_PROFILES, ncaKeyPolicyOids, ncaKeyUserOids, ncaPersonSubject } from '../src/pki/devCa.ts';
import { signCms, toArrayBuffer } from '../src/pki/cms.ts';
import { withCheckDigit } from '../src/seed/people.ts';

export const SIGNED_FILING_SCENARIO = 'API: submit a signed filing with a 1 MB attachment';

export interface PreparedFiling {
  id: string;
  cookie: string;
  /** The body of the submission: `{"cms": "<base64>"}`. */
  body: string;
}

const FILERS = 20;
const ATTACHMENT_BYTES = 1024 * 1024;
const DAY = 24 * 60 * 60_000;

/** A 1 MB file Sot recognises as a PDF by its first bytes, as it recognises the real ones. */
function onePdfOfAMegabyte(): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n');
  const tail = Buffer.from('trailer << /Root 1 0 R >>\n%%EOF\n');
  // A comment line of filler, different in every file so no two attachments are the same blob.
  const filler = Buffer.alloc(ATTACHMENT_BYTES - head.length - tail.length, 'x');
  filler[0] = 0x25; // %
  filler.write(randomUUID(), 1);
  filler[filler.length - 1] = 0x0a;
  return Buffer.concat([head, filler, tail]);
}

function multipart(name: string, content: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----sotbench${randomUUID().replaceAll('-', '')}`;
  return {
    body: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function expectStatus(response: Response, status: number, what: string): Promise<Response> {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${(await response.text()).slice(0, 500)}`);
  return response;
}

/**
 * Makes `count` drafts on the Sot at `sotUrl`, `concurrency` at a time, each with a signed
 * manifest ready to submit. `caDir` holds the development root (root-ca.pem, root-ca.key.pem).
 */
export async function prepareSignedFilings(options: { databaseUrl: string; sotUrl: string; caDir: string; count: number; concurrency: number }): Promise<PreparedFiling[]> {
  const database = await openDatabase({ kind: 'postgres', url: options.databaseUrl, poolSize: 2 });
  const db = database.db;
  const now = new Date();
  let filers: { cookie: string; certificateDer: Uint8Array; privateKey: CryptoKey }[];
  let courtId: string;
  try {
    const people = Array.from({ length: FILERS }, (_, i) => ({ iin: withCheckDigit('650202', '3', 1000 + i * 20), fullName: `Бенчмарков Арыз ${i}` }));
    await db.insert(users).values(people).onConflictDoNothing();
    const rows = await db.select({ id: users.id, iin: users.iin, fullName: users.fullName }).from(users).where(inArray(users.iin, people.map((p) => p.iin)));
    const root = {
      certificateDer: fromPem('CERTIFICATE', readFileSync(path.join(options.caDir, 'root-ca.pem'), 'utf8')),
      privateKey: await globalThis.crypto.subtle.importKey('pkcs8', toArrayBuffer(fromPem('PRIVATE KEY', readFileSync(path.join(options.caDir, 'root-ca.key.pem'), 'utf8'))), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']),
    };
    filers = await Promise.all(
      rows.map(async (person) => {
        const keys = await generateKeyPair('rsa-2048');
        const certificateDer = await issueCertificate({
          subject: ncaPersonSubject(person),
          publicKey: keys.publicKey,
          issuer: root,
          notBefore: new Date(now.getTime() - DAY),
          notAfter: new Date(now.getTime() + 30 * DAY),
          keyUsage: NCA_KEY_PROFILES.sign.keyUsage,
          extendedKeyUsage: [...NCA_KEY_PROFILES.sign.extendedKeyUsage, ...ncaKeyUserOids({})],
          certificatePolicies: ncaKeyPolicyOids({}, 'sign'),
        });
        const session = await createSession(db, { userId: person.id, bin: null, certificateId: null }, now);
        return { cookie: `${SESSION_COOKIE}=${session.id}`, certificateDer, privateKey: keys.privateKey };
      }),
    );
    const [court] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'));
    if (!court) throw new Error('no court 7517 in the benchmark database');
    courtId = court.id;
  } finally {
    await database.close();
  }

  const api = `${options.sotUrl}/api/v1`;
  const prepared: PreparedFiling[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      for (let n = next++; n < options.count; n = next++) {
        const filer = filers[n % filers.length]!;
        const headers = { cookie: filer.cookie, origin: options.sotUrl };
        const draft = {
          type: 'claim',
          courtId,
          category: 'property',
          subject: 'Взыскание долга по договору займа',
          amount: '1500000',
          parties: [{ side: 'defendant', kind: 'individual', name: 'Иванов Иван', iin: withCheckDigit('800101', '3', 7000) }],
          text: 'Прошу взыскать с ответчика долг.',
        };
        const created = await expectStatus(await fetch(`${api}/filings`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(draft) }), 201, 'draft');
        const { id } = (await created.json()) as { id: string };
        const upload = multipart('evidence.pdf', onePdfOfAMegabyte());
        await (await expectStatus(await fetch(`${api}/filings/${id}/attachments`, { method: 'POST', headers: { ...headers, 'content-type': upload.contentType }, body: new Uint8Array(upload.body) }), 201, 'attachment')).arrayBuffer();
        const manifest = new Uint8Array(await (await expectStatus(await fetch(`${api}/filings/${id}/manifest`, { headers }), 200, 'manifest')).arrayBuffer());
        const cms = await signCms({ content: manifest, certificateDer: filer.certificateDer, chainDer: [], privateKey: filer.privateKey, detached: false });
        prepared.push({ id, cookie: filer.cookie, body: JSON.stringify({ cms: Buffer.from(cms).toString('base64') }) });
      }
    }),
  );
  return prepared;
}
