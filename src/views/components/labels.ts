import { isCaseCategory } from '../../domain/caseKinds.ts';
import { COURT_TYPES, type CourtType } from '../../domain/courtLevels.ts';
import type { Translate } from '../../i18n/index.ts';
import { HEARING_STATUSES } from '../../domain/hearingLifecycle.ts';
import type { AppealRole } from '../../domain/appealForwarding.ts';
import type { PartyRole } from '../../domain/parties.ts';

type HearingStatus = (typeof HEARING_STATUSES)[number];

/** Labels for codes stored as text in the database; an unknown code shows as itself rather than failing. */
export function categoryLabel(t: Translate, category: string): string {
  return isCaseCategory(category) ? t(`category.${category}`) : category;
}

/**
 * What a case is about, as its pages name it: an appellate case is an appeal against the decision
 * in the case it reviews, not the first instance's category once more.
 */
export function caseCategoryLabel(t: Translate, c: { category: string; instance: number; reviewedNumber: string | null }): string {
  return c.instance === 2 && c.reviewedNumber ? t('appeals.category', { number: c.reviewedNumber }) : categoryLabel(t, c.category);
}

/** A participant's role; in an appellate case with their standing on appeal first: "Appellant (defendant at first instance)". */
export function participantRoleLabel(t: Translate, p: { role: PartyRole; appealRole: AppealRole | null }): string {
  const role = t(`partyRole.${p.role}`);
  return p.appealRole ? t('appeals.role.withFirst', { role: t(`appeals.role.${p.appealRole}`), first: role }) : role;
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
