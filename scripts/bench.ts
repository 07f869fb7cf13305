// `npm run bench`: how fast the engine and the bot are on this machine; the README quotes the figures.
// Sections 4–7 live in scripts/bench/: CPU per answer against @grammyjs/conversations, a burst of
// 200 presses and a fan-out of 1,000 notifications under Telegram's limits (strict fake Bot API),
// and the product on a database of 100,000 users (CPU per answer, `npm start`, its memory).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Update } from "grammy/types";
import pino from "pino";
import { createBot } from "../src/bot/index.js";
import { openDatabase } from "../src/db/client.js";
import { improvementPlan } from "../src/domain/plan.js";
import { optionsFor } from "../src/domain/rubric.js";
import { score } from "../src/domain/scoring.js";
import { loadCatalog } from "../src/rubric/catalog.js";
import { adminUnitsOf } from "../src/services/admin-units.js";
import { loadHolidays } from "../src/services/holidays.js";
import { compareAnswers } from "./bench/answers.js";
import { burst } from "./bench/burst.js";
import { fanOut } from "./bench/fan-out.js";
import { BOT_INFO } from "./bench/in-process.js";
import { nationalScale } from "./bench/national.js";
import { compiledProduct } from "./bench/product.js";
import { stats } from "./bench/stats.js";

const progress = (section: string) => process.stderr.write(`bench: ${section}…\n`);

const catalog = loadCatalog().value!;
let seed = 1;
const random = () => {
  seed = (seed * 48271) % 2147483647;
  return seed / 2147483647;
};

progress("scoring, plans, communes");
// 1. Scoring and the exact improvement plan over every shipped sheet.
const scoring: number[] = [];
const planning: number[] = [];
for (const sheet of catalog.sheets) {
  for (let i = 0; i < 200; i++) {
    const answers = Object.fromEntries(
      sheet.criteria.map((c) => {
        const options = optionsFor(c, sheet.cases[0]?.id);
        return [c.id, options[Math.floor(random() * options.length)]!.id];
      }),
    );
    const opts = { caseId: sheet.cases[0]?.id };
    let t = performance.now();
    score(sheet, answers, opts);
    scoring.push(performance.now() - t);
    t = performance.now();
    improvementPlan(sheet, answers, 1 + Math.floor(random() * 5), opts);
    planning.push(performance.now() - t);
  }
}

// 2. The commune list: seeding an empty database and building the search index, then searches
// through the database-backed list the bot uses (each checks the list's revision first).
// A database file, as in production (WAL; every commit of an answer flushed to disk).
const db = openDatabase(join(mkdtempSync(join(tmpdir(), "ocop-bench-")), "bench.sqlite"));
let t0 = performance.now();
const units = adminUnitsOf(db);
units.communes;
const seedMs = performance.now() - t0;
db.$client.prepare("INSERT INTO commune_imports (source, summary) VALUES ('bench', '{}')").run();
t0 = performance.now();
units.communes;
const reindexMs = performance.now() - t0;
const queries = units.communes.slice(0, 1000).map((c) => c.name.toLowerCase());
const searching: number[] = [];
for (const q of queries) {
  const t = performance.now();
  units.search(q);
  searching.push(performance.now() - t);
}

// 3. The bot: a whole self-assessment through handleUpdate, Telegram answered in process.
const bot = createBot(
  "1:bench-token-not-used-anywhere-000",
  {
    db,
    catalog,
    adminUnits: units,
    logger: pino({ level: "silent" }),
    adminIds: [],
    holidays: loadHolidays(),
    notify: () => undefined,
  },
  { botInfo: BOT_INFO },
);
let messageId = 1;
let lastMarkup: { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
bot.api.config.use(async (_prev, method, payload) => {
  const p = payload as Record<string, unknown>;
  if (method === "sendMessage" || (method === "editMessageText" && p.reply_markup))
    lastMarkup = p.reply_markup as typeof lastMarkup;
  return {
    ok: true,
    result:
      method === "sendMessage" || method === "editMessageText"
        ? { message_id: messageId++, date: 0, chat: { id: 7, type: "private" }, text: "" }
        : true,
  } as never;
});
const from = { id: 7, is_bot: false, first_name: "u" };
const chat = { id: 7, type: "private" as const, first_name: "u" };
let updateId = 1;
const text = (t: string): Update =>
  ({
    update_id: updateId++,
    message: {
      message_id: messageId++,
      date: 0,
      chat,
      from,
      text: t,
      ...(t.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: t.length }] } : {}),
    },
  }) as Update;
const press = (data: string): Update =>
  ({
    update_id: updateId++,
    callback_query: {
      id: String(updateId),
      from,
      chat_instance: "x",
      data,
      message: { message_id: messageId - 1, date: 0, chat, text: "" },
    },
  }) as Update;
const pressText = (label: RegExp) =>
  press(lastMarkup!.inline_keyboard!.flat().find((b) => label.test(b.text))!.callback_data!);

const updates: number[] = [];
const deliver = async (u: Update) => {
  const t = performance.now();
  await bot.handleUpdate(u);
  updates.push(performance.now() - t);
};
progress("20 self-assessments");
await bot.init();
const rssBefore = process.memoryUsage().rss;
for (let round = 0; round < 20; round++) {
  from.id = chat.id = 1000 + round;
  await deliver(text("/start"));
  await deliver(pressText(/Đồng ý/));
  await deliver(text("Nguyễn Văn An"));
  await deliver(text("0912345678"));
  await deliver(pressText(/HTX/));
  await deliver(text("HTX Bench"));
  await deliver(text("cai nuoc"));
  await deliver(pressText(/^1\./));
  await deliver(pressText(/➕/));
  await deliver(text("Sản phẩm"));
  await deliver(pressText(/^Thực phẩm$/));
  await deliver(pressText(/tươi sống/));
  await deliver(pressText(/^Rau/));
  for (let i = 0; i < 60 && lastMarkup?.inline_keyboard; i++) {
    const buttons = lastMarkup.inline_keyboard.flat();
    const next = buttons.find((b) => b.text === "✅ Đúng") ?? buttons.filter((b) => /^\d+ · \d+đ$/.test(b.text)).at(-1);
    if (!next) break;
    await deliver(press(next.callback_data!));
  }
}
const rssAfter = process.memoryUsage().rss;

// 4. CPU per answer: our bot (300 people × the 36 answers of an assessment) against a 36-question
// questionnaire on @grammyjs/conversations v2 that does no database work; our bot again on a
// database that does not flush each commit, to show what the flush costs. Each bot in a process of
// its own, the processes taking turns (scripts/bench/answers-worker.ts).
progress("CPU per answer, ours and @grammyjs/conversations");
const product = await compiledProduct();
const answers = await compareAnswers();

// 5. 200 people press an answer at once; Telegram's limits enforced by the fake Bot API over HTTP.
progress("burst of 200 presses (about 30 s)");
const pressBurst = await burst(catalog);

// 6. 1,000 notifications through the dispatcher, under the same limits.
progress("fan-out to 1,000 chats (about 40 s)");
const notifications = await fanOut(catalog);

// 7. 100,000 users, 2,000,000 answers, 100,000 idle drafts: CPU per answer against an empty
// database, and `npm start` on it (start-up, the first reminders pass, memory).
const national = await nationalScale(catalog, product, progress);

console.log(
  JSON.stringify(
    {
      node: process.version,
      scoreMs: stats(scoring),
      planMs: stats(planning),
      communeListMs: { seedAndIndex: seedMs.toFixed(1), reindexAfterImport: reindexMs.toFixed(1) },
      communeSearchMs: stats(searching),
      botUpdateMs: stats(updates),
      assessments: 20,
      rssMiB: { before: Math.round(rssBefore / 2 ** 20), after: Math.round(rssAfter / 2 ** 20) },
      cpuPerAnswer: answers,
      burst: pressBurst,
      fanOut: notifications,
      nationalScale: national,
      date: new Date().toISOString().slice(0, 10),
    },
    null,
    2,
  ),
);
db.$client.close();
