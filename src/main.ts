// The only file that reads configuration, opens the database and Redis, and runs the bot.
import "./load-env.js";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { dirname, join } from "node:path";
import { Api } from "grammy";
import pino from "pino";
import { createBot } from "./bot/index.js";
import { commandMenu } from "./bot/features/help.js";
import { loadLogKey } from "./bot/pseudonym.js";
import { createRateLimiter } from "./bot/rate-limiter.js";
import { createRedis } from "./bot/redis.js";
import { redisSessionStorage, REDIS_SESSION_PREFIX, REDIS_UPDATES_PREFIX } from "./bot/session.js";
import { retryPollingConflicts, throttle } from "./bot/telegram-api.js";
import { RedisUpdateLog } from "./bot/update-log.js";
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { adminUnitsOf } from "./services/admin-units.js";
import { loadHolidays } from "./domain/calendar.js";
import { createDispatcher, type Dispatcher } from "./services/outbox.js";
import { handleUndeliverable } from "./services/reachability.js";
import { startReminderScheduler } from "./services/reminders.js";
import { getI18n, translator } from "./i18n.js";
import { loadCatalog } from "./rubric/catalog.js";
import { fileProblemText } from "./views/rubric-text.js";

const i18n = getI18n();
const t = translator(i18n);

function fail(message: string): never {
  process.stderr.write(message + "\n");
  process.exit(1);
}

let config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) fail(t(`config-${e.variable}`));
  throw e;
}

const logger = pino({ level: config.LOG_LEVEL });
const rubrics = loadCatalog();
if (!rubrics.value) fail([t("startup-rubric-invalid"), ...rubrics.problems.map((p) => fileProblemText(t, p))].join("\n"));

const db = openDatabase(config.DATABASE_PATH);
const units = adminUnitsOf(db);
const holidays = loadHolidays();
// Sessions and the log of processed updates: in SQLite, or in Redis for several instances.
const redis = config.REDIS_URL ? createRedis(config.REDIS_URL, logger, { keyPrefix: REDIS_SESSION_PREFIX }) : undefined;
const updatesRedis = config.REDIS_URL ? createRedis(config.REDIS_URL, logger, { keyPrefix: REDIS_UPDATES_PREFIX }) : undefined;
const updateLog = updatesRedis ? new RedisUpdateLog(updatesRedis) : undefined;
// Telegram's limits hold for the token: the bot's replies and the notifications share them.
const limiter = createRateLimiter();

// The dispatcher needs the bot's api and the bot needs to wake the dispatcher: bound late.
let dispatcher: Dispatcher | undefined;
const bot = createBot(
  config.BOT_TOKEN,
  {
    db,
    catalog: rubrics.value,
    adminUnits: units,
    logger,
    adminIds: config.ADMIN_IDS,
    holidays,
    notify: () => dispatcher?.kick(),
    logKey: loadLogKey(join(dirname(config.DATABASE_PATH), "log-key")),
  },
  {
    limiter,
    ...(redis ? { storage: redisSessionStorage(redis) } : {}),
    ...(updateLog ? { updateLog } : {}),
    ...(config.TELEGRAM_API_ROOT ? { client: { apiRoot: config.TELEGRAM_API_ROOT } } : {}),
  },
);

// Another instance polling with the same token: say it once, keep trying, never exit.
bot.api.config.use(retryPollingConflicts(logger));
await bot.init();
await commandMenu(i18n).setCommands(bot);
await bot.api.deleteWebhook();
// Notifications left pending by a previous run (or a crash) go out now.
// An Api without the bot's retries (the dispatcher handles 429 and outages itself), within the
// same limits as the bot's replies.
const dispatcherApi = new Api(config.BOT_TOKEN, config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : undefined);
dispatcherApi.config.use(throttle(limiter));
const workflow = { db, catalog: rubrics.value, i18n, adminUnits: units, adminIds: config.ADMIN_IDS };
dispatcher = createDispatcher({
  db,
  api: dispatcherApi,
  logger,
  onUndeliverable: (row, code, description) => handleUndeliverable(workflow, row, code, description),
});
dispatcher.start();
const reminders = startReminderScheduler({
  db,
  catalog: rubrics.value,
  i18n,
  adminUnits: units,
  holidays,
  adminIds: config.ADMIN_IDS,
  logger,
  notify: () => dispatcher?.kick(),
});

const runner: RunnerHandle = run(bot, {
  runner: { silent: true, fetch: { allowed_updates: ["message", "edited_message", "callback_query", "my_chat_member"] } },
});
void runner.task()?.catch((err: unknown) => {
  // 401 (token revoked) or 15 hours without reaching Telegram: nothing more to do here.
  logger.fatal({ err: String(err) }, "long polling stopped");
  process.exit(1);
});
logger.info({ bot: bot.botInfo.username, redis: !!redis }, "bot started (long polling)");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping: finishing the updates in flight");
  if (runner.isRunning()) await runner.stop();
  reminders.stop();
  await dispatcher?.stop();
  updateLog?.stop();
  await redis?.quit();
  await updatesRedis?.quit();
  db.$client.close();
  logger.info("stopped");
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
