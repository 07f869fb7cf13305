// A bot built exactly as in production, around a real SQLite database, the real locales and rubric
// data, talking to the strict fake Bot API over HTTP.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api, type StorageAdapter } from "grammy";
import type { Update } from "grammy/types";
import pino from "pino";
import { afterEach, beforeEach, expect } from "vitest";
import { decodeCallback } from "../../src/bot/callback-data.js";
import { createBot } from "../../src/bot/index.js";
import { createRateLimiter, type SendLimits } from "../../src/bot/rate-limiter.js";
import type { SessionData } from "../../src/bot/session.js";
import type { UpdateLog } from "../../src/bot/update-log.js";
import { openDatabase, type Db } from "../../src/db/client.js";
import { loadHolidays } from "../../src/domain/calendar.js";
import { getI18n } from "../../src/i18n.js";
import { createDispatcher } from "../../src/services/outbox.js";
import { adminUnitsOf } from "../../src/services/admin-units.js";
import { handleUndeliverable } from "../../src/services/reachability.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { startFakeBotApi, type FakeBotApi, type FakeUser, type RecordedCall } from "./fake-bot-api.js";

const catalog = loadCatalog().value!;

export interface HarnessOptions {
  adminIds?: number[];
  /** The bot's sending limits; default: high enough never to wait (the fake enforces none). */
  limits?: SendLimits;
  /** Limits the fake Bot API enforces with 429s (default none). */
  apiLimits?: SendLimits;
  /** Sessions elsewhere than SQLite (e.g. Redis). */
  storage?: StorageAdapter<SessionData>;
  updateLog?: UpdateLog;
  /** Log lines at warn and above, to assert on. */
  logLevel?: pino.Level;
}

/** The text of the last message in the user's chat ("" if none). */
export const lastText = (u: FakeUser): string => u.chat().last()?.text ?? "";

/** Limits that never make a test wait. */
export const NO_LIMITS: SendLimits = { global: { count: 100_000, windowMs: 1 }, perChat: { count: 100_000, windowMs: 1 } };

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Harness {
  api: FakeBotApi;
  /** Log lines written by the bot (warn and above unless logLevel says otherwise). */
  logs: LogLine[];
  db: Db;
  dbPath: string;
  /** Delivers an update to the bot and waits until it is handled. */
  deliver(update: Update): Promise<void>;
  /** Sends every pending notification now (what the dispatcher does in the background). */
  flush(): Promise<number>;
  /** A new bot process on the same database file: what a crash and restart looks like. */
  restart(): void;
  close(): Promise<void>;
}

const holidays = loadHolidays();
const i18n = getI18n();

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const api = await startFakeBotApi(options.apiLimits ? { limits: options.apiLimits } : {});
  const dbPath = join(mkdtempSync(join(tmpdir(), "ocop-bot-")), "ocop.sqlite");
  let db = openDatabase(dbPath);
  const logs: LogLine[] = [];
  const logger = pino({ level: options.logLevel ?? "warn" }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const limiter = createRateLimiter(options.limits ?? NO_LIMITS);
  const build = () =>
    createBot(api.token, { db, catalog, adminUnits: adminUnitsOf(db), logger, adminIds: options.adminIds ?? [], holidays, notify: () => undefined }, {
      botInfo: api.botInfo,
      client: { apiRoot: api.url },
      limiter,
      ...(options.storage ? { storage: options.storage } : {}),
      ...(options.updateLog ? { updateLog: options.updateLog } : {}),
    });
  let bot = build();
  const workflow = () => ({ db, catalog, i18n, adminUnits: adminUnitsOf(db), adminIds: options.adminIds ?? [] });
  const dispatcher = () =>
    createDispatcher({
      db,
      api: new Api(api.token, { apiRoot: api.url }),
      logger,
      limits: { perSecond: 1000, perChatIntervalMs: 0 },
      onUndeliverable: (row, code, description) => handleUndeliverable(workflow(), row, code, description),
    });
  return {
    api,
    logs,
    get db() {
      return db;
    },
    dbPath,
    deliver: (update) => bot.handleUpdate(update),
    flush: () => dispatcher().drainOnce(),
    restart() {
      db.$client.close();
      db = openDatabase(dbPath);
      bot = build();
    },
    async close() {
      db.$client.close();
      await api.stop();
      expect(buttonsOutsideCodec(api), "callback data that no button kind of src/bot/callback-data.ts decodes").toEqual([]);
    },
  };
}

/**
 * The callback data of every inline button the bot (or the notifications) sent that the callback
 * codec does not decode: data built by hand somewhere else, which no handler matches reliably.
 */
export function buttonsOutsideCodec(api: FakeBotApi): string[] {
  const data = api.calls.flatMap((call) => {
    const markup = call.params.reply_markup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined;
    return (markup?.inline_keyboard ?? []).flat().flatMap((b) => (b.callback_data === undefined ? [] : [b.callback_data]));
  });
  return [...new Set(data)].filter((d) => !decodeCallback(d));
}

/**
 * A harness for each test of the file: started before it, and after it checked and closed: the bot
 * met no API error (but those `allowed` says a test provokes on purpose) and answered every press.
 * The returned object always stands for the current test's harness.
 */
export function useHarness(options: HarnessOptions = {}, allowed: () => (call: RecordedCall) => boolean = () => () => false): Harness {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await startHarness(options);
  });
  afterEach(async () => {
    const h = current!;
    const expected = allowed();
    expect(h.api.unexpectedErrors().filter((c) => !expected(c)).map((c) => `${c.method}: ${JSON.stringify(c.response)}`)).toEqual([]);
    expect(h.api.unansweredCallbackQueries()).toEqual([]);
    await h.close();
  });
  return new Proxy({} as Harness, { get: (_, property) => current![property as keyof Harness] });
}
