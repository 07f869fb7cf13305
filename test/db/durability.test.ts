// Every answer is flushed to disk before the reply (synchronous=FULL); sessions and the update log,
// which can be rebuilt, ride along with the next flush instead of costing one each.
import { describe, expect, it } from "vitest";
import { SqliteSessionStorage } from "../../src/bot/session.js";
import { SqliteUpdateLog } from "../../src/bot/update-log.js";
import { openDatabase, withoutFlush } from "../../src/db/client.js";

const FULL = 2;
const NORMAL = 1;

describe("flushes to disk", () => {
  it("writes sessions and the update log without a flush, and leaves every other commit flushed", () => {
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

    new SqliteSessionStorage(db).write("7", { step: "assess" });
    const log = new SqliteUpdateLog(db);
    expect(log.claim(1)).toBe(true);
    log.complete(1);
    expect(level()).toBe(FULL);
    db.$client.close();
  });
});
