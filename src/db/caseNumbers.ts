import { sql } from 'drizzle-orm';
import { formatCaseNumber } from '../domain/caseNumber.ts';
import type { Tx } from './tx.ts';

/**
 * Takes the next sequence number for a court, year and number category and returns the
 * formatted case number. Must run inside the registering transaction: the counter row stays
 * locked until commit, so concurrent registrations queue instead of sharing a number, and a
 * rollback returns the number instead of leaving a gap.
 */
export async function allocateCaseNumber(
  tx: Tx,
  input: { courtId: string; courtCode: string; year: number; categoryCode: string },
): Promise<string> {
  const result = await tx.execute<{ last_sequence: number }>(sql`
    insert into case_number_counters (court_id, year, category_code, last_sequence)
    values (${input.courtId}, ${input.year}, ${input.categoryCode}, 1)
    on conflict (court_id, year, category_code)
    do update set last_sequence = case_number_counters.last_sequence + 1
    returning last_sequence`);
  const sequence = Number(result.rows[0]!.last_sequence);
  return formatCaseNumber({ courtCode: input.courtCode, year: input.year, categoryCode: input.categoryCode, sequence });
}
