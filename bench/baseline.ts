/**
 * The honest baseline for the public read paths: a bare `node:http` server on `pg` that runs the
 * very SQL Sot runs for each scenario, on the same database, and answers with the same data (JSON
 * for the API, a plain HTML page for the pages). No framework, no plugins, no layout. `npm run
 * bench` runs it as its own process beside Sot's and reports Sot's speed as a ratio to it.
 *
 * The SQL below is what drizzle builds for the prepared statements in src/queries/publicCase.ts
 * and src/queries/courts.ts (captured from the statements' text). Keep the two in step: when a
 * query there changes, change it here too; test/db/benchSmoke.test.ts compares them. Sot keeps
 * the courts directory in memory and reads only its version while it holds; the baseline has no
 * cache and runs the court queries on every request, so it is the bar without that help.
 *
 *   BASELINE_DATABASE_URL=postgres://…/sot_bench PORT=0 node bench/baseline.ts
 *
 * Prints `listening on http://127.0.0.1:<port>` once ready. `GET /__stats` answers the process's
 * RSS and the event-loop delay since the previous call (monitorEventLoopDelay, as prom-client
 * measures Sot's), then starts a new window.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';

export const BASELINE_SQL = {
  publicCaseByNumber:
    'select "cases"."number", "cases"."kind", "cases"."category", "cases"."instance", "cases"."status", "cases"."registered_at", "cases"."status_changed_at", "cases"."closed_hearing", "courts"."code", "courts"."name_kk", "courts"."name_ru", "courts"."name_en", "users"."full_name", "parent_case"."number", "parent_court"."code", "parent_court"."name_kk", "parent_court"."name_ru", "parent_court"."name_en", "next_hearing"."starts_at", "next_hearing"."room" from "cases" inner join "courts" on "courts"."id" = "cases"."court_id" left join "users" on "users"."id" = "cases"."judge_id" left join "cases" "parent_case" on "parent_case"."id" = "cases"."parent_case_id" left join "courts" "parent_court" on "parent_court"."id" = "parent_case"."court_id" left join lateral (select "starts_at", "room" from "hearings" where ("hearings"."case_id" = "cases"."id" and "hearings"."status" = $1 and "hearings"."starts_at" >= $2) order by "hearings"."starts_at" asc limit $3) "next_hearing" on true where "cases"."number" = $4',
  courtByCode:
    'select "courts"."id", "courts"."code", "courts"."level", "courts"."type", "courts"."region_code", "courts"."parent_id", "courts"."case_kinds", "courts"."name_kk", "courts"."name_ru", "courts"."name_en", "courts"."address_kk", "courts"."address_ru", "courts"."address_en", "courts"."phone", "courts"."email", "courts"."is_demo", "courts"."created_at", "regions"."code", "regions"."name_kk", "regions"."name_ru", "regions"."name_en", "regions"."sort_order", "parent"."id", "parent"."code", "parent"."level", "parent"."type", "parent"."region_code", "parent"."parent_id", "parent"."case_kinds", "parent"."name_kk", "parent"."name_ru", "parent"."name_en", "parent"."address_kk", "parent"."address_ru", "parent"."address_en", "parent"."phone", "parent"."email", "parent"."is_demo", "parent"."created_at" from "courts" inner join "regions" on "regions"."code" = "courts"."region_code" left join "courts" "parent" on "parent"."id" = "courts"."parent_id" where "courts"."code" = $1',
  lowerCourtsByCode:
    'select "courts"."id", "courts"."code", "courts"."level", "courts"."type", "courts"."region_code", "courts"."parent_id", "courts"."case_kinds", "courts"."name_kk", "courts"."name_ru", "courts"."name_en", "courts"."address_kk", "courts"."address_ru", "courts"."address_en", "courts"."phone", "courts"."email", "courts"."is_demo", "courts"."created_at" from "courts" inner join "courts" "court" on "court"."id" = "courts"."parent_id" where "court"."code" = $1 order by "courts"."name_en" asc',
  cassationCourtsByCode:
    'select "courts"."id", "courts"."code", "courts"."level", "courts"."type", "courts"."region_code", "courts"."parent_id", "courts"."case_kinds", "courts"."name_kk", "courts"."name_ru", "courts"."name_en", "courts"."address_kk", "courts"."address_ru", "courts"."address_en", "courts"."phone", "courts"."email", "courts"."is_demo", "courts"."created_at" from "courts" inner join "courts" "court" on ("court"."code" = $1 and "court"."level" < $2 and "courts"."case_kinds" && "court"."case_kinds") where "courts"."level" = $3 order by "courts"."name_en" asc',
  courtSchedule:
    'select "hearings"."starts_at", "hearings"."room", "cases"."number", "cases"."kind", "cases"."category", "cases"."closed_hearing" from "hearings" inner join "cases" on "cases"."id" = "hearings"."case_id" where ("hearings"."court_id" = (select "courts"."id" from "courts" where "courts"."code" = $1) and "hearings"."status" in ($2, $3) and "hearings"."starts_at" >= $4 and "hearings"."starts_at" < $5 and "cases"."status" <> $6 and "cases"."number" is not null) order by "hearings"."starts_at" asc limit $7',
  allCourts:
    'select "courts"."id", "courts"."code", "courts"."level", "courts"."type", "courts"."region_code", "courts"."parent_id", "courts"."case_kinds", "courts"."name_kk", "courts"."name_ru", "courts"."name_en", "courts"."address_kk", "courts"."address_ru", "courts"."address_en", "courts"."phone", "courts"."email", "courts"."is_demo", "courts"."created_at", "regions"."code", "regions"."name_kk", "regions"."name_ru", "regions"."name_en", "regions"."sort_order" from "courts" inner join "regions" on "regions"."code" = "courts"."region_code" order by "regions"."sort_order" asc, "courts"."level" asc, "courts"."name_en" asc',
} as const;

const SCHEDULE_DAYS = 14;

const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;
}

export function startBaseline(databaseUrl: string, port: number, poolSize = 10) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  pool.on('error', () => {});
  // Named statements, as drizzle's prepared queries use: planned once per connection.
  const run = (name: keyof typeof BASELINE_SQL, values: unknown[]) => pool.query({ name, text: BASELINE_SQL[name], values, rowMode: 'array' });

  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();

  async function publicCase(number: string) {
    const result = await run('publicCaseByNumber', ['scheduled', new Date(), 1, number]);
    const r = result.rows[0] as unknown[] | undefined;
    if (!r) return null;
    return {
      number: r[0],
      court: { code: r[8], name: { kk: r[9], ru: r[10], en: r[11] } },
      kind: r[1],
      category: r[2],
      instance: r[3],
      status: r[4],
      judge: r[12],
      registeredAt: r[5] ? (r[5] as Date).toISOString() : null,
      statusChangedAt: (r[6] as Date).toISOString(),
      closedProceedings: r[7],
      reviewOf: r[13],
      nextHearing: r[7] || !r[18] ? null : { startsAt: (r[18] as Date).toISOString(), room: r[19] },
    };
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://baseline');
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
      response.end(body);
    };
    const json = (status: number, value: unknown) => send(status, 'application/json; charset=utf-8', JSON.stringify(value));
    const html = (status: number, body: string) => send(status, 'text/html; charset=utf-8', body);
    let match: RegExpExecArray | null;
    if ((match = /^\/api\/v1\/public\/cases\/([^/]+)$/.exec(url.pathname))) {
      const found = await publicCase(decodeURIComponent(match[1]!));
      return found ? json(200, found) : json(404, { error: { code: 'case_not_found', message: 'Not found' } });
    }
    if (url.pathname === '/case-status') {
      const found = await publicCase(url.searchParams.get('number') ?? '');
      if (!found) return html(404, page('Not found', '<p>No case has this number.</p>'));
      const rows = Object.entries(found).map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(typeof value === 'object' ? JSON.stringify(value) : value)}</dd>`);
      return html(200, page(String(found.number), `<h1>${escapeHtml(found.number)}</h1><dl>${rows.join('')}</dl>`));
    }
    if ((match = /^\/courts\/(\d{4})$/.exec(url.pathname))) {
      const code = match[1]!;
      const now = new Date();
      const until = new Date(now.getTime() + SCHEDULE_DAYS * 86_400_000);
      const [court, lower, cassation, schedule] = await Promise.all([
        run('courtByCode', [code]),
        run('lowerCourtsByCode', [code]),
        run('cassationCourtsByCode', [code, 3, 3]),
        run('courtSchedule', [code, 'scheduled', 'opened', now, until, 'archived', 200]),
      ]);
      const c = court.rows[0] as unknown[] | undefined;
      if (!c) return html(404, page('Not found', '<p>No such court.</p>'));
      const list = (rows: unknown[][]) => `<ul>${rows.map((l) => `<li><a href="/courts/${escapeHtml(l[1])}">${escapeHtml(l[9])}</a></li>`).join('')}</ul>`;
      const hearings = (schedule.rows as unknown[][]).map((h) => `<tr><td>${escapeHtml((h[0] as Date).toISOString())}</td><td>${escapeHtml(h[2])}</td><td>${escapeHtml(h[4])}</td><td>${escapeHtml(h[1])}</td></tr>`);
      return html(
        200,
        page(String(c[9]), `<h1>${escapeHtml(c[9])}</h1><p>${escapeHtml(c[19])}</p><p>${escapeHtml(c[12])}</p>${c[24] ? `<a href="/courts/${escapeHtml(c[24])}">${escapeHtml(c[32])}</a>` : ''}${list(cassation.rows as unknown[][])}${list(lower.rows as unknown[][])}<table>${hearings.join('')}</table>`),
      );
    }
    if (url.pathname === '/courts') {
      const result = await run('allCourts', []);
      const items = (result.rows as unknown[][]).map((c) => `<li><a href="/courts/${escapeHtml(c[1])}">${escapeHtml(c[9])}</a> ${escapeHtml(c[19])}</li>`);
      return html(200, page('Courts', `<h1>Courts</h1><ul>${items.join('')}</ul>`));
    }
    if (url.pathname === '/health') {
      await pool.query('select 1');
      return json(200, { status: 'ok', db: 'ok' });
    }
    if (url.pathname === '/__stats') {
      const stats = { rssBytes: process.memoryUsage.rss(), eventLoopDelayP99Ms: delay.percentile(99) / 1e6, eventLoopDelayMaxMs: delay.max / 1e6 };
      delay.reset();
      return json(200, stats);
    }
    return json(404, { error: { code: 'not_found' } });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  return new Promise<{ url: string; close(): Promise<void> }>((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
      resolve({
        url,
        close: async () => {
          await new Promise((done) => server.close(done));
          await pool.end();
        },
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const databaseUrl = process.env.BASELINE_DATABASE_URL;
  if (!databaseUrl) throw new Error('BASELINE_DATABASE_URL is required');
  const running = await startBaseline(databaseUrl, Number(process.env.PORT ?? 0));
  console.log(`listening on ${running.url}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
