// A bot built exactly as in production, around a real SQLite database, the real locales and rubric
// data, talking to the strict fake Bot API over HTTP.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api, type Bot, type StorageAdapter } from "grammy";
import type { Update } from "grammy/types";
import pino from "pino";
import { afterEach, beforeEach, expect } from "vitest";
import { decodeCallback } from "../../src/bot/callback-data.js";
import type { BotContext } from "../../src/bot/context.js";
import { createBot } from "../../src/bot/index.js";
import { createTelegramDispatcher } from "../../src/bot/notifications/index.js";
import { createRateLimiter, type SendLimits } from "../../src/bot/rate-limiter.js";
import type { SessionData } from "../../src/bot/session.js";
import type { UpdateLog } from "../../src/bot/update-log.js";
import { type Db, openDatabase } from "../../src/db/client.js";
import { getI18n } from "../../src/i18n.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { adminUnitsOf } from "../../src/services/admin-units.js";
import { loadHolidays } from "../../src/services/holidays.js";
import { telegramIdentity, userIdOf } from "../../src/services/people.js";
import { type FakeBotApi, type FakeUser, type RecordedCall, startFakeBotApi } from "./fake-bot-api.js";

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
  /** A database file to start from (copied; the bot opens the copy and migrates it). Default: a new one. */
  database?: string;
}

/** The text of the last message in the user's chat ("" if none). */
export const lastText = (u: FakeUser): string => u.chat().last()?.text ?? "";

/** Limits that never make a test wait. */
export const NO_LIMITS: SendLimits = {
  global: { count: 100_000, windowMs: 1 },
  perChat: { count: 100_000, windowMs: 1 },
};

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
  /** Where files uploaded on the web are kept (the bot's FILES_DIR). */
  filesDir: string;
  /** The bot now (a new one after restart()). */
  bot: Bot<BotContext>;
  /**
   * Another bot process beside this one, on the same database file and Bot API (two instances
   * behind one webhook URL), with its own sessions storage and update log when given.
   */
  sibling(options?: Pick<HarnessOptions, "storage" | "updateLog">): { bot: Bot<BotContext>; close(): void };
  /** Delivers an update to the bot and waits until it is handled. */
  deliver(update: Update): Promise<void>;
  /** The internal id of the user the bot knows by this Telegram id (throws when it knows none). */
  userId(telegramId: number): number;
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
  const dataDir = mkdtempSync(join(tmpdir(), "ocop-bot-"));
  const dbPath = join(dataDir, "ocop.sqlite");
  const filesDir = join(dataDir, "files");
  if (options.database) copyFileSync(options.database, dbPath);
  let db = openDatabase(dbPath);
  const logs: LogLine[] = [];
  const logger = pino(
    { level: options.logLevel ?? "warn" },
    { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  );
  const limiter = createRateLimiter(options.limits ?? NO_LIMITS);
  const build = (on: Db = db, { storage, updateLog } = options) =>
    createBot(
      api.token,
      {
        db: on,
        catalog,
        adminUnits: adminUnitsOf(on),
        logger,
        adminIds: options.adminIds ?? [],
        holidays,
        notify: () => undefined,
        filesDir,
      },
      {
        botInfo: api.botInfo,
        client: { apiRoot: api.url },
        limiter,
        ...(storage ? { storage } : {}),
        ...(updateLog ? { updateLog } : {}),
      },
    );
  let bot = build();
  const dispatcher = () =>
    createTelegramDispatcher({
      db,
      api: new Api(api.token, { apiRoot: api.url }),
      logger,
      limits: { perSecond: 1000, perChatIntervalMs: 0 },
      i18n,
      adminUnits: adminUnitsOf(db),
      workflow: { db, catalog, adminUnits: adminUnitsOf(db), adminIds: options.adminIds ?? [] },
    });
  return {
    api,
    logs,
    get db() {
      return db;
    },
    dbPath,
    filesDir,
    get bot() {
      return bot;
    },
    sibling(siblingOptions = {}) {
      const siblingDb = openDatabase(dbPath);
      return { bot: build(siblingDb, siblingOptions), close: () => siblingDb.$client.close() };
    },
    deliver: (update) => bot.handleUpdate(update),
    userId(telegramId) {
      const id = userIdOf(db, telegramIdentity(telegramId));
      if (id === undefined) throw new Error(`no user with Telegram id ${telegramId}`);
      return id;
    },
    flush: () => dispatcher().drainOnce(),
    restart() {
      db.$client.close();
      db = openDatabase(dbPath);
      bot = build();
    },
    async close() {
      db.$client.close();
      await api.stop();
      expect(buttonsOutsideCodec(api), "callback data that no button kind of src/bot/callback-data.ts decodes").toEqual(
        [],
      );
    },
  };
}

/**
 * The callback data of every inline button the bot (or the notifications) sent that the callback
 * codec does not decode: data built by hand somewhere else, which no handler matches reliably.
 */
export function buttonsOutsideCodec(api: FakeBotApi): string[] {
  const data = api.calls.flatMap((call) => {
    const markup = call.params.reply_markup as
      | { inline_keyboard?: Array<Array<{ callback_data?: string }>> }
      | undefined;
    return (markup?.inline_keyboard ?? [])
      .flat()
      .flatMap((b) => (b.callback_data === undefined ? [] : [b.callback_data]));
  });
  return [...new Set(data)].filter((d) => !decodeCallback(d));
}

/**
 * A harness for each test of the file: started before it, and after it checked and closed: the bot
 * met no API error (but those `allowed` says a test provokes on purpose) and answered every press.
 * The returned object always stands for the current test's harness.
 */
export function useHarness(
  options: HarnessOptions = {},
  allowed: () => (call: RecordedCall) => boolean = () => () => false,
): Harness {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await startHarness(options);
  });
  afterEach(async () => {
    const h = current!;
    const expected = allowed();
    expect(
      h.api
        .unexpectedErrors()
        .filter((c) => !expected(c))
        .map((c) => `${c.method}: ${JSON.stringify(c.response)}`),
    ).toEqual([]);
    expect(h.api.unansweredCallbackQueries()).toEqual([]);
    await h.close();
  });
  return new Proxy({} as Harness, { get: (_, property) => current![property as keyof Harness] });
}
