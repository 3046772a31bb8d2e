import type { Lang } from './languages.ts';

/** Picks the name in the reader's language from a row carrying nameKk/nameRu/nameEn. */
export function localName(row: { nameKk: string; nameRu: string; nameEn: string }, lang: Lang): string {
  return lang === 'kk' ? row.nameKk : lang === 'ru' ? row.nameRu : row.nameEn;
}

export function localAddress(row: { addressKk: string; addressRu: string; addressEn: string }, lang: Lang): string {
  return lang === 'kk' ? row.addressKk : lang === 'ru' ? row.addressRu : row.addressEn;
}
