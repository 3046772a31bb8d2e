import { HEARING_STATUSES } from '../../db/schema/cases.ts';
import { isCaseCategory } from '../../domain/caseKinds.ts';
import { COURT_TYPES, type CourtType } from '../../domain/courtLevels.ts';
import type { Translate } from '../../i18n/index.ts';

type HearingStatus = (typeof HEARING_STATUSES)[number];

/** Labels for codes stored as text in the database; an unknown code shows as itself rather than failing. */
export function categoryLabel(t: Translate, category: string): string {
  return isCaseCategory(category) ? t(`category.${category}`) : category;
}

export function courtTypeLabel(t: Translate, type: string): string {
  return (COURT_TYPES as readonly string[]).includes(type) ? t(`courtType.${type as CourtType}`) : type;
}

export function levelLabel(t: Translate, level: number): string {
  return level === 1 || level === 2 || level === 3 || level === 4 ? t(`level.${level}`) : String(level);
}

/**
 * A hearing's status in words. Every status in HEARING_STATUSES has its message (the compiler
 * checks it), so a new status needs only its dictionary entries; a code unknown to this build shows as itself.
 */
export function hearingStatusLabel(t: Translate, status: string): string {
  return (HEARING_STATUSES as readonly string[]).includes(status) ? t(`hearingStatus.${status as HearingStatus}`) : status;
}
