/**
 * Read models of the court office: the queue of incoming filings, one filing as the court sees
 * it (its data, its files, the check of its signature), and the files themselves.
 */
import { and, asc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { certificateInfo, EdsError, identityFromCertificate, parseSignedCms, type CertificateInfo, type EdsFailureCode, type SignatureVerifier } from '../adapters/eds/index.ts';
import { readBlob, type BlobStore } from '../adapters/storage/blobStore.ts';
import type { Db } from '../db/client.ts';
import { blobs, cases, courts, filingAttachments, filings, users } from '../db/schema/index.ts';
import { CASE_STARTING_FILINGS, FILING_TYPES, type DutyStatus, type FilingType } from '../domain/filingTypes.ts';
import { isUuid } from '../domain/ids.ts';
import type { PaperFilingFields } from '../domain/paperFiling.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { officeCourts } from './registry.ts';

export const QUEUE_PAGE_SIZE = 25;

export interface QueueFilter {
  type?: FilingType | undefined;
  /** Court dates, YYYY-MM-DD, both ends included. */
  from?: string | undefined;
  to?: string | undefined;
  /** Part of a talon number or a case number. */
  q?: string | undefined;
  page?: number | undefined;
}

export interface QueueRow {
  /** `registration`: a new case waiting for its number; `in_case`: a filing in a case, waiting to be received. */
  kind: 'registration' | 'in_case';
  caseId: string;
  filingId: string | null;
  filingType: FilingType | null;
  channel: 'portal' | 'counter' | null;
  talonNumber: string | null;
  filedAt: Date;
  caseNumber: string | null;
  category: string;
  court: { code: string; nameKk: string; nameRu: string; nameEn: string };
  /** The parties of a new case; the filer of a filing in a case. */
  names: string | null;
  /** For an appellate or cassation case waiting for its number: the number of the case it reviews. */
  reviews: string | null;
  /** The filer's IIN, or the BIN of the entity they filed for; null for a case without a filing. */
  filerId: string | null;
  /** The state duty of the filing, as the office must check it before registration. */
  duty: { status: DutyStatus; amountTiyn: number | null } | null;
}

const STARTING = sql.raw(CASE_STARTING_FILINGS.map((t) => `'${t}'`).join(', '));

/** Who filed, as the office identifies them: the entity's BIN, the paper filer's IIN or BIN as typed, else the signer's IIN. */
const FILER_ID = sql.raw(`case when f.channel = 'counter' then coalesce(f.fields->'filer'->>'bin', f.fields->'filer'->>'iin') else coalesce(f.filer_bin, u.iin) end`);

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Everything submitted to the principal's courts that the office has not dealt with yet, oldest
 * first: new cases waiting for registration (with the claim that started them, if it came
 * through Sot) and filings in existing cases not yet received.
 */
export async function incomingQueue(db: Db, principal: Principal, filter: QueueFilter = {}): Promise<{ rows: QueueRow[]; total: number; page: number; pages: number }> {
  const courtIds = officeCourts(principal);
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  if (courtIds.length === 0) return { rows: [], total: 0, page, pages: 1 };
  const courtList = sql.join(
    courtIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const conditions: SQL[] = [];
  if (filter.type) conditions.push(sql`q.filing_type = ${filter.type}`);
  if (filter.from) conditions.push(sql`(q.filed_at at time zone 'Asia/Almaty')::date >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`(q.filed_at at time zone 'Asia/Almaty')::date <= ${filter.to}::date`);
  if (filter.q?.trim()) {
    const pattern = likePattern(filter.q.trim());
    conditions.push(sql`(q.talon_number ilike ${pattern} or q.case_number ilike ${pattern})`);
  }
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const result = await db.execute<{
    kind: 'registration' | 'in_case';
    case_id: string;
    filing_id: string | null;
    filing_type: FilingType | null;
    channel: 'portal' | 'counter' | null;
    talon_number: string | null;
    filed_at: Date | string;
    case_number: string | null;
    category: string;
    court_code: string;
    name_kk: string;
    name_ru: string;
    name_en: string;
    names: string | null;
    reviews: string | null;
    filer_id: string | null;
    duty_status: DutyStatus | null;
    duty_amount_tiyn: number | string | null;
    total: number | string;
  }>(sql`
    select q.*, co.code as court_code, co.name_kk, co.name_ru, co.name_en, count(*) over () as total
      from (
        select 'registration' as kind, c.id as case_id, f.id as filing_id, f.type as filing_type, f.channel, f.talon_number,
               coalesce(f.submitted_at, c.filed_at) as filed_at, c.number as case_number, c.category, c.court_id,
               (select string_agg(p.display_name, ', ' order by p.created_at) from parties p
                 where p.case_id = c.id and p.role not in ('representative', 'lawyer')) as names,
               (select pc.number from cases pc where pc.id = c.parent_case_id) as reviews,
               ${FILER_ID} as filer_id, f.duty_status, f.duty_amount_tiyn
          from cases c
          left join filings f on f.case_id = c.id and f.status = 'submitted' and f.type in (${STARTING})
          left join users u on u.id = f.filer_id
         where c.status = 'submitted' and c.court_id in (${courtList})
        union all
        select 'in_case', c.id, f.id, f.type, f.channel, f.talon_number, f.submitted_at, c.number, c.category, c.court_id,
               case when f.channel = 'counter' then f.fields->'filer'->>'name' else u.full_name end, null,
               ${FILER_ID}, f.duty_status, f.duty_amount_tiyn
          from filings f
          join cases c on c.id = f.case_id
          join users u on u.id = f.filer_id
         where f.status = 'submitted' and f.type not in (${STARTING}) and c.court_id in (${courtList})
           -- An appeal (or response) the office has sent up with the case is dealt with (CPC Art. 405(1)(2)).
           and f.forwarded_case_id is null
           -- Receipt has no column of its own: the office's receipt is the 'filing_received' event
           -- it writes on the case, so a filing is still waiting while no such event names it.
           and not exists (select 1 from events e where e.case_id = f.case_id and e.type = 'filing_received' and e.data->>'filingId' = f.id::text)
      ) q
      join courts co on co.id = q.court_id
      ${where}
     order by q.filed_at asc, q.case_id asc, q.filing_id asc nulls first
     limit ${QUEUE_PAGE_SIZE} offset ${(page - 1) * QUEUE_PAGE_SIZE}`);
  const total = Number(result.rows[0]?.total ?? 0);
  return {
    rows: result.rows.map((r) => ({
      kind: r.kind,
      caseId: r.case_id,
      filingId: r.filing_id,
      filingType: r.filing_type,
      channel: r.channel,
      talonNumber: r.talon_number,
      filedAt: new Date(r.filed_at),
      caseNumber: r.case_number,
      category: r.category,
      court: { code: r.court_code, nameKk: r.name_kk, nameRu: r.name_ru, nameEn: r.name_en },
      names: r.names,
      reviews: r.reviews,
      filerId: r.filer_id,
      duty: r.duty_status ? { status: r.duty_status, amountTiyn: r.duty_amount_tiyn === null ? null : Number(r.duty_amount_tiyn) } : null,
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
  };
}

/** Reads the queue's GET filters; anything unreadable is ignored rather than refused. */
export function queueFilter(query: { type?: string | undefined; from?: string | undefined; to?: string | undefined; q?: string | undefined; page?: string | undefined }): QueueFilter {
  const day = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined);
  const page = Number(query.page);
  return {
    type: query.type && (FILING_TYPES as readonly string[]).includes(query.type) ? (query.type as FilingType) : undefined,
    from: day(query.from),
    to: day(query.to),
    q: query.q?.trim() ? query.q.trim().slice(0, 40) : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** A submitted filing and the courts it concerns: the one filed to and the one its case is in. */
async function filingRow(db: Db, filingId: string) {
  if (!isUuid(filingId)) return null;
  const [row] = await db
    .select({ filing: filings, filerName: users.fullName, filerIin: users.iin, caseRow: { id: cases.id, number: cases.number, status: cases.status, courtId: cases.courtId, kind: cases.kind, category: cases.category } })
    .from(filings)
    .innerJoin(users, eq(users.id, filings.filerId))
    .leftJoin(cases, eq(cases.id, filings.caseId))
    .where(and(eq(filings.id, filingId), eq(filings.status, 'submitted')));
  return row ?? null;
}

export type OfficeAction = 'read' | 'receive' | 'attach';

/**
 * The filing if the principal may do this with it in the court office; for anyone else (the
 * staff of another court included) it does not exist.
 */
export async function officeFiling(db: Db, principal: Principal, filingId: string, action: OfficeAction = 'read') {
  const row = await filingRow(db, filingId);
  const courtIds = [...new Set([row?.filing.courtId, row?.caseRow?.courtId].filter((id): id is string => Boolean(id)))];
  if (!row || !courtIds.some((courtId) => can(principal, { action, resource: 'filing_office', courtId }))) throw new SotError('not_found');
  return row;
}

export type OfficeFilingRow = Awaited<ReturnType<typeof officeFiling>>;

/** Whether the office has received a filing made in an existing case. */
export async function receivedBy(db: Db, filing: { id: string; caseId: string | null }): Promise<{ at: Date; clerk: string | null } | null> {
  if (!filing.caseId) return null;
  const result = await db.execute<{ occurred_at: Date | string; full_name: string | null }>(sql`
    select e.occurred_at, u.full_name from events e left join users u on u.id = e.actor_id
     where e.case_id = ${filing.caseId} and e.type = 'filing_received' and e.data->>'filingId' = ${filing.id}
     order by e.occurred_at limit 1`);
  const row = result.rows[0];
  return row ? { at: new Date(row.occurred_at), clerk: row.full_name } : null;
}

export interface FilingFile {
  /** An attachment's id, or 'manifest' for the signed manifest. */
  id: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  purpose: string;
}

/** What the filing consists of: the signed manifest (portal filings) and every attached file. */
export async function filingFiles(db: Db, filing: { id: string; manifestSha256: string | null; talonNumber: string | null }): Promise<FilingFile[]> {
  const files: FilingFile[] = [];
  if (filing.manifestSha256) {
    const [blob] = await db.select().from(blobs).where(eq(blobs.sha256, filing.manifestSha256));
    if (blob) files.push({ id: 'manifest', name: `${filing.talonNumber ?? 'manifest'}.json`, mediaType: 'application/json', sizeBytes: blob.sizeBytes, sha256: blob.sha256, purpose: 'manifest' });
  }
  const attachments = await db
    .select()
    .from(filingAttachments)
    .where(and(eq(filingAttachments.filingId, filing.id), ne(filingAttachments.purpose, 'payment_document')))
    .orderBy(asc(filingAttachments.createdAt), asc(filingAttachments.id));
  for (const a of attachments) files.push({ id: a.id, name: a.name, mediaType: a.mediaType, sizeBytes: a.sizeBytes, sha256: a.sha256, purpose: a.purpose });
  return files;
}

/** One file of the filing, for court staff who may read it. */
export async function filingFile(db: Db, principal: Principal, filingId: string, fileId: string): Promise<FilingFile> {
  const { filing } = await officeFiling(db, principal, filingId);
  const found = (await filingFiles(db, filing)).find((f) => f.id === fileId);
  if (!found) throw new SotError('not_found');
  return found;
}

/** `manifest_missing`: the signed bytes are no longer in the file store, so nothing can be checked. */
export type CheckOutcome = { valid: true } | { valid: false; code: EdsFailureCode | 'manifest_missing' };

export interface SignatureCheck {
  /** Who the certificate in the signature names, when it can be read at all. */
  signer: { name: string; iin: string | null; organisation: string | null; bin: string | null } | null;
  certificate: CertificateInfo | null;
  /** The signature over the stored manifest, with the certificate's validity now and at submission. */
  now: CheckOutcome;
  atSigning: CheckOutcome;
  checkedAt: Date;
  signedAt: Date;
}

async function outcome(verifier: SignatureVerifier, cms: Uint8Array, content: Uint8Array, at: Date): Promise<CheckOutcome> {
  try {
    await verifier.verify({ cms, content, at, purpose: 'signing' });
    return { valid: true };
  } catch (error) {
    if (error instanceof EdsError) return { valid: false, code: error.code };
    throw error;
  }
}

/**
 * Checks the filer's signature again, as stored: the CMS over the manifest bytes kept at the
 * filing's content address, by the app's own verifier — once at this moment and once at the
 * moment of submission, because a certificate that has since expired or been revoked still
 * made a good signature then.
 */
export async function checkFilingSignature(store: BlobStore, verifier: SignatureVerifier, filing: { signature: Buffer | null; manifestSha256: string | null; submittedAt: Date | null }, now: Date): Promise<SignatureCheck | null> {
  if (!filing.signature || !filing.submittedAt) return null;
  const cms = new Uint8Array(filing.signature);
  let signer: SignatureCheck['signer'] = null;
  let certificate: CertificateInfo | null = null;
  try {
    const parsed = await parseSignedCms(cms);
    certificate = certificateInfo(parsed.signer, parsed.signerDer);
    try {
      const identity = identityFromCertificate(parsed.signerDer);
      signer = { name: identity.fullName, iin: identity.iin, organisation: identity.organisation ?? null, bin: identity.bin ?? null };
    } catch {
      // A certificate naming no valid IIN still shows its serial and issuer; the check below says why it fails.
    }
  } catch {
    // Unreadable: the outcome below says so.
  }
  let manifest: Uint8Array | null = null;
  if (filing.manifestSha256 && (await store.exists(filing.manifestSha256))) manifest = new Uint8Array(await readBlob(store, filing.manifestSha256));
  const missing: CheckOutcome = { valid: false, code: 'manifest_missing' };
  return {
    signer,
    certificate,
    now: manifest ? await outcome(verifier, cms, manifest, now) : missing,
    atSigning: manifest ? await outcome(verifier, cms, manifest, filing.submittedAt) : missing,
    checkedAt: now,
    signedAt: filing.submittedAt,
  };
}

/** The clerk who typed a paper filing in, and what the paper says. */
export function paperFields(filing: { channel: string; fields: Record<string, unknown> }): PaperFilingFields | null {
  return filing.channel === 'counter' ? (filing.fields as unknown as PaperFilingFields) : null;
}

/** The courts the principal enters paper filings for, with their names. */
export async function counterCourts(db: Db, principal: Principal) {
  const ids = [...new Set(principal.roles.flatMap((r) => (r.courtId && can(principal, { action: 'enter_paper', resource: 'filing_office', courtId: r.courtId }) ? [r.courtId] : [])))];
  if (ids.length === 0) return [];
  const rows = await db.select({ id: courts.id, code: courts.code, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn }).from(courts);
  return rows.filter((c) => ids.includes(c.id)).sort((a, b) => a.code.localeCompare(b.code));
}

/** Whether a claim's unnumbered case was emptied into an existing case (and so deleted). */
export async function attachedAway(db: Db, caseId: string): Promise<boolean> {
  const result = await db.execute(sql`select 1 from audit_log where action = 'filing.attached' and data->>'from' = ${caseId} limit 1`);
  return result.rows.length > 0;
}
