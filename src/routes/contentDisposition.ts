import { ACCEPTED_MEDIA_TYPES, extensionOf, storedFileName, withoutHiddenCharacters, type AcceptedMediaType } from '../domain/uploads.ts';

/**
 * A Content-Disposition header for a file name in any script: an ASCII fallback for old clients
 * and the exact name in RFC 6266 / RFC 8187 form, so Cyrillic and Kazakh names survive. Hidden
 * characters are dropped, and a file of a type Sot checks is offered with that type's extension
 * whatever the name says (names kept before Sot corrected them on upload included).
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment', mediaType?: string | null): string {
  const name = mediaType && (ACCEPTED_MEDIA_TYPES as readonly string[]).includes(mediaType) ? storedFileName(fileName, extensionOf(mediaType as AcceptedMediaType)) : withoutHiddenCharacters(fileName);
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
