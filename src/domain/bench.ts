/**
 * The bench of a court as the distribution sees it: who hears which categories, who is away on
 * a given court date, and which cases are still open to a change of judge. Pure rules; the
 * queries and commands feed them rows.
 */
import { CASE_CATEGORIES, type CaseCategory, type CaseKind } from './caseKinds.ts';
import type { CaseStatus } from './caseStatus.ts';
import type { Candidate } from './distribution.ts';

/** Why a judge is away from the bench. */
export const ABSENCE_REASONS = ['leave', 'sick', 'training', 'other'] as const;

/** A court date, `YYYY-MM-DD`, in Asia/Almaty. */
export type CourtDay = string;

export interface AbsenceSpan {
  startsOn: CourtDay;
  endsOn: CourtDay;
}

/**
 * Until a final act the judge can still change: once a decision is announced the judge who
 * heard the case signs it, and a new judge would have to hear it all again.
 */
export const REASSIGNABLE_STATUSES = ['assigned', 'left_without_motion', 'accepted', 'preparation', 'hearing_scheduled'] as const satisfies readonly CaseStatus[];

export function isReassignable(status: string): boolean {
  return (REASSIGNABLE_STATUSES as readonly string[]).includes(status);
}

/** Every category of the kinds a court hears, in the order of the catalogue. */
export function courtCategories(kinds: readonly string[]): CaseCategory[] {
  return (Object.keys(CASE_CATEGORIES) as CaseKind[]).filter((kind) => kinds.includes(kind)).flatMap((kind) => [...CASE_CATEGORIES[kind]]);
}

/**
 * What a judge hears: a judge without a specialisation hears the whole court's categories, so
 * the protocol lists them in full rather than leaving "everything" to be inferred.
 */
export function categoriesHeard(specialisation: readonly string[], ofCourt: readonly string[]): string[] {
  return specialisation.length === 0 ? [...ofCourt] : ofCourt.filter((c) => specialisation.includes(c));
}

/** Both ends are days of absence. ISO dates compare as strings. */
export function isAbsentOn(absences: readonly AbsenceSpan[], day: CourtDay): boolean {
  return absences.some((a) => a.startsOn <= day && day <= a.endsOn);
}

export function overlaps(a: AbsenceSpan, b: AbsenceSpan): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

/**
 * A date typed into the form: ISO (`2026-12-01`, what a date picker sends) or the way people
 * write it in Kazakhstan (`01.12.2026`). Null for anything that is not a real calendar day.
 */
export function parseCourtDay(text: string): CourtDay | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : dotted ? [dotted[3], dotted[2], dotted[1]].map(Number) : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export type AbsenceProblem = 'absence_dates_invalid' | 'absence_ends_before_start' | 'absence_in_past' | 'absence_too_long' | 'absence_overlaps';

/** Longer than a year is a typo in the year, not an absence; the distribution would skip the judge unseen. */
const MAX_ABSENCE_DAYS = 366;

/**
 * Why an absence cannot be recorded, or null when it can. An absence is planned or reported
 * from today on: a day already past has had its cases distributed, and recording it later
 * would make the protocols of that day look as if they had ignored it.
 */
export function absenceProblem(span: AbsenceSpan, today: CourtDay, existing: readonly AbsenceSpan[]): AbsenceProblem | null {
  if (!parseCourtDay(span.startsOn) || !parseCourtDay(span.endsOn)) return 'absence_dates_invalid';
  if (span.endsOn < span.startsOn) return 'absence_ends_before_start';
  if (span.startsOn < today) return 'absence_in_past';
  const days = (Date.parse(`${span.endsOn}T00:00:00Z`) - Date.parse(`${span.startsOn}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_ABSENCE_DAYS) return 'absence_too_long';
  if (existing.some((other) => overlaps(span, other))) return 'absence_overlaps';
  return null;
}

/** The chair's reason for a reassignment is kept on record; a word or two does not explain it. */
export function assignmentReason(text: string): string | null {
  const trimmed = text.trim();
  return trimmed.length >= 5 && trimmed.length <= 4000 ? trimmed : null;
}

/**
 * Judges the chair may move a case to: the same test as the draw's (hears the category, not
 * away, not recused), and not the judge who has it now. In judgeId order, as the draw lists them.
 */
export function eligibleForReassignment(candidates: readonly Candidate[], category: string, currentJudgeId: string | null): string[] {
  return candidates
    .filter((c) => c.judgeId !== currentJudgeId && !c.onLeave && !c.recused && c.categories.includes(category))
    .map((c) => c.judgeId)
    .sort();
}
