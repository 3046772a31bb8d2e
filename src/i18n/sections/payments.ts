import type { Section } from './section.ts';

const en = {} as const;

/** Messages of the payments pages and errors. */
export const payments: Section<typeof en> = {
  en,
  ru: {},
  kk: {},
};
