import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cases, courts, documents, judgments, parties, users } from '../../src/db/schema/index.ts';
import { depersonalise } from '../../src/domain/depersonalise/index.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { expectAccessible, pageIn, signIn } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

/**
 * The judgment bank in a browser: a visitor finds a depersonalised decision by a Russian phrase
 * and by a Kazakh word, an official of the court reviews and publishes one, and a party of the
 * case asks for a correction.
 */
describe('judgment bank', () => {
  const demo = withDemoBrowser();

  /** An act of a case of `courtCode` (or of `caseId`) put into the bank as it would be by issuing it. */
  async function bankRow(text: string, status: 'pending_review' | 'published', options: { courtCode?: string; caseId?: string; lang?: 'kk' | 'ru' } = {}): Promise<string> {
    const db = demo.server.database.db;
    const [court] = await db.select({ id: courts.id, code: courts.code }).from(courts).where(eq(courts.code, options.courtCode ?? '7517'));
    let caseId = options.caseId;
    let number = '';
    if (!caseId) {
      number = `${court!.code}-26-00-2/${8000 + Math.floor(Math.random() * 1000)}`;
      const [c] = await db.insert(cases).values({ courtId: court!.id, number, kind: 'civil', category: 'property', instance: 1, status: 'in_force', registeredAt: new Date() }).returning({ id: cases.id });
      caseId = c!.id;
    } else {
      number = (await db.select({ number: cases.number }).from(cases).where(eq(cases.id, caseId)))[0]!.number ?? '';
    }
    const [found] = await db.select({ courtId: cases.courtId }).from(cases).where(eq(cases.id, caseId));
    const [doc] = await db.insert(documents).values({ caseId, kind: 'decision', decisionForm: 'final', title: 'Решение', visibility: 'court' }).returning({ id: documents.id });
    const [row] = await db
      .insert(judgments)
      .values({ documentId: doc!.id, caseId, courtId: found!.courtId, courtLevel: 1, caseNumber: number, caseKind: 'civil', category: 'property', actKind: 'decision', issuedOn: '2026-03-02', status, lang: options.lang ?? 'ru', text, ...(status === 'published' ? { publishedAt: new Date() } : {}) })
      .returning({ id: judgments.id });
    return row!.id;
  }

  it('finds a decision by a Russian phrase and by a Kazakh word', async () => {
    // Acts as the court issues them, with an IIN and full names, put into the bank the way issuing does: depersonalised.
    const issued = (text: string, names: string[]) => depersonalise(text, names.map((name) => ({ name, kind: 'private' as const }))).text;
    await bankRow(issued('Истец Жұмабаев Ерлан Серікұлы (ИИН 900101300123) просил взыскать с ответчика Петрова Виктора Геннадьевича неустойку. Суд взыскал с ответчика Петрова В.Г. неустойку по договору займа и судебные расходы.', ['Жұмабаев Ерлан Серікұлы', 'Петров Виктор Геннадьевич']), 'published');
    await bankRow(issued('Талапкер Серікбаева Айгерім Қанатқызы (ЖСН 880202400456) сотқа жүгінді. Сот талапкердің алимент өндіру туралы талабын толық қанағаттандырды.', ['Серікбаева Айгерім Қанатқызы']), 'published', { lang: 'kk' });
    for (const [lang, label, button, query, hit] of [
      ['ru', 'Слова или фраза', 'Искать', 'неустойка по договорам займа', 'неустойку'],
      ['kk', 'Сөздер немесе сөз тіркесі', 'Іздеу', 'талапкер', 'талапкердің'],
      ['en', 'Words or a phrase', 'Search', 'алимент', 'алимент'],
    ] as const) {
      const { page, t, close } = await pageIn(demo.browser, demo.server.url, lang);
      await page.goto(`${demo.server.url}/`);
      await Promise.all([page.waitForURL('**/judgments'), page.locator('.govuk-service-navigation').getByRole('link', { name: lang === 'ru' ? 'Судебные акты' : lang === 'kk' ? 'Сот актілері' : 'Judgments' }).click()]);
      await page.getByLabel(label, { exact: true }).fill(query);
      await Promise.all([page.waitForURL('**/judgments?*'), page.getByRole('button', { name: button }).click()]);
      expect(await page.locator('mark').allInnerTexts(), lang).toContain(hit);
      await expectAccessible(page);
      await Promise.all([page.waitForURL(/\/judgments\/[0-9a-f-]{36}$/), page.locator('ol.sot-results a').first().click()]);
      await expectAccessible(page);
      // What the public reads is the depersonalised text: no IIN, the private persons as initials.
      const shown = await page.locator('main').innerText();
      expect(shown, lang).not.toMatch(/\d{12}/);
      expect(shown, lang).not.toMatch(/Жұмабаев|Петров|Серікбаева/);
      expect(shown, lang).toMatch(/\p{Lu}\.\p{Lu}\./u);
      const pdf = await page.request.get(new URL((await page.getByRole('link', { name: t('judgment.pdf') }).getAttribute('href'))!, page.url()).href);
      expect(pdf.headers()['content-type'], lang).toBe('application/pdf');
      await close();
    }
  });

  it('lets the court office reach a judgment from its queue and publish it after review, and a party ask for its correction', async () => {
    const db = demo.server.database.db;
    const pending = await bankRow('Суд решил иск удовлетворить частично. Ответчик Д.Е.Ж. обязан возместить ущерб.', 'pending_review');
    {
      const { page, t, close } = await pageIn(demo.browser, demo.server.url, 'en');
      await signIn(page, demo.server.url, t, 'clerk-7517');
      // The office's queue, where the clerk lands, leads to the judgments waiting for review.
      await Promise.all([page.waitForURL('**/court/judgments'), page.getByRole('link', { name: t('judgments.court.link') }).click()]);
      await expectAccessible(page);
      await page.goto(`${demo.server.url}/court/judgments/${pending}`);
      await Promise.all([page.waitForURL('**?done=published'), page.getByRole('button', { name: 'Publish' }).click()]);
      await expectAccessible(page);
      await close();
    }
    expect((await db.select({ status: judgments.status }).from(judgments).where(eq(judgments.id, pending)))[0]!.status).toBe('published');

    // A party of one of the citizen's cases asks for a correction of its published decision.
    const citizen = demoPeople().find((p) => p.handle === 'citizen2')!;
    const [own] = await db.select({ caseId: parties.caseId }).from(parties).innerJoin(users, eq(users.id, parties.userId)).innerJoin(cases, eq(cases.id, parties.caseId)).where(and(eq(users.iin, citizen.iin), eq(parties.role, 'claimant')));
    const published = await bankRow('Суд решил иск удовлетворить. Истец Жақсыбеков Ерлан обратился в суд.', 'published', { caseId: own!.caseId });
    {
      const { page, t, close } = await pageIn(demo.browser, demo.server.url, 'ru');
      await signIn(page, demo.server.url, t, 'citizen2');
      await page.goto(`${demo.server.url}/cabinet/cases/${own!.caseId}`);
      await Promise.all([page.waitForURL('**/correction'), page.locator(`a[href$="/judgments/${published}/correction"]`).click()]);
      await expectAccessible(page);
      await page.getByLabel('Что не так').fill('В тексте осталось моё имя: Жақсыбеков Ерлан.');
      await Promise.all([page.waitForURL('**?correction=sent*'), page.getByRole('button', { name: 'Отправить просьбу' }).click()]);
      expect(await page.locator('#judgment-bank').innerText()).toContain('Ваша просьба направлена в суд.');
      await close();
    }
  });
});
