// Reads of the hot path (the user, their organisations, the assessment, the session…) kept in
// memory while the database has not changed. Every lookup first checks the database's revision as
// this connection sees it: total_changes() counts the rows this connection wrote, PRAGMA
// data_version changes when another connection commits (another process such as `npm run admin`;
// read at most every OTHERS_SEEN_MS). Any change forgets everything remembered; only writes that
// keep what is remembered true themselves (atomically, in client.ts) move the revision known forward.
import type Database from "better-sqlite3";
import type { Db } from "./client.js";
import { preparedFor } from "./prepared.js";

/** Commits of other connections are seen by the memo within this time (milliseconds). */
export const OTHERS_SEEN_MS = 10;

/** At most this many values of one kind are kept; the oldest go first. */
export const MEMO_LIMIT = 2_000;

interface Memo {
  dataVersion: Database.Statement<[], [number]>;
  totalChanges: Database.Statement<[], [number]>;
  /** data_version as read last, and when (Date.now()). */
  seenOthers: number;
  seenAt: number;
  /** The revision the remembered values are true at; undefined: nothing is known. */
  others: number | undefined;
  own: number | undefined;
  kinds: Map<string, Map<unknown, unknown>>;
}

const memoOf = preparedFor(
  (db): Memo => ({
    dataVersion: db.$client.prepare<[], [number]>("PRAGMA data_version").raw(),
    totalChanges: db.$client.prepare<[], [number]>("SELECT total_changes()").raw(),
    seenOthers: 0,
    seenAt: Number.NEGATIVE_INFINITY,
    others: undefined,
    own: undefined,
    kinds: new Map(),
  }),
);

/** The memo of `db`, emptied first if the database changed since its values were read. */
function upToDate(db: Db): Memo {
  const memo = memoOf(db);
  const others = othersNow(memo);
  const own = ownNow(memo);
  if (others !== memo.others || own !== memo.own) {
    for (const values of memo.kinds.values()) values.clear();
    memo.others = others;
    memo.own = own;
  }
  return memo;
}

/**
 * data_version, read again once OTHERS_SEEN_MS have passed (a read costs a read transaction, ~9 µs):
 * what other connections commit is seen within that time, as if read that much earlier.
 */
function othersNow(memo: Memo): number {
  const now = Date.now();
  if (now - memo.seenAt >= OTHERS_SEEN_MS) {
    memo.seenOthers = memo.dataVersion.get()![0];
    memo.seenAt = now;
  }
  return memo.seenOthers;
}

const ownNow = (memo: Memo): number => memo.totalChanges.get()![0];

function valuesOf(memo: Memo, kind: string): Map<unknown, unknown> {
  const values = memo.kinds.get(kind) ?? new Map();
  memo.kinds.set(kind, values);
  return values;
}

/**
 * The value of `kind` for `key` (undefined included) as `load` read it, from memory while the
 * database is unchanged. Inside a transaction, `load` runs every time: what it reads there may
 * still be rolled back. Callers must not change the value they get.
 */
export function remembered<K, V>(db: Db, kind: string, key: K, load: () => V): V {
  if (db.$client.inTransaction) return load();
  const values = valuesOf(upToDate(db), kind);
  if (values.has(key)) return values.get(key) as V;
  const value = load();
  store(values, key, value);
  return value;
}

function store(values: Map<unknown, unknown>, key: unknown, value: unknown): void {
  if (values.size >= MEMO_LIMIT && !values.has(key)) values.delete(values.keys().next().value);
  values.set(key, value);
}

/**
 * Runs `write`, a transaction that keeps every remembered value true (it calls `remember` for
 * what it changes), so that its own changes do not make the memo forget; `settle` once it is
 * committed. If this connection wrote since the memo was last checked, what `write` was computed
 * from may be stale: the memo forgets everything instead. (A commit of another connection not
 * seen yet makes it forget at the first lookup that sees it.)
 */
export function keepingMemo<T>(db: Db, write: () => T): { result: T; settle: () => void } {
  const memo = memoOf(db);
  const current = othersNow(memo) === memo.others && ownNow(memo) === memo.own;
  // Unknown until settled: a transaction rolled back never settles, and the memo forgets
  // everything at the next lookup.
  memo.own = undefined;
  const result = write();
  const own = ownNow(memo);
  const settle = () => {
    if (current) memo.own = own;
  };
  return { result, settle };
}

/** Remembers `value` as the value of `kind` for `key` (from a write under keepingMemo). */
export function remember<K, V>(db: Db, kind: string, key: K, value: V): void {
  store(valuesOf(memoOf(db), kind), key, value);
}

/** Forgets the value of `kind` for `key` (from a write under keepingMemo that could not keep it true). */
export function forget<K>(db: Db, kind: string, key: K): void {
  memoOf(db).kinds.get(kind)?.delete(key);
}
