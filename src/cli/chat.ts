// `npm run chat`: the real bot and the embedded database in the terminal, with no token and no
// network. Messages are printed, buttons are numbered, typing a number presses it.
import "../load-env.js";
import { createInterface } from "node:readline";
import type { Message, Update } from "grammy/types";
import pino from "pino";
import { createBot, offlineBotInfo } from "../bot/index.js";
import { createTelegramDispatcher } from "../bot/notifications/index.js";
import { commitHeld, openDatabase } from "../db/client.js";
import { getI18n, translator } from "../i18n.js";
import { loadCatalog } from "../rubric/catalog.js";
import { adminUnitsOf } from "../services/admin-units.js";
import { loadHolidays } from "../services/holidays.js";
import { fileProblemText } from "../views/rubric-text.js";

const i18n = getI18n();
const t = translator(i18n, process.env.OCOP_LOCALE ?? "vi");
const USER = {
  id: Number(process.env.CHAT_USER_ID ?? 1),
  is_bot: false,
  first_name: "Demo",
  language_code: "vi",
} as const;
const CHAT = { id: USER.id, type: "private", first_name: USER.first_name } as const;
const BOT_INFO = offlineBotInfo("OCOP", "ocop_chat_bot");

interface Shown {
  buttons: { text: string; data?: string; contact?: boolean }[];
}

const catalog = loadCatalog();
if (!catalog.value) {
  process.stderr.write(`${catalog.problems.map((p) => fileProblemText(t, p)).join("\n")}\n`);
  process.exit(1);
}
const db = openDatabase(process.env.DATABASE_PATH || "./data/chat.sqlite");
const bot = createBot(
  "1:chat-in-the-terminal-no-network",
  {
    db,
    catalog: catalog.value,
    adminUnits: adminUnitsOf(db),
    logger: pino({ level: "silent" }),
    adminIds: [],
    holidays: loadHolidays(),
    notify: () => dispatcher.kick(),
  },
  { botInfo: BOT_INFO },
);

let nextMessageId = 1;
let nextUpdateId = 1;
let choices: Shown = { buttons: [] };
const messages = new Map<number, string>();

/** Telegram's HTML to terminal text. */
function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

function show(text: string, markup: unknown) {
  const m = markup as
    | {
        inline_keyboard?: { text: string; callback_data?: string }[][];
        keyboard?: { text: string; request_contact?: boolean }[][];
      }
    | undefined;
  const inline = m?.inline_keyboard?.flat().map((b) => ({ text: b.text, data: b.callback_data }));
  const reply = m?.keyboard?.flat().map((b) => ({ text: b.text, contact: !!b.request_contact }));
  const buttons = inline ?? reply;
  process.stdout.write(`\n${plain(text)}\n`);
  if (buttons?.length) {
    choices = { buttons };
    buttons.forEach((b, i) => {
      process.stdout.write(`  [${i + 1}] ${b.text}\n`);
    });
  }
}

// Every Bot API call is answered here; nothing leaves the machine.
bot.api.config.use(async (_prev, method, payload) => {
  const p = payload as Record<string, unknown>;
  const message = (text: string): Message =>
    ({ message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: CHAT, text }) as Message;
  switch (method) {
    case "sendMessage": {
      const sent = message(String(p.text));
      messages.set(sent.message_id, String(p.text));
      show(String(p.text), p.reply_markup);
      return { ok: true, result: sent } as never;
    }
    case "editMessageText":
      messages.set(Number(p.message_id), String(p.text));
      process.stdout.write(`\n${t("chat-edited")}`);
      show(String(p.text), p.reply_markup);
      return { ok: true, result: message(String(p.text)) } as never;
    case "answerCallbackQuery":
      if (p.text) process.stdout.write(`\n${t("chat-notice", { text: String(p.text) })}\n`);
      return { ok: true, result: true } as never;
    default:
      return { ok: true, result: true } as never;
  }
});

function update(body: Omit<Update, "update_id">): Update {
  return { update_id: nextUpdateId++, ...body } as Update;
}

function userMessage(text: string): Update {
  const command = /^\/\w+/.exec(text);
  return update({
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: CHAT,
      from: USER,
      text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    } as never,
  });
}

async function handle(line: string) {
  const text = line.trim();
  if (!text) return;
  const n = Number(text);
  const button = Number.isInteger(n) ? choices.buttons[n - 1] : undefined;
  if (button?.data) {
    const messageId = [...messages.keys()].at(-1) ?? 1;
    await bot.handleUpdate(
      update({
        callback_query: {
          id: String(nextUpdateId),
          from: USER,
          chat_instance: "terminal",
          data: button.data,
          message: { message_id: messageId, date: 0, chat: CHAT, text: messages.get(messageId) ?? "" } as never,
        },
      }),
    );
  } else if (button?.contact) {
    const phone = process.env.CHAT_PHONE ?? "0912345678";
    await bot.handleUpdate(
      update({
        message: {
          message_id: nextMessageId++,
          date: 0,
          chat: CHAT,
          from: USER,
          contact: { phone_number: phone, first_name: USER.first_name, user_id: USER.id },
        } as never,
      }),
    );
  } else if (button) {
    await bot.handleUpdate(userMessage(button.text));
  } else {
    await bot.handleUpdate(userMessage(text));
  }
}

// Notifications (to this user, or to officers) are printed like any other message.
const dispatcher = createTelegramDispatcher({
  db,
  api: bot.api,
  logger: pino({ level: "silent" }),
  limits: { perChatIntervalMs: 0 },
  i18n,
  adminUnits: adminUnitsOf(db),
});

await bot.init();
dispatcher.start();
process.stdout.write(`${t("chat-intro")}\n`);
const rl = createInterface({ input: process.stdin, terminal: process.stdin.isTTY ?? false });
let queue: Promise<unknown> = Promise.resolve();
rl.on("line", (line) => {
  queue = queue.then(() => handle(line)).catch((e: unknown) => process.stderr.write(`${String(e)}\n`));
});
rl.on("close", () => {
  void queue.then(async () => {
    await dispatcher.drainOnce();
    await dispatcher.stop();
    commitHeld(db);
    db.$client.close();
    process.exit(0);
  });
});
