// The middleware every update goes through before the features: its context and log line, text
// normalised on arrival, once per update_id, one answer per callback query, double presses, and
// the error boundary's answer.

import { randomBytes } from "node:crypto";
import type { BotError, MiddlewareFn, StorageAdapter } from "grammy";
import type { Services } from "../services/index.js";
import { plainText } from "../text.js";
import type { BotContext, BotDeps, HandlerDeps } from "./context.js";
import { staleButtonText } from "./hints.js";
import { HTML } from "./html.js";
import { pseudonym } from "./pseudonym.js";
import type { UpdateLog } from "./update-log.js";

/** Context, per-update log line, and the callback query answered exactly once, even on failure. */
export function setupContext(deps: BotDeps, services: Services): MiddlewareFn<BotContext> {
  const logKey = deps.logKey ?? randomBytes(32);
  const handlerDeps: HandlerDeps = {
    catalog: deps.catalog,
    adminUnits: deps.adminUnits,
    adminIds: deps.adminIds,
    ...(deps.filesDir ? { filesDir: deps.filesDir } : {}),
    ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
  };
  return async (ctx, next) => {
    ctx.deps = handlerDeps;
    ctx.services = services;
    // Made on first use: most updates log nothing, and the pseudonym costs an HMAC.
    let log: BotContext["log"] | undefined;
    Object.defineProperty(ctx, "log", {
      get: () => (log ??= deps.logger.child({ update: ctx.update.update_id, user: pseudonym(logKey, ctx.from?.id) })),
    });
    ctx.callbackAnswered = false;
    ctx.api.config.use(async (prev, method, payload, signal) => {
      if (method === "answerCallbackQuery") {
        // A second answer would be refused ("query is too old"): the first one stands.
        if (ctx.callbackAnswered) return SUCCESS as Awaited<ReturnType<typeof prev>>;
        ctx.callbackAnswered = true;
      }
      // An edit that would leave the pressed message as it is: not sent (Telegram would refuse it).
      if (editsNothing(ctx, method, payload as Record<string, unknown>))
        return SUCCESS as Awaited<ReturnType<typeof prev>>;
      return prev(method, payload, signal);
    });
    try {
      await next();
    } finally {
      if (ctx.callbackQuery && !ctx.callbackAnswered)
        await ctx
          .answerCallbackQuery()
          .catch((e: unknown) => ctx.log.warn({ err: String(e) }, "callback query not answered"));
    }
  };
}

const SUCCESS = { ok: true, result: true };

/**
 * Whether an edit of the message whose button was pressed would change nothing, judging by the
 * message as the user saw it when pressing: removing buttons it does not have, or the same text
 * with the same buttons.
 */
function editsNothing(ctx: BotContext, method: string, p: Record<string, unknown>): boolean {
  const m = ctx.callbackQuery?.message;
  if (!m || !method.startsWith("edit") || p.message_id !== m.message_id || p.chat_id !== m.chat.id) return false;
  if (method === "editMessageText") {
    const text = typeof p.text === "string" ? (p.parse_mode === "HTML" ? plainText(p.text) : p.text) : undefined;
    if (!("text" in m) || text !== m.text) return false;
  } else if (method !== "editMessageReplyMarkup") return false;
  const shownButtons = JSON.stringify(("reply_markup" in m && m.reply_markup?.inline_keyboard) || []);
  const newButtons = JSON.stringify(
    (p.reply_markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard ?? [],
  );
  return shownButtons === newButtons;
}

/**
 * Text as people meant it: iPhone and Mac keyboards send Vietnamese decomposed (NFD); everything
 * typed is NFC from here on, before any length check, search or storage.
 */
export const normaliseArrival: MiddlewareFn<BotContext> = (ctx, next) => {
  for (const m of [ctx.update.message, ctx.update.edited_message]) {
    if (!m) continue;
    if (m.text) m.text = m.text.normalize("NFC");
    if (m.caption) m.caption = m.caption.normalize("NFC");
    if (m.document?.file_name) m.document.file_name = m.document.file_name.normalize("NFC");
    if (m.video?.file_name) m.video.file_name = m.video.file_name.normalize("NFC");
  }
  return next();
};

/** Handles each update_id once (update-log.ts); a repeat is dropped with a debug line. */
export function processOnce(log: UpdateLog): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if (!(await guarded(() => log.claim(id)))) {
      ctx.log.debug("update already processed or in hand: skipped");
      ctx.callbackAnswered = true; // by the delivery that was processed
      return;
    }
    try {
      await next();
    } finally {
      await guarded(() => log.complete(id));
    }
  };
}

/** The same button of the same message pressed again within this time is one press. */
export const DOUBLE_PRESS_MS = 10_000;

/**
 * A second tap on a button (the same data on the same message) shortly after the first changes
 * nothing and says nothing: the first one's answer stands. Applies to every button of the bot.
 */
export const ignoreDoublePress: MiddlewareFn<BotContext> = async (ctx, next) => {
  const q = ctx.callbackQuery;
  if (!q?.message || q.data === undefined) return next();
  const now = Date.now();
  const last = ctx.session.lastPress;
  if (last && last.message === q.message.message_id && last.data === q.data && now - last.at < DOUBLE_PRESS_MS) {
    ctx.log.debug("double press ignored");
    return;
  }
  const press = { message: q.message.message_id, data: q.data, at: now };
  ctx.session.lastPress = press;
  await next();
  // Kept even when the press started the session anew (consent declined, data deleted).
  ctx.session.lastPress ??= press;
};

/**
 * Buttons of messages the bot cannot see (inline messages, inline_message_id): the bot sends none,
 * so such a press is old or forged. It is answered kindly, and nothing replies into a chat that
 * does not exist.
 */
export const requireMessageOfButton: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (ctx.callbackQuery && !ctx.callbackQuery.message) {
    await ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
    return;
  }
  return next();
};

/** The session or update log could not be read or written (Redis down, disk full…). */
export class StorageUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`storage unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

async function guarded<T>(op: () => Promise<T> | T): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw new StorageUnavailableError(e);
  }
}

/** A storage whose failures are StorageUnavailableError, so that the user hears "try again later". */
export function guardStorage<T>(storage: StorageAdapter<T>): StorageAdapter<T> {
  return {
    read: (key) => guarded(() => storage.read(key)),
    write: (key, value) => guarded(() => storage.write(key, value)),
    delete: (key) => guarded(() => storage.delete(key)),
  };
}

/** SQLite's own "not now" errors: busy, locked, full, I/O. */
function isTemporary(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) return true;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED|FULL|IOERR)/.test(code);
}

/**
 * The error boundary's answer. A real fault gets the apology, a storage outage "try again in a few
 * minutes"; on a button, the alert says it when there is no chat to write to. Never throws.
 */
export async function answerFailure(err: BotError<BotContext>): Promise<void> {
  const ctx = err.ctx;
  const temporary = isTemporary(err.error);
  const e = err.error;
  ctx.log[temporary ? "warn" : "error"](
    { err: e instanceof Error ? { message: e.message, stack: e.stack } : String(e) },
    temporary ? "storage unavailable: asked the user to try again later" : "handler failed",
  );
  const key = temporary ? "error-try-later" : "error-sorry";
  try {
    if (ctx.chat) await ctx.reply(ctx.t(key), HTML);
    else if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t(`${key}-short`), show_alert: true });
  } catch (e) {
    ctx.log.warn({ err: String(e) }, "could not tell the user about the failure");
  }
}
