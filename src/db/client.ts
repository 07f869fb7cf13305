// Opens the SQLite database with the pragmas that keep data safe, and applies migrations.
import { closeSync, fdatasyncSync, mkdirSync, openSync } from "node:fs";
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

export interface OpenOptions {
  /**
   * How long (ms) a commit made with `atomically(db, write, "soon")` may wait for its flush to disk;
   * 0: flushed with its commit, like every other. Default FLUSH_WITHIN_MS.
   */
  flushWithinMs?: number;
}

/**
 * The database file at `path` (":memory:" for one in memory), created if missing, migrated, with
 * every commit flushed to disk (synchronous=FULL) but those of `atomically(…, "soon")`.
 * Throws if the file cannot be opened or a migration fails.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  const journal = sqlite.pragma("journal_mode = WAL", { simple: true });
  // FULL: a change acknowledged to the user survives a power cut (answers: within FLUSH_WITHIN_MS).
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
  // The write-ahead log as SQLite names it: beside the file it opened, symbolic links followed.
  const file = (sqlite.pragma("database_list") as { name: string; file: string }[]).find(
    (d) => d.name === "main",
  )?.file;
  if (journal === "wal" && file) {
    const flushing = flushingOf(db);
    flushing.withinMs = options.flushWithinMs ?? FLUSH_WITHIN_MS;
    flushing.wal = `${file}-wal`;
  }
  return db;
}

/**
 * Runs `write` with its commits not flushed to disk at once (synchronous=NORMAL): they survive the
 * process crashing and reach the disk with the next flushed commit, which flushes the whole WAL
 * before it. For what can be rebuilt (sessions, the log of processed updates) and, with a flush
 * soon after, answers (atomically). The connection's own level (FULL, as opened) is restored after.
 * Not inside a transaction (the pragma cannot change there).
 */
export function withoutFlush<T>(db: Db, write: () => T): T {
  const level = db.$client.pragma("synchronous", { simple: true }) as number;
  if (level <= NORMAL) return write();
  db.$client.exec("PRAGMA synchronous = NORMAL");
  try {
    return write();
  } finally {
    db.$client.exec(`PRAGMA synchronous = ${level}`);
  }
}

/** PRAGMA synchronous as a number: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
const NORMAL = 1;

/**
 * Runs `write` in one transaction (BEGIN IMMEDIATE, like db.transaction) without building drizzle's
 * transaction object, with the writes held for the next commit: for hot paths whose statements are
 * prepared (preparedFor) and run on the connection itself. `write` keeps what memo.ts remembers
 * true (it calls `remember` for what it changes). Rolls back and rethrows if `write` throws.
 * `flush`: "now", the commit is flushed to disk before this returns; "soon", within the database's
 * flushWithinMs (openDatabase): for writes made again at little cost if a power cut loses them (a
 * self-assessment's answers), so that a crowd's answers share one flush instead of one each. Inside
 * a transaction, `write` is part of it, flushed with its commit.
 */
export function atomically<T>(db: Db, write: () => T, flush: "now" | "soon" = "now"): T {
  const commit = () => {
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
  };
  if (flush === "now" || !flushingOf(db).withinMs || db.$client.inTransaction) return commit();
  const result = withoutFlush(db, commit);
  flushSoon(db);
  return result;
}

/** How long a commit made with `atomically(db, write, "soon")` waits at most for its flush to disk (ms). */
export const FLUSH_WITHIN_MS = 200;

const flushingOf = preparedFor(() => ({
  /** 0: every commit is flushed with itself (a database in memory, or the disk refused a flush). */
  withinMs: 0,
  /** The write-ahead log's file; undefined for a database in memory. */
  wal: undefined as string | undefined,
  /** Set while commits wait for their flush. */
  timer: undefined as NodeJS.Timeout | undefined,
  /** The directory is flushed once too, the first time: the log file may be new since the open. */
  directoryFlushed: false,
}));

/** Flushes the write-ahead log to disk within flushWithinMs, with every commit made before. */
function flushSoon(db: Db): void {
  const flushing = flushingOf(db);
  if (!flushing.wal) return;
  flushing.timer ??= setTimeout(() => {
    try {
      flushWaiting(db);
    } catch {
      // The disk refused (a retry could wrongly succeed: Linux drops the pages it failed to write).
      // From now on each answer is flushed with its commit, whose failure the user is told.
      flushing.withinMs = 0;
    }
  }, flushing.withinMs).unref();
}

/** Whether commits of `db` are waiting for their flush to disk (atomically(…, "soon")). */
export function awaitingFlush(db: Db): boolean {
  return flushingOf(db).timer !== undefined;
}

/**
 * Flushes to disk now the commits waiting for it: the write-ahead log (fdatasync, what FULL does at
 * each commit) and, the first time, its directory, as the log file may be new since the open.
 */
function flushWaiting(db: Db): void {
  const flushing = flushingOf(db);
  clearTimeout(flushing.timer);
  flushing.timer = undefined;
  if (!flushing.wal || !db.$client.open) return;
  for (const path of flushing.directoryFlushed ? [flushing.wal] : [flushing.wal, dirname(flushing.wal)]) {
    const fd = openSync(path, "r");
    try {
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  flushing.directoryFlushed = true;
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
      commitHeldWrites(db);
    } catch {
      commitHeldSoon(db); // busy or failing: still held, tried again later
    }
  }, HELD_WRITE_MS).unref();
}

/**
 * At shutdown: commits the held writes and flushes to disk every commit waiting for it; nothing if
 * the database is closed.
 */
export function commitHeld(db: Db): void {
  commitHeldWrites(db);
  try {
    if (awaitingFlush(db)) flushWaiting(db);
  } catch {
    // The disk refused: closing the database checkpoints, and flushes, once more.
  }
}

/** Commits the held writes now, without a flush; nothing if the database is closed. */
function commitHeldWrites(db: Db): void {
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
