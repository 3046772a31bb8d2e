import { and, eq, isNotNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFollows, cases, courts, events, filings, notifications, organisations, parties, users } from '../../src/db/schema/index.ts';
import { createSession, SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { noticeToParticipants, noticeToParty, type Notice } from '../../src/commands/notices.ts';
import { fanOutCaseAlerts } from '../../src/jobs/caseAlerts.ts';
import { urls } from '../../src/urls.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { formSession } from '../support/forms.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

describeDb('case alerts', () => {
  let t: TestApp;
  let party: TestUser;
  let stranger: TestUser;
  // The people of a company that is a party: one filed for it, one follows the case for it, both signed in with its BIN.
  let entityFiler: TestUser;
  let entityFollower: TestUser;
  let clerk: TestUser;
  const bin = '990540000031';
  const n = { open: '7517-26-00-2/9801', closed: '7517-26-00-2/9802', entity: '7517-26-00-2/9803' };
  const ids = { open: '', closed: '', entity: '' };

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const db = t.database.db;
    party = await signedInUser(db, { lang: 'ru' });
    stranger = await signedInUser(db, { lang: 'kk' });
    await db.update(users).set({ email: 'party@example.kz', emailVerifiedAt: TEST_NOW, notifyByEmail: true, notifyBySms: false }).where(eq(users.id, party.id));
    const [court] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'));
    const newCase = async (number: string, closedHearing: boolean) =>
      (await db.insert(cases).values({ number, courtId: court!.id, kind: 'civil', category: 'property', status: 'accepted', closedHearing }).returning({ id: cases.id }))[0]!.id;
    ids.open = await newCase(n.open, false);
    ids.closed = await newCase(n.closed, true);
    await db.insert(parties).values({ caseId: ids.open, role: 'claimant', displayName: 'Истец', userId: party.id, iin: party.iin });

    entityFiler = await signedInUser(db, { bin, lang: 'en' });
    entityFollower = await signedInUser(db, { bin, lang: 'en' });
    clerk = await signedInUser(db, { roles: [{ role: 'clerk', courtId: court!.id }] });
    // A closed hearing: no one may follow it publicly, so any alert its people get is a participant's.
    ids.entity = await newCase(n.entity, true);
    const [org] = await db.insert(organisations).values({ bin, name: 'ТОО «Гамма»' }).returning({ id: organisations.id });
    await db.insert(parties).values({ caseId: ids.entity, role: 'defendant', displayName: 'ТОО «Гамма»', organisationId: org!.id });
    const submitted = { type: 'petition' as const, status: 'submitted' as const, courtId: court!.id, caseId: ids.entity, filerBin: bin, submittedAt: TEST_NOW };
    const talon = () => `7517-26-${String(Math.random()).slice(2, 8)}`;
    await db.insert(filings).values({ ...submitted, filerId: entityFiler.id, talonNumber: talon(), verifyCode: String(Math.random()).slice(2, 14), signature: Buffer.from('x') });
    // A paper filing for the company: its filer of record is the clerk who entered it, who takes no part.
    await db.insert(filings).values({ ...submitted, channel: 'counter', filerId: clerk.id, talonNumber: talon() });
    await fanOutCaseAlerts(db, TEST_NOW);
  });
  afterAll(() => t?.close());

  const alertsOf = (userId: string) => t.database.db.select().from(notifications).where(and(eq(notifications.userId, userId), like(notifications.dedupeKey, 'alert:%')));
  const event = async (caseId: string, type: string, data: Record<string, unknown> = {}) =>
    (await t.database.db.insert(events).values({ caseId, type, occurredAt: new Date(), data }).returning({ id: events.id }))[0]!.id;
  const get = (user: TestUser, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } });
  const post = async (user: TestUser, url: string, fields: Record<string, string>) => {
    const { token, cookie } = formSession(await get(user, '/cabinet/follows'), user.cookie);
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...fields }).toString() });
  };

  it('lets a stranger follow a public case from its status page, but not a closed hearing', async () => {
    const status = await t.app.inject({ method: 'GET', url: `/case-status?number=${encodeURIComponent(n.open)}` });
    expect(status.body).toContain(`/cabinet/follows/new?number=${encodeURIComponent(n.open)}`);
    expect((await get(stranger, `/cabinet/follows/new?number=${encodeURIComponent(n.open)}`)).statusCode).toBe(200);
    expect((await post(stranger, '/cabinet/follows', { number: n.open, bySms: 'on' })).headers.location).toBe('/cabinet/follows?done=followed');
    expect((await get(stranger, `/cabinet/follows/new?number=${encodeURIComponent(n.closed)}`)).statusCode).toBe(404);
    expect((await post(stranger, '/cabinet/follows', { number: n.closed })).statusCode).toBe(404);
    expect((await get(stranger, '/cabinet/follows')).body).toContain(n.open);
  });

  it('says on the cabinet case page how the person hears of the case, and where to change it', async () => {
    const page = async (user: TestUser, caseId: string) => {
      const res = await get(user, urls.cabinetCase(caseId));
      expect(res.statusCode).toBe(200);
      return res.body;
    };
    // The party reads Russian, the language of their profile.
    const own = await page(party, ids.open);
    expect(own).toContain('Уведомления по делу');
    expect(own).toContain('О каждом новом событии по делу вы узнаёте');
    expect(own).toContain(`href="${urls.followedCase(ids.open)}"`);
    expect((await get(party, urls.followedCases())).body).toContain(`id="${urls.followedCaseAnchor(ids.open)}"`);
    await post(party, urls.caseAlertChoice(ids.open), { following: 'no' });
    expect(await page(party, ids.open)).toContain('Уведомления по этому делу вы отключили.');
    await post(party, urls.caseAlertChoice(ids.open), { following: 'yes', byEmail: 'on' });
    expect(await page(party, ids.open)).toContain('О каждом новом событии по делу вы узнаёте');

    // Someone of the company that is a party, who has neither filed nor followed for it yet, is offered to follow.
    const newcomer = await signedInUser(t.database.db, { bin, lang: 'en' });
    const theirs = await page(newcomer, ids.entity);
    expect(theirs).toContain('The organisation you act for is a party to this case.');
    expect(theirs).toContain(`href="${urls.followCase(n.entity)}"`);
    // The court's side has no alerts of its own here.
    expect(await page(clerk, ids.open)).not.toContain('case-alerts-heading');
  });

  it('starts a long list of followed cases with a link to each case’s own choices', async () => {
    const reader = await signedInUser(t.database.db, { lang: 'en' });
    const [court] = await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'));
    const made: { id: string; number: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const number = `7517-26-00-2/98${20 + i}`;
      const [row] = await t.database.db.insert(cases).values({ number, courtId: court!.id, kind: 'civil', category: 'property', status: 'accepted' }).returning({ id: cases.id });
      made.push({ id: row!.id, number });
      const list = (await get(reader, urls.followedCases())).body;
      // Up to five cases, the list is short enough to read through.
      if (i > 0) expect(list.includes('follows-contents-heading'), `${i} followed`).toBe(i > 5);
      expect((await post(reader, '/cabinet/follows', { number })).headers.location).toBe('/cabinet/follows?done=followed');
    }
    const list = (await get(reader, urls.followedCases())).body;
    expect(list).toContain('Cases on this page');
    for (const { id } of made) {
      expect(list).toContain(`href="#${urls.followedCaseAnchor(id)}"`);
      expect(list).toContain(`id="${urls.followedCaseAnchor(id)}"`);
    }
  });

  it('refuses bad input with a 4xx', async () => {
    expect((await get(stranger, '/cabinet/follows/new?number=nonsense')).statusCode).toBe(400);
    expect((await post(stranger, '/cabinet/follows', { number: n.open, byEmail: 'yes' })).statusCode).toBe(400);
    // An id that is no id names no case, as everywhere in Sot.
    expect((await post(stranger, '/cabinet/follows/not-a-uuid', { following: 'yes' })).statusCode).toBe(404);
    expect((await post(stranger, `/cabinet/follows/${ids.open}`, { following: 'maybe' })).statusCode).toBe(400);
    expect((await post(stranger, `/cabinet/follows/${ids.closed}`, { following: 'yes' })).statusCode).toBe(404);
  });

  it('tells the party of every event once, by the app and e-mail, and the follower of public events only', async () => {
    const scheduled = await event(ids.open, 'hearing_scheduled', { startsAt: TEST_NOW.toISOString() });
    const material = await event(ids.open, 'material_added', {});
    await Promise.all([fanOutCaseAlerts(t.database.db, TEST_NOW), fanOutCaseAlerts(t.database.db, TEST_NOW)]);
    await fanOutCaseAlerts(t.database.db, TEST_NOW);
    const partyAlerts = await alertsOf(party.id);
    expect(partyAlerts.map((a) => `${a.dedupeKey.split(':')[1]}:${a.channel}`).sort()).toEqual([`${material}:email`, `${material}:in_app`, `${scheduled}:email`, `${scheduled}:in_app`].sort());
    expect(partyAlerts.find((a) => a.channel === 'in_app')!.link).toBe(`/cabinet/cases/${ids.open}`);
    const strangerAlerts = await alertsOf(stranger.id);
    // No verified phone: the SMS chosen has nowhere to go.
    expect(strangerAlerts.map((a) => `${a.dedupeKey.split(':')[1]}:${a.channel}`)).toEqual([`${scheduled}:in_app`]);
    expect(strangerAlerts[0]!.subjectI18n!.kk).toContain(n.open);
    expect(strangerAlerts[0]!.subjectI18n!.ru).toContain('Дело');
  });

  it('stops a follower’s alerts when they unfollow, and a party’s when they turn them off', async () => {
    expect((await post(stranger, `/cabinet/follows/${ids.open}`, { following: 'no' })).headers.location).toBe('/cabinet/follows?done=stopped');
    expect((await post(party, `/cabinet/follows/${ids.open}`, { following: 'no' })).headers.location).toBe('/cabinet/follows?done=stopped');
    const before = [(await alertsOf(party.id)).length, (await alertsOf(stranger.id)).length];
    await event(ids.open, 'status_changed', { from: 'accepted', to: 'preparation' });
    await fanOutCaseAlerts(t.database.db, TEST_NOW);
    expect([(await alertsOf(party.id)).length, (await alertsOf(stranger.id)).length]).toEqual(before);
  });

  describe('the people of a company that is a party', () => {
    const keysOf = async (userId: string) => (await alertsOf(userId)).map((a) => `${a.dedupeKey.split(':')[1]}:${a.channel}`).sort();

    it('follow a closed case the company is a party to as participants, by their BIN', async () => {
      const page = await get(entityFollower, `/cabinet/follows/new?number=${encodeURIComponent(n.entity)}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('The organisation you act for is a party to this case');
      expect((await post(entityFollower, '/cabinet/follows', { number: n.entity })).headers.location).toBe('/cabinet/follows?done=followed');
      const [row] = await t.database.db.select().from(caseFollows).where(and(eq(caseFollows.userId, entityFollower.id), eq(caseFollows.caseId, ids.entity)));
      expect(row).toMatchObject({ bin, publicOnly: false, active: true });
      expect((await get(entityFollower, '/cabinet/follows')).body).toContain(`/cabinet/cases/${ids.entity}`);
      // Signed in with the BIN they open the case page the alerts link to.
      expect((await get(entityFollower, `/cabinet/cases/${ids.entity}`)).statusCode).toBe(200);
      expect((await get(stranger, `/cabinet/follows/new?number=${encodeURIComponent(n.entity)}`)).statusCode).toBe(404);
    });

    it('tells the company’s filer and follower of every event once, but not whoever caused it, nor the clerk of a paper filing', async () => {
      const scheduled = await event(ids.entity, 'hearing_scheduled', { startsAt: TEST_NOW.toISOString() });
      const byFollower = (await t.database.db.insert(events).values({ caseId: ids.entity, type: 'material_added', occurredAt: new Date(), actorId: entityFollower.id, data: {} }).returning({ id: events.id }))[0]!.id;
      await Promise.all([fanOutCaseAlerts(t.database.db, TEST_NOW), fanOutCaseAlerts(t.database.db, TEST_NOW)]);
      await fanOutCaseAlerts(t.database.db, TEST_NOW);
      expect(await keysOf(entityFiler.id)).toEqual([`${byFollower}:in_app`, `${scheduled}:in_app`].sort());
      expect(await keysOf(entityFollower.id)).toEqual([`${scheduled}:in_app`]);
      expect(await keysOf(clerk.id)).toEqual([]);
      expect((await alertsOf(entityFiler.id)).every((a) => a.link === `/cabinet/cases/${ids.entity}`)).toBe(true);
    });

    it('keep the company’s follow when they choose channels signed in without its BIN', async () => {
      const session = await createSession(t.database.db, { userId: entityFollower.id, bin: null, certificateId: null }, TEST_NOW);
      const asThemselves: TestUser = { ...entityFollower, cookie: `${SESSION_COOKIE}=${session.id}; lang=en` };
      expect((await post(asThemselves, `/cabinet/follows/${ids.entity}`, { following: 'yes', byEmail: 'on' })).headers.location).toBe('/cabinet/follows?done=saved');
      const [row] = await t.database.db.select().from(caseFollows).where(and(eq(caseFollows.userId, entityFollower.id), eq(caseFollows.caseId, ids.entity)));
      expect(row).toMatchObject({ bin, publicOnly: false, byEmail: true });
    });

    it('follow a case the company is no party to only publicly', async () => {
      expect((await post(entityFollower, '/cabinet/follows', { number: n.open })).headers.location).toBe('/cabinet/follows?done=followed');
      const [row] = await t.database.db.select().from(caseFollows).where(and(eq(caseFollows.userId, entityFollower.id), eq(caseFollows.caseId, ids.open)));
      expect(row).toMatchObject({ bin: null, publicOnly: true });
      // Not on the public status page: a public follower does not hear of it.
      await event(ids.open, 'material_added', {});
      const scheduled = await event(ids.open, 'hearing_scheduled', { startsAt: TEST_NOW.toISOString() });
      await fanOutCaseAlerts(t.database.db, TEST_NOW);
      const got = (await alertsOf(entityFollower.id)).filter((a) => a.caseId === ids.open);
      expect(got.map((a) => [a.dedupeKey.split(':')[1], a.link])).toEqual([[String(scheduled), urls.caseStatus(n.open)]]);
    });

    it('receive the notices the law requires, the company’s own ones too, as a party with an account does', async () => {
      const [company] = await t.database.db.select({ id: parties.id }).from(parties).where(and(eq(parties.caseId, ids.entity), isNotNull(parties.organisationId)));
      const [claimant] = await t.database.db.insert(parties).values({ caseId: ids.entity, role: 'claimant', displayName: 'Истец' }).returning({ id: parties.id });
      const notice = (aboutId: string): Notice & { caseId: string } => ({
        event: 'document_issued',
        aboutId,
        caseId: ids.entity,
        link: urls.cabinetCase(ids.entity),
        legallyRequired: true,
        compose: (tr) => ({ subject: tr('notifications.title'), body: tr('notifications.lead') }),
      });
      await t.database.db.transaction(async (tx) => {
        await noticeToParticipants(tx, notice('to-all'), TEST_NOW);
        await noticeToParty(tx, notice('to-company'), company!.id, TEST_NOW);
        await noticeToParty(tx, notice('to-claimant'), claimant!.id, TEST_NOW);
      });
      const told = async (aboutId: string) =>
        (await t.database.db.select({ userId: notifications.userId }).from(notifications).where(and(like(notifications.dedupeKey, `document_issued:${aboutId}:%`), eq(notifications.channel, 'in_app')))).map((r) => r.userId).sort();
      const people = [entityFiler.id, entityFollower.id].sort();
      expect(await told('to-all')).toEqual(people);
      expect(await told('to-company')).toEqual(people);
      expect(await told('to-claimant')).toEqual([]);
      expect(await told('to-all')).not.toContain(clerk.id);
      await t.database.db.delete(parties).where(eq(parties.id, claimant!.id));
    });

    it('hear nothing more once the company is no longer a party, even of a case that has become public', async () => {
      const before = await event(ids.entity, 'material_added', {});
      await fanOutCaseAlerts(t.database.db, TEST_NOW);
      expect(await keysOf(entityFollower.id)).toContain(`${before}:in_app`);
      expect(await keysOf(entityFiler.id)).toContain(`${before}:in_app`);
      const counts = [(await alertsOf(entityFiler.id)).length, (await alertsOf(entityFollower.id)).length];
      await t.database.db.delete(parties).where(eq(parties.caseId, ids.entity));
      await t.database.db.update(cases).set({ closedHearing: false }).where(eq(cases.id, ids.entity));
      await event(ids.entity, 'material_added', {});
      await event(ids.entity, 'hearing_scheduled', { startsAt: TEST_NOW.toISOString() });
      await fanOutCaseAlerts(t.database.db, TEST_NOW);
      expect([(await alertsOf(entityFiler.id)).length, (await alertsOf(entityFollower.id)).length]).toEqual(counts);
      expect((await get(entityFollower, '/cabinet/follows')).body).not.toContain(n.entity);
    });
  });
});
