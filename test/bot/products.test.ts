// Products as a farmer handles them in the chat: finding the set by typing what the product is,
// a second product with the same name, renaming, moving to another set, deleting.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { answers, applications, products } from "../../src/db/schema.js";
import { lastText as text, useHarness } from "../helpers/bot.js";
import type { FakeUser } from "../helpers/fake-bot-api.js";
import { addHoney, registerProducer } from "../helpers/journeys.js";

const h = useHarness();

const alert = () => String(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text ?? "");
const isOption = (t: string) => /^\d+ · \d+đ$/.test(t);

async function producer(id: number): Promise<FakeUser> {
  const u = h.api.user({ id, first_name: "Lan" });
  await registerProducer(h, u);
  return u;
}

async function typeName(u: FakeUser, name: string) {
  await h.deliver(u.command("/sanpham"));
  await h.deliver(u.press("➕ Thêm sản phẩm"));
  await h.deliver(u.send(name));
}

/** Answers the disqualification items and the first `n` criteria with their first option. */
async function answerSome(u: FakeUser, n: number) {
  while (
    u
      .chat()
      .last()!
      .buttons.some((b) => b.text === "✅ Đúng")
  )
    await h.deliver(u.press("✅ Đúng"));
  for (let i = 0; i < n; i++) await h.deliver(u.press((b) => isOption(b.text)));
}

const productRow = (name: string) => h.db.select().from(products).where(eq(products.name, name)).get();

describe("finding the product set", () => {
  it("suggests the set from the product's name, with examples, before the sectors", async () => {
    const u = await producer(5001);
    await typeName(u, "Nước mắm cá cơm Cái Nước");
    const m = u.chat().last()!;
    expect(m.text).toContain("Sản phẩm “Nước mắm cá cơm Cái Nước” thuộc bộ sản phẩm nào?");
    expect(m.text).toContain(
      "1. Tương, nước mắm, gia vị dạng lỏng khác – ví dụ: nước mắm, mắm tôm, tương ớt, nước tương",
    );
    expect(m.buttons.map((b) => b.text)).toEqual([
      "1. Tương, nước mắm, gia vị dạng lỏng khác",
      "Thực phẩm",
      "Đồ uống",
      "Dược liệu và sản phẩm từ dược liệu",
      "Hàng thủ công mỹ nghệ",
      "Sinh vật cảnh",
      "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
    ]);
    await h.deliver(u.press("1. Tương, nước mắm, gia vị dạng lỏng khác"));
    expect(
      u
        .chat()
        .messages.map((x) => x.text)
        .join("\n"),
    ).toContain("Bắt đầu tự đánh giá “Nước mắm cá cơm Cái Nước”");
    expect(productRow("Nước mắm cá cơm Cái Nước")!.productSet).toBe("tuong-nuoc-mam-gia-vi-dang-long-khac");
  });

  it("asks what the product is when the name says nothing, then takes typed words, in NFD too, and a typed number", async () => {
    const u = await producer(5002);
    await typeName(u, "Sao Mai");
    expect(text(u)).toContain("Bạn gõ sản phẩm là gì (ví dụ: nước mắm, mật ong, trà mãng cầu, bưởi, homestay)");
    await h.deliver(u.send("abc xyz"));
    expect(text(u)).toContain("Mình chưa tìm được bộ sản phẩm cho “abc xyz”");
    await h.deliver(u.send("trà mãng cầu".normalize("NFD")));
    expect(text(u)).toContain(
      "1. Sản phẩm trà từ thực vật khác – ví dụ: trà atiso, trà hoa cúc, trà mãng cầu, trà gạo lứt",
    );
    expect(text(u)).toContain("2. Rau, củ, quả, hạt tươi");
    await h.deliver(u.send("1"));
    expect(productRow("Sao Mai")!.productSet).toBe("tra-tu-thuc-vat-khac");
    expect(text(u)).toContain("Điều kiện 1/");
  });

  it("still lets the producer browse sector → group → set, with the groups of Phụ lục I", async () => {
    const u = await producer(5003);
    await typeName(u, "Khô cá lóc");
    await h.deliver(u.press("Thực phẩm"));
    expect(
      u
        .chat()
        .last()!
        .buttons.map((b) => b.text),
    ).toContain("Thực phẩm chế biến");
    expect(
      u
        .chat()
        .last()!
        .buttons.map((b) => b.text),
    ).not.toContain("Nông sản chế biến");
    await h.deliver(u.press("Thực phẩm chế biến"));
    expect(
      u
        .chat()
        .last()!
        .buttons.map((b) => b.text),
    ).toEqual([
      "Đồ ăn nhanh",
      "Chế biến từ gạo, ngũ cốc",
      "Chế biến từ rau, củ, quả, hạt",
      "Chế biến từ thịt, thủy sản, trứng, sữa, các sản phẩm từ mật ong, mật khác và nông sản thực phẩm khác",
    ]);
  });

  it("asks whether a second product with the same name is the same one", async () => {
    const u = await producer(5004);
    await addHoney(h, u, "Mật ong hoa tràm");
    await typeName(u, "MẬT ONG  hoa tràm");
    expect(text(u)).toContain(
      "Cơ sở đã có sản phẩm “Mật ong hoa tràm” (bộ “Mật ong, mật khác và nông sản thực phẩm khác”, đang tự đánh giá). Đây có phải cùng sản phẩm đó không?",
    );
    await h.deliver(u.press("✅ Đúng, mở sản phẩm đó"));
    expect(text(u)).toContain("Mật ong hoa tràm");
    expect(text(u)).toContain("Bộ sản phẩm: Mật ong, mật khác và nông sản thực phẩm khác");
    expect(h.db.select().from(products).all()).toHaveLength(1);

    await typeName(u, "mat ong hoa tram");
    await h.deliver(u.press("➕ Không, đây là sản phẩm khác"));
    expect(text(u)).toContain("1. Mật ong, mật khác và nông sản thực phẩm khác");
    await h.deliver(u.press(/^1\. /));
    expect(
      h.db
        .select()
        .from(products)
        .all()
        .map((p) => p.name),
    ).toEqual(["Mật ong hoa tràm", "mat ong hoa tram"]);
  });
});

describe("the product's own menu", () => {
  it("moves a product to another set: says what is kept and asked again, keeps those answers, resumes", async () => {
    const u = await producer(5010);
    await addHoney(h, u, "Mật ong chanh đào");
    await answerSome(u, 6);
    const app = h.db.select().from(applications).get()!;
    const before = h.db
      .select()
      .from(answers)
      .where(eq(answers.applicationId, app.id))
      .all()
      .map((a) => a.criterionId);
    expect(before).toEqual(["A1.1", "A1.2", "A1.3", "A1.4", "A1.5", "A1.6"]);

    await h.deliver(u.command("/sanpham"));
    await h.deliver(u.press("Mật ong chanh đào"));
    await h.deliver(u.press("🔀 Đổi bộ sản phẩm"));
    expect(text(u)).toContain(
      "Chuyển “Mật ong chanh đào” (đang ở bộ “Mật ong, mật khác và nông sản thực phẩm khác”) sang bộ sản phẩm nào?",
    );
    // "Mật ong chanh đào" is a honey product: set 8 is suggested.
    expect(text(u)).toContain("Chế biến từ thịt, thủy sản, trứng, sữa, các sản phẩm từ mật ong");
    // The set it is already in: nothing to do, it says so.
    await h.deliver(u.press(/^\d\. Mật ong, mật khác/));
    expect(text(u)).toBe("Sản phẩm đã ở bộ “Mật ong, mật khác và nông sản thực phẩm khác” rồi.");
    await h.deliver(
      u.press(
        "🔀 Đổi bộ sản phẩm",
        u.chat().messages.find((m) => m.text?.startsWith("Mật ong chanh đào\n"))!.message_id,
      ),
    );
    await h.deliver(u.press(/^\d\. Chế biến từ thịt/));
    expect(text(u)).toContain("• giữ 7 câu trả lời (các câu hỏi giống hệt nhau ở hai bộ);");
    expect(text(u)).toContain("• 31 câu cần trả lời (lại).");
    const preview = u.chat().last()!;
    const confirm = (preview.buttons.find((b) => b.text === "✅ Chuyển sang bộ này") as { callback_data: string })
      .callback_data;
    await h.deliver(u.press("✅ Chuyển sang bộ này"));
    const messages = u
      .chat()
      .messages.map((m) => m.text ?? "")
      .join("\n");
    expect(messages).toMatch(
      /Đã chuyển “Mật ong chanh đào” sang bộ “Chế biến từ thịt, thủy sản.*”: giữ 7 câu trả lời, 31 câu cần trả lời\./,
    );
    expect(text(u)).toMatch(/Điều kiện \d\/|A1\.1\./);
    const kept = h.db
      .select()
      .from(answers)
      .where(eq(answers.applicationId, app.id))
      .all()
      .map((a) => a.criterionId);
    expect(kept).toEqual(["A1.4", "A1.5", "A1.6"]);
    expect(productRow("Mật ong chanh đào")!.productSet).toBe(
      "che-bien-tu-thit-thuy-san-trung-sua-mat-ong-va-nong-san-khac",
    );

    // The confirmation pressed twice (a double tap): the second does nothing.
    await h.deliver(u.pressData(confirm, preview.message_id));
    expect(h.db.select().from(answers).where(eq(answers.applicationId, app.id)).all()).toHaveLength(3);
    // Pressed again later (an old message): nothing changes, and the bot says why.
    const later = Date.now() + 60_000;
    vi.spyOn(Date, "now").mockReturnValue(later);
    await h.deliver(u.pressData(confirm, preview.message_id));
    vi.restoreAllMocks();
    expect(alert()).toContain("Sản phẩm đã ở bộ “Chế biến từ thịt");
    expect(h.db.select().from(answers).where(eq(answers.applicationId, app.id)).all()).toHaveLength(3);
  });

  it("renames a product and refuses a name another product has", async () => {
    const u = await producer(5011);
    await addHoney(h, u, "Mật ong hoa tràm");
    await addHoney(h, u, "Mật ong bạc hà");
    await h.deliver(u.command("/sanpham"));
    await h.deliver(u.press("Mật ong hoa tràm"));
    await h.deliver(u.press("✏️ Đổi tên"));
    expect(text(u)).toContain("Tên mới của sản phẩm “Mật ong hoa tràm” là gì?");
    await h.deliver(u.send("mật ong BẠC HÀ"));
    expect(text(u)).toContain("Cơ sở đã có sản phẩm tên “mật ong BẠC HÀ”");
    await h.deliver(u.send("Mật ong rừng U Minh"));
    expect(u.chat().messages.at(-2)!.text).toBe("Đã đổi tên thành “Mật ong rừng U Minh”.");
    expect(text(u)).toContain("Mật ong rừng U Minh");
    expect(productRow("Mật ong rừng U Minh")).toBeDefined();
  });

  it("deletes a draft after a confirmation; a submitted product offers none of it", async () => {
    const u = await producer(5012);
    await addHoney(h, u, "Mật ong thử");
    await answerSome(u, 2);
    await h.deliver(u.command("/sanpham"));
    await h.deliver(u.press("Mật ong thử"));
    await h.deliver(u.press("🗑 Xóa sản phẩm"));
    expect(text(u)).toContain("Xóa sản phẩm “Mật ong thử”? Bản tự đánh giá (");
    await h.deliver(u.press("↩️ Thôi, giữ nguyên"));
    expect(u.chat().messages.at(-2)!.text).toBe("Đã giữ nguyên sản phẩm.");
    expect(productRow("Mật ong thử")).toBeDefined();

    await h.deliver(u.press("🗑 Xóa sản phẩm"));
    await h.deliver(u.press("🗑 Xóa hẳn"));
    expect(u.chat().messages.at(-2)!.text).toBe("Đã xóa sản phẩm “Mật ong thử”.");
    expect(text(u)).toContain("Bạn chưa có sản phẩm nào.");
    expect(h.db.select().from(applications).all()).toEqual([]);
    expect(h.db.select().from(answers).all()).toEqual([]);

    // A product whose application was submitted: no rename, move or delete, and forged buttons are refused.
    await addHoney(h, u, "Mật ong đã nộp");
    const p = productRow("Mật ong đã nộp")!;
    h.db
      .update(applications)
      .set({ state: "submitted", submittedAt: new Date() })
      .where(eq(applications.productId, p.id))
      .run();
    await h.deliver(u.command("/sanpham"));
    await h.deliver(u.press("Mật ong đã nộp"));
    expect(
      u
        .chat()
        .last()!
        .buttons.map((b) => b.text),
    ).not.toEqual(expect.arrayContaining(["✏️ Đổi tên"]));
    expect(
      u
        .chat()
        .last()!
        .buttons.map((b) => b.text)
        .filter((t) => /Đổi|Xóa/.test(t)),
    ).toEqual([]);
    await h.deliver(u.pressData(`pdy:${p.id}`));
    expect(alert()).toContain("không đổi tên, đổi bộ hay xóa được");
    await h.deliver(u.pressData(`pmc:${p.id}:8`));
    expect(alert()).toContain("không đổi tên, đổi bộ hay xóa được");
    expect(productRow("Mật ong đã nộp")!.productSet).toBe("mat-ong-mat-khac-va-nong-san-thuc-pham-khac");
  });

  it("refuses another organisation's product", async () => {
    const lan = await producer(5013);
    await addHoney(h, lan, "Mật ong của Lan");
    const p = productRow("Mật ong của Lan")!;
    const other = h.api.user({ id: 5014, first_name: "Hùng" });
    await registerProducer(h, other, "HTX Khác");
    for (const data of [`pr:${p.id}`, `pm:${p.id}`, `pd:${p.id}`, `pdy:${p.id}`, `pmc:${p.id}:8`]) {
      await h.deliver(other.pressData(data));
      expect(alert(), data).toContain("Nút này đã cũ");
    }
    expect(productRow("Mật ong của Lan")!.productSet).toBe("mat-ong-mat-khac-va-nong-san-thuc-pham-khac");
  });
});
