import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatTenge } from '../../src/i18n/format.ts';
import { LANGUAGES, translator } from '../../src/i18n/index.ts';
import { qrPng, qrSvg } from '../../src/talon/qr.ts';
import type { TalonData } from '../../src/talon/talonData.ts';
import { renderTalonPdf } from '../../src/talon/talonPdf.ts';
import { pdfInfo, pdfObjects, pdfText } from '../support/pdfText.ts';

function talonData(overrides: Partial<TalonData> = {}): TalonData {
  return {
    talonNumber: '7517-26-000123',
    verifyUrl: 'https://sot.example.kz/verify/K7Q2-M9XD-4TPA',
    court: { code: '7517', name: 'Алматы қаласы Медеу аудандық соты' },
    submittedAt: new Date('2026-03-01T19:30:00Z'),
    filer: { name: 'Нұрланова Әсел Серікқызы', iin: '900101400123' },
    filingType: 'claim',
    caseNumber: null,
    attachments: [
      { name: 'Талап арыз.pdf', sizeBytes: 1_258_291, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
      { name: 'Жалдау шарты.pdf', sizeBytes: 48_400, sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
    ],
    duty: { status: 'paid', amountTiyn: 129_750, basis: null },
    signer: { name: 'Нұрланова Әсел Серікқызы', certificateSerial: '4c1f0a7b9e2d3c5f6a8b' },
    ...overrides,
  };
}

/** Line breaks fall where the page width says, and amounts use no-break spaces: compare words. */
const words = (text: string) => text.replace(/\s+/g, ' ');

function pngWidth(png: Buffer): number {
  // The IHDR chunk follows the 8-byte signature; its width is the first field.
  return png.readUInt32BE(16);
}

describe('registration talon PDF', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(LANGUAGES)('gives the filer the talon in %s with its details as text', async (lang) => {
    const talon = talonData();
    const t = translator(lang);
    const pdf = await renderTalonPdf(talon, lang);
    const text = words(pdfText(pdf));

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(text).toContain(t('talon.pdf.title', { number: '7517-26-000123' }));
    expect(text).toContain('Алматы қаласы Медеу аудандық соты');
    expect(text).toContain('Нұрланова Әсел Серікқызы');
    expect(text).toContain('900101400123');
    expect(text).toContain(t('talon.filingType.claim'));
    for (const { sha256 } of talon.attachments) expect(text).toContain(sha256);
    expect(text.replace(/\s/g, '')).toContain(talon.verifyUrl);
    expect(text).toContain(words(formatTenge(1297.5, lang)));
    expect(text).toContain(t('talon.duty.status.paid'));
    expect(text).toContain('1401');
  });

  it.each(LANGUAGES)('says in %s that a claim awaits registration until its case has a number, and registered after', async (lang) => {
    const t = translator(lang);
    const submitted = words(pdfText(await renderTalonPdf(talonData(), lang)));
    expect(submitted).toContain(words(t('talon.lead.awaiting')));
    expect(submitted).not.toContain(words(t('talon.lead.registered')));
    const registered = words(pdfText(await renderTalonPdf(talonData({ caseNumber: '7517-26-00-2/123' }), lang)));
    expect(registered).toContain(words(t('talon.lead.registered')));
    expect(registered).not.toContain(words(t('talon.lead.awaiting')));
  });

  it('prints attachment sizes the way the language writes numbers', async () => {
    expect(words(pdfText(await renderTalonPdf(talonData(), 'en')))).toContain('Талап арыз.pdf — 1.2 MB');
    expect(words(pdfText(await renderTalonPdf(talonData(), 'ru')))).toContain('Жалдау шарты.pdf — 47,3 КБ');
  });

  it('embeds DejaVu, which has the Kazakh letters, and no standard font', async () => {
    const bytes = (await renderTalonPdf(talonData(), 'kk')).toString('latin1');
    expect(bytes).toContain('/FontFile2');
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSansMono\b/);
    expect(bytes).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });

  it('draws the QR code of the verify URL as an image on the page', async () => {
    const talon = talonData();
    const pdf = await renderTalonPdf(talon, 'kk');
    const images = [...pdfObjects(pdf).values()].filter((o) => /\/Subtype \/Image\b/.test(o.dict) && !/\/ColorSpace \/DeviceGray/.test(o.dict));
    expect(images).toHaveLength(1);
    expect(images[0]!.dict).toContain(`/Width ${pngWidth(await qrPng(talon.verifyUrl))}`);
    const content = [...pdfObjects(pdf).values()].map((o) => o.stream?.toString('latin1') ?? '').join('\n');
    expect(content).toMatch(/\/I\d+ Do/);
  });

  it('records title, author, creation date and language in the metadata', async () => {
    const pdf = await renderTalonPdf(talonData(), 'ru');
    expect(pdfInfo(pdf)).toMatchObject({ Title: 'Талон о регистрации № 7517-26-000123', Author: 'Sot', CreationDate: 'D:20260301193000Z' });
    expect(pdf.toString('latin1')).toContain('/Lang (ru)');
  });

  it('renders the same bytes whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T08:00:00Z'));
    const first = await renderTalonPdf(talonData(), 'en');
    vi.setSystemTime(new Date('2027-01-15T23:59:00Z'));
    const second = await renderTalonPdf(talonData(), 'en');
    expect(second.equals(first)).toBe(true);
  });

  it('names the organisation, the case and the exemption when there are', async () => {
    const talon = talonData({
      filer: { name: 'Нұрланова Әсел Серікқызы', iin: '900101400123', organisation: { name: '«Қазақ ғылымы» ЖШС', bin: '120340012345' } },
      filingType: 'appeal',
      caseNumber: '7517-26-00-2/1542',
      duty: { status: 'exempt', amountTiyn: null, basis: 'Салық кодексінің 616-бабы 1-тармағының 3) тармақшасы' },
    });
    const t = translator('kk');
    const text = words(pdfText(await renderTalonPdf(talon, 'kk')));
    expect(text).toContain(t('talon.field.organisationValue', { name: '«Қазақ ғылымы» ЖШС', bin: '120340012345' }));
    expect(text).toContain('7517-26-00-2/1542');
    expect(text).toContain(t('talon.filingType.appeal'));
    expect(text).toContain(t('talon.duty.status.exempt'));
    expect(text).toContain('Салық кодексінің 616-бабы 1-тармағының 3) тармақшасы');
    expect(text).not.toContain(t('talon.field.dutyAmount'));
  });

  it('cites the duty basis stored in the compact form in the talon’s language', async () => {
    const talon = talonData({ duty: { status: 'paid', amountTiyn: 1_500_000, basis: 'Tax Code 2026, Art. 665(1)(1)' } });
    expect(words(pdfText(await renderTalonPdf(talon, 'ru')))).toContain('подп. 1) п. 1 ст. 665 Налогового кодекса РК');
    expect(words(pdfText(await renderTalonPdf(talon, 'kk')))).toContain('ҚР Салық кодексінің 665-бабы 1-тармағының 1) тармақшасы');
    expect(words(pdfText(await renderTalonPdf(talon, 'en')))).toContain('Tax Code 2026, Art. 665(1)(1)');
  });

  it('says so when nothing is attached', async () => {
    const text = words(pdfText(await renderTalonPdf(talonData({ attachments: [] }), 'ru')));
    expect(text).toContain('Приложения (0)');
    expect(text).toContain('Приложений нет');
  });

  it('continues a long list of attachments on the next page, with the help line on every page', async () => {
    const attachments = Array.from({ length: 40 }, (_, i) => ({ name: `Дәлел ${i + 1}.pdf`, sizeBytes: 2048 * (i + 1), sha256: i.toString(16).padStart(64, '0') }));
    const pages = pdfText(await renderTalonPdf(talonData({ attachments }), 'kk')).split('\f');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('1401');
    const text = words(pages.join(' '));
    for (const { sha256 } of attachments) expect(text).toContain(sha256);
  });
});

describe('talon QR code', () => {
  it('makes a PNG that grows with the length of the URL', async () => {
    const short = await qrPng('https://sot.kz/verify/K7Q2');
    const long = await qrPng(`https://sot.example.kz/verify/${'K7Q2-M9XD-4TPA-'.repeat(8)}`);
    expect(short.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(pngWidth(long)).toBeGreaterThan(pngWidth(short));
  });

  it('makes an SVG that a screen reader announces by its title', async () => {
    const svg = await qrSvg('https://sot.kz/verify/K7Q2?a=1&b=2', 'Check this talon at https://sot.kz/verify/K7Q2?a=1&b=2');
    expect(svg).toMatch(/^<svg role="img" xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title>Check this talon at https://sot.kz/verify/K7Q2?a=1&#38;b=2</title>');
    expect(await qrSvg('https://sot.kz/verify/K7Q2')).toContain('<title>https://sot.kz/verify/K7Q2</title>');
  });
});
