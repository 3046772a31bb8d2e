import type { Db } from '../db/client.ts';

/**
 * A prepared query built once per database handle (the primary, or a read replica), not once
 * per request: drizzle then only fills in the placeholders, and PostgreSQL plans the named
 * statement once per connection.
 */
export function preparedFor<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
