/** A PostgreSQL error as drivers give it (pg and PGlite alike): a SQLSTATE and where it arose. */
export interface DatabaseError {
  code: string;
  severity?: string;
  constraint?: string;
  schema?: string;
  table?: string;
  column?: string;
  routine?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * PostgreSQL's error in `error` or its causes. The query builder wraps the driver's error in one of
 * its own ("Failed query: …") with the driver's as its cause, so the SQLSTATE is seldom on top.
 */
export function databaseErrorIn(error: unknown): DatabaseError | undefined {
  for (let e = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const candidate = e as Partial<DatabaseError>;
    if (typeof candidate.code === 'string' && SQLSTATE.test(candidate.code) && (candidate.severity !== undefined || candidate.routine !== undefined)) return candidate as DatabaseError;
  }
  return undefined;
}

/** Whether PostgreSQL failed with one of `codes` (SQLSTATEs), and on `constraint` when one is named. */
export function isDatabaseError(error: unknown, codes: string | readonly string[], constraint?: string): boolean {
  const found = databaseErrorIn(error);
  if (!found || !(typeof codes === 'string' ? [codes] : codes).includes(found.code)) return false;
  return constraint === undefined || found.constraint === constraint;
}
