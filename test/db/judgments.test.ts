import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { answerJudgmentCorrection, publishJudgment, requestJudgmentCorrection, withholdJudgment } from '../../src/commands/judgments.ts';
import { registerCase } from '../../src/commands/registerCase.ts';
import { auditLog, cases, courts, documents, events, filings, judgmentCorrections, judgments, notifications, parties } from '../../src/db/schema/index.ts';
import { decodeCursor, encodeCursor, parseJudgmentSearch } from '../../src/domain/judgmentSearch.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { PASSAGE_LENGTH, searchJudgments } from '../../src/queries/judgments.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { formSession } from '../support/forms.ts';
import { judgeSession, signAndIssueDraft, type Judge } from '../support/judges.ts';
import { makeRootCa, type TestCa } from '../support/pki.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

/**
 * The judgment bank from issue to search: a final act enters it depersonalised and waiting for
 * review (CPC Art. 19), the court publishes it once in force or withholds it, a party asks for a
 * correction, and anyone searches it in Russian and Kazakh.
 */
describeDb('judgment bank', () => {
  let t: TestApp;
  let root: TestCa;
  let medeu: string;
  let almaly: string;
  let claimant: TestUser;
  const now = () => new Date();

  beforeAll(async () => {
    root = await makeRootCa({ name: 'Test NCA Root' });
    t = await createTestApp({ seed: true, signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }), clock: now });
    const rows = await t.database.db.select({ id: courts.id, code: courts.code }).from(courts);
    medeu = rows.find((r) => r.code === '7517')!.id;
    almaly = rows.find((r) => r.code !== '7517' && r.code.startsWith('75'))!.id;
    claimant = await signedInUser(t.database.db, { lang: 'ru', now: now() });
  });
  afterAll(() => t?.close());

  async function clerkOf(courtId: string): Promise<{ principal: Principal; user: TestUser }> {
    const user = await signedInUser(t.database.db, { roles: [{ role: 'clerk', courtId }], lang: 'en', now: now() });
    return { user, principal: { userId: user.id, iin: user.iin, fullName: 'Clerk', bin: null, roles: [{ role: 'clerk', courtId }] } };
  }
  const citizen = (user: TestUser): Principal => ({ userId: user.id, iin: user.iin, fullName: 'Тестов', bin: null, roles: [{ role: 'citizen', courtId: null }] });

  /** An application for a court order at Medeu, registered to a judge, with a private claimant and a debtor. */
  async function orderCase(closedHearing = false): Promise<{ caseId: string; number: string; judge: Judge }> {
    const [created] = await t.database.db.insert(cases).values({ courtId: medeu, kind: 'civil', category: 'court_order', instance: 1, status: 'submitted', closedHearing }).returning({ id: cases.id });
    await t.database.db.insert(parties).values([
      { caseId: created!.id, role: 'applicant', userId: claimant.id, displayName: 'Взыскателев Иван Петрович' },
      { caseId: created!.id, role: 'defendant', displayName: 'Должникова Мария Сергеевна' },
    ]);
    await t.database.db.insert(filings).values({ filerId: claimant.id, type: 'court_order_application', status: 'submitted', courtId: medeu, caseId: created!.id, fields: { category: 'court_order', courtOrderDemand: 'business_agreement', amount: '700000' }, talonNumber: `7517-26-${String(Math.random()).slice(2, 8)}`, verifyCode: String(Math.random()).slice(2, 14), signature: Buffer.from('x'), submittedAt: now() });
    const { judgeId, number } = await registerCase(t.database.db, (await clerkOf(medeu)).principal, created!.id, now());
    return { caseId: created!.id, number, judge: await judgeSession(t.database.db, root, judgeId, medeu, now()) };
  }

  async function issueAct(judge: Judge, caseId: string, kind: string, text: string): Promise<string> {
    const page = await t.app.inject({ method: 'GET', url: `/judge/cases/${caseId}`, headers: { cookie: judge.cookie } });
    const { token, cookie } = formSession(page, judge.cookie);
    const drafted = await t.app.inject({ method: 'POST', url: `/judge/cases/${caseId}/acts`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, kind, title: 'Судебный приказ', text }).toString() });
    expect(drafted.statusCode, drafted.body.slice(0, 500)).toBe(303);
    const { res, documentId } = await signAndIssueDraft(t, judge, caseId);
    expect(res.statusCode, res.body).toBe(201);
    return documentId;
  }

  const ORDER_TEXT = 'Взыскать с Должниковой Марии Сергеевны в пользу Взыскателева Ивана Петровича сумму, предусмотренную соглашением о досудебном урегулировании спора по договору займа.';
  const bankRowOf = async (documentId: string) => (await t.database.db.select().from(judgments).where(eq(judgments.documentId, documentId)))[0];

  describe('issuing a final act', () => {
    it('puts a court order into the bank as waiting for review, in the issuing transaction', async () => {
      const c = await orderCase();
      const documentId = await issueAct(c.judge, c.caseId, 'court_order', ORDER_TEXT);
      const row = await bankRowOf(documentId);
      expect(row).toMatchObject({ status: 'pending_review', caseId: c.caseId, courtId: medeu, caseNumber: c.number, actKind: 'court_order', category: 'court_order', lang: 'ru' });
      expect(row!.text).toBeTruthy();
    });

    it('keeps an act of a case heard in a closed hearing out of the bank (CPC Art. 19(2))', async () => {
      const c = await orderCase(true);
      const documentId = await issueAct(c.judge, c.caseId, 'court_order', ORDER_TEXT);
      expect(await bankRowOf(documentId)).toBeUndefined();
    });
  });

  describe('review', () => {
    it('publishes only once the act is in force, by the judge of the case or its court office; anyone else gets 404', async () => {
      const c = await orderCase();
      const row = (await bankRowOf(await issueAct(c.judge, c.caseId, 'court_order', ORDER_TEXT)))!;
      await expect(publishJudgment(t.database.db, c.judge.principal, row.id, {}, now())).rejects.toMatchObject({ code: 'judgment_not_in_force' });
      await t.database.db.update(cases).set({ status: 'in_force' }).where(eq(cases.id, c.caseId));
      const other = await clerkOf(almaly);
      await expect(publishJudgment(t.database.db, other.principal, row.id, {}, now())).rejects.toMatchObject({ code: 'not_found' });
      await expect(publishJudgment(t.database.db, citizen(claimant), row.id, {}, now())).rejects.toMatchObject({ code: 'not_found' });
      const page = await t.app.inject({ method: 'GET', url: `/court/judgments/${row.id}`, headers: { cookie: other.user.cookie } });
      expect(page.statusCode).toBe(404);
      const office = await clerkOf(medeu);
      expect(await publishJudgment(t.database.db, office.principal, row.id, { flagsChecked: true }, now())).toBe('published');
      expect((await bankRowOf(row.documentId))!.status).toBe('published');
      expect(await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'judgment.published')))).toHaveLength(1);
      expect(await t.database.db.select().from(events).where(and(eq(events.caseId, c.caseId), eq(events.type, 'judgment_published')))).toHaveLength(1);
      await expect(publishJudgment(t.database.db, office.principal, row.id, {}, now())).rejects.toMatchObject({ code: 'judgment_not_pending' });
      // Published: anyone reads it, without signing in.
      const publicPage = await t.app.inject({ method: 'GET', url: `/judgments/${row.id}` });
      expect(publicPage.statusCode).toBe(200);
      expect(publicPage.body).toContain(c.number);
    });

    it('keeps an edit that is still flagged unpublished until the official ticks that they checked it', async () => {
      const c = await orderCase();
      const row = (await bankRowOf(await issueAct(c.judge, c.caseId, 'court_order', ORDER_TEXT)))!;
      await t.database.db.update(cases).set({ status: 'in_force' }).where(eq(cases.id, c.caseId));
      await t.database.db.update(judgments).set({ flags: [{ start: 0, end: 5, reason: 'possible_name' }] }).where(eq(judgments.id, row.id));
      expect(await publishJudgment(t.database.db, c.judge.principal, row.id, {}, now())).toBe('flags_remain');
      expect((await bankRowOf(row.documentId))!.status).toBe('pending_review');
    });

    it('withholds with a reason only, and a withheld judgment is 404 to the public', async () => {
      const c = await orderCase();
      const row = (await bankRowOf(await issueAct(c.judge, c.caseId, 'court_order', ORDER_TEXT)))!;
      await expect(withholdJudgment(t.database.db, c.judge.principal, row.id, ' ', now())).rejects.toMatchObject({ code: 'judgment_reason_required' });
      await withholdJudgment(t.database.db, c.judge.principal, row.id, 'Сведения о здоровье ребёнка', now());
      expect((await bankRowOf(row.documentId))!).toMatchObject({ status: 'withheld', reason: 'Сведения о здоровье ребёнка' });
      expect((await t.app.inject({ method: 'GET', url: `/judgments/${row.id}` })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/judgments/${row.id}` })).statusCode).toBe(404);
    });
  });

  describe('a correction request', () => {
    it('comes from a party of the case only; the court declines with a reason and the party is told', async () => {
      const c = await orderCase();
      const row = (await bankRowOf(await issueAct(c.judge, c.caseId, 'court_order', ORDER_TEXT)))!;
      await t.database.db.update(cases).set({ status: 'in_force' }).where(eq(cases.id, c.caseId));
      await expect(requestJudgmentCorrection(t.database.db, citizen(claimant), row.id, 'Оставлено моё имя в тексте', now())).rejects.toMatchObject({ code: 'judgment_not_published' });
      await publishJudgment(t.database.db, c.judge.principal, row.id, { flagsChecked: true }, now());
      const stranger = await signedInUser(t.database.db, { now: now() });
      await expect(requestJudgmentCorrection(t.database.db, citizen(stranger), row.id, 'Оставлено моё имя в тексте', now())).rejects.toMatchObject({ code: 'not_found' });
      await expect(requestJudgmentCorrection(t.database.db, citizen(claimant), row.id, 'коротко', now())).rejects.toMatchObject({ code: 'judgment_correction_note_required' });
      const id = await requestJudgmentCorrection(t.database.db, citizen(claimant), row.id, 'Оставлено моё имя в тексте', now());
      await expect(requestJudgmentCorrection(t.database.db, citizen(claimant), row.id, 'Ещё раз: оставлено имя', now())).rejects.toMatchObject({ code: 'judgment_correction_pending' });
      await answerJudgmentCorrection(t.database.db, (await clerkOf(medeu)).principal, id, { action: 'decline', reason: 'Имя в тексте уже заменено инициалами' }, now());
      const [answered] = await t.database.db.select().from(judgmentCorrections).where(eq(judgmentCorrections.id, id));
      expect(answered).toMatchObject({ status: 'declined', reason: 'Имя в тексте уже заменено инициалами' });
      const told = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, claimant.id), eq(notifications.event, 'judgment_correction_answered')));
      expect(told.length).toBeGreaterThan(0);
    });
  });

  describe('search', () => {
    let seq = 0;
    /** A published judgment with the given text, straight into the bank. */
    async function published(text: string, options: { issuedOn?: string; lang?: 'kk' | 'ru'; courtId?: string } = {}): Promise<string> {
      seq += 1;
      const courtId = options.courtId ?? medeu;
      const [c] = await t.database.db.insert(cases).values({ courtId, number: `7517-26-00-2/${9000 + seq}`, kind: 'civil', category: 'property', instance: 1, status: 'in_force' }).returning({ id: cases.id });
      const [d] = await t.database.db.insert(documents).values({ caseId: c!.id, kind: 'decision', decisionForm: 'final', title: 'Решение', visibility: 'court' }).returning({ id: documents.id });
      const [j] = await t.database.db
        .insert(judgments)
        .values({ documentId: d!.id, caseId: c!.id, courtId, courtLevel: 1, caseNumber: `7517-26-00-2/${9000 + seq}`, caseKind: 'civil', category: 'property', actKind: 'decision', issuedOn: options.issuedOn ?? '2026-03-02', status: 'published', lang: options.lang ?? 'ru', text, publishedAt: now() })
        .returning({ id: judgments.id });
      return j!.id;
    }
    const search = (raw: Record<string, string>) => {
      const parsed = parseJudgmentSearch(raw);
      if ('refused' in parsed) throw new Error(parsed.refused);
      return searchJudgments(t.database.db, parsed);
    };

    let russian: string;
    let kazakh: string;
    beforeAll(async () => {
      russian = await published('Суд взыскал неустойку по договорам займа и судебные расходы. <script>alert(1)</script> Ответчик А.Б. не явился.', { issuedOn: '2026-02-10' });
      kazakh = await published('Сот талапкердің алимент өндіру туралы талабын қанағаттандырды. Жауапкер сот отырысына келмеді.', { issuedOn: '2026-02-11', lang: 'kk' });
      for (let i = 0; i < 25; i++) await published(`Решение о взыскании задолженности по коммунальным услугам номер ${i}.`, { issuedOn: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}` });
    });

    it('finds a Russian phrase by its stems, with the hits marked in the snippet and the text escaped', async () => {
      const found = await search({ q: 'неустойка по договору займа' });
      expect(found.items.map((i) => i.id)).toContain(russian);
      const snippet = found.items.find((i) => i.id === russian)!.snippet;
      expect(snippet).toMatch(/\u0001неустойк/);
      const page = await t.app.inject({ method: 'GET', url: `/judgments?q=${encodeURIComponent('неустойка по договору займа')}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<mark>неустойку</mark>');
      expect(page.body).not.toContain('<script>alert(1)');
    });

    it('cuts the snippet of a long judgment from around its first hit, Russian by stem and Kazakh by prefix', async () => {
      const filler = (words: number) => Array.from({ length: words }, (_, i) => `абзац${i % 97}`).join(' ');
      // Tens of kilobytes, the first hit deep inside: the snippet is about it, and a later hit far
      // beyond the passage is not parsed for a second fragment.
      const deep = await published(`${filler(4_000)} Суд установил факт фрахтования судна «Жёлтый Иртыш». ${filler(1_500)} Расходы по фрахтованию. ${filler(10)}`, { issuedOn: '2026-02-12' });
      const deepKazakh = await published(`${filler(4_000)} Сот омартаның иесін анықтады. ${filler(1_500)}`, { issuedOn: '2026-02-12', lang: 'kk' });
      const snippetOf = async (q: string, id: string) => (await search({ q })).items.find((i) => i.id === id)?.snippet;
      const russianSnippet = await snippetOf('фрахтование', deep);
      expect(russianSnippet).toMatch(/\u0001фрахтования\u0002 судна/);
      expect(russianSnippet!.match(/\u0001/g)).toHaveLength(1);
      // Cut at whole words: a long word across either end of the passage is left out, not halved.
      const cutAcross = await published(`${filler(4_000)} ${'Ж'.repeat(200)} Суд установил факт перевалки груза. ${'Я'.repeat(900)} ${filler(10)}`, { issuedOn: '2026-02-12' });
      expect(await snippetOf('перевалка', cutAcross)).toBe('Суд установил факт \u0001перевалки\u0002 груза');
      expect(russianSnippet!.length).toBeLessThan(PASSAGE_LENGTH);
      // ё in the text and in the word typed.
      expect(await snippetOf('жёлтый', deep)).toMatch(/\u0001Жёлтый\u0002/);
      expect(await snippetOf('омарта', deepKazakh)).toMatch(/\u0001омартаның\u0002/);
      // A hit in the opening words: the passage starts at the text's start.
      expect((await search({ q: 'неустойка' })).items.find((i) => i.id === russian)!.snippet).toMatch(/^Суд взыскал \u0001неустойку/);
    });

    it('finds a Kazakh word in its suffixed forms by prefix, and with a typo by trigram similarity', async () => {
      expect((await search({ q: 'талапкер' })).items.map((i) => i.id)).toContain(kazakh);
      expect((await search({ q: 'алимент' })).items.map((i) => i.id)).toContain(kazakh);
      expect((await search({ q: 'талапкердин' })).items.map((i) => i.id)).toContain(kazakh);
    });

    it('pages by an opaque cursor without repeating or skipping, newest first', async () => {
      const first = await search({ q: 'задолженности', order: 'date' });
      expect(first.items).toHaveLength(20);
      expect(first.estimatedTotal).toBe(25);
      expect(first.next).not.toBeNull();
      const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/judgments?q=${encodeURIComponent('задолженности')}&order=date` });
      expect(page.statusCode).toBe(200);
      const body = page.json();
      expect(decodeCursor(body.next)).not.toBeNull();
      const second = await t.app.inject({ method: 'GET', url: `/api/v1/public/judgments?q=${encodeURIComponent('задолженности')}&order=date&cursor=${body.next}` });
      const all = [...body.items, ...second.json().items].map((i: { url: string }) => i.url);
      expect(new Set(all).size).toBe(25);
      expect(second.json().next).toBeNull();
      const days = [...body.items, ...second.json().items].map((i: { issuedOn: string }) => i.issuedOn);
      expect([...days].sort().reverse()).toEqual(days);
    });

    it('pages a search with no words in date order, even when relevance is asked for', async () => {
      // With nothing to rank, relevance reads by date: the page and its cursor must agree on that.
      const first = await search({ order: 'relevance', to: '2026-01-31' });
      expect(first.items).toHaveLength(20);
      const second = await search({ order: 'relevance', to: '2026-01-31', cursor: encodeCursor(first.next!) });
      const days = [...first.items, ...second.items].map((i) => i.issuedOn);
      expect(days).toHaveLength(25);
      expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(25);
      expect([...days].sort().reverse()).toEqual(days);
      expect(second.next).toBeNull();
    });

    it('filters by court, dates and kind of act', async () => {
      expect((await search({ q: 'алимент', court: '7517' })).items.map((i) => i.id)).toContain(kazakh);
      expect((await search({ q: 'алимент', from: '2026-02-12' })).items).toHaveLength(0);
      expect((await search({ q: 'алимент', act: 'court_order' })).items).toHaveLength(0);
    });

    it('answers hostile input with results or a translated 4xx, never a 5xx', async () => {
      const hostile = ["!!! & | ( ) :* <-> ' \\ ;", "'; drop table judgments; --", 'a'.repeat(5000), '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ̷̧̛ ‮ﷺ', 'x'.repeat(499), '&', ':*', "''", 'NOT AND OR'];
      for (const q of hostile) {
        for (const url of [`/judgments?q=${encodeURIComponent(q)}`, `/api/v1/public/judgments?q=${encodeURIComponent(q)}`]) {
          const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'ru' } });
          expect(res.statusCode, `${url.slice(0, 80)} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
        }
      }
      const long = await t.app.inject({ method: 'GET', url: `/api/v1/public/judgments?q=${'a'.repeat(5000)}`, headers: { 'accept-language': 'ru' } });
      expect(long.statusCode).toBe(400);
      expect(long.json().error.message).toContain('500');
      for (const bad of ['from=2026-02-31', 'to=yesterday', 'cursor=not-a-cursor', 'cursor=' + Buffer.from('[1,2,3]').toString('base64url'), 'q=%00']) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/judgments?${bad}` });
        expect(res.statusCode, bad).toBe(400);
        const page = await t.app.inject({ method: 'GET', url: `/judgments?${bad}`, headers: { 'accept-language': 'kk' } });
        expect(page.statusCode, bad).toBe(400);
      }
    });
  });
});
