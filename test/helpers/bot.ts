// A bot built exactly as in production, around a real SQLite database, the real locales and rubric
// data, talking to the strict fake Bot API over HTTP.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import pino from "pino";
import { createBot } from "../../src/bot/index.js";
import { openDatabase, type Db } from "../../src/db/client.js";
import { adminUnits } from "../../src/geo/communes.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { startFakeBotApi, type FakeBotApi } from "./fake-bot-api.js";

const catalog = loadCatalog().value!;

export interface Harness {
  api: FakeBotApi;
  db: Db;
  dbPath: string;
  /** Delivers an update to the bot and waits until it is handled. */
  deliver(update: Update): Promise<void>;
  /** A new bot process on the same database file: what a crash and restart looks like. */
  restart(): void;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const api = await startFakeBotApi();
  const dbPath = join(mkdtempSync(join(tmpdir(), "ocop-bot-")), "ocop.sqlite");
  let db = openDatabase(dbPath);
  const build = () =>
    createBot(api.token, { db, catalog, adminUnits: adminUnits(), logger: pino({ level: "silent" }), adminIds: [] }, {
      botInfo: api.botInfo,
      client: { apiRoot: api.url },
    });
  let bot = build();
  return {
    api,
    get db() {
      return db;
    },
    dbPath,
    deliver: (update) => bot.handleUpdate(update),
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
