/**
 * How the judge's list of cases in progress is ordered and narrowed: the choices of its form,
 * read from the query string. Each has a default, so a bare address shows the nearest terms first.
 */
export const CASELOAD_SORTS = ['due', 'number', 'filed'] as const;
export const CASELOAD_ORDERS = ['asc', 'desc'] as const;
export const CASELOAD_SHOWS = ['all', 'overdue', 'soon'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];
export type CaseloadOrder = (typeof CASELOAD_ORDERS)[number];
export type CaseloadShow = (typeof CASELOAD_SHOWS)[number];

export interface CaseloadView {
  sort: CaseloadSort;
  order: CaseloadOrder;
  show: CaseloadShow;
}

export const DEFAULT_CASELOAD_VIEW: CaseloadView = { sort: 'due', order: 'asc', show: 'all' };

/** "Soon" is a term ending within this many working days of today. */
export const SOON_WORKING_DAYS = 5;

/** Calendar days from `today` to a term's last day: negative once the term has passed. */
export function daysLeft(today: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
