// Typed commands once the application is filed: they find the organisation's application (or ask
// which product), say kindly that it is filed, and still give what only reads it.
import { describe, expect, it } from "vitest";
import { useHarness } from "../helpers/bot.js";
import type { FakeUser } from "../helpers/fake-bot-api.js";
import { consentAndName } from "../helpers/journeys.js";
import { CAI_NUOC, world } from "../helpers/world.js";

const h = useHarness();

const STALE = /Nút này đã cũ|button is old/;
const FROZEN_VI = "Hồ sơ “Mật ong A” đã nộp nên không sửa được nữa. Gõ /trangthai để xem hồ sơ đang ở bước nào.";

/** Every text the bot sent to `u` since `from` (messages and alerts). */
function since(u: FakeUser, from: number): string[] {
  return h.api.calls.slice(from).flatMap((c) => {
    const p = c.params as { chat_id?: number; text?: string; caption?: string; callback_query_id?: string };
    if (c.method === "answerCallbackQuery") return p.text ? [p.text] : [];
    return p.chat_id === u.id && c.method !== "sendChatAction" ? [p.text ?? p.caption ?? ""] : [];
  });
}

async function run(u: FakeUser, command: string): Promise<string[]> {
  const from = h.api.calls.length;
  await h.deliver(u.command(command));
  return since(u, from);
}

async function filedWithMember() {
  const w = world(h.db);
  const A = w.producer(4001, CAI_NUOC);
  w.filed(A, "Mật ong A", new Date());
  const owner = h.api.user({ id: 4001, first_name: "A" });
  await h.deliver(owner.command("/thanhvien"));
  await h.deliver(owner.press(/Tạo link/));
  const code = /start=join_([A-Za-z0-9_-]+)/.exec(owner.chat().last()!.text ?? "")![1]!;
  const member = h.api.user({ id: 4010, first_name: "M" });
  await consentAndName(h, member, "Le Thi Hanh", "0909123456", `join_${code}`);
  return { w, A, owner, member };
}

describe("typed commands on a filed application", () => {
  it("owner and member: no stale-button answer; one kind sentence; forms, review, result still come", async () => {
    const { owner, member } = await filedWithMember();
    for (const u of [owner, member]) {
      for (const command of ["/hoso_giay", "/xemlai", "/ketqua", "/minhchung", "/hoanthien", "/nop"]) {
        const texts = await run(u, command);
        expect(texts.join("\n"), `${u.id} ${command}`).not.toMatch(STALE);
        expect(texts.join("\n"), `${u.id} ${command}`).not.toContain("chưa có hồ sơ nào");
        expect(texts.join("\n"), `${u.id} ${command}`).toContain("/trangthai");
      }
    }
    expect(await run(owner, "/hoso_giay")).toEqual([
      FROZEN_VI,
      expect.stringContaining("Mẫu số 01"),
      expect.stringContaining("Mẫu số 02"),
    ]);
    expect((await run(member, "/hoso_giay"))[0]).toBe(FROZEN_VI);
    expect((await run(owner, "/ketqua")).join("\n")).toContain("Tổng: 100/100 điểm");
    // The review is read-only: no button to change an answer.
    await run(owner, "/xemlai");
    expect(
      owner
        .chat()
        .messages.slice(-4)
        .flatMap((m) => m.buttons.map((b) => b.text)),
    ).toEqual(["⭐ Kết quả"]);
    expect(await run(owner, "/nop")).toEqual([
      "Hồ sơ “Mật ong A” đã nộp rồi. Gõ /trangthai để xem hồ sơ đang ở bước nào.",
    ]);
  });

  it("asks which product when the organisation has several and none is being worked on", async () => {
    const { w, A, member } = await filedWithMember();
    w.filed(A, "Mật ong B", new Date());
    const texts = await run(member, "/ketqua");
    expect(texts.join("\n")).not.toMatch(STALE);
    expect(
      member
        .chat()
        .last()!
        .buttons.map((b) => b.text),
    ).toEqual(expect.arrayContaining([expect.stringContaining("Mật ong A"), expect.stringContaining("Mật ong B")]));
    await h.deliver(member.press(/Mật ong B/));
    expect(member.chat().last()!.text).toContain("Mật ong B");
  });

  it("the card of a filed product offers its status and the forms", async () => {
    const { owner } = await filedWithMember();
    await h.deliver(owner.command("/sanpham"));
    await h.deliver(owner.press(/Mật ong A/));
    const labels = owner
      .chat()
      .last()!
      .buttons.map((b) => b.text);
    expect(labels).toContain("📎 Nhận giấy tờ (Mẫu 01, 02)");
    expect(labels).toContain("📊 Tình trạng hồ sơ");
    await h.deliver(owner.press("📊 Tình trạng hồ sơ"));
    expect(owner.chat().last()!.text).toContain("Mật ong A");
    expect(owner.chat().last()!.text).toContain("đã nộp");
  });
});
