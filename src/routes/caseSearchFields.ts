import { isoDay } from '../domain/judgmentSearch.ts';
import type { RawCaseSearch } from '../domain/caseSearch.ts';
import type { ERRORS } from '../errors.ts';

/** The field a refused search's message stands beside. */
export function refusalField(code: keyof typeof ERRORS, query: RawCaseSearch): string {
  switch (code) {
    case 'case_search_name_too_short':
      return 'name';
    case 'case_search_invalid_iin':
      return 'iin';
    case 'case_search_invalid_date': {
      const from = query.from?.trim();
      return from && !isoDay(from) ? 'from' : 'to';
    }
    default:
      return 'number';
  }
}
