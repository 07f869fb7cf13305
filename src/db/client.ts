// Opens the SQLite database with the pragmas that keep data safe, and applies migrations.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { projectPath } from "../paths.js";
import { preparedFor } from "./prepared.js";
import * as schema from "./schema.js";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_DIR = projectPath("db/migrations");

export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  // FULL: an answer acknowledged to the user survives a power cut.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema });
  // Every transaction takes the write lock at BEGIN: a deferred one that has read first cannot wait
  // for another instance's commit (SQLITE_BUSY at once, whatever busy_timeout says).
  const deferred = db.transaction.bind(db);
  db.transaction = ((run, config) => deferred(run, { behavior: "immediate", ...config })) as Db["transaction"];
  applyMigrations(db);
  sqlite.pragma("foreign_keys = ON");
  return db;
}

/**
 * Runs `write` with its commits not flushed to disk at once (synchronous=NORMAL): they survive the
 * process crashing and reach the disk with the next full commit, which flushes the whole WAL before
 * it. For what can be rebuilt (sessions, the log of processed updates), so that an answer costs one
 * flush, its own. Not inside a transaction (the pragma cannot change there).
 */
export function withoutFlush<T>(db: Db, write: () => T): T {
  // A PRAGMA takes effect when compiled, not when run: it cannot be a prepared statement.
  db.$client.pragma("synchronous = NORMAL");
  try {
    return write();
  } finally {
    db.$client.pragma("synchronous = FULL");
  }
}

/**
 * Runs `write` in one transaction (BEGIN IMMEDIATE, like db.transaction) without building drizzle's
 * transaction object: for hot paths whose statements are prepared (preparedFor) and run on the
 * connection itself. Rolls back and rethrows if `write` throws.
 */
export function atomically<T>(db: Db, write: () => T): T {
  return onConnection(db).immediate(write) as T;
}

const onConnection = preparedFor((db) => db.$client.transaction((write: () => unknown) => write()));

/**
 * migrate() runs every pending migration in one transaction, where PRAGMA foreign_keys cannot
 * change: turn the checks off around it, then verify nothing was left dangling.
 */
export function applyMigrations(db: Db): void {
  const sqlite = db.$client;
  sqlite.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  } catch {
    // Another instance starting at the same moment may have applied them between our check and our
    // BEGIN: a second pass sees them applied; a real fault fails again.
    migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  }
  const broken = sqlite.pragma("foreign_key_check") as unknown[];
  if (broken.length) throw new Error(`foreign key check failed after migration: ${JSON.stringify(broken)}`);
}
