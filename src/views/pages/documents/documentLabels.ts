import { CATALOGUES, LANGUAGES, type Translate } from '../../../i18n/index.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../domain/documents.ts';

export function documentKindLabel(t: Translate, kind: string): string {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind) ? t(`documents.kind.${kind as DocumentKind}`) : kind;
}

/** Talon numbers as `formatTalonNumber` writes them: 7517-26-000123. */
const TALON_NUMBER = /^\d{4}-\d{2}-\d{6}$/;

/**
 * A document's title in the reader's language where Sot made the document: a filing is stored
 * under its talon number and a court notice under the words of the language it was made in, so
 * both are named from their kind. What a person named (an attachment) and a judge's act keep
 * their own title.
 */
export function documentTitle(t: Translate, d: { kind: string; title: string }): string {
  if (d.kind === 'notice') return documentKindLabel(t, d.kind);
  if (TALON_NUMBER.test(d.title)) return t('documents.systemTitle.filing', { kind: documentKindLabel(t, d.kind), talon: d.title });
  // A title that is only its kind's name in one of the languages ("Исковое заявление") says nothing a translation would lose.
  if (isKindName(d)) return documentKindLabel(t, d.kind);
  return d.title;
}

function isKindName(d: { kind: string; title: string }): boolean {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(d.kind)) return false;
  const key = `documents.kind.${d.kind as DocumentKind}` as const;
  return LANGUAGES.some((lang) => CATALOGUES[lang][key] === d.title.trim());
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
