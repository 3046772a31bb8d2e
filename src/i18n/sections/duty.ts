import type { Section } from './section.ts';

const en = {} as const;

/** Messages of the duty pages and errors. */
export const duty: Section<typeof en> = {
  en,
  ru: {},
  kk: {},
};
