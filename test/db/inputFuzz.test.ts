import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  cases,
  documents,
  filingAttachments,
  filings,
  hearings,
  judgeAbsences,
  parties,
  payments,
  recordings,
  recordingUploads,
  userRoles,
} from '../../src/db/schema/index.ts';
import type { RouteInput } from '../../src/plugins/input.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { SAMPLE_FILES } from '../support/filing.ts';
import { formSession } from '../support/forms.ts';
import { createSession, SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { signedInUser } from '../support/sessions.ts';

/**
 * Every route the app registers, read from the app, gets random and hostile requests from
 * someone allowed through its door: huge, deep, broken and wrongly typed bodies, queries and
 * path parameters. None may answer 5xx, and a refusal (4xx) must leave the database as it was.
 * `SOT_FUZZ_RUNS` runs more per route (the default keeps CI fast); the seed is fixed
 * (`SOT_FUZZ_SEED` changes it), so a failure prints a counterexample that replays;
 * `SOT_FUZZ_VERBOSE=1` prints the statuses each route answered, to see how deep requests reach.
 */
const RUNS = Number(process.env.SOT_FUZZ_RUNS ?? 20);
const SEED = Number(process.env.SOT_FUZZ_SEED ?? 20261125);

/** Stand-ins for values too large to print in a counterexample; expanded when the request is sent. */
const HUGE = '<1 MiB of text>';
const expand = (text: string) => (text === HUGE ? 'ж'.repeat(512 * 1024) : text);
const deepJson = () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`;

/** Text no court record may hold: PostgreSQL refuses NUL, and JSON refuses half a surrogate pair. */
const UNSTORABLE = ['a\u0000b', '\u0000', 'Ай\u0000гүл', 'x\u001by', '\u0007', '\ud800', 'a\udc00b'];
const UNICODE = ['/cabinet/Қазақ', '/courts?q=😀', '𝕊𝕠𝕥 😀', 'е\u0301\u0301\u0301', '\u202eevil\u202c', '\ufeff', 'line\r\nbreak\ttab', 'Қазақстан'];
const NOT_QUITE = ['NaN', 'Infinity', '-0', '1e309', '-1', '99999999999999999999999999', '0x1F', ' 12 ', '2026-02-30', '9999-12-31', '0000-01-01', '2026-11-25T25:61:00Z', '10:99', 'true', 'null', '[]', '{}'];
const MISC = ['', ' ', HUGE, 'x'.repeat(5000), '__proto__', 'constructor', 'prototype', "' or 1=1 --", '<script>alert(1)</script>', '%00', '../../etc/passwd', 'not-a-uuid', '00000000-0000-0000-0000-000000000000', '900315491000'];

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...UNSTORABLE) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 2, arbitrary: fc.constantFrom(...NOT_QUITE) },
  { weight: 2, arbitrary: fc.constantFrom(...MISC) },
);
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  fc.constantFrom(0, -1, 1.5, 2 ** 53 + 1, 1e308, -1e308, Number.MAX_SAFE_INTEGER, true, false, null),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ __proto__: { admin: true } }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}')),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', '__proto__', 'constructor', 'type', 'id'), hostileText, { maxKeys: 3 }),
);

interface Schema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

/** Values a schema means to accept, built from the schema itself; ids come from rows that exist. */
function plausible(schema: Schema | undefined, ids: fc.Arbitrary<string>, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.string({ maxLength: 20 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union && union.length > 0) return fc.oneof(...union.map((s) => plausible(s, ids, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, plausible(s, ids, depth + 1)])), { requiredKeys: [] });
    case 'array':
      return fc.array(plausible(schema.items, ids, depth + 1), { maxLength: 3 });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 1_000_000, 2 ** 31) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e12, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      if (schema.format === 'uuid') return fc.oneof(ids, fc.uuid());
      if (schema.format === 'date') return fc.constantFrom('2026-11-25', '2026-12-01', '2027-01-10', '2025-01-01');
      return fc.oneof(fc.string({ maxLength: Math.min(schema.maxLength ?? 30, 30) }), fc.constantFrom('2026-12-01', '10:00', '60', '1', 'ru', 'claim', 'property', 'on', '/cabinet'));
  }
}

/** Where a field names an address to go back to: ours, someone else's, and ours in letters a header cannot carry raw. */
const ADDRESS_FIELD = /^(return|redirect|next|url)$/i;
const addresses = fc.constantFrom('/cabinet', '/cabinet/Қазақ', '/courts?q=😀', '//evil.example/', '/\\evil.example', 'https://evil.example/', '/cabinet\r\nSet-Cookie: a=b');

/** A field's value: what the schema wants, the same with unstorable text in it, or something hostile. */
function fieldValue(name: string, schema: Schema | undefined, ids: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const wanted = ADDRESS_FIELD.test(name) ? addresses : plausible(schema, ids);
  const poisoned = fc.tuple(wanted, fc.constantFrom(...UNSTORABLE)).map(([value, bad]) => (typeof value === 'string' ? `${value}${bad}` : bad));
  return fc.oneof({ weight: 6, arbitrary: wanted }, { weight: 2, arbitrary: poisoned }, { weight: 2, arbitrary: hostileJson });
}

function fieldsOf(schema: unknown): Record<string, Schema> {
  const s = schema as Schema | undefined;
  const props = { ...(s?.properties ?? {}) };
  for (const member of s?.anyOf ?? s?.oneOf ?? []) Object.assign(props, member.properties ?? {});
  delete props['_csrf'];
  return props;
}

type Encoding = 'json' | 'form' | 'multipart' | 'multipart-truncated' | 'multipart-no-boundary' | 'text' | 'empty-json' | 'broken-json' | 'json-raw-control' | 'deep-json' | 'none';

/** Percent-encoding that also sends half a surrogate pair, as the bytes a broken client would (CESU-8). */
function percentEncode(text: string): string {
  return text.replace(/[\uD800-\uDFFF]/g, (unit) => `\u0001${unit.charCodeAt(0).toString(16)}\u0001`).split('\u0001').map((piece, i) => {
    if (i % 2 === 0) return encodeURIComponent(piece);
    const code = parseInt(piece, 16);
    return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
  }).join('');
}

/**
 * Refusals that write by design: a failed sign-in is audited, and a payment notification is kept
 * (its order id only) whether or not its signature holds.
 */
const RECORDED_REFUSALS: Record<string, string[]> = {
  'POST /api/v1/auth/login': ['audit_log', 'audit_head'],
  'POST /api/v1/payments/callback': ['payment_notifications', 'audit_log', 'audit_head'],
};

interface FuzzRequest {
  path: Record<string, string>;
  query: Record<string, unknown>;
  encoding: Encoding;
  body: unknown;
  /** The form token: the right one, none, or garbage. */
  csrf: 'valid' | 'missing' | 'wrong';
}

const PARAM = /:(\w+)|\*/g;

describeDb('hostile input on every route', () => {
  let t: TestApp;
  let caller: { cookie: string; token: string };
  /** Real ids per path parameter name, so requests reach the handlers and not only the door. */
  const pools: Record<string, string[]> = {};
  let fingerprintSql: ReturnType<typeof sql.raw>;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const db = t.database.db;
    // A judge of a court with cases of their own, who is also its clerk, chair and administrator:
    // through the door of every route, and the judge of real cases behind it.
    const [assigned] = await db.select({ judgeId: cases.judgeId, courtId: cases.courtId }).from(cases).where(isNotNull(cases.judgeId)).limit(1);
    const judgeId = assigned!.judgeId!;
    const courtId = assigned!.courtId;
    for (const role of ['clerk', 'court_chair', 'court_admin'] as const) await db.insert(userRoles).values({ userId: judgeId, role, courtId }).onConflictDoNothing();
    await db.insert(userRoles).values({ userId: judgeId, role: 'system_admin', courtId: null }).onConflictDoNothing();
    const session = await createSession(db, { userId: judgeId, bin: null, certificateId: null }, TEST_NOW);
    const judge = { cookie: `${SESSION_COOKIE}=${session.id}; lang=en` };
    caller = { ...formSession(await t.app.inject({ method: 'GET', url: '/profile', headers: { cookie: judge.cookie } }), judge.cookie) };
    const draft = await t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie: judge.cookie }, payload: { type: 'claim', courtId } });
    const draftId = draft.json().id as string;
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/filings/${draftId}/attachments`,
      headers: { cookie: judge.cookie, 'content-type': 'multipart/form-data; boundary=sotb' },
      payload: Buffer.concat([Buffer.from('--sotb\r\nContent-Disposition: form-data; name="file"; filename="claim.pdf"\r\nContent-Type: application/pdf\r\n\r\n'), SAMPLE_FILES.pdf(), Buffer.from('\r\n--sotb--\r\n')]),
    });
    expect(upload.statusCode).toBeLessThan(300);

    const ids = async (rows: Promise<{ id: string }[]>) => (await rows).map((r) => r.id);
    const ownCases = await ids(db.select({ id: cases.id }).from(cases).where(eq(cases.judgeId, judgeId)).limit(4));
    const caseIds = [...ownCases, ...(await ids(db.select({ id: cases.id }).from(cases).where(eq(cases.courtId, courtId)).limit(3)))];
    pools['caseId'] = caseIds;
    pools['hearingId'] = await ids(db.select({ id: hearings.id }).from(hearings).innerJoin(cases, eq(cases.id, hearings.caseId)).where(eq(cases.judgeId, judgeId)).limit(4));
    pools['documentId'] = await ids(db.select({ id: documents.id }).from(documents).innerJoin(cases, eq(cases.id, documents.caseId)).where(eq(cases.judgeId, judgeId)).limit(6));
    pools['partyId'] = await ids(db.select({ id: parties.id }).from(parties).innerJoin(cases, eq(cases.id, parties.caseId)).where(eq(cases.judgeId, judgeId)).limit(4));
    pools['filingId'] = await ids(db.select({ id: filings.id }).from(filings).where(and(eq(filings.courtId, courtId), ne(filings.status, 'draft'))).limit(4));
    pools['fileId'] = await ids(db.select({ id: filingAttachments.id }).from(filingAttachments).innerJoin(filings, eq(filings.id, filingAttachments.filingId)).where(eq(filings.courtId, courtId)).limit(4));
    pools['attachmentId'] = await ids(db.select({ id: filingAttachments.id }).from(filingAttachments).where(eq(filingAttachments.filingId, draftId)));
    pools['paymentId'] = await ids(db.select({ id: payments.id }).from(payments).limit(4));
    pools['grantId'] = await ids(db.select({ id: userRoles.id }).from(userRoles).where(and(eq(userRoles.courtId, courtId), ne(userRoles.userId, judgeId))).limit(4));
    pools['judgeId'] = (await db.select({ id: userRoles.userId }).from(userRoles).where(and(eq(userRoles.courtId, courtId), eq(userRoles.role, 'judge'))).limit(4)).map((r) => r.id);
    pools['absenceId'] = await ids(db.select({ id: judgeAbsences.id }).from(judgeAbsences).limit(3));
    pools['recordingId'] = await ids(db.select({ id: recordings.id }).from(recordings).limit(3));
    pools['id'] = [draftId, ...(await ids(db.select({ id: recordingUploads.id }).from(recordingUploads).limit(2)))];
    pools['step'] = ['court', 'category', 'parties', 'claim', 'documents', 'duty', 'check'];
    pools['decision'] = ['accept', 'return', 'refuse', 'leave-without-motion'];
    pools['channel'] = ['email', 'sms'];
    pools['index'] = ['0', '1', '-1', '999999999999'];
    pools['lang'] = ['kk', 'ru', 'en'];
    pools['number'] = ['7517-26-00-2/1', '0000'];

    // Row counts of the records a request may change, the drafts' and uploads' last change, and
    // the head of the audit chain: cheap, and any write a refusal let through shows in it.
    const counted = [
      'cases', 'parties', 'hearings', 'case_distributions', 'judge_categories', 'judge_absences', 'case_recusals', 'case_deadlines',
      'documents', 'events', 'audit_log', 'blobs', 'filings', 'filing_attachments', 'payments', 'payment_notifications', 'users',
      'organisations', 'user_roles', 'notifications', 'recordings', 'recording_uploads', 'reference_mci', 'reference_calendar_days',
      'reference_thresholds', 'contact_verifications', 'certificates', 'courts',
    ];
    fingerprintSql = sql.raw(
      `select ${counted.map((table) => `(select count(*) from ${table}) as "${table}"`).join(', ')},
        (select max(updated_at) from filings) as filings_changed,
        (select max(updated_at) from recording_uploads) as uploads_changed,
        (select version from reference_state limit 1) as reference_version,
        (select hash from audit_log order by id desc limit 1) as audit_head`,
    );
  });
  afterAll(() => t?.close());

  async function fingerprint(route: RouteInput): Promise<string> {
    const result = (await t.database.db.execute(fingerprintSql)) as unknown as { rows: Record<string, unknown>[] };
    const row = { ...result.rows[0] };
    for (const written of RECORDED_REFUSALS[`${route.method} ${route.url}`] ?? []) delete row[written];
    return JSON.stringify(row);
  }

  function requestFor(route: RouteInput): fc.Arbitrary<FuzzRequest> {
    const names = [...route.url.matchAll(PARAM)].map((m) => m[1] ?? '*');
    const pathArb = fc.record(
      Object.fromEntries(names.map((name) => [name, fc.oneof({ weight: 4, arbitrary: pools[name]?.length ? fc.constantFrom(...pools[name]!) : fc.constantFrom('x', 'govuk-frontend.min.js') }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: hostileText })])),
    ) as fc.Arbitrary<Record<string, string>>;
    const idArb = fc.constantFrom(...Object.entries(pools).filter(([k]) => k.endsWith('Id') || k === 'id').flatMap(([, v]) => v));
    const bodyFields = fieldsOf(route.body);
    const queryFields = fieldsOf(route.querystring);
    const record = (fields: Record<string, Schema>) =>
      fc.record({ ...Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, fieldValue(k, s, idArb)])), extra: hostileJson }, { requiredKeys: [] });
    const unsafe = route.method !== 'GET';
    const api = route.url.startsWith('/api/');
    const encodings: Encoding[] = unsafe
      ? [api ? 'json' : 'form', api ? 'json' : 'form', api ? 'json' : 'form', 'json', 'form', 'multipart', 'multipart-truncated', 'multipart-no-boundary', 'text', 'empty-json', 'broken-json', 'json-raw-control', 'deep-json', 'none']
      : ['none'];
    return fc.record({
      path: pathArb,
      query: record(queryFields),
      encoding: fc.constantFrom(...encodings),
      body: fc.oneof({ weight: 5, arbitrary: record(bodyFields) }, { weight: 1, arbitrary: hostileJson }),
      csrf: fc.constantFrom<FuzzRequest['csrf']>('valid', 'valid', 'valid', 'valid', 'missing', 'wrong'),
    });
  }

  const asText = (value: unknown): string => (typeof value === 'string' ? expand(value) : (JSON.stringify(value) ?? ''));
  const formText = (value: unknown): string | string[] => (Array.isArray(value) ? value.map(asText) : asText(value));

  function encodeQuery(query: Record<string, unknown>, csrf?: string): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) for (const one of [formText(v)].flat()) params.append(k, one.slice(0, 2000));
    if (csrf !== undefined) params.set('_csrf', csrf);
    const text = params.toString();
    return text ? `?${text}` : '';
  }

  function multipartBody(fields: unknown, how: 'whole' | 'truncated'): Buffer {
    const parts: Buffer[] = [];
    if (fields && typeof fields === 'object' && !Array.isArray(fields)) {
      for (const [k, v] of Object.entries(fields)) for (const one of [formText(v)].flat()) parts.push(Buffer.from(`--sotb\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${one}\r\n`));
    }
    parts.push(Buffer.from('--sotb\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n'), SAMPLE_FILES.pdf());
    if (how === 'whole') parts.push(Buffer.from('\r\n--sotb--\r\n'));
    return Buffer.concat(parts);
  }

  /** The cookie to send: signing out ends a session, so each attempt at it gets one of its own. */
  async function cookieFor(route: RouteInput): Promise<string> {
    if (!route.url.includes('logout')) return caller.cookie;
    const other = await signedInUser(t.database.db);
    return `${other.cookie}; ${caller.cookie.split('; ').find((c) => c.startsWith('_csrf='))}`;
  }

  async function send(route: RouteInput, request: FuzzRequest, cookie: string) {
    const api = route.url.startsWith('/api/');
    const token = request.csrf === 'valid' ? caller.token : request.csrf === 'wrong' ? 'forged' : undefined;
    const url = route.url.replace(PARAM, (_m, name: string | undefined) => {
      const value = request.path[name ?? '*'] ?? '';
      return name === undefined ? value.split('/').map(percentEncode).join('/') : percentEncode(expand(value).slice(0, 150));
    });
    const unsafe = route.method !== 'GET';
    const withToken = (fields: unknown) => (fields && typeof fields === 'object' && !Array.isArray(fields) && token !== undefined ? { ...(fields as object), _csrf: token } : fields);
    const base = { method: route.method as 'GET', url: `${url}${encodeQuery(request.query, unsafe && !api && request.encoding.startsWith('multipart') ? token : undefined)}`, headers: { cookie } as Record<string, string> };
    if (!unsafe || request.encoding === 'none') return t.app.inject(base);
    switch (request.encoding) {
      case 'json':
        return t.app.inject({ ...base, headers: { ...base.headers, 'content-type': 'application/json' }, payload: JSON.stringify(withToken(request.body) ?? null).replaceAll(JSON.stringify(HUGE), JSON.stringify(expand(HUGE))) });
      case 'form': {
        const params = new URLSearchParams();
        const fields = withToken(request.body);
        if (fields && typeof fields === 'object' && !Array.isArray(fields)) for (const [k, v] of Object.entries(fields)) for (const one of [formText(v)].flat()) params.append(k, one);
        return t.app.inject({ ...base, headers: { ...base.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: params.toString() });
      }
      case 'multipart':
      case 'multipart-truncated':
        return t.app.inject({ ...base, headers: { ...base.headers, 'content-type': 'multipart/form-data; boundary=sotb' }, payload: multipartBody(request.body, request.encoding === 'multipart' ? 'whole' : 'truncated') });
      case 'multipart-no-boundary':
        return t.app.inject({ ...base, headers: { ...base.headers, 'content-type': 'multipart/form-data' }, payload: multipartBody(request.body, 'whole') });
      case 'text':
        return t.app.inject({ ...base, headers: { ...base.headers, 'content-type': 'text/plain' }, payload: JSON.stringify(request.body) ?? '' });
      case 'empty-json':
        return t.app.inject({ ...base, headers: { ...base.headers, 'content-type': 'application/json' }, payload: '' });
      case 'broken-json':
        return t.app.inject({ ...base, headers: { ...base.headers, 'content-type': 'application/json' }, payload: '{"type": "claim", "fields": {' });
      case 'json-raw-control':
        return t.app.inject({ ...base, headers: { ...base.headers, 'content-type': 'application/json' }, payload: Buffer.from('{"orderId":"a\u0000b","type":"claim\u0001"}') });
      case 'deep-json':
        return t.app.inject({ ...base, headers: { ...base.headers, 'content-type': 'application/json' }, payload: deepJson() });
    }
  }

  it('answers every route without a 5xx, and leaves the database as it was on every refusal', async () => {
    const routes = t.app.routeInputs();
    expect(routes.length).toBeGreaterThan(100);
    const failures: string[] = [];
    const seen: Record<string, number[]> = {};
    for (const [index, route] of routes.entries()) {
      const result = await fc.check(
        fc.asyncProperty(requestFor(route), async (request) => {
          const cookie = await cookieFor(route);
          const before = await fingerprint(route);
          const res = await send(route, request, cookie);
          const key = `${route.method} ${route.url}`;
          (seen[key] ??= []).push(res.statusCode);
          if (res.statusCode >= 500) {
            const error = t.logs.filter((l) => l.level === 50).at(-1)?.['err'] as { message?: string } | undefined;
            throw new Error(`answered ${res.statusCode}: ${error?.message ?? res.body.slice(0, 200)}`);
          }
          if (res.statusCode >= 400) {
            const after = await fingerprint(route);
            if (after !== before) throw new Error(`refused with ${res.statusCode} but changed the database:\n${before}\n${after}`);
          }
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
      if (result.failed) failures.push(`${route.method} ${route.url}: ${(result.errorInstance as Error | undefined)?.message}\nCounterexample: ${fc.stringify(result.counterexample)} (seed ${result.seed}, path ${result.counterexample ? result.counterexamplePath : ''})`);
    }
    if (process.env.SOT_FUZZ_VERBOSE) console.log(Object.entries(seen).map(([k, v]) => `${k}: ${[...new Set(v)].sort().join(' ')}`).join('\n'));
    expect(failures).toEqual([]);
  }, 600_000);
});
