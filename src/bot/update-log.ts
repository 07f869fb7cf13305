// Each Telegram update is processed once, although Telegram redelivers (a webhook answered late, a
// restart before the offset was confirmed, a second poller taking over) and grammY does not
// deduplicate. The log lives in the database (SQLite, the default) or in Redis (REDIS_URL), so it
// holds across restarts and instances; long polling and a webhook can share the same middleware.
//
// An update is claimed before it is handled and marked done after. A duplicate arriving while it
// is being handled (here or in another instance) is skipped; one arriving after a crash in the
// middle is handled again: the claim of a process that is gone does not count.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { and, eq, isNotNull, lt, sql } from "drizzle-orm";
import type { Redis } from "ioredis";
import { type Db, withoutFlush } from "../db/client.js";
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

/** Whether the process that wrote `owner` on this machine still runs (and is not an earlier bot of this one). */
function ownerAlive(owner: string): boolean {
  const [host, pid] = owner.split("/");
  if (host !== hostname()) return true; // another machine: only the lease can tell
  if (Number(pid) === process.pid) return false; // an earlier incarnation in this process
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class SqliteUpdateLog implements UpdateLog {
  private readonly me = ownerId();
  private claims = 0;
  private readonly insert;
  private readonly find;
  private readonly finish;

  constructor(private readonly db: Db) {
    const u = processedUpdates;
    this.insert = db
      .insert(u)
      .values({ updateId: sql.placeholder("id"), owner: sql.placeholder("owner"), claimedAt: sql.placeholder("at") })
      .onConflictDoNothing()
      .prepare();
    this.find = db
      .select()
      .from(u)
      .where(eq(u.updateId, sql.placeholder("id")))
      .prepare();
    this.finish = db
      .update(u)
      .set({ doneAt: sql`${sql.placeholder("at")}` })
      .where(eq(u.updateId, sql.placeholder("id")))
      .prepare();
  }

  claim(updateId: number): boolean {
    const now = Date.now();
    const u = processedUpdates;
    if (++this.claims % 500 === 1)
      this.db
        .delete(u)
        .where(and(isNotNull(u.doneAt), lt(u.claimedAt, now - UPDATE_LOG_RETENTION_MS)))
        .run();
    // The common case, a new update: one write, flushed with the answer it leads to (a claim lost
    // with the power only means the update is handled again, and answers are idempotent).
    if (withoutFlush(this.db, () => this.insert.run({ id: updateId, owner: this.me, at: now })).changes === 1)
      return true;
    return this.db.transaction((tx) => {
      const row = this.find.get({ id: updateId });
      if (!row || row.doneAt !== null || row.owner === this.me) return false;
      if (ownerAlive(row.owner) && now - row.claimedAt < CLAIM_LEASE_MS) return false;
      tx.update(u).set({ owner: this.me, claimedAt: now }).where(eq(u.updateId, updateId)).run();
      return true;
    });
  }

  complete(updateId: number): void {
    withoutFlush(this.db, () => this.finish.run({ id: updateId, at: Date.now() }));
  }
}

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
