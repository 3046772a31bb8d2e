import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { keepBlob } from '../../src/db/blobs.ts';
import { caseDistributions, cases, courts, documents, events, familiarisationRequests, filingAttachments, filings, hearings, judgeAbsences, judgmentCorrections, judgments, parties, payments, recordings, organisations, recordingUploads, roleGrantProposals, selfAssignmentProposals, userRoles, webhookDeliveries, webhookSubscriptions } from '../../src/db/schema/index.ts';
import { drawJudge } from '../../src/domain/distribution.ts';
import { ROLES, type Role } from '../../src/policies/principal.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';
import { formSession } from '../support/forms.ts';

/**
 * Every protected route × every role × every relation to a case, against what the rules mean
 * to allow. Any allow beyond that fails the test, and so does a protected route the table
 * does not list: a new route cannot slip past it.
 */
describeDb('access matrix: route × role × relation', () => {
  let t: TestApp;
  let caseId: string;
  let caseCourt: { id: string; code: string };
  let otherCourt: { id: string; code: string };
  let claimantParty: string;
  let grantee: TestUser;
  /** A draft filing of someone else: no role at all may see or touch it. */
  let othersFiling: string;
  let issuedActId: string;
  let caseDocumentId: string;
  /** A submitted claim of the case's court waiting for registration, with one attached file. */
  let incomingClaim: { id: string; fileId: string };
  /** A submitted petition in the case, waiting to be received by the office. */
  let incomingPetition: string;
  let incomingAppeal: string;
    /** A payment document awaiting a clerk of the case's court. */
  let documentPayment: () => Promise<string>;
  /** The judges of the case's court, as the demo seats them. */
  let benchJudges: string[];
  /** The case's judge as a reassignment form would carry it, read just before each attempt. */
  let currentJudge = '';
  /** A court order issued in the case's court, awaiting the debtor's receipt. */
  let orderCaseId: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const [c] = await t.database.db.select({ id: cases.id, courtId: cases.courtId, code: courts.code }).from(cases).innerJoin(courts, eq(courts.id, cases.courtId)).where(eq(courts.code, '9594')).limit(1);
    caseId = c!.id;
    caseCourt = { id: c!.courtId, code: c!.code };
    const [other] = await t.database.db.select({ id: courts.id, code: courts.code }).from(courts).where(eq(courts.code, '9113'));
    otherCourt = other!;
    const [claimant] = await t.database.db.select({ id: parties.id }).from(parties).where(eq(parties.caseId, caseId)).limit(1);
    claimantParty = claimant!.id;
    grantee = await signedInUser(t.database.db);
    const owner = await signedInUser(t.database.db);
    const [draft] = await t.database.db
      .insert(filings)
      .values({ filerId: owner.id, type: 'claim', courtId: caseCourt.id, fields: { parties: [{ side: 'defendant', kind: 'individual', name: 'Тест' }] } })
      .returning({ id: filings.id });
    othersFiling = draft!.id;
    // An issued act of the case: its PDF is for whoever may read the case.
    const [act] = await t.database.db
      .insert(documents)
      .values({ caseId, kind: 'ruling', title: 'Определение', mediaType: 'application/pdf', sha256: 'a'.repeat(64), signature: Buffer.from('x'), signedManifest: '{}', verifyCode: 'ACCESSMATRX1', issuedAt: new Date(), visibility: 'parties' })
      .returning({ id: documents.id });
    issuedActId = act!.id;
    // A party's document with its file, for the document pages.
    const text = await t.app.blobs.stage(Readable.from([Buffer.from('Ходатайство')]), 1024);
    await keepBlob(t.database.db, t.app.blobs, text, 'text/plain; charset=utf-8', new Date());
    const [doc] = await t.database.db
      .insert(documents)
      .values({ caseId, kind: 'petition', title: 'Ходатайство', mediaType: 'text/plain; charset=utf-8', sha256: text.sha256, sizeBytes: text.sizeBytes, visibility: 'parties' })
      .returning({ id: documents.id });
    caseDocumentId = doc!.id;
    // The case's distribution protocol, as registration leaves it.
    const draw = drawJudge({ caseId, category: 'property', seed: 'a'.repeat(64), candidates: [{ judgeId: grantee.id, categories: ['property'], onLeave: false, recused: false, openCases: 0 }] });
    await t.database.db.insert(caseDistributions).values({ caseId, judgeId: grantee.id, seed: 'a'.repeat(64), protocol: draw.protocol, protocolSha256: draw.protocolSha256 });
    benchJudges = (await t.database.db.select({ id: userRoles.userId }).from(userRoles).where(and(eq(userRoles.courtId, caseCourt.id), eq(userRoles.role, 'judge')))).map((r) => r.id);
    {
      const db = t.database.db;
      const staged = await t.app.blobs.stage(Readable.from([Buffer.from('%PDF-1.4 claim')]), 1024);
      await keepBlob(db, t.app.blobs, staged, 'application/pdf', new Date());
      const [shell] = await db.insert(cases).values({ courtId: caseCourt.id, kind: 'civil', category: 'property', instance: 1, status: 'submitted' }).returning({ id: cases.id });
      const submittedFiling = (type: 'claim' | 'petition' | 'appeal', inCase: string) => ({
        filerId: owner.id,
        type,
        status: 'submitted' as const,
        courtId: caseCourt.id,
        caseId: inCase,
        talonNumber: `9594-26-${String(Math.random()).slice(2, 8)}`,
        verifyCode: String(Math.random()).slice(2, 14),
        signature: Buffer.from('x'),
        submittedAt: new Date(),
      });
      const [claim] = await db.insert(filings).values(submittedFiling('claim', shell!.id)).returning({ id: filings.id });
      const [file] = await db
        .insert(filingAttachments)
        .values({ filingId: claim!.id, sha256: staged.sha256, name: 'claim.pdf', mediaType: 'application/pdf', sizeBytes: staged.sizeBytes })
        .returning({ id: filingAttachments.id });
      incomingClaim = { id: claim!.id, fileId: file!.id };
      const [petition] = await db.insert(filings).values(submittedFiling('petition', caseId)).returning({ id: filings.id });
      incomingPetition = petition!.id;
      const [appeal] = await db.insert(filings).values(submittedFiling('appeal', caseId)).returning({ id: filings.id });
      incomingAppeal = appeal!.id;
    }
    {
      const [order] = await t.database.db.insert(cases).values({ courtId: caseCourt.id, kind: 'civil', category: 'court_order', instance: 1, status: 'order_issued' }).returning({ id: cases.id });
      orderCaseId = order!.id;
      await t.database.db.insert(documents).values({ caseId: orderCaseId, kind: 'court_order', title: 'Судебный приказ', mediaType: 'application/pdf', sha256: 'b'.repeat(64), signature: Buffer.from('x'), signedManifest: '{}', verifyCode: 'ACCESSMATRX2', issuedAt: new Date(Date.now() - 86_400_000), visibility: 'parties' });
    }
    // Each decision is final, so every attempt to review gets a payment of its own.
    documentPayment = async () => {
      const db = t.database.db;
      const staged = await t.app.blobs.stage(Readable.from([Buffer.from('%PDF-1.4 receipt')]), 1024);
      await keepBlob(db, t.app.blobs, staged, 'application/pdf', new Date());
      const [submitted] = await db
        .insert(filings)
        .values({ filerId: owner.id, type: 'claim', status: 'submitted', courtId: caseCourt.id, talonNumber: `9594-26-${String(Math.random()).slice(2, 8)}`, signature: Buffer.from('x'), submittedAt: new Date(), dutyAmountTiyn: 100000, dutyStatus: 'document_pending' })
        .returning({ id: filings.id });
      const [scan] = await db
        .insert(filingAttachments)
        .values({ filingId: submitted!.id, purpose: 'payment_document', sha256: staged.sha256, name: 'receipt.pdf', mediaType: 'application/pdf', sizeBytes: staged.sizeBytes })
        .returning({ id: filingAttachments.id });
      const [payment] = await db
        .insert(payments)
        .values({ filingId: submitted!.id, method: 'document', status: 'submitted', amountTiyn: 100000, documentNumber: '1', documentDate: '2026-01-01', documentAttachmentId: scan!.id })
        .returning({ id: payments.id });
      return payment!.id;
    };
  });
  afterAll(() => t?.close());

  type Relation = 'party' | 'representative' | 'unrelated';
  type Placement = 'this court' | 'another court';
  const STAFF: Role[] = ['clerk', 'judge', 'court_chair', 'court_admin'];
  /** The staff who handle a court's cases and read them; its administrator does not. */
  const CASE_STAFF: Role[] = ['clerk', 'judge', 'court_chair'];
  const readsCase: Expect = (role, relation, placement) => relation !== 'unrelated' || (CASE_STAFF.includes(role) && placement === 'this court');

  async function principalFor(role: Role, relation: Relation, placement: Placement) {
    const courtId = placement === 'this court' ? caseCourt.id : otherCourt.id;
    const roles = role === 'citizen' || role === 'legal_representative' ? [] : [{ role: role as Exclude<Role, 'citizen' | 'legal_representative'>, courtId: STAFF.includes(role) ? courtId : null }];
    // A legal entity's representative acts for an entity that is not party to this case.
    const user = await signedInUser(t.database.db, { roles, ...(role === 'legal_representative' ? { bin: '130340012345' } : {}) });
    if (relation === 'party') await t.database.db.insert(parties).values({ caseId, role: 'third_party', userId: user.id, displayName: 'Тест' });
    if (relation === 'representative') {
      await t.database.db.insert(parties).values({ caseId, role: 'representative', userId: user.id, displayName: 'Тест', representsPartyId: claimantParty, authorityAcceptedAt: new Date() });
    }
    return user;
  }

  /** The person's form token and the cookie that goes with it, as their own profile page gives them. */
  async function formToken(user: TestUser) {
    return formSession(await t.app.inject({ method: 'GET', url: '/profile', headers: { cookie: user.cookie } }), user.cookie);
  }

  async function submittedCase(): Promise<string> {
    const [created] = await t.database.db.insert(cases).values({ courtId: caseCourt.id, kind: 'civil', category: 'property', instance: 1, status: 'submitted' }).returning({ id: cases.id });
    return created!.id;
  }

  async function freshAbsence(): Promise<string> {
    const [row] = await t.database.db.insert(judgeAbsences).values({ judgeId: benchJudges[0]!, courtId: caseCourt.id, startsOn: '2027-01-10', endsOn: '2027-01-11', reason: 'leave' }).returning({ id: judgeAbsences.id });
    return row!.id;
  }

  async function freshClerkGrant(): Promise<string> {
    const clerk = await signedInUser(t.database.db);
    const [grant] = await t.database.db.insert(userRoles).values({ userId: clerk.id, role: 'clerk', courtId: caseCourt.id }).returning({ id: userRoles.id });
    return grant!.id;
  }

  /** A judge's seat proposed by one system administrator, for another to confirm or cancel. */
  async function freshBenchProposal(): Promise<string> {
    const proposer = await signedInUser(t.database.db, { roles: [{ role: 'system_admin', courtId: null }] });
    const person = await signedInUser(t.database.db);
    const [row] = await t.database.db.insert(roleGrantProposals).values({ userId: person.id, role: 'judge', courtId: caseCourt.id, proposedBy: proposer.id, proposedAt: new Date() }).returning({ id: roleGrantProposals.id });
    return row!.id;
  }

  /** A case of the court's first judge that its chair (the second) proposed to take, waiting for a colleague. */
  async function freshSelfAssignment(): Promise<string> {
    const [shell] = await t.database.db.insert(cases).values({ courtId: caseCourt.id, kind: 'civil', category: 'property', instance: 1, status: 'assigned', judgeId: benchJudges[0]! }).returning({ id: cases.id });
    const [row] = await t.database.db
      .insert(selfAssignmentProposals)
      .values({ caseId: shell!.id, courtId: caseCourt.id, fromJudgeId: benchJudges[0]!, chairId: benchJudges[1]!, reason: 'Нагрузка судьи', proposedAt: new Date() })
      .returning({ id: selfAssignmentProposals.id });
    return row!.id;
  }

  async function scheduledHearing(): Promise<string> {
    const [row] = await t.database.db.insert(hearings).values({ caseId, startsAt: new Date('2026-12-10T05:00:00Z'), room: '9', status: 'scheduled' }).returning({ id: hearings.id });
    return row!.id;
  }

  /** A held hearing of the case with a recording, and an upload of another one begun by the court. */
  let recorded: Promise<{ hearingId: string; recordingId: string; uploadId: string }> | undefined;
  function recordedHearing() {
    recorded ??= (async () => {
      const db = t.database.db;
      const staged = await t.app.blobs.stage(Readable.from([Buffer.from('RIFF....WAVEfmt ')]), 1024);
      await keepBlob(db, t.app.blobs, staged, 'audio/wav', new Date());
      const [hearing] = await db.insert(hearings).values({ caseId, startsAt: new Date('2026-11-02T05:00:00Z'), room: '8', status: 'held' }).returning({ id: hearings.id });
      const [recording] = await db
        .insert(recordings)
        .values({ hearingId: hearing!.id, caseId, kind: 'audio', title: 'Аудиозапись', mediaType: 'audio/wav', sizeBytes: staged.sizeBytes, sha256: staged.sha256 })
        .returning({ id: recordings.id });
      const [upload] = await db.insert(recordingUploads).values({ hearingId: hearing!.id, kind: 'audio', title: 'Часть 2', fileName: 'b.wav', totalBytes: 1000, createdBy: grantee.id }).returning({ id: recordingUploads.id });
      return { hearingId: hearing!.id, recordingId: recording!.id, uploadId: upload!.id };
    })();
    return recorded;
  }

  async function draftAct(): Promise<string> {
    const [row] = await t.database.db.insert(documents).values({ caseId, kind: 'ruling', title: 'Проект определения', visibility: 'court' }).returning({ id: documents.id });
    return row!.id;
  }

  /** A party's request to read the materials, waiting for the judge. */
  async function pendingFamiliarisation(): Promise<string> {
    const [row] = await t.database.db.insert(familiarisationRequests).values({ caseId, partyId: claimantParty, requestedBy: grantee.id, requestedAt: new Date() }).returning({ id: familiarisationRequests.id });
    return row!.id;
  }

  /** An act of the case in the judgment bank, waiting for review or published; a fresh one per call. */
  async function bankJudgment(status: 'pending_review' | 'published'): Promise<string> {
    const db = t.database.db;
    const [doc] = await db.insert(documents).values({ caseId, kind: 'decision', decisionForm: 'final', title: 'Решение', visibility: 'court' }).returning({ id: documents.id });
    const [row] = await db
      .insert(judgments)
      .values({ documentId: doc!.id, caseId, courtId: caseCourt.id, courtLevel: 1, caseNumber: '9594-26-00-2/1', caseKind: 'civil', category: 'property', actKind: 'decision', issuedOn: '2026-03-02', status, text: 'Суд решил иск удовлетворить частично.', ...(status === 'published' ? { publishedAt: new Date() } : {}) })
      .returning({ id: judgments.id });
    return row!.id;
  }

  async function pendingCorrection(): Promise<{ judgmentId: string; correctionId: string }> {
    const judgmentId = await bankJudgment('published');
    const [row] = await t.database.db.insert(judgmentCorrections).values({ judgmentId, partyId: claimantParty, requestedBy: grantee.id, note: 'Оставлено имя', requestedAt: new Date() }).returning({ id: judgmentCorrections.id });
    return { judgmentId, correctionId: row!.id };
  }

  /** An organisation's webhook with one delivery of an event of the case, as the fan-out leaves it. */
  async function webhookWithDelivery(): Promise<{ subscriptionId: string; deliveryId: string }> {
    const db = t.database.db;
    await db.insert(organisations).values({ bin: '990940000013', name: 'ТОО «Банк»' }).onConflictDoNothing();
    const [organisation] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.bin, '990940000013'));
    const now = new Date();
    const [subscription] = await db
      .insert(webhookSubscriptions)
      .values({ organisationId: organisation!.id, url: 'https://bank.example.kz/sot', eventTypes: ['status_changed'], sealedSecret: 'sealed', sealKeyId: 'key', secretRotatedAt: now, createdAt: now, updatedAt: now })
      .returning({ id: webhookSubscriptions.id });
    const [event] = await db.insert(events).values({ caseId, type: 'status_changed', data: { to: 'accepted' } }).returning({ id: events.id });
    const [delivery] = await db.insert(webhookDeliveries).values({ subscriptionId: subscription!.id, eventId: event!.id, status: 'failed', nextAttemptAt: now, createdAt: now }).returning({ id: webhookDeliveries.id });
    return { subscriptionId: subscription!.id, deliveryId: delivery!.id };
  }

  type Expect = (role: Role, relation: Relation, placement: Placement) => boolean;
  interface RouteCase {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    /** The route as registered. */
    route: string;
    url: () => string | Promise<string>;
    form?: () => Record<string, string>;
    json?: unknown;
    allowed: Expect;
  }
  const everyone: Expect = () => true;
  const nobody: Expect = () => false;
  const reviewsHere: Expect = (role, _relation, placement) => (role === 'clerk' || role === 'court_chair') && placement === 'this court';
  const chairHere: Expect = (role, _relation, placement) => role === 'court_chair' && placement === 'this court';
  const readsFilingsHere: Expect = (role, _relation, placement) => (role === 'clerk' || role === 'court_chair' || role === 'judge') && placement === 'this court';
  // Any clerk enters paper for their own court; the form and its post know no other.
  const clerks: Expect = (role) => role === 'clerk';
  const recordsHere: Expect = (role, _relation, placement) => (role === 'clerk' || role === 'judge' || role === 'court_chair') && placement === 'this court';
  // The office of the case's court records copies of a decision posted to absent parties; its judges may too.
  const sendsCopiesHere: Expect = (role, _relation, placement) => (role === 'clerk' || role === 'judge') && placement === 'this court';
  const administersThisCourt: Expect = (role, _relation, placement) => role === 'system_admin' || (role === 'court_admin' && placement === 'this court');
  const routes: RouteCase[] = [
    { method: 'GET', route: '/cabinet', url: () => '/cabinet', allowed: everyone },
    { method: 'GET', route: '/home', url: () => '/home', allowed: everyone },
    {
      method: 'GET',
      route: '/cabinet/cases/:caseId',
      url: () => `/cabinet/cases/${caseId}`,
      allowed: readsCase,
    },
    { method: 'POST', route: '/logout', url: () => '/logout', form: () => ({}), allowed: everyone },
    { method: 'GET', route: '/profile', url: () => '/profile', allowed: everyone },
    { method: 'POST', route: '/profile', url: () => '/profile', form: () => ({ language: 'ru', notifyByEmail: 'on' }), allowed: everyone },
    { method: 'POST', route: '/profile/contact/:channel', url: () => '/profile/contact/email', form: () => ({ address: 'person@example.kz' }), allowed: everyone },
    { method: 'GET', route: '/profile/verify/:channel', url: () => '/profile/verify/sms', allowed: everyone },
    { method: 'POST', route: '/profile/verify/:channel', url: () => '/profile/verify/sms', form: () => ({ code: '000000' }), allowed: everyone },
    { method: 'GET', route: '/cabinet/notifications', url: () => '/cabinet/notifications', allowed: everyone },
    { method: 'GET', route: '/cabinet/hearings', url: () => '/cabinet/hearings', allowed: everyone },
    { method: 'POST', route: '/cabinet/hearings/feed', url: () => '/cabinet/hearings/feed', form: () => ({}), allowed: everyone },
    { method: 'POST', route: '/cabinet/hearings/feed/off', url: () => '/cabinet/hearings/feed/off', form: () => ({}), allowed: everyone },
    { method: 'POST', route: '/cabinet/notifications/read', url: () => '/cabinet/notifications/read', form: () => ({ seenUntil: '2026-11-25T05:00:00.000Z' }), allowed: everyone },
    { method: 'GET', route: '/admin/roles', url: () => '/admin/roles', allowed: (role) => role === 'system_admin' || role === 'court_admin' },
    { method: 'POST', route: '/admin/roles', url: () => '/admin/roles', form: () => ({ iin: grantee.iin, role: 'clerk', court: caseCourt.code }), allowed: administersThisCourt },
    { method: 'POST', route: '/admin/roles/:grantId/revoke', url: async () => `/admin/roles/${await freshClerkGrant()}/revoke`, form: () => ({}), allowed: administersThisCourt },
    // A person's page: any system administrator; a court's administrator for people whose roles touch their court.
    { method: 'GET', route: '/admin/people/:userId', url: () => `/admin/people/${benchJudges[0]}`, allowed: administersThisCourt },
    // A seat on the bench is confirmed or turned down by a system administrator other than its proposer.
    { method: 'POST', route: '/admin/roles/proposals/:proposalId/confirm', url: async () => `/admin/roles/proposals/${await freshBenchProposal()}/confirm`, form: () => ({}), allowed: (role) => role === 'system_admin' },
    { method: 'POST', route: '/admin/roles/proposals/:proposalId/cancel', url: async () => `/admin/roles/proposals/${await freshBenchProposal()}/cancel`, form: () => ({}), allowed: (role) => role === 'system_admin' },
    // The values of the law are national: any administrator keeps them. Forms that change nothing (a year out of range, no date).
    { method: 'GET', route: '/admin/reference', url: () => '/admin/reference', allowed: (role) => role === 'system_admin' || role === 'court_admin' },
    { method: 'GET', route: '/admin/audit', url: () => '/admin/audit', allowed: (role) => role === 'system_admin' },
    { method: 'POST', route: '/admin/reference/mci', url: () => '/admin/reference/mci', form: () => ({ year: '1999', tenge: '1', basis: 'none' }), allowed: (role) => role === 'system_admin' || role === 'court_admin' },
    { method: 'POST', route: '/admin/reference/calendar', url: () => '/admin/reference/calendar', form: () => ({ day: '', basis: 'none' }), allowed: (role) => role === 'system_admin' || role === 'court_admin' },
    { method: 'POST', route: '/admin/reference/calendar/remove', url: () => '/admin/reference/calendar/remove', form: () => ({ day: '', basis: 'none' }), allowed: (role) => role === 'system_admin' || role === 'court_admin' },
    { method: 'POST', route: '/admin/reference/threshold', url: () => '/admin/reference/threshold', form: () => ({ key: 'cassation_min_claim' }), allowed: (role) => role === 'system_admin' || role === 'court_admin' },
    // Organisations' webhooks are the system administrators' alone; forms that change nothing (no URL, no kinds).
    { method: 'GET', route: '/admin/webhooks', url: () => '/admin/webhooks', allowed: (role) => role === 'system_admin' },
    { method: 'POST', route: '/admin/webhooks', url: () => '/admin/webhooks', form: () => ({ bin: '', url: '' }), allowed: (role) => role === 'system_admin' },
    { method: 'GET', route: '/admin/webhooks/:id', url: async () => `/admin/webhooks/${(await webhookWithDelivery()).subscriptionId}`, allowed: (role) => role === 'system_admin' },
    { method: 'POST', route: '/admin/webhooks/:id', url: async () => `/admin/webhooks/${(await webhookWithDelivery()).subscriptionId}`, form: () => ({ url: '' }), allowed: (role) => role === 'system_admin' },
    { method: 'POST', route: '/admin/webhooks/:id/rotate', url: async () => `/admin/webhooks/${(await webhookWithDelivery()).subscriptionId}/rotate`, form: () => ({}), allowed: (role) => role === 'system_admin' },
    {
      method: 'POST',
      route: '/admin/webhooks/:id/deliveries/:deliveryId/resend',
      url: async () => {
        const { subscriptionId, deliveryId } = await webhookWithDelivery();
        return `/admin/webhooks/${subscriptionId}/deliveries/${deliveryId}/resend`;
      },
      form: () => ({}),
      allowed: (role) => role === 'system_admin',
    },
    // Case search: the court's staff over their own court's cases (the court's administrator has no
    // cases); anyone signed in over their own.
    { method: 'GET', route: '/court/cases/search', url: () => '/court/cases/search', allowed: (role) => role === 'clerk' || role === 'judge' || role === 'court_chair' },
    { method: 'POST', route: '/court/cases/search', url: () => '/court/cases/search', form: () => ({ name: 'Тест' }), allowed: (role) => role === 'clerk' || role === 'judge' || role === 'court_chair' },
    { method: 'GET', route: '/cabinet/cases/search', url: () => '/cabinet/cases/search', allowed: everyone },
    // Case alerts: anyone signed in follows; the choices for a case are its participants' (and its followers').
    { method: 'GET', route: '/cabinet/follows', url: () => '/cabinet/follows', allowed: everyone },
    { method: 'GET', route: '/cabinet/follows/new', url: () => '/cabinet/follows/new?number=not-a-number', allowed: everyone },
    { method: 'POST', route: '/cabinet/follows', url: () => '/cabinet/follows', form: () => ({ number: 'not-a-number' }), allowed: everyone },
    { method: 'POST', route: '/cabinet/follows/:caseId', url: () => `/cabinet/follows/${caseId}`, form: () => ({ following: 'yes' }), allowed: (_role, relation) => relation !== 'unrelated' },
    { method: 'GET', route: '/api/v1/me', url: () => '/api/v1/me', allowed: everyone },
    { method: 'GET', route: '/cabinet/filings/new', url: () => '/cabinet/filings/new', allowed: everyone },
    { method: 'POST', route: '/cabinet/filings', url: () => '/cabinet/filings', form: () => ({ type: 'claim' }), allowed: everyone },
    { method: 'GET', route: '/cabinet/filings/:id', url: () => `/cabinet/filings/${othersFiling}`, allowed: nobody },
    { method: 'GET', route: '/cabinet/filings/:id/talon', url: () => `/cabinet/filings/${othersFiling}/talon`, allowed: nobody },
    { method: 'GET', route: '/api/v1/filings/:id/talon.pdf', url: () => `/api/v1/filings/${othersFiling}/talon.pdf`, allowed: nobody },
    { method: 'GET', route: '/cabinet/filings/:id/:step', url: () => `/cabinet/filings/${othersFiling}/parties`, allowed: nobody },
    { method: 'POST', route: '/cabinet/filings/:id/:step', url: () => `/cabinet/filings/${othersFiling}/claim`, form: () => ({ version: '1', subject: 'Чужое', text: 'Чужое' }), allowed: nobody },
    { method: 'POST', route: '/cabinet/filings/:id/parties/:index/remove', url: () => `/cabinet/filings/${othersFiling}/parties/0/remove`, form: () => ({}), allowed: nobody },
    { method: 'POST', route: '/cabinet/filings/:id/attachments/:attachmentId/remove', url: () => `/cabinet/filings/${othersFiling}/attachments/${othersFiling}/remove`, form: () => ({}), allowed: nobody },
    { method: 'POST', route: '/cabinet/filings/:id/delete', url: () => `/cabinet/filings/${othersFiling}/delete`, form: () => ({}), allowed: nobody },
    { method: 'GET', route: '/cabinet/filings/:id/pay', url: () => `/cabinet/filings/${othersFiling}/pay`, allowed: nobody },
    { method: 'POST', route: '/cabinet/filings/:id/pay/card', url: () => `/cabinet/filings/${othersFiling}/pay/card`, form: () => ({}), allowed: nobody },
    { method: 'POST', route: '/cabinet/filings/:id/pay/document', url: () => `/cabinet/filings/${othersFiling}/pay/document`, form: () => ({}), allowed: nobody },
    { method: 'GET', route: '/cabinet/filings/:id/payment', url: () => `/cabinet/filings/${othersFiling}/payment?order=SOT-X`, allowed: nobody },
    { method: 'POST', route: '/api/v1/filings/:id/payments/card', url: () => `/api/v1/filings/${othersFiling}/payments/card`, json: {}, allowed: nobody },
    { method: 'GET', route: '/judge/cases', url: () => '/judge/cases', allowed: (role) => role === 'judge' },
    // Only the judge the case was distributed to decides; none of these people is that judge.
    { method: 'POST', route: '/judge/cases/:caseId/:decision', url: () => `/judge/cases/${caseId}/accept`, form: () => ({}), allowed: nobody },
    // The judge's own case page and its changes: none of these people is the case's judge.
    { method: 'GET', route: '/judge/cases/:caseId', url: () => `/judge/cases/${caseId}`, allowed: nobody },
    { method: 'POST', route: '/judge/cases/:caseId/hearings', url: () => `/judge/cases/${caseId}/hearings`, form: () => ({ form: 'hearing', date: '2026-12-03', time: '10:00', duration: '60', room: '1' }), allowed: nobody },
    { method: 'POST', route: '/judge/hearings/:hearingId/postpone', url: async () => `/judge/hearings/${await scheduledHearing()}/postpone`, form: () => ({ reason: 'Неявка сторон', date: '2026-12-04', time: '10:00', duration: '60', room: '1' }), allowed: nobody },
    { method: 'POST', route: '/judge/hearings/:hearingId/open', url: async () => `/judge/hearings/${await scheduledHearing()}/open`, form: () => ({}), allowed: nobody },
    { method: 'POST', route: '/judge/hearings/:hearingId/close', url: async () => `/judge/hearings/${await scheduledHearing()}/close`, form: () => ({ outcome: 'not_held', not_held_reason: 'Неявка сторон' }), allowed: nobody },
    { method: 'POST', route: '/judge/hearings/:hearingId/record', url: async () => `/judge/hearings/${await scheduledHearing()}/record`, form: () => ({}), allowed: nobody },
    { method: 'POST', route: '/judge/cases/:caseId/acts', url: () => `/judge/cases/${caseId}/acts`, form: () => ({ kind: 'ruling', title: 'Определение', text: 'Текст определения суда по делу.' }), allowed: nobody },
    { method: 'POST', route: '/judge/cases/:caseId/representatives/:partyId/accept', url: () => `/judge/cases/${caseId}/representatives/${claimantParty}/accept`, form: () => ({}), allowed: nobody },
    { method: 'POST', route: '/judge/cases/:caseId/acts/upload', url: () => `/judge/cases/${caseId}/acts/upload`, form: () => ({}), allowed: nobody },
    { method: 'POST', route: '/judge/acts/:documentId/discard', url: async () => `/judge/acts/${await draftAct()}/discard`, form: () => ({}), allowed: nobody },
    { method: 'GET', route: '/judge/acts/:documentId/text', url: async () => `/judge/acts/${await draftAct()}/text`, allowed: nobody },
    { method: 'GET', route: '/api/v1/acts/:documentId/manifest', url: async () => `/api/v1/acts/${await draftAct()}/manifest`, allowed: nobody },
    { method: 'POST', route: '/api/v1/acts/:documentId/issue', url: async () => `/api/v1/acts/${await draftAct()}/issue`, json: { cms: 'AAAA' }, allowed: nobody },
    ...(['', '/file', '/print'] as const).map(
      (suffix): RouteCase => ({
        method: 'GET',
        route: `/cabinet/cases/:caseId/documents/:documentId${suffix}`,
        url: () => `/cabinet/cases/${caseId}/documents/${caseDocumentId}${suffix}`,
        allowed: readsCase,
      }),
    ),
    {
      method: 'GET',
      route: '/cabinet/cases/:caseId/access-log',
      url: () => `/cabinet/cases/${caseId}/access-log`,
      allowed: readsCase,
    },
    {
      method: 'GET',
      route: '/cabinet/cases/:caseId/acts/:documentId/pdf',
      url: () => `/cabinet/cases/${caseId}/acts/${issuedActId}/pdf`,
      allowed: readsCase,
    },
    // The e-case file: the staff who handle the case's court (never its administrator), whatever else they are.
    ...(['', `/documents/:documentId`, `/documents/:documentId/file`] as const).map(
      (suffix): RouteCase => ({
        method: 'GET',
        route: `/court/cases/:caseId/file${suffix}`,
        url: () => `/court/cases/${caseId}/file${suffix.replace(':documentId', caseDocumentId)}`,
        allowed: (role, _relation, placement) => CASE_STAFF.includes(role) && placement === 'this court',
      }),
    ),
    // The office of the case's court adds materials to its file (and the judge of the case, who is none of these people).
    // A form that is not multipart: the door is tested, nothing is stored.
    { method: 'POST', route: '/court/cases/:caseId/file/materials', url: () => `/court/cases/${caseId}/file/materials`, form: () => ({ title: 'Ответ на запрос' }), allowed: (role, _relation, placement) => role === 'clerk' && placement === 'this court' },
    // Only the judge of the case shares a kept material with the parties.
    { method: 'POST', route: '/court/cases/:caseId/file/materials/:documentId/share', url: () => `/court/cases/${caseId}/file/materials/${caseDocumentId}/share`, form: () => ({}), allowed: nobody },
    // Only the judge of the case answers a request to read the materials; none of these people is.
    { method: 'POST', route: '/court/cases/:caseId/file/requests/:requestId', url: async () => `/court/cases/${caseId}/file/requests/${await pendingFamiliarisation()}`, form: () => ({ answer: 'refuse', reason: 'Нет оснований.' }), allowed: nobody },
    // The judgment bank: judges and clerks have a queue; a judgment is reviewed by the office of
    // its court (and the judge of the case, who is none of these people).
    { method: 'GET', route: '/court/judgments', url: () => '/court/judgments', allowed: (role) => role === 'clerk' || role === 'judge' },
    { method: 'GET', route: '/court/judgments/:id', url: async () => `/court/judgments/${await bankJudgment('pending_review')}`, allowed: (role, _relation, placement) => role === 'clerk' && placement === 'this court' },
    {
      method: 'POST',
      route: '/court/judgments/:id',
      url: async () => `/court/judgments/${await bankJudgment('pending_review')}`,
      form: () => ({ action: 'withhold', reason: 'Сведения о частной жизни' }),
      allowed: (role, _relation, placement) => role === 'clerk' && placement === 'this court',
    },
    {
      method: 'POST',
      route: '/court/judgments/:id/corrections/:correctionId',
      url: async () => {
        const { judgmentId, correctionId } = await pendingCorrection();
        return `/court/judgments/${judgmentId}/corrections/${correctionId}`;
      },
      form: () => ({ action: 'decline', reason: 'Имя уже заменено' }),
      allowed: (role, _relation, placement) => role === 'clerk' && placement === 'this court',
    },
    // The parties and their accepted representatives ask for a correction of a published one.
    { method: 'GET', route: '/cabinet/cases/:caseId/judgments/:judgmentId/correction', url: async () => `/cabinet/cases/${caseId}/judgments/${await bankJudgment('published')}/correction`, allowed: (_role, relation) => relation !== 'unrelated' },
    {
      method: 'POST',
      route: '/cabinet/cases/:caseId/judgments/:judgmentId/correction',
      url: async () => `/cabinet/cases/${caseId}/judgments/${await bankJudgment('published')}/correction`,
      form: () => ({ note: 'Оставлено имя в тексте акта' }),
      allowed: (_role, relation) => relation !== 'unrelated',
    },
    // The parties and their accepted representatives ask.
    { method: 'POST', route: '/cabinet/cases/:caseId/familiarisation', url: () => `/cabinet/cases/${caseId}/familiarisation`, form: () => ({}), allowed: (_role, relation) => relation !== 'unrelated' },
    { method: 'GET', route: '/court/registry', url: () => '/court/registry', allowed: (role) => role === 'clerk' || role === 'court_chair' },
    { method: 'POST', route: '/court/cases/:caseId/register', url: async () => `/court/cases/${await submittedCase()}/register`, form: () => ({}), allowed: reviewsHere },
    { method: 'GET', route: '/court/cases/:caseId/court-order-delivery', url: () => `/court/cases/${orderCaseId}/court-order-delivery`, allowed: reviewsHere },
    {
      method: 'POST',
      route: '/court/cases/:caseId/court-order-delivery',
      url: () => `/court/cases/${orderCaseId}/court-order-delivery`,
      form: () => ({ deliveredOn: new Date().toISOString().slice(0, 10) }),
      allowed: reviewsHere,
    },
    {
      method: 'GET',
      route: '/cabinet/cases/:caseId/distribution',
      url: () => `/cabinet/cases/${caseId}/distribution`,
      allowed: readsCase,
    },
    // The chair's bench and a change of judge: the chair of the case's court only; a judge steps
    // down only from a case of their own, and none of these people has the case.
    { method: 'GET', route: '/court/judges', url: () => '/court/judges', allowed: (role) => role === 'court_chair' },
    { method: 'POST', route: '/court/judges/:judgeId/categories', url: () => `/court/judges/${benchJudges[0]}/categories`, form: () => ({ court: caseCourt.code, categories: 'property' }), allowed: chairHere },
    {
      method: 'POST',
      route: '/court/judges/:judgeId/absences',
      url: () => `/court/judges/${benchJudges[0]}/absences`,
      form: () => ({ court: caseCourt.code, from: '2026-12-01', to: '2026-12-02', reason: 'training' }),
      allowed: chairHere,
    },
    { method: 'POST', route: '/court/absences/:absenceId/remove', url: async () => `/court/absences/${await freshAbsence()}/remove`, form: () => ({}), allowed: chairHere },
    { method: 'GET', route: '/court/cases/:caseId/copies', url: () => `/court/cases/${caseId}/copies`, allowed: sendsCopiesHere },
    { method: 'POST', route: '/court/cases/:caseId/copies/:partyId', url: () => `/court/cases/${caseId}/copies/${claimantParty}`, form: () => ({ sentOn: '2026-12-01' }), allowed: sendsCopiesHere },
    { method: 'GET', route: '/court/cases/:caseId/assignment', url: () => `/court/cases/${caseId}/assignment`, allowed: chairHere },
    {
      method: 'POST',
      route: '/court/cases/:caseId/reassign',
      url: async () => {
        const [row] = await t.database.db.select({ judgeId: cases.judgeId }).from(cases).where(eq(cases.id, caseId));
        currentJudge = row!.judgeId ?? '';
        return `/court/cases/${caseId}/reassign`;
      },
      form: () => ({ current: currentJudge, judgeId: benchJudges.find((j) => j !== currentJudge)!, reason: 'Распределение нагрузки' }),
      allowed: chairHere,
    },
    // The chair's move of a case to themselves: any other judge of the court confirms it; the chair withdraws it (none is waiting here).
    {
      method: 'POST',
      route: '/judge/self-assignments/:proposalId/confirm',
      url: async () => `/judge/self-assignments/${await freshSelfAssignment()}/confirm`,
      form: () => ({}),
      allowed: (role, _relation, placement) => role === 'judge' && placement === 'this court',
    },
    { method: 'POST', route: '/court/cases/:caseId/self-assignment/withdraw', url: () => `/court/cases/${caseId}/self-assignment/withdraw`, form: () => ({}), allowed: chairHere },
    { method: 'POST', route: '/judge/cases/:caseId/recuse', url: () => `/judge/cases/${caseId}/recuse`, form: () => ({ reason: 'Знаком с истцом лично' }), allowed: nobody },
    { method: 'GET', route: '/court/payments', url: () => '/court/payments', allowed: (role) => role === 'clerk' || role === 'court_chair' },
    { method: 'GET', route: '/court/payments/:paymentId/document', url: async () => `/court/payments/${await documentPayment()}/document`, allowed: reviewsHere },
    { method: 'POST', route: '/court/payments/:paymentId/verify', url: async () => `/court/payments/${await documentPayment()}/verify`, form: () => ({}), allowed: reviewsHere },
    { method: 'POST', route: '/court/payments/:paymentId/reject', url: async () => `/court/payments/${await documentPayment()}/reject`, form: () => ({ reason: 'Сумма не совпадает' }), allowed: reviewsHere },
    { method: 'GET', route: '/court/filings/:filingId', url: () => `/court/filings/${incomingClaim.id}`, allowed: readsFilingsHere },
    { method: 'GET', route: '/court/filings/:filingId/files/:fileId', url: () => `/court/filings/${incomingClaim.id}/files/${incomingClaim.fileId}`, allowed: readsFilingsHere },
    { method: 'GET', route: '/court/filings/:filingId/talon.pdf', url: () => `/court/filings/${incomingClaim.id}/talon.pdf`, allowed: readsFilingsHere },
    { method: 'POST', route: '/court/filings/:filingId/receive', url: () => `/court/filings/${incomingPetition}/receive`, form: () => ({}), allowed: reviewsHere },
    // The case is not in its appeal term: the door is tested, nothing goes up.
    { method: 'POST', route: '/court/filings/:filingId/forward-appeal', url: () => `/court/filings/${incomingAppeal}/forward-appeal`, form: () => ({}), allowed: reviewsHere },
    // A number that is not one: the door is tested, the claim stays where it is.
    { method: 'POST', route: '/court/filings/:filingId/attach', url: () => `/court/filings/${incomingClaim.id}/attach`, form: () => ({ caseNumber: 'not-a-number' }), allowed: reviewsHere },
    { method: 'GET', route: '/court/counter/new', url: () => '/court/counter/new', allowed: clerks },
    { method: 'POST', route: '/court/counter', url: () => '/court/counter', form: () => ({}), allowed: clerks },
    { method: 'POST', route: '/api/v1/filings', url: () => '/api/v1/filings', json: { type: 'claim' }, allowed: everyone },
    { method: 'GET', route: '/api/v1/filings/:id', url: () => `/api/v1/filings/${othersFiling}`, allowed: nobody },
    { method: 'PUT', route: '/api/v1/filings/:id', url: () => `/api/v1/filings/${othersFiling}`, json: { version: 1, fields: {} }, allowed: nobody },
    { method: 'POST', route: '/api/v1/filings/:id/attachments', url: () => `/api/v1/filings/${othersFiling}/attachments`, json: {}, allowed: nobody },
    { method: 'DELETE', route: '/api/v1/filings/:id/attachments/:attachmentId', url: () => `/api/v1/filings/${othersFiling}/attachments/${othersFiling}`, allowed: nobody },
    { method: 'GET', route: '/api/v1/filings/:id/manifest', url: () => `/api/v1/filings/${othersFiling}/manifest`, allowed: nobody },
    { method: 'POST', route: '/api/v1/filings/:id/submit', url: () => `/api/v1/filings/${othersFiling}/submit`, json: { cms: 'AAAA' }, allowed: nobody },
    { method: 'POST', route: '/api/v1/auth/logout', url: () => '/api/v1/auth/logout', json: {}, allowed: everyone },
    // Hearing recordings: the court that held the hearing attaches them; whoever reads the case watches them.
    { method: 'GET', route: '/court/hearings/:hearingId/recordings', url: async () => `/court/hearings/${(await recordedHearing()).hearingId}/recordings`, allowed: recordsHere },
    // A form that is not multipart: the door is tested, nothing is stored.
    { method: 'POST', route: '/court/hearings/:hearingId/recordings', url: async () => `/court/hearings/${(await recordedHearing()).hearingId}/recordings`, form: () => ({ kind: 'audio' }), allowed: recordsHere },
    {
      method: 'POST',
      route: '/api/v1/hearings/:hearingId/recording-uploads',
      url: async () => `/api/v1/hearings/${(await recordedHearing()).hearingId}/recording-uploads`,
      json: { kind: 'audio', title: 'Часть 3', fileName: 'c.wav', totalBytes: 10 },
      allowed: recordsHere,
    },
    { method: 'GET', route: '/api/v1/recording-uploads/:id', url: async () => `/api/v1/recording-uploads/${(await recordedHearing()).uploadId}`, allowed: recordsHere },
    // JSON where bytes belong: let through the door, then refused as the wrong media type.
    { method: 'PUT', route: '/api/v1/recording-uploads/:id', url: async () => `/api/v1/recording-uploads/${(await recordedHearing()).uploadId}`, json: {}, allowed: recordsHere },
    {
      method: 'GET',
      route: '/cabinet/cases/:caseId/hearings/:hearingId/recordings',
      url: async () => `/cabinet/cases/${caseId}/hearings/${(await recordedHearing()).hearingId}/recordings`,
      allowed: readsCase,
    },
    {
      method: 'GET',
      route: '/cabinet/cases/:caseId/recordings/:recordingId/media',
      url: async () => `/cabinet/cases/${caseId}/recordings/${(await recordedHearing()).recordingId}/media`,
      allowed: readsCase,
    },
  ];

  it('lists every protected route', () => {
    const listed = new Set(routes.map((r) => `${r.method} ${r.route}`));
    const protectedRoutes = t.app.routeAccess().filter((r) => r.access !== 'public').map((r) => `${r.method} ${r.url}`);
    expect(protectedRoutes.filter((r) => !listed.has(r))).toEqual([]);
    expect([...listed].filter((r) => !protectedRoutes.includes(r))).toEqual([]);
  });

  async function call(route: RouteCase, user: TestUser | null) {
    const url = await route.url();
    if (route.json !== undefined) return t.app.inject({ method: route.method, url, headers: user ? { cookie: user.cookie } : {}, payload: route.json as object });
    if (!route.form) return t.app.inject({ method: route.method, url, headers: user ? { cookie: user.cookie } : {} });
    const { token, cookie } = user ? await formToken(user) : { token: '', cookie: '' };
    return t.app.inject({
      method: route.method,
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, ...route.form() }).toString(),
    });
  }

  /** Let through the door: anything but a refusal, a hidden 404, or a trip to the sign-in page. */
  const wasAllowed = (res: { statusCode: number; headers: Record<string, unknown> }) =>
    ![401, 403, 404].includes(res.statusCode) && !String(res.headers['location'] ?? '').startsWith('/login');

  for (const route of routes) {
    it(`${route.method} ${route.route}`, async () => {
      const unexpected: string[] = [];
      for (const role of ROLES) {
        for (const relation of ['party', 'representative', 'unrelated'] as const) {
          for (const placement of STAFF.includes(role) ? (['this court', 'another court'] as const) : (['this court'] as const)) {
            const res = await call(route, await principalFor(role, relation, placement));
            const expected = route.allowed(role, relation, placement);
            if (wasAllowed(res) !== expected) unexpected.push(`${role} (${relation}, ${placement}): ${res.statusCode}, expected ${expected ? 'allow' : 'deny'}`);
            if (res.statusCode >= 500) unexpected.push(`${role} (${relation}, ${placement}): ${res.statusCode}`);
            if (!expected && (route.route === '/cabinet/cases/:caseId' || route.route.startsWith('/cabinet/cases/:caseId/recordings') || route.route.startsWith('/cabinet/cases/:caseId/hearings'))) expect(res.statusCode, 'a hidden case is not found, not forbidden').toBe(404);
          }
        }
      }
      const anonymous = await call(route, null);
      if (wasAllowed(anonymous)) unexpected.push(`anonymous: ${anonymous.statusCode}`);
      expect(unexpected).toEqual([]);
    });
  }

  it('leaves the other person’s draft untouched', async () => {
    const [draft] = await t.database.db.select().from(filings).where(eq(filings.id, othersFiling));
    expect(draft).toMatchObject({ status: 'draft', version: 1 });
    expect(draft!.fields).toEqual({ parties: [{ side: 'defendant', kind: 'individual', name: 'Тест' }] });
  });

  it('shows a case only to people who may read it, with a 404 for malformed ids', async () => {
    const stranger = await signedInUser(t.database.db);
    for (const id of ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "'; drop table cases; --"]) {
      const res = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${encodeURIComponent(id)}`, headers: { cookie: stranger.cookie } });
      expect(res.statusCode, id).toBe(404);
    }
  });
});
