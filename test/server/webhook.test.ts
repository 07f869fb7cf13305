// Webhook mode through HTTP: the real server factory in front of the real bot, which talks to the
// strict fake Bot API. Telegram's side is played by fetch(): the secret header, redeliveries, two
// instances behind one URL.
import { randomBytes, randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { redisSessionStorage } from "../../src/bot/session.js";
import { RedisUpdateLog } from "../../src/bot/update-log.js";
import { commitHeld, type Db } from "../../src/db/client.js";
import { processedUpdates, sessions, users } from "../../src/db/schema.js";
import { databaseAnswers, type HealthChecks, redisAnswers } from "../../src/server/health.js";
import { createServer } from "../../src/server/index.js";
import { useHarness } from "../helpers/bot.js";
import type { FakeUser } from "../helpers/fake-bot-api.js";
import { connectRedis } from "../helpers/redis.js";

const SECRET = randomBytes(24).toString("hex");
const PATH = "/telegram";
const h = useHarness();

const servers: FastifyInstance[] = [];
afterEach(async () => {
  // Before the harness closes the database (after-hooks run last registered first).
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The product's server around `bot`, listening on a free port; returns its address. */
async function serve(bot: Bot<BotContext>, options: { answerWithinMs?: number; health?: HealthChecks } = {}) {
  const app = createServer({
    logger: pino({ level: "silent" }),
    health: options.health ?? { database: databaseAnswers(h.db) },
    telegram: {
      bot,
      path: PATH,
      secretToken: SECRET,
      ...(options.answerWithinMs ? { answerWithinMs: options.answerWithinMs } : {}),
    },
  });
  servers.push(app);
  return { app, url: await app.listen({ host: "127.0.0.1", port: 0 }) };
}

/** Telegram posting an update, with the secret unless told otherwise (null: no secret header). */
function post(url: string, update: Update, secret: string | null = SECRET) {
  return fetch(url + PATH, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(secret === null ? {} : { "x-telegram-bot-api-secret-token": secret }),
    },
    body: JSON.stringify(update),
  });
}

const botMessages = (u: FakeUser) => h.api.callsOf("sendMessage").filter((c) => c.params.chat_id === u.id);
const count = (db: Db, table: typeof users | typeof sessions | typeof processedUpdates) =>
  db.select().from(table).all().length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends of the bot that take `ms` longer (Telegram slow to answer, or the rate limits): the first `times` ones. */
function slowSends(bot: Bot<BotContext>, ms: number, times = 1) {
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (method === "sendMessage" && times-- > 0) await sleep(ms);
    return prev(method, payload, signal);
  });
}

describe("Telegram's webhook", () => {
  it("the right secret: the update is handled and the user gets the answer", async () => {
    const { url } = await serve(h.bot);
    const u = h.api.user({ id: 9101, first_name: "Lan", language_code: "vi" });
    const res = await post(url, u.command("/start"));
    expect(res.status).toBe(200);
    expect(u.chat().last()?.text).toContain("Bạn có đồng ý không?");
    commitHeld(h.db); // the update's done mark rides with the next commit
    expect(count(h.db, processedUpdates)).toBe(1);
  });

  it("no secret or a wrong one: 401, nothing stored, no call to Telegram", async () => {
    const { url } = await serve(h.bot);
    const u = h.api.user({ id: 9102, first_name: "Lan", language_code: "vi" });
    await post(url, u.command("/start"), SECRET); // a user row, so that the next updates would change things
    await post(url, u.press("✅ Đồng ý"), SECRET);
    commitHeld(h.db);
    const before = {
      calls: h.api.calls.length,
      users: count(h.db, users),
      sessions: JSON.stringify(h.db.select().from(sessions).all()),
      updates: count(h.db, processedUpdates),
    };
    const wrongs = [null, "", SECRET.slice(0, -1) + (SECRET.endsWith("a") ? "b" : "a"), `${SECRET}x`, "short"];
    for (const secret of wrongs) {
      const res = await post(url, u.send("Nguyễn Thị Lan"), secret);
      expect([secret, res.status]).toEqual([secret, 401]);
    }
    const fresh = h.api.user({ id: 9103, first_name: "Tư", language_code: "vi" });
    expect((await post(url, fresh.command("/start"), "x".repeat(48))).status).toBe(401);
    await sleep(50);
    commitHeld(h.db);
    expect(h.api.calls.length).toBe(before.calls);
    expect(count(h.db, users)).toBe(before.users);
    expect(JSON.stringify(h.db.select().from(sessions).all())).toBe(before.sessions);
    expect(count(h.db, processedUpdates)).toBe(before.updates);
  });

  it("the same update delivered twice, one after the other or at once: one answer", async () => {
    const { url } = await serve(h.bot);
    const u = h.api.user({ id: 9104, first_name: "Lan", language_code: "vi" });
    const update = u.command("/huongdan");
    expect((await post(url, update)).status).toBe(200);
    expect((await post(url, update)).status).toBe(200);
    const other = u.command("/huongdan");
    const answers = await Promise.all([post(url, other), post(url, other), post(url, other)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    await sleep(100);
    expect(botMessages(u).map((c) => c.params.text)).toHaveLength(2);
    expect(String(botMessages(u)[0]!.params.text)).toContain("Hướng dẫn OCOP");
  });

  it("a slow update is answered in time, goes on, and its redeliveries (while in hand and after) change nothing", async () => {
    const { url } = await serve(h.bot, { answerWithinMs: 200 });
    const u = h.api.user({ id: 9105, first_name: "Lan", language_code: "vi" });
    slowSends(h.bot, 1_000);
    const update = u.command("/huongdan");
    const started = Date.now();
    expect((await post(url, update)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(800); // answered before the reply went out
    expect(botMessages(u)).toHaveLength(0);
    expect((await post(url, update)).status).toBe(200); // Telegram resends while it is in hand
    await h.api.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === u.id, 5_000);
    await sleep(50);
    expect((await post(url, update)).status).toBe(200); // and once more after
    await sleep(100);
    expect(botMessages(u)).toHaveLength(1);
  });

  it("closing the server waits for the updates still being handled", async () => {
    const { app, url } = await serve(h.bot, { answerWithinMs: 100 });
    const u = h.api.user({ id: 9106, first_name: "Lan", language_code: "vi" });
    slowSends(h.bot, 700);
    expect((await post(url, u.command("/huongdan"))).status).toBe(200);
    expect(botMessages(u)).toHaveLength(0);
    await app.close();
    expect(botMessages(u)).toHaveLength(1);
    expect(h.db.select().from(processedUpdates).get()?.doneAt).not.toBeNull();
  });
});

describe("GET /healthz", () => {
  it("200 when the database answers; 503 naming it when it does not; nothing else in the answer", async () => {
    const { url } = await serve(h.bot);
    const ok = await fetch(`${url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok", checks: { database: "ok" } });
    h.db.$client.close();
    const down = await fetch(`${url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable", checks: { database: "unavailable" } });
  });

  it("503 naming Redis when it does not answer", async () => {
    const nowhere = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    const { url } = await serve(h.bot, { health: { database: databaseAnswers(h.db), redis: redisAnswers(nowhere) } });
    const down = await fetch(`${url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable", checks: { database: "ok", redis: "unavailable" } });
    nowhere.disconnect();
  });
});

// Two instances behind one webhook URL: each its own Redis connections and its own connection to
// the SQLite file, as two processes would have.
const prefix = `ocop:test:${randomUUID()}:`;
const redisClients: Redis[] = [];
async function instanceRedis() {
  const sessionsRedis = await connectRedis({ keyPrefix: `${prefix}session:` });
  const updatesRedis = await connectRedis({ keyPrefix: prefix });
  if (!sessionsRedis || !updatesRedis) return undefined;
  redisClients.push(sessionsRedis, updatesRedis);
  return {
    storage: redisSessionStorage(sessionsRedis),
    updateLog: new RedisUpdateLog(updatesRedis),
    health: redisAnswers(sessionsRedis, updatesRedis),
  };
}
const redisAvailable = !!(await connectRedis().then((r) => r?.quit()));
afterAll(async () => {
  const cleaner = await connectRedis();
  if (cleaner) {
    const keys = await cleaner.keys(`${prefix}*`);
    if (keys.length) await cleaner.del(...keys);
    await cleaner.quit();
  }
  await Promise.all(redisClients.map((r) => r.quit()));
});

describe.skipIf(!redisAvailable)("two instances sharing Redis and the database", () => {
  it("share the conversation, handle an update delivered to both once, and both report Redis healthy", async () => {
    const a = (await instanceRedis())!;
    const b = (await instanceRedis())!;
    const first = h.sibling({ storage: a.storage, updateLog: a.updateLog });
    const second = h.sibling({ storage: b.storage, updateLog: b.updateLog });
    try {
      const one = await serve(first.bot, { health: { database: databaseAnswers(h.db), redis: a.health } });
      const two = await serve(second.bot, { health: { database: databaseAnswers(h.db), redis: b.health } });
      const u = h.api.user({ id: 9107, first_name: "Lan", language_code: "vi" });

      // The same update reaching both instances at once, then again one after the other.
      const start = u.command("/start");
      await Promise.all([post(one.url, start), post(two.url, start)]);
      await post(two.url, start);
      await sleep(100);
      expect(botMessages(u).filter((c) => String(c.params.text).includes("Bạn có đồng ý không?"))).toHaveLength(1);

      // One conversation whichever instance gets each update: the session lives in Redis.
      await post(two.url, u.press("✅ Đồng ý"));
      expect(u.chat().last()?.text).toContain("họ và tên");
      await post(one.url, u.send("Nguyễn Thị Lan"));
      expect(u.chat().last()?.text).toContain("điện thoại");
      // A phone number delivered to both at once, and again: one answer (the next question).
      const answered = botMessages(u).length;
      const phone = u.send("0912345678");
      await Promise.all([post(one.url, phone), post(two.url, phone)]);
      await post(one.url, phone);
      await sleep(100);
      const texts = botMessages(u)
        .slice(answered)
        .map((c) => String(c.params.text));
      expect(texts).toHaveLength(2);
      expect(texts[0]).toContain("Đã lưu số 0912345678");
      expect(texts[1]).toContain("hình thức");

      for (const { url } of [one, two]) {
        const health = await fetch(`${url}/healthz`);
        expect(await health.json()).toEqual({ status: "ok", checks: { database: "ok", redis: "ok" } });
      }
    } finally {
      a.updateLog.stop();
      b.updateLog.stop();
      await Promise.all(servers.splice(0).map((s) => s.close()));
      first.close();
      second.close();
    }
  });
});
