import { formatDateTime } from '../i18n/format.ts';
import { translator, type Lang, type Translate } from '../i18n/index.ts';
import { displayPersonName } from '../domain/personName.ts';
import { COLOUR, drawFooters, drawRow, drawVerification, newDocument, paragraph, rule, sectionHeading, SIZE, type Doc } from '../pdf/layout.ts';
import { qrPng } from '../talon/qr.ts';
import { HELP_LINE } from '../views/layout.tsx';
import type { ActData } from './actData.ts';

export function actHeading(t: Translate, act: Pick<ActData, 'kind' | 'decisionForm'>): string {
  return act.kind === 'decision' && act.decisionForm ? t(`proceedings.decisionForm.${act.decisionForm}`) : t(`proceedings.actKind.${act.kind}`);
}

/** A court act as an A4 PDF: the court, the case, the text, the judge's signature as checked, and the QR of its public check. */
export async function renderActPdf(act: ActData, lang: Lang): Promise<Buffer> {
  const t = translator(lang);
  const qr = await qrPng(act.verifyUrl);
  const heading = actHeading(t, act);
  const { doc, bytes } = newDocument({ lang, title: `${heading} — ${act.caseNumber}`, creationDate: act.issuedAt });

  paragraph(doc, act.court.name, 'regular', SIZE.header, COLOUR.secondary);
  rule(doc);
  doc.moveDown(0.6);
  paragraph(doc, heading, 'bold', SIZE.title);
  paragraph(doc, act.title, 'regular', SIZE.heading);
  doc.moveDown(0.8);
  drawRow(doc, t('caseStatus.court'), act.court.name);
  drawRow(doc, t('proceedings.pdf.caseNumber'), act.caseNumber);
  drawRow(doc, t('proceedings.pdf.issuedAt'), formatDateTime(act.issuedAt, lang));
  if (act.outcome) drawRow(doc, t('proceedings.acts.outcome'), t(`proceedings.outcome.${act.outcome}`));

  sectionHeading(doc, t('proceedings.pdf.text'));
  if (act.text === null) paragraph(doc, t('proceedings.pdf.noText'), 'regular', SIZE.body);
  for (const block of (act.text ?? '').split(/\n{2,}/)) {
    paragraph(doc, block, 'regular', SIZE.body);
    doc.moveDown(0.5);
  }

  drawSignature(doc, t, lang, act);
  drawVerification(doc, qr, act.verifyUrl, t('proceedings.pdf.verify', { url: act.verifyUrl }));
  drawFooters(doc, t('talon.pdf.footer', { phone: HELP_LINE }));
  doc.end();
  return bytes;
}

function drawSignature(doc: Doc, t: Translate, lang: Lang, act: ActData): void {
  sectionHeading(doc, t('proceedings.pdf.signature'));
  const { signature } = act;
  if (!signature.valid) {
    paragraph(doc, t('proceedings.signature.invalid'), 'bold', SIZE.body);
    return;
  }
  const { signer } = signature;
  drawRow(doc, t('proceedings.signature.signer'), displayPersonName(signer.fullName));
  drawRow(doc, t('proceedings.signature.serial'), signer.certificate.serialNumber);
  drawRow(doc, t('proceedings.signature.validity'), `${formatDateTime(signer.certificate.notBefore, lang)} — ${formatDateTime(signer.certificate.notAfter, lang)}`);
  drawRow(doc, t('proceedings.signature.result'), t('proceedings.signature.valid'));
  drawRow(doc, t('proceedings.signature.sha256'), act.contentSha256);
}
