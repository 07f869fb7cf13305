// National scale: the product on a database of 100,000 producers, 2,000,000 answers and 100,000
// drafts idle long enough to be reminded (seeded.ts), against an empty one, in the same run:
// - CPU per answer (answers.ts) on each;
// - `npm start` on a copy of it, long polling the strict fake Bot API over HTTP: the time from
//   spawning to the first getUpdates, then the memory of the process (VmRSS, and VmHWM, its peak)
//   after the first reminders pass over the 100,000 drafts and a few people answering.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { TELEGRAM_LIMITS } from "../../src/bot/rate-limiter.js";
import type { RubricCatalog } from "../../src/rubric/catalog.js";
import { type FakeBotApi, type FakeUser, startFakeBotApi } from "../../test/helpers/fake-bot-api.js";
import { freePort } from "../../test/helpers/net.js";
import { cpuPerAnswer, ours, QUESTIONS } from "./answers.js";
import { answerButton } from "./in-process.js";
import type { Product } from "./product.js";
import { copySeeded, SEEDED, SEEDED_TELEGRAM_BASE, seededDatabase } from "./seeded.js";
import { mean } from "./stats.js";
import { databasePath, STRICT_LIMITS, sendsOf } from "./telegram-limits.js";

const ROOT = join(import.meta.dirname, "../..");

export async function nationalScale(catalog: RubricCatalog, product: Product, progress: (section: string) => void) {
  progress("national scale: seeding 100,000 users and 2,000,000 answers");
  const seeded = seededDatabase(catalog);
  try {
    progress("national scale: CPU per answer, empty and seeded databases");
    const cpu = await cpuEmptyAndSeeded(product, seeded.path);
    progress("national scale: npm start on the seeded database (about 1 min)");
    const started = await startOnSeeded(seeded.path);
    return {
      users: SEEDED.users,
      seedSeconds: Number((seeded.seedMs / 1000).toFixed(1)),
      cpuPerAnswer: cpu,
      npmStart: started,
    };
  } finally {
    rmSync(dirname(seeded.path), { recursive: true, force: true });
  }
}

/**
 * Mean CPU milliseconds per answer of our bot on an empty database file and on a copy of the
 * seeded one: two rounds of 25 people × 36 answers on each, press by press in turn (cpuPerAnswer),
 * so that neither gets a warmer process.
 */
async function cpuEmptyAndSeeded(product: Product, seededPath: string) {
  const empty = product.openDatabase(databasePath());
  const copy = copySeeded(seededPath);
  const full = product.openDatabase(copy);
  const subjects = [empty, full].map((db) => ours(product, db));
  const samples: number[][] = [[], []];
  for (let round = 0; round < 2; round++) {
    const bySubject = await cpuPerAnswer(subjects, 50_000 + round * 1000, 25, 10);
    for (const [i, byAnswer] of bySubject.entries()) samples[i]!.push(...byAnswer.flat());
  }
  empty.$client.close();
  full.$client.close();
  rmSync(dirname(copy), { recursive: true, force: true });
  const [emptyMs, seededMs] = samples.map(mean) as [number, number];
  return {
    emptyMs: Number(emptyMs.toFixed(3)),
    seededMs: Number(seededMs.toFixed(3)),
    seededOverEmpty: Number((seededMs / emptyMs).toFixed(3)),
    n: samples[0]!.length,
    target: { seededOverEmpty: 1.2 },
  };
}

/** VmRSS and VmHWM (the peak) of a process, in MiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rss: Math.round(kib("VmRSS") / 1024), peak: Math.round(kib("VmHWM") / 1024) };
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The node process running the product (dist/src/main.js) among `pid` and its descendants (npm runs it through a shell). */
function mainProcessOf(pid: number): number | undefined {
  const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  if (/(^|\/)node$/.test(argv[0]!) && argv.includes("dist/src/main.js")) return pid;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    for (const child of children) {
      const found = mainProcessOf(Number(child));
      if (found) return found;
    }
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `f()` holds (checked every 50 ms); rejects after `timeoutMs`. */
async function until(f: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!f()) {
    if (Date.now() > deadline) throw new Error(`bench: ${what} not within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** The latest inline keyboard in the chat, and the text of the bot's last message. */
const keyboardOf = (u: FakeUser) =>
  u
    .chat()
    .messages.filter((m) => m.buttons.length > 0)
    .at(-1)?.buttons ?? [];
const lastText = (u: FakeUser) => u.chat().last()?.text ?? "";

/** Registration, a product, then `answers` answers, as a person does it in Telegram. */
async function answerSome(u: FakeUser, answers: number): Promise<void> {
  const what = (label: string | RegExp) => `${u.id}: ${label}`;
  const shows = (label: string | RegExp) =>
    until(
      () => keyboardOf(u).some((b) => (typeof label === "string" ? b.text === label : label.test(b.text))),
      60_000,
      what(label),
    );
  const asks = (question: RegExp) => until(() => question.test(lastText(u)), 60_000, what(question));
  u.command("/start");
  await shows("✅ Đồng ý");
  u.press("✅ Đồng ý");
  await asks(/họ và tên/);
  u.send("Nguyễn Văn An");
  await asks(/điện thoại/);
  u.send("0912345678");
  await shows("Hợp tác xã (HTX)");
  u.press("Hợp tác xã (HTX)");
  await asks(/Tên cơ sở/);
  u.send("HTX Bench");
  await asks(/xã, phường/);
  u.send("cai nuoc");
  await shows(/^1\./);
  u.press(/^1\./);
  await shows(/➕/);
  u.press(/➕/);
  await asks(/Tên sản phẩm/);
  u.send("Rau cải");
  await shows("Thực phẩm");
  u.press("Thực phẩm");
  await shows(/tươi sống/);
  u.press(/tươi sống/);
  await shows(/^Rau/);
  u.press(/^Rau/);
  await until(() => answerButton(keyboardOf(u)) !== undefined, 60_000, what("the first question"));
  for (let i = 0; i < answers; i++) {
    const question = lastText(u);
    u.press(answerButton(keyboardOf(u))!.text);
    await until(
      () => lastText(u) !== question && answerButton(keyboardOf(u)) !== undefined,
      60_000,
      what(`answer ${i + 1}`),
    );
  }
}

interface Started {
  child: ChildProcess;
  /** The node process itself (npm runs it through a shell). */
  pid: number;
  /** From spawning npm to the first getUpdates reaching the fake, in milliseconds. */
  startMs: number;
  /** What the process wrote: pino's warnings and errors (LOG_LEVEL=warn), anything on stderr. */
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm start` on the database file at `path`, long polling `api`; resolves at its first getUpdates. */
async function npmStart(api: FakeBotApi, path: string): Promise<Started> {
  const from = api.calls.length;
  const spawnedAt = Date.now();
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true, // its own process group: npm, the shell and node are stopped together
    env: {
      ...process.env,
      BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.url,
      BOT_MODE: "polling",
      DATABASE_PATH: path,
      PORT: String(await freePort()),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      REDIS_URL: "",
      PUBLIC_URL: "",
      ADMIN_IDS: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGKILL");
    await exited;
  };
  try {
    // The call is recorded when it arrives; waitFor answers once it is answered (a long poll).
    await until(() => api.calls.slice(from).some((c) => c.method === "getUpdates"), 60_000, "the first getUpdates");
    const firstPoll = api.calls.slice(from).find((c) => c.method === "getUpdates")!;
    const pid = mainProcessOf(child.pid!);
    if (!pid) throw new Error("bench: the node process of npm start not found");
    return { child, pid, startMs: firstPoll.time - spawnedAt, output: () => output, stop };
  } catch (error) {
    process.stderr.write(output);
    await stop();
    throw error;
  }
}

/**
 * `npm start` on copies of the seeded database, every seeded person a chat that started the bot,
 * Telegram's limits enforced by the fake. Measures spawn → first getUpdates (three starts: the
 * machine is shared), then, on the last start, how long the first reminders pass takes, and the
 * memory of the process once it is done and five people have registered and answered 12
 * questions each.
 */
async function startOnSeeded(seededPath: string) {
  const api = await startFakeBotApi({ limits: { global: STRICT_LIMITS.global, perChat: TELEGRAM_LIMITS.perChat } });
  for (let id = 1; id <= SEEDED.users; id++)
    api.user({ id: SEEDED_TELEGRAM_BASE + id, first_name: "Lan" }).send("/start");
  api.dropPendingUpdates();
  const copies: string[] = [];
  const copy = () => {
    copies.push(copySeeded(seededPath));
    return copies.at(-1)!;
  };
  const starts: number[] = [];
  let started: Started | undefined;
  try {
    for (let i = 0; i < 2; i++) {
      const quick = await npmStart(api, copy());
      starts.push(quick.startMs);
      await quick.stop();
    }
    const path = copy();
    started = await npmStart(api, path);
    starts.push(started.startMs);
    const { pid } = started;
    const afterStart = memoryOf(pid);
    const begin = Date.now();

    // The first reminders pass: one reminder per idle draft, recorded in the database.
    const db = new Database(path, { readonly: true });
    const reminded = db.prepare("SELECT count(*) FROM reminders WHERE kind = 'idle-draft'").pluck();
    await until(() => (reminded.get() as number) >= SEEDED.users, 300_000, "the first reminders pass");
    const remindersSeconds = (Date.now() - begin) / 1000;
    const cpuSeconds = cpuSecondsOf(pid);
    const afterPass = memoryOf(pid);

    const people = Array.from({ length: 5 }, (_, i) => api.user({ id: 60_000 + i, first_name: "Hoa" }));
    const answered = 12;
    await Promise.all(people.map((u) => answerSome(u, answered)));
    // Requirements (clearances) and criteria (answers) alike.
    const saved = db
      .prepare(
        "SELECT (SELECT count(*) FROM answers WHERE application_id > ?) + (SELECT count(*) FROM clearances WHERE application_id > ?)",
      )
      .pluck()
      .get(SEEDED.users, SEEDED.users);
    const sent = api.calls.filter(
      (c) => c.method === "sendMessage" && Number(c.params.chat_id) > SEEDED_TELEGRAM_BASE && c.response?.ok,
    ).length;
    const memory = memoryOf(pid);
    db.close();
    const sends = sendsOf(api.calls);
    return {
      spawnToFirstGetUpdatesMs: { median: [...starts].sort((a, b) => a - b)[1], all: starts },
      firstRemindersPassSeconds: Number(remindersSeconds.toFixed(1)),
      cpuSecondsUntilPassDone: cpuSeconds,
      remindersSentMeanwhile: sent,
      peopleAnswering: people.length,
      answersSaved: saved,
      answersExpected: people.length * Math.min(answered, QUESTIONS),
      rssMiB: { afterStart: afterStart.rss, afterPass: afterPass.rss, atEnd: memory.rss, peak: memory.peak },
      apiErrors: { tooManyRequests: sends.tooManyRequests, other: sends.otherErrors },
      warnOrErrorLogLines: started
        .output()
        .split("\n")
        .filter((l) => /"level":(40|50|60)/.test(l)).length,
      targets: { spawnToFirstGetUpdatesMs: 3000, rssMiB: 200 },
    };
  } catch (error) {
    process.stderr.write(started?.output() ?? "");
    throw error;
  } finally {
    await started?.stop();
    await api.stop();
    for (const c of copies) rmSync(dirname(c), { recursive: true, force: true });
  }
}
