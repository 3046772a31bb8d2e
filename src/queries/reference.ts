import type { Executor } from '../db/tx.ts';
import { initialReference, type Reference } from '../domain/reference.ts';

/**
 * The reference values (MCI, court calendar, thresholds) in force, as the rules take them.
 */
export async function loadReference(_db: Executor): Promise<Reference> {
  return initialReference();
}
