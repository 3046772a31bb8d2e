import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { DeliveryError, type EmailSender, type SmsSender } from '../../src/adapters/delivery.ts';
import { cases, courts, filings, notifications, payments, users } from '../../src/db/schema/index.ts';
import type { IsoDay } from '../../src/domain/calendar/holidays.ts';
import { addCalendarDays } from '../../src/domain/calendar/workingDays.ts';
import { isValidIin } from '../../src/domain/iin.ts';
import { initialReference } from '../../src/domain/reference.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import { NotificationDelivery } from '../../src/jobs/notifications.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { SAMPLE_FILES, multipart, signedManifest } from '../support/filing.ts';
import { judgeSession } from '../support/judges.ts';
import { Browser, formOf, tokenOf } from '../support/payments.ts';
import { issueAuthKey, issueSigner, makeRootCa, signContent, testIin } from '../support/pki.ts';
import { freshIin, signedInUser } from '../support/sessions.ts';

/**
 * Twelve digits with a valid IIN/BIN check digit, anywhere in a line, but not the fraction of a
 * number: a response time of 45.131670999981 ms is no one's IIN, though one in eleven such runs
 * has a valid check digit.
 */
const TWELVE_DIGITS = /(?<!\d|\d\.)\d{12}(?!\d)/g;
/** Kazakh phone numbers as people write them: +7 or 8, then ten digits, grouped or not. */
const PHONE = /(?<![\w+])(?:\+7|8)[\s(-]{0,2}7\d{2}[\s)-]{0,2}\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** What in a log line looks like a person's IIN or BIN, phone number or e-mail address. */
function personalDataIn(line: string): string[] {
  return [...[...line.matchAll(TWELVE_DIGITS)].map((m) => m[0]).filter(isValidIin), ...[...line.matchAll(PHONE)].map((m) => m[0]), ...[...line.matchAll(EMAIL)].map((m) => m[0])];
}

/**
 * A whole case through Sot, with every log line it writes kept: sign-in by EDS, a claim with
 * attachments naming the defendant's IIN, address and phone, the duty paid by a receipt the clerk
 * verifies, registration and the draw of a judge, admission, a hearing, a signed act, and the
 * notices to the claimant failing by e-mail and SMS with errors that name the addresses. No line
 * may carry an IIN, a phone number or an e-mail address.
 */
describeDb('the logs of a whole case', () => {
  let t: TestApp;
  const now = () => new Date();
  const claimantIin = freshIin();
  const defendantIin = testIin(9701);
  const claimantEmail = 'aigerim.testova@example.kz';
  const claimantPhone = '+77015550123';

  beforeAll(async () => {
    const root = await makeRootCa({ name: 'Test NCA Root' });
    t = await createTestApp({ seed: true, signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }), clock: now });
    const db = t.database.db;
    const [medeu] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'));

    // Sign-in by EDS, as the browser does it.
    // Like NCA, the claimant has a key to sign in with and a key to sign the claim with.
    const signer = await issueSigner(root, { person: { fullName: 'ТЕСТОВА АЙГЕРІМ', iin: claimantIin } });
    const authKey = await issueAuthKey(root, { person: { fullName: 'ТЕСТОВА АЙГЕРІМ', iin: claimantIin } });
    const { nonce } = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/challenge', payload: {} })).json();
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { nonce, cms: Buffer.from(await signContent(authKey, Buffer.from(nonce, 'base64'))).toString('base64') } });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = `${/sot_session=[^;]+/.exec(String(login.headers['set-cookie']))![0]}; lang=en`;
    const [claimant] = await db.update(users).set({ email: claimantEmail, emailVerifiedAt: now(), phone: claimantPhone, phoneVerifiedAt: now(), language: 'en' }).where(eq(users.iin, claimantIin)).returning();
    // A failed sign-in is logged too.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { nonce, cms: 'AAAA' } })).statusCode).toBe(401);

    // The claim, its attachments, its signature.
    const parties = [{ side: 'defendant', kind: 'individual', name: 'Иванов Иван', iin: defendantIin, address: 'Алматы, ул. Абая, 10, кв. 5', phone: '+7 701 555 01 02' }];
    const draft = await t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie }, payload: { type: 'claim', courtId: medeu!.id, category: 'property', subject: 'Взыскание долга', amount: '1500000', parties, text: `Ответчик (ИИН ${defendantIin}, тел. +77015550102, ivanov@example.kz) не вернул долг.` } });
    expect(draft.statusCode, draft.body).toBe(201);
    const filingId = draft.json().id as string;
    const files = multipart([{ name: `договор ${defendantIin}.pdf`, content: SAMPLE_FILES.pdf() }, { name: 'расписка.png', content: SAMPLE_FILES.png() }]);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/filings/${filingId}/attachments`, headers: { cookie, ...files.headers }, payload: files.payload })).statusCode).toBe(201);
    // A lookup by someone else's IIN in the address, as a mistyped link would carry it.
    await t.app.inject({ method: 'GET', url: `/case-status?number=${defendantIin}&phone=%2B77015550102&email=ivanov%40example.kz`, headers: { cookie } });
    const submitted = await t.app.inject({ method: 'POST', url: `/api/v1/filings/${filingId}/submit`, headers: { cookie }, payload: { cms: await signedManifest(t.app, cookie, filingId, signer) } });
    expect(submitted.statusCode, submitted.body).toBe(201);

    // The duty, paid by a receipt the court's clerk verifies.
    const browser = new Browser(t.app, cookie);
    const payPage = await browser.get(`/cabinet/filings/${filingId}/pay`);
    const [year, month, day] = courtDateIso(now()).split('-');
    const payForm = formOf(payPage.body, `/cabinet/filings/${filingId}/pay/document`);
    const paid = await browser.postFiles(payForm.action, [{ name: 'квитанция.png', content: SAMPLE_FILES.png() }], { ...payForm.hidden, number: 'КВ-1', day: day!, month: month!, year: year!, amount: '15000', payer: claimantIin });
    expect(paid.statusCode, paid.body.slice(0, 500)).toBe(303);
    const clerk = new Browser(t.app, (await signedInUser(db, { roles: [{ role: 'clerk', courtId: medeu!.id }], lang: 'en', now: now() })).cookie);
    const [payment] = await db.select({ id: payments.id }).from(payments).where(eq(payments.filingId, filingId));
    expect((await clerk.post(`/court/payments/${payment!.id}/verify`, { _csrf: tokenOf((await clerk.get('/court/payments')).body) })).statusCode).toBe(303);

    // Registration and the draw of a judge, admission, a hearing, a signed act.
    const [filing] = await db.select({ caseId: filings.caseId }).from(filings).where(eq(filings.id, filingId));
    const caseId = filing!.caseId!;
    const registered = await clerk.post(`/court/cases/${caseId}/register`, { _csrf: tokenOf((await clerk.get('/court/registry')).body) });
    expect(registered.statusCode, registered.body.slice(0, 500)).toBe(303);
    const [assigned] = await db.select({ judgeId: cases.judgeId }).from(cases).where(eq(cases.id, caseId));
    const judge = await judgeSession(db, root, assigned!.judgeId!, medeu!.id, now());
    const bench = new Browser(t.app, judge.cookie);
    expect((await bench.post(`/judge/cases/${caseId}/accept`, { _csrf: tokenOf((await bench.get('/judge/cases')).body) })).statusCode).toBe(303);
    const { calendar } = initialReference();
    let hearingDay = courtDateIso(now()) as IsoDay;
    for (let found = 0; found < 5; ) if (calendar.isWorkingDay((hearingDay = addCalendarDays(hearingDay, 1)))) found++;
    const casePage = async () => tokenOf((await bench.get(`/judge/cases/${caseId}`)).body);
    const hearing = await bench.post(`/judge/cases/${caseId}/hearings`, { _csrf: await casePage(), form: 'hearing', date: hearingDay, time: '10:00', duration: '60', room: '5' });
    expect(hearing.statusCode, hearing.body.slice(0, 500)).toBe(303);
    const drafted = await bench.post(`/judge/cases/${caseId}/acts`, { _csrf: await casePage(), kind: 'ruling', title: 'Определение о подготовке', text: `Истец ${claimant!.fullName} (ИИН ${claimantIin}, ${claimantEmail}) и ответчик (ИИН ${defendantIin}).` });
    expect(drafted.statusCode, drafted.body.slice(0, 500)).toBe(303);
    const actId = /\/judge\/acts\/([0-9a-f-]{36})/.exec((await bench.get(`/judge/cases/${caseId}`)).body)![1]!;
    const manifest = await t.app.inject({ method: 'GET', url: `/api/v1/acts/${actId}/manifest`, headers: { cookie: judge.cookie } });
    const issued = await t.app.inject({ method: 'POST', url: `/api/v1/acts/${actId}/issue`, headers: { cookie: judge.cookie }, payload: { cms: Buffer.from(await signContent(judge.signer, manifest.rawPayload)).toString('base64') } });
    expect(issued.statusCode, issued.body).toBe(201);

    // The notices, through a mail relay and an SMS gateway that refuse them naming the addresses.
    const email: EmailSender = {
      send: async (message) => {
        throw new DeliveryError(`550 5.1.1 <${message.to}>: Recipient address rejected`, true);
      },
      close: () => undefined,
    };
    const sms: SmsSender = {
      send: async (message) => {
        throw new Error(`gateway refused ${message.to}: number ${message.to.replace('+', '')} is blocked`);
      },
    } as SmsSender;
    const delivery = new NotificationDelivery({ db, pool: t.database.pool, log: t.app.log, email, sms, retryLimit: 0, retryDelaySeconds: 1, clock: now });
    await delivery.start({ work: false });
    try {
      await delivery.dispatch();
      await delivery.drain({ ignoreStartAfter: true });
    } finally {
      await delivery.stop();
    }
    const sent = await db.select({ channel: notifications.channel, status: notifications.status }).from(notifications).where(eq(notifications.userId, claimant!.id));
    expect(sent.filter((n) => n.status === 'failed').map((n) => n.channel).sort()).toEqual(expect.arrayContaining(['email', 'sms']));
  }, 180_000);
  afterAll(() => t?.close());

  it('logs the journey, and no line names an IIN, a phone number or an e-mail address', () => {
    const lines = t.logs.map((l) => JSON.stringify(l));
    expect(lines.length).toBeGreaterThan(40);
    expect(lines.some((l) => l.includes('notification not delivered'))).toBe(true);
    expect(lines.some((l) => l.includes('request failed') || l.includes('request refused'))).toBe(true);
    const found = lines.flatMap((line) => personalDataIn(line).map((hit) => `${hit} in ${line.slice(0, 300)}`));
    expect(found).toEqual([]);
    for (const known of [claimantIin, defendantIin, '7015550123', '7015550102', claimantEmail]) expect(lines.filter((l) => l.includes(known))).toEqual([]);
  });

  it('finds what it looks for', () => {
    expect(personalDataIn(`{"msg":"x ${claimantIin} +7 701 555 01 23 ${claimantEmail} 87015550123"}`)).toHaveLength(4);
    expect(personalDataIn('{"msg":"case 7517-26-00-2/101 at 2026-11-25T05:00:00.000Z took 1796561261148 ms","reqId":"req-3g"}')).toEqual([]);
    expect(personalDataIn('{"responseTime":45.131670999981,"msg":"request completed"}')).toEqual([]);
    expect(personalDataIn(`{"msg":"IIN.${claimantIin}"}`)).toEqual([claimantIin]);
  });
});
