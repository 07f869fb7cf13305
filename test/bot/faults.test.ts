// Every input answered, once and correctly: redeliveries and double taps, Telegram's refusals and
// limits, text that must be escaped, cut or normalised, edited messages, evidence kinds.
import { eq } from "drizzle-orm";
import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import {
  answers,
  applicationEvents,
  applications,
  evidence,
  organisations,
  products,
  users,
} from "../../src/db/schema.js";
import { type Harness, type HarnessOptions, startHarness, lastText as text } from "../helpers/bot.js";
import type { FakeUser } from "../helpers/fake-bot-api.js";
import {
  addHoney,
  assessWithEvidence,
  consentAndName,
  officerInviteCode,
  registerProducer,
} from "../helpers/journeys.js";

let h: Harness;
async function start(options: HarnessOptions = {}) {
  h = await startHarness(options);
  return h;
}
afterEach(async () => {
  expect(h.api.unexpectedErrors().map((c) => `${c.method}: ${JSON.stringify(c.response)}`)).toEqual([]);
  expect(h.api.unansweredCallbackQueries()).toEqual([]);
  expect(h.logs.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
  await h.close();
});

const all = (u: FakeUser) =>
  u
    .chat()
    .messages.map((m) => m.text ?? m.caption ?? "")
    .join("\n---\n");
const lastAlert = () => String(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text ?? "");
const SORRY = "Xin lỗi, mình gặp trục trặc";

/** A registered producer whose honey product is at its first question (a disqualification item). */
async function producerWithHoney(id: number): Promise<FakeUser> {
  const u = h.api.user({ id, first_name: "Lan", language_code: "vi" });
  await registerProducer(h, u);
  await addHoney(h, u);
  return u;
}

/** A registered producer who has just typed the name of a new product (the sectors are showing). */
async function producerNamingProduct(id: number, name: string): Promise<FakeUser> {
  const u = h.api.user({ id, first_name: "Lan" });
  await registerProducer(h, u);
  await h.deliver(u.command("/sanpham"));
  await h.deliver(u.press("➕ Thêm sản phẩm"));
  await h.deliver(u.send(name));
  return u;
}

/** Answers the disqualification items with "yes" until the first criterion shows. */
async function clearAll(u: FakeUser) {
  while (
    u
      .chat()
      .last()!
      .buttons.some((b) => b.text === "✅ Đúng")
  )
    await h.deliver(u.press("✅ Đúng"));
}

describe("one press, one effect", () => {
  it("a typed answer delivered twice with the same update_id answers one question", async () => {
    await start();
    const u = await producerWithHoney(8001);
    await clearAll(u);
    expect(text(u)).toContain("Câu 1/");
    const typed = u.send("1");
    await h.deliver(typed);
    expect(text(u)).toContain("Câu 2/");
    const sent = h.api.callsOf("sendMessage").length;
    await h.deliver(typed);
    h.restart(); // Telegram redelivers after a restart too
    await h.deliver(typed);
    expect(h.api.callsOf("sendMessage").length).toBe(sent);
    expect(h.db.select().from(answers).all()).toHaveLength(1);
  });

  it("a button press delivered twice (same update) acts and is answered once; Back tapped twice asks once", async () => {
    await start();
    const u = await producerWithHoney(8005);
    await clearAll(u);
    const press = u.press(/^1 · /);
    await h.deliver(press);
    await h.deliver(press);
    expect(u.chat().messages.filter((m) => m.text?.startsWith("Câu 2/"))).toHaveLength(1);
    expect(
      h.api.callsOf("answerCallbackQuery").filter((c) => c.params.callback_query_id === press.callback_query!.id),
    ).toHaveLength(1);
    const question = u.chat().last()!.message_id;
    const back = [u.press("⬅️ Quay lại", question), u.press("⬅️ Quay lại", question)];
    for (const tap of back) await h.deliver(tap);
    // Asked the first time, and once after Back.
    expect(h.api.callsOf("sendMessage").filter((c) => String(c.params.text).includes("Câu 1/"))).toHaveLength(2);
  });

  it("an answer or a condition pressed twice changes nothing more and says nothing misleading", async () => {
    await start();
    const u = await producerWithHoney(8002);
    const condition = u.chat().last()!;
    const yes = [u.press("✅ Đúng", condition.message_id), u.press("✅ Đúng", condition.message_id)];
    for (const tap of yes) await h.deliver(tap);
    expect(u.chat().messages.filter((m) => m.text?.startsWith("Điều kiện 2/"))).toHaveLength(1);
    await clearAll(u);
    const question = u.chat().last()!;
    const taps = [u.press(/^2 · /, question.message_id), u.press(/^2 · /, question.message_id)];
    await h.deliver(taps[0]!);
    const asked = h.api.callsOf("sendMessage").length;
    await h.deliver(taps[1]!);
    expect(h.api.callsOf("sendMessage").length).toBe(asked);
    // Later (not a double tap): the same answer on the old question is still a no-op.
    await h.deliver(u.command("/tieptuc"));
    await h.deliver(
      u.pressData(String((question.buttons[1] as { callback_data: string }).callback_data), question.message_id),
    );
    expect(all(u)).not.toContain("Đã đổi câu trả lời");
    expect(all(u)).not.toContain(SORRY);
    // A different answer on an old condition says which one changed.
    await h.deliver(
      u.pressData(String((condition.buttons[1] as { callback_data: string }).callback_data), condition.message_id),
    );
    expect(text(u)).toMatch(/^Đã đổi câu trả lời điều kiện 1\. Tổng điểm dự kiến/);
  });

  it("double taps on sector, group and set buttons add one product, without an apology", async () => {
    await start();
    const u = await producerNamingProduct(8003, "Mật ong hoa tràm");
    const menu = u.chat().last()!.message_id;
    for (const label of ["Thực phẩm", "Thực phẩm thô, sơ chế", "Mật ong, mật khác và nông sản thực phẩm khác"]) {
      // Both taps land on the keyboard as it was shown.
      const taps = [u.press(label, menu), u.press(label, menu)];
      for (const tap of taps) await h.deliver(tap);
    }
    expect(h.db.select().from(products).all()).toHaveLength(1);
    expect(all(u)).not.toContain(SORRY);
    expect(all(u)).toContain("Bắt đầu tự đánh giá");
  });

  it("submit, receive, forward and a local criterion pressed twice act once; the audit has one event each", async () => {
    await start({ adminIds: [9901] });
    const admin = h.api.user({ id: 9901, first_name: "Admin" });
    const code = await officerInviteCode(h, admin, "cai nuoc", /^1\. Xã Cái Nước – Cà Mau/);
    const officer = h.api.user({ id: 9902, first_name: "Cán bộ" });
    await consentAndName(h, officer, "Trần Văn Cán", "0987654321", `officer_${code}`);
    const u = await producerWithHoney(8004);
    await assessWithEvidence(h, u);
    const result = u.chat().last()!.message_id;
    const submit = [u.press("📨 Nộp hồ sơ", result), u.press("📨 Nộp hồ sơ", result)];
    for (const tap of submit) await h.deliver(tap);
    await h.flush();
    const notice = officer.chat().last()!.message_id;
    const receive = [officer.press("📬 Tiếp nhận", notice), officer.press("📬 Tiếp nhận", notice)];
    for (const tap of receive) await h.deliver(tap);
    await h.deliver(officer.press("📝 Đánh giá tiêu chí địa phương"));
    const locals = officer
      .chat()
      .messages.filter((m) =>
        m.buttons.some((b) => (b as { callback_data?: string }).callback_data?.startsWith("le:")),
      );
    for (const m of locals) {
      const taps = [officer.press(/^1 · /, m.message_id), officer.press(/^1 · /, m.message_id)];
      for (const tap of taps) await h.deliver(tap);
      await h.deliver(officer.press("Bỏ qua"));
      // The same option again later, not as a double tap: already recorded, no second event.
      await h.deliver(officer.pressData((m.buttons[0] as { callback_data: string }).callback_data, m.message_id));
    }
    const forward = officer
      .chat()
      .messages.findLast((m) => m.buttons.some((b) => b.text === "🏛 Chuyển lên tỉnh"))!.message_id;
    const taps = [officer.press("🏛 Chuyển lên tỉnh", forward), officer.press("🏛 Chuyển lên tỉnh", forward)];
    for (const tap of taps) await h.deliver(tap);
    const events = h.db.select().from(applicationEvents).all();
    const count = (action: string) => events.filter((e) => e.action === action).length;
    expect([count("submit"), count("receive"), count("forward"), count("evaluate")]).toEqual([1, 1, 1, locals.length]);
    expect(all(u) + all(officer)).not.toContain(SORRY);
    expect(h.db.select().from(applications).get()!.state).toBe("forwarded");
  });
});

describe("Telegram's refusals are not errors", () => {
  it("an identical edit, a message gone, a query too old: no apology, and the user still sees the answer", async () => {
    await start();
    const u = await producerWithHoney(8101);
    await clearAll(u);
    // The question's message is gone when the answer is typed: the answer is shown anew.
    h.api.failNext("editMessageText", { error_code: 400, description: "Bad Request: message to edit not found" });
    await h.deliver(u.send("1"));
    expect(all(u)).toMatch(/A1\.1\.[^\n]*\n[\s\S]*→/);
    expect(text(u)).toContain("Câu 2/");
    // The answer to a button comes too late for Telegram.
    h.api.failNext("answerCallbackQuery", {
      error_code: 400,
      description: "Bad Request: query is too old and response timeout expired or query ID is invalid",
    });
    await h.deliver(u.press(/^1 · /));
    expect(text(u)).toContain("Câu 3/");
    expect(all(u)).not.toContain(SORRY);
    // For Telegram that query has expired; here the fake still holds it open.
    for (const q of h.api.unansweredCallbackQueries())
      await new Api(h.api.token, { apiRoot: h.api.url }).answerCallbackQuery(q.id);
  });

  it("a button without a message (inline) is answered kindly, and nothing breaks", async () => {
    await start();
    const u = await producerWithHoney(8102);
    await h.deliver(u.pressInline("z:1"));
    expect(lastAlert()).toContain("Nút này đã cũ");
  });

  it("a real fault gets the apology once, and the button is answered once", async () => {
    await start();
    const u = await producerWithHoney(8103);
    h.api.failNext("sendMessage", { error_code: 400, description: "Bad Request: chat not found" });
    await h.deliver(u.press("✅ Đúng"));
    expect(text(u)).toContain(SORRY);
    expect(h.logs.filter((l) => l.msg === "handler failed")).toHaveLength(1);
    h.logs.length = 0;
  });
});

describe("Telegram's limits: replies wait their turn", () => {
  const tight = { global: { count: 20, windowMs: 1000 }, perChat: { count: 5, windowMs: 1000 } };

  it("60 people asking /huongdan at once all get the help, none an apology, even when Telegram says 429", async () => {
    await start({ apiLimits: tight });
    const people = Array.from({ length: 60 }, (_, i) => h.api.user({ id: 8200 + i, first_name: `P${i}` }));
    await Promise.all(people.map((p) => h.deliver(p.command("/huongdan"))));
    for (const p of people) expect(text(p)).toContain("Hướng dẫn OCOP");
    expect(h.api.errors().length).toBeGreaterThan(0); // 429s happened and were waited out
    expect(h.api.errors().every((c) => c.response?.ok === false && c.response.error_code === 429)).toBe(true);
    // They are Telegram's answers to an over-eager client, counted above: not faults of the bot.
    h.api.errors().forEach((c) => {
      c.injected = true;
    });
  });

  it("within the limits the bot keeps, Telegram never says 429", async () => {
    await start({ apiLimits: tight, limits: tight });
    const people = Array.from({ length: 40 }, (_, i) => h.api.user({ id: 8300 + i, first_name: `P${i}` }));
    await Promise.all(people.map((p) => h.deliver(p.command("/huongdan"))));
    for (const p of people) expect(text(p)).toContain("Hướng dẫn OCOP");
  });
});

describe("what people type is safe to show, store and compare", () => {
  it.each([
    ["<i>", "<i>"],
    ["A & B", "A & B"],
    ["<b>đậm</b>", "<b>đậm</b>"],
    ["5,000 characters", "x".repeat(5000)],
  ])("the commune step takes %s: shown back as typed (cut when long), or communes offered", async (_label, typed) => {
    await start();
    const u = h.api.user({ id: 8400, first_name: "Lan" });
    await consentAndName(h, u, "Nguyễn Thị Lan", "0912345678");
    await h.deliver(u.press("Hợp tác xã (HTX)"));
    await h.deliver(u.send("HTX Mật ong"));
    await h.deliver(u.send(typed));
    const shown = u.chat().last()!;
    // Either communes that match, or the text shown back literally (never as formatting, never whole when long).
    if (!shown.text!.startsWith("Bạn chọn đúng xã")) expect(shown.text).toContain(typed.slice(0, 50));
    expect(shown.entities ?? []).toEqual([]);
    expect(shown.text!.length).toBeLessThan(1000);
  });

  it("“⭐ Kết quả” early in a long sheet comes in messages below 4,096 characters", async () => {
    await start();
    const u = await producerNamingProduct(8401, "Rau muống");
    await h.deliver(u.press("Thực phẩm"));
    await h.deliver(u.press("Thực phẩm tươi sống"));
    await h.deliver(u.press("Rau, củ, quả, hạt tươi"));
    const before = u.chat().messages.length;
    await h.deliver(u.command("/ketqua"));
    const result = u
      .chat()
      .messages.slice(before)
      .map((m) => m.text ?? "");
    expect(result.length).toBeGreaterThan(1);
    expect(result.every((t) => t.length < 4096)).toBe(true);
    expect(result[0]).toContain("Kết quả tự đánh giá");
    expect(
      u
        .chat()
        .last()!
        .buttons.map((b) => b.text),
    ).toContain("📋 Xem lại");
  });

  it("a 106-character cooperative name typed in NFD is accepted and stored in NFC", async () => {
    await start();
    const u = h.api.user({ id: 8402, first_name: "Lan" });
    await consentAndName(h, u, "Nguyễn Thị Lan".normalize("NFD"), "0084 912 345 678");
    expect(
      h.db
        .select()
        .from(users)
        .where(eq(users.id, h.userId(8402)))
        .get(),
    ).toMatchObject({ fullName: "Nguyễn Thị Lan", phone: "0912345678" });
    await h.deliver(u.press("Hợp tác xã (HTX)"));
    const name =
      "Hợp tác xã Nông nghiệp và Dịch vụ Tổng hợp Mật ong Hoa Tràm Rừng U Minh Hạ xã Khánh Bình Tây Bắc, CàMau VN";
    expect([...name].length).toBe(106);
    expect(name.normalize("NFD").length).toBeGreaterThan(120);
    await h.deliver(u.send(name.normalize("NFD")));
    expect(text(u)).toContain("xã, phường");
    await h.deliver(u.send("cai nuoc"));
    await h.deliver(u.press(/^1\. Xã Cái Nước/));
    expect(h.db.select().from(organisations).get()!.name).toBe(name);
  });
});

describe("edited messages", () => {
  it("an edit of the name just typed changes it and says so; the phone step goes on", async () => {
    await start();
    const u = h.api.user({ id: 8501, first_name: "Lan" });
    await h.deliver(u.command("/start"));
    await h.deliver(u.press("✅ Đồng ý"));
    await h.deliver(u.send("Nguyen Thi Lna"));
    expect(text(u)).toContain("điện thoại");
    await h.deliver(u.editLastText("Nguyễn Thị Lan"));
    expect(all(u)).toContain("Mình đã sửa theo tin nhắn bạn vừa sửa");
    expect(text(u)).toContain("điện thoại");
    expect(
      h.db
        .select()
        .from(users)
        .where(eq(users.id, h.userId(8501)))
        .get()!.fullName,
    ).toBe("Nguyễn Thị Lan");
    await h.deliver(u.send("0912 345 678"));
    await h.deliver(u.editLastText("0987 654 321"));
    expect(
      h.db
        .select()
        .from(users)
        .where(eq(users.id, h.userId(8501)))
        .get()!.phone,
    ).toBe("0987654321");
    expect(all(u)).not.toContain("Số này chưa đúng");
  });

  it("an edit of a typed answer changes that answer; an edit of an older message says where to correct it", async () => {
    await start();
    const u = await producerWithHoney(8502);
    await clearAll(u);
    await h.deliver(u.send("1"));
    await h.deliver(u.editLastText("2"));
    expect(all(u)).toContain("Mình đã sửa theo tin nhắn bạn vừa sửa");
    const app = h.db.select().from(applications).get()!;
    expect(
      h.db
        .select()
        .from(answers)
        .where(eq(answers.applicationId, app.id))
        .all()
        .map((a) => [a.criterionId, a.optionId]),
    ).toEqual([["A1.1", "b"]]);
    await h.deliver(u.send("2"));
    await h.deliver(u.editLastText("3")); // the last answer again: fine
    // An edit of a message before it:
    const update = h.api.enqueue({
      edited_message: {
        ...u.chat().history.find((m) => m.from === "user" && m.text === "HTX Mật ong Cái Nước")!.raw,
        text: "HTX khác",
        edit_date: 1,
      },
    } as never);
    await h.deliver(update);
    expect(text(u)).toContain("câu trả lời gần nhất");
    expect(text(u)).toContain("/xemlai");
  });
});

describe("evidence", () => {
  it("takes videos, says which kinds it takes, and refuses files once the application is submitted", async () => {
    await start();
    const u = await producerWithHoney(8601);
    while (
      !u
        .chat()
        .last()!
        .buttons.some((b) => b.text === "📎 Gửi minh chứng")
    )
      await h.deliver(u.press(/^1 · |✅ Đúng/));
    await h.deliver(u.press("📎 Gửi minh chứng"));
    expect(text(u)).toContain("ảnh, video hoặc tệp");
    await h.deliver(u.sendVideo({ file_name: "xuong-san-xuat.mp4" }));
    expect(text(u)).toContain("có 1 tệp");
    expect(h.db.select().from(evidence).get()).toMatchObject({ kind: "video", fileName: "xuong-san-xuat.mp4" });
    await h.deliver(u.sendVoice());
    expect(text(u)).toContain("Minh chứng nhận ảnh, video hoặc tệp");
    // Submitted meanwhile (e.g. by a member): a photo arriving now is refused kindly.
    h.db.update(applications).set({ state: "submitted" }).run();
    await h.deliver(u.sendPhoto());
    expect(text(u)).toContain("không nhận thêm minh chứng");
    expect(h.db.select().from(evidence).all()).toHaveLength(1);
  });
});
