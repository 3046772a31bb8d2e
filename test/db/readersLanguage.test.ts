import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueNotice } from '../../src/commands/notices.ts';
import { caseDeadlines, cases, courts, documents, notifications, parties, users } from '../../src/db/schema/index.ts';
import { LANGUAGES, type Lang } from '../../src/i18n/index.ts';
import { composeReminder } from '../../src/jobs/deadlineReminders.ts';
import { urls } from '../../src/urls.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

/** The same person reading in another language: the switcher's cookie. */
const inLang = (user: TestUser, lang: Lang) => `${user.cookie.replace(/; lang=\w+/, '')}; lang=${lang}`;

describeDb('legal references, notices and titles in the reader’s language', () => {
  let t: TestApp;
  let medeu: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    [{ id: medeu }] = (await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
  });
  afterAll(() => t?.close());

  /** A registered case with `user` as its claimant. */
  async function caseOf(user: TestUser) {
    const number = `7517-26-00-2/${Math.floor(Math.random() * 900_000) + 1000}`;
    const [row] = await t.database.db.insert(cases).values({ number, courtId: medeu, kind: 'civil', category: 'property', instance: 1, status: 'accepted' }).returning({ id: cases.id });
    await t.database.db.insert(parties).values({ caseId: row!.id, role: 'claimant', userId: user.id, displayName: 'Истцов Истец' });
    return { id: row!.id, number };
  }

  describe('a term on the case page', () => {
    it('cites the article of a stored row, in today’s compact form, in Kazakh, Russian and English', async () => {
      const user = await signedInUser(t.database.db, { lang: 'kk' });
      const c = await caseOf(user);
      // A row as stored before references were data, and one of a kind the table may not know yet.
      await t.database.db.insert(caseDeadlines).values([
        { caseId: c.id, kind: 'appeal', runsFrom: '2026-11-20', dueOn: '2026-12-21', article: 'CPC Art. 403(3)', concerns: 'parties' },
        { caseId: c.id, kind: 'hearing_term', runsFrom: '2026-11-20', dueOn: '2027-01-20', article: 'CPC Art. 183(1)', concerns: 'court' },
      ]);
      const expected: Record<Lang, string[]> = {
        kk: ['ҚР АПК 403-бабының 3-бөлігі', 'ҚР АПК 183-бабының 1-бөлігі'],
        ru: ['ст. 403 ч. 3 ГПК РК', 'ст. 183 ч. 1 ГПК РК'],
        en: ['CPC Art. 403(3)', 'CPC Art. 183(1)'],
      };
      for (const lang of LANGUAGES) {
        const page = await t.app.inject({ method: 'GET', url: urls.cabinetCase(c.id), headers: { cookie: inLang(user, lang) } });
        expect(page.statusCode).toBe(200);
        for (const citation of expected[lang]) expect(page.body, lang).toContain(citation);
        if (lang !== 'en') expect(page.body, lang).not.toContain('CPC Art.');
      }
    });
  });

  describe('the duty basis', () => {
    it('is cited in the reader’s language on the talon page, and given structured by the API', async () => {
      const user = await signedInUser(t.database.db, { lang: 'en' });
      const c = await caseOf(user);
      // A filing's document is titled by Sot (its talon number); its page names it in the reader's language.
      const [doc] = await t.database.db
        .insert(documents)
        .values({ caseId: c.id, kind: 'claim', title: '7517-26-000042', fileName: '7517-26-000042.json', mediaType: 'application/json', visibility: 'parties', createdBy: user.id, createdAt: TEST_NOW })
        .returning({ id: documents.id });
      // A title that is only its kind's name, as the demo's claims have, is that name in the reader's language.
      const [named] = await t.database.db.insert(documents).values({ caseId: c.id, kind: 'claim', title: 'Исковое заявление', visibility: 'parties', createdBy: user.id, createdAt: TEST_NOW }).returning({ id: documents.id });
      const kkList = await t.app.inject({ method: 'GET', url: urls.cabinetCase(c.id), headers: { cookie: inLang(user, 'kk') } });
      expect(kkList.body).toContain(`${named!.id}">Талап арыз</a>`);
      expect(kkList.body).not.toContain('Исковое заявление');
      const titles: Record<Lang, string> = { kk: '(№ 7517-26-000042 талон)', ru: 'Исковое заявление (талон № 7517-26-000042)', en: 'Statement of claim (talon 7517-26-000042)' };
      for (const lang of LANGUAGES) {
        const page = await t.app.inject({ method: 'GET', url: urls.caseDocument(c.id, doc!.id), headers: { cookie: inLang(user, lang) } });
        expect(page.statusCode).toBe(200);
        expect(page.body, lang).toContain(titles[lang]);
      }

      const quote = (lang: Lang) =>
        t.app.inject({ method: 'GET', url: '/api/v1/duty/quote', query: { filingType: 'claim', claimantType: 'individual', category: 'property', amount: '1000000', date: '2026-06-15' }, headers: { 'accept-language': lang } });
      const texts: Record<Lang, string> = {
        kk: 'ҚР Салық кодексінің 665-бабы 1-тармағының 1) тармақшасы',
        ru: 'подп. 1) п. 1 ст. 665 Налогового кодекса РК',
        en: 'Tax Code 2026, Art. 665(1)(1)',
      };
      for (const lang of LANGUAGES) {
        const body = (await quote(lang)).json();
        // The old field stays as it was for the clients that read it.
        expect(body.basis).toBe('Tax Code 2026, Art. 665(1)(1)');
        expect(body.legalBasis).toEqual({ code: 'tax_code', edition: 2026, article: '665', part: '1', subparagraphs: ['1'], text: texts[lang] });
      }
    });

    it('documents the structured basis in the OpenAPI description', async () => {
      const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      const text = JSON.stringify(spec);
      expect(text).toContain('"subparagraphs"');
      expect(text).toContain('legalBasis');
    });
  });

  describe('the public term calculator', () => {
    it('cites the article of the term in the page’s language', async () => {
      const query = { term: 'appeal', day: '8', month: '2', year: '2026' };
      const expected: Record<Lang, string> = { kk: 'ҚР АПК 403-бабының 3-бөлігі', ru: 'ст. 403 ч. 3 ГПК РК', en: 'CPC Art. 403(3)' };
      for (const lang of LANGUAGES) {
        const page = await t.app.inject({ method: 'GET', url: '/terms', query, headers: { cookie: `lang=${lang}` } });
        expect(page.body, lang).toContain(expected[lang]);
      }
      const api = await t.app.inject({ method: 'GET', url: '/api/v1/terms/quote', query: { term: 'appeal', from: '2026-02-08' }, headers: { 'accept-language': 'ru' } });
      expect(api.json().legalBasis).toEqual({ code: 'cpc', edition: null, article: '403', part: '3', subparagraphs: [], text: 'ст. 403 ч. 3 ГПК РК' });
    });
  });

  describe('the notification centre', () => {
    it('shows a notice queued in Kazakh in the page’s language, and an old row as it was sent', async () => {
      const user = await signedInUser(t.database.db, { lang: 'ru' });
      const c = await caseOf(user);
      const [recipient] = await t.database.db.update(users).set({ language: 'kk' }).where(eq(users.id, user.id)).returning();
      const compose = composeReminder({ kind: 'appeal', number: c.number, dueOn: '2026-12-21', days: 3 });
      await t.database.db.transaction((tx) => queueNotice(tx, recipient!, { event: 'deadline_reminder', aboutId: crypto.randomUUID(), caseId: c.id, link: urls.cabinetCase(c.id), legallyRequired: true, compose }, TEST_NOW));
      const [row] = await t.database.db.select().from(notifications).where(eq(notifications.userId, user.id));
      // What was sent is the recipient's language; the other two are kept to show.
      expect(row!.lang).toBe('kk');
      expect(row!.subject).toContain('Апелляциялық');
      expect(Object.keys(row!.subjectI18n!).sort()).toEqual(['en', 'kk', 'ru']);

      const ru = await t.app.inject({ method: 'GET', url: urls.notifications(), headers: { cookie: inLang(user, 'ru') } });
      expect(ru.body).toContain(`Апелляционная жалоба по делу ${c.number}`);
      expect(ru.body).not.toContain('Апелляциялық');
      const en = await t.app.inject({ method: 'GET', url: urls.notifications(), headers: { cookie: inLang(user, 'en') } });
      expect(en.body).toContain(`in case ${c.number}`);

      // A row from before notices were kept in every language shows the text that was sent.
      await t.database.db.update(notifications).set({ subjectI18n: null, bodyI18n: null }).where(eq(notifications.id, row!.id));
      const old = await t.app.inject({ method: 'GET', url: urls.notifications(), headers: { cookie: inLang(user, 'ru') } });
      expect(old.body).toContain(row!.subject!);
    });

    it('keeps the "new" tag apart from the notice’s title, with a colon for screen readers', async () => {
      const user = await signedInUser(t.database.db, { lang: 'en' });
      const [recipient] = await t.database.db.select().from(users).where(eq(users.id, user.id));
      await t.database.db.transaction((tx) =>
        queueNotice(tx, recipient!, { event: 'document_issued', aboutId: crypto.randomUUID(), caseId: null, link: null, legallyRequired: false, compose: (tr) => ({ subject: tr('notifications.title'), body: tr('notifications.lead') }) }, TEST_NOW),
      );
      const page = await t.app.inject({ method: 'GET', url: urls.notifications(), headers: { cookie: user.cookie } });
      expect(page.body).toMatch(/New<span class="govuk-visually-hidden">:<\/span><\/strong> <span>Notifications<\/span>/);
    });
  });

  describe('a notice’s link opened signed out', () => {
    it('leads to the sign-in page, which says why it asks, in each language, naming no case', async () => {
      const path = `/cabinet/cases/${crypto.randomUUID()}/documents/${crypto.randomUUID()}`;
      const reasons: Record<Lang, string> = { kk: 'сот хабарламасындағы сілтеме', ru: 'по ссылке из судебного извещения', en: 'a link from a court notice' };
      for (const lang of LANGUAGES) {
        const page = await t.app.inject({ method: 'GET', url: urls.loginFromNotice(path), headers: { cookie: `lang=${lang}` } });
        expect(page.statusCode).toBe(200);
        expect(page.body, lang).toContain(reasons[lang]);
        expect(page.body).toContain('data-notice-reason="document"');
      }
      const plain = await t.app.inject({ method: 'GET', url: urls.login(path), headers: { cookie: 'lang=en' } });
      expect(plain.body).not.toContain('data-notice-reason');
      const toCase = await t.app.inject({ method: 'GET', url: urls.loginFromNotice('/cabinet/cases/0b6f1d2e-3c4a-4b5c-8d9e-0f1a2b3c4d5e'), headers: { cookie: 'lang=en' } });
      expect(toCase.body).toContain('data-notice-reason="case"');
    });
  });
});
