// Filing as a producer lives it: /nop refused leads straight to each missing item and on to the
// next, until "Nộp hồ sơ" appears; the evidence Mẫu 02 will list as missing is shown first.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { applications } from "../../src/db/schema.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { useHarness } from "../helpers/bot.js";
import type { FakeUser } from "../helpers/fake-bot-api.js";
import { addHoney, assessWithoutEvidence, registerProducer } from "../helpers/journeys.js";
import { bestOption } from "../helpers/rubric.js";

const honey = loadCatalog().value!.sheetFor("qd26-2026", "mat-ong-mat-khac-va-nong-san-thuc-pham-khac")!;
const rubricOrder = honey.criteria.map((c) => c.id);
/** The criteria the best answers score and whose rubric line expects evidence, in rubric order. */
const proven = honey.criteria.filter((c) => c.evidence.length > 0 && bestOption(c).points > 0).map((c) => c.id);

const h = useHarness();

const last = (u: FakeUser) => u.chat().last()?.text ?? "";
const buttons = (u: FakeUser) =>
  u
    .chat()
    .last()!
    .buttons.map((b) => b.text);

async function answeredWithoutEvidence(u: FakeUser) {
  await registerProducer(h, u);
  await addHoney(h, u);
  await assessWithoutEvidence(h, u);
  expect(last(u)).toContain("Tổng: 100/100 điểm");
}

describe("/nop refused: straight to what is missing", () => {
  it("lists the missing evidence in rubric order with a button each, then walks through them to 'Nộp hồ sơ'", async () => {
    const u = h.api.user({ id: 7001, first_name: "Lan" });
    await answeredWithoutEvidence(u);
    expect(proven.length).toBeGreaterThan(5);

    await h.deliver(u.command("/nop"));
    const refusal = last(u);
    expect(refusal).toContain("Hồ sơ chưa nộp được");
    expect(refusal).toContain(`${proven.length} tiêu chí cần gửi minh chứng: ${proven.join(", ")}`);
    // Rubric order (C7, C9, C10, C12…), not text order (C10, C12, C7, C9).
    const listed = refusal.split(": ").at(-1)!.split("\n")[0]!.split(", ");
    expect(listed).toEqual([...listed].sort((x, y) => rubricOrder.indexOf(x) - rubricOrder.indexOf(y)));
    expect(buttons(u)).toEqual(["▶️ Bổ sung lần lượt", ...proven.map((id) => `📎 ${id}`)]);

    // A button opens its item at once: the third one.
    await h.deliver(u.press(`📎 ${proven[2]}`));
    expect(last(u)).toContain(`minh chứng cho ${proven[2]}.`);
    await h.deliver(u.press("✔️ Xong"));
    // Passed over without a file: on to the next one, not back.
    expect(last(u)).toContain(`minh chứng cho ${proven[3]}.`);

    // Step by step from the start: one photo and "Xong" per item.
    await h.deliver(u.command("/nop"));
    await h.deliver(u.press("▶️ Bổ sung lần lượt"));
    const calls = h.api.calls.length;
    for (const id of proven) {
      expect(last(u)).toContain(`minh chứng cho ${id}.`);
      await h.deliver(u.sendPhoto());
      await h.deliver(u.press("✔️ Xong"));
    }
    expect(last(u)).toContain("Hồ sơ đã đủ điều kiện nộp");
    expect(last(u)).not.toContain("Mẫu 02) sẽ ghi là còn thiếu");
    expect(buttons(u)).toEqual(["📨 Nộp hồ sơ"]);
    // About 3 requests per item (the photo's answer, the press's answer and the next prompt).
    expect(h.api.calls.length - calls).toBeLessThanOrEqual(proven.length * 4);

    await h.deliver(u.press("📨 Nộp hồ sơ"));
    expect(last(u)).toContain("Đã nộp hồ sơ");
    expect(h.db.select().from(applications).get()!.state).toBe("submitted");

    // The files are listed in rubric order too.
    await h.deliver(u.command("/minhchung"));
    const ids = [...last(u).matchAll(/^\d+\. ([A-C][\d.]+):/gm)].map((m) => m[1]!);
    expect(ids).toEqual(proven);
  }, 60_000);

  it("a question not answered yet comes before the evidence, and a refused condition stays until it is answered again", async () => {
    const u = h.api.user({ id: 7002, first_name: "Lan" });
    await registerProducer(h, u);
    await addHoney(h, u);
    await h.deliver(u.press("❌ Chưa đúng"));
    await h.deliver(u.command("/nop"));
    expect(last(u)).toContain("1 điều kiện chưa đạt (hồ sơ sẽ bị loại)");
    expect(buttons(u).slice(0, 3)).toEqual(["▶️ Bổ sung lần lượt", "⚖️ Điều kiện 2", "⚖️ Điều kiện 3"]);
    expect(buttons(u)).toContain("⚠️ Điều kiện 1");
    expect(buttons(u)).toContain("❓ A1.1");
    await h.deliver(u.press("▶️ Bổ sung lần lượt"));
    expect(last(u)).toContain("Điều kiện 2/");
    await assessWithoutEvidence(h, u);
    // After the questions, the evidence; passed over, the walk ends on the summary, with the refused condition.
    for (const id of proven) {
      expect(last(u)).toContain(`minh chứng cho ${id}.`);
      await h.deliver(u.press("✔️ Xong"));
    }
    expect(last(u)).toContain("Hồ sơ chưa nộp được");
    expect(last(u)).toContain("1 điều kiện chưa đạt");
    await h.deliver(u.press("⚠️ Điều kiện 1"));
    await h.deliver(u.press("✅ Đúng"));
    expect(last(u)).toContain(`minh chứng cho ${proven[0]}.`);
  }, 60_000);
});

describe("leaving the walk", () => {
  it("an answer changed from /xemlai after a refused /nop is followed by the result, not the walk's next item", async () => {
    const u = h.api.user({ id: 7004, first_name: "Lan" });
    await answeredWithoutEvidence(u);
    await h.deliver(u.command("/nop"));
    expect(last(u)).toContain("Hồ sơ chưa nộp được");
    await h.deliver(u.command("/xemlai"));
    await h.deliver(u.press("A1.1", u.chat().messages.find((m) => m.text?.startsWith("Phần A"))!.message_id));
    await h.deliver(u.press(/^1 · /));
    const shown = u
      .chat()
      .messages.slice(-3)
      .map((m) => m.text ?? "");
    expect(shown.join("\n")).toContain("Tổng:");
    expect(last(u)).not.toContain("minh chứng cho");
  });
});

describe("the evidence Mẫu 02 lists as missing, before submitting", () => {
  it("is shown with the submit button; it is the report's list; filing stays allowed", async () => {
    const u = h.api.user({ id: 7003, first_name: "Lan" });
    await answeredWithoutEvidence(u);
    await h.deliver(u.command("/nop"));
    await h.deliver(u.press("▶️ Bổ sung lần lượt"));
    // A1.5 expects raw-material records or sales contracts: the file is tagged as a sales contract.
    const tagged = honey.criteria.find((c) => c.evidence.length > 1 && proven.includes(c.id))!;
    for (const id of proven) {
      await h.deliver(u.sendPhoto());
      if (id === tagged.id) await h.deliver(u.press("hợp đồng, hóa đơn bán hàng"));
      await h.deliver(u.press("✔️ Xong"));
    }
    const ready = last(u);
    expect(ready).toContain("Hồ sơ đã đủ điều kiện nộp");
    expect(ready).toContain("Báo cáo tự đánh giá (Mẫu 02) sẽ ghi là còn thiếu các minh chứng sau:");
    expect(ready).toContain(`• giấy tờ về nguồn nguyên liệu, hợp đồng liên kết (tiêu chí ${tagged.id})`);
    expect(buttons(u)).toEqual(["📨 Nộp hồ sơ", `📎 ${tagged.id}`]);

    // The report says the same.
    const before = h.api.callsOf("sendDocument").length;
    await h.deliver(u.command("/hoso_giay"));
    const mau02 = h.api.callsOf("sendDocument")[before + 1]!.files[0]!;
    const xml = await (await JSZip.loadAsync(mau02.content)).file("word/document.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain(`- Nguồn gốc nguyên liệu, vùng nguyên liệu, liên kết chuỗi (tiêu chí ${tagged.id})`);
    expect(text.match(/\(tiêu chí [A-C][\d.]+(, [A-C][\d.]+)*\)/g)).toEqual([`(tiêu chí ${tagged.id})`]);

    // The result's submit button shows the list first; the button under the list files it.
    await h.deliver(u.command("/ketqua"));
    await h.deliver(u.press("📨 Nộp hồ sơ"));
    expect(last(u)).toContain("sẽ ghi là còn thiếu");
    expect(h.db.select().from(applications).get()!.state).toBe("completed");
    await h.deliver(u.press("📨 Nộp hồ sơ"));
    expect(last(u)).toContain("Đã nộp hồ sơ");
    expect(h.db.select().from(applications).get()!.state).toBe("submitted");
  }, 60_000);
});
