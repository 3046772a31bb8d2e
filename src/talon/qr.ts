import QRCode, { type QRCodeRenderersOptions } from 'qrcode';

/**
 * Level M restores up to 15 % of damaged modules, enough for a creased or stamped printout
 * without making the code too dense for an older phone camera; a one-module quiet zone keeps
 * it compact on the page, where the white paper around it extends the margin anyway.
 */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 1 } as const satisfies QRCodeRenderersOptions;

/** Pixels per module in the PNG: about 300 dpi at the size the PDF prints it. */
const PNG_SCALE = 8;

/**
 * The QR code of `url` as inline SVG for the talon page. The `<title>` is what a screen reader
 * announces, so pass the translated caption; it falls back to the URL itself.
 */
export async function qrSvg(url: string, title: string = url): Promise<string> {
  const svg = await QRCode.toString(url, { ...OPTIONS, type: 'svg' });
  return svg.replace(/^<svg\b([^>]*)>/, `<svg role="img"$1><title>${escapeXml(title)}</title>`);
}

/** The QR code of `url` as a PNG for the PDF. */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...OPTIONS, type: 'png', scale: PNG_SCALE });
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
