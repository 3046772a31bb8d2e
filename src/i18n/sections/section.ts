/**
 * A part of the catalogue kept next to others of its area, so that areas grow without
 * touching one shared file. The English object's keys bind the other two languages.
 */
export interface Section<En extends Record<string, string>> {
  en: En;
  ru: Record<keyof En, string>;
  kk: Record<keyof En, string>;
}
