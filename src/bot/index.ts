// createBot(deps): the whole bot, with no side effects, so tests can build one around an in-memory
// database and a fake Bot API.

import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotConfig, type StorageAdapter, session } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { getI18n } from "../i18n.js";
import { createServices } from "../services/index.js";
import { telegramIdentity } from "../services/people.js";
import type { BotContext, BotDeps } from "./context.js";
import { replayEdit } from "./edits.js";
import { afterResultFeature } from "./features/after-result.js";
import { assessmentFeature } from "./features/assessment.js";
import { dossierFeature } from "./features/dossier.js";
import { helpFeature } from "./features/help.js";
import { invitesFeature } from "./features/invites.js";
import { linkFeature } from "./features/link.js";
import { officerFeature } from "./features/officer.js";
import { onboarding, registrationFallback } from "./features/onboarding.js";
import { productsFeature } from "./features/products.js";
import { reachabilityFeature } from "./features/reachability.js";
import { remindersFeature } from "./features/reminders.js";
import { rubricVersionsFeature } from "./features/rubric-versions.js";
import { statusFeature } from "./features/status.js";
import { unhandled } from "./features/unhandled.js";
import { negotiateLocale, useLocale } from "./i18n.js";
import {
  answerFailure,
  guardStorage,
  ignoreDoublePress,
  normaliseArrival,
  processOnce,
  requireMessageOfButton,
  setupContext,
} from "./plumbing.js";
import { createRateLimiter, type RateLimiter } from "./rate-limiter.js";
import { restoreSession } from "./restore.js";
import { initialSession, type SessionData, SqliteSessionStorage } from "./session.js";
import { installTelegramPolicies } from "./telegram-api.js";
import { SqliteUpdateLog, type UpdateLog } from "./update-log.js";

export interface CreateBotOptions {
  /** Where sessions live: SQLite (the default) or Redis. */
  storage?: StorageAdapter<SessionData>;
  /** Where processed update ids live: SQLite (the default) or Redis. */
  updateLog?: UpdateLog;
  /** Telegram's sending limits, shared with everything else that sends with the same token. */
  limiter?: RateLimiter;
  /** grammY client options, e.g. apiRoot for a local Bot API server or a test fake. */
  client?: BotConfig<BotContext>["client"];
  botInfo?: BotConfig<BotContext>["botInfo"];
}

/**
 * What getMe would answer, for a bot run without Telegram (the terminal chat, the benchmark,
 * tests): given as `botInfo`, the bot makes no call at start.
 */
export function offlineBotInfo(firstName: string, username: string): UserFromGetMe {
  return {
    id: 1,
    is_bot: true,
    first_name: firstName,
    username,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
  } as UserFromGetMe;
}

/** Private chats only: the chat is the user. */
export function sessionKey(ctx: { chat?: { id: number }; from?: { id: number } }): string | undefined {
  const id = ctx.chat?.id ?? ctx.from?.id;
  return id === undefined ? undefined : String(id);
}

/**
 * The bot. Every update: its context and log line; then, inside the error boundary (so a storage
 * outage or a fault loading the user is answered too): translations, text NFC, one at a time per
 * chat, once per update_id, the session (rebuilt from the database if lost), the user, and the
 * features, a double tap on a button counting once.
 */
export function createBot(token: string, deps: BotDeps, options: CreateBotOptions = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    ...(options.client ? { client: options.client } : {}),
  });
  installTelegramPolicies(bot.api, options.limiter ?? createRateLimiter(), deps.logger);
  const i18n = getI18n();

  const services = createServices(deps);
  bot.use(setupContext(deps, services));
  // Everything after the context is inside the error boundary: a fault anywhere (a storage outage,
  // loading the user, a feature) is answered kindly and logged once.
  const guarded = bot.errorBoundary(answerFailure);
  guarded.use(i18n.middleware(), normaliseArrival);
  guarded.use(async (ctx, next) => {
    // Groups and channels are not for this bot: it handles personal data in private chats only.
    if (ctx.chat && ctx.chat.type !== "private") return;
    await next();
  });
  // By default both in SQLite, an update's session committed with its completion (update-log.ts).
  const sqliteSessions = options.storage
    ? undefined
    : new SqliteSessionStorage(deps.db, { holdWrites: !options.updateLog });
  guarded.use(
    sequentialize(sessionKey),
    processOnce(options.updateLog ?? new SqliteUpdateLog(deps.db)),
    requireMessageOfButton,
  );
  guarded.use(
    session({
      initial: initialSession,
      getSessionKey: sessionKey,
      storage: guardStorage(options.storage ?? sqliteSessions!),
    }),
  );
  guarded.use(async (ctx, next) => {
    ctx.user = ctx.from ? services.people.byIdentity(telegramIdentity(ctx.from.id)) : undefined;
    useLocale(ctx, negotiateLocale(ctx));
    await next();
  });
  guarded.use(restoreSession, ignoreDoublePress, replayEdit);
  guarded.use(
    reachabilityFeature,
    linkFeature,
    onboarding,
    invitesFeature,
    productsFeature,
    assessmentFeature,
    rubricVersionsFeature,
    afterResultFeature,
    statusFeature,
    officerFeature,
    remindersFeature,
    dossierFeature,
    helpFeature,
    registrationFallback,
    unhandled,
  );

  bot.catch((err) => {
    deps.logger.error(
      { err: String(err.error), update: err.ctx.update.update_id },
      "update failed outside the error boundary",
    );
  });
  return bot;
}
