/**
 * Delivery of queued notifications by pg-boss, in worker processes. The `notifications` rows are
 * the source of truth; a pg-boss job (its id is the notification's id, so sending it twice is a
 * no-op) only says "try this one now". After a commit `dispatch()` sends jobs for queued rows,
 * from whichever process committed; the scheduled sweep (schedules.ts, once a minute in the
 * cluster) does the same, so a crash between commit and dispatch loses nothing.
 *
 * The worker re-reads the row and skips anything no longer `queued`, and records `sent` with the
 * provider's message id in the step that learns of success. pg-boss retries temporary failures
 * with exponential backoff; a permanent refusal, or the last retry, marks the row `failed` with
 * the error. pg-boss runs over the app's own pool (`db.executeSql`), so it works the same on
 * PGlite and on PostgreSQL.
 *
 * The worker loop is Sot's own (fetch, deliver, complete or fail, each awaited) rather than
 * pg-boss's `work()`: pg-boss 10 does not await the completion it writes after a handler, so a
 * database that goes away at that moment becomes an unhandled rejection, which ends the process.
 * Here a failed write is logged, the job stays active until pg-boss expires it and tries again,
 * and the loop polls on until the database is back.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { DeliveryError, type EmailSender, type SmsSender } from '../adapters/delivery.ts';
import type { Db } from '../db/client.ts';
import { notifications } from '../db/schema/index.ts';
import { redactPersonalData } from '../log.ts';
import { startJobQueue } from './jobQueue.ts';

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

export interface DrainOptions {
  /** Take jobs whose retry delay has not run out yet (tests drive retries without waiting). */
  ignoreStartAfter?: boolean;
  /** Stop after this many jobs. */
  limit?: number;
}

const POLL_EVERY_MS = 1_000;
/**
 * Messages a worker has on their way at once. Each waits mostly on the relay or the gateway, so
 * many in flight keep a pooled SMTP transport and the gateway's keep-alive connections busy;
 * the database pool (two statements per message) and pg-boss's fetch bound it from above.
 */
const IN_FLIGHT = 32;

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
    await boss.createQueue(DELIVERY_QUEUE, { name: DELIVERY_QUEUE, retryLimit: this.options.retryLimit, retryDelay: this.options.retryDelaySeconds, retryBackoff: true });
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
   * Takes due jobs while started, keeping up to `IN_FLIGHT` messages on their way: a job is
   * fetched as soon as one finishes, so one slow relay answer does not hold up a whole batch.
   * Rests a second when there is nothing to do or the database is away.
   */
  async #work(boss: PgBoss): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    while (this.#boss === boss) {
      let jobs: DeliveryJobWithMetadata[] = [];
      try {
        jobs = await this.#fetch(boss, IN_FLIGHT - inFlight.size, false);
      } catch (error) {
        this.options.log.error({ err: error }, 'notification worker could not reach the queue');
      }
      for (const job of jobs) {
        const handling: Promise<void> = this.#handle(boss, job)
          .catch((error: unknown) => this.options.log.error({ err: error }, 'notification worker could not record an outcome'))
          .finally(() => inFlight.delete(handling));
        inFlight.add(handling);
      }
      if (inFlight.size >= IN_FLIGHT || (jobs.length === 0 && inFlight.size > 0)) await Promise.race(inFlight);
      else if (jobs.length === 0) await this.#rest();
    }
    // The messages being sent now are finished and recorded before the worker stops.
    await Promise.allSettled(inFlight);
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

  /** One job: the message sent (or found decided already) and the job completed, or failed for a retry. */
  async #handle(boss: PgBoss, job: DeliveryJobWithMetadata): Promise<void> {
    try {
      await this.#deliver(job.data.notificationId, job.retryCount >= job.retryLimit);
    } catch (error) {
      await boss.fail(DELIVERY_QUEUE, job.id, { message: (error as Error).message });
      return;
    }
    await boss.complete(DELIVERY_QUEUE, job.id);
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
      const outcomes = await Promise.allSettled(jobs.map((job) => this.#handle(boss, job)));
      handled += jobs.length;
      // Every job of the batch had its turn; a job whose outcome could not be written stays
      // active and is tried again once pg-boss expires it.
      const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failed) throw failed.reason;
    }
    return handled;
  }

  /** One attempt at one message. Throws to have pg-boss try again later. */
  async #deliver(id: string, lastAttempt: boolean): Promise<void> {
    const { db } = this.options;
    const [row] = await db
      .update(notifications)
      .set({ attempts: sql`${notifications.attempts} + 1` })
      .where(and(eq(notifications.id, id), eq(notifications.status, 'queued')))
      .returning();
    // Sent, delivered or failed already: whoever got there first decided.
    if (!row || row.channel === 'in_app' || !row.address) return;
    try {
      const sent =
        row.channel === 'email'
          ? await this.#email().send({ id: row.id, to: row.address, subject: row.subject ?? '', text: row.body, html: row.html })
          : await this.#sms().send({ reference: row.id, to: row.address, text: row.body });
      await db
        .update(notifications)
        .set({ status: 'sent', providerMessageId: sent.providerMessageId, sentAt: this.options.clock(), lastError: null })
        .where(and(eq(notifications.id, id), eq(notifications.status, 'queued')));
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError('unexpected delivery error', false);
      if (!(error instanceof DeliveryError)) this.options.log.error({ err: error, notificationId: id }, 'notification delivery failed unexpectedly');
      const final = failure.permanent || lastAttempt;
      await db
        .update(notifications)
        .set(final ? { status: 'failed', failedAt: this.options.clock(), lastError: failure.message } : { lastError: failure.message })
        .where(and(eq(notifications.id, id), eq(notifications.status, 'queued')));
      this.options.log.warn({ notificationId: id, channel: row.channel, attempt: row.attempts, final, reason: redactPersonalData(failure.message) }, 'notification not delivered');
      if (!final) throw failure;
    }
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
