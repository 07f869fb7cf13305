// The only file that reads configuration, opens the database and Redis, and runs the bot.
import "./load-env.js";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { Api } from "grammy";
import { Redis } from "ioredis";
import pino from "pino";
import { createBot } from "./bot/index.js";
import { PRODUCER_COMMANDS } from "./bot/features/help.js";
import { redisSessionStorage, REDIS_SESSION_PREFIX } from "./bot/session.js";
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { adminUnitsOf } from "./services/admin-units.js";
import { loadHolidays } from "./domain/calendar.js";
import { createDispatcher, type Dispatcher } from "./services/outbox.js";
import { startReminderScheduler } from "./services/reminders.js";
import { createI18n, translator } from "./i18n.js";
import { loadCatalog } from "./rubric/catalog.js";
import { fileProblemText } from "./views/rubric-text.js";

const i18n = createI18n();
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
const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { keyPrefix: REDIS_SESSION_PREFIX, lazyConnect: true }) : undefined;
if (redis) await redis.connect();

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
  },
  {
    ...(redis ? { storage: redisSessionStorage(redis) } : {}),
    ...(config.TELEGRAM_API_ROOT ? { client: { apiRoot: config.TELEGRAM_API_ROOT } } : {}),
  },
);

await bot.init();
const commandMenu = (locale: string) => PRODUCER_COMMANDS.map(([command, key]) => ({ command, description: i18n.t(locale, key) }));
await bot.api.setMyCommands(commandMenu("vi"));
await bot.api.setMyCommands(commandMenu("en"), { language_code: "en" });
await bot.api.deleteWebhook();
// Notifications left pending by a previous run (or a crash) go out now.
// A plain Api, without the bot's auto-retry: the dispatcher handles 429 and outages itself.
dispatcher = createDispatcher({ db, api: new Api(config.BOT_TOKEN, config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : undefined), logger });
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

const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: ["message", "edited_message", "callback_query", "my_chat_member"] } } });
logger.info({ bot: bot.botInfo.username, redis: !!redis }, "bot started (long polling)");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping: finishing the updates in flight");
  if (runner.isRunning()) await runner.stop();
  reminders.stop();
  await dispatcher?.stop();
  await redis?.quit();
  db.$client.close();
  logger.info("stopped");
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
