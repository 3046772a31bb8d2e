import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Lang } from '../i18n/index.ts';

/**
 * The page layout shared by Sot's printable documents (the registration talon, court acts): fonts,
 * a label–value row, headings, the QR check block and the footer on every page.
 */

export type Doc = PDFKit.PDFDocument;

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
export type FontName = keyof typeof FONTS;

export const MARGIN = 56;
export const LABEL_WIDTH = 175;
export const ROW_GAP = 6;
export const QR_SIZE = 110;
export const COLOUR = { text: '#0b0c0c', secondary: '#505a5f', rule: '#b1b4b6' } as const;
export const SIZE = { header: 9, title: 18, heading: 12, body: 10.5, label: 9, small: 8.5, hash: 7.5 } as const;

/**
 * An A4 document with Sot's fonts. The creation date is the document's own (a filing's, an act's),
 * not the clock's, so the same document renders to the same bytes whenever it is downloaded again.
 */
export function newDocument(options: { lang: Lang; title: string; creationDate: Date }): { doc: Doc; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: options.lang,
    bufferPages: true,
    displayTitle: true,
    info: { Title: options.title, Author: 'Sot', Creator: 'Sot', CreationDate: options.creationDate },
  });
  // pdfkit opens Helvetica as its default but writes a font only once text uses it; every text
  // call here names one of these faces.
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  return { doc, bytes: collect(doc) };
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** A label in the left column and its value beside it; both wrap, and the taller one sets the row. */
export function drawRow(doc: Doc, label: string, value: string): void {
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

/** The QR code with its caption beside it, kept together on one page. */
export function drawVerification(doc: Doc, qr: Buffer, verifyUrl: string, caption: string): void {
  doc.moveDown(1);
  ensureSpace(doc, QR_SIZE);
  const { left, width } = contentBox(doc);
  const top = doc.y;
  doc.image(qr, left, top, { width: QR_SIZE, height: QR_SIZE });
  doc.link(left, top, QR_SIZE, QR_SIZE, verifyUrl);
  const captionX = left + QR_SIZE + 16;
  const captionWidth = width - QR_SIZE - 16;
  const captionHeight = doc.font('regular').fontSize(SIZE.body).heightOfString(caption, { width: captionWidth });
  doc.fillColor(COLOUR.text).text(caption, captionX, top + (QR_SIZE - captionHeight) / 2, { width: captionWidth, link: verifyUrl });
  doc.x = left;
  doc.y = top + QR_SIZE;
}

/** The same line at the foot of every page (the help line), written once all pages exist. */
export function drawFooters(doc: Doc, text: string): void {
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


export function sectionHeading(doc: Doc, text: string): void {
  doc.moveDown(0.8);
  const height = doc.font('bold').fontSize(SIZE.heading).heightOfString(text);
  // Keep a heading with at least one line of what follows it.
  ensureSpace(doc, height + 2 * SIZE.body);
  paragraph(doc, text, 'bold', SIZE.heading);
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, text: string, font: FontName, size: number, colour: string = COLOUR.text): void {
  const { left, width } = contentBox(doc);
  doc.font(font).fontSize(size).fillColor(colour).text(text, left, doc.y, { width });
}

export function rule(doc: Doc): void {
  const { left, width } = contentBox(doc);
  const y = doc.y + 4;
  doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.5).strokeColor(COLOUR.rule).stroke();
  doc.y = y;
}

export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function contentBox(doc: Doc): { left: number; width: number } {
  const { margins, width } = doc.page;
  return { left: margins.left, width: width - margins.left - margins.right };
}
