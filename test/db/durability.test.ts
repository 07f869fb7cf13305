// Every answer is flushed to disk before the reply (synchronous=FULL); sessions and the update log,
// which can be rebuilt or redone, ride along with the next commit instead of costing one each.
import { describe, expect, it } from "vitest";
import { SqliteSessionStorage } from "../../src/bot/session.js";
import { SqliteUpdateLog } from "../../src/bot/update-log.js";
import { atomically, commitHeld, HELD_WRITE_MS, openDatabase, withoutFlush } from "../../src/db/client.js";
import { processedUpdates, sessions } from "../../src/db/schema.js";

const FULL = 2;
const NORMAL = 1;

describe("flushes to disk", () => {
  it("commits without a flush only what withoutFlush runs, and leaves every other commit flushed", () => {
    const db = openDatabase(":memory:");
    const level = () => db.$client.pragma("synchronous", { simple: true });
    expect(level()).toBe(FULL);
    const seen: unknown[] = [];
    expect(withoutFlush(db, () => seen.push(level()))).toBe(1);
    expect(() =>
      withoutFlush(db, () => {
        throw new Error("write failed");
      }),
    ).toThrow("write failed");
    expect([...seen, level()]).toEqual([NORMAL, FULL]);
    db.$client.close();
  });

  it("leaves a connection set not to flush every commit as it was", () => {
    const db = openDatabase(":memory:");
    const level = () => db.$client.pragma("synchronous", { simple: true });
    for (const own of [NORMAL, 0]) {
      db.$client.pragma(`synchronous = ${own}`);
      const seen: unknown[] = [];
      withoutFlush(db, () => seen.push(level()));
      expect([...seen, level()]).toEqual([own, own]);
    }
    db.$client.close();
  });

  it("holds a session and an update's done mark until the next commit, which carries them", () => {
    const db = openDatabase(":memory:");
    const storage = new SqliteSessionStorage(db, { holdWrites: true });
    const log = new SqliteUpdateLog(db);
    const rows = () => ({
      sessions: db.select().from(sessions).all().length,
      done: db.select().from(processedUpdates).all().length,
    });
    expect(log.claim(1)).toBe(true);
    storage.write("7", { step: "assess" });
    expect(rows()).toEqual({ sessions: 0, done: 0 });
    expect(storage.read("7")).toEqual({ step: "assess" }); // reads see it meanwhile

    atomically(db, () => undefined); // an answer's transaction
    expect(rows()).toEqual({ sessions: 1, done: 1 });

    // The same session written again, then deleted, before any commit: the last one counts.
    storage.write("7", { step: "evidence" });
    storage.delete("7");
    expect(storage.read("7")).toBeUndefined();
    db.transaction(() => undefined); // any other transaction carries them too
    expect(rows()).toEqual({ sessions: 0, done: 1 });
    expect(new SqliteSessionStorage(db).read("7")).toBeUndefined();
    db.$client.close();
  });

  it("commits held writes alone, without a flush, when no other commit comes in time", async () => {
    const db = openDatabase(":memory:");
    const storage = new SqliteSessionStorage(db, { holdWrites: true });
    storage.write("8", { step: "reg-name" });
    await new Promise((r) => setTimeout(r, HELD_WRITE_MS * 2));
    expect(new SqliteSessionStorage(db).read("8")).toEqual({ step: "reg-name" });
    expect(db.$client.pragma("synchronous", { simple: true })).toBe(FULL);

    storage.write("8", { step: "reg-phone" });
    commitHeld(db); // at shutdown
    expect(new SqliteSessionStorage(db).read("8")).toEqual({ step: "reg-phone" });
    db.$client.close();
    commitHeld(db); // closed: nothing to do, no error
  });
});
