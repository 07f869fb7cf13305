// Every row of every table, to show that a refused use case wrote nothing.
import type { Db } from "../../src/db/client.js";

/** The whole database as rows per table (the migrations' own bookkeeping aside). */
export function databaseRows(db: Db): Record<string, unknown[]> {
  const tables = db.$client
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, db.$client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
  );
}
