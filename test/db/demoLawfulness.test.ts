import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { caseDeadlines, cases, documents, events, hearings } from '../../src/db/schema/index.ts';
import type { IsoDay } from '../../src/domain/calendar/holidays.ts';
import { canTransition, type CaseStatus } from '../../src/domain/caseStatus.ts';
import { deadline, type DeadlineKind } from '../../src/domain/deadlines.ts';
import { COURT_DAY_ENDS, COURT_DAY_STARTS, courtDay } from '../../src/domain/hearingSlots.ts';
import { initialReference } from '../../src/domain/reference.ts';
import { openDevPki } from '../../src/pki/devCa.ts';
import { seedDemoActs } from '../../src/seed/demoActs.ts';
import { seedDemoHearingRecords, seedDemoRecordings } from '../../src/seed/demoRecordings.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';

const { calendar } = initialReference();
const minuteOfCourtDay = (at: Date) => {
  const shifted = new Date(at.getTime() + 5 * 3_600_000);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
};
/** Why `at` is no moment a court acts at, or null: a working day, within the court's hours (Asia/Almaty). */
const outsideCourtHours = (at: Date): string | null =>
  !calendar.isWorkingDay(courtDay(at)) ? `${at.toISOString()} is not a working day` : minuteOfCourtDay(at) < COURT_DAY_STARTS || minuteOfCourtDay(at) > COURT_DAY_ENDS ? `${at.toISOString()} is outside court hours` : null;

/**
 * The demo follows the law it shows: decisions at held hearings, the final form within its term,
 * every step on a working day in court hours, terms as the calendar counts them, and a history
 * that reads in the order the case moved. Checked over every demo case.
 */
describeDb('the demo data is lawful', () => {
  let t: TestApp;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-demo-law-'));
    const pkiDir = path.join(dataDir, 'pki');
    const pki = await openDevPki(pkiDir, demoPeople());
    t = await createTestApp({ seed: true, config: { DATA_DIR: dataDir, DEMO: 'true' } });
    await seedDemoActs(t.database.db, t.app.blobs, pki);
    await seedDemoRecordings(t.database.db, t.app.blobs, TEST_NOW);
    await seedDemoHearingRecords(t.database.db, t.app.blobs);
  }, 300_000);
  afterAll(() => t?.close());

  it('issues every decision and resolution at a hearing held that day, and the final form within its term', async () => {
    const db = t.database.db;
    const acts = await db.select().from(documents).where(inArray(documents.kind, ['decision', 'resolution']));
    const caseHearings = await db.select().from(hearings);
    expect(acts.length).toBeGreaterThan(3);
    const problems: string[] = [];
    for (const act of acts.filter((a) => a.issuedAt)) {
      const at = act.issuedAt!;
      const sameDay = caseHearings.filter((h) => h.caseId === act.caseId && h.openedAt && courtDay(h.openedAt) === courtDay(at) && h.openedAt <= at && h.status === 'held');
      const operative = acts.find((a) => a.caseId === act.caseId && a.decisionForm === 'operative' && a.issuedAt && a.issuedAt < at);
      if (act.decisionForm === 'final' && operative) {
        const due = deadline('decision_final_form', courtDay(operative.issuedAt!), calendar).due;
        if (courtDay(at) > due) problems.push(`${act.caseId}: final form on ${courtDay(at)}, due ${due}`);
        continue;
      }
      // The operative part, a decision made in final form at once, a resolution: during the hearing.
      if (!sameDay.some((h) => !h.closedAt || h.closedAt >= at)) problems.push(`${act.caseId}: ${act.kind}/${act.decisionForm ?? act.outcome} at ${at.toISOString()} without a hearing held then`);
    }
    expect(problems).toEqual([]);
  });

  it('dates every event, hearing and act on a working day within court hours', async () => {
    const db = t.database.db;
    const problems: string[] = [];
    for (const e of await db.select().from(events)) {
      const why = outsideCourtHours(e.occurredAt);
      if (why) problems.push(`event ${e.type}: ${why}`);
    }
    for (const h of await db.select().from(hearings)) {
      for (const at of [h.startsAt, h.openedAt, h.closedAt]) {
        const why = at && outsideCourtHours(at);
        if (why) problems.push(`hearing: ${why}`);
      }
    }
    for (const d of await db.select().from(documents).where(isNotNull(documents.issuedAt))) {
      const why = outsideCourtHours(d.issuedAt!);
      if (why) problems.push(`${d.kind}: ${why}`);
    }
    expect(problems).toEqual([]);
  });

  it('counts every term from its day as the calendar does', async () => {
    const problems: string[] = [];
    const terms = await t.database.db.select().from(caseDeadlines);
    expect(terms.length).toBeGreaterThan(5);
    for (const term of terms) {
      let expected: string;
      try {
        expected = deadline(term.kind as DeadlineKind, term.runsFrom as IsoDay, calendar).due;
      } catch {
        continue; // A term set by the judge (a defect to fix by a date) has no rule to recount.
      }
      if (term.dueOn !== expected) problems.push(`${term.kind} from ${term.runsFrom}: ${term.dueOn}, the calendar says ${expected}`);
    }
    expect(problems).toEqual([]);
  });

  it('tells each case’s history in the order its status moved', async () => {
    const rows = await t.database.db.select().from(events).orderBy(asc(events.occurredAt), asc(events.id));
    const problems: string[] = [];
    const byCase = new Map<string, typeof rows>();
    for (const e of rows) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    const caseRows = await t.database.db.select({ id: cases.id, status: cases.status, instance: cases.instance }).from(cases);
    const statuses = new Map(caseRows.map((c) => [c.id, c.status]));
    const instances = new Map(caseRows.map((c) => [c.id, c.instance]));
    for (const [caseId, list] of byCase) {
      let current = null as CaseStatus | null;
      for (const e of list.filter((x) => x.type === 'status_changed')) {
        const to = e.data['to'] as CaseStatus;
        if (current && !canTransition(current, to, instances.get(caseId)) && current !== to) problems.push(`${caseId}: ${current} → ${to}`);
        current = to;
      }
      if (current && current !== statuses.get(caseId)) problems.push(`${caseId}: history ends at ${current}, the case is ${statuses.get(caseId)}`);
    }
    expect(problems).toEqual([]);
  });
});
