// A bot built exactly as in production, around a real SQLite database, the real locales and rubric
// data, talking to the strict fake Bot API over HTTP.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api } from "grammy";
import type { Update } from "grammy/types";
import pino from "pino";
import { createBot } from "../../src/bot/index.js";
import { openDatabase, type Db } from "../../src/db/client.js";
import { loadHolidays } from "../../src/domain/calendar.js";
import { createDispatcher } from "../../src/services/outbox.js";
import { adminUnitsOf } from "../../src/services/admin-units.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { startFakeBotApi, type FakeBotApi } from "./fake-bot-api.js";

const catalog = loadCatalog().value!;

export interface HarnessOptions {
  adminIds?: number[];
}

export interface Harness {
  api: FakeBotApi;
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

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const api = await startFakeBotApi();
  const dbPath = join(mkdtempSync(join(tmpdir(), "ocop-bot-")), "ocop.sqlite");
  let db = openDatabase(dbPath);
  const logger = pino({ level: "silent" });
  const build = () =>
    createBot(api.token, { db, catalog, adminUnits: adminUnitsOf(db), logger, adminIds: options.adminIds ?? [], holidays, notify: () => undefined }, {
      botInfo: api.botInfo,
      client: { apiRoot: api.url },
    });
  let bot = build();
  const dispatcher = () => createDispatcher({ db, api: new Api(api.token, { apiRoot: api.url }), logger, limits: { perSecond: 1000, perChatIntervalMs: 0 } });
  return {
    api,
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
    },
  };
}
