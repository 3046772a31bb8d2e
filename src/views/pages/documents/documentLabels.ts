import { DOCUMENT_KINDS, type DocumentKind } from '../../../db/schema/index.ts';
import type { Translate } from '../../../i18n/index.ts';

export function documentKindLabel(t: Translate, kind: string): string {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind) ? t(`documents.kind.${kind as DocumentKind}`) : kind;
}

/** What the browser can show by itself; anything else is only downloaded. */
export type Preview = 'pdf' | 'image' | 'text' | 'none';

export function previewOf(mediaType: string | null): Preview {
  if (!mediaType) return 'none';
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType === 'image/png' || mediaType === 'image/jpeg') return 'image';
  if (mediaType.startsWith('text/plain') || mediaType === 'application/json') return 'text';
  return 'none';
}
