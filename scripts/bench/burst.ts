// A burst: 200 people, each in the middle of a self-assessment, press an answer at the same moment;
// the bot (production's limiter, TELEGRAM_LIMITS) answers through the strict fake Bot API over
// HTTP, which refuses with 429 whatever passes Telegram's limits. Measured per person: the press to
// the next question (the new message they wait for), and to the last of their messages (the edit
// of the question answered, which the limiter sends after waiting new messages).
import { TELEGRAM_LIMITS } from "../../src/bot/rate-limiter.js";
import type { RubricCatalog } from "../../src/rubric/catalog.js";
import { type FakeUser, startFakeBotApi } from "../../test/helpers/fake-bot-api.js";
import { answerButton, NO_LIMITS } from "./in-process.js";
import { percentile } from "./stats.js";
import { botOnFake, databaseFile, STRICT_LIMITS, sendsOf } from "./telegram-limits.js";

const SORRY = "Xin lỗi";

export async function burst(catalog: RubricCatalog, people = 200, answeredBefore = 5) {
  const api = await startFakeBotApi();
  const db = databaseFile();
  const logs: string[] = [];
  // Setting up, with no limits: registration, a product, the first answers.
  const setup = botOnFake(api, db, catalog, NO_LIMITS, logs);
  const deliver = (u: ReturnType<FakeUser["press"]>) => setup.handleUpdate(u);
  async function prepare(u: FakeUser) {
    await deliver(u.command("/start"));
    await deliver(u.press("✅ Đồng ý"));
    await deliver(u.send("Nguyễn Văn An"));
    await deliver(u.send("0912345678"));
    await deliver(u.press("Hợp tác xã (HTX)"));
    await deliver(u.send("HTX Bench"));
    await deliver(u.send("cai nuoc"));
    await deliver(u.press(/^1\./));
    await deliver(u.press(/➕/));
    await deliver(u.send("Rau cải"));
    await deliver(u.press("Thực phẩm"));
    await deliver(u.press(/tươi sống/));
    await deliver(u.press(/^Rau/));
    for (let i = 0; i < answeredBefore; i++) await deliver(u.press(answerButton(u.chat().last()!.buttons)!.text));
  }
  const users = Array.from({ length: people }, (_, i) => api.user({ id: 70_000 + i, first_name: "Lan" }));
  for (let i = 0; i < users.length; i += 20) await Promise.all(users.slice(i, i + 20).map(prepare));

  // The burst: the bot as in production, Telegram's limits enforced by the fake.
  api.enforceLimits(STRICT_LIMITS);
  const bot = botOnFake(api, db, catalog, TELEGRAM_LIMITS, logs);
  const shown = new Map(users.map((u) => [u.id, u.chat().last()!.text]));
  const presses = users.map((u) => u.press(answerButton(u.chat().last()!.buttons)!.text));
  const from = api.calls.length;
  const start = Date.now();
  await Promise.all(presses.map((p) => bot.handleUpdate(p)));
  const calls = api.calls.slice(from);

  const toNextQuestion: number[] = [];
  const toAllDone: number[] = [];
  let sawNext = 0;
  let apologies = 0;
  const answeredAt = (cs: typeof calls) => Math.max(...cs.map((c) => c.answeredAt ?? Infinity));
  for (const u of users) {
    const last = u.chat().last()!;
    if (last.text !== shown.get(u.id) && answerButton(last.buttons)) sawNext++;
    const mine = calls.filter((c) => c.params.chat_id === u.id && c.response?.ok && c.method !== "answerCallbackQuery");
    const question = answeredAt(mine.filter((c) => c.method === "sendMessage"));
    if (Number.isFinite(question)) toNextQuestion.push(question - start);
    const all = answeredAt(mine);
    if (Number.isFinite(all)) toAllDone.push(all - start);
    const apologised =
      u.chat().messages.some((m) => m.text?.includes(SORRY)) ||
      calls.some((c) => c.params.callback_query_id !== undefined && String(c.params.text ?? "").includes(SORRY));
    if (apologised) apologies++;
  }
  toNextQuestion.sort((a, b) => a - b);
  toAllDone.sort((a, b) => a - b);
  const sends = sendsOf(calls);
  // Under 30 messages a second, the fastest the next questions (one a person) and all messages can go.
  const floorMs = {
    nextQuestions: Math.round((people / STRICT_LIMITS.global.count) * 1000),
    allMessages: Math.round((sends.sent / STRICT_LIMITS.global.count) * 1000),
  };
  const summary = (ms: number[]) => ({ p50: percentile(ms, 0.5), p99: percentile(ms, 0.99), max: ms.at(-1) });
  await api.stop();
  db.$client.close();
  return {
    people,
    sawNextQuestion: sawNext,
    apologiesShown: apologies,
    apiErrors: { tooManyRequests: sends.tooManyRequests, other: sends.otherErrors },
    errorLogLines: logs.length,
    messagesSent: sends.sent,
    pressToNextQuestionMs: summary(toNextQuestion),
    pressToAllDoneMs: summary(toAllDone),
    floorMs,
    p99OverFloor: {
      nextQuestion: Number((percentile(toNextQuestion, 0.99) / floorMs.nextQuestions).toFixed(2)),
      allDone: Number((percentile(toAllDone, 0.99) / floorMs.allMessages).toFixed(2)),
    },
    fakeLimits: STRICT_LIMITS,
  };
}
