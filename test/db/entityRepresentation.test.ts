import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { acceptAuthority } from '../../src/commands/authority.ts';
import { registerCase } from '../../src/commands/registerCase.ts';
import { cases, courts, filings, organisations, parties, users } from '../../src/db/schema/index.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { DEMO_COMPANY } from '../../src/seed/people.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { multipart, SAMPLE_FILES, signedManifest } from '../support/filing.ts';
import { issueAuthKey, issueSigner, makeRootCa, signContent, testIin, type TestCa, type TestSigner } from '../support/pki.ts';
import { signedInUser } from '../support/sessions.ts';

/**
 * Acting for a legal entity, over HTTP with real certificates: the demo company's first head acts
 * for it on the strength of the certificate; its employee is a person who works there and acts for
 * it only as its representative, once the judge accepts the power of attorney.
 */
describeDb('acting for a legal entity', () => {
  let t: TestApp;
  let root: TestCa;
  let medeu: string;
  let companyId: string;
  let companyCaseNumber: string;
  const now = () => new Date();
  const person = (iin: string, fullName: string) => ({ iin, fullName, bin: DEMO_COMPANY.bin, organisation: DEMO_COMPANY.name });
  let head: { signer: TestSigner; auth: TestSigner; personal: TestSigner; cookie: string; iin: string };
  let employee: { signer: TestSigner; auth: TestSigner; cookie: string; iin: string };

  async function signIn(signer: TestSigner, lang = 'en'): Promise<string> {
    const challenge = await t.app.inject({ method: 'POST', url: '/api/v1/auth/challenge', payload: {} });
    const nonce: string = challenge.json().nonce;
    const cms = await signContent(signer, Buffer.from(nonce, 'base64'));
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { nonce, cms: Buffer.from(cms).toString('base64') } });
    expect(res.statusCode, res.body).toBe(200);
    return `${SESSION_COOKIE}=${/sot_session=([^;]+)/.exec(String(res.headers['set-cookie']))![1]}; lang=${lang}`;
  }

  beforeAll(async () => {
    root = await makeRootCa({ name: 'Test NCA Root' });
    t = await createTestApp({ seed: true, signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }), clock: now });
    [{ id: medeu }] = (await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
    [{ id: companyId }] = (await t.database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.bin, DEMO_COMPANY.bin))) as [{ id: string }];
    // A registered case of the demo's where the company is a party.
    const [companyCase] = await t.database.db
      .select({ number: cases.number })
      .from(parties)
      .innerJoin(cases, eq(cases.id, parties.caseId))
      .where(and(eq(parties.organisationId, companyId), eq(cases.status, 'hearing_scheduled'), eq(cases.courtId, medeu)))
      .limit(1);
    companyCaseNumber = companyCase!.number!;

    const headIin = testIin(9540);
    // Like NCA, each person has a key to sign in with and a key to sign filings with.
    const headSigner = await issueSigner(root, { person: person(headIin, 'ЖҰМАБАЕВА ДИНАРА'), organisationRoles: ['first_head'] });
    const headAuth = await issueAuthKey(root, { person: person(headIin, 'ЖҰМАБАЕВА ДИНАРА'), organisationRoles: ['first_head'] });
    const employeeIin = testIin(9541);
    const employeeSigner = await issueSigner(root, { person: person(employeeIin, 'СЕРІКБАЕВ ТИМУР'), organisationRoles: ['employee'] });
    const employeeAuth = await issueAuthKey(root, { person: person(employeeIin, 'СЕРІКБАЕВ ТИМУР'), organisationRoles: ['employee'] });
    head = { signer: headSigner, auth: headAuth, personal: await issueSigner(root, { person: { iin: headIin, fullName: 'ЖҰМАБАЕВА ДИНАРА' } }), cookie: await signIn(headAuth), iin: headIin };
    employee = { signer: employeeSigner, auth: employeeAuth, cookie: await signIn(employeeAuth), iin: employeeIin };
  });
  afterAll(() => t?.close());

  const api = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

  async function draft(cookie: string, body: object): Promise<string> {
    const res = await api(cookie, 'POST', '/filings', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  async function attach(cookie: string, id: string, purpose: string) {
    const { payload, headers } = multipart([{ name: `${purpose}.pdf`, content: SAMPLE_FILES.pdf() }]);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/filings/${id}/attachments?purpose=${purpose}`, headers: { cookie, ...headers }, payload });
    expect(res.statusCode, res.body).toBe(201);
  }

  const submit = async (cookie: string, id: string, signer: TestSigner) => api(cookie, 'POST', `/filings/${id}/submit`, { cms: await signedManifest(t.app, cookie, id, signer) });

  const claimFor = (claimant: object) => ({
    type: 'claim',
    courtId: medeu,
    category: 'property',
    claimantType: 'legal',
    subject: 'Взыскание задолженности по договору перевозки',
    amount: '2400000',
    text: 'Прошу взыскать с ответчика задолженность.',
    parties: [claimant, { side: 'defendant', kind: 'individual', name: 'Иванов Иван', iin: testIin(9702) }],
  });
  const company = { side: 'claimant', kind: 'legal', name: DEMO_COMPANY.name, bin: DEMO_COMPANY.bin };

  it('signs the head in as the company’s representative, and the employee in as a person who works there', async () => {
    const headMe = (await api(head.cookie, 'GET', '/me')).json().user;
    expect(headMe).toMatchObject({ bin: DEMO_COMPANY.bin, entity: { bin: DEMO_COMPANY.bin, standing: 'head' }, roles: ['citizen', 'legal_representative'] });
    const employeeMe = (await api(employee.cookie, 'GET', '/me')).json().user;
    expect(employeeMe.bin).toBeUndefined();
    expect(employeeMe).toMatchObject({ iin: employee.iin, entity: { bin: DEMO_COMPANY.bin, standing: 'employee' }, roles: ['citizen'] });
  });

  it('lets the head file in the company’s case directly, and not the employee', async () => {
    expect((await api(head.cookie, 'POST', '/filings', { type: 'petition', caseNumber: companyCaseNumber, text: 'Ходатайство.' })).statusCode).toBe(201);
    const refused = await api(employee.cookie, 'POST', '/filings', { type: 'petition', caseNumber: companyCaseNumber, text: 'Ходатайство.' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('not_party_to_case');
  });

  it('takes the head’s claim for the company as the company’s, with the head acting for it at once', async () => {
    const id = await draft(head.cookie, claimFor(company));
    const res = await submit(head.cookie, id, head.signer);
    expect(res.statusCode, res.body).toBe(201);
    const [filed] = await t.database.db.select({ caseId: parties.caseId }).from(parties).innerJoin(users, eq(users.id, parties.userId)).where(and(eq(users.iin, head.iin), eq(parties.role, 'representative')));
    const rows = await t.database.db.select().from(parties).where(eq(parties.caseId, filed!.caseId));
    expect(rows.find((p) => p.role === 'claimant')).toMatchObject({ organisationId: companyId });
    expect(rows.find((p) => p.role === 'representative')!.authorityAcceptedAt).not.toBeNull();
  });

  it('refuses a filing for the company signed with the head’s own certificate, which gives no right to act for it', async () => {
    const id = await draft(head.cookie, claimFor(company));
    const res = await submit(head.cookie, id, head.personal);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('signer_not_entity_head');
  });

  describe('the employee’s claim for the company', () => {
    let caseId: string;
    let representativeId: string;

    it('is not signed without the power of attorney', async () => {
      const id = await draft(employee.cookie, claimFor(company));
      const res = await submit(employee.cookie, id, employee.signer);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('filing_incomplete');
      expect(res.json().error.message).toContain('powerOfAttorney');
    });

    it('makes the employee the company’s representative awaiting the court, not the company itself', async () => {
      const id = await draft(employee.cookie, claimFor(company));
      await attach(employee.cookie, id, 'power_of_attorney');
      const res = await submit(employee.cookie, id, employee.signer);
      expect(res.statusCode, res.body).toBe(201);
      const [filing] = await t.database.db.select({ caseId: filings.caseId }).from(filings).where(eq(filings.id, id));
      caseId = filing!.caseId!;
      const rows = await t.database.db.select().from(parties).where(eq(parties.caseId, caseId));
      const claimant = rows.find((p) => p.role === 'claimant')!;
      expect(claimant).toMatchObject({ organisationId: companyId, userId: null, displayName: DEMO_COMPANY.name });
      const representative = rows.find((p) => p.role === 'representative')!;
      expect(representative).toMatchObject({ representsPartyId: claimant.id, authorityAcceptedAt: null });
      representativeId = representative.id;
    });

    it('keeps the case closed to the employee, and filing in it refused, until the judge accepts the power of attorney', async () => {
      const clerk = await signedInUser(t.database.db, { roles: [{ role: 'clerk', courtId: medeu }] });
      const clerkPrincipal: Principal = { userId: clerk.id, iin: clerk.iin, fullName: 'Clerk', bin: null, roles: [{ role: 'clerk', courtId: medeu }] };
      const { judgeId, number } = await registerCase(t.database.db, clerkPrincipal, caseId, now());
      expect((await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: employee.cookie } })).statusCode).toBe(404);
      const refused = await api(employee.cookie, 'POST', '/filings', { type: 'petition', caseNumber: number, text: 'Ходатайство.' });
      expect(refused.json().error.code).toBe('not_party_to_case');

      const [judge] = await t.database.db.select().from(users).where(eq(users.id, judgeId));
      await acceptAuthority(t.database.db, { userId: judgeId, iin: judge!.iin, fullName: judge!.fullName, bin: null, roles: [{ role: 'judge', courtId: medeu }] }, caseId, representativeId, now());

      expect((await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: employee.cookie } })).statusCode).toBe(200);
      expect((await api(employee.cookie, 'POST', '/filings', { type: 'petition', caseNumber: number, text: 'Ходатайство.' })).statusCode).toBe(201);
      // The acceptance is for this case only: the company's other cases stay closed to the employee.
      expect((await api(employee.cookie, 'POST', '/filings', { type: 'petition', caseNumber: companyCaseNumber, text: 'Ходатайство.' })).statusCode).toBe(403);
    });
  });

  describe('the profile and the cabinet say how the person stands to the company', () => {
    const page = async (cookie: string, url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      return res.body.replaceAll('&quot;', '"').replaceAll('&#39;', "'");
    };

    it('in English', async () => {
      expect(await page(employee.cookie, '/profile')).toContain('employee of ТОО «Дала Логистик» (acts by power of attorney)');
      expect(await page(head.cookie, '/profile')).toContain('head of ТОО «Дала Логистик»');
      expect(await page(employee.cookie, '/cabinet')).toContain('You act for it only by a power of attorney that the court accepts');
    });

    it('in Russian and Kazakh', async () => {
      const ru = await signIn(employee.auth, 'ru');
      expect(await page(ru, '/profile')).toContain('сотрудник ТОО «Дала Логистик» (действует по доверенности)');
      expect(await page(ru, '/profile')).toContain('Сотрудник');
      const kk = await signIn(head.auth, 'kk');
      expect(await page(kk, '/profile')).toContain('ТОО «Дала Логистик» басшысы');
      expect(await page(kk, '/profile')).toContain('Бірінші басшы');
    });
  });
});
