import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { decideAdmission } from '../../src/commands/admitCase.ts';
import { enterCourtOrdersIntoForce, recordPaperDelivery } from '../../src/commands/courtOrders.ts';
import { createFiling } from '../../src/commands/filings.ts';
import { registerCase } from '../../src/commands/registerCase.ts';
import { submitFiling } from '../../src/commands/submitFiling.ts';
import { auditLog, caseDeadlines, cases, courts, documents, events, filings, notifications, parties, users } from '../../src/db/schema/index.ts';
import type { IsoDay } from '../../src/domain/calendar/holidays.ts';
import { addCalendarDays } from '../../src/domain/calendar/workingDays.ts';
import { initialReference } from '../../src/domain/reference.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { judgeSession, signAndIssueDraft, type Judge } from '../support/judges.ts';
import { signedManifest } from '../support/filing.ts';
import { formSession } from '../support/forms.ts';
import { issueSigner, makeRootCa, type TestCa, type TestSigner } from '../support/pki.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

const { calendar } = initialReference();
const DAY = 86_400_000;

/**
 * Court orders as CPC chapter 12 has them: only the demands of Art. 135, the debtor's objection
 * term from receipt of the order (Art. 141(2)), cancellation on an objection in time (Art. 142)
 * and entry into force without one (Art. 143).
 */
describeDb('court orders', () => {
  let t: TestApp;
  let root: TestCa;
  let medeu: string;
  let creditor: TestUser;
  let debtor: TestUser;
  let debtorSigner: TestSigner;
  const now = () => new Date();
  const today = () => courtDateIso(now()) as IsoDay;

  beforeAll(async () => {
    root = await makeRootCa({ name: 'Test NCA Root' });
    t = await createTestApp({ seed: true, signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }), clock: now });
    [{ id: medeu }] = (await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
    creditor = await signedInUser(t.database.db, { lang: 'en', now: now() });
    debtor = await signedInUser(t.database.db, { lang: 'ru', now: now() });
    debtorSigner = await issueSigner(root, { person: { fullName: 'ДОЛЖНИКОВ ДОЛЖНИК', iin: debtor.iin } });
    await t.database.db.update(users).set({ language: 'en' }).where(eq(users.id, creditor.id));
    await t.database.db.update(users).set({ language: 'ru' }).where(eq(users.id, debtor.id));
  });
  afterAll(() => t?.close());

  const api = (method: 'GET' | 'POST', url: string, user: TestUser, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: user.cookie }, ...(payload ? { payload } : {}) });

  const principalOf = (user: TestUser): Principal => ({ userId: user.id, iin: user.iin, fullName: 'Тестов Тест', bin: null, roles: [{ role: 'citizen', courtId: null }] });

  async function clerk(): Promise<{ principal: Principal; user: TestUser }> {
    const user = await signedInUser(t.database.db, { roles: [{ role: 'clerk', courtId: medeu }], lang: 'en', now: now() });
    return { user, principal: { userId: user.id, iin: user.iin, fullName: 'Clerk', bin: null, roles: [{ role: 'clerk', courtId: medeu }] } };
  }


  const judgeOf = (judgeId: string): Promise<Judge> => judgeSession(t.database.db, root, judgeId, medeu, now());

  /** An application for a court order at Medeu, registered and distributed to a judge hearing court orders. */
  async function orderCase(): Promise<{ caseId: string; number: string; judge: Judge }> {
    const [created] = await t.database.db.insert(cases).values({ courtId: medeu, kind: 'civil', category: 'court_order', instance: 1, status: 'submitted' }).returning({ id: cases.id });
    await t.database.db.insert(parties).values([
      { caseId: created!.id, role: 'applicant', userId: creditor.id, displayName: 'Взыскателев Взыскатель' },
      { caseId: created!.id, role: 'defendant', userId: debtor.id, displayName: 'Должников Должник' },
    ]);
    await t.database.db.insert(filings).values({ filerId: creditor.id, type: 'court_order_application', status: 'submitted', courtId: medeu, caseId: created!.id, fields: { category: 'court_order', courtOrderDemand: 'business_agreement', amount: '700000' }, talonNumber: `7517-26-${String(Math.random()).slice(2, 8)}`, verifyCode: String(Math.random()).slice(2, 14), signature: Buffer.from('x'), submittedAt: now() });
    const { judgeId, number } = await registerCase(t.database.db, (await clerk()).principal, created!.id, now());
    return { caseId: created!.id, number, judge: await judgeOf(judgeId) };
  }

  async function postJudgeForm(judge: Judge, caseId: string, url: string, form: Record<string, string>) {
    const page = await t.app.inject({ method: 'GET', url: `/judge/cases/${caseId}`, headers: { cookie: judge.cookie } });
    expect(page.statusCode, page.body.slice(0, 300)).toBe(200);
    const { token, cookie } = formSession(page, judge.cookie);
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...form }).toString() });
  }

  /** Drafts an act on the judge's page, signs its manifest and issues it; returns the act's id. */
  async function issueAct(judge: Judge, caseId: string, kind: string, title: string, text: string): Promise<string> {
    const drafted = await postJudgeForm(judge, caseId, `/judge/cases/${caseId}/acts`, { kind, title, text });
    expect(drafted.statusCode, drafted.body.slice(0, 2000)).toBe(303);
    const { res, documentId } = await signAndIssueDraft(t, judge, caseId);
    expect(res.statusCode, res.body).toBe(201);
    return documentId;
  }

  async function issuedOrder(): Promise<{ caseId: string; number: string; judge: Judge; orderId: string }> {
    const c = await orderCase();
    const orderId = await issueAct(c.judge, c.caseId, 'court_order', 'Судебный приказ', 'Взыскать с ответчика в пользу истца сумму, предусмотренную соглашением о досудебном урегулировании.');
    return { ...c, orderId };
  }

  const statusOf = async (caseId: string) => (await t.database.db.select({ status: cases.status, inForceOn: cases.inForceOn }).from(cases).where(eq(cases.id, caseId)))[0]!;
  const termsOf = (caseId: string, kind: string) => t.database.db.select().from(caseDeadlines).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, kind)));
  const noticesOf = (caseId: string, event: string) => t.database.db.select().from(notifications).where(and(eq(notifications.caseId, caseId), eq(notifications.event, event)));
  const auditOf = (caseId: string, action: string) => t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, action)));

  describe('an application for a demand CPC Art. 135 does not list', () => {
    it('is refused on the form with the advice to file a claim, and kept from the draft', async () => {
      const draft = await api('POST', '/filings', creditor, { type: 'court_order_application', courtId: medeu });
      expect(draft.statusCode, draft.body).toBe(201);
      const id = draft.json().id as string;
      const page = await t.app.inject({ method: 'GET', url: `/cabinet/filings/${id}/demand`, headers: { cookie: creditor.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Recovery of alimony for minor children');
      expect(page.body).toContain('Civil Procedure Code, Article 135, subparagraph 4');
      const { token, cookie } = formSession(page, creditor.cookie);
      const post = (value: string) =>
        t.app.inject({ method: 'POST', url: `/cabinet/filings/${id}/demand`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, version: '1', courtOrderDemand: value }).toString() });
      const refused = await post('other');
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('only on the demands listed in Article 135');
      expect(refused.body).toContain('file a claim');
      const stored = (await api('GET', `/filings/${id}`, creditor)).json();
      expect(stored.fields.courtOrderDemand).toBeUndefined();
      // A listed demand is taken and the form goes on to the parties.
      const taken = await post('child_alimony');
      expect(taken.statusCode).toBe(303);
      expect(taken.headers.location).toBe(`/cabinet/filings/${id}/parties`);
    });

    it('is refused through the API as an ordinary property claim dressed as a court order', async () => {
      const res = await api('POST', '/filings', creditor, { type: 'court_order_application', courtId: medeu, category: 'property', amount: '500000' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('court_order_demand_not_listed');
    });

    it('is offered to the judge for return under Art. 138(1)(1) when it came on paper as a property claim', async () => {
      const [created] = await t.database.db.insert(cases).values({ courtId: medeu, kind: 'civil', category: 'property', instance: 1, status: 'submitted' }).returning({ id: cases.id });
      await t.database.db.insert(parties).values({ caseId: created!.id, role: 'applicant', userId: creditor.id, displayName: 'Взыскателев Взыскатель' });
      await t.database.db.insert(filings).values({ filerId: creditor.id, type: 'court_order_application', status: 'submitted', channel: 'counter', courtId: medeu, caseId: created!.id, fields: { category: 'property', amount: '500000' }, talonNumber: `7517-26-${String(Math.random()).slice(2, 8)}`, submittedAt: now() });
      const { judgeId, number } = await registerCase(t.database.db, (await clerk()).principal, created!.id, now());
      const judge = await judgeOf(judgeId);
      const list = await t.app.inject({ method: 'GET', url: '/judge/cases', headers: { cookie: judge.cookie } });
      const section = list.body.slice(list.body.indexOf(number));
      expect(section).toContain('Not among the demands of CPC Article 135');
      expect(section).toContain('the demand is not among those Art. 135 lists for a court order');
      // A court order cannot be issued on it; a ruling can.
      const page = await t.app.inject({ method: 'GET', url: `/judge/cases/${created!.id}`, headers: { cookie: judge.cookie } });
      expect(page.body).toContain('value="ruling"');
      expect(page.body).not.toContain('value="court_order"');
      const { token, cookie } = formSession(list, judge.cookie);
      const returned = await t.app.inject({
        method: 'POST',
        url: `/judge/cases/${created!.id}/return`,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: token, ground: 'order_demand_not_listed', reasons: 'The demand is not among those listed in Article 135 of the Civil Procedure Code.' }).toString(),
      });
      expect(returned.statusCode, returned.body.slice(0, 500)).toBe(303);
      expect(await statusOf(created!.id)).toMatchObject({ status: 'returned' });
    });

    it('leaves the judge return, not a term to fix defects (CPC Art. 138)', async () => {
      const { caseId, judge } = await orderCase();
      await expect(decideAdmission(t.database.db, judge.principal, caseId, { kind: 'leave_without_motion', defects: 'Не указан размер требования', workingDays: 5 }, now())).rejects.toMatchObject({ code: 'claim_without_motion' });
      expect(await decideAdmission(t.database.db, judge.principal, caseId, { kind: 'return', ground: 'order_demand_not_listed', reasons: 'Заявленное требование не предусмотрено статьёй 135 ГПК.' }, now())).toMatchObject({ status: 'returned' });
    });
  });

  it('opens the objection term when the debtor opens the order, and cancels the order on an objection in time', async () => {
    const { caseId, number, judge, orderId } = await issuedOrder();
    expect(await statusOf(caseId)).toMatchObject({ status: 'order_issued' });
    // Issued is not received: no term runs until the debtor has the order.
    expect(await termsOf(caseId, 'debtor_objection')).toEqual([]);

    // The creditor reading the order changes nothing; the debtor reading it is their receipt.
    expect((await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}/documents/${orderId}`, headers: { cookie: creditor.cookie } })).statusCode).toBe(200);
    expect(await termsOf(caseId, 'debtor_objection')).toEqual([]);
    const read = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}/documents/${orderId}`, headers: { cookie: debtor.cookie } });
    expect(read.statusCode).toBe(200);
    const [term] = await termsOf(caseId, 'debtor_objection');
    expect(term).toMatchObject({ runsFrom: today(), dueOn: calendar.addWorkingDays(today(), 10), article: 'CPC Art. 141(2)', concerns: 'parties', closedAt: null });
    // Reading it again opens nothing more.
    await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}/documents/${orderId}/print`, headers: { cookie: debtor.cookie } });
    expect(await termsOf(caseId, 'debtor_objection')).toHaveLength(1);
    expect(await auditOf(caseId, 'court_order.received')).toHaveLength(1);
    expect((await noticesOf(caseId, 'court_order_received')).map((n) => n.userId)).toEqual(expect.arrayContaining([creditor.id, debtor.id]));

    // The debtor's case page lists the term and offers the objection; the creditor's does not.
    const debtorPage = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: debtor.cookie } });
    expect(debtorPage.body).toContain('Возражение должника на судебный приказ');
    expect(debtorPage.body).toContain(`type=court_order_objection`);
    const creditorPage = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: creditor.cookie } });
    expect(creditorPage.body).not.toContain('type=court_order_objection');

    // Only the debtor may object.
    expect((await api('POST', '/filings', creditor, { type: 'court_order_objection', caseNumber: number, text: 'Возражаю.' })).json().error.code).toBe('court_order_objection_not_debtor');
    const draft = await api('POST', '/filings', debtor, { type: 'court_order_objection', caseNumber: number, text: 'Возражаю против требования: долг погашен, квитанция прилагается.' });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as string;
    const submitted = await api('POST', `/filings/${id}/submit`, debtor, { cms: await signedManifest(t.app, debtor.cookie, id, debtorSigner) });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect((await api('GET', `/filings/${id}`, debtor)).json().duty.status).toBe('not_required');

    expect(await statusOf(caseId)).toMatchObject({ status: 'order_objected' });
    expect((await termsOf(caseId, 'debtor_objection'))[0]!.closedAt).not.toBeNull();
    expect((await termsOf(caseId, 'court_order_cancellation'))[0]).toMatchObject({ runsFrom: today(), dueOn: calendar.addWorkingDays(today(), 3), article: 'CPC Art. 142(2)', concerns: 'court', closedAt: null });
    expect(await auditOf(caseId, 'court_order.objected')).toHaveLength(1);
    expect((await noticesOf(caseId, 'court_order_objected')).map((n) => n.userId)).toContain(creditor.id);

    // The judge's ruling cancels the order.
    const judgePage = await t.app.inject({ method: 'GET', url: `/judge/cases/${caseId}`, headers: { cookie: judge.cookie } });
    expect(judgePage.body).toContain('Ruling cancelling the court order');
    expect(judgePage.body).toContain('Enforcement of a pre-trial settlement agreement in a business or investment dispute (Civil Procedure Code, Article 135, subparagraph 8)');
    // No hearing is held on a court order.
    expect(judgePage.body).not.toContain('action="/judge/cases/' + caseId + '/hearings"');
    await issueAct(judge, caseId, 'ruling', 'Определение об отмене судебного приказа', 'Судебный приказ отменить. Разъяснить истцу право предъявить требование в порядке искового производства.');
    expect(await statusOf(caseId)).toMatchObject({ status: 'order_cancelled' });
    expect((await termsOf(caseId, 'court_order_cancellation'))[0]!.closedAt).not.toBeNull();
    expect(await auditOf(caseId, 'court_order.cancelled')).toHaveLength(1);
    const cancelled = await noticesOf(caseId, 'court_order_cancelled');
    expect(cancelled.map((n) => n.userId)).toEqual(expect.arrayContaining([creditor.id, debtor.id]));
    expect(cancelled.find((n) => n.userId === creditor.id && n.channel === 'in_app')!.body).toMatch(/bring the same demand as a claim/);
    const timeline = await t.database.db.select().from(events).where(eq(events.caseId, caseId));
    expect(timeline.filter((e) => e.type === 'status_changed').map((e) => e.data['to'])).toEqual(expect.arrayContaining(['order_issued', 'order_objected', 'order_cancelled']));
    expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['court_order_received', 'court_order_objected']));
    const page = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: creditor.cookie } });
    expect(page.body).toContain('bring the same demand as a claim');
  });

  it('refuses an objection after the term, with the day it ended', async () => {
    const { caseId, number } = await issuedOrder();
    const office = await clerk();
    // The office records the paper copy handed over; the term runs from that day.
    const due = await recordPaperDelivery(t.database.db, office.principal, caseId, today(), now());
    expect(due).toBe(calendar.addWorkingDays(today(), 10));
    const draft = await api('POST', '/filings', debtor, { type: 'court_order_objection', caseNumber: number, text: 'Возражаю.' });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as string;
    const cms = await signedManifest(t.app, debtor.cookie, id, debtorSigner);

    const afterTerm = new Date(`${addCalendarDays(due!, 1)}T06:00:00Z`);
    await expect(createFiling(t.database.db, principalOf(debtor), { type: 'court_order_objection', caseNumber: number, fields: { text: 'Возражаю.' } }, afterTerm)).rejects.toMatchObject({ code: 'court_order_objection_term_passed', params: { due } });
    await expect(submitFiling(t.database.db, t.app.blobs, t.app.signatureVerifier, principalOf(debtor), id, cms, afterTerm)).rejects.toMatchObject({ code: 'court_order_objection_term_passed' });
    expect(await statusOf(caseId)).toMatchObject({ status: 'order_issued' });
    // On its last day it is still in time.
    await expect(createFiling(t.database.db, principalOf(debtor), { type: 'court_order_objection', caseNumber: number, fields: { text: 'Возражаю.' } }, new Date(`${due}T06:00:00Z`))).resolves.toMatchObject({ type: 'court_order_objection' });
  });

  it('enters an order into force the day after the term ends without an objection, once', async () => {
    const { caseId, orderId } = await issuedOrder();
    await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}/acts/${orderId}/pdf`, headers: { cookie: debtor.cookie } });
    const [term] = await termsOf(caseId, 'debtor_objection');
    expect(term!.runsFrom).toBe(today());
    // Before the term has ended nothing moves.
    await enterCourtOrdersIntoForce(t.database.db, new Date(`${term!.dueOn}T12:00:00Z`));
    expect(await statusOf(caseId)).toMatchObject({ status: 'order_issued' });

    const later = new Date(now().getTime() + 30 * DAY);
    expect(await enterCourtOrdersIntoForce(t.database.db, later)).toBeGreaterThanOrEqual(1);
    expect(await statusOf(caseId)).toEqual({ status: 'in_force', inForceOn: addCalendarDays(term!.dueOn as IsoDay, 1) });
    expect((await termsOf(caseId, 'debtor_objection'))[0]!.closedAt).not.toBeNull();
    expect(await auditOf(caseId, 'court_order.in_force')).toHaveLength(1);
    expect((await noticesOf(caseId, 'court_order_in_force')).map((n) => n.userId)).toEqual(expect.arrayContaining([creditor.id, debtor.id]));
    // Running the job again changes nothing.
    await enterCourtOrdersIntoForce(t.database.db, later);
    expect(await auditOf(caseId, 'court_order.in_force')).toHaveLength(1);
    // Courts orders are not complained of in cassation (CPC Art. 434(2)).
    expect(await termsOf(caseId, 'cassation')).toEqual([]);
  });

  it('runs the term from a paper copy delivered before the debtor opened the order here', async () => {
    const { caseId, orderId } = await issuedOrder();
    const issuedOn = addCalendarDays(today(), -6);
    const handedOver = addCalendarDays(today(), -3);
    await t.database.db.update(documents).set({ issuedAt: new Date(`${issuedOn}T06:00:00Z`) }).where(eq(documents.id, orderId));
    await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}/documents/${orderId}`, headers: { cookie: debtor.cookie } });
    expect((await termsOf(caseId, 'debtor_objection'))[0]).toMatchObject({ runsFrom: today() });
    const office = await clerk();
    // Before the order was issued it cannot have been handed over.
    await expect(recordPaperDelivery(t.database.db, office.principal, caseId, addCalendarDays(issuedOn, -1), now())).rejects.toMatchObject({ code: 'court_order_delivery_date_invalid' });
    expect(await recordPaperDelivery(t.database.db, office.principal, caseId, handedOver, now())).toBe(calendar.addWorkingDays(handedOver, 10));
    const terms = await termsOf(caseId, 'debtor_objection');
    expect(terms).toHaveLength(1);
    expect(terms[0]).toMatchObject({ runsFrom: handedOver, dueOn: calendar.addWorkingDays(handedOver, 10), closedAt: null });
    // A later delivery changes nothing but the timeline.
    expect(await recordPaperDelivery(t.database.db, office.principal, caseId, today(), now())).toBeNull();
    expect((await termsOf(caseId, 'debtor_objection'))[0]).toMatchObject({ runsFrom: handedOver });
    const timeline = await t.database.db.select().from(events).where(and(eq(events.caseId, caseId), eq(events.type, 'court_order_delivered')));
    expect(timeline).toHaveLength(1);
  });

  it('lets the office record a paper copy delivered, in its own court only', async () => {
    const { caseId } = await issuedOrder();
    const office = await clerk();
    const page = await t.app.inject({ method: 'GET', url: `/court/cases/${caseId}/court-order-delivery`, headers: { cookie: office.user.cookie } });
    expect(page.statusCode).toBe(200);
    const { token, cookie } = formSession(page, office.user.cookie);
    const post = (deliveredOn: string) =>
      t.app.inject({ method: 'POST', url: `/court/cases/${caseId}/court-order-delivery`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, deliveredOn }).toString() });
    const tomorrow = await post(addCalendarDays(today(), 1));
    expect(tomorrow.statusCode).toBe(400);
    expect(tomorrow.body).toContain('not after today');
    const done = await post(today());
    expect(done.statusCode).toBe(303);
    expect((await termsOf(caseId, 'debtor_objection'))[0]).toMatchObject({ runsFrom: today(), dueOn: calendar.addWorkingDays(today(), 10) });
    const [recorded] = await t.database.db.select().from(events).where(and(eq(events.caseId, caseId), eq(events.type, 'court_order_received')));
    expect(recorded!.data).toMatchObject({ channel: 'paper', receivedOn: today() });

    const elsewhere = await signedInUser(t.database.db, { roles: [{ role: 'clerk', courtId: (await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '9514')))[0]!.id }], now: now() });
    expect((await t.app.inject({ method: 'GET', url: `/court/cases/${caseId}/court-order-delivery`, headers: { cookie: elsewhere.cookie } })).statusCode).toBe(404);
  });
});
