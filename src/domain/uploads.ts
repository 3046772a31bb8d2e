/**
 * What the court accepts as a file: PDF, Word and Excel documents and JPG/PNG scans, up to 20 MB
 * each, told apart by their content. The name is the person's; it decides nothing.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const ACCEPTED_MEDIA_TYPES = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/jpeg',
  'image/png',
] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

/** The accept attribute for file inputs: a hint to the browser, not a check. */
export const ACCEPT_ATTRIBUTE = '.pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png';

/**
 * The media type a file is accepted as, from the type its bytes were detected as (file-type's
 * answer) — or null. Old Word and Excel files are both OLE compound files; which of the two is
 * taken from the extension, the only place that says.
 */
export function acceptedMediaType(detected: { mime: string } | undefined, fileName: string): AcceptedMediaType | null {
  if (!detected) return null;
  if (detected.mime === 'application/x-cfb') {
    if (/\.doc$/i.test(fileName)) return 'application/msword';
    if (/\.xls$/i.test(fileName)) return 'application/vnd.ms-excel';
    return null;
  }
  return (ACCEPTED_MEDIA_TYPES as readonly string[]).includes(detected.mime) ? (detected.mime as AcceptedMediaType) : null;
}

/** The extension each accepted type is served with: file-type's own, and for old Office files the one their type says. */
const EXTENSIONS: Record<AcceptedMediaType, string> = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

export function extensionOf(mediaType: AcceptedMediaType): string {
  return EXTENSIONS[mediaType];
}

/**
 * Characters that change how a name reads without being seen: controls (Cc), format characters
 * (Cf: the bidi overrides and isolates U+202A–202E and U+2066–2069 that make `invoice‮fdp.exe`
 * read as `invoiceexe.pdf`, zero-width spaces and joiners, the byte-order mark, soft hyphens…),
 * line and paragraph separators; and the quote, which ends a header's quoted string.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}"]/gu;

/** Text without the characters that hide or reorder what is shown. */
export function withoutHiddenCharacters(text: string): string {
  return text.normalize('NFC').replace(HIDDEN, '');
}

/** A file name safe to show and to send back in Content-Disposition: no paths, no hidden characters. */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = [...withoutHiddenCharacters(base).trim()].slice(0, 200).join('');
  return cleaned || 'file';
}

/**
 * The name a file is kept and served under: the person's name, cleaned, with the extension of
 * the type its bytes were found to be instead of the one it came with, so `invoice.exe` that
 * is a PDF is `invoice.pdf`, and nothing is ever offered under an extension it does not have.
 */
export function storedFileName(name: string, extension: string): string {
  const cleaned = cleanFileName(name);
  // An extension has a letter in it: `Протокол 12.03.2025` keeps its date.
  const stem = cleaned.replace(/\.(?=[\p{N}_-]*\p{L})[\p{L}\p{N}_-]{1,12}$/u, '').replace(/[.\s]+$/u, '');
  return `${stem || 'file'}.${extension}`;
}
