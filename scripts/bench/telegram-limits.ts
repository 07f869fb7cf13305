// The strict fake Bot API (test/helpers/fake-bot-api.ts) over real HTTP, enforcing Telegram's
// flood limits with 429s, and our bot built around it as test/helpers/bot.ts builds it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { createBot } from "../../src/bot/index.js";
import { createRateLimiter, type SendLimits } from "../../src/bot/rate-limiter.js";
import { countsTowardLimits } from "../../src/bot/telegram-api.js";
import { type Db, openDatabase } from "../../src/db/client.js";
import type { RubricCatalog } from "../../src/rubric/catalog.js";
import { adminUnitsOf } from "../../src/services/admin-units.js";
import { loadHolidays } from "../../src/services/holidays.js";
import type { FakeBotApi, RecordedCall } from "../../test/helpers/fake-bot-api.js";

/** Telegram's figures read strictly: 30 messages a second over all chats, one a second per chat. */
export const STRICT_LIMITS: SendLimits = {
  global: { count: 30, windowMs: 1000 },
  perChat: { count: 1, windowMs: 1000 },
};

/** Where a new database file goes (in a new temporary folder). */
export function databasePath(): string {
  return join(mkdtempSync(join(tmpdir(), "ocop-bench-")), "bench.sqlite");
}

/** A new database file, as in production (WAL; every commit flushed to disk). */
export function databaseFile(): Db {
  return openDatabase(databasePath());
}

/** Our bot on `db`, sending through `api` within `limits` (production: TELEGRAM_LIMITS). */
export function botOnFake(api: FakeBotApi, db: Db, catalog: RubricCatalog, limits: SendLimits, logs: string[]) {
  return createBot(
    api.token,
    {
      db,
      catalog,
      adminUnits: adminUnitsOf(db),
      logger: pino({ level: "warn" }, { write: (line: string) => void logs.push(line) }),
      adminIds: [],
      holidays: loadHolidays(),
      notify: () => undefined,
    },
    { botInfo: api.botInfo, client: { apiRoot: api.url }, limiter: createRateLimiter(limits) },
  );
}

/** Messages sent (Telegram's flood limits count them) among `calls`, and the 429s. */
export function sendsOf(calls: RecordedCall[]) {
  const counted = calls.filter((c) => countsTowardLimits(c.method));
  return {
    sent: counted.filter((c) => c.response?.ok).length,
    tooManyRequests: calls.filter((c) => c.response?.ok === false && c.response.error_code === 429).length,
    otherErrors: calls.filter((c) => c.response?.ok === false && c.response.error_code !== 429).length,
  };
}
