// Session storage: SQLite by default, Redis (grammY session over ioredis) for several instances.

import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context, type SessionFlavor, type StorageAdapter, session } from "grammy";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { offlineBotInfo } from "../../src/bot/index.js";
import {
  REDIS_SESSION_PREFIX,
  REDIS_SESSION_TTL_SECONDS,
  redisSessionStorage,
  type SessionData,
  SqliteSessionStorage,
} from "../../src/bot/session.js";
import { openDatabase } from "../../src/db/client.js";
import { connectRedis, REDIS_URL } from "../helpers/redis.js";

const redis = await connectRedis({ keyPrefix: `${REDIS_SESSION_PREFIX}test:${randomUUID()}:` });
afterAll(async () => {
  if (!redis) return;
  const keys = await redis.keys(`${redis.options.keyPrefix}*`);
  if (keys.length) await redis.del(...keys.map((k) => k.slice(redis.options.keyPrefix!.length)));
  await redis.quit();
});

type Ctx = Context & SessionFlavor<SessionData & { count?: number }>;

/** Two messages from one chat at the same moment: neither may overwrite the other's change. */
async function concurrentIncrements(storage: StorageAdapter<SessionData>): Promise<number | undefined> {
  const bot = new Bot<Ctx>("1:test", {
    botInfo: offlineBotInfo("t", "t_bot"),
  });
  const key = (ctx: Context) => String(ctx.chat?.id);
  bot.use(sequentialize(key));
  bot.use(session({ initial: () => ({}), getSessionKey: key, storage }));
  bot.on("message", async (ctx) => {
    const n = ctx.session.count ?? 0;
    await new Promise((r) => setTimeout(r, 20));
    ctx.session.count = n + 1;
  });
  const update = (id: number) => ({
    update_id: id,
    message: {
      message_id: id,
      date: 0,
      chat: { id: 42, type: "private" as const, first_name: "u" },
      from: { id: 42, is_bot: false, first_name: "u" },
      text: "hi",
    },
  });
  await Promise.all([bot.handleUpdate(update(1)), bot.handleUpdate(update(2))]);
  return (await storage.read("42"))?.["count" as keyof SessionData] as number | undefined;
}

async function roundTrip(storage: StorageAdapter<SessionData>) {
  const key = randomUUID();
  expect(await storage.read(key)).toBeUndefined();
  await storage.write(key, { step: "assess", applicationId: 7, question: "A1.2" });
  expect(await storage.read(key)).toEqual({ step: "assess", applicationId: 7, question: "A1.2" });
  await storage.delete(key);
  expect(await storage.read(key)).toBeUndefined();
}

describe("SQLite session storage", () => {
  it("reads back what it wrote, and deletes", async () => {
    await roundTrip(new SqliteSessionStorage(openDatabase(":memory:")));
  });

  it("survives closing and reopening the database file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "ocop-session-")), "s.sqlite");
    const db = openDatabase(file);
    new SqliteSessionStorage(db).write("9", { step: "reg-phone" });
    db.$client.close();
    expect(new SqliteSessionStorage(openDatabase(file)).read("9")).toEqual({ step: "reg-phone" });
  });

  it("shows a session waiting for the next commit to every bot on the database", () => {
    const db = openDatabase(":memory:");
    const setup = new SqliteSessionStorage(db, { holdWrites: true });
    const next = new SqliteSessionStorage(db, { holdWrites: true });
    setup.write("5", { step: "assess", question: "A1.2" });
    expect(next.read("5")).toEqual({ step: "assess", question: "A1.2" });
    next.delete("5");
    expect(setup.read("5")).toBeUndefined();
  });

  it("keeps both of two simultaneous updates from one chat", async () => {
    expect(await concurrentIncrements(new SqliteSessionStorage(openDatabase(":memory:")))).toBe(2);
  });
});

describe.skipIf(!redis)("Redis session storage (grammY session over ioredis)", () => {
  it("reads back what it wrote, and deletes", async () => {
    await roundTrip(redisSessionStorage(redis!));
  });

  it("stores under the key prefix with a time to live", async () => {
    await redisSessionStorage(redis!).write("ttl-check", { step: "assess" });
    const ttl = await redis!.ttl("ttl-check");
    expect(ttl).toBeGreaterThan(REDIS_SESSION_TTL_SECONDS - 60);
    const raw = new Redis(REDIS_URL);
    expect(await raw.exists(`${redis!.options.keyPrefix}ttl-check`)).toBe(1);
    await raw.quit();
  });

  it("keeps both of two simultaneous updates from one chat", async () => {
    expect(await concurrentIncrements(redisSessionStorage(redis!))).toBe(2);
  });
});
