/**
 * Sot's periodic work as pg-boss schedules: one queue per job, its cron in pg-boss's `schedule`
 * table, so each tick runs once in the cluster however many worker processes run, and not at all
 * in `web` processes.
 *
 * The clock is Sot's own (pg-boss's is off, see jobQueue.ts). Every worker looks at the schedules
 * every few seconds and sends a job for each tick of the last minute; the job's id is derived from
 * the schedule's name and the tick's instant, so the same tick sent by every worker, or again by
 * the same one, is one job (pg-boss inserts with ON CONFLICT DO NOTHING). pg-boss hands each job to
 * one worker (SKIP LOCKED). The work loop is Sot's own too (fetch, run, complete or fail, each
 * awaited; see notifications.ts): a job whose outcome could not be written stays active until it
 * expires, and is not tried again (retryLimit 0): the next tick does the same work, as every job
 * here is an idempotent sweep.
 */
import { createHash } from 'node:crypto';
import cronParser from 'cron-parser';
import type PgBoss from 'pg-boss';
import { ensureQueue } from './jobQueue.ts';
import type { FastifyInstance } from 'fastify';
import { queueDeadlineReminders } from './deadlineReminders.ts';
import { checkAuditChain } from './auditHead.ts';
import { warnOfMissingReferenceValues } from './referenceWatch.ts';
import { enterIntoForce, removeLeftovers } from './housekeeping.ts';
import { deliverDueWebhooks, fanOutWebhookEvents } from './webhooks.ts';
import { refreshStatisticsNightly } from './courtStatistics.ts';
import { fanOutCaseAlerts } from './caseAlerts.ts';

/** Cron expressions are read in court time: Kazakhstan is UTC+5 everywhere. */
export const SCHEDULE_TIMEZONE = 'Asia/Almaty';

export interface ScheduledJob {
  /** The pg-boss queue and schedule. */
  name: string;
  /** Five fields (minute hour day month weekday) in court time. */
  cron: string;
  /** Also soon after a worker starts: at most once a clock hour in the cluster, however many start. */
  atStart?: boolean;
  /** Longest run before pg-boss gives the job up (it is not tried again: the next tick does the work). */
  expireInSeconds?: number;
  run(app: FastifyInstance): Promise<void>;
}

export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  // Idempotent per term and day count: a reminder is written once, whichever tick finds it.
  { name: 'term-reminders', cron: '0 * * * *', run: remindOfTerms },
  { name: 'entry-into-force', cron: '5 * * * *', run: enterIntoForce },
  { name: 'housekeeping', cron: '10 * * * *', run: removeLeftovers },
  // Catches notices whose dispatch after commit was lost (a crash, a database outage).
  { name: 'notification-sweep', cron: '* * * * *', run: async (app) => void (await app.notifications.dispatch()) },
  // New timeline events to the people following each case; the cursor makes a tick repeat nothing.
  { name: 'case-alerts', cron: '* * * * *', run: alertFollowers },
  // The head goes to the log daily, so that logs kept elsewhere can be compared with the chain.
  { name: 'audit-head', cron: '15 0 * * *', atStart: true, expireInSeconds: 3 * 3600, run: async (app) => void (await checkAuditChain(app, app.clock())) },
  { name: 'reference-watch', cron: '0 6 * * *', atStart: true, run: warnOfMissingReferenceValues },
  // Organisations' webhooks: new events become deliveries, due deliveries are sent. Both are
  // idempotent (a delivery per subscription and event; a lease per attempt), so a lost tick loses nothing.
  { name: 'webhook-fanout', cron: '* * * * *', run: async (app) => void (await fanOutWebhookEvents(app.db, app.clock())) },
  { name: 'webhook-delivery', cron: '* * * * *', run: async (app) => void (await deliverDueWebhooks({ db: app.db, log: app.log, sealKey: app.config.webhooks.sealKey, clock: app.clock })) },
  // At night, when courts are closed: the current and the previous month, counted again whole.
  { name: 'court-statistics', cron: '30 1 * * *', expireInSeconds: 3600, run: refreshStatisticsNightly },
];

async function remindOfTerms(app: FastifyInstance): Promise<void> {
  const ids = await queueDeadlineReminders(app.db, app.clock());
  if (ids.length) await app.notifications.dispatch();
}

async function alertFollowers(app: FastifyInstance): Promise<void> {
  const { toDeliver } = await fanOutCaseAlerts(app.db, app.clock());
  if (toDeliver.length) await app.notifications.dispatch();
}

/** Ticks are looked for this far back, as pg-boss's own clock does: a worker late by less still sends them. */
const LOOKBACK_MS = 60_000;

/** The instants a cron fires in (from, to]. */
export function ticksBetween(cron: string, timezone: string, from: Date, to: Date): Date[] {
  const interval = cronParser.parseExpression(cron, { tz: timezone, currentDate: from, endDate: to });
  const ticks: Date[] = [];
  while (interval.hasNext()) ticks.push(interval.next().toDate());
  return ticks.filter((tick) => tick > from && tick <= to);
}

/** One job id per schedule and tick (a name-based UUID), so sending the tick again is a no-op. */
export function tickJobId(name: string, tick: Date): string {
  const hex = createHash('sha256').update(`sot-schedule\0${name}\0${tick.toISOString()}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface SchedulerOptions {
  /** How often the clock looks at the schedules and idle queues are polled. */
  pollEveryMs?: number;
  /** Tests of the schedules: every job fires every this many seconds instead of its cron. */
  everySeconds?: number;
}

interface TickData {
  tick?: string;
  atStart?: boolean;
}

export class Scheduler {
  #boss: PgBoss | undefined;
  #clock: NodeJS.Timeout | undefined;
  #loops: Promise<void>[] = [];
  #wake = new Set<() => void>();
  readonly #pollEveryMs: number;

  constructor(
    private readonly app: FastifyInstance,
    private readonly options: SchedulerOptions = {},
    private readonly jobs: readonly ScheduledJob[] = SCHEDULED_JOBS,
  ) {
    this.#pollEveryMs = options.pollEveryMs ?? (options.everySeconds ? 500 : 5_000);
  }

  cronOf(job: ScheduledJob): string {
    return this.options.everySeconds ? `*/${this.options.everySeconds} * * * * *` : job.cron;
  }

  /** Creates each job's queue and writes its schedule: safe from every worker at every start. */
  async install(boss: PgBoss): Promise<void> {
    for (const job of this.jobs) {
      await ensureQueue(boss, job.name, { retryLimit: 0, expireInSeconds: job.expireInSeconds ?? 900 });
      await boss.schedule(job.name, this.cronOf(job), {}, { tz: SCHEDULE_TIMEZONE });
    }
  }

  /** Installs the schedules, then runs the clock and a work loop per queue until `stop()`. */
  async start(boss: PgBoss, { work = true }: { work?: boolean } = {}): Promise<void> {
    if (this.#boss) return;
    await this.install(boss);
    this.#boss = boss;
    if (!work) return;
    await this.sendStartRuns();
    const tick = () => void this.sendDueTicks(new Date()).catch((error: unknown) => this.app.log.error({ err: error }, 'schedules could not be read'));
    tick();
    this.#clock = setInterval(tick, this.#pollEveryMs).unref();
    this.#loops = this.jobs.map((job) => this.#work(boss, job));
  }

  async stop(): Promise<void> {
    clearInterval(this.#clock);
    this.#boss = undefined;
    for (const wake of this.#wake) wake();
    // A job being run now is finished and recorded first.
    await Promise.all(this.#loops);
    this.#loops = [];
  }

  /** The runs of jobs wanted soon after a worker starts: one a clock hour in the cluster (pg-boss's singleton). */
  async sendStartRuns(): Promise<void> {
    const boss = this.#boss;
    if (!boss) return;
    for (const job of this.jobs.filter((j) => j.atStart)) {
      await boss.send(job.name, { atStart: true } satisfies TickData, { singletonKey: 'at-start', singletonSeconds: 3600 });
    }
  }

  /** Sends a job for every tick of every schedule in the last minute up to `now`; returns how many ticks it offered. */
  async sendDueTicks(now: Date): Promise<number> {
    const boss = this.#boss;
    if (!boss) return 0;
    // The schedules as the database has them: a worker of an older release still runs the ticks.
    const schedules = (await boss.getSchedules()) as (PgBoss.Schedule & { timezone?: string })[];
    const due = schedules.flatMap((schedule) =>
      ticksBetween(schedule.cron, schedule.timezone ?? SCHEDULE_TIMEZONE, new Date(now.getTime() - LOOKBACK_MS), now).map((tick) => ({
        id: tickJobId(schedule.name, tick),
        name: schedule.name,
        data: { ...(schedule.data ?? {}), tick: tick.toISOString() } satisfies TickData,
      })),
    );
    if (due.length > 0) await boss.insert(due);
    return due.length;
  }

  /** Runs the due jobs of one queue now, in this call: for tests. Returns how many it ran. */
  async runDue(name: string): Promise<number> {
    const boss = this.#boss;
    const job = this.jobs.find((j) => j.name === name);
    if (!boss || !job) throw new Error(`no scheduled job ${name} started`);
    let ran = 0;
    while (await this.#runOne(boss, job)) ran++;
    return ran;
  }

  async #work(boss: PgBoss, job: ScheduledJob): Promise<void> {
    while (this.#boss === boss) {
      let ran = false;
      try {
        ran = await this.#runOne(boss, job);
      } catch (error) {
        this.app.log.error({ err: error, job: job.name }, 'scheduled job queue unreachable');
      }
      if (!ran && this.#boss === boss) {
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            this.#wake.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, this.#pollEveryMs);
          this.#wake.add(wake);
        });
      }
    }
  }

  /** Takes one due job of the queue and runs it; false when none was due. */
  async #runOne(boss: PgBoss, job: ScheduledJob): Promise<boolean> {
    const [taken] = await boss.fetch<TickData>(job.name, { batchSize: 1 });
    if (!taken) return false;
    const started = performance.now();
    const at = { job: job.name, tick: taken.data?.tick ?? null, atStart: taken.data?.atStart === true };
    try {
      await job.run(this.app);
    } catch (error) {
      this.app.log.error({ err: error, ...at }, 'scheduled job failed');
      await boss.fail(job.name, taken.id, { message: (error as Error).message });
      return true;
    }
    await boss.complete(job.name, taken.id);
    this.app.log.debug({ ...at, ms: Math.round(performance.now() - started) }, 'scheduled job done');
    return true;
  }
}
