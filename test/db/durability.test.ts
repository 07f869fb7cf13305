// Every change is flushed to disk with its commit (synchronous=FULL), but a self-assessment's
// answers: committed before the reply, they are flushed together within FLUSH_WITHIN_MS. Sessions
// and the update log, which can be rebuilt or redone, ride along with the next commit instead of
// costing one each.
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SqliteSessionStorage } from "../../src/bot/session.js";
import { SqliteUpdateLog } from "../../src/bot/update-log.js";
import {
  atomically,
  awaitingFlush,
  commitHeld,
  type Db,
  FLUSH_WITHIN_MS,
  HELD_WRITE_MS,
  openDatabase,
  withoutFlush,
} from "../../src/db/client.js";
import { applications, processedUpdates, sessions } from "../../src/db/schema.js";
import { loadAssessment } from "../../src/services/assessment.js";
import { createServices } from "../../src/services/index.js";
import { CAI_NUOC, catalog, world } from "../helpers/world.js";

/** The files flushed to disk (fdatasync), by their real path. */
const flushed = vi.hoisted((): string[] => []);
const refuseNextFlush = vi.hoisted(() => ({ now: false }));
vi.mock("node:fs", async (original) => {
  const real = await original<typeof import("node:fs")>();
  return {
    ...real,
    fdatasyncSync(fd: number) {
      if (refuseNextFlush.now) {
        refuseNextFlush.now = false;
        throw Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" });
      }
      flushed.push(real.readlinkSync(`/proc/self/fd/${fd}`));
      real.fdatasyncSync(fd);
    },
  };
});
const directories: string[] = [];
afterEach(() => {
  flushed.length = 0;
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

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

describe("answers flushed to disk together", () => {
  const newDirectory = () => {
    const dir = mkdtempSync(join(tmpdir(), "ocop-flush-"));
    directories.push(dir);
    return dir;
  };
  const fileDatabase = (options?: Parameters<typeof openDatabase>[1]) =>
    openDatabase(join(newDirectory(), "db.sqlite"), options);
  const level = (db: Db) => db.$client.pragma("synchronous", { simple: true });
  const marks = (db: Db) => db.select().from(processedUpdates).all().length;
  const mark = (db: Db, id: number) =>
    db.insert(processedUpdates).values({ updateId: id, owner: "t", claimedAt: 0 }).run();
  const afterTheWindow = () => new Promise((r) => setTimeout(r, FLUSH_WITHIN_MS * 2));

  it("commits an answer at once and flushes its log within FLUSH_WITHIN_MS, with every commit before it", async () => {
    // Opened through a symbolic link to the file: SQLite keeps its log beside the real file.
    const real = join(realpathSync(newDirectory()), "db.sqlite");
    openDatabase(real).$client.close();
    const link = join(newDirectory(), "db.sqlite");
    symlinkSync(real, link);
    const db = openDatabase(link);
    const wal = `${real}-wal`;
    const seen: unknown[] = [];
    atomically(
      db,
      () => {
        seen.push(level(db));
        mark(db, 1);
      },
      "soon",
    );
    expect(seen).toEqual([NORMAL]);
    expect(level(db)).toBe(FULL);
    const other = openDatabase(real);
    expect(marks(other), "committed: another connection sees it").toBe(1);
    expect(awaitingFlush(db)).toBe(true);
    expect(flushed).toEqual([]);

    atomically(db, () => mark(db, 2), "soon"); // a second answer shares the flush
    await afterTheWindow();
    expect(awaitingFlush(db)).toBe(false);
    expect(flushed).toEqual([wal, dirname(wal)]); // the first time, the log's directory too

    atomically(db, () => mark(db, 3), "soon");
    await afterTheWindow();
    expect(flushed).toEqual([wal, dirname(wal), wal]);
    other.$client.close();
    db.$client.close();
  });

  it("flushes every other commit with itself, and waiting answers at once at shutdown", () => {
    const db = fileDatabase();
    const seen: unknown[] = [];
    atomically(db, () => seen.push(level(db)));
    db.transaction(() => seen.push(level(db)));
    expect(seen).toEqual([FULL, FULL]);
    expect(awaitingFlush(db)).toBe(false);

    atomically(db, () => mark(db, 1), "soon");
    commitHeld(db); // at shutdown
    expect(awaitingFlush(db)).toBe(false);
    expect(flushed).toHaveLength(2);
    db.$client.close();
  });

  it("makes an answer inside a transaction part of it, flushed with its commit", () => {
    const db = fileDatabase();
    const seen: unknown[] = [];
    db.transaction(() =>
      atomically(
        db,
        () => {
          seen.push(level(db));
          mark(db, 1);
        },
        "soon",
      ),
    );
    expect(seen).toEqual([FULL]);
    expect(marks(db)).toBe(1);
    expect(awaitingFlush(db)).toBe(false);
    db.$client.close();
  });

  it("flushes each answer with its commit once the disk refused a flush, so that the next failure is told", async () => {
    const db = fileDatabase();
    refuseNextFlush.now = true;
    atomically(db, () => mark(db, 1), "soon");
    await afterTheWindow();
    expect(awaitingFlush(db)).toBe(false);
    const seen: unknown[] = [];
    atomically(
      db,
      () => {
        seen.push(level(db));
        mark(db, 2);
      },
      "soon",
    );
    expect(seen).toEqual([FULL]);
    expect(awaitingFlush(db)).toBe(false);
    db.$client.close();
  });

  it("flushes each answer with its commit on a database opened with flushWithinMs 0, or in memory", () => {
    for (const db of [fileDatabase({ flushWithinMs: 0 }), openDatabase(":memory:")]) {
      const seen: unknown[] = [];
      atomically(db, () => seen.push(level(db)), "soon");
      expect(seen).toEqual([FULL]);
      expect(awaitingFlush(db)).toBe(false);
      db.$client.close();
    }
  });

  it("saves a self-assessment's answers, the completing one too, for a flush within FLUSH_WITHIN_MS", async () => {
    const db = fileDatabase();
    const w = world(db);
    const services = createServices(w.coreDeps());
    const owner = w.producer(101, CAI_NUOC);
    const appId = w.draft(owner, "Mật ong hoa nhãn");
    const order = loadAssessment(db, catalog, appId)!.order;
    w.answer(appId, owner.user.id, order.length - 1);
    expect(awaitingFlush(db)).toBe(true);
    await afterTheWindow();
    expect(awaitingFlush(db)).toBe(false);

    const a = loadAssessment(db, catalog, appId)!;
    const last = order.find((k) => !(k in a.answers) && !k.startsWith("dq:"))!;
    const option = a.criteria.find((c) => c.id === last)!.options[0]!;
    expect(services.assessment.answer(owner.user.id, appId, last, option.id)).toMatchObject({ completed: true });
    expect(db.select().from(applications).get()!.state).toBe("completed");
    expect(awaitingFlush(db)).toBe(true);
    commitHeld(db);
    db.$client.close();
  });
});
