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

/** A file name safe to show and to send back in Content-Disposition: no paths, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return cleaned || 'file';
}
