// The notification dispatcher against the strict fake Bot API, over real HTTP, on a real SQLite
// database with the real migrations.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { autoRetry } from "@grammyjs/auto-retry";
import { eq } from "drizzle-orm";
import { Api } from "grammy";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDispatcher, type Dispatcher, type DispatcherOptions } from "../../src/bot/notifications/dispatcher.js";
import { renderNotification, type TelegramMessageNotice } from "../../src/bot/notifications/render.js";
import { type Db, openDatabase } from "../../src/db/client.js";
import { outbox } from "../../src/db/schema.js";
import { adminUnits } from "../../src/geo/communes.js";
import { getI18n } from "../../src/i18n.js";
import { notificationsService } from "../../src/services/notifications.js";
import { enqueueNotifications } from "../../src/services/outbox.js";
import { type FakeBotApi, type FakeUser, startFakeBotApi } from "../helpers/fake-bot-api.js";

let fake: FakeBotApi;
let db: Db;
let logLines: string[];
const dispatchers: Dispatcher[] = [];
const databases: Db[] = [];

beforeEach(async () => {
  fake = await startFakeBotApi();
  db = track(openDatabase(":memory:"));
  logLines = [];
});

afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.stop()));
  for (const d of databases.splice(0)) if (d.$client.open) d.$client.close();
  await fake.stop();
});

function track(d: Db): Db {
  databases.push(d);
  return d;
}

/** Time that tests move forward by hand; it never runs behind the real clock (SQLite's defaults). */
function testClock() {
  let skew = 0;
  return {
    now: () => Date.now() + skew,
    sleep: async (ms: number) => {
      skew += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
    advance(ms: number) {
      skew += Math.max(0, ms);
    },
  };
}
type TestClock = ReturnType<typeof testClock>;

function dispatcher(options: Partial<DispatcherOptions> = {}, database: Db = db): Dispatcher {
  const logger = pino({ level: "debug" }, { write: (line: string) => void logLines.push(line) });
  const render = (row: Parameters<DispatcherOptions["render"]>[0]) =>
    renderNotification({ notifications: notificationsService({ db: database }), i18n, adminUnits: units }, row);
  const d = createDispatcher({
    db: database,
    api: new Api(fake.token, { apiRoot: fake.url }),
    logger,
    render,
    ...options,
  });
  dispatchers.push(d);
  return d;
}

function started(id: number, name = `User ${id}`): FakeUser {
  const u = fake.user({ id, first_name: name });
  u.send("hi");
  return u;
}

const i18n = getI18n();
const units = adminUnits();

/** A message as it is sent; queued as a rendered message (the kind rows from before intents became). */
interface Message {
  chatId: number;
  text: string;
  parseMode?: string;
  replyMarkup?: TelegramMessageNotice["replyMarkup"];
  applicationId?: number;
}

function enqueue(messages: Message[], database: Db = db): number[] {
  return database.transaction((tx) =>
    tx
      .insert(outbox)
      .values(
        messages.map((m) => ({
          recipientId: m.chatId,
          kind: "telegram-message",
          arguments: {
            chatId: m.chatId,
            text: m.text,
            parseMode: m.parseMode ?? null,
            replyMarkup: m.replyMarkup ?? null,
          },
          applicationId: m.applicationId ?? null,
        })),
      )
      .returning({ id: outbox.id })
      .all()
      .map((r) => r.id),
  );
}

function rows(database: Db = db) {
  return database.select().from(outbox).orderBy(outbox.id).all();
}

function row(id: number, database: Db = db) {
  const r = database.select().from(outbox).where(eq(outbox.id, id)).get();
  if (!r) throw new Error(`no outbox row ${id}`);
  return r;
}

function delivered(chatId: number): string[] {
  return fake.chat(chatId).messages.map((m) => m.text ?? "");
}

/** Successful sendMessage calls, by text (to check "exactly once"). */
function successfulTexts(): string[] {
  return fake
    .callsOf("sendMessage")
    .filter((c) => c.response?.ok)
    .map((c) => String(c.params.text));
}

/** drainOnce, then move the clock to the next retry, until nothing is pending. */
async function settle(d: Dispatcher, clock: TestClock, database: Db = db, maxRounds = 50): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    await d.drainOnce();
    const pending = rows(database).filter((r) => r.status === "pending");
    if (pending.length === 0) return;
    // Rows behind a waiting row are due already: move to the earliest retry still ahead.
    const t = clock.now();
    const next = Math.min(...pending.map((r) => r.nextAttemptAt.getTime()).filter((at) => at > t));
    if (Number.isFinite(next)) clock.advance(next - t);
  }
  throw new Error(
    `outbox did not settle: ${JSON.stringify(rows(database).map((r) => [r.id, r.status, r.attempts, r.lastError, r.nextAttemptAt.getTime() - clock.now()]))}`,
  );
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("enqueueNotifications", () => {
  it("writes inside the caller's transaction and disappears with its rollback", () => {
    const idle = { product: "Mật ong", answered: 2, total: 30 };
    expect(() =>
      db.transaction((tx) => {
        enqueueNotifications(tx, [{ recipientId: 1, kind: "idle-draft", arguments: idle }]);
        throw new Error("rollback");
      }),
    ).toThrow("rollback");
    expect(rows()).toHaveLength(0);

    const ids = db.transaction((tx) =>
      enqueueNotifications(tx, [
        { recipientId: 1, kind: "idle-draft", arguments: idle, applicationId: 7 },
        {
          recipientId: 2,
          kind: "official-points",
          arguments: { product: "Trà", calibration: { parts: [], total: { self: 1, official: 2, gap: -1 } } },
        },
      ]),
    );
    expect(ids).toHaveLength(2);
    const [a, b] = rows();
    expect(a).toMatchObject({
      recipientId: 1,
      kind: "idle-draft",
      arguments: idle,
      applicationId: 7,
      status: "pending",
      attempts: 0,
    });
    expect(b).toMatchObject({ recipientId: 2, kind: "official-points", applicationId: null });
    expect(enqueueNotifications(db, [])).toEqual([]);
  });
});

describe("dispatcher", () => {
  it("1. delivers everything exactly once, in order per chat, after Telegram was down for a while", async () => {
    started(101);
    started(102);
    enqueue([
      { chatId: 101, text: "A1" },
      { chatId: 102, text: "B1" },
      { chatId: 101, text: "A2" },
      { chatId: 101, text: "A3" },
      { chatId: 102, text: "B2" },
    ]);
    fake.failNext("sendMessage", { error_code: 500, description: "Internal Server Error", times: 3 });
    fake.failNext("sendMessage", { network: true, times: 3 });
    fake.failNext("sendMessage", { error_code: 502, description: "Bad Gateway", times: 2 });
    const clock = testClock();
    const d = dispatcher({ now: clock.now, sleep: clock.sleep });

    await settle(d, clock);

    expect(delivered(101)).toEqual(["A1", "A2", "A3"]);
    expect(delivered(102)).toEqual(["B1", "B2"]);
    expect(successfulTexts().sort()).toEqual(["A1", "A2", "A3", "B1", "B2"]);
    expect(fake.callsOf("sendMessage").filter((c) => c.injected)).toHaveLength(8);
    expect(rows().every((r) => r.status === "sent" && r.sentAt instanceof Date)).toBe(true);
    expect(rows().reduce((n, r) => n + r.attempts, 0)).toBe(5 + 8);
    expect(fake.unexpectedErrors()).toEqual([]);
  });

  it("backs off from 1 s, doubling up to maxBackoffMs, and never gives up on 5xx", async () => {
    started(101);
    const [id] = enqueue([{ chatId: 101, text: "patience" }]);
    fake.failNext("sendMessage", { error_code: 500, description: "Internal Server Error", times: 6 });
    const clock = testClock();
    const d = dispatcher({ now: clock.now, sleep: clock.sleep, maxBackoffMs: 4000 });

    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      expect(await d.drainOnce()).toBe(0);
      const r = row(id!);
      expect(r).toMatchObject({ status: "pending", attempts: i + 1, lastError: "Internal Server Error" });
      const delay = r.nextAttemptAt.getTime() - clock.now();
      delays.push(Math.round(delay / 1000) * 1000);
      expect(delay).toBeLessThanOrEqual(4000);
      // Not due yet: another pass sends nothing.
      expect(await d.drainOnce()).toBe(0);
      clock.advance(delay);
    }
    expect(delays).toEqual([1000, 2000, 4000, 4000, 4000, 4000]);
    expect(await d.drainOnce()).toBe(1);
    expect(row(id!)).toMatchObject({ status: "sent", attempts: 7 });
    expect(fake.callsOf("sendMessage")).toHaveLength(7);
  });

  it("2. waits retry_after on a 429 and delivers once (real time)", async () => {
    started(101);
    const [id] = enqueue([{ chatId: 101, text: "after the flood" }]);
    fake.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    const d = dispatcher();
    d.start();

    await until(() => row(id!).status === "sent", 4000);
    const calls = fake.callsOf("sendMessage");
    expect(calls).toHaveLength(2);
    expect(calls[1]!.time - calls[0]!.time).toBeGreaterThanOrEqual(1000);
    expect(delivered(101)).toEqual(["after the flood"]);
    expect(row(id!)).toMatchObject({ status: "sent", attempts: 2, lastError: "Too Many Requests: retry after 1" });
  });

  it("a 429 on one chat pauses that chat only", async () => {
    started(101);
    started(102);
    const clock = testClock();
    const d = dispatcher({ now: clock.now, sleep: clock.sleep });
    const [a] = enqueue([{ chatId: 101, text: "A1" }]);
    fake.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 5",
      parameters: { retry_after: 5 },
    });
    expect(await d.drainOnce()).toBe(0);
    const [a2, b] = enqueue([
      { chatId: 101, text: "A2" },
      { chatId: 102, text: "B1" },
    ]);
    const t = clock.now();
    expect(await d.drainOnce()).toBe(1);
    expect(row(b!).sentAt!.getTime() - t).toBeLessThan(1000);
    expect(row(a!).status).toBe("pending");
    expect(row(a2!).status).toBe("pending"); // behind A1
    expect(row(a!).nextAttemptAt.getTime() - t).toBeGreaterThan(4000);

    await settle(d, clock);
    expect(delivered(101)).toEqual(["A1", "A2"]);
  });

  it("429s on two chats within a second pause every chat for the longer retry_after", async () => {
    started(101);
    started(102);
    started(103);
    const clock = testClock();
    const d = dispatcher({ now: clock.now, sleep: clock.sleep });
    enqueue([
      { chatId: 101, text: "A1" },
      { chatId: 102, text: "B1" },
    ]);
    fake.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 5",
      parameters: { retry_after: 5 },
      times: 2,
    });
    const before = clock.now();
    expect(await d.drainOnce()).toBe(0);
    expect(fake.callsOf("sendMessage")).toHaveLength(2);

    const [c] = enqueue([{ chatId: 103, text: "C1" }]);
    await d.drainOnce(); // C is due, but everything is paused: it waits (on the test clock)
    expect(row(c!).sentAt!.getTime()).toBeGreaterThanOrEqual(before + 5000);
    await settle(d, clock);
    expect([...delivered(101), ...delivered(102), ...delivered(103)]).toEqual(["A1", "B1", "C1"]);
    expect(logLines.some((l) => l.includes("pausing all notifications"))).toBe(true);
  });

  it("3. marks blocked, never-started and impossible rows undeliverable without retrying; others still go", async () => {
    const blocker = started(201, "Blocker Person");
    blocker.block();
    fake.user({ id: 202, first_name: "Silent Person" }); // never wrote to the bot
    started(203, "Happy Person");
    const [blocked, never, ghost, ok1, broken, ok2] = enqueue([
      { chatId: 201, text: "secret text one" },
      { chatId: 202, text: "secret text two" },
      { chatId: 999, text: "secret text three" }, // a chat Telegram does not know
      { chatId: 203, text: "secret text four" },
      { chatId: 203, text: "<b>unclosed", parseMode: "HTML" }, // can never be sent
      { chatId: 203, text: "secret text five" },
    ]);
    const clock = testClock();
    const d = dispatcher({ now: clock.now, sleep: clock.sleep });

    await d.drainOnce();
    clock.advance(3_600_000);
    await d.drainOnce();

    expect(row(blocked!)).toMatchObject({
      status: "undeliverable",
      attempts: 1,
      lastError: "Forbidden: bot was blocked by the user",
    });
    expect(row(never!)).toMatchObject({
      status: "undeliverable",
      attempts: 1,
      lastError: "Forbidden: bot can't initiate conversation with a user",
    });
    expect(row(ghost!)).toMatchObject({
      status: "undeliverable",
      attempts: 1,
      lastError: "Bad Request: chat not found",
    });
    expect(row(broken!).status).toBe("undeliverable");
    expect(row(broken!).lastError).toMatch(/^Bad Request: can't parse entities/);
    expect(row(ok1!).status).toBe("sent");
    expect(row(ok2!).status).toBe("sent");
    expect(delivered(203)).toEqual(["secret text four", "secret text five"]);
    const perChat = (id: number) => fake.callsOf("sendMessage").filter((c) => c.params.chat_id === id).length;
    expect([perChat(201), perChat(202), perChat(999), perChat(203)]).toEqual([1, 1, 1, 3]);

    // Logs: ids and Telegram's descriptions, never the text, names or chat ids.
    const log = logLines.join("");
    const entries = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(
      entries.some((e) => e.level === 50 && e.outboxId === ghost && e.error === "Bad Request: chat not found"),
    ).toBe(true);
    expect(
      entries.some(
        (e) => e.level === 40 && e.outboxId === blocked && e.error === "Forbidden: bot was blocked by the user",
      ),
    ).toBe(true);
    expect(log).not.toMatch(/secret text|unclosed|Person|\b20[123]\b|\b999\b/);
  });

  it("gives up on other 4xx (e.g. 401) after a few tries instead of retrying forever", async () => {
    started(101);
    const [id] = enqueue([{ chatId: 101, text: "x" }]);
    fake.failNext("sendMessage", { error_code: 401, description: "Unauthorized", times: 10 });
    const clock = testClock();
    const d = dispatcher({ now: clock.now, sleep: clock.sleep, maxAttemptsOtherClientErrors: 3 });
    await settle(d, clock);
    expect(row(id!)).toMatchObject({ status: "undeliverable", attempts: 3, lastError: "Unauthorized" });
    expect(fake.callsOf("sendMessage")).toHaveLength(3);
  });

  it("a row for someone not on Telegram (a web-only user) is skipped and does not block its chat", async () => {
    started(101);
    db.insert(outbox)
      .values({ recipientId: 101, kind: "idle-draft", arguments: { product: "x", answered: 1, total: 2 } })
      .run();
    enqueue([{ chatId: 101, text: "good" }]);
    const clock = testClock();
    const d = dispatcher({ now: clock.now, sleep: clock.sleep });
    expect(await d.drainOnce()).toBe(1);
    expect(rows().map((r) => r.status)).toEqual(["skipped", "sent"]);
    expect(delivered(101)).toEqual(["good"]);
  });

  it("4. a new dispatcher on the same database file sends what was left pending", async () => {
    started(101);
    started(102);
    const path = join(mkdtempSync(join(tmpdir(), "ocop-outbox-")), "ocop.sqlite");
    const first = track(openDatabase(path));
    enqueue(
      [
        { chatId: 101, text: "A1" },
        { chatId: 102, text: "B1" },
        { chatId: 101, text: "A2" },
      ],
      first,
    );
    first.$client.close(); // the process dies before any dispatcher ran

    const second = track(openDatabase(path));
    const d = dispatcher({ limits: { perSecond: 25, perChatIntervalMs: 50 } }, second);
    d.start();
    await until(() => rows(second).every((r) => r.status === "sent"));
    expect(delivered(101)).toEqual(["A1", "A2"]);
    expect(delivered(102)).toEqual(["B1"]);
  });

  it("4b. stop() finishes the send in flight, sends nothing more, and the rest goes out after a restart", async () => {
    started(101);
    const path = join(mkdtempSync(join(tmpdir(), "ocop-outbox-")), "ocop.sqlite");
    const first = track(openDatabase(path));
    const ids = enqueue(
      ["1", "2", "3", "4"].map((n) => ({ chatId: 101, text: `A${n}` })),
      first,
    );
    const d1 = dispatcher({ limits: { perSecond: 25, perChatIntervalMs: 200 } }, first);
    d1.start(); // A1 is on its way now
    await d1.stop();
    expect(row(ids[0]!, first).status).toBe("sent");
    expect(delivered(101)).toEqual(["A1"]);
    // A row that had failed before the crash, its retry time long past.
    first
      .update(outbox)
      .set({ attempts: 3, lastError: "Internal Server Error", nextAttemptAt: new Date(Date.now() - 3_600_000) })
      .where(eq(outbox.id, ids[1]!))
      .run();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.callsOf("sendMessage")).toHaveLength(1); // nothing sent after stop()
    first.$client.close();

    const second = track(openDatabase(path));
    const d2 = dispatcher({ limits: { perSecond: 25, perChatIntervalMs: 50 } }, second);
    d2.start();
    await until(() => rows(second).every((r) => r.status === "sent"));
    expect(delivered(101)).toEqual(["A1", "A2", "A3", "A4"]);
    expect(successfulTexts()).toEqual(["A1", "A2", "A3", "A4"]);
    expect(row(ids[1]!, second).attempts).toBe(4);
  });

  it("5. keeps the order of a chat while its first row is retried", async () => {
    started(101);
    started(102);
    enqueue([
      { chatId: 101, text: "A1" },
      { chatId: 101, text: "A2" },
      { chatId: 101, text: "A3" },
    ]);
    fake.failNext("sendMessage", { error_code: 500, description: "Internal Server Error", times: 2 });
    const clock = testClock();
    const d = dispatcher({ now: clock.now, sleep: clock.sleep });
    const sentToA = () =>
      fake
        .callsOf("sendMessage")
        .filter((c) => c.params.chat_id === 101)
        .map((c) => c.params.text);

    await d.drainOnce(); // A1 fails
    expect(sentToA()).toEqual(["A1"]); // A2 and A3 wait behind A1's retry, even though they are due
    clock.advance(1000);
    await d.drainOnce(); // A1 fails again
    expect(sentToA()).toEqual(["A1", "A1"]);
    enqueue([{ chatId: 102, text: "B1" }]); // another chat is not held up
    await d.drainOnce();
    expect(delivered(102)).toEqual(["B1"]);
    expect(sentToA()).toEqual(["A1", "A1"]);
    await settle(d, clock);

    expect(delivered(101)).toEqual(["A1", "A2", "A3"]);
    expect(sentToA()).toEqual(["A1", "A1", "A1", "A2", "A3"]);
  });

  it("6. stays within perSecond overall and perChatIntervalMs per chat (real time)", async () => {
    const perSecond = 20;
    const perChatIntervalMs = 100;
    for (const id of [301, 302, 303]) started(id);
    const input: Message[] = [];
    // 30 + 20 + 10 rows, interleaved: at the end one chat is alone and its interval is the limit.
    for (let i = 0; i < 30; i++) {
      input.push({ chatId: 301, text: `A${i}` });
      if (i < 20) input.push({ chatId: 302, text: `B${i}` });
      if (i < 10) input.push({ chatId: 303, text: `C${i}` });
    }
    enqueue(input);
    const d = dispatcher({ limits: { perSecond, perChatIntervalMs } });
    d.start();
    await until(() => fake.callsOf("sendMessage").length === 60, 10_000);
    await until(() => rows().every((r) => r.status === "sent"));

    const calls = fake.callsOf("sendMessage");
    const times = calls.map((c) => c.time).sort((a, b) => a - b);
    let busiest = 0;
    for (const start of times) {
      const inWindow = times.filter((t) => t >= start && t < start + 1000).length;
      busiest = Math.max(busiest, inWindow);
    }
    expect(busiest).toBeLessThanOrEqual(perSecond);
    expect(busiest).toBeGreaterThanOrEqual(perSecond - 5); // the limit was actually reached
    for (const chatId of [301, 302, 303]) {
      const chatTimes = calls.filter((c) => c.params.chat_id === chatId).map((c) => c.time);
      for (let i = 1; i < chatTimes.length; i++)
        expect(chatTimes[i]! - chatTimes[i - 1]!).toBeGreaterThanOrEqual(perChatIntervalMs);
    }
    expect(delivered(301)).toEqual(Array.from({ length: 30 }, (_, i) => `A${i}`));
    expect(delivered(302)).toEqual(Array.from({ length: 20 }, (_, i) => `B${i}`));
    expect(delivered(303)).toEqual(Array.from({ length: 10 }, (_, i) => `C${i}`));
  });

  it("7. HTML parse_mode and an inline keyboard arrive intact", async () => {
    started(101);
    const keyboard = {
      inline_keyboard: [
        [
          { text: "View", callback_data: "ov:42" },
          { text: "Receive", callback_data: "or:42" },
        ],
        [{ text: "Return", callback_data: "oq:42" }],
      ],
    };
    enqueue([
      {
        chatId: 101,
        text: "<b>Application #42</b> was submitted by <i>Tom &amp; Jerry</i>",
        parseMode: "HTML",
        replyMarkup: keyboard,
        applicationId: 42,
      },
    ]);
    const d = dispatcher();
    expect(await d.drainOnce()).toBe(1);

    const [call] = fake.callsOf("sendMessage");
    expect(call!.params.parse_mode).toBe("HTML");
    expect(call!.params.reply_markup).toEqual(keyboard);
    const [message] = fake.chat(101).messages;
    expect(message!.text).toBe("Application #42 was submitted by Tom & Jerry");
    expect(message!.entities?.map((e) => e.type)).toEqual(["bold", "italic"]);
    expect(message!.reply_markup).toEqual(keyboard);
    expect(message!.buttons.map((b) => ("callback_data" in b ? b.callback_data : undefined))).toEqual([
      "ov:42",
      "or:42",
      "oq:42",
    ]);
    expect(fake.unexpectedErrors()).toEqual([]);
  });

  it("kick() wakes the loop at once; without it the fallback poll picks rows up", async () => {
    started(101);
    const d = dispatcher({ pollIntervalMs: 60_000 });
    d.start();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the loop is asleep now
    enqueue([{ chatId: 101, text: "now" }]);
    d.kick();
    await until(() => delivered(101).length === 1, 1000);

    const polling = dispatcher({ pollIntervalMs: 100 }, db);
    await d.stop();
    polling.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    enqueue([{ chatId: 101, text: "later" }]); // no kick
    await until(() => delivered(101).length === 2, 1000);
  });

  it("with the bot's auto-retry installed, a send never hangs past sendTimeoutMs and is retried by the dispatcher", async () => {
    started(101);
    const [id] = enqueue([{ chatId: 101, text: "through auto-retry" }]);
    const api = new Api(fake.token, { apiRoot: fake.url });
    api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
    fake.failNext("sendMessage", { network: true }); // auto-retry alone would wait 3 s, and retry network errors forever
    const clock = testClock();
    const logger = pino({ level: "silent" });
    const d = createDispatcher({
      db,
      api,
      logger,
      render: (row) =>
        renderNotification({ notifications: notificationsService({ db }), i18n, adminUnits: units }, row),
      now: clock.now,
      sleep: clock.sleep,
      sendTimeoutMs: 300,
    });
    dispatchers.push(d);

    const t = Date.now();
    expect(await d.drainOnce()).toBe(0);
    expect(Date.now() - t).toBeLessThan(2000);
    expect(row(id!)).toMatchObject({ status: "pending", attempts: 1, lastError: "timed out after 300 ms" });
    await settle(d, clock);
    expect(delivered(101)).toEqual(["through auto-retry"]);
    expect(successfulTexts()).toEqual(["through auto-retry"]);
  });

  it("leaves no timers behind after stop()", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const d = dispatcher({ pollIntervalMs: 60_000 });
    d.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(timers()).toBeGreaterThan(before);
    await d.stop();
    expect(timers()).toBe(before);
  });
});
