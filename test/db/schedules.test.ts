import { afterAll, beforeAll, expect, it } from 'vitest';
import type PgBoss from 'pg-boss';
import { auditChecks } from '../../src/db/schema/index.ts';
import { startJobQueue } from '../../src/jobs/jobQueue.ts';
import { SCHEDULED_JOBS, SCHEDULE_TIMEZONE, Scheduler, tickJobId } from '../../src/jobs/schedules.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb, testDbKind } from '../support/db.ts';

/**
 * The periodic jobs as pg-boss schedules, on both databases: two workers (two schedulers on one
 * database, as two processes would be) see the same ticks, and each tick is one job, run once.
 */
describeDb(`scheduled jobs (${testDbKind})`, () => {
  let t: TestApp;
  let boss: PgBoss;
  let workers: [Scheduler, Scheduler];

  const jobsOf = async (name: string) =>
    (await t.database.pool.query<{ id: string; state: string; tick: string | null; at_start: boolean }>(
      `select id::text, state::text, data->>'tick' as tick, coalesce((data->>'atStart')::boolean, false) as at_start from pgboss.job where name = $1 order by created_on`,
      [name],
    )).rows;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    boss = await startJobQueue(t.database.pool, t.app.log, { maintain: false });
    await t.app.notifications.start({ boss, work: false });
    workers = [new Scheduler(t.app), new Scheduler(t.app)];
    // Installed, without their own clocks and loops: the test moves time and runs the queues.
    for (const worker of workers) await worker.start(boss, { work: false });
  }, 60_000);

  afterAll(async () => {
    for (const worker of workers ?? []) await worker.stop();
    await t?.app.notifications.stop();
    await boss?.stop({ graceful: false, close: false });
    await t?.close();
  });

  it('keeps every job in pg-boss’s schedules, in court time, with a queue of its own', async () => {
    const schedules = (await boss.getSchedules()) as (PgBoss.Schedule & { timezone: string })[];
    expect(schedules.map((s) => s.name).sort()).toEqual(SCHEDULED_JOBS.map((j) => j.name).sort());
    expect(schedules.every((s) => s.timezone === SCHEDULE_TIMEZONE)).toBe(true);
    expect(schedules.find((s) => s.name === 'entry-into-force')!.cron).toBe('5 * * * *');
    for (const job of SCHEDULED_JOBS) expect(await boss.getQueue(job.name)).toMatchObject({ name: job.name, retryLimit: 0 });
  });

  it('makes one job of a tick however many workers send it, however often', async () => {
    // 10:05:20 in Almaty: the minute's jobs (notice sweep, case alerts, webhook fan-out and delivery)
    // and the hour's entry into force are due.
    const at = new Date('2026-11-25T05:05:20Z');
    const tick = new Date('2026-11-25T05:05:00Z');
    const sent = await Promise.all([workers[0].sendDueTicks(at), workers[1].sendDueTicks(at), workers[0].sendDueTicks(new Date(at.getTime() + 15_000))]);
    // Each looks a minute back: the 10:05 ticks of the four minute jobs and of entry into force.
    expect(sent).toEqual([5, 5, 5]);
    expect(await jobsOf('entry-into-force')).toEqual([{ id: tickJobId('entry-into-force', tick), state: 'created', tick: tick.toISOString(), at_start: false }]);
    expect((await jobsOf('notification-sweep')).map((j) => j.tick)).toEqual([tick.toISOString()]);
    expect(await jobsOf('term-reminders')).toEqual([]);
    // Both workers poll the queue; one of them runs the job.
    const ran = await Promise.all([workers[0].runDue('entry-into-force'), workers[1].runDue('entry-into-force')]);
    expect(ran[0] + ran[1]).toBe(1);
    expect((await jobsOf('entry-into-force')).map((j) => j.state)).toEqual(['completed']);
    // Sent again after it ran: still the one job, not run again.
    await workers[1].sendDueTicks(at);
    expect(await workers[0].runDue('entry-into-force')).toBe(0);
    // A minute on: the next tick of the sweep is a job of its own.
    await workers[1].sendDueTicks(new Date('2026-11-25T05:06:01Z'));
    expect((await jobsOf('notification-sweep')).map((j) => j.tick)).toEqual([tick.toISOString(), '2026-11-25T05:06:00.000Z']);
  });

  it('walks the audit chain once when workers start together, and logs its head', async () => {
    await Promise.all(workers.map((w) => w.sendStartRuns()));
    expect((await jobsOf('audit-head')).filter((j) => j.at_start)).toHaveLength(1);
    expect((await jobsOf('reference-watch')).filter((j) => j.at_start)).toHaveLength(1);
    const ran = await Promise.all(workers.map((w) => w.runDue('audit-head')));
    expect(ran[0]! + ran[1]!).toBe(1);
    expect(await t.database.db.select().from(auditChecks)).toMatchObject([{ ok: true, source: 'daily', checkedAt: TEST_NOW }]);
    expect(t.logs.filter((l) => l.msg === 'audit log head')).toHaveLength(1);
  });

  it('records a failed run as failed and does not run it again', async () => {
    const failing = new Scheduler(t.app, {}, [{ name: 'failing-sweep', cron: '* * * * *', run: async () => Promise.reject(new Error('the disk is full')) }]);
    await failing.start(boss, { work: false });
    try {
      await failing.sendDueTicks(new Date('2026-11-25T05:10:10Z'));
      expect(await failing.runDue('failing-sweep')).toBe(1);
      expect((await jobsOf('failing-sweep')).map((j) => j.state)).toEqual(['failed']);
      expect(t.logs.find((l) => l.msg === 'scheduled job failed')).toMatchObject({ level: 50, job: 'failing-sweep', tick: '2026-11-25T05:10:00.000Z' });
      expect(await failing.runDue('failing-sweep')).toBe(0);
    } finally {
      await failing.stop();
      await boss.unschedule('failing-sweep');
    }
  });
});
