// Each Telegram update is processed once, although Telegram redelivers (a webhook answered late, a
// restart before the offset was confirmed, a second poller taking over) and grammY does not
// deduplicate. The log lives in the database (SQLite, the default) or in Redis (REDIS_URL), so it
// holds across restarts and instances; long polling and a webhook can share the same middleware.
//
// An update is claimed before it is handled and marked done after. A duplicate arriving while it
// is being handled (here or in another instance) is skipped; one arriving after a crash in the
// middle is handled again: the claim of a process that is gone does not count.
// SQLite is the mode of one instance (several instances share Redis).
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { and, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Redis } from "ioredis";
import { type Db, holdForNextCommit } from "../db/client.js";
import { remember, remembered } from "../db/memo.js";
import { processedUpdates } from "../db/schema.js";

export interface UpdateLog {
  /** True when the caller may handle the update now; false when it is done or in hand elsewhere. */
  claim(updateId: number): Promise<boolean> | boolean;
  /** The update was handled (successfully or with an answer about the failure). */
  complete(updateId: number): Promise<void> | void;
}

/** Redelivered updates older than this are not expected: Telegram keeps updates for 24 hours. */
export const UPDATE_LOG_RETENTION_MS = 2 * 24 * 3600_000;
/** A claim older than this is taken over even if its owner seems alive (a hung process). */
export const CLAIM_LEASE_MS = 10 * 60_000;

/** This process, as written in the claims: host, pid and a random id per log instance. */
function ownerId(): string {
  return `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
}

/**
 * The log in SQLite, for the one instance that owns the database file: updates in hand are kept in
 * memory, updates done in the database. An update's "done" mark is held from its claim for the
 * next commit (holdForNextCommit): the update's own writes (an answer) commit it with them, so a
 * redelivery never repeats what is saved; an update that writes nothing has it committed within
 * moments. An update whose mark was not committed when the process died is handled again.
 */
export class SqliteUpdateLog implements UpdateLog {
  private readonly me = ownerId();
  private readonly inHand = new Set<number>();
  /** Claimed, their "done" mark not committed yet. */
  private readonly unsaved = new Set<number>();
  private completions = 0;
  private readonly isDone;
  private readonly highest;
  private readonly markDone;
  private readonly prune;

  constructor(private readonly db: Db) {
    const u = processedUpdates;
    this.isDone = db
      .select({ id: u.updateId })
      .from(u)
      .where(and(eq(u.updateId, sql.placeholder("id")), isNotNull(u.doneAt)))
      .prepare();
    this.highest = db
      .select({ id: sql<number | null>`max(${u.updateId})` })
      .from(u)
      .prepare();
    this.markDone = db
      .insert(u)
      .values({
        updateId: sql.placeholder("id"),
        owner: sql.placeholder("owner"),
        claimedAt: sql.placeholder("at"),
        doneAt: sql.placeholder("at"),
      })
      .onConflictDoUpdate({ target: u.updateId, set: { doneAt: sql`excluded.done_at` } })
      .prepare();
    // Ids grow with time, so the oldest rows are the first by id: no index on the time, which would
    // cost every update's commit one more page. Up to 1,000 rows every 500 updates keeps up.
    const oldest = db
      .select({ id: u.updateId, claimedAt: u.claimedAt })
      .from(u)
      .orderBy(u.updateId)
      .limit(1000)
      .as("oldest");
    this.prune = db
      .delete(u)
      .where(
        inArray(
          u.updateId,
          db
            .select({ id: oldest.id })
            .from(oldest)
            .where(lt(oldest.claimedAt, sql.placeholder("before"))),
        ),
      )
      .prepare();
  }

  claim(updateId: number): boolean {
    if (this.inHand.has(updateId) || this.unsaved.has(updateId) || this.wasDone(updateId)) return false;
    this.inHand.add(updateId);
    this.unsaved.add(updateId);
    const at = Date.now();
    holdForNextCommit(
      this.db,
      `update:${updateId}`,
      () => this.markDone.run({ id: updateId, owner: this.me, at }),
      () => {
        this.unsaved.delete(updateId);
        const highest = this.highestSaved();
        if (updateId > highest) remember(this.db, HIGHEST, 0, updateId);
      },
    );
    return true;
  }

  complete(updateId: number): void {
    this.inHand.delete(updateId);
    if (++this.completions % 500 === 1) this.prune.run({ before: Date.now() - UPDATE_LOG_RETENTION_MS });
  }

  /** Telegram numbers updates in order: one above every id in the log needs no lookup. */
  private wasDone(updateId: number): boolean {
    return updateId <= this.highestSaved() && this.isDone.get({ id: updateId }) !== undefined;
  }

  private highestSaved(): number {
    return remembered(this.db, HIGHEST, 0, () => this.highest.get()?.id ?? 0);
  }
}

const HIGHEST = "highest-update";

const HEARTBEAT_MS = 10_000;

/**
 * The same log in Redis, for several instances: `update:<id>` holds "run:<owner>" while handled
 * and "done" after; each instance keeps `instance:<owner>` alive while it runs, so the claim of
 * an instance that died is taken over at once. Give it a client whose keyPrefix is the bot's.
 */
export class RedisUpdateLog implements UpdateLog {
  private readonly me = ownerId();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly redis: Redis) {}

  private async beat(): Promise<void> {
    await this.redis.set(`instance:${this.me}`, "1", "PX", HEARTBEAT_MS * 3);
  }

  async claim(updateId: number): Promise<boolean> {
    if (!this.heartbeat) {
      await this.beat();
      this.heartbeat = setInterval(() => void this.beat().catch(() => undefined), HEARTBEAT_MS).unref();
    }
    const key = `update:${updateId}`;
    const mine = `run:${this.me}`;
    if ((await this.redis.set(key, mine, "PX", CLAIM_LEASE_MS, "NX")) === "OK") return true;
    const value = await this.redis.get(key);
    if (value === null) return (await this.redis.set(key, mine, "PX", CLAIM_LEASE_MS, "NX")) === "OK";
    if (value === "done" || value === mine) return false;
    if ((await this.redis.exists(`instance:${value.slice(4)}`)) === 1) return false;
    // Take over from an instance that died, unless another one just did.
    const taken = await this.redis.eval(
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) else return false end",
      1,
      key,
      value,
      mine,
      CLAIM_LEASE_MS,
    );
    return taken === "OK";
  }

  async complete(updateId: number): Promise<void> {
    await this.redis.set(`update:${updateId}`, "done", "PX", UPDATE_LOG_RETENTION_MS);
  }

  /** Stops the heartbeat (at shutdown). */
  stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}
