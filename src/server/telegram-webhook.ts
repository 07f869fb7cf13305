// Telegram's updates arriving by webhook, through grammY's webhookCallback and the bot's own
// middleware: the update log there (src/bot/update-log.ts) handles each update_id once, as in long
// polling, whatever Telegram redelivers.
import type { FastifyInstance } from "fastify";
import { type Bot, webhookCallback } from "grammy";
import type { BotContext } from "../bot/context.js";

export interface TelegramWebhookOptions {
  bot: Bot<BotContext>;
  /** The path of WEBHOOK_URL, e.g. "/telegram". */
  path: string;
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token; a request without it gets 401. */
  secretToken: string;
  /** Telegram is answered after this long even if the update is still being handled. Default 10 s. */
  answerWithinMs?: number;
}

/**
 * POST `path`: an update from Telegram. A request without the right secret token gets 401 and
 * reaches nothing. A slow update (a reply waiting for Telegram's rate limits, say) is answered 200
 * after `answerWithinMs` and goes on being handled. (grammY's default answers 500 instead, which
 * Telegram counts as a failed delivery and resends.) A copy Telegram resends anyway is skipped by
 * the update log, while the update is in hand and after. The server's close() waits for the
 * updates still being handled.
 */
export function telegramWebhookRoute(app: FastifyInstance, options: TelegramWebhookOptions): void {
  const { bot } = options;
  const inHand = new Set<Promise<void>>();
  // grammY does not tell when an update answered early is done: wrap the bot's entry point.
  const handleUpdate = bot.handleUpdate.bind(bot);
  bot.handleUpdate = (update, envelope) => {
    const task = handleUpdate(update, envelope);
    inHand.add(task);
    void task.catch(() => undefined).finally(() => inHand.delete(task));
    return task;
  };
  const callback = webhookCallback(bot, "fastify", {
    secretToken: options.secretToken,
    onTimeout: "return",
    timeoutMilliseconds: options.answerWithinMs ?? 10_000,
  });
  app.post(options.path, callback);
  app.addHook("onClose", async () => {
    while (inHand.size > 0) await Promise.allSettled([...inHand]);
  });
}
