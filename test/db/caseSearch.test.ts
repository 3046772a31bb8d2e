import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findSession, SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { cases, courts, organisations, parties } from '../../src/db/schema/index.ts';
import { parseCaseSearch, type RawCaseSearch } from '../../src/domain/caseSearch.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { searchCases, staffCourts, type SearchScope } from '../../src/queries/caseSearch.ts';
import { caseFor } from '../../src/routes/caseAccess.ts';
import { withCheckDigit } from '../../src/seed/people.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { formSession } from '../support/forms.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

/**
 * The search obeys the case pages' rule: for each searcher every case found is one `caseFor` lets
 * them open, and every case of their scope that `caseFor` lets them open is found.
 */
describeDb('case search', () => {
  let t: TestApp;
  const people: Record<'party' | 'lawyer' | 'entityHead' | 'outsider' | 'clerkA' | 'judgeA' | 'chairB' | 'adminA', TestUser> = {} as never;
  const principals: Record<string, Principal> = {};
  const ids: Record<string, string> = {};
  const defendantIin = withCheckDigit('850505', '3', 1234);
  const bin = withCheckDigit('050440', '0', 7777);

  const principalOf = async (user: TestUser) => {
    const sessionId = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(user.cookie)![1]!;
    return (await findSession(t.database.db, sessionId, TEST_NOW))!.principal;
  };
  const parsed = (raw: RawCaseSearch) => {
    const search = parseCaseSearch(raw);
    if ('refused' in search) throw new Error(search.refused);
    return search;
  };
  /** Every page of a search, following the cursor. */
  async function allFound(raw: RawCaseSearch, scope: SearchScope): Promise<string[]> {
    const found: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await searchCases(t.database.db, parsed({ ...raw, cursor }), scope);
      found.push(...page.items.map((c) => c.id));
      if (!page.next) return found;
      cursor = Buffer.from(JSON.stringify([page.next.filedAt, page.next.id])).toString('base64url');
    }
    throw new Error('too many pages');
  }
  const opens = async (principal: Principal, caseId: string, check: 'read' | 'read_court_file') =>
    caseFor(t.app, principal, caseId, check).then(
      () => true,
      () => false,
    );

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const db = t.database.db;
    const courtId = async (code: string) => (await db.select({ id: courts.id }).from(courts).where(eq(courts.code, code)))[0]!.id;
    const [a, b] = [await courtId('7517'), await courtId('9594')];
    people.party = await signedInUser(db, { lang: 'ru' });
    people.lawyer = await signedInUser(db, { roles: [{ role: 'lawyer', courtId: null }], lang: 'en' });
    people.entityHead = await signedInUser(db, { bin, lang: 'kk' });
    people.outsider = await signedInUser(db);
    people.clerkA = await signedInUser(db, { roles: [{ role: 'clerk', courtId: a }], lang: 'ru' });
    people.judgeA = await signedInUser(db, { roles: [{ role: 'judge', courtId: a }] });
    people.chairB = await signedInUser(db, { roles: [{ role: 'court_chair', courtId: b }] });
    people.adminA = await signedInUser(db, { roles: [{ role: 'court_admin', courtId: a }] });
    for (const [name, user] of Object.entries(people)) principals[name] = await principalOf(user);

    const [org] = await db.insert(organisations).values({ bin, name: 'ТОО «Құрылыс-Сервис»' }).returning({ id: organisations.id });
    const newCase = async (key: string, number: string | null, court: string, values: Partial<typeof cases.$inferInsert> = {}) =>
      (ids[key] = (await db.insert(cases).values({ number, courtId: court, kind: 'civil', category: 'property', status: 'hearing_scheduled', filedAt: TEST_NOW, ...values }).returning({ id: cases.id }))[0]!.id);
    const party = async (caseId: string, values: Partial<typeof parties.$inferInsert>) =>
      (await db.insert(parties).values({ caseId, role: 'claimant', displayName: 'Кто-то', ...values }).returning({ id: parties.id }))[0]!.id;

    // In court A: the party's case with their lawyer (authority accepted) and a Kazakh defendant.
    await newCase('mine', '7517-26-00-2/8801', a, { judgeId: principals['judgeA']!.userId, category: 'labour' });
    const claimant = await party(ids['mine']!, { userId: people.party.id, iin: people.party.iin, displayName: 'Сидорова Анна Петровна' });
    await party(ids['mine']!, { role: 'defendant', displayName: 'Құрманғалиев Әлібек', iin: defendantIin });
    await party(ids['mine']!, { role: 'lawyer', userId: people.lawyer.id, displayName: 'Адвокат Нуртасов', representsPartyId: claimant, authorityAcceptedAt: TEST_NOW });
    // In court B: the party again, and the same defendant's name, which court A's staff never see.
    await newCase('mineB', '9594-26-00-2/8802', b, { filedAt: new Date(TEST_NOW.getTime() - 86_400_000) });
    await party(ids['mineB']!, { userId: people.party.id, iin: people.party.iin, displayName: 'Сидорова Анна Петровна' });
    await party(ids['mineB']!, { role: 'defendant', displayName: 'Құрманғалиев Әлібек' });
    // A warrant the judge has not accepted opens nothing to the lawyer.
    await newCase('notAccepted', '7517-26-00-2/8803', a);
    const other = await party(ids['notAccepted']!, { displayName: 'Иванов Иван' });
    await party(ids['notAccepted']!, { role: 'lawyer', userId: people.lawyer.id, displayName: 'Адвокат Нуртасов', representsPartyId: other });
    // The entity is a party; its head signs in with its BIN.
    await newCase('entity', null, a, { status: 'submitted', filedAt: new Date(TEST_NOW.getTime() - 2 * 86_400_000) });
    await party(ids['entity']!, { organisationId: org!.id, displayName: 'ТОО «Құрылыс-Сервис»' });
    // Enough cases of one name for several pages.
    for (let i = 0; i < 45; i++) {
      await newCase(`page${i}`, `7517-26-00-2/77${String(i).padStart(2, '0')}`, a, { filedAt: new Date(TEST_NOW.getTime() - (i % 7) * 3_600_000) });
      await party(ids[`page${i}`]!, { displayName: `Страницева Мария ${i}` });
    }
  });
  afterAll(() => t?.close());

  it('finds for each participant exactly the cases the case page opens to them', async () => {
    const all = (await t.database.db.select({ id: cases.id }).from(cases)).map((r) => r.id);
    for (const who of ['party', 'lawyer', 'entityHead', 'outsider'] as const) {
      const principal = principals[who]!;
      const found = await allFound({ from: '1990-01-01' }, { audience: 'cabinet', principal });
      expect(new Set(found).size, who).toBe(found.length);
      for (const id of found) expect(await opens(principal, id, 'read'), `${who} found ${id}`).toBe(true);
      const mayOpen = [];
      for (const id of all) if (await opens(principal, id, 'read')) mayOpen.push(id);
      expect(found.sort(), who).toEqual(mayOpen.sort());
    }
    expect((await allFound({ from: '1990-01-01' }, { audience: 'cabinet', principal: principals['party']! })).sort()).toEqual([ids['mine'], ids['mineB']].sort());
    expect(await allFound({ from: '1990-01-01' }, { audience: 'cabinet', principal: principals['lawyer']! })).toEqual([ids['mine']]);
    expect(await allFound({ from: '1990-01-01' }, { audience: 'cabinet', principal: principals['entityHead']! })).toEqual([ids['entity']]);
    expect(await allFound({ from: '1990-01-01' }, { audience: 'cabinet', principal: principals['outsider']! })).toEqual([]);
  });

  it('finds for court staff exactly the cases of their court whose e-case file they may open', async () => {
    const rows = await t.database.db.select({ id: cases.id, courtId: cases.courtId }).from(cases);
    for (const who of ['clerkA', 'judgeA', 'chairB', 'adminA'] as const) {
      const principal = principals[who]!;
      const courtIds = staffCourts(principal);
      const found = await allFound({ dates: 'filed', from: '1990-01-01' }, { audience: 'court', courtIds });
      for (const id of found) expect(await opens(principal, id, 'read_court_file'), `${who} found ${id}`).toBe(true);
      const expected = [];
      for (const row of rows) if (courtIds.includes(row.courtId) && (await opens(principal, row.id, 'read_court_file'))) expected.push(row.id);
      expect(found.sort(), who).toEqual(expected.sort());
    }
    // The court's administrator handles no cases, so searches none.
    expect(staffCourts(principals['adminA']!)).toEqual([]);
  });

  it('finds a participant by part of their name in any case, Russian or Kazakh, only in the searcher’s court', async () => {
    const courtA = { audience: 'court' as const, courtIds: staffCourts(principals['clerkA']!) };
    expect(await allFound({ name: 'сидоров' }, courtA)).toEqual([ids['mine']]);
    expect(await allFound({ name: 'ҚҰРМАНҒАЛИ' }, courtA)).toEqual([ids['mine']]);
    expect(await allFound({ name: 'әлібек құрманғалиев' }, courtA)).toEqual([ids['mine']]);
    expect(await allFound({ name: 'сидорова', category: 'labour', status: 'hearing_scheduled' }, courtA)).toEqual([ids['mine']]);
    expect(await allFound({ name: 'сидорова', category: 'divorce' }, courtA)).toEqual([]);
    expect((await allFound({ name: 'Құрманғалиев' }, { audience: 'court', courtIds: staffCourts(principals['chairB']!) }))).toEqual([ids['mineB']]);
    expect(await allFound({ number: '2/8801' }, courtA)).toEqual([ids['mine']]);
    expect(await allFound({ judge: principals['judgeA']!.userId }, courtA)).toEqual([ids['mine']]);
    // A lawyer finds the client's case by the other side's name; the case they have no accepted warrant in stays hidden.
    const lawyer = { audience: 'cabinet' as const, principal: principals['lawyer']! };
    expect(await allFound({ name: 'Құрманғалиев' }, lawyer)).toEqual([ids['mine']]);
    expect(await allFound({ name: 'Иванов' }, lawyer)).toEqual([]);
  });

  it('pages by keyset without repeating or skipping a case, and caps the count', async () => {
    const courtA = { audience: 'court' as const, courtIds: staffCourts(principals['clerkA']!) };
    const first = await searchCases(t.database.db, parsed({ name: 'страницева' }), courtA);
    expect(first.items).toHaveLength(20);
    expect(first.total).toBe(45);
    expect(first.capped).toBe(false);
    const found = await allFound({ name: 'страницева' }, courtA);
    expect(found).toHaveLength(45);
    expect(new Set(found).size).toBe(45);
    expect(new Set(found)).toEqual(new Set(Array.from({ length: 45 }, (_, i) => ids[`page${i}`])));
  });

  it('searches by IIN or BIN from the posted form only, and logs neither', async () => {
    const clerk = people.clerkA;
    const form = await t.app.inject({ method: 'GET', url: '/court/cases/search', headers: { cookie: clerk.cookie } });
    expect(form.statusCode).toBe(200);
    const { token, cookie } = formSession(form, clerk.cookie);
    const post = (fields: Record<string, string>) => t.app.inject({ method: 'POST', url: '/court/cases/search', headers: { cookie }, payload: { _csrf: token, ...fields } });
    const byIin = await post({ iin: defendantIin });
    expect(byIin.statusCode).toBe(200);
    expect(byIin.body).toContain('7517-26-00-2/8801');
    expect(byIin.body).not.toContain('9594-26-00-2/8802');
    const byBin = await post({ iin: bin });
    expect(byBin.statusCode).toBe(200);
    expect(byBin.body).toContain('/court/cases/' + ids['entity'] + '/file');
    const wrong = await post({ iin: '123456789012' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('ИИН или БИН из 12 цифр');
    // An IIN in an address is not searched at all.
    const inAddress = await t.app.inject({ method: 'GET', url: `/court/cases/search?iin=${defendantIin}&number=8801`, headers: { cookie: clerk.cookie } });
    expect(inAddress.statusCode).toBe(200);
    expect(JSON.stringify(t.logs)).not.toContain(defendantIin);
    expect(JSON.stringify(t.logs)).not.toContain(bin);
    // "More results" posts the search again with its cursor.
    const paged = await post({ name: 'страницева' });
    const cursor = /name="cursor" value="([^"]+)"/.exec(paged.body)?.[1];
    expect(cursor).toBeTruthy();
    const next = await post({ name: 'страницева', cursor: cursor! });
    expect(next.statusCode).toBe(200);
    expect((next.body.match(/Страницева Мария|sot-case-number/g) ?? []).length).toBe(20);
  });

  it('links each found case to the page the role may open', async () => {
    const judge = people.judgeA;
    const found = await t.app.inject({ method: 'GET', url: '/court/cases/search?number=2/8801', headers: { cookie: judge.cookie } });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(`/judge/cases/${ids['mine']}`);
    const clerk = await t.app.inject({ method: 'GET', url: '/court/cases/search?number=2/8801', headers: { cookie: people.clerkA.cookie } });
    expect(clerk.body).toContain(`/court/cases/${ids['mine']}/file`);
    const cabinet = await t.app.inject({ method: 'GET', url: `/cabinet/cases/search?name=${encodeURIComponent('Құрманғали')}`, headers: { cookie: people.lawyer.cookie } });
    expect(cabinet.statusCode).toBe(200);
    expect(cabinet.body).toContain(`/cabinet/cases/${ids['mine']}`);
  });

  it('answers odd input with results or a clear 4xx, never a 5xx', async () => {
    const get = (user: TestUser, path: string, query: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: `${path}?${new URLSearchParams(query).toString()}`, headers: { cookie: user.cookie } });
    const cases_: [Record<string, string>, number][] = [
      [{ name: "Иван & | !:* ' or 1=1 --" }, 200],
      [{ name: "' or 1=1 --" }, 400],
      [{ name: 'ab' }, 400],
      [{ number: "8801' or '1'='1" }, 400],
      [{ number: '%_%' }, 400],
      [{ name: 'я'.repeat(5000) }, 400],
      [{ name: 'а'.repeat(150) }, 200],
      [{ from: '2026-02-31' }, 400],
      [{ to: 'yesterday' }, 400],
      [{ from: '2026-01-01', to: '2025-01-01' }, 200],
      [{ cursor: 'not-a-cursor' }, 400],
      [{ cursor: Buffer.from(JSON.stringify(['2026-13-45 99:00:00+00', '00000000-0000-4000-8000-000000000000'])).toString('base64url') }, 400],
      [{ cursor: Buffer.from(JSON.stringify(['2026-11-25 05:00:00+00', 'x'])).toString('base64url') }, 400],
      [{ status: 'nonsense', category: "'; drop table cases; --", judge: 'not-a-uuid', court: '12' }, 200],
      [{ name: 'Сидорова\u0000' }, 400],
    ];
    for (const [query, status] of cases_) {
      for (const [user, path] of [
        [people.party, '/cabinet/cases/search'],
        [people.clerkA, '/court/cases/search'],
      ] as const) {
        const res = await get(user, path, query);
        expect(res.statusCode, `${path} ${JSON.stringify(query).slice(0, 80)}`).toBe(status);
      }
    }
    expect((await get(people.party, '/cabinet/cases/search', { from: '2026-02-31' })).body).toContain('govuk-error-summary');
  });

  it('is closed to those who handle no cases of a court', async () => {
    for (const user of [people.adminA, people.party]) {
      const res = await t.app.inject({ method: 'GET', url: '/court/cases/search', headers: { cookie: user.cookie } });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    expect((await t.app.inject({ method: 'GET', url: '/cabinet/cases/search' })).statusCode).not.toBe(200);
  });
});

