// Opens the SQLite database with the pragmas that keep data safe, and applies migrations.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { projectPath } from "../paths.js";
import { keepingMemo } from "./memo.js";
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
  // Writes held for the next commit (holdForNextCommit) go with every transaction.
  const deferred = db.transaction.bind(db);
  db.transaction = ((run, config) => {
    let carried: Carried = [];
    const result = deferred(
      (tx) => {
        carried = carryHeld(db);
        return run(tx);
      },
      { behavior: "immediate", ...config },
    );
    settleCarried(db, carried);
    return result;
  }) as Db["transaction"];
  applyMigrations(db);
  sqlite.pragma("foreign_keys = ON");
  return db;
}

/**
 * Runs `write` with its commits not flushed to disk at once (synchronous=NORMAL): they survive the
 * process crashing and reach the disk with the next full commit, which flushes the whole WAL before
 * it. For what can be rebuilt (sessions, the log of processed updates), so that an answer costs one
 * flush, its own. The connection's own level (FULL, as opened) is restored after. Not inside a
 * transaction (the pragma cannot change there).
 */
export function withoutFlush<T>(db: Db, write: () => T): T {
  // A PRAGMA takes effect when compiled, not when run: it cannot be a prepared statement.
  const level = db.$client.pragma("synchronous", { simple: true }) as number;
  if (level <= NORMAL) return write();
  db.$client.pragma("synchronous = NORMAL");
  try {
    return write();
  } finally {
    db.$client.pragma(`synchronous = ${level}`);
  }
}

/** PRAGMA synchronous as a number: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
const NORMAL = 1;

/**
 * Runs `write` in one transaction (BEGIN IMMEDIATE, like db.transaction) without building drizzle's
 * transaction object, with the writes held for the next commit: for hot paths whose statements are
 * prepared (preparedFor) and run on the connection itself. `write` keeps what memo.ts remembers
 * true (it calls `remember` for what it changes). Rolls back and rethrows if `write` throws.
 */
export function atomically<T>(db: Db, write: () => T): T {
  let carried: Carried = [];
  const { result, settle } = onConnection(db).immediate(() =>
    keepingMemo(db, () => {
      carried = carryHeld(db);
      return write();
    }),
  ) as ReturnType<typeof keepingMemo<T>>;
  settle();
  settleCarried(db, carried);
  return result;
}

const onConnection = preparedFor((db) => db.$client.transaction((write: () => unknown) => write()));

/** How long a held write waits for another commit to go with before it is committed alone. */
export const HELD_WRITE_MS = 100;

interface HeldWrite {
  write: () => void;
  /** Called once the write is committed. */
  committed: (() => void) | undefined;
}
type Carried = Array<[string, HeldWrite]>;

const heldOf = preparedFor(() => ({
  writes: new Map<string, HeldWrite>(),
  timer: undefined as NodeJS.Timeout | undefined,
}));

/**
 * Holds `write` (synchronous statements) until the next transaction on `db` commits, inside it, or
 * at most HELD_WRITE_MS, then commits it alone without a flush: for what can be rebuilt or redone
 * (sessions, the log of processed updates), so that an update costs at most one commit, and its
 * answer's commit carries them. A later write with the same `key` replaces this one. Lost if the
 * process dies first. `committed` runs once it is in the database.
 */
export function holdForNextCommit(db: Db, key: string, write: () => void, committed?: () => void): void {
  heldOf(db).writes.set(key, { write, committed });
  commitHeldSoon(db);
}

function commitHeldSoon(db: Db): void {
  const held = heldOf(db);
  held.timer ??= setTimeout(() => {
    held.timer = undefined;
    try {
      commitHeld(db);
    } catch {
      commitHeldSoon(db); // busy or failing: still held, tried again later
    }
  }, HELD_WRITE_MS).unref();
}

/** Commits the held writes now (at shutdown, or when their time is up); nothing if the database is closed. */
export function commitHeld(db: Db): void {
  const held = heldOf(db);
  clearTimeout(held.timer);
  held.timer = undefined;
  if (held.writes.size && db.$client.open) withoutFlush(db, () => atomically(db, () => undefined));
}

function carryHeld(db: Db): Carried {
  const carried = [...heldOf(db).writes];
  for (const [, held] of carried) held.write();
  return carried;
}

/** After the commit that carried them: the held writes not replaced meanwhile are done. */
function settleCarried(db: Db, carried: Carried): void {
  const { writes } = heldOf(db);
  for (const [key, held] of carried) {
    if (writes.get(key) === held) writes.delete(key);
    held.committed?.();
  }
}

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
