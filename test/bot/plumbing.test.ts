// The plumbing at the level where each rule lives: phone numbers, names, pseudonyms, the update
// log, the sending limits, Telegram's refusals, and splitting long messages.
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { chunkLines, escapeHtml } from "../../src/bot/html.js";
import { pseudonym } from "../../src/bot/pseudonym.js";
import { createRateLimiter } from "../../src/bot/rate-limiter.js";
import { sendPriority, telegramRefusals, throttle } from "../../src/bot/telegram-api.js";
import { RedisUpdateLog, SqliteUpdateLog, UPDATE_LOG_RETENTION_MS } from "../../src/bot/update-log.js";
import { atomically, commitHeld, openDatabase } from "../../src/db/client.js";
import { processedUpdates } from "../../src/db/schema.js";
import { improvementPlan, planTargets } from "../../src/domain/plan.js";
import { score } from "../../src/domain/scoring.js";
import { getI18n, translator } from "../../src/i18n.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { loadSecretKey } from "../../src/secret-key.js";
import { normaliseFullName, normaliseOrganisationName, normalisePhone } from "../../src/services/people.js";
import { scoreReport } from "../../src/views/rubric-text.js";
import { connectRedis } from "../helpers/redis.js";
import { bestOption } from "../helpers/rubric.js";

const redis = await connectRedis({ keyPrefix: `ocop:test:${randomUUID()}:` });
afterAll(async () => {
  if (!redis) return;
  const keys = await redis.keys(`${redis.options.keyPrefix}*`);
  if (keys.length) await redis.del(...keys.map((k) => k.slice(redis.options.keyPrefix!.length)));
  await redis.quit();
});

describe("phone numbers in every form people type them", () => {
  it.each([
    ["0084 912 345 678", "0912345678"],
    ["0912 345 678", "0912345678"],
    ["+84 (0) 912 345 678", "0912345678"],
    ["84912345678", "0912345678"],
    ["091-234-5678", "0912345678"],
    ["０９１２３４５６７８", "0912345678"],
    ["+84 3 9876 5432", "0398765432"],
  ])("%j is the mobile %s", (typed, stored) => {
    expect(normalisePhone(typed)).toBe(stored);
  });

  it.each([
    ["028 3822 1234"],
    ["0123456789"],
    ["+1 415 555 0123"],
    ["12345"],
    ["số của tôi"],
    ["+84 912 345 678x"],
    ["0912 345 678 ext 2"],
    ["0912345678 (nhà)"],
  ])("%j is refused (landline, invalid, foreign, or with words the parser would drop)", (typed) => {
    expect(normalisePhone(typed)).toBeUndefined();
  });
});

describe("names are NFC and counted in characters", () => {
  it("an NFD name is the same as its NFC twin", () => {
    const name = "Hợp tác xã Nông nghiệp Tân Hòa";
    expect(normaliseOrganisationName(name.normalize("NFD"))).toBe(name);
    expect(normaliseFullName("  Nguyễn   Thị Lan ".normalize("NFD"))).toBe("Nguyễn Thị Lan");
    const long = "Ă".repeat(120);
    expect(normaliseOrganisationName(long.normalize("NFD"))).toBe(long);
    expect(normaliseOrganisationName(`${long}A`)).toBeUndefined();
  });
});

describe("log pseudonyms", () => {
  it("are keyed (not the sha256 of the id), stable with the key kept in the data folder, different under another key", () => {
    const dir = mkdtempSync(join(tmpdir(), "ocop-key-"));
    const key = loadSecretKey(join(dir, "log-key"));
    expect(statSync(join(dir, "log-key")).mode & 0o777).toBe(0o600);
    expect(loadSecretKey(join(dir, "log-key")).equals(key)).toBe(true);
    const p = pseudonym(key, 123456789)!;
    expect(p).toMatch(/^[0-9a-f]{12}$/);
    expect(createHash("sha256").update("ocop:123456789").digest("hex")).not.toContain(p);
    expect(pseudonym(loadSecretKey(join(dir, "other-key")), 123456789)).not.toBe(p);
  });
});

describe("the log of processed updates", () => {
  it("SQLite: claims once, refuses a repeat while in hand or done, takes over the claim of a process gone", () => {
    const db = openDatabase(":memory:");
    const log = new SqliteUpdateLog(db);
    expect(log.claim(1)).toBe(true);
    expect(log.claim(1)).toBe(false); // in hand here
    atomically(db, () => undefined); // the update's answer: its "done" mark is committed with it
    expect(new SqliteUpdateLog(db).claim(1)).toBe(false); // what it saved is not done twice after a restart
    log.complete(1);
    expect(log.claim(1)).toBe(false); // done
    expect(log.claim(2)).toBe(true);
    log.complete(2);
    // Update 2 wrote nothing and the bot dies before the next commit: the restarted bot may handle it.
    const restarted = new SqliteUpdateLog(db);
    expect(restarted.claim(2)).toBe(true);
    restarted.complete(2);
    commitHeld(db);
    expect(new SqliteUpdateLog(db).claim(2)).toBe(false);
    // Updates come numbered in order; an older id is looked up.
    expect(new SqliteUpdateLog(db).claim(0)).toBe(true);
  });

  it("SQLite: forgets updates older than two days, the oldest first, at most 1,000 at a time", () => {
    const db = openDatabase(":memory:");
    const now = Date.now();
    const row = (updateId: number, age: number) => ({
      updateId,
      owner: "gone",
      claimedAt: now - age,
      doneAt: now - age,
    });
    const old = Array.from({ length: 1500 }, (_, i) => row(i + 1, UPDATE_LOG_RETENTION_MS + 3_600_000));
    const recent = Array.from({ length: 10 }, (_, i) => row(2000 + i, 3_600_000));
    for (const rows of [old.slice(0, 750), old.slice(750), recent]) db.insert(processedUpdates).values(rows).run();
    const ages = () =>
      db
        .select()
        .from(processedUpdates)
        .all()
        .map((r) => now - r.claimedAt);
    const log = new SqliteUpdateLog(db);
    const handle = (updateId: number) => {
      log.claim(updateId);
      log.complete(updateId);
    };
    handle(3000);
    expect(ages()).toHaveLength(510);
    for (let id = 3001; id <= 3500; id++) handle(id);
    commitHeld(db);
    expect(ages()).toHaveLength(511); // the 10 recent ones and the 501 just handled
    expect(ages().every((age) => age < UPDATE_LOG_RETENTION_MS)).toBe(true);
    expect(log.claim(2005)).toBe(false); // a recent update is still known as done
  });

  it.skipIf(!redis)("Redis: the same across instances; a dead instance's claim is taken over", async () => {
    const a = new RedisUpdateLog(redis!);
    const b = new RedisUpdateLog(redis!);
    expect(await a.claim(7)).toBe(true);
    expect(await b.claim(7)).toBe(false); // in hand in instance a, which is alive
    await a.complete(7);
    expect(await b.claim(7)).toBe(false);
    expect(await a.claim(8)).toBe(true);
    a.stop();
    await redis!.del(
      ...(await redis!.keys(`${redis!.options.keyPrefix}instance:*`)).map((k) =>
        k.slice(redis!.options.keyPrefix!.length),
      ),
    );
    expect(await b.claim(8)).toBe(true); // a is gone: b handles it
    b.stop();
  });
});

describe("sending limits", () => {
  it("never lets more than `count` sends hold slots per window, serves waiters in order, and pauses a chat after 429", async () => {
    const limiter = createRateLimiter({ global: { count: 3, windowMs: 50 }, perChat: { count: 2, windowMs: 50 } });
    const order: string[] = [];
    const send = async (name: string, chat: number) => {
      const release = await limiter.acquire(chat);
      order.push(name);
      release();
    };
    await Promise.all([send("a1", 1), send("a2", 1), send("a3", 1), send("b1", 2), send("b2", 2)]);
    expect(order.slice(0, 3)).toEqual(["a1", "a2", "b1"]);
    expect(order).toHaveLength(5);
    limiter.pause(1, 60);
    const paused = Date.now();
    await send("a4", 1);
    expect(Date.now() - paused).toBeGreaterThanOrEqual(55);
  });

  it("a wait is abandoned when its request is aborted", async () => {
    const limiter = createRateLimiter({
      global: { count: 1, windowMs: 60_000 },
      perChat: { count: 1, windowMs: 60_000 },
    });
    (await limiter.acquire(1))();
    const controller = new AbortController();
    const waiting = limiter.acquire(1, controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    expect(limiter.waiting()).toBe(0);
  });
  // One slot per window: each grant is recorded and released at once, so the order of the grants
  // is the order of the queue, whatever the timers.
  const oneAtATime = { global: { count: 1, windowMs: 5 }, perChat: { count: 10, windowMs: 5 } };

  it("under a queue, a new message queued after a tidy-up edit of the same chat goes first", async () => {
    const limiter = createRateLimiter(oneAtATime);
    const order: string[] = [];
    const send = async (name: string, chat: number, priority?: "tidy") => {
      const release = await limiter.acquire(chat, undefined, priority);
      order.push(name);
      release();
    };
    const busy = await limiter.acquire(9);
    const sends = [send("edit 1", 1, "tidy"), send("edit 2", 2, "tidy"), send("question 1", 1), send("question 2", 2)];
    busy();
    await Promise.all(sends);
    expect(order).toEqual(["question 1", "question 2", "edit 1", "edit 2"]);
  });

  it("a tidy-up edit is not starved: once it has waited tidyMaxWaitMs it goes in arrival order", async () => {
    let clock = 0;
    const limiter = createRateLimiter(oneAtATime, () => clock, { tidyMaxWaitMs: 1000 });
    const order: string[] = [];
    const sends: Promise<void>[] = [];
    const send = (name: string, priority?: "tidy", then?: () => void) =>
      sends.push(
        limiter.acquire(1, undefined, priority).then((release) => {
          order.push(name);
          then?.();
          release();
        }),
      );
    const busy = await limiter.acquire(9);
    send("edit", "tidy");
    // New messages keep coming; one second after the edit queued, it is next in arrival order.
    send("question 1", undefined, () => {
      clock = 1000;
      send("question 3");
    });
    send("question 2");
    busy();
    while (order.length < 4) await Promise.all(sends);
    expect(order).toEqual(["question 1", "edit", "question 2", "question 3"]);
  });

  it("edits that only tidy (no buttons left) are tidy; new messages and edits bringing buttons are replies", async () => {
    const keyboard = { inline_keyboard: [[{ text: "1", callback_data: "x" }]] };
    expect(sendPriority("editMessageText", { chat_id: 1, message_id: 2, text: "A1 → 5đ" })).toBe("tidy");
    expect(sendPriority("editMessageReplyMarkup", { chat_id: 1, message_id: 2 })).toBe("tidy");
    expect(sendPriority("editMessageReplyMarkup", { reply_markup: { inline_keyboard: [] } })).toBe("tidy");
    expect(sendPriority("editMessageText", { text: "menu", reply_markup: keyboard })).toBe("reply");
    expect(sendPriority("sendMessage", { chat_id: 1, text: "Câu 7/32" })).toBe("reply");
    const asked: (string | undefined)[] = [];
    const limiter = {
      acquire: async (_chat: unknown, _signal: unknown, priority?: string) => {
        asked.push(priority);
        return () => undefined;
      },
      pause: () => undefined,
      waiting: () => 0,
    };
    const prev = async () => ({ ok: true as const, result: true });
    await throttle(limiter)(prev as never, "editMessageText", { chat_id: 1, message_id: 2, text: "x" } as never);
    await throttle(limiter)(prev as never, "sendMessage", { chat_id: 1, text: "x" } as never);
    expect(asked).toEqual(["tidy", "reply"]);
  });
});

describe("Telegram's refusals that are not faults", () => {
  const refusals = telegramRefusals(pino({ level: "silent" }));
  const failing = (description: string) => async (method: string, payload: unknown) =>
    method === "sendMessage"
      ? { ok: true as const, result: { message_id: 9, payload } }
      : { ok: false as const, error_code: 400, description };
  const call = (description: string, method: string, payload: Record<string, unknown>) =>
    refusals(failing(description) as never, method as never, payload as never, undefined);

  it("an identical edit is success", async () => {
    expect(
      await call("Bad Request: message is not modified: specified new message content…", "editMessageText", {
        chat_id: 1,
        message_id: 2,
        text: "x",
      }),
    ).toEqual({ ok: true, result: true });
  });
  it("a late answer to a button is success", async () => {
    expect(
      (
        await call(
          "Bad Request: query is too old and response timeout expired or query ID is invalid",
          "answerCallbackQuery",
          { callback_query_id: "1" },
        )
      ).ok,
    ).toBe(true);
  });
  it("buttons of a message that is gone are gone; its new text is sent as a new message", async () => {
    expect(
      (await call("Bad Request: message to edit not found", "editMessageReplyMarkup", { chat_id: 1, message_id: 2 }))
        .ok,
    ).toBe(true);
    const sent = (await call("Bad Request: message to edit not found", "editMessageText", {
      chat_id: 1,
      message_id: 2,
      text: "A1.1 → 5đ",
      parse_mode: "HTML",
    })) as { result: { payload: unknown } };
    expect(sent.result.payload).toEqual({ chat_id: 1, text: "A1.1 → 5đ", parse_mode: "HTML" });
  });
  it("other refusals stay errors", async () => {
    expect((await call("Bad Request: can't parse entities", "sendMessage", {})).ok).toBe(true); // sendMessage itself is not refused here
    expect(
      (await call("Bad Request: chat not found", "editMessageText", { chat_id: 1, message_id: 2, text: "x" })).ok,
    ).toBe(false);
  });
});

describe("messages that grow with data are split below 4,096 characters", () => {
  const catalog = loadCatalog().value!;
  const t = translator(getI18n());

  it("the result of every sheet, empty or full, fits in messages split between lines", () => {
    let split = 0;
    for (const sheet of catalog.sheets) {
      for (const answers of [{}, Object.fromEntries(sheet.criteria.map((c) => [c.id, bestOption(c).id]))]) {
        const result = score(sheet, answers, {});
        const plans = planTargets(result).map((target) => improvementPlan(sheet, answers, target, {}));
        const lines = escapeHtml(scoreReport(t, sheet, result, plans)).split("\n");
        const chunks = chunkLines(lines);
        if (chunks.length > 1) split++;
        expect(chunks.every((c) => c.length < 4096)).toBe(true);
        expect(chunks.join("\n")).toBe(lines.join("\n"));
      }
    }
    expect(split).toBeGreaterThan(0);
  });

  it("never ends a message with a heading: the heading goes on with its entries", () => {
    const entries = Array.from({ length: 6 }, (_, i) => `• ${i}: ${"x".repeat(20)}`);
    const lines = ["Mật ong hoa tràm", "y".repeat(50), "<b>Lịch sử:</b>", ...entries];
    const chunks = chunkLines(lines, 100);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c).not.toMatch(/:(<\/b>)?$/);
    expect(chunks.find((c) => c.includes("Lịch sử:"))).toContain("• 0:");
    expect(chunks.join("\n")).toBe(lines.join("\n"));
  });

  it("a line too long alone is cut without breaking a tag or an entity", () => {
    const [chunk] = chunkLines([`<b>x</b> ${"a&amp;".repeat(1000)}`], 100);
    expect(chunk!.length).toBeLessThanOrEqual(100);
    expect(chunk).toMatch(/(a|&amp;)…$/);
  });
});
