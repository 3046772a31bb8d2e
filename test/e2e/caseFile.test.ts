import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { and, eq, exists, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { keepBlob } from '../../src/db/blobs.ts';
import type { MaterialKind } from '../../src/domain/courtMaterials.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import { accessLog, cases, documents, parties, users } from '../../src/db/schema/index.ts';
import { newDocument } from '../../src/pdf/layout.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { expectAccessible, pageIn, signIn, signOut, type T } from './journeys.ts';
import { withDemoBrowser } from './server.ts';

const SHOTS = '/tmp/shots-casefile';
/** The form that adds a material, as the office and the judge see it. */
const MATERIAL_SHOTS = '/tmp/shots-materials';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/**
 * The court's office and the judge add materials to the e-case file through its form, kept for the
 * court; the judge reads the file and a PDF in it; a party asks to read the materials kept for the
 * court, the judge opens some of them, and the party reads one.
 */
describe('the e-case file and a party reading the case materials', () => {
  const demo = withDemoBrowser();

  // The browser project's five minutes, as every other journey: with the database tests running
  // beside the browser suite (npm test), this, the longest journey, took four minutes on a busy machine.
  it('the office adds an expert opinion in Kazakh, the judge adds an answer to an inquiry and views it in Russian; the party asks in Kazakh, the judge grants two in English, the party reads one, then the judge shares the opinion', async () => {
    const db = demo.server.database.db;
    const person = (handle: string) => demoPeople().find((p) => p.handle === handle)!;
    const [judge] = await db.select({ id: users.id }).from(users).where(eq(users.iin, person('judge-7517-1').iin));
    const [citizen] = await db.select({ id: users.id }).from(users).where(eq(users.iin, person('citizen').iin));
    const [target] = await db
      .select({ id: cases.id, number: cases.number })
      .from(cases)
      .where(and(eq(cases.judgeId, judge!.id), eq(cases.status, 'hearing_scheduled'), exists(db.select({ one: sql`1` }).from(parties).where(and(eq(parties.caseId, cases.id), eq(parties.userId, citizen!.id))))))
      .limit(1);
    expect(target, 'a demo case of the citizen before judge-7517-1').toBeDefined();

    // The hearing record is the court's own, kept for the court until published.
    const staged = await demo.server.app.blobs.stage(Readable.from([Buffer.from('Протокол судебного заседания.\nСтороны явились. Истец поддержал требования.', 'utf8')]), 1024);
    await keepBlob(db, demo.server.app.blobs, staged, 'text/plain; charset=utf-8', new Date());
    const [recordRow] = await db
      .insert(documents)
      .values({ caseId: target!.id, kind: 'hearing_record', title: 'Протокол судебного заседания', fileName: 'протокол.txt', mediaType: 'text/plain; charset=utf-8', sizeBytes: staged.sizeBytes, sha256: staged.sha256, visibility: 'court' })
      .returning({ id: documents.id });
    const record = recordRow!.id;
    const pdf = newDocument({ lang: 'ru', title: 'Ответ на запрос суда', creationDate: new Date() });
    pdf.doc.font('regular').fontSize(14).text('Департамент юстиции города Алматы').moveDown().fontSize(11).text('На запрос суда сообщаем, что сведения о регистрации договора отсутствуют.');
    pdf.doc.end();
    const pdfBytes = await pdf.bytes;
    const [year, month, day] = courtDateIso(new Date()).split('-') as [string, string, string];

    /** Adds a material through the form on the e-case file page, as the court's office or the judge does. */
    async function addMaterial(page: Page, t: T, material: { title: string; kind: MaterialKind; fileName: string; shot: string }): Promise<string> {
      const form = page.locator('#add-material form');
      await form.getByLabel(t('caseFile.material.title')).fill(material.title);
      await form.getByLabel(t(`documents.kind.${material.kind}`), { exact: true }).check();
      await form.getByLabel(t('payments.document.date.day'), { exact: true }).fill(String(Number(day)));
      await form.getByLabel(t('payments.document.date.month'), { exact: true }).fill(month);
      await form.getByLabel(t('payments.document.date.year'), { exact: true }).fill(year);
      await expect(form.getByLabel(t('caseFile.material.audience.court')).isChecked()).resolves.toBe(true);
      await form.getByLabel(t('caseFile.material.file'), { exact: true }).setInputFiles({ name: material.fileName, mimeType: 'application/pdf', buffer: pdfBytes });
      await expectAccessible(page);
      await page.locator('#add-material').screenshot({ path: `${MATERIAL_SHOTS}/${material.shot}.png` });
      await Promise.all([page.waitForURL(/done=added/), form.getByRole('button', { name: t('caseFile.material.submit') }).click()]);
      const [row] = await db.select({ id: documents.id, visibility: documents.visibility }).from(documents).where(and(eq(documents.caseId, target!.id), eq(documents.title, material.title)));
      expect(row!.visibility).toBe('court');
      return row!.id;
    }

    // The court's office adds the expert's opinion in Kazakh; a form without a title is refused first.
    mkdirSync(MATERIAL_SHOTS, { recursive: true });
    const office = await pageIn(demo.browser, demo.server.url, 'kk');
    await signIn(office.page, demo.server.url, office.t, 'clerk-7517');
    await office.page.goto(`${demo.server.url}/court/cases/${target!.id}/file`);
    const officeForm = office.page.locator('#add-material form');
    await officeForm.getByLabel(office.t('caseFile.material.file'), { exact: true }).setInputFiles({ name: 'заключение.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await officeForm.getByRole('button', { name: office.t('caseFile.material.submit') }).click();
    await expect(office.page.locator('.govuk-error-summary').innerText()).resolves.toContain(office.t('caseFile.material.error.title'));
    await expectAccessible(office.page);
    await office.page.locator('#add-material').screenshot({ path: `${MATERIAL_SHOTS}/material-errors-kk.png` });
    const opinion = await addMaterial(office.page, office.t, { title: 'Заключение эксперта', kind: 'expert_opinion', fileName: 'заключение.pdf', shot: 'material-form-kk' });
    await expect(office.page.locator(`[data-document="${opinion}"]`).innerText()).resolves.toContain(office.t('documents.kind.expert_opinion'));
    await signOut(office.page, demo.server.url, office.t);
    await office.close();

    // The judge opens the e-case file in Russian and reads the PDF in the page.
    const ru = await pageIn(demo.browser, demo.server.url, 'ru');
    await signIn(ru.page, demo.server.url, ru.t, 'judge-7517-1');
    await ru.page.goto(`${demo.server.url}/judge/cases/${target!.id}`);
    await Promise.all([ru.page.waitForURL(/\/court\/cases\/[0-9a-f-]+\/file$/), ru.page.getByRole('link', { name: ru.t('caseFile.link') }).click()]);
    await expectAccessible(ru.page);
    const main = ru.page.locator('main');
    for (const heading of ['documents', 'duty', 'parties', 'terms', 'requests', 'timeline'] as const) await expect(main.locator(`#${heading}`).isVisible()).resolves.toBe(true);
    // The judge adds the answer to the court's inquiry that came in.
    const answerPdf = await addMaterial(ru.page, ru.t, { title: 'Ответ департамента юстиции на запрос суда', kind: 'inquiry_answer', fileName: 'ответ.pdf', shot: 'material-form-ru' });
    await shot(ru.page, 'file-ru');
    const pdfAnswer = ru.page.waitForResponse((response) => new URL(response.url()).pathname.endsWith(`/file/documents/${answerPdf}/file`));
    await Promise.all([ru.page.waitForURL(new RegExp(`/file/documents/${answerPdf}$`)), main.getByRole('link', { name: 'Ответ департамента юстиции на запрос суда', exact: true }).click()]);
    const served = await pdfAnswer;
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('application/pdf');
    const frame = ru.page.locator('iframe.sot-act-pdf');
    expect((await frame.boundingBox())!.height).toBeGreaterThan(300);
    await expectAccessible(ru.page);
    await ru.page.waitForTimeout(1000);
    await shot(ru.page, 'viewer-ru');
    await signOut(ru.page, demo.server.url, ru.t);
    await ru.close();

    // The party asks to read the materials, in Kazakh.
    const kk = await pageIn(demo.browser, demo.server.url, 'kk');
    await signIn(kk.page, demo.server.url, kk.t, 'citizen');
    await kk.page.goto(`${demo.server.url}/cabinet/cases/${target!.id}`);
    await kk.page.getByLabel(kk.t('caseFile.party.note')).fill('Сот отырысының хаттамасымен танысқым келеді.');
    await Promise.all([kk.page.waitForURL(/familiarisation=sent/), kk.page.getByRole('button', { name: kk.t('caseFile.party.submit') }).click()]);
    await expect(kk.page.locator('#familiarisation [data-familiarisation="pending"]').count()).resolves.toBe(1);
    await expectAccessible(kk.page);
    await kk.page.locator('#familiarisation').screenshot({ path: `${SHOTS}/party-request-kk.png` });

    // The judge grants two of the three, in English.
    const en = await pageIn(demo.browser, demo.server.url, 'en');
    await signIn(en.page, demo.server.url, en.t, 'judge-7517-1');
    await en.page.goto(`${demo.server.url}/court/cases/${target!.id}/file#requests`);
    const form = en.page.locator('[data-request] form');
    await form.getByLabel(en.t('caseFile.answer.listed')).check();
    await form.getByLabel('Протокол судебного заседания', { exact: false }).check();
    await form.getByLabel('Ответ департамента юстиции на запрос суда', { exact: false }).check();
    await expectAccessible(en.page);
    await shot(en.page, 'answer-en');
    await Promise.all([en.page.waitForURL(/done=granted/), form.getByRole('button', { name: en.t('caseFile.answer.submit') }).click()]);
    await expectAccessible(en.page);
    await expect(en.page.locator('[data-familiarisation="granted"]').count()).resolves.toBe(1);
    await en.close();

    // The party reads the hearing record; the expert's opinion stays closed.
    await kk.page.goto(`${demo.server.url}/cabinet/cases/${target!.id}`);
    await expect(kk.page.locator(`a[href$="/documents/${opinion}"]`).count()).resolves.toBe(0);
    await expect(kk.page.locator(`a[href$="/documents/${answerPdf}"]`).count()).resolves.toBe(1);
    await kk.page.locator('#familiarisation').screenshot({ path: `${SHOTS}/party-granted-kk.png` });
    // A title that is only its kind's name reads in the party's language.
    const recordLink = kk.page.getByRole('link', { name: kk.t('documents.kind.hearing_record'), exact: true });
    await Promise.all([kk.page.waitForURL(new RegExp(`/documents/${record}$`)), recordLink.click()]);
    expect(await kk.page.locator('main').innerText()).toContain('Истец поддержал требования.');
    await expectAccessible(kk.page);
    await shot(kk.page, 'party-reads-kk');
    const reads = await db.select().from(accessLog).where(and(eq(accessLog.caseId, target!.id), eq(accessLog.userId, citizen!.id), eq(accessLog.documentId, record)));
    expect(reads.map((r) => r.action)).toEqual(['view']);

    // The judge shares the expert's opinion with the parties: one button, and it is in their file.
    const judgeEn = await pageIn(demo.browser, demo.server.url, 'en');
    await signIn(judgeEn.page, demo.server.url, judgeEn.t, 'judge-7517-1');
    await judgeEn.page.goto(`${demo.server.url}/court/cases/${target!.id}/file`);
    await Promise.all([judgeEn.page.waitForURL(/done=shared/), judgeEn.page.locator(`[data-document="${opinion}"]`).getByRole('button', { name: judgeEn.t('caseFile.material.share') }).click()]);
    await expectAccessible(judgeEn.page);
    await expect(judgeEn.page.locator(`[data-document="${opinion}"] button`).count()).resolves.toBe(0);
    await judgeEn.close();
    await kk.page.goto(`${demo.server.url}/cabinet/cases/${target!.id}`);
    await expect(kk.page.locator(`a[href$="/documents/${opinion}"]`).count()).resolves.toBeGreaterThan(0);
    expect(kk.errors).toEqual([]);
    await kk.close();
  });
});
