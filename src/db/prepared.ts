// Statements of the hot path (every answer, every update), built and compiled once per database
// connection: drizzle rebuilds and SQLite recompiles a query on every call otherwise, which costs
// about twenty times running it.
import type { Db } from "./client.js";

/**
 * `build` (a drizzle query ending in `.prepare()`, with `sql.placeholder`s) run once per database:
 * returns a function giving the database's statement. Statements of `db` also run inside its
 * transactions (one connection).
 */
export function preparedFor<T>(build: (db: Db) => T): (db: Db) => T {
  const byDatabase = new WeakMap<Db, T>();
  return (db) => {
    let statement = byDatabase.get(db);
    if (!statement) {
      statement = build(db);
      byDatabase.set(db, statement);
    }
    return statement;
  };
}
