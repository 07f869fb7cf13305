// Bad input of every kind gets a clear, kind answer: never a crash, never silence.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { answers, evidence } from "../../src/db/schema.js";
import { lastText as text, useHarness } from "../helpers/bot.js";
import type { FakeUser } from "../helpers/fake-bot-api.js";

const h = useHarness();

/** A registered producer in the middle of a self-assessment, at criterion A1.1. */
async function producerAtFirstCriterion(id: number): Promise<FakeUser> {
  const u = h.api.user({ id, first_name: "Test" });
  await h.deliver(u.command("/start"));
  await h.deliver(u.press("✅ Đồng ý"));
  await h.deliver(u.send("Trần Văn Tám"));
  await h.deliver(u.send("0901234567"));
  await h.deliver(u.press("Hộ sản xuất, hộ kinh doanh"));
  await h.deliver(u.press("✅ Đã có giấy đăng ký"));
  await h.deliver(u.send("Hộ kinh doanh Tám"));
  await h.deliver(u.send("ba diem"));
  await h.deliver(u.press(/^1\. /));
  await h.deliver(u.press("➕ Thêm sản phẩm"));
  await h.deliver(u.send("Hoa lan"));
  await h.deliver(u.press("Sinh vật cảnh"));
  await h.deliver(u.press("Hoa"));
  await h.deliver(u.press("Hoa"));
  while (
    u
      .chat()
      .last()!
      .buttons.some((b) => b.text === "✅ Đúng")
  )
    await h.deliver(u.press("✅ Đúng"));
  expect(text(u)).toContain("A1.1.");
  return u;
}

/** The application id in the callback data of the question on screen. */
const appIdOnScreen = (u: FakeUser) => /^a:(\d+):/.exec(dataOf(u.chat().last()!.buttons[0]))![1]!;
const dataOf = (button: unknown) => (button as { callback_data: string }).callback_data;

describe("unexpected input", () => {
  it.each([
    ["a sticker", (u: FakeUser) => u.sendSticker()],
    ["a voice message", (u: FakeUser) => u.sendVoice()],
    ["a location", (u: FakeUser) => u.sendLocation()],
    ["a photo outside evidence", (u: FakeUser) => u.sendPhoto()],
    ["a document outside evidence", (u: FakeUser) => u.sendDocument({ file_name: "x.pdf" })],
  ])("%s during the assessment gets a kind answer and the way back", async (_, send) => {
    const u = await producerAtFirstCriterion(3001);
    const before = u.chat().messages.length;
    await h.deliver(send(u));
    expect(u.chat().messages.length).toBe(before + 1);
    expect(text(u)).toContain("Mình chỉ đọc được chữ và nút bấm");
    expect(text(u)).toContain("/tieptuc");
  });

  it("random text, an unknown command and an edited message each get an answer", async () => {
    const u = h.api.user({ id: 3002, first_name: "X" });
    await h.deliver(u.send("alo alo"));
    expect(text(u)).toContain("Mình chưa hiểu");
    expect(text(u)).toContain("/start");
    await h.deliver(u.command("/khongcolenhnay"));
    expect(text(u)).toContain("không biết lệnh này");
    await h.deliver(u.editLastText("alo"));
    expect(text(u)).toContain("câu trả lời gần nhất");
    expect(text(u)).toContain("/start");
  });

  it("a user who blocked the bot is a clean log line, not a crash", async () => {
    const u = await producerAtFirstCriterion(3003);
    await h.deliver(u.block());
    await h.deliver(u.unblock());
    await h.deliver(u.command("/tieptuc"));
    expect(text(u)).toContain("A1.1.");
  });
});

describe("old and forged buttons", () => {
  it("a button of an older question changes that answer and says so", async () => {
    const u = await producerAtFirstCriterion(3004);
    const first = u.chat().last()!;
    const oldData = dataOf(first.buttons[0]);
    const appId = Number(appIdOnScreen(u));
    await h.deliver(u.press(/^2 · /));
    expect(text(u)).toContain("A1.2.");
    await h.deliver(u.pressData(oldData, first.message_id));
    expect(text(u)).toContain("Đã đổi câu trả lời A1.1");
    const row = h.db
      .select()
      .from(answers)
      .where(eq(answers.applicationId, appId))
      .all()
      .find((a) => a.criterionId === "A1.1");
    expect(row?.optionId).toBe("a");
  });

  it.each([
    ["another user's application", (app: string) => `a:${Number(app) + 1000}:A1.1:a`],
    ["an unknown criterion", (app: string) => `a:${app}:Z9.9:a`],
    ["an unknown option", (app: string) => `a:${app}:A1.1:zz`],
    ["a malformed id", () => "a:xyz:A1.1:a"],
    ["a truncated answer", (app: string) => `a:${app}`],
    ["an unknown prefix", () => "hello-world"],
    ["a set that does not exist", () => "t:99"],
    ["a commune outside registration", () => "m:00001"],
    ["an organisation type that does not exist", () => "o:empire"],
  ])("forged data naming %s is refused kindly, and nothing is written", async (_, forge) => {
    const u = await producerAtFirstCriterion(3005);
    const app = appIdOnScreen(u);
    const countBefore = h.db.select().from(answers).all().length;
    await h.deliver(u.pressData(forge(app)));
    const answered = h.api.callsOf("answerCallbackQuery").at(-1)!;
    expect(String(answered.params.text)).toMatch(/Nút này đã cũ|không dùng được/);
    expect(h.db.select().from(answers).all().length).toBe(countBefore);
  });

  it("someone else's application cannot be read or answered", async () => {
    const owner = await producerAtFirstCriterion(3006);
    const app = appIdOnScreen(owner);
    const intruder = await producerAtFirstCriterion(3007);
    for (const data of [
      `a:${app}:A1.1:a`,
      `v:${app}`,
      `z:${app}`,
      `r:${app}`,
      `e:${app}:A1.1`,
      `f:${app}:A1.1`,
      `x:${app}`,
      `b:${app}:A1.2`,
    ]) {
      const before = intruder.chat().messages.length;
      await h.deliver(intruder.pressData(data));
      expect(intruder.chat().messages.length).toBe(before);
      expect(String(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text)).toContain("Nút này đã cũ");
    }
    expect(
      h.db
        .select()
        .from(answers)
        .where(eq(answers.applicationId, Number(app)))
        .all(),
    ).toEqual([]);
  });
});

describe("evidence", () => {
  it("attaches a photo and a document to a criterion, refuses a file over 20 MB, lists and removes", async () => {
    const u = await producerAtFirstCriterion(3008);
    // Find a criterion that asks for evidence by answering until one shows the attach button.
    while (
      !u
        .chat()
        .last()!
        .buttons.some((b) => b.text === "📎 Gửi minh chứng")
    )
      await h.deliver(u.press(/^1 · /));
    await h.deliver(u.press("📎 Gửi minh chứng"));
    await h.deliver(u.sendPhoto());
    expect(text(u)).toContain("có 1 tệp");
    await h.deliver(
      u.sendDocument({ file_name: "giay-chung-nhan.pdf", file_size: 120_000, mime_type: "application/pdf" }),
    );
    expect(text(u)).toContain("có 2 tệp");
    await h.deliver(u.sendDocument({ file_name: "phim.mp4", file_size: 25 * 1024 * 1024 }));
    expect(text(u)).toContain("lớn hơn 20 MB");
    expect(h.db.select().from(evidence).all()).toHaveLength(2);
    await h.deliver(u.press("✔️ Xong"));
    expect(text(u)).toContain("📎 Minh chứng cần có");
    await h.deliver(u.command("/minhchung"));
    expect(text(u)).toContain("giay-chung-nhan.pdf");
    await h.deliver(u.press("🗑 Xóa tệp 1"));
    expect(h.db.select().from(evidence).all()).toHaveLength(1);
  });
});
