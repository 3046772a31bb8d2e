import { formatDateTime, formatNumber, formatTenge } from '../i18n/format.ts';
import { translator, type Lang, type Translate } from '../i18n/index.ts';
import { citeArticle } from '../i18n/legalReference.ts';
import { HELP_LINE } from '../views/layout.tsx';
import { qrPng } from './qr.ts';
import type { TalonAttachment, TalonData } from './talonData.ts';
import { COLOUR, contentBox, drawFooters, drawRow, drawVerification, ensureSpace, newDocument, paragraph, ROW_GAP, rule, sectionHeading, SIZE, type Doc } from '../pdf/layout.ts';

/** The registration talon as an A4 PDF in the given language; the same talon renders to the same bytes. */
export async function renderTalonPdf(talon: TalonData, lang: Lang): Promise<Buffer> {
  const t = translator(lang);
  const qr = await qrPng(talon.verifyUrl);
  const { doc, bytes } = newDocument({ lang, title: t('talon.pdf.title', { number: talon.talonNumber }), creationDate: talon.submittedAt });

  drawHeading(doc, t, talon);
  drawFields(doc, fieldRows(talon, t, lang));
  drawAttachments(doc, t, lang, talon.attachments);
  drawDuty(doc, t, lang, talon.duty);
  doc.moveDown(0.5);
  paragraph(doc, t('talon.pdf.note'), 'regular', SIZE.small, COLOUR.secondary);
  drawVerification(doc, qr, talon.verifyUrl, t('talon.verify.caption', { url: talon.verifyUrl }));
  drawFooters(doc, t('talon.pdf.footer', { phone: HELP_LINE }));

  doc.end();
  return bytes;
}

function drawHeading(doc: Doc, t: Translate, talon: TalonData): void {
  paragraph(doc, t('talon.pdf.header'), 'regular', SIZE.header, COLOUR.secondary);
  rule(doc);
  doc.moveDown(0.6);
  paragraph(doc, t('talon.pdf.title', { number: talon.talonNumber }), 'bold', SIZE.title);
  doc.moveDown(0.2);
  paragraph(doc, t(talon.caseNumber ? 'talon.lead.registered' : 'talon.lead.awaiting'), 'regular', SIZE.body);
  doc.moveDown(0.8);
}

type Row = [label: string, value: string];

function fieldRows(talon: TalonData, t: Translate, lang: Lang): Row[] {
  const { filer, signer } = talon;
  const rows: (Row | false)[] = [
    [t(talon.appellateCourt ? 'appeals.talon.filedThrough' : 'talon.field.court'), talon.court.name],
    !!talon.appellateCourt && [t('appeals.talon.heardBy'), talon.appellateCourt.name],
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
  if (duty.basis) drawRow(doc, t('talon.field.dutyBasis'), citeArticle(duty.basis, lang));
}

/** Sizes as a file manager shows them, with 1024-byte units and the language's decimal mark. */
function formatFileSize(bytes: number, t: Translate, lang: Lang): string {
  const oneDecimal = (value: number) => formatNumber(Math.round(value * 10) / 10, lang);
  if (bytes < 1024) return t('talon.size.bytes', { value: formatNumber(bytes, lang) });
  if (bytes < 1024 * 1024) return t('talon.size.kilobytes', { value: oneDecimal(bytes / 1024) });
  return t('talon.size.megabytes', { value: oneDecimal(bytes / (1024 * 1024)) });
}

