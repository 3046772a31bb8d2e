import QRCode from 'qrcode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cases, courts, documents, judgmentCorrections, judgments, parties } from '../../src/db/schema/index.ts';
import type { JudgmentStatus } from '../../src/domain/judgments.ts';
import { WAITING_CAP } from '../../src/queries/judgments.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { pdfObjects, pdfText } from '../support/pdfText.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

/**
 * A published judgment's PDF (the depersonalised text, never the case's own rows, with the QR of
 * its public page), and the way court staff reach the review queue from their own work pages.
 */
describeDb('judgment PDF and the staff link to the review queue', () => {
  let t: TestApp;
  let medeu: string;
  let other: string;
  let judge: TestUser;
  let clerk: TestUser;
  const PRIVATE_NAME = 'Должникова Мария Сергеевна';
  const TEXT = 'Взыскать с [ФИО 1] в пользу [ФИО 2] сумму займа.\n\nСудебный приказ может быть отменён по заявлению должника.';
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const rows = await t.database.db.select({ id: courts.id, code: courts.code }).from(courts);
    medeu = rows.find((r) => r.code === '7517')!.id;
    other = rows.find((r) => r.code !== '7517' && r.code.startsWith('75'))!.id;
    judge = await signedInUser(t.database.db, { roles: [{ role: 'judge', courtId: medeu }], lang: 'en' });
    clerk = await signedInUser(t.database.db, { roles: [{ role: 'clerk', courtId: medeu }], lang: 'ru' });
  });
  afterAll(() => t?.close());

  /** A bank row of a case at `courtId` judged by `judgeId`, whose party has a private name the text does not hold. */
  async function bankRow(status: JudgmentStatus, options: { courtId?: string; judgeId?: string | null } = {}): Promise<{ id: string; caseId: string; caseNumber: string }> {
    const db = t.database.db;
    const courtId = options.courtId ?? medeu;
    const caseNumber = `7517-26-00-2/${98000 + ++serial}`;
    const [c] = await db.insert(cases).values({ courtId, kind: 'civil', category: 'court_order', instance: 1, status: 'in_force', number: caseNumber, judgeId: options.judgeId ?? null }).returning({ id: cases.id });
    await db.insert(parties).values({ caseId: c!.id, role: 'defendant', displayName: PRIVATE_NAME });
    const [d] = await db.insert(documents).values({ caseId: c!.id, kind: 'court_order', title: `Судебный приказ ${PRIVATE_NAME}` }).returning({ id: documents.id });
    const [j] = await db
      .insert(judgments)
      .values({
        documentId: d!.id,
        caseId: c!.id,
        courtId,
        courtLevel: 1,
        caseNumber,
        caseKind: 'civil',
        category: 'court_order',
        actKind: 'court_order',
        issuedOn: '2026-03-02',
        status,
        text: status === 'needs_text' ? null : TEXT,
        reason: status === 'withheld' ? 'Частная жизнь' : null,
        publishedAt: status === 'published' ? new Date('2026-03-20T09:00:00Z') : null,
      })
      .returning({ id: judgments.id });
    return { id: j!.id, caseId: c!.id, caseNumber };
  }

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  /** The colour samples (RGB) and width of the PDF's one colour image; its alpha is a separate grey mask. */
  function pdfImage(pdf: Buffer): { rgb: Buffer; width: number } {
    const images = [...pdfObjects(pdf).values()].filter((o) => /\/Subtype\s*\/Image/.test(o.dict) && !/\/ColorSpace \/DeviceGray/.test(o.dict));
    expect(images).toHaveLength(1);
    return { rgb: images[0]!.stream!, width: Number(/\/Width (\d+)/.exec(images[0]!.dict)![1]) };
  }

  /** Whether the image is the QR code of `text`: every module read at its centre, as a scanner would. */
  function showsQrOf(image: { rgb: Buffer; width: number }, text: string): boolean {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const margin = 1;
    const scale = image.width / (modules.size + 2 * margin);
    if (!Number.isInteger(scale)) return false;
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        const x = (col + margin) * scale + Math.floor(scale / 2);
        const y = (row + margin) * scale + Math.floor(scale / 2);
        const dark = image.rgb[(y * image.width + x) * 3]! < 128;
        if (dark !== Boolean(modules.get(row, col))) return false;
      }
    }
    return true;
  }

  it('serves a published judgment as a PDF of the depersonalised text, without the names the case rows hold', async () => {
    const { id, caseNumber } = await bankRow('published');
    const res = await get(`/judgments/${id}/pdf`, 'lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename=/);
    expect(res.headers['content-disposition']).toContain(`${caseNumber.replace('/', '-')}.pdf`);
    expect(res.headers['cache-control']).toBe('private, max-age=300');
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain(caseNumber);
    expect(text).toContain('Взыскать с [ФИО 1] в пользу [ФИО 2] сумму займа.');
    expect(text).toContain('Medeu');
    expect(text).toContain('Court order');
    expect(text).not.toContain('Должникова');
    expect(text).not.toContain('Мария');
  });

  it('prints in the reader’s language', async () => {
    const { id } = await bankRow('published');
    const res = await get(`/judgments/${id}/pdf`, 'lang=kk');
    expect(res.statusCode).toBe(200);
    expect(pdfText(res.rawPayload).replace(/\s+/g, ' ')).toContain('Акт мәтіні');
  });

  it('carries the QR code and link of the judgment’s own public page, which shows the same text', async () => {
    const { id } = await bankRow('published');
    const res = await get(`/judgments/${id}/pdf`);
    const checkUrl = `${t.app.config.publicUrl}/judgments/${id}`;
    expect(res.rawPayload.toString('latin1')).toContain(`/URI (${checkUrl})`);
    const image = pdfImage(res.rawPayload);
    expect(showsQrOf(image, checkUrl)).toBe(true);
    expect(showsQrOf(image, `${t.app.config.publicUrl}/verify/0000000000AA`)).toBe(false);
    const page = await get(`/judgments/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Взыскать с [ФИО 1] в пользу [ФИО 2] сумму займа.');
    expect(page.body).toContain(`href="/judgments/${id}/pdf"`);
    expect((await get(`/judgments/${id}/print`)).body).toContain(`href="/judgments/${id}/pdf"`);
  });

  it('has no PDF for a judgment waiting for review, withheld, without text, or unknown', async () => {
    for (const status of ['pending_review', 'withheld', 'needs_text'] as const) {
      const { id } = await bankRow(status);
      expect((await get(`/judgments/${id}/pdf`)).statusCode, status).toBe(404);
      expect((await get(`/judgments/${id}/pdf`, clerk.cookie)).statusCode, status).toBe(404);
    }
    expect((await get('/judgments/00000000-0000-4000-8000-000000000000/pdf')).statusCode).toBe(404);
    expect((await get('/judgments/not-a-uuid/pdf')).statusCode).toBe(404);
  });

  it('links the office’s queue to the review queue, with how many of the clerk’s court wait', async () => {
    const before = await get('/court/registry', clerk.cookie);
    expect(before.statusCode).toBe(200);
    const waitingOf = (body: string) => Number(/href="\/court\/judgments">[^<]+<\/a> \(ожидают проверки: (\d+)\)/.exec(body)?.[1] ?? 0);
    expect(before.body).toContain('href="/court/judgments"');
    const n = waitingOf(before.body);
    await bankRow('pending_review');
    await bankRow('pending_review', { courtId: other });
    const published = await bankRow('published');
    // A published judgment with a party's open correction request is in the queue too.
    const [partyRow] = await t.database.db.insert(parties).values({ caseId: published.caseId, role: 'claimant', displayName: 'Истцов' }).returning({ id: parties.id });
    await t.database.db.insert(judgmentCorrections).values({ judgmentId: published.id, partyId: partyRow!.id, requestedBy: clerk.id, note: 'Имя осталось в тексте', requestedAt: new Date() });
    expect(waitingOf((await get('/court/registry', clerk.cookie)).body)).toBe(n + 2);
  });

  it('links the judge’s cases to the review queue, counting only the judge’s own cases', async () => {
    const waitingOf = (body: string) => /href="\/court\/judgments">Judgments for the bank<\/a>(?: \((\d+) waiting for review\))?/.exec(body);
    const before = await get('/judge/cases', judge.cookie);
    expect(before.statusCode).toBe(200);
    expect(waitingOf(before.body)?.[1]).toBeUndefined();
    await bankRow('pending_review', { judgeId: judge.id });
    await bankRow('pending_review', { judgeId: null });
    expect(waitingOf((await get('/judge/cases', judge.cookie)).body)?.[1]).toBe('1');
  });

  it('caps the count, so the link costs the same however long the queue is', async () => {
    const busy = await signedInUser(t.database.db, { roles: [{ role: 'judge', courtId: other }], lang: 'en' });
    for (let i = 0; i < WAITING_CAP + 2; i++) await bankRow('pending_review', { courtId: other, judgeId: busy.id });
    expect((await get('/judge/cases', busy.cookie)).body).toContain(`(${WAITING_CAP}+ waiting for review)`);
  });

  it('shows no link to whoever may not review: a court chair without the office role', async () => {
    const chair = await signedInUser(t.database.db, { roles: [{ role: 'court_chair', courtId: medeu }], lang: 'en' });
    const res = await get('/court/registry', chair.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('href="/court/judgments"');
    expect((await get('/court/judgments', chair.cookie)).statusCode).toBe(403);
  });
});
