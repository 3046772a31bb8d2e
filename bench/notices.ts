/**
 * The notice-delivery scenario of the benchmark: how fast a `sot start --role worker` process
 * drains queued notices to the stand-in SMTP server and the stand-in SMS gateway.
 *
 * Notices are queued as Sot queues them (`queueNotice`, in transactions of a few hundred) for
 * bench people with a verified e-mail and phone, so each notice is one e-mail and one SMS. The
 * worker then starts, offers every queued row to pg-boss and delivers; the drain is timed from
 * the first notice marked `sent` to the last (the worker's own start-up is not counted), and its
 * RSS and event-loop delay are taken over that window. Beside it, the baseline: a bare loop in
 * this process sending as many messages straight to the same stand-ins through the same clients
 * (nodemailer, fetch) at the same concurrency — what the stand-ins take without Sot's queue.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { startStandInSmtp } from '../src/adapters/email/standInSmtp.ts';
import { createSmtpSender } from '../src/adapters/email/smtp.ts';
import { createSmsGateway } from '../src/adapters/sms/gateway.ts';
import { standInSmsGateway } from '../src/adapters/sms/standInGateway.ts';
import { queueNotice, type Notice } from '../src/commands/notices.ts';
import { openDatabase } from '../src/db/client.ts';
import { notifications, outbox, users } from '../src/db/schema/index.ts';
import { withCheckDigit } from '../src/seed/people.ts';
import { percentile, rssMb } from './processStats.ts';

export const NOTICE_DRAIN_SCENARIO = 'worker: notices drained to the SMTP and SMS stand-ins';

export interface DrainMeasurement {
  /** Messages handed over (e-mails plus SMS). */
  messages: number;
  perMinute: number;
  /** The window the rate is taken over. */
  seconds: number;
  /**
   * For Sot, how long after the drain's start each message was `sent` (the backlog's shape); for
   * the baseline, each message's own send time.
   */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Failed, or still not sent when the scenario gave up. */
  errors: number;
  /** Sot's worker only (the baseline runs inside the benchmark process). */
  peakRssMb: number | null;
  eventLoopDelayP99Ms: number | null;
  eventLoopDelayMaxMs: number | null;
}

export interface DrainResult {
  name: string;
  target: { perMinute: number };
  concurrency: number;
  /** Spawn of the worker to every message sent, start-up included. */
  spawnToDrainedMs: number;
  sot: DrainMeasurement;
  baseline: DrainMeasurement;
  ratio: number;
  met: boolean;
}

export interface DrainOptions {
  databaseUrl: string;
  /** Messages in all: half e-mails, half SMS. */
  messages: number;
  /** The baseline's senders at once: the worker's batch (WORK_BATCH in src/jobs/notifications.ts). */
  concurrency: number;
  /** Sot's production settings (as for `sot start`), to which the stand-ins' addresses are added. */
  sotEnv: Record<string, string>;
  /** Extra node flags for the worker (the CPU profile). */
  nodeFlags: string[];
  log: (line: string) => void;
}

const BENCH_PEOPLE = 100;
const QUEUE_BATCH = 250;
const GIVE_UP_MS = 15 * 60_000;

const round2 = (n: number) => Number(n.toFixed(2));


/** Bench people's contacts: the phones end in 1, never in the stand-in gateway's misbehaving digits. */
const contactsOf = (i: number) => ({ email: `bench-notice-${i}@example.kz`, phone: `+77015550${String(i).padStart(3, '0')}1` });

export async function benchNoticeDrain(options: DrainOptions): Promise<DrainResult> {
  const { log } = options;
  const database = await openDatabase({ kind: 'postgres', url: options.databaseUrl, poolSize: 6 });
  const db = database.db;
  const smsKey = randomUUID() + randomUUID();
  const smtp = await startStandInSmtp(db);
  // The stand-in gateway as Sot mounts it in demo mode, on its own server here. Its delivery
  // reports would go to the worker, which has no HTTP port: they are held until it stops.
  const smsServer = Fastify({ logger: false });
  smsServer.decorate('db', db);
  await smsServer.register(standInSmsGateway, { key: smsKey, reportDelayMs: GIVE_UP_MS });
  const smsUrl = await smsServer.listen({ port: 0, host: '127.0.0.1' });
  const people = Array.from({ length: BENCH_PEOPLE }, (_, i) => ({ i, iin: withCheckDigit('650101', '3', 1000 + i * 20), ...contactsOf(i) }));
  let userIds: string[] = [];
  try {
    const now = new Date();
    await db
      .insert(users)
      .values(people.map((p) => ({ iin: p.iin, fullName: `Бенчмарков Хабар ${p.i}`, language: ['kk', 'ru', 'en'][p.i % 3]!, email: p.email, emailVerifiedAt: now, phone: p.phone, phoneVerifiedAt: now, notifyByEmail: true, notifyBySms: true })))
      .onConflictDoNothing();
    // Made by an earlier run, or found under the same IIN: the contacts are this run's either way.
    for (const p of people) await db.update(users).set({ email: p.email, emailVerifiedAt: now, phone: p.phone, phoneVerifiedAt: now, notifyByEmail: true, notifyBySms: true }).where(eq(users.iin, p.iin));
    const recipients = await db.select().from(users).where(inArray(users.iin, people.map((p) => p.iin)));
    userIds = recipients.map((r) => r.id);
    // A run cut short leaves its queued notices behind; they are not this run's to drain.
    await db.delete(notifications).where(inArray(notifications.userId, userIds));

    const run = randomUUID().slice(0, 8);
    const notice = (n: number): Notice => ({ event: 'document_issued', aboutId: `bench-${run}-${n}`, caseId: null, link: '/cabinet', legallyRequired: false, compose: (t) => ({ subject: t('notifications.title'), body: t('notifications.lead') }) });
    const queueStarted = performance.now();
    const ids: string[] = [];
    const notices = Math.max(1, Math.ceil(options.messages / 2));
    for (let from = 0; from < notices; from += QUEUE_BATCH) {
      await db.transaction(async (tx) => {
        for (let n = from; n < Math.min(notices, from + QUEUE_BATCH); n++) ids.push(...(await queueNotice(tx, recipients[n % recipients.length]!, notice(n), now)));
      });
    }
    log(`Notices: ${ids.length} messages queued in ${Math.round(performance.now() - queueStarted)} ms`);

    const sot = await drainWithWorker(options, db, ids, { SMTP_URL: smtp.url, SMS_GATEWAY_URL: smsUrl, SMS_GATEWAY_KEY: smsKey });
    log(`Notices: the worker sent ${sot.measurement.messages} at ${sot.measurement.perMinute}/min`);
    const baseline = await bareLoop(ids.length, options.concurrency, smtp.url, smsUrl, smsKey);
    log(`Notices: the bare loop sent ${baseline.messages} at ${baseline.perMinute}/min`);
    const target = { perMinute: 50_000 };
    return {
      name: NOTICE_DRAIN_SCENARIO,
      target,
      concurrency: options.concurrency,
      spawnToDrainedMs: sot.spawnToDrainedMs,
      sot: sot.measurement,
      baseline,
      ratio: Number((sot.measurement.perMinute / Math.max(1, baseline.perMinute)).toFixed(3)),
      met: sot.measurement.errors === 0 && sot.measurement.perMinute >= target.perMinute,
    };
  } finally {
    if (userIds.length) await db.delete(notifications).where(inArray(notifications.userId, userIds));
    await db.delete(outbox).where(inArray(outbox.address, [...people.map((p) => p.email), ...people.map((p) => p.phone.slice(1)), ...people.map((p) => p.phone)]));
    await smsServer.close();
    await smtp.stop();
    await database.close();
  }
}

async function drainWithWorker(options: DrainOptions, db: Awaited<ReturnType<typeof openDatabase>>['db'], ids: string[], standIns: Record<string, string>): Promise<{ measurement: DrainMeasurement; spawnToDrainedMs: number }> {
  const loopFile = path.join(mkdtempSync(path.join(tmpdir(), 'sot-bench-worker-')), 'loop.json');
  const spawned = performance.now();
  const child = spawn(process.execPath, [...options.nodeFlags, '--import', path.resolve('bench/eventLoopProbe.mjs'), path.resolve('bin/sot.js'), 'start', '--role', 'worker'], {
    env: { ...process.env, ...options.sotEnv, ...standIns, BENCH_LOOP_FILE: loopFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let peakRss = 0;
  let windowOpen = false;
  const sampler = setInterval(() => {
    if (windowOpen) peakRss = Math.max(peakRss, rssMb(child.pid!));
  }, 200);
  const progress = async () => {
    const [row] = await db
      .select({ sent: sql<number>`count(*) filter (where ${notifications.status} in ('sent', 'delivered'))::int`, failed: sql<number>`count(*) filter (where ${notifications.status} = 'failed')::int` })
      .from(notifications)
      .where(inArray(notifications.id, ids));
    return row!;
  };
  try {
    let state = { sent: 0, failed: 0 };
    for (const deadline = Date.now() + GIVE_UP_MS; state.sent + state.failed < ids.length && Date.now() < deadline; ) {
      if (child.exitCode !== null) throw new Error(`the worker exited with ${child.exitCode}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = await progress();
      if (!windowOpen && state.sent + state.failed > 0) {
        // The drain has begun: the start-up's event-loop delay is not the drain's.
        child.kill('SIGUSR2');
        windowOpen = true;
      }
    }
    const spawnToDrainedMs = Math.round(performance.now() - spawned);
    await new Promise((resolve) => setTimeout(resolve, 300)); // one more write of the probe
    const loop = JSON.parse(readFileSync(loopFile, 'utf8')) as { p99Ms: number; maxMs: number };
    const times = await db
      .select({ sentAt: notifications.sentAt })
      .from(notifications)
      .where(and(inArray(notifications.id, ids), sql`${notifications.sentAt} is not null`));
    const instants = times.map((r) => r.sentAt!.getTime()).sort((a, b) => a - b);
    const first = instants[0] ?? 0;
    const windowMs = Math.max(1, (instants.at(-1) ?? 0) - first);
    const sinceStart = instants.map((t) => t - first);
    return {
      spawnToDrainedMs,
      measurement: {
        messages: instants.length,
        // n messages sent over the window from the first to the last: n - 1 intervals.
        perMinute: instants.length > 1 ? Math.round(((instants.length - 1) / windowMs) * 60_000) : 0,
        seconds: round2(windowMs / 1000),
        p50Ms: percentile(sinceStart, 50),
        p95Ms: percentile(sinceStart, 95),
        p99Ms: percentile(sinceStart, 99),
        errors: ids.length - instants.length,
        peakRssMb: Math.round(peakRss || rssMb(child.pid!)),
        eventLoopDelayP99Ms: round2(loop.p99Ms),
        eventLoopDelayMaxMs: round2(loop.maxMs),
      },
    };
  } finally {
    clearInterval(sampler);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    }
  }
}

/** The same number of messages straight to the stand-ins, `concurrency` at a time, e-mail and SMS in turn. */
async function bareLoop(messages: number, concurrency: number, smtpUrl: string, smsUrl: string, smsKey: string): Promise<DrainMeasurement> {
  const email = createSmtpSender({ url: smtpUrl, from: 'Sot <no-reply@bench.invalid>', timeoutMs: 10_000 });
  // No delivery reports: the callback leads nowhere that answers, and they are held until the gateway stops.
  const sms = createSmsGateway({ url: smsUrl, key: smsKey, callbackUrl: 'http://127.0.0.1:9/bench', timeoutMs: 10_000 });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let n = next++; n < messages; n = next++) {
        const at = performance.now();
        const id = randomUUID();
        const { email: address, phone } = contactsOf(n % BENCH_PEOPLE);
        try {
          if (n % 2 === 0) await email.send({ id, to: address, subject: 'Sot', text: 'A notice about your case.', html: null });
          else await sms.send({ reference: id, to: phone, text: 'A notice about your case.' });
        } catch {
          errors++;
        }
        latencies.push(performance.now() - at);
      }
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    messages,
    perMinute: Math.round((messages / elapsed) * 60_000),
    seconds: round2(elapsed / 1000),
    p50Ms: round2(percentile(latencies, 50)),
    p95Ms: round2(percentile(latencies, 95)),
    p99Ms: round2(percentile(latencies, 99)),
    errors,
    peakRssMb: null,
    eventLoopDelayP99Ms: null,
    eventLoopDelayMaxMs: null,
  };
}
