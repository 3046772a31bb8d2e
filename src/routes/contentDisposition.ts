/**
 * A Content-Disposition header for a file name in any script: an ASCII fallback for old clients
 * and the exact name in RFC 6266 / RFC 8187 form, so Cyrillic and Kazakh names survive.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
