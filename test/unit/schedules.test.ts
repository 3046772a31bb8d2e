import { describe, expect, it } from 'vitest';
import { SCHEDULED_JOBS, SCHEDULE_TIMEZONE, tickJobId, ticksBetween } from '../../src/jobs/schedules.ts';

describe('the ticks of a schedule', () => {
  it('reads cron in court time: a daily job at 00:15 in Almaty fires at 19:15 UTC the day before', () => {
    const ticks = ticksBetween('15 0 * * *', SCHEDULE_TIMEZONE, new Date('2026-11-24T00:00:00Z'), new Date('2026-11-26T00:00:00Z'));
    expect(ticks.map((t) => t.toISOString())).toEqual(['2026-11-24T19:15:00.000Z', '2026-11-25T19:15:00.000Z']);
  });

  it('takes the ticks after the start and up to the end, both in seconds and in minutes', () => {
    const from = new Date('2026-11-25T05:04:20Z');
    const to = new Date('2026-11-25T05:05:20Z');
    expect(ticksBetween('* * * * *', SCHEDULE_TIMEZONE, from, to).map((t) => t.toISOString())).toEqual(['2026-11-25T05:05:00.000Z']);
    expect(ticksBetween('*/20 * * * * *', SCHEDULE_TIMEZONE, from, to).map((t) => t.toISOString())).toEqual(['2026-11-25T05:04:40.000Z', '2026-11-25T05:05:00.000Z', '2026-11-25T05:05:20.000Z']);
    expect(ticksBetween('0 * * * *', SCHEDULE_TIMEZONE, from, to)).toEqual([]);
  });

  it('names each tick of each job by one UUID, the same in every process', () => {
    const tick = new Date('2026-11-25T05:05:00Z');
    const id = tickJobId('entry-into-force', tick);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(tickJobId('entry-into-force', new Date(tick))).toBe(id);
    expect(tickJobId('entry-into-force', new Date(tick.getTime() + 60_000))).not.toBe(id);
    expect(tickJobId('housekeeping', tick)).not.toBe(id);
  });

  it('runs the notice sweep, case alerts and webhooks every minute, the sweeps of cases and files hourly, the checks daily', () => {
    const from = new Date('2026-11-24T19:00:00Z');
    const count = (name: string, hours: number) => ticksBetween(SCHEDULED_JOBS.find((j) => j.name === name)!.cron, SCHEDULE_TIMEZONE, from, new Date(from.getTime() + hours * 3_600_000)).length;
    expect(new Set(SCHEDULED_JOBS.map((j) => j.name)).size).toBe(SCHEDULED_JOBS.length);
    for (const name of ['notification-sweep', 'case-alerts', 'webhook-fanout', 'webhook-delivery']) expect(count(name, 1)).toBe(60);
    for (const name of ['term-reminders', 'entry-into-force', 'housekeeping']) expect(count(name, 24)).toBe(24);
    for (const name of ['audit-head', 'court-statistics', 'reference-watch']) expect(count(name, 24)).toBe(1);
    expect(SCHEDULED_JOBS.map((j) => j.name).sort()).toEqual(['audit-head', 'case-alerts', 'court-statistics', 'entry-into-force', 'housekeeping', 'notification-sweep', 'reference-watch', 'term-reminders', 'webhook-delivery', 'webhook-fanout']);
  }, 30_000);
});
