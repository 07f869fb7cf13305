// Reminders on a real SQLite database with the real migrations, rubric, locales and holidays:
// the officers' daily digest, the idle-draft reminder, the scheduler, and the bot side (/nhacnho,
// the "stop reminders" button, the digest reaching the officer's chat).
import { and, eq } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Db, openDatabase } from "../../src/db/client.js";
import { applications, reminders, users } from "../../src/db/schema.js";
import { communeDeadline, workingDaysLeft } from "../../src/domain/calendar.js";
import { loadAssessment } from "../../src/services/assessment.js";
import { createMemberInvite, redeemInvite, revokeOfficer } from "../../src/services/membership.js";
import { findUser, telegramIdentity, userIdOf } from "../../src/services/people.js";
import {
  IDLE_DRAFT_BATCH,
  queueIdleDrafts,
  type ReminderDeps,
  runReminders,
  setRemindersOff,
  startReminderScheduler,
} from "../../src/services/reminders.js";
import { act } from "../../src/services/workflow.js";
import { type Harness, startHarness } from "../helpers/bot.js";
import {
  ADMIN,
  CAI_NUOC,
  catalog,
  holidays,
  PHU_MY,
  telegramOutbox,
  units,
  type World,
  world,
} from "../helpers/world.js";

const DAY = 86_400_000;

let db: Db;
let deps: ReminderDeps;
let person: World["person"];
let producer: World["producer"];
let officer: World["officer"];
let draft: World["draft"];
let answer: World["answer"];
let filed: World["filed"];
let workflow: World["workflow"];

function useDb(d: Db) {
  db = d;
  deps = { db, catalog, adminUnits: units, holidays, adminIds: [ADMIN] };
  ({ person, producer, officer, draft, answer, filed, workflow } = world(db));
}

/** Reminder messages in the outbox (the workflow's own notifications left out). */
function reminderRows(kind: "digest" | "idle-draft") {
  const sent = db.select().from(reminders).where(eq(reminders.kind, kind)).all();
  const chats = new Set(sent.map((r) => r.userId));
  return telegramOutbox(db)
    .filter((r) => chats.has(r.chatId))
    .filter((r) => (kind === "digest" ? r.replyMarkup?.includes("hs:open:0") : r.replyMarkup?.includes("rem:off")));
}

describe("the officers' daily digest", () => {
  // Tuesday 8 December 2026 in Vietnam.
  const before8 = new Date("2026-12-08T00:59:00Z"); // 07:59 in Vietnam
  const at8 = new Date("2026-12-08T01:00:00Z"); // 08:00 in Vietnam
  let urgentId: number;

  beforeEach(() => {
    useDb(openDatabase(":memory:"));
    officer(100, [CAI_NUOC]); // has applications waiting
    officer(101, [CAI_NUOC, PHU_MY]); // two communes: one digest
    officer(102, ["00001"]); // nothing waiting
    officer(103, [PHU_MY], "en");
    const a = producer(200, CAI_NUOC);
    const b = producer(201, PHU_MY);
    // Received 1 December (15 working days: deadline 22 December), and a later one, less urgent.
    urgentId = filed(a, "Mật ong <hoa> tràm", new Date("2026-11-30T03:00:00Z"), {
      by: 100,
      at: new Date("2026-12-01T03:00:00Z"),
    });
    filed(a, "Mật ong rừng", new Date("2026-12-02T03:00:00Z"), { by: 100, at: new Date("2026-12-03T03:00:00Z") });
    filed(a, "Mật ong nhãn", new Date("2026-12-04T03:00:00Z"));
    filed(b, "Mắm tôm", new Date("2026-12-04T03:00:00Z"));
    // Not waiting for the officer: a draft, and an application sent back to its producer.
    draft(a, "Bản nháp");
    const returned = filed(b, "Trả về", new Date("2026-12-04T03:00:00Z"));
    expect(act(workflow(new Date("2026-12-05T03:00:00Z")), 103, returned, "return", { note: "Thiếu giấy tờ" }).ok).toBe(
      true,
    );
  });
  afterEach(() => db.$client.close());

  it("goes from 08:00 in Vietnam, once a day per officer with applications waiting", () => {
    expect(runReminders(deps, before8).digests).toBe(0);
    expect(reminderRows("digest")).toEqual([]);

    expect(runReminders(deps, at8).digests).toBe(3);
    const rows = reminderRows("digest");
    expect(rows.map((r) => r.chatId).sort()).toEqual([100, 101, 103]);
    expect(rows.every((r) => r.parseMode === "HTML" && r.status === "pending")).toBe(true);
    expect(JSON.parse(rows[0]!.replyMarkup!).inline_keyboard[0][0].callback_data).toBe("hs:open:0");

    // Later the same day (23:59 in Vietnam), or a second instance at the same time: nothing more.
    expect(runReminders(deps, at8).digests).toBe(0);
    expect(runReminders(deps, new Date("2026-12-08T16:59:00Z")).digests).toBe(0);
    // Just after midnight in Vietnam it is a new day, but not yet 08:00.
    expect(runReminders(deps, new Date("2026-12-08T17:00:00Z")).digests).toBe(0);
    // The next day at 08:00: again.
    expect(runReminders(deps, new Date("2026-12-09T01:00:00Z")).digests).toBe(3);
    expect(reminderRows("digest")).toHaveLength(6);
    expect(
      db
        .select()
        .from(reminders)
        .where(eq(reminders.kind, "digest"))
        .all()
        .map((r) => `${r.userId}:${r.key}`)
        .sort(),
    ).toEqual([
      "100:2026-12-08",
      "100:2026-12-09",
      "101:2026-12-08",
      "101:2026-12-09",
      "103:2026-12-08",
      "103:2026-12-09",
    ]);
  });

  it("says how many are waiting, the most urgent with its working days left, and the next provincial deadline", () => {
    runReminders(deps, at8);
    const text = reminderRows("digest").find((r) => r.chatId === 100)!.text;
    const receivedAt = new Date("2026-12-01T03:00:00Z");
    expect(workingDaysLeft(receivedAt, at8, holidays)).toBe(10);
    expect(communeDeadline(receivedAt, holidays)).toBe("2026-12-22");
    expect(text).toContain("Hồ sơ OCOP chờ bạn xử lý</b> (08/12/2026)");
    expect(text).toContain("Mới nộp, chờ tiếp nhận: 1 hồ sơ. Đã tiếp nhận, đang đánh giá: 2 hồ sơ.");
    // The product name is escaped for HTML.
    expect(text).toContain("Gấp nhất: “Mật ong &lt;hoa&gt; tràm”, còn 10 ngày làm việc (hạn 22/12/2026).");
    expect(text).toContain("Hạn đề nghị lên tỉnh: 30/04/2027. Tỉnh chấm trước 30/06/2027.");
    expect(urgentId).toBeGreaterThan(0);
  });

  it("an officer of two communes gets one digest counting both", () => {
    runReminders(deps, at8);
    const rows = reminderRows("digest").filter((r) => r.chatId === 101);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text).toContain("Mới nộp, chờ tiếp nhận: 2 hồ sơ. Đã tiếp nhận, đang đánh giá: 2 hồ sơ.");
  });

  it("is in the officer's language, and says when the most urgent is overdue", () => {
    runReminders(deps, new Date("2026-12-24T01:00:00Z"));
    const en = reminderRows("digest").find((r) => r.chatId === 103)!.text;
    expect(en).toContain("OCOP applications waiting for you</b> (24/12/2026)");
    expect(en).toContain("New, waiting to be received: 1. Received, being evaluated: 0.");
    expect(en).not.toContain("Most urgent");
    expect(en).toContain("Deadline to propose to the province: 30/04/2027.");
    const vi = reminderRows("digest").find((r) => r.chatId === 100)!.text;
    expect(vi).toContain("“Mật ong &lt;hoa&gt; tràm”, đã quá hạn 2 ngày làm việc (hạn 22/12/2026).");
  });

  it("not for a revoked officer, nor for one who turned reminders off", () => {
    revokeOfficer(db, 100);
    setRemindersOff(db, 101, true);
    expect(runReminders(deps, at8).digests).toBe(1);
    expect(reminderRows("digest").map((r) => r.chatId)).toEqual([103]);
  });
});

describe("the idle-draft reminder", () => {
  const start = new Date("2026-12-01T03:00:00Z");

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
    useDb(openDatabase(":memory:"));
  });
  afterEach(() => {
    vi.useRealTimers();
    db.$client.close();
  });

  it("once per idle period, after more than 3 days, to the owner only", () => {
    const p = producer(300, CAI_NUOC);
    const member = person(301);
    expect(redeemInvite(db, "member", createMemberInvite(db, p.org.id, 300).code, member.id).ok).toBe(true);
    const appId = draft(p, "Mật ong <rừng>");
    answer(appId, 300, 2);
    const total = loadAssessment(db, catalog, appId)!.order.length;

    expect(runReminders(deps, new Date(start.getTime() + 2 * DAY)).idle).toBe(0);
    expect(runReminders(deps, new Date(start.getTime() + 3 * DAY)).idle).toBe(0);
    const late = new Date(start.getTime() + 3 * DAY + 60_000);
    expect(runReminders(deps, late)).toMatchObject({ digests: 0, idle: 1, certificates: 0, more: false });
    let rows = reminderRows("idle-draft");
    expect(rows.map((r) => r.chatId)).toEqual([300]);
    expect(rows[0]!.applicationId).toBe(appId);
    expect(rows[0]!.text).toContain(`Hồ sơ “Mật ong &lt;rừng&gt;” còn dang dở. Bạn đã trả lời 2/${total} câu.`);
    const buttons = JSON.parse(rows[0]!.replyMarkup!).inline_keyboard.flat();
    expect(buttons.map((b: { callback_data: string }) => b.callback_data)).toEqual([`r:${appId}`, "rem:off"]);

    // Again, even days later: nothing while the draft is untouched.
    expect(runReminders(deps, late).idle).toBe(0);
    expect(runReminders(deps, new Date(start.getTime() + 10 * DAY)).idle).toBe(0);

    // More answers start a new idle period: one more reminder 3 days after them.
    vi.setSystemTime(new Date(start.getTime() + 11 * DAY));
    answer(appId, member.id, 3);
    expect(runReminders(deps, new Date(start.getTime() + 13 * DAY)).idle).toBe(0);
    expect(runReminders(deps, new Date(start.getTime() + 14 * DAY + 60_000)).idle).toBe(1);
    expect(runReminders(deps, new Date(start.getTime() + 20 * DAY)).idle).toBe(0);
    rows = reminderRows("idle-draft");
    expect(rows.map((r) => r.chatId)).toEqual([300, 300]);
    expect(rows[1]!.text).toContain(`Bạn đã trả lời 5/${total} câu.`);
  });

  it("a draft with no answer counts too; not once the draft is finished", () => {
    const p = producer(310, CAI_NUOC);
    const empty = draft(p, "Chưa làm");
    const finished = draft(p, "Đã xong");
    answer(finished, 310);
    expect(loadAssessment(db, catalog, finished)!.app.state).toBe("completed");
    expect(runReminders(deps, new Date(start.getTime() + 4 * DAY)).idle).toBe(1);
    const rows = reminderRows("idle-draft");
    expect(rows[0]!.applicationId).toBe(empty);
    expect(rows[0]!.text).toContain("Bạn chưa trả lời câu nào trong");
  });

  it("not when the owner turned reminders off or has no consent", () => {
    const off = producer(320, CAI_NUOC);
    draft(off, "Tắt nhắc");
    setRemindersOff(db, 320, true);
    const gone = producer(321, CAI_NUOC);
    draft(gone, "Không đồng ý");
    db.update(users).set({ consentVersion: null }).where(eq(users.id, 321)).run();
    const later = new Date(start.getTime() + 4 * DAY);
    expect(runReminders(deps, later).idle).toBe(0);
    setRemindersOff(db, 320, false);
    expect(runReminders(deps, later).idle).toBe(1);
    expect(reminderRows("idle-draft").map((r) => r.chatId)).toEqual([320]);
  });

  it("is in English for an English-speaking owner", () => {
    const p = producer(330, CAI_NUOC, "en");
    answer(draft(p, "Wild honey"), 330, 1);
    runReminders(deps, new Date(start.getTime() + 4 * DAY));
    const [row] = reminderRows("idle-draft");
    expect(row!.text).toMatch(
      /^👋 The application “Wild honey” is unfinished\. You have answered 1 of \d+ questions\./,
    );
    expect(
      JSON.parse(row!.replyMarkup!)
        .inline_keyboard.flat()
        .map((b: { text: string }) => b.text),
    ).toEqual(["▶️ Continue", "🔕 Stop reminders"]);
  });
});

describe("the scheduler", () => {
  afterEach(() => db.$client.close());

  function logger() {
    const lines: Record<string, unknown>[] = [];
    return { lines, logger: pino({ level: "debug" }, { write: (s: string) => void lines.push(JSON.parse(s)) }) };
  }

  it("runs at start, wakes the dispatcher when it queued something, logs counts only", () => {
    useDb(openDatabase(":memory:"));
    const p = producer(400, CAI_NUOC);
    draft(p, "Mật ong");
    const { lines, logger: log } = logger();
    const notify = vi.fn();
    const scheduler = startReminderScheduler({
      ...deps,
      logger: log,
      notify,
      now: () => new Date(Date.now() + 4 * DAY),
    });
    scheduler.stop();
    expect(notify).toHaveBeenCalledTimes(1);
    expect(lines.find((l) => l.msg === "reminders queued")).toMatchObject({ digests: 0, idle: 1 });
    const allowed = ["level", "time", "pid", "hostname", "component", "digests", "idle", "certificates", "msg"];
    expect(lines.flatMap((l) => Object.keys(l)).filter((k) => !allowed.includes(k))).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain("Mật ong");
  });

  it("works through many idle drafts in bounded batches, letting other work run between them, each reminded once", async () => {
    useDb(openDatabase(":memory:"));
    for (let i = 0; i < 5; i++) {
      const p = producer(500 + i, CAI_NUOC);
      for (let j = 0; j < 5; j++) draft(p, `Mật ong ${i}.${j}`);
    }
    const later = new Date(Date.now() + 4 * DAY);
    const first = runReminders(deps, later, 10);
    expect(first).toMatchObject({ idle: 10, more: true });
    const second = queueIdleDrafts(deps, later, 10, first.after);
    expect(second).toMatchObject({ idle: 10, more: true });
    expect(queueIdleDrafts(deps, later, 10, second.after)).toMatchObject({ idle: 5, more: false });
    // A new pass from the oldest: all reminded already, read in batches all the same.
    expect(queueIdleDrafts(deps, later, 10)).toMatchObject({ idle: 0, more: true });
    expect(db.select().from(reminders).all()).toHaveLength(25);

    // The scheduler: the first batch at start, the rest after other work has had its turn.
    useDb(openDatabase(":memory:"));
    const p = producer(600, CAI_NUOC);
    for (let j = 0; j < IDLE_DRAFT_BATCH + 20; j++) draft(p, `Mật ong ${j}`);
    const notify = vi.fn();
    const order: string[] = [];
    setImmediate(() => order.push(`other work after ${db.select().from(reminders).all().length} reminders`));
    const scheduler = startReminderScheduler({ ...deps, logger: logger().logger, notify, now: () => later });
    await vi.waitFor(() => expect(db.select().from(reminders).all()).toHaveLength(IDLE_DRAFT_BATCH + 20));
    scheduler.stop();
    expect(order).toEqual([`other work after ${IDLE_DRAFT_BATCH} reminders`]);
    expect(notify).toHaveBeenCalledTimes(2);
  });

  it("with a delay, looks only once it has passed (the first getUpdates goes out first)", async () => {
    useDb(openDatabase(":memory:"));
    draft(producer(450, CAI_NUOC), "Mật ong");
    const notify = vi.fn();
    const now = () => new Date(Date.now() + 4 * DAY);
    const scheduler = startReminderScheduler({ ...deps, logger: logger().logger, notify, now, delayMs: 20 });
    try {
      expect(db.select().from(reminders).all()).toEqual([]);
      await vi.waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
      expect(db.select().from(reminders).all()).toHaveLength(1);
    } finally {
      scheduler.stop();
    }
  });

  it("each tick goes on from the drafts read before; each day starts again from the oldest", async () => {
    useDb(openDatabase(":memory:"));
    // 09:00 in Vietnam; the next morning, same hour.
    let at = new Date("2027-01-05T02:00:00Z");
    const idleSince = (appId: number, since: Date) =>
      db.update(applications).set({ updatedAt: since }).where(eq(applications.id, appId)).run();
    idleSince(draft(producer(700, CAI_NUOC), "Tắt nhắc"), new Date(at.getTime() - 10 * DAY));
    setRemindersOff(db, 700, true);
    idleSince(draft(producer(701, CAI_NUOC), "Mật ong"), new Date(at.getTime() - 5 * DAY));
    // Idle from 10:00.
    idleSince(draft(producer(702, CAI_NUOC), "Mắm tôm"), new Date(at.getTime() - 3 * DAY + 3_600_000));
    const reminded = () =>
      db
        .select()
        .from(reminders)
        .all()
        .map((r) => r.userId)
        .sort();
    const scheduler = startReminderScheduler({
      ...deps,
      logger: logger().logger,
      notify: () => undefined,
      intervalMs: 5,
      now: () => at,
    });
    try {
      await vi.waitFor(() => expect(reminded()).toEqual([701]));
      setRemindersOff(db, 700, false);
      // Later that day: the draft that became idle meanwhile; the day's pass has read 700's already.
      at = new Date(at.getTime() + 2 * 3_600_000);
      await vi.waitFor(() => expect(reminded()).toEqual([701, 702]));
      // The next morning, a new pass: 700 turned reminders back on.
      at = new Date(at.getTime() + DAY);
      await vi.waitFor(() => expect(reminded()).toEqual([700, 701, 702]));
    } finally {
      scheduler.stop();
    }
  });

  it("never throws out of the timer, and keeps going", async () => {
    useDb(openDatabase(":memory:"));
    const { lines, logger: log } = logger();
    const notify = vi.fn();
    let calls = 0;
    const scheduler = startReminderScheduler({
      ...deps,
      logger: log,
      notify,
      intervalMs: 5,
      now: () => {
        calls++;
        throw new Error("clock broken");
      },
    });
    await new Promise((r) => setTimeout(r, 40));
    scheduler.stop();
    const after = calls;
    await new Promise((r) => setTimeout(r, 20));
    expect(after).toBeGreaterThan(1);
    expect(calls).toBe(after);
    expect(notify).not.toHaveBeenCalled();
    expect(lines.filter((l) => l.msg === "reminders failed").length).toBeGreaterThan(1);
  });
});

describe("reminders in the bot", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ adminIds: [ADMIN] });
    useDb(h.db);
  });
  afterEach(async () => {
    expect(h.api.unexpectedErrors().map((c) => `${c.method}: ${JSON.stringify(c.response)}`)).toEqual([]);
    expect(h.api.unansweredCallbackQueries()).toEqual([]);
    await h.close();
  });

  it("/nhacnho shows the state with a button to change it, “stop reminders” turns them off, the digest reaches the officer", async () => {
    // The bot's users are known by internal ids; the test speaks of them by their Telegram ids.
    const uid = (telegramId: number) => userIdOf(db, telegramIdentity(telegramId))!;
    const stranger = h.api.user({ id: 500, first_name: "Lạ" });
    await h.deliver(stranger.command("/nhacnho"));
    expect(stranger.chat().last()?.text).toContain("Bạn cần đăng ký trước");

    const owner = h.api.user({ id: 501, first_name: "Lan" });
    await h.deliver(owner.command("/start"));
    await h.deliver(owner.press("✅ Đồng ý"));
    const p = producer(501, CAI_NUOC);
    // /nhacnho alone shows the state and changes nothing; the button changes it.
    await h.deliver(owner.command("/nhacnho"));
    expect(owner.chat().last()?.text).toContain("Nhắc nhở đang bật");
    expect(findUser(db, uid(501))!.remindersOff).toBe(false);
    await h.deliver(owner.press("🔕 Tắt nhắc nhở"));
    expect(owner.chat().last()?.text).toContain("Đã tắt nhắc nhở");
    expect(findUser(db, uid(501))!.remindersOff).toBe(true);
    await h.deliver(owner.command("/nhacnho"));
    expect(owner.chat().last()?.text).toContain("Nhắc nhở đang tắt");
    expect(findUser(db, uid(501))!.remindersOff).toBe(true);
    await h.deliver(owner.press("🔔 Bật nhắc nhở"));
    expect(owner.chat().last()?.text).toContain("Đã bật nhắc nhở");
    expect(findUser(db, uid(501))!.remindersOff).toBe(false);

    const officerUser = h.api.user({ id: 502, first_name: "Bình" });
    await h.deliver(officerUser.command("/start"));
    await h.deliver(officerUser.press("✅ Đồng ý"));
    officer(502, [CAI_NUOC]);
    const received = filed(p, "Mật ong hoa tràm", new Date(Date.now() - 3 * DAY), {
      by: uid(502),
      at: new Date(Date.now() - 2 * DAY),
    });
    const idle = draft(p, "Mật ong rừng");
    await h.flush();

    // 08:00 in Vietnam, four days from now.
    const day = new Date(Date.now() + 4 * DAY + 7 * 3600_000).toISOString().slice(0, 10);
    const at8 = new Date(`${day}T01:00:00Z`);
    expect(runReminders(deps, at8)).toMatchObject({ digests: 1, idle: 1, certificates: 0, more: false });
    expect(await h.flush()).toBe(2);
    const digest = officerUser.chat().last()!;
    expect(digest.text).toContain("Hồ sơ OCOP chờ bạn xử lý");
    expect(digest.text).toContain("Gấp nhất: “Mật ong hoa tràm”");
    await h.deliver(officerUser.press("📂 Mở danh sách hồ sơ", digest.message_id));
    expect(officerUser.chat().last()!.text).toContain("1. Mật ong hoa tràm");
    expect(received).toBeGreaterThan(0);

    const reminder = owner.chat().last()!;
    expect(reminder.text).toContain("Hồ sơ “Mật ong rừng” còn dang dở");
    await h.deliver(owner.press("🔕 Không nhắc nữa", reminder.message_id));
    expect(String(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text)).toContain("Đã tắt nhắc nhở");
    expect(findUser(db, uid(501))!.remindersOff).toBe(true);
    expect(
      owner
        .chat()
        .messages.find((m) => m.message_id === reminder.message_id)!
        .buttons.map((b) => b.text),
    ).toEqual(["▶️ Làm tiếp"]);
    await h.deliver(owner.press("▶️ Làm tiếp", reminder.message_id));
    expect(owner.chat().last()!.message_id).not.toBe(reminder.message_id);

    // Turned off: no more reminder, even for a draft idle again after more answers.
    answer(idle, uid(501), 1);
    expect(runReminders(deps, new Date(at8.getTime() + 10 * DAY)).idle).toBe(0);
    expect(
      db
        .select()
        .from(reminders)
        .where(and(eq(reminders.kind, "idle-draft"), eq(reminders.userId, uid(501))))
        .all(),
    ).toHaveLength(1);
    expect(idle).toBeGreaterThan(0);
  });
});
