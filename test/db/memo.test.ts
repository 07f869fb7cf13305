// What the hot path remembers is forgotten as soon as the database changes: through another
// connection (`npm run admin`, another process), or through any write of this one that does not
// keep it true itself.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { atomically, openDatabase } from "../../src/db/client.js";
import { OTHERS_SEEN_MS, remember, remembered } from "../../src/db/memo.js";
import { users } from "../../src/db/schema.js";

function twoConnections() {
  const path = join(mkdtempSync(join(tmpdir(), "ocop-memo-")), "db.sqlite");
  return [openDatabase(path), openDatabase(path)] as const;
}

/** A user's name as the memo gives it. */
const nameOf = (db: ReturnType<typeof openDatabase>, id: number) =>
  remembered(db, "name", id, () => db.select().from(users).where(eq(users.id, id)).get()?.fullName);

describe("remembered reads", () => {
  it("reads once while nothing changes, and again after another connection's commit", async () => {
    const [db, admin] = twoConnections();
    const { id } = db.insert(users).values({ fullName: "An" }).returning().get();
    let loads = 0;
    const counted = () => remembered(db, "count", id, () => ++loads);
    expect([counted(), counted()]).toEqual([1, 1]);
    expect(nameOf(db, id)).toBe("An");

    admin.update(users).set({ fullName: "Bình" }).where(eq(users.id, id)).run();
    await new Promise((r) => setTimeout(r, OTHERS_SEEN_MS + 1)); // seen within this time
    expect(nameOf(db, id)).toBe("Bình");
    expect(counted()).toBe(2);
  });

  it("forgets after this connection's own writes, even rolled back", () => {
    const [db] = twoConnections();
    const { id } = db.insert(users).values({ fullName: "An" }).returning().get();
    expect(nameOf(db, id)).toBe("An");
    db.update(users).set({ fullName: "Bình" }).where(eq(users.id, id)).run();
    expect(nameOf(db, id)).toBe("Bình");

    expect(() =>
      atomically(db, () => {
        db.update(users).set({ fullName: "Chi" }).where(eq(users.id, id)).run();
        remember(db, "name", id, "Chi");
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    expect(nameOf(db, id)).toBe("Bình");
  });

  it("keeps what a write under atomically remembers itself", () => {
    const [db] = twoConnections();
    const { id } = db.insert(users).values({ fullName: "An" }).returning().get();
    let loads = 0;
    const counted = () => remembered(db, "count", id, () => ++loads);
    expect(counted()).toBe(1);
    atomically(db, () => {
      db.update(users).set({ fullName: "Dũng" }).where(eq(users.id, id)).run();
      remember(db, "name", id, "Dũng");
    });
    expect(nameOf(db, id)).toBe("Dũng");
    expect(counted()).toBe(1); // not read again: the write kept what is remembered true
  });

  it("reads through inside a transaction, where what it reads may still be rolled back", () => {
    const [db] = twoConnections();
    const { id } = db.insert(users).values({ fullName: "An" }).returning().get();
    expect(() =>
      db.transaction((tx) => {
        tx.update(users).set({ fullName: "Giang" }).where(eq(users.id, id)).run();
        expect(nameOf(db, id)).toBe("Giang");
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    expect(nameOf(db, id)).toBe("An");
  });
});
