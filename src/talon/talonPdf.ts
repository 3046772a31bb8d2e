import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { formatDateTime, formatNumber, formatTenge } from '../i18n/format.ts';
import { translator, type Lang, type Translate } from '../i18n/index.ts';
import { HELP_LINE } from '../views/layout.tsx';
import { qrPng } from './qr.ts';
import type { TalonAttachment, TalonData } from './talonData.ts';

type Doc = PDFKit.PDFDocument;

/**
 * DejaVu covers the whole Kazakh Cyrillic alphabet (ә ғ қ ң ө ұ ү һ і) and ₸, which the PDF
 * standard fonts lack. The files come from the npm package, so the path is resolved, not assumed.
 */
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: path.join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  mono: path.join(FONT_DIR, 'DejaVuSansMono.ttf'),
} as const;
type FontName = keyof typeof FONTS;

const MARGIN = 56;
const LABEL_WIDTH = 175;
const ROW_GAP = 6;
const QR_SIZE = 110;
const COLOUR = { text: '#0b0c0c', secondary: '#505a5f', rule: '#b1b4b6' } as const;
const SIZE = { header: 9, title: 18, heading: 12, body: 10.5, label: 9, small: 8.5, hash: 7.5 } as const;

/**
 * The registration talon as an A4 PDF in the given language. The output depends only on its
 * inputs (the creation date is the filing's, not the clock's), so the same talon renders to the
 * same bytes whenever the filer downloads it again.
 */
export async function renderTalonPdf(talon: TalonData, lang: Lang): Promise<Buffer> {
  const t = translator(lang);
  const qr = await qrPng(talon.verifyUrl);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang,
    bufferPages: true,
    displayTitle: true,
    info: { Title: t('talon.pdf.title', { number: talon.talonNumber }), Author: 'Sot', Creator: 'Sot', CreationDate: talon.submittedAt },
  });
  // pdfkit opens Helvetica as its default but writes a font only once text uses it; every text
  // call here names one of these faces.
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  const bytes = collect(doc);

  drawHeading(doc, t, talon);
  drawFields(doc, fieldRows(talon, t, lang));
  drawAttachments(doc, t, lang, talon.attachments);
  drawDuty(doc, t, lang, talon.duty);
  doc.moveDown(0.5);
  paragraph(doc, t('talon.pdf.note'), 'regular', SIZE.small, COLOUR.secondary);
  drawVerification(doc, t, qr, talon.verifyUrl);
  drawFooters(doc, t);

  doc.end();
  return bytes;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function drawHeading(doc: Doc, t: Translate, talon: TalonData): void {
  paragraph(doc, t('talon.pdf.header'), 'regular', SIZE.header, COLOUR.secondary);
  rule(doc);
  doc.moveDown(0.6);
  paragraph(doc, t('talon.pdf.title', { number: talon.talonNumber }), 'bold', SIZE.title);
  doc.moveDown(0.2);
  paragraph(doc, t('talon.pdf.lead'), 'regular', SIZE.body);
  doc.moveDown(0.8);
}

type Row = [label: string, value: string];

function fieldRows(talon: TalonData, t: Translate, lang: Lang): Row[] {
  const { filer, signer } = talon;
  const rows: (Row | false)[] = [
    [t('talon.field.court'), talon.court.name],
    [t('talon.field.submittedAt'), formatDateTime(talon.submittedAt, lang)],
    [t('talon.field.filingType'), t(`talon.filingType.${talon.filingType}`)],
    !!talon.caseNumber && [t('talon.field.caseNumber'), talon.caseNumber],
    [t('talon.field.filer'), filer.name],
    !!filer.iin && [t('talon.field.iin'), filer.iin],
    !!filer.organisation && [t('talon.field.organisation'), t('talon.field.organisationValue', { ...filer.organisation })],
    ...(talon.counter
      ? [[t('office.talon.receivedBy'), talon.counter.clerkName] as Row]
      : [[t('talon.field.signer'), signer.name] as Row, [t('talon.field.certificateSerial'), signer.certificateSerial] as Row]),
  ];
  return rows.filter((row): row is Row => row !== false);
}

function drawFields(doc: Doc, rows: Row[]): void {
  for (const [label, value] of rows) drawRow(doc, label, value);
}

/** A label in the left column and its value beside it; both wrap, and the taller one sets the row. */
function drawRow(doc: Doc, label: string, value: string): void {
  const { left, width } = contentBox(doc);
  const labelWidth = LABEL_WIDTH - 12;
  const valueWidth = width - LABEL_WIDTH;
  const labelHeight = doc.font('regular').fontSize(SIZE.label).heightOfString(label, { width: labelWidth });
  const valueHeight = doc.font('regular').fontSize(SIZE.body).heightOfString(value, { width: valueWidth });
  const height = Math.max(labelHeight, valueHeight);
  ensureSpace(doc, height);
  const top = doc.y;
  // Nudged down so that the smaller label shares the value's baseline.
  doc.font('regular').fontSize(SIZE.label).fillColor(COLOUR.secondary).text(label, left, top + 1.4, { width: labelWidth });
  doc.font('regular').fontSize(SIZE.body).fillColor(COLOUR.text).text(value, left + LABEL_WIDTH, top, { width: valueWidth });
  doc.x = left;
  doc.y = top + height + ROW_GAP;
}

function drawAttachments(doc: Doc, t: Translate, lang: Lang, attachments: TalonAttachment[]): void {
  sectionHeading(doc, t('talon.attachments.title', { count: attachments.length }));
  if (attachments.length === 0) {
    paragraph(doc, t('talon.attachments.none'), 'regular', SIZE.body);
    return;
  }
  const { left, width } = contentBox(doc);
  const indent = 14;
  attachments.forEach((attachment, index) => {
    const title = `${index + 1}. ${attachment.name} — ${formatFileSize(attachment.sizeBytes, t, lang)}`;
    const hash = t('talon.attachments.sha256', { hash: attachment.sha256 });
    const titleHeight = doc.font('regular').fontSize(SIZE.body).heightOfString(title, { width });
    const hashHeight = doc.font('mono').fontSize(SIZE.hash).heightOfString(hash, { width: width - indent });
    ensureSpace(doc, titleHeight + hashHeight + 2);
    doc.font('regular').fontSize(SIZE.body).fillColor(COLOUR.text).text(title, left, doc.y, { width });
    doc.font('mono').fontSize(SIZE.hash).fillColor(COLOUR.secondary).text(hash, left + indent, doc.y + 1, { width: width - indent });
    doc.x = left;
    doc.y += ROW_GAP;
  });
}

function drawDuty(doc: Doc, t: Translate, lang: Lang, duty: TalonData['duty']): void {
  sectionHeading(doc, t('talon.duty.title'));
  drawRow(doc, t('talon.field.dutyStatus'), t(`talon.duty.status.${duty.status}`));
  if (duty.amountTiyn !== null) drawRow(doc, t('talon.field.dutyAmount'), formatTenge(duty.amountTiyn / 100, lang));
  if (duty.basis) drawRow(doc, t('talon.field.dutyBasis'), duty.basis);
}

/** The QR code with its caption beside it, kept together on one page. */
function drawVerification(doc: Doc, t: Translate, qr: Buffer, verifyUrl: string): void {
  doc.moveDown(1);
  ensureSpace(doc, QR_SIZE);
  const { left, width } = contentBox(doc);
  const top = doc.y;
  doc.image(qr, left, top, { width: QR_SIZE, height: QR_SIZE });
  doc.link(left, top, QR_SIZE, QR_SIZE, verifyUrl);
  const captionX = left + QR_SIZE + 16;
  const captionWidth = width - QR_SIZE - 16;
  const caption = t('talon.verify.caption', { url: verifyUrl });
  const captionHeight = doc.font('regular').fontSize(SIZE.body).heightOfString(caption, { width: captionWidth });
  doc.fillColor(COLOUR.text).text(caption, captionX, top + (QR_SIZE - captionHeight) / 2, { width: captionWidth, link: verifyUrl });
  doc.x = left;
  doc.y = top + QR_SIZE;
}

/** The help line at the foot of every page, written once all pages exist. */
function drawFooters(doc: Doc, t: Translate): void {
  const text = t('talon.pdf.footer', { phone: HELP_LINE });
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    const { left, width } = contentBox(doc);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    const top = doc.page.height - bottomMargin + 14;
    doc.moveTo(left, top - 6).lineTo(left + width, top - 6).lineWidth(0.5).strokeColor(COLOUR.rule).stroke();
    doc.font('regular').fontSize(SIZE.small).fillColor(COLOUR.secondary).text(text, left, top, { width });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** Sizes as a file manager shows them, with 1024-byte units and the language's decimal mark. */
function formatFileSize(bytes: number, t: Translate, lang: Lang): string {
  const oneDecimal = (value: number) => formatNumber(Math.round(value * 10) / 10, lang);
  if (bytes < 1024) return t('talon.size.bytes', { value: formatNumber(bytes, lang) });
  if (bytes < 1024 * 1024) return t('talon.size.kilobytes', { value: oneDecimal(bytes / 1024) });
  return t('talon.size.megabytes', { value: oneDecimal(bytes / (1024 * 1024)) });
}

function sectionHeading(doc: Doc, text: string): void {
  doc.moveDown(0.8);
  const height = doc.font('bold').fontSize(SIZE.heading).heightOfString(text);
  // Keep a heading with at least one line of what follows it.
  ensureSpace(doc, height + 2 * SIZE.body);
  paragraph(doc, text, 'bold', SIZE.heading);
  doc.moveDown(0.3);
}

function paragraph(doc: Doc, text: string, font: FontName, size: number, colour: string = COLOUR.text): void {
  const { left, width } = contentBox(doc);
  doc.font(font).fontSize(size).fillColor(colour).text(text, left, doc.y, { width });
}

function rule(doc: Doc): void {
  const { left, width } = contentBox(doc);
  const y = doc.y + 4;
  doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.5).strokeColor(COLOUR.rule).stroke();
  doc.y = y;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function contentBox(doc: Doc): { left: number; width: number } {
  const { margins, width } = doc.page;
  return { left: margins.left, width: width - margins.left - margins.right };
}
