import { BANK_ACT_KINDS } from '../domain/judgmentSearch.ts';
import { formatCourtDay, formatDate } from '../i18n/format.ts';
import { translator, type Lang, type Translate } from '../i18n/index.ts';
import { localName } from '../i18n/names.ts';
import type { PublicJudgment } from '../queries/judgments.ts';
import { COLOUR, drawFooters, drawRow, drawVerification, newDocument, paragraph, rule, sectionHeading, SIZE } from '../pdf/layout.ts';
import { qrPng } from '../talon/qr.ts';
import { HELP_LINE } from '../views/layout.tsx';

const actTitle = (t: Translate, actKind: string) => ((BANK_ACT_KINDS as readonly string[]).includes(actKind) ? t(`proceedings.actKind.${actKind as (typeof BANK_ACT_KINDS)[number]}`) : actKind);

/**
 * A published judgment of the bank as an A4 PDF: the court, the case number, the kind of act and
 * its dates, the depersonalised text, and the QR code of the judgment's public page.
 *
 * Only the bank's row is read: the text is the depersonalised one the court published, and nothing
 * comes from the case's own rows (its parties), so the printout can hold no more than the page.
 * The QR leads to the judgment's public page, not to the signed act's `/verify` check: that check
 * confirms the original, whose text differs from the depersonalised one, while the page shows the
 * very text printed here for as long as the court keeps it published.
 */
export async function renderJudgmentPdf(judgment: PublicJudgment, checkUrl: string, lang: Lang): Promise<Buffer> {
  const t = translator(lang);
  const act = actTitle(t, judgment.actKind);
  const title = t('judgment.title', { act, number: judgment.caseNumber });
  const qr = await qrPng(checkUrl);
  const { doc, bytes } = newDocument({ lang, title, creationDate: judgment.publishedAt });

  paragraph(doc, t('judgments.title'), 'regular', SIZE.header, COLOUR.secondary);
  rule(doc);
  doc.moveDown(0.6);
  paragraph(doc, title, 'bold', SIZE.title);
  doc.moveDown(0.8);
  drawRow(doc, t('judgment.court'), localName(judgment.court, lang));
  drawRow(doc, t('judgment.case'), judgment.caseNumber);
  drawRow(doc, t('judgment.act'), act);
  drawRow(doc, t('judgment.issuedOn'), formatCourtDay(judgment.issuedOn, lang));
  drawRow(doc, t('judgment.publishedOn'), formatDate(judgment.publishedAt, lang));
  doc.moveDown(0.4);
  paragraph(doc, t('judgment.depersonalised'), 'regular', SIZE.small, COLOUR.secondary);

  sectionHeading(doc, t('judgment.text'));
  for (const block of judgment.text.split(/\n{2,}/)) {
    paragraph(doc, block, 'regular', SIZE.body);
    doc.moveDown(0.5);
  }

  drawVerification(doc, qr, checkUrl, t('judgment.pdf.verify', { url: checkUrl }));
  drawFooters(doc, t('talon.pdf.footer', { phone: HELP_LINE }));
  doc.end();
  return bytes;
}
