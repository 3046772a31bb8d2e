import type { Section } from './section.ts';

const en = {} as const;

/** Messages of the talon pages and errors. */
export const talon: Section<typeof en> = {
  en,
  ru: {},
  kk: {},
};
