// createBot(deps): the whole bot, with no side effects, so tests can build one around an in-memory
// database and a fake Bot API.
import { createHash } from "node:crypto";
import { Bot, session, type BotConfig, type StorageAdapter } from "grammy";
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { createI18n } from "../i18n.js";
import { findUser } from "../services/people.js";
import type { BotContext, BotDeps } from "./context.js";
import { afterResultFeature } from "./features/after-result.js";
import { assessmentFeature } from "./features/assessment.js";
import { dossierFeature } from "./features/dossier.js";
import { helpFeature } from "./features/help.js";
import { invitesFeature } from "./features/invites.js";
import { officerFeature } from "./features/officer.js";
import { statusFeature } from "./features/status.js";
import { onboarding } from "./features/onboarding.js";
import { productsFeature } from "./features/products.js";
import { remindersFeature } from "./features/reminders.js";
import { rubricVersionsFeature } from "./features/rubric-versions.js";
import { unhandled } from "./features/unhandled.js";
import { HTML } from "./html.js";
import { negotiateLocale } from "./i18n.js";
import { initialSession, SqliteSessionStorage, type SessionData } from "./session.js";

export interface CreateBotOptions {
  /** Where sessions live: SQLite (the default) or Redis. */
  storage?: StorageAdapter<SessionData>;
  /** grammY client options, e.g. apiRoot for a local Bot API server or a test fake. */
  client?: BotConfig<BotContext>["client"];
  botInfo?: BotConfig<BotContext>["botInfo"];
}

/** Private chats only: the chat is the user. */
export function sessionKey(ctx: { chat?: { id: number }; from?: { id: number } }): string | undefined {
  const id = ctx.chat?.id ?? ctx.from?.id;
  return id === undefined ? undefined : String(id);
}

/** A short stable pseudonym for logs: never the Telegram id itself. */
export function pseudonym(id: number | undefined): string | undefined {
  return id === undefined ? undefined : createHash("sha256").update(`ocop:${id}`).digest("hex").slice(0, 10);
}

export function createBot(token: string, deps: BotDeps, options: CreateBotOptions = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    ...(options.client ? { client: options.client } : {}),
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  const i18n = createI18n();

  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    ctx.log = deps.logger.child({ update: ctx.update.update_id, user: pseudonym(ctx.from?.id) });
    await next();
  });
  bot.use(sequentialize(sessionKey));
  bot.use(session({ initial: initialSession, getSessionKey: sessionKey, storage: options.storage ?? new SqliteSessionStorage(deps.db) }));
  bot.use(async (ctx, next) => {
    ctx.user = ctx.from ? findUser(deps.db, ctx.from.id) : undefined;
    await next();
  });
  bot.use(async (ctx, next) => {
    // Groups and channels are not for this bot: it handles personal data in private chats only.
    if (ctx.chat && ctx.chat.type !== "private") return;
    await next();
  });
  bot.use(i18n.middleware());
  bot.use(async (ctx, next) => {
    await ctx.i18n.useLocale(negotiateLocale(ctx));
    await next();
  });

  const features = bot.errorBoundary(async (err) => {
    const ctx = err.ctx;
    ctx.log.error({ err: err.error instanceof Error ? { message: err.error.message, stack: err.error.stack } : String(err.error) }, "handler failed");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    await ctx.reply(ctx.t("error-sorry"), HTML).catch(() => undefined);
  });
  features.use(onboarding, invitesFeature, productsFeature, assessmentFeature, rubricVersionsFeature, afterResultFeature, statusFeature, officerFeature, remindersFeature, dossierFeature, helpFeature, unhandled);

  bot.catch((err) => {
    deps.logger.error({ err: String(err.error), update: err.ctx.update.update_id }, "update failed outside the error boundary");
  });
  return bot;
}
