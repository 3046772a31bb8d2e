/**
 * Delivery of queued notifications by pg-boss, in worker processes. The `notifications` rows are
 * the source of truth; a pg-boss job (its id is the notification's id, so sending it twice is a
 * no-op) only says "try this one now". After a commit `dispatch()` sends jobs for queued rows,
 * from whichever process committed; the scheduled sweep (schedules.ts, once a minute in the
 * cluster) does the same, so a crash between commit and dispatch loses nothing.
 *
 * The worker takes jobs in batches and spends the same statements on a batch whatever its size:
 * one claims the batch's rows still `queued` and counts the attempt (anything no longer `queued`
 * was decided already, and its job just completes); the messages go out concurrently; one
 * statement records every outcome (`sent` with the provider's message id, or the error), still
 * only on rows that are `queued`; one completes the finished jobs and one per distinct error fails
 * the rest for a retry. pg-boss retries temporary failures with exponential backoff; a permanent
 * refusal, or the last retry, marks the row `failed` with the error. A message sent but not yet
 * recorded when the process dies, or when the outcomes cannot be written, is sent again once
 * pg-boss expires its job, as before, carrying the notification's id (the e-mail's Message-ID,
 * the SMS's reference) so the resend is recognisable; a batch widens that window only up to its
 * slowest send, which the send timeout bounds. pg-boss runs over the app's own pool
 * (`db.executeSql`), so it works the same on PGlite and on PostgreSQL.
 *
 * The worker loop is Sot's own (fetch, claim, deliver, record, complete or fail, each awaited)
 * rather than pg-boss's `work()`: pg-boss 10 does not await the completion it writes after a
 * handler, so a database that goes away at that moment becomes an unhandled rejection, which ends
 * the process.
 * Here a failed write is logged, the job stays active until pg-boss expires it and tries again,
 * and the loop polls on until the database is back.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { DeliveryError, type EmailSender, type SmsSender } from '../adapters/delivery.ts';
import type { Db } from '../db/client.ts';
import { notifications } from '../db/schema/index.ts';
import { redactPersonalData } from '../log.ts';
import { ensureQueue, startJobQueue } from './jobQueue.ts';

export const DELIVERY_QUEUE = 'notification-delivery';
const DISPATCH_BATCH = 1000;

export interface NotificationDeliveryOptions {
  db: Db;
  pool: pg.Pool;
  log: FastifyBaseLogger;
  email: EmailSender | undefined;
  sms: SmsSender | undefined;
  retryLimit: number;
  retryDelaySeconds: number;
  clock: () => Date;
}

interface DeliveryJob {
  notificationId: string;
}

type DeliveryJobWithMetadata = PgBoss.JobWithMetadata<DeliveryJob>;
type Notification = typeof notifications.$inferSelect;

/** What one attempt came to: `decided` (no longer queued, or nothing to send) and `sent` complete the job, as does `failed`; `retry` fails it. */
type Outcome =
  | { kind: 'decided' }
  | { kind: 'sent'; id: string; providerMessageId: string }
  | { kind: 'failed' | 'retry'; id: string; error: string };

export interface DrainOptions {
  /** Take jobs whose retry delay has not run out yet (tests drive retries without waiting). */
  ignoreStartAfter?: boolean;
  /** Stop after this many jobs. */
  limit?: number;
}

/** pg-boss 10 fails many jobs with one error in one statement, though its types allow that only for one id. */
function failJobs(boss: PgBoss, ids: string[], message: string): Promise<void> {
  return (boss.fail as (name: string, ids: string[], data: object) => Promise<void>).call(boss, DELIVERY_QUEUE, ids, { message });
}

const POLL_EVERY_MS = 1_000;
/**
 * Messages a worker has on their way at once. Each waits mostly on the relay or the gateway, so
 * many in flight keep a pooled SMTP transport and the gateway's keep-alive connections busy.
 * They go in batches of at least half of it, each costing the same few statements however many
 * messages it holds, so the database is no longer what bounds the rate. A batch waits for its
 * slowest message, so the worker idles on a small one: 64 drained 25,000–26,000 notices a minute
 * where 32 drained 18,000–19,600, and 128 no more than 64 (bench/RESULTS.md).
 */
const IN_FLIGHT = 64;

export class NotificationDelivery {
  #boss: PgBoss | undefined;
  /** The pg-boss this delivery started itself (tests), which it also stops. */
  #ownBoss = false;
  #sweep: NodeJS.Timeout | undefined;
  #working: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #dispatching: Promise<number> | undefined;
  #again = false;

  constructor(private readonly options: NotificationDeliveryOptions) {}

  get running(): boolean {
    return this.#boss !== undefined;
  }

  /**
   * Starts on the process's pg-boss (`boss`; without one, a pg-boss of its own over the app's
   * pool). With `work` this process delivers; without, it only dispatches (a `web` process) or
   * tests drive it with `drain()`. The sweep is a schedule of the cluster; `sweepEveryMs` adds one
   * of this process's own (tests without the schedules).
   */
  async start({ work = true, sweepEveryMs, boss: given }: { work?: boolean; sweepEveryMs?: number; boss?: PgBoss } = {}): Promise<void> {
    if (this.#boss) return;
    const boss = given ?? (await startJobQueue(this.options.pool, this.options.log, { maintain: true }));
    this.#ownBoss = !given;
    await ensureQueue(boss, DELIVERY_QUEUE, { retryLimit: this.options.retryLimit, retryDelay: this.options.retryDelaySeconds, retryBackoff: true });
    this.#boss = boss;
    if (sweepEveryMs) this.#sweep = setInterval(() => void this.dispatch().catch((error: unknown) => this.options.log.error({ err: error }, 'notification sweep failed')), sweepEveryMs).unref();
    if (work) {
      this.#working = this.#work(boss);
      await this.dispatch();
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.#sweep);
    const boss = this.#boss;
    this.#boss = undefined;
    this.#wake?.();
    // The messages being sent now are finished and recorded first.
    await this.#working;
    this.#working = undefined;
    await this.#dispatching?.catch(() => {});
    if (this.#ownBoss) await boss?.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
  }

  /**
   * Takes due jobs while started, keeping up to `IN_FLIGHT` messages on their way in batches: a
   * batch is fetched as soon as half the room is free, so one slow relay answer holds up only its
   * own batch. Rests a second when there is nothing to do or the database is away.
   */
  async #work(boss: PgBoss): Promise<void> {
    const batches = new Set<Promise<void>>();
    let busy = 0;
    while (this.#boss === boss) {
      const room = IN_FLIGHT - busy;
      if (room < IN_FLIGHT / 2) {
        await Promise.race(batches);
        continue;
      }
      let jobs: DeliveryJobWithMetadata[] = [];
      try {
        jobs = await this.#fetch(boss, room, false);
      } catch (error) {
        this.options.log.error({ err: error }, 'notification worker could not reach the queue');
      }
      if (jobs.length > 0) {
        const size = jobs.length;
        busy += size;
        const handling: Promise<void> = this.#handleBatch(boss, jobs)
          .catch((error: unknown) => this.options.log.error({ err: error }, 'notification worker could not record an outcome'))
          .finally(() => {
            busy -= size;
            batches.delete(handling);
          });
        batches.add(handling);
      } else if (batches.size > 0) await Promise.race(batches);
      else await this.#rest();
    }
    // The messages being sent now are finished and recorded before the worker stops.
    await Promise.allSettled(batches);
  }

  #rest(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, POLL_EVERY_MS);
      const wake = () => done();
      this.#wake = wake;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).finally(() => (this.#wake = undefined));
  }

  #fetch(boss: PgBoss, count: number, ignoreStartAfter: boolean): Promise<DeliveryJobWithMetadata[]> {
    if (count <= 0) return Promise.resolve([]);
    return boss.fetch<DeliveryJob>(DELIVERY_QUEUE, { batchSize: count, includeMetadata: true, ignoreStartAfter });
  }

  /**
   * One fetched batch: its messages claimed, sent and recorded with one statement each way, then
   * the jobs completed, or failed for a retry. Throws, leaving the batch's jobs active for pg-boss
   * to expire and try again, when the outcomes cannot be written.
   */
  async #handleBatch(boss: PgBoss, jobs: DeliveryJobWithMetadata[]): Promise<void> {
    let claimed: Map<string, Notification>;
    try {
      claimed = await this.#claim(jobs.map((job) => job.data.notificationId));
    } catch (error) {
      await failJobs(boss, jobs.map((job) => job.id), (error as Error).message);
      return;
    }
    const outcomes = await Promise.all(jobs.map((job) => this.#deliver(job, claimed.get(job.data.notificationId))));
    await this.#record(outcomes);
    const done = jobs.filter((_, i) => outcomes[i]!.kind !== 'retry').map((job) => job.id);
    const retries = new Map<string, string[]>();
    jobs.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.kind === 'retry') retries.set(outcome.error, [...(retries.get(outcome.error) ?? []), job.id]);
    });
    const settled = await Promise.allSettled([
      ...(done.length > 0 ? [boss.complete(DELIVERY_QUEUE, done)] : []),
      // One statement per distinct error: in an outage every message of a batch meets the same one.
      ...[...retries].map(([message, ids]) => failJobs(boss, ids, message)),
    ]);
    const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /**
   * Sends a job for every queued message. Jobs that exist already (same id) are left alone, so
   * this is safe after every commit and from every instance. Returns how many rows it offered.
   */
  dispatch(): Promise<number> {
    if (!this.#boss) return Promise.resolve(0);
    if (this.#dispatching) {
      this.#again = true;
      return this.#dispatching;
    }
    const run = async (): Promise<number> => {
      let offered = 0;
      do {
        this.#again = false;
        offered = await this.#dispatchOnce();
      } while (this.#again && this.#boss);
      return offered;
    };
    this.#dispatching = run().finally(() => (this.#dispatching = undefined));
    return this.#dispatching;
  }

  async #dispatchOnce(): Promise<number> {
    const boss = this.#boss;
    if (!boss) return 0;
    let offered = 0;
    let after = '';
    for (;;) {
      const rows = await this.options.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.status, 'queued'), sql`${notifications.id}::text > ${after}`))
        .orderBy(asc(sql`${notifications.id}::text`))
        .limit(DISPATCH_BATCH);
      if (rows.length === 0) return offered;
      await boss.insert(rows.map((r) => ({ id: r.id, name: DELIVERY_QUEUE, data: { notificationId: r.id } })));
      offered += rows.length;
      after = rows.at(-1)!.id;
    }
  }

  /** Works through due jobs now, in this call: for tests and for a one-off run. Returns how many it handled. */
  async drain(options: DrainOptions = {}): Promise<number> {
    const boss = this.#boss;
    if (!boss) throw new Error('notification delivery is not started');
    let handled = 0;
    const limit = options.limit ?? Infinity;
    while (handled < limit) {
      const jobs = await this.#fetch(boss, Math.min(IN_FLIGHT, limit - handled), options.ignoreStartAfter ?? false);
      if (jobs.length === 0) break;
      handled += jobs.length;
      // Every message of the batch had its turn; if their outcomes could not be written, the
      // jobs stay active and are tried again once pg-boss expires them.
      await this.#handleBatch(boss, jobs);
    }
    return handled;
  }

  /**
   * Claims the batch's messages still `queued`, counting the attempt. A message missing from the
   * result is sent, delivered or failed already: whoever got there first decided.
   */
  async #claim(ids: string[]): Promise<Map<string, Notification>> {
    const rows = await this.options.db
      .update(notifications)
      .set({ attempts: sql`${notifications.attempts} + 1` })
      .where(and(inArray(notifications.id, ids), eq(notifications.status, 'queued')))
      .returning();
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** One attempt at one claimed message; never throws, the outcome says what happened. */
  async #deliver(job: DeliveryJobWithMetadata, row: Notification | undefined): Promise<Outcome> {
    if (!row || row.channel === 'in_app' || !row.address) return { kind: 'decided' };
    try {
      const sent =
        row.channel === 'email'
          ? await this.#email().send({ id: row.id, to: row.address, subject: row.subject ?? '', text: row.body, html: row.html })
          : await this.#sms().send({ reference: row.id, to: row.address, text: row.body });
      return { kind: 'sent', id: row.id, providerMessageId: sent.providerMessageId };
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError('unexpected delivery error', false);
      if (!(error instanceof DeliveryError)) this.options.log.error({ err: error, notificationId: row.id }, 'notification delivery failed unexpectedly');
      const final = failure.permanent || job.retryCount >= job.retryLimit;
      this.options.log.warn({ notificationId: row.id, channel: row.channel, attempt: row.attempts, final, reason: redactPersonalData(failure.message) }, 'notification not delivered');
      return { kind: final ? 'failed' : 'retry', id: row.id, error: failure.message };
    }
  }

  /**
   * Writes the batch's outcomes in one statement, each row only while it is still `queued`: a
   * delivery report or another worker that decided it first is not overwritten.
   */
  async #record(outcomes: Outcome[]): Promise<void> {
    const rows = outcomes.flatMap((o) =>
      o.kind === 'decided'
        ? []
        : [sql`(${o.id}::uuid, ${o.kind === 'retry' ? 'queued' : o.kind}::text, ${o.kind === 'sent' ? o.providerMessageId : null}::text, ${o.kind === 'sent' ? null : o.error}::text)`],
    );
    if (rows.length === 0) return;
    const at = this.options.clock();
    await this.options.db.execute(sql`
      update notifications as n set
        status = o.status,
        provider_message_id = case when o.status = 'sent' then o.provider_message_id else n.provider_message_id end,
        sent_at = case when o.status = 'sent' then ${at}::timestamptz else n.sent_at end,
        failed_at = case when o.status = 'failed' then ${at}::timestamptz else n.failed_at end,
        last_error = o.last_error
      from (values ${sql.join(rows, sql`, `)}) as o (id, status, provider_message_id, last_error)
      where n.id = o.id and n.status = 'queued'`);
  }

  #email(): EmailSender {
    if (!this.options.email) throw new DeliveryError('no SMTP relay configured', false);
    return this.options.email;
  }

  #sms(): SmsSender {
    if (!this.options.sms) throw new DeliveryError('no SMS gateway configured', false);
    return this.options.sms;
  }
}
