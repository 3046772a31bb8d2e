import type { Section } from './section.ts';

const en = {} as const;

/** Messages of the filing pages and errors. */
export const filing: Section<typeof en> = {
  en,
  ru: {},
  kk: {},
};
