// The only file that reads configuration, opens the database and Redis, and runs the bot: by long
// polling, or behind the HTTP server receiving Telegram's webhook.
import "./load-env.js";
import { dirname, join } from "node:path";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { Api } from "grammy";
import pino from "pino";
import { commandMenu } from "./bot/features/help.js";
import { createBot } from "./bot/index.js";
import { createTelegramDispatcher, type Dispatcher } from "./bot/notifications/index.js";
import { createRateLimiter } from "./bot/rate-limiter.js";
import { createRedis } from "./bot/redis.js";
import { REDIS_SESSION_PREFIX, REDIS_UPDATES_PREFIX, redisSessionStorage } from "./bot/session.js";
import { retryPollingConflicts, telegramFileReader, throttle } from "./bot/telegram-api.js";
import { RedisUpdateLog } from "./bot/update-log.js";
import { ConfigError, loadConfig } from "./config.js";
import { commitHeld, openDatabase } from "./db/client.js";
import { getI18n, translator } from "./i18n.js";
import { loadCatalog } from "./rubric/catalog.js";
import { loadSecretKey } from "./secret-key.js";
import { databaseAnswers, redisAnswers } from "./server/health.js";
import { createServer } from "./server/index.js";
import { adminUnitsOf } from "./services/admin-units.js";
import { loadHolidays } from "./services/holidays.js";
import { createServices } from "./services/index.js";
import { notificationsService } from "./services/notifications.js";
import { startReminderScheduler } from "./services/reminders.js";
import { fileProblemText } from "./views/rubric-text.js";
import { createNoticeBus } from "./web/live.js";
import { createPushSender, loadVapidKeys, webPushSend } from "./web/push.js";

const i18n = getI18n();
const t = translator(i18n);

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) fail(t(`config-${e.variable}`));
  throw e;
}

const logger = pino({ level: config.LOG_LEVEL });
const rubrics = loadCatalog();
if (!rubrics.value)
  fail([t("startup-rubric-invalid"), ...rubrics.problems.map((p) => fileProblemText(t, p))].join("\n"));
const catalog = rubrics.value;

const db = openDatabase(config.DATABASE_PATH);
const units = adminUnitsOf(db);
const holidays = loadHolidays();
// Sessions and the log of processed updates: in SQLite, or in Redis for several instances.
const redis = config.REDIS_URL ? createRedis(config.REDIS_URL, logger, { keyPrefix: REDIS_SESSION_PREFIX }) : undefined;
const updatesRedis = config.REDIS_URL
  ? createRedis(config.REDIS_URL, logger, { keyPrefix: REDIS_UPDATES_PREFIX })
  : undefined;
const updateLog = updatesRedis ? new RedisUpdateLog(updatesRedis) : undefined;
// Telegram's limits hold for the token: the bot's replies and the notifications share them.
const limiter = createRateLimiter();

const publicUrl = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, "");
const dataDir = dirname(config.DATABASE_PATH);
const filesDir = config.FILES_DIR ?? join(dataDir, "files");
// Notifications go out on every channel the person has: Telegram (when running), Web Push, and
// the open pages of the web chat, each woken after a change queued some.
const notices = createNoticeBus();
const vapid = loadVapidKeys(join(dataDir, "vapid-keys.json"));
const pushSender = createPushSender({
  notifications: notificationsService({ db }),
  i18n,
  adminUnits: units,
  send: webPushSend(vapid, publicUrl.startsWith("https:") ? publicUrl : "mailto:webmaster@localhost"),
  logger,
  title: (language) => i18n.t(language, "web-app-name"),
});
const notify = () => {
  dispatcher?.kick();
  pushSender.kick();
  notices.publish();
};
const core = { db, catalog, adminUnits: units, adminIds: config.ADMIN_IDS, holidays, notify };

// Telegram runs when there is a token. The dispatcher needs the bot's api and the bot needs to
// wake the dispatcher: bound late.
let dispatcher: Dispatcher | undefined;
const telegram = config.BOT_TOKEN ? await startTelegram(config.BOT_TOKEN) : undefined;

/** The bot and the sender of its notifications, ready to receive updates. */
async function startTelegram(token: string) {
  const bot = createBot(
    token,
    { ...core, logger, logKey: loadSecretKey(join(dataDir, "log-key")), filesDir, publicUrl },
    {
      limiter,
      ...(redis ? { storage: redisSessionStorage(redis) } : {}),
      ...(updateLog ? { updateLog } : {}),
      ...(config.TELEGRAM_API_ROOT ? { client: { apiRoot: config.TELEGRAM_API_ROOT } } : {}),
    },
  );
  await bot.init();
  await commandMenu(i18n).setCommands(bot);
  // Long polling gets nothing while a webhook is set (409).
  if (config.BOT_MODE === "polling") await bot.api.deleteWebhook();
  // An Api without the bot's retries (the dispatcher handles 429 and outages itself), within the
  // same limits as the bot's replies.
  const dispatcherApi = new Api(token, config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : undefined);
  dispatcherApi.config.use(throttle(limiter));
  const workflow = { db, catalog, adminUnits: units, adminIds: config.ADMIN_IDS };
  dispatcher = createTelegramDispatcher({ db, api: dispatcherApi, logger, i18n, adminUnits: units, workflow });
  return bot;
}

/** The updates the bot handles, asked of Telegram in both modes. */
const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

// One HTTP server: the web chat, /healthz, and Telegram's webhook in webhook mode.
const webhook =
  config.BOT_MODE === "webhook" && telegram ? { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET } : undefined;
const server = createServer({
  logger,
  health: {
    database: databaseAnswers(db),
    ...(redis && updatesRedis ? { redis: redisAnswers(redis, updatesRedis) } : {}),
  },
  ...(webhook && telegram
    ? { telegram: { bot: telegram, path: new URL(webhook.url).pathname, secretToken: webhook.secret } }
    : {}),
  web: {
    services: createServices(core),
    catalog,
    adminUnits: units,
    adminIds: config.ADMIN_IDS,
    i18n,
    logger,
    publicUrl,
    filesDir,
    cookieSecret: loadSecretKey(join(dataDir, "cookie-key")),
    ...(telegram && config.BOT_TOKEN
      ? {
          telegram: {
            username: telegram.botInfo.username,
            file: telegramFileReader(telegram.api, config.BOT_TOKEN, config.TELEGRAM_API_ROOT),
          },
        }
      : {}),
    notices,
    push: { publicKey: vapid.publicKey },
  },
});
try {
  await server.listen({ host: config.HOST, port: config.PORT });
  // Every instance behind the URL sets the same webhook: harmless.
  if (webhook && telegram)
    await telegram.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ALLOWED_UPDATES });
} catch (err) {
  logger.fatal({ err: String(err) }, "HTTP server not started");
  process.exit(1);
}

function startPolling(bot: NonNullable<typeof telegram>): () => Promise<void> {
  // Another instance polling with the same token: say it once, keep trying, never exit.
  bot.api.config.use(retryPollingConflicts(logger));
  const runner: RunnerHandle = run(bot, { runner: { silent: true, fetch: { allowed_updates: ALLOWED_UPDATES } } });
  void runner.task()?.catch((err: unknown) => {
    // 401 (token revoked) or 15 hours without reaching Telegram: nothing more to do here.
    logger.fatal({ err: String(err) }, "long polling stopped");
    process.exit(1);
  });
  return async () => {
    if (runner.isRunning()) await runner.stop();
  };
}

const stopPolling = telegram && config.BOT_MODE === "polling" ? startPolling(telegram) : undefined;
if (telegram)
  logger.info(
    { bot: telegram.botInfo.username, redis: !!redis },
    config.BOT_MODE === "webhook" ? "bot started (webhook)" : "bot started (long polling)",
  );
logger.info({ port: config.PORT }, "web chat started");
process.stdout.write(`${t("startup-web-ready", { url: publicUrl })}\n`);

// Background work starts once updates flow, in bounded batches: people are answered first.
// Notifications left pending by a previous run (or a crash) go out now. Reminders a second later:
// their first batch (idle drafts read from a cold database) would hold up the first getUpdates.
dispatcher?.start();
pushSender.start();
const reminders = startReminderScheduler({ ...core, logger, delayMs: 1000 });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping: finishing the updates in flight");
  await stopPolling?.();
  await server.close();
  reminders.stop();
  await dispatcher?.stop();
  await pushSender.stop();
  updateLog?.stop();
  await redis?.quit();
  await updatesRedis?.quit();
  commitHeld(db);
  db.$client.close();
  logger.info("stopped");
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
