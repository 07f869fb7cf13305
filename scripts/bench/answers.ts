// CPU per answer: our bot answering the 36 button presses of a self-assessment (each answer saved
// in the database file before the next question is shown), against a peer that does no database
// work: a 36-question questionnaire written with @grammyjs/conversations v2 (replay-based, state
// in memory). Both get Telegram answered in process, so only the bots' own work is counted.

import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import { type Conversation, type ConversationFlavor, conversations, createConversation } from "@grammyjs/conversations";
import { Bot, type Context } from "grammy";
import type { Db } from "../../src/db/client.js";
import { answerButton, BOT_INFO, inProcessTelegram, ourBot } from "./in-process.js";
import { builtProduct, type Product } from "./product.js";
import { cpuMs, mean, median } from "./stats.js";
import { databasePath } from "./telegram-limits.js";

export const QUESTIONS = 36;

type Telegram = ReturnType<typeof inProcessTelegram>;
interface Subject {
  telegram: Telegram;
  handle(update: Parameters<Bot["handleUpdate"]>[0]): Promise<void>;
  /** Brings a new user to the first question. */
  begin(chat: number): Promise<void>;
}

/** The peer: one conversation asks 36 questions with four buttons, editing its message each time. */
export function peer(): Subject {
  type PeerContext = ConversationFlavor<Context>;
  const keyboard = (q: number) => ({
    inline_keyboard: [
      [1, 2].map((o) => ({ text: `${o} · ${o}đ`, callback_data: `q${q}:${o}` })),
      [3, 4].map((o) => ({ text: `${o} · ${o}đ`, callback_data: `q${q}:${o}` })),
    ],
  });
  const question = (q: number) => `Câu ${q}/${QUESTIONS}: mức nào đúng với sản phẩm của bạn?`;
  async function questionnaire(conversation: Conversation<PeerContext, Context>, ctx: Context) {
    await ctx.reply(question(1), { reply_markup: keyboard(1) });
    for (let q = 1; q <= QUESTIONS; q++) {
      const answer = await conversation.waitFor("callback_query:data");
      await answer.answerCallbackQuery();
      await answer.editMessageText(q < QUESTIONS ? question(q + 1) : "Xong.", {
        reply_markup: q < QUESTIONS ? keyboard(q + 1) : { inline_keyboard: [] },
      });
    }
  }
  const telegram = inProcessTelegram();
  const bot = new Bot<PeerContext>("2:bench-peer-token-not-used-anywhere", {
    botInfo: BOT_INFO,
    client: telegram.client,
  });
  bot.use(conversations(), createConversation(questionnaire, "questionnaire"));
  bot.command("start", (ctx) => ctx.conversation.enter("questionnaire"));
  return {
    telegram,
    handle: (u) => bot.handleUpdate(u),
    begin: (chat) => bot.handleUpdate(telegram.text(chat, "/start")),
  };
}

/** Our bot: registration, a product (vegetables: 4 requirements and 32 criteria), then its questions. */
export function ours(product: Product, db: Db): Subject {
  const telegram = inProcessTelegram();
  const bot = ourBot(product, db, telegram);
  const handle = (u: Parameters<Bot["handleUpdate"]>[0]) => bot.handleUpdate(u);
  const press = (chat: number, label: RegExp) =>
    handle(telegram.press(chat, telegram.buttons(chat).find((b) => label.test(b.text))!.callback_data!));
  return {
    telegram,
    handle,
    async begin(chat) {
      await handle(telegram.text(chat, "/start"));
      await press(chat, /Đồng ý/);
      await handle(telegram.text(chat, "Nguyễn Văn An"));
      await handle(telegram.text(chat, "0912345678"));
      await press(chat, /HTX/);
      await handle(telegram.text(chat, "HTX Bench"));
      await handle(telegram.text(chat, "cai nuoc"));
      await press(chat, /^1\./);
      await press(chat, /➕/);
      await handle(telegram.text(chat, "Rau cải"));
      await press(chat, /^Thực phẩm$/);
      await press(chat, /tươi sống/);
      await press(chat, /^Rau/);
    },
  };
}

/**
 * CPU milliseconds of each answer of each subject, by answer number (`[subject][q]`, q 0: answer
 * #1): `users` users of each subject all at the first question, then answer #1 of each, answer #2
 * of each, … (interleaved, so every conversation is open at once). The subjects take turns press by
 * press (user 1 of each, then user 2 of each, …), so that a machine whose speed drifts (other work
 * on it) slows them alike. `warmUp` users of each go through first and are not counted.
 */
export async function cpuPerAnswer(
  subjects: readonly Subject[],
  firstChat: number,
  users: number,
  warmUp: number,
): Promise<number[][][]> {
  const byAnswer = subjects.map(() => Array.from({ length: QUESTIONS }, (): number[] => []));
  for (const [count, counted] of [
    [warmUp, false],
    [users, true],
  ] as const) {
    const chats = Array.from({ length: count }, (_, i) => firstChat + (counted ? warmUp : 0) + i);
    for (const subject of subjects)
      for (const chat of chats) {
        await subject.begin(chat);
        await afterPress(); // what registering left due runs now, not in the first answer's press
      }
    for (let q = 0; q < QUESTIONS; q++) {
      for (const chat of chats) {
        for (const [i, subject] of subjects.entries()) {
          const button = answerButton(subject.telegram.buttons(chat));
          if (!button) throw new Error(`chat ${chat}: no answer button at question ${q + 1}`);
          const used = await cpuMs(async () => {
            await subject.handle(subject.telegram.press(chat, button.callback_data!));
            await afterPress();
          });
          if (counted) byAnswer[i]![q]!.push(used);
        }
      }
    }
  }
  return byAnswer;
}

/**
 * One turn of the event loop without waiting, as a bot under load gets between two updates: the
 * background work due by then (timers: the flush of answers to disk, held writes) runs, and is
 * charged to the press before it. Presses chained by promises alone would never let it run.
 */
const afterPress = () => new Promise<void>((resolve) => setImmediate(resolve));

type Summary = ReturnType<typeof summary>;

function summary(byAnswer: number[][]) {
  const all = byAnswer.flat();
  const perAnswer = byAnswer.map(mean);
  const medians = byAnswer.map(median);
  return {
    meanMs: mean(all),
    answer1Ms: perAnswer[0]!,
    answer36Ms: perAnswer[QUESTIONS - 1]!,
    answer36OverAnswer1: perAnswer[QUESTIONS - 1]! / perAnswer[0]!,
    /**
     * The same with each answer's median: a WAL checkpoint or a major GC (work of many answers, paid
     * by whichever press is running) falls on a few presses of one answer number and moves its mean.
     */
    answer36OverAnswer1ByMedian: medians[QUESTIONS - 1]! / medians[0]!,
    /** Answers #33–35 over #1–3: the questions themselves, the result screen of #36 aside. */
    lateOverEarly: mean(perAnswer.slice(QUESTIONS - 4, QUESTIONS - 1)) / mean(perAnswer.slice(0, 3)),
    n: all.length,
  };
}

/** The three bots compared; each is measured in a process of its own (answers-worker.ts). */
export const SUBJECTS = ["ours", "oursFlushingEachAnswer", "conversationsV2"] as const;
export type SubjectName = (typeof SUBJECTS)[number];

/**
 * One subject, ready to be measured in this process: "ours", our bot on a new database file as it
 * opens (answers flushed to disk within FLUSH_WITHIN_MS, together); "oursFlushingEachAnswer", the
 * same with every answer's commit flushed on its own before the reply, to show what that costs;
 * "conversationsV2", the peer.
 */
export async function subjectNamed(name: SubjectName): Promise<Subject> {
  if (name === "conversationsV2") return peer();
  const product = await builtProduct();
  const db = product.openDatabase(databasePath(), name === "oursFlushingEachAnswer" ? { flushWithinMs: 0 } : {});
  return ours(product, db);
}

/** What the parent asks a worker (answers-worker.ts): warm up, or measure round `round`. */
export type WorkerRequest = { warmUp: number } | { round: number; users: number };

/**
 * Our bot (as it opens, and flushing each answer) and the peer, `users` users × 36 answers each (after `warmUp`
 * users of each: both bots get cheaper for about the first 80 people, as V8 optimises their code,
 * and a bot runs for days), CPU per answer compared. Each bot lives in a process of its own (in a shared
 * process one bot's garbage collection is charged to whichever bot is running), and the processes
 * take turns, one round of `users / rounds` users each, so that only one works at a time and a
 * machine whose speed drifts slows them alike.
 */
export async function compareAnswers(users = 300, warmUp = 100, rounds = 30) {
  const workers = SUBJECTS.map((name) =>
    fork(join(import.meta.dirname, "answers-worker.ts"), [name], { stdio: ["ignore", "ignore", "inherit", "ipc"] }),
  );
  try {
    for (const worker of workers) await reply(worker);
    for (const worker of workers) await ask(worker, { warmUp });
    const measured = SUBJECTS.map((): number[][][] => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, worker] of workers.entries())
        measured[i]!.push(await ask(worker, { round, users: users / rounds }));
    }
    return comparison(users, measured);
  } finally {
    for (const worker of workers) worker.kill();
  }
}

/** Sends `request` to a worker and waits for its answer: CPU ms by answer number (none for a warm-up). */
function ask(worker: ChildProcess, request: WorkerRequest): Promise<number[][]> {
  const answer = reply(worker);
  worker.send(request);
  return answer as Promise<number[][]>;
}

/** The worker's next message. */
function reply(worker: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`bench worker exited (${code})`));
    worker.once("exit", exited);
    worker.once("message", (message) => {
      worker.off("exit", exited);
      resolve(message);
    });
  });
}

/** The figures of compareAnswers from each subject's rounds (`[subject][round][q]`). */
function comparison(users: number, measured: number[][][][]) {
  const byAnswer = (byRound: number[][][]) =>
    Array.from({ length: QUESTIONS }, (_, q) => byRound.flatMap((round) => round[q]!));
  const [our, ourFlushingEach, their] = measured.map((m) => summary(byAnswer(m))) as [Summary, Summary, Summary];
  const [byRoundOurs, , byRoundPeer] = measured;
  const roundMean = (round: number[][]) => mean(round.flat());
  const fixed = (x: number) => Number(x.toFixed(3));
  const byRound = byRoundOurs!.map((r, i) => fixed(roundMean(r) / roundMean(byRoundPeer![i]!)));
  const round = (s: Summary) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === "n" ? v : fixed(v)]));
  return {
    users,
    answersPerUser: QUESTIONS,
    ours: round(our),
    conversationsV2: round(their),
    oursOverPeer: fixed(our.meanMs / their.meanMs),
    /** The same ratio in each round: how much it moves on this machine within one run. */
    oursOverPeerByRound: byRound,
    /** Their median: a round the machine slowed down for one side only weighs no more than another. */
    oursOverPeerMedianRound: fixed(median(byRound)),
    /** Our bot flushing each answer's commit to disk before its reply (the peer writes nothing). */
    oursFlushingEachAnswer: round(ourFlushingEach),
    oursFlushingEachAnswerOverPeer: fixed(ourFlushingEach.meanMs / their.meanMs),
    targets: { oursOverPeer: 0.5, ourAnswer36OverAnswer1: 1.2 },
  };
}
