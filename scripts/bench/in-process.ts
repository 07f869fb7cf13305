// Our bot as production builds it, around a database file, with Telegram answered in process (no
// HTTP): what one update costs the bot itself.
import type { Update } from "grammy/types";
import pino from "pino";
import { offlineBotInfo } from "../../src/bot/index.js";
import type { SendLimits } from "../../src/bot/rate-limiter.js";
import type { Db } from "../../src/db/client.js";
import type { Product } from "./product.js";

export const BOT_INFO = offlineBotInfo("b", "b_bot");

/** Limits that never make a send wait. */
export const NO_LIMITS: SendLimits = {
  global: { count: 1_000_000, windowMs: 1 },
  perChat: { count: 1_000_000, windowMs: 1 },
};

export interface Button {
  text: string;
  callback_data?: string;
}
type Markup = { inline_keyboard?: Button[][] } | undefined;

/** A button that answers the question shown: "✅ Đúng" for a requirement, else the best option. */
export function answerButton(buttons: Button[]): Button | undefined {
  return buttons.find((b) => b.text === "✅ Đúng") ?? buttons.filter((b) => /^\d+ · \d+đ$/.test(b.text)).at(-1);
}

/**
 * A Bot API answered in process, through grammY's `fetch` option (so any Api the bot makes, e.g.
 * inside a conversation, uses it), and updates as Telegram would send them. `buttons(chat)`: the
 * inline keyboard last sent or edited into that chat.
 */
export function inProcessTelegram() {
  let messageId = 1;
  let updateId = 1;
  const markups = new Map<number, Markup>();
  const lastMessage = new Map<number, number>();
  const answer = (method: string, p: Record<string, unknown>) => {
    const chatId = p.chat_id as number;
    if (method === "sendMessage" || (method === "editMessageText" && p.reply_markup))
      markups.set(chatId, p.reply_markup as Markup);
    if (method !== "sendMessage" && method !== "editMessageText") return true;
    const id = method === "sendMessage" ? messageId++ : (p.message_id as number);
    if (method === "sendMessage") lastMessage.set(chatId, id);
    return { message_id: id, date: 0, chat: { id: chatId, type: "private" }, text: "" };
  };
  const fetch = async (url: unknown, init?: { body?: unknown }) => {
    const method = String(url).slice(String(url).lastIndexOf("/") + 1);
    const result = answer(method, typeof init?.body === "string" ? JSON.parse(init.body) : {});
    return { json: async () => ({ ok: true, result }) };
  };
  const person = (id: number) => ({
    from: { id, is_bot: false, first_name: "u" },
    chat: { id, type: "private" as const, first_name: "u" },
  });
  return {
    client: { fetch: fetch as unknown as typeof globalThis.fetch },
    buttons: (chat: number): Button[] => markups.get(chat)?.inline_keyboard?.flat() ?? [],
    text(chat: number, t: string): Update {
      const { from, chat: c } = person(chat);
      return {
        update_id: updateId++,
        message: {
          message_id: messageId++,
          date: 0,
          chat: c,
          from,
          text: t,
          ...(t.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: t.length }] } : {}),
        },
      } as Update;
    },
    press(chat: number, data: string): Update {
      const { from, chat: c } = person(chat);
      return {
        update_id: updateId++,
        callback_query: {
          id: String(updateId),
          from,
          chat_instance: "x",
          data,
          message: { message_id: lastMessage.get(chat) ?? messageId - 1, date: 0, chat: c, text: "" },
        },
      } as Update;
    },
  };
}

/** Our bot (`product`'s) on a database, every Bot API call answered by `telegram`. */
export function ourBot(product: Product, db: Db, telegram: ReturnType<typeof inProcessTelegram>) {
  return product.createBot(
    "1:bench-token-not-used-anywhere-000",
    {
      db,
      catalog: product.loadCatalog().value!,
      adminUnits: product.adminUnitsOf(db),
      logger: pino({ level: "silent" }),
      adminIds: [],
      holidays: product.loadHolidays(),
      notify: () => undefined,
    },
    // Telegram's limits aside: they are measured over HTTP (burst.ts), here only the bot's own work.
    { botInfo: BOT_INFO, client: telegram.client, limiter: product.createRateLimiter(NO_LIMITS) },
  );
}
