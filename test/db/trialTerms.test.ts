import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAdmission } from '../../src/commands/admitCase.ts';
import { postponeHearing, scheduleHearing } from '../../src/commands/hearings.ts';
import { registerCase } from '../../src/commands/registerCase.ts';
import { openMissingTrialTerms } from '../../src/commands/trialTerms.ts';
import { caseDeadlines, cases, courts, events, hearings, parties } from '../../src/db/schema/index.ts';
import type { IsoDay } from '../../src/domain/calendar/holidays.ts';
import { deadline as deadlineIn, type DeadlineKind } from '../../src/domain/deadlines.ts';
import { courtInstant } from '../../src/domain/hearingSlots.ts';
import { initialReference } from '../../src/domain/reference.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { formSession } from '../support/forms.ts';
import { judgeSession, type Judge } from '../support/judges.ts';
import { makeRootCa, type TestCa } from '../support/pki.ts';
import { signedInUser } from '../support/sessions.ts';

const { calendar } = initialReference();
const deadline = (kind: DeadlineKind, from: IsoDay) => deadlineIn(kind, from, calendar).due;
// TEST_NOW is Wednesday 25 November 2026, 10:00 in Kazakhstan.
const TODAY = '2026-11-25' as IsoDay;

/** The terms a claim runs through at first instance: preparation from acceptance, consideration from the first hearing's appointment. */
describeDb('the terms of preparation and consideration, and the judge’s list by nearest term', () => {
  let t: TestApp;
  let root: TestCa;
  let medeu: string;
  const now = () => TEST_NOW;

  beforeAll(async () => {
    root = await makeRootCa({ name: 'Test NCA Root' });
    t = await createTestApp({ seed: true, clock: now });
    const [court] = await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'));
    medeu = court!.id;
  });
  afterAll(() => t?.close());

  async function clerk(): Promise<Principal> {
    const user = await signedInUser(t.database.db, { roles: [{ role: 'clerk', courtId: medeu }], now: now() });
    return { userId: user.id, iin: user.iin, fullName: 'Clerk', bin: null, roles: [{ role: 'clerk', courtId: medeu }] };
  }

  /** A civil claim at Medeu, registered and distributed to a judge (accepted unless told otherwise). */
  async function claim(category = 'property', accept = true): Promise<{ caseId: string; judge: Judge }> {
    const [created] = await t.database.db.insert(cases).values({ courtId: medeu, kind: 'civil', category, instance: 1, status: 'submitted' }).returning({ id: cases.id });
    await t.database.db.insert(parties).values([
      { caseId: created!.id, role: 'claimant', displayName: 'Истцов Истец' },
      { caseId: created!.id, role: 'defendant', displayName: 'Ответчиков Ответчик' },
    ]);
    const { judgeId } = await registerCase(t.database.db, await clerk(), created!.id, now());
    const judge = await judgeSession(t.database.db, root, judgeId, medeu, now());
    if (accept) await decideAdmission(t.database.db, judge.principal, created!.id, { kind: 'accept' }, now());
    return { caseId: created!.id, judge };
  }

  const termsOf = (caseId: string) => t.database.db.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, caseId));
  const slot = (day: string, time = '10:00') => ({ startsAt: courtInstant(day, time)!, durationMinutes: 60, room: '204' });

  describe('through the commands', () => {
    it('opens the term of preparation when a claim is accepted: 20 working days (CPC Art. 164(1))', async () => {
      const { caseId } = await claim();
      expect(await termsOf(caseId)).toEqual([expect.objectContaining({ kind: 'preparation', runsFrom: TODAY, dueOn: deadline('preparation', TODAY), article: 'CPC Art. 164(1)', concerns: 'court', closedAt: null })]);
      // 25 Nov + 20 working days, Independence Day (16 Dec) not counted.
      expect(deadline('preparation', TODAY)).toBe('2026-12-24');
    });

    it('opens none for a claim accepted in the simplified procedure', async () => {
      const { caseId, judge } = await claim('property', false);
      await decideAdmission(t.database.db, judge.principal, caseId, { kind: 'accept', simplified: true }, now());
      expect(await termsOf(caseId)).toEqual([]);
    });

    it('ends preparation when the first hearing is appointed and opens the 2-month term of consideration (CPC Art. 183(2))', async () => {
      const { caseId, judge } = await claim();
      await scheduleHearing(t.database.db, judge.principal, caseId, slot('2026-12-02'), now());
      const terms = await termsOf(caseId);
      expect(terms.find((d) => d.kind === 'preparation')!.closedAt).not.toBeNull();
      expect(terms.filter((d) => d.closedAt === null)).toEqual([expect.objectContaining({ kind: 'consideration', runsFrom: TODAY, dueOn: deadline('consideration', TODAY), article: 'CPC Art. 183(2)' })]);
      expect(deadline('consideration', TODAY)).toBe('2027-01-25');
    });

    it('gives an alimony case the one-month term, and a postponement opens no second term', async () => {
      const { caseId, judge } = await claim('alimony');
      const hearingId = await scheduleHearing(t.database.db, judge.principal, caseId, slot('2026-12-03'), now());
      await postponeHearing(t.database.db, judge.principal, hearingId, slot('2026-12-10'), 'Ответчик не извещён надлежащим образом', now());
      const open = (await termsOf(caseId)).filter((d) => d.closedAt === null);
      expect(open).toEqual([expect.objectContaining({ kind: 'consideration_short', dueOn: deadline('consideration_short', TODAY) })]);
      expect(deadline('consideration_short', TODAY)).toBe('2026-12-25');
    });
  });

  describe('for cases accepted before the terms were kept', () => {
    it('opens the missing term from the recorded acceptance or appointment, once', async () => {
      const preparing = await claim();
      const scheduled = await claim('special_proceedings');
      await scheduleHearing(t.database.db, scheduled.judge.principal, scheduled.caseId, slot('2026-12-04'), now());
      // As the cases stood before: no terms, and events from earlier days.
      await t.database.db.delete(caseDeadlines).where(eq(caseDeadlines.caseId, preparing.caseId));
      await t.database.db.delete(caseDeadlines).where(eq(caseDeadlines.caseId, scheduled.caseId));
      await t.database.db.update(events).set({ occurredAt: new Date('2026-11-02T06:00:00Z') }).where(and(eq(events.caseId, preparing.caseId), eq(events.type, 'status_changed')));
      await t.database.db.update(events).set({ occurredAt: new Date('2026-11-16T06:00:00Z') }).where(and(eq(events.caseId, scheduled.caseId), eq(events.type, 'status_changed')));

      const first = await openMissingTrialTerms(t.database.db);
      expect(first.opened).toBeGreaterThanOrEqual(2);
      expect(await termsOf(preparing.caseId)).toEqual([expect.objectContaining({ kind: 'preparation', runsFrom: '2026-11-02', dueOn: '2026-11-30', closedAt: null })]);
      expect(await termsOf(scheduled.caseId)).toEqual([expect.objectContaining({ kind: 'consideration_short', runsFrom: '2026-11-16', dueOn: '2026-12-17', closedAt: null })]);

      expect(await openMissingTrialTerms(t.database.db)).toEqual({ opened: 0, skipped: 0 });
      expect(await termsOf(preparing.caseId)).toHaveLength(1);
    });
  });

  describe('the hearing form with the date boxes', () => {
    async function post(judge: Judge, caseId: string, form: Record<string, string>) {
      const page = await t.app.inject({ method: 'GET', url: `/judge/cases/${caseId}`, headers: { cookie: judge.cookie } });
      expect(page.statusCode).toBe(200);
      const { token, cookie } = formSession(page, judge.cookie);
      return t.app.inject({
        method: 'POST',
        url: `/judge/cases/${caseId}/hearings`,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: token, form: 'hearing', duration: '60', room: '204', ...form }).toString(),
      });
    }
    const scheduledAt = async (caseId: string) => (await t.database.db.select({ startsAt: hearings.startsAt }).from(hearings).where(eq(hearings.caseId, caseId)))[0]?.startsAt.toISOString();

    it('shows the date boxes with a future example and the court-hours times', async () => {
      const { caseId, judge } = await claim();
      const page = await t.app.inject({ method: 'GET', url: `/judge/cases/${caseId}`, headers: { cookie: judge.cookie } });
      // Two weeks after Wed 25 Nov: Wed 9 Dec, a working day.
      expect(page.body).toContain('For example, 09.12.2026');
      expect(page.body).toMatch(/id="hearing-date"[^>]*name="date"/);
      expect(page.body).toMatch(/id="hearing-date-month"[^>]*name="month"/);
      expect(page.body).toContain('<option value="18:00"');
      expect(page.body).not.toContain('<option value="18:30"');
    });

    it('schedules from day, month and year boxes', async () => {
      const { caseId, judge } = await claim();
      const res = await post(judge, caseId, { date: '2', month: '12', year: '2026', time: '11:30' });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
      expect(await scheduledAt(caseId)).toBe('2026-12-02T06:30:00.000Z');
    });

    it('schedules from a whole date typed into the first box, in either form', async () => {
      const dotted = await claim();
      expect((await post(dotted.judge, dotted.caseId, { date: '3.12.2026', time: '09:00' })).statusCode).toBe(303);
      expect(await scheduledAt(dotted.caseId)).toBe('2026-12-03T04:00:00.000Z');
      const iso = await claim();
      expect((await post(iso.judge, iso.caseId, { date: '2026-12-04', time: '15:00' })).statusCode).toBe(303);
      expect(await scheduledAt(iso.caseId)).toBe('2026-12-04T10:00:00.000Z');
    });

    it('refuses a day that does not exist, a Sunday and a time past court hours, with the error beside its box', async () => {
      const { caseId, judge } = await claim();
      const invalid = await post(judge, caseId, { date: '31', month: '11', year: '2026', time: '10:00' });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.body).toContain('href="#hearing-date"');
      expect(invalid.body).toContain('Enter a real date of the hearing, for example 09.12.2026.');
      expect(invalid.body).toContain('govuk-input--error');

      const sunday = await post(judge, caseId, { date: '06.12.2026', time: '10:00' });
      expect(sunday.statusCode).toBe(400);
      expect(sunday.body).toContain('not a working day');
      // The typed date is kept for the judge to correct, spread over the three boxes.
      expect(sunday.body).toMatch(/id="hearing-date" name="date" type="text" inputmode="numeric" value="6"/);
      expect(sunday.body).toMatch(/id="hearing-date-month" name="month" type="text" inputmode="numeric" value="12"/);

      const late = await post(judge, caseId, { date: '7', month: '12', year: '2026', time: '18:00' });
      expect(late.statusCode).toBe(400);
      expect(late.body).toContain('href="#hearing-time"');
      expect(late.body).toContain('govuk-select--error');
      expect(await scheduledAt(caseId)).toBeUndefined();
    });
  });

  describe('the judge’s list', () => {
    let judge: Judge;
    let otherJudge: Judge;
    const ids: Record<string, string> = {};

    /** A case of this judge with one open term ending on `due`, filed at `filedAt`. */
    async function caseWithTerm(name: string, due: string | null, filedAt: string, number: string) {
      const [row] = await t.database.db
        .insert(cases)
        .values({ courtId: medeu, kind: 'civil', category: 'property', instance: 1, status: 'preparation', judgeId: judge.principal.userId, number, filedAt: new Date(filedAt) })
        .returning({ id: cases.id });
      ids[name] = row!.id;
      if (due) await t.database.db.insert(caseDeadlines).values({ caseId: row!.id, kind: 'preparation', runsFrom: '2026-10-01', dueOn: due, article: 'CPC Art. 164(1)', concerns: 'court' });
      // A later term and a closed earlier one do not change which is nearest.
      if (due) await t.database.db.insert(caseDeadlines).values({ caseId: row!.id, kind: 'consideration', runsFrom: '2026-10-01', dueOn: '2027-03-01', article: 'CPC Art. 183(2)', concerns: 'court' });
      if (due) await t.database.db.insert(caseDeadlines).values({ caseId: row!.id, kind: 'claim_acceptance', runsFrom: '2026-09-01', dueOn: '2026-09-05', article: 'CPC Art. 150(1)', concerns: 'court', closedAt: new Date('2026-09-04T06:00:00Z') });
    }

    beforeAll(async () => {
      const { judge: someJudge } = await claim('property', false);
      // A judge of their own, so only these cases are on the list.
      const user = await signedInUser(t.database.db, { roles: [{ role: 'judge', courtId: medeu }], now: now() });
      judge = await judgeSession(t.database.db, root, user.id, medeu, now());
      otherJudge = someJudge;
      await caseWithTerm('overdue', '2026-11-20', '2026-10-05T05:00:00Z', '7517-25-00-2/9');
      await caseWithTerm('soon', '2026-11-30', '2026-10-01T05:00:00Z', '7517-25-00-2/10');
      await caseWithTerm('later', '2026-12-24', '2026-10-10T05:00:00Z', '7517-25-00-2/11');
      await caseWithTerm('none', null, '2026-09-01T05:00:00Z', '7517-25-00-2/8');
    });

    const list = (query = '') => t.app.inject({ method: 'GET', url: `/judge/cases${query}`, headers: { cookie: judge.cookie } });
    const order = (body: string) => [...body.matchAll(/sot-case-number" href="\/judge\/cases\/([0-9a-f-]+)"/g)].map((m) => Object.keys(ids).find((k) => ids[k] === m[1]));

    it('shows each case’s nearest open term, nearest first, the overdue one said in words', async () => {
      const res = await list();
      expect(res.statusCode).toBe(200);
      expect(order(res.body)).toEqual(['overdue', 'soon', 'later', 'none']);
      expect(res.body).toContain('Overdue by 5 days');
      expect(res.body).toContain('5 days left');
      expect(res.body).toContain('No open term');
      expect(res.body).toContain('aria-sort="ascending"');
    });

    it('sorts by the term, the number and the date filed, either way', async () => {
      expect(order((await list('?sort=due&order=desc')).body)).toEqual(['later', 'soon', 'overdue', 'none']);
      expect(order((await list('?sort=number&order=asc')).body)).toEqual(['none', 'overdue', 'soon', 'later']);
      expect(order((await list('?sort=filed&order=desc')).body)).toEqual(['later', 'overdue', 'soon', 'none']);
    });

    it('filters to overdue terms and to terms ending within 5 working days', async () => {
      expect(order((await list('?show=overdue')).body)).toEqual(['overdue']);
      // 25 Nov + 5 working days = 2 Dec: the 30 Nov term is in, the 24 Dec one is not.
      expect(order((await list('?show=soon')).body)).toEqual(['soon']);
      expect(order((await list('?show=all&sort=due')).body)).toHaveLength(4);
    });

    it('answers a choice the form does not offer with a 400 page, never an error of the server', async () => {
      for (const query of ['?sort=judge', '?order=sideways', '?show=%27%3B%20drop', '?sort=due&sort=number', `?show=${'x'.repeat(500)}`]) {
        const res = await list(query);
        expect(res.statusCode, query).toBe(400);
        expect(res.headers['content-type']).toContain('text/html');
      }
    });

    it('keeps the list to the judge’s own cases', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/judge/cases', headers: { cookie: otherJudge.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(ids['overdue']);
      expect((await t.database.db.select().from(caseDeadlines).where(and(eq(caseDeadlines.caseId, ids['none']!), isNull(caseDeadlines.closedAt))))).toEqual([]);
    });
  });
});
