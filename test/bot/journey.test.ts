// The producer's journey, as a farmer would live it: /start to an indicative result, in Vietnamese.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { answers, applications, consentEvents, organisations, products, users } from "../../src/db/schema.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { assessmentResult, loadAssessment } from "../../src/services/assessment.js";
import { lastText as text, useHarness } from "../helpers/bot.js";
import type { FakeUser } from "../helpers/fake-bot-api.js";
import { addHoney } from "../helpers/journeys.js";

const catalog = loadCatalog().value!;
const h = useHarness();

const texts = (u: FakeUser, n = 3) =>
  u
    .chat()
    .messages.slice(-n)
    .map((m) => m.text ?? "")
    .join("\n---\n");

async function register(u: FakeUser) {
  await h.deliver(u.command("/start"));
  expect(texts(u)).toContain("Bạn có đồng ý không?");
  await h.deliver(u.press("✅ Đồng ý"));
  expect(text(u)).toContain("họ và tên");
  await h.deliver(u.send("Nguyễn Thị Lan"));
  expect(text(u)).toContain("điện thoại");
  await h.deliver(u.sendContact({ phone_number: "+84 912 345 678" }));
  expect(texts(u)).toContain("Đã lưu số 0912345678");
  await h.deliver(u.press("Hợp tác xã (HTX)"));
  await h.deliver(u.send("HTX Rau sạch Tân Hòa"));
  await h.deliver(u.send("cai nuoc ca mau"));
  await h.deliver(u.press(/^1\. Xã Cái Nước – Cà Mau/));
  expect(texts(u)).toContain("Đăng ký xong");
}

async function addProduct(u: FakeUser, name: string, sector: string, set: string | RegExp, group?: string) {
  await h.deliver(u.press("➕ Thêm sản phẩm"));
  await h.deliver(u.send(name));
  await h.deliver(u.press(sector));
  if (group) await h.deliver(u.press(group));
  await h.deliver(u.press(set));
}

/** Answers every question shown, choosing with `pick(n)` among n options (1-based). */
async function answerAll(u: FakeUser, pick: (count: number, index: number) => number) {
  for (let i = 0; i < 80; i++) {
    const last = u.chat().last()!;
    const clearance = last.buttons.some((b) => b.text === "✅ Đúng");
    if (clearance) {
      await h.deliver(u.press("✅ Đúng"));
      continue;
    }
    const options = last.buttons.filter((b) => /^\d+ · \d+đ$/.test(b.text));
    if (options.length === 0) return;
    await h.deliver(u.press(options[pick(options.length, i) - 1]!.text));
  }
  throw new Error("the assessment never ended");
}

function appOf(telegramId: number) {
  const user = h.db
    .select()
    .from(users)
    .where(eq(users.id, h.userId(telegramId)))
    .get()!;
  return h.db.select().from(applications).where(eq(applications.organisationId, user.organisationId!)).all();
}

describe("the producer journey", () => {
  it("goes from /start to a result whose numbers are the engine's", async () => {
    const u = h.api.user({ id: 1001, first_name: "Lan", language_code: "vi" });
    await register(u);
    await addProduct(u, "Rau muống sạch", "Thực phẩm", "Rau, củ, quả, hạt tươi", "Thực phẩm tươi sống");
    expect(texts(u, 4)).toContain("Bắt đầu tự đánh giá “Rau muống sạch”");
    expect(text(u)).toContain("Điều kiện 1/");

    await answerAll(u, (n, i) => ((i % 3) % n) + 1);
    const [app] = appOf(1001);
    expect(app!.state).toBe("completed");
    const a = loadAssessment(h.db, catalog, app!.id)!;
    const { score } = assessmentResult(a);
    expect(Object.keys(a.answers)).toHaveLength(a.criteria.length);

    const result = text(u);
    expect(result).toContain("Kết quả tự đánh giá: Rau muống sạch");
    expect(result).toContain(`Tổng: ${score.total}/100 điểm`);
    for (const part of ["A", "B", "C"]) {
      expect(result).toContain(`Phần ${part} – `);
      expect(result).toContain(`: ${score.parts[part]!.points}/${score.parts[part]!.max} điểm`);
    }
    expect(result).toContain(`Hạng sao dự kiến: ${score.stars}★`);
    expect(result).toContain("dự kiến");
    expect(result).toContain("Quyết định số 26/2026/QĐ-TTg");
    expect(result).toContain("Bộ sản phẩm: ");
    expect(result).toContain("chưa so lại với bản có chữ ký");
    expect(result).not.toContain(a.sheet.id); // the sheet's internal id means nothing to a farmer
    expect(result.match(/công nhận OCOP/g)).toHaveLength(1);
    if (score.stars < 5) expect(result).toContain(`Để lên ${score.stars + 1}★`);

    // The ★ legend only under questions that have an option with a ★.
    const questions = h.api
      .callsOf("sendMessage")
      .map((c) => String(c.params.text))
      .filter((t) => t.includes("Bấm số phương án"));
    for (const q of questions) expect(q.includes("(★: mức tối thiểu"), q).toBe(/\(★\d\)/.test(q));
    expect(new Set(questions.map((q) => q.includes("(★:")))).toEqual(new Set([true, false]));

    // Every answered question's message now shows the chosen answer and no buttons.
    const answered = u.chat().messages.filter((m) => m.text?.startsWith("✅ A1.1."));
    expect(answered).toHaveLength(1);
    expect(answered[0]!.buttons).toEqual([]);
  });

  it("goes back, and changes an answer from the review; the totals follow", async () => {
    const u = h.api.user({ id: 1002, first_name: "Hùng" });
    await register(u);
    await addProduct(
      u,
      "Mật ong hoa cà phê",
      "Thực phẩm",
      "Mật ong, mật khác và nông sản thực phẩm khác",
      "Thực phẩm thô, sơ chế",
    );
    await answerAll(u, () => 1);
    const [app] = appOf(1002);
    const before = assessmentResult(loadAssessment(h.db, catalog, app!.id)!).score.total;

    await h.deliver(u.command("/xemlai"));
    expect(texts(u, 4)).toContain(`Tổng điểm dự kiến: ${before}/100`);
    const partA = u.chat().messages.find((m) => m.text?.startsWith("Phần A"))!;
    await h.deliver(u.press("A1.1", partA.message_id));
    expect(text(u)).toContain("A1.1.");
    const best = u
      .chat()
      .last()!
      .buttons.filter((b) => /^\d+ · \d+đ$/.test(b.text))
      .at(-1)!;
    await h.deliver(u.press(best.text));
    const after = assessmentResult(loadAssessment(h.db, catalog, app!.id)!).score.total;
    expect(after).toBeGreaterThan(before);
    expect(texts(u, 2)).toContain(`Tổng: ${after}/100 điểm`);

    // Back from a question re-asks the previous one with its current answer marked.
    await h.deliver(u.press("A1.2", partA.message_id));
    await h.deliver(u.press("⬅️ Quay lại"));
    expect(text(u)).toContain("A1.1.");
    expect(text(u)).toContain("(đang chọn)");
  });

  it("resumes at the first unanswered question after a restart, with every answer kept", async () => {
    const u = h.api.user({ id: 1003, first_name: "Minh" });
    await register(u);
    await addProduct(u, "Gạo ST25", "Thực phẩm", "Gạo, ngũ cốc, hạt sơ chế khác", "Thực phẩm thô, sơ chế");
    for (let i = 0; i < 6; i++) {
      const last = u.chat().last()!;
      await h.deliver(u.press(last.buttons.some((b) => b.text === "✅ Đúng") ? "✅ Đúng" : /^2 · /));
    }
    const shown = text(u);
    const [app] = appOf(1003);
    const saved = h.db.select().from(answers).where(eq(answers.applicationId, app!.id)).all();

    h.restart();
    await h.deliver(u.command("/tieptuc"));
    expect(texts(u, 2)).toContain("Làm tiếp “Gạo ST25”");
    expect(text(u)).toBe(shown);
    expect(h.db.select().from(answers).where(eq(answers.applicationId, app!.id)).all()).toEqual(saved);

    // Save and exit, then /danhgia weeks later lands on the same question.
    await h.deliver(u.press("💾 Lưu và thoát"));
    expect(text(u)).toContain("/tieptuc");
    h.restart();
    await h.deliver(u.command("/danhgia"));
    expect(text(u)).toBe(shown);
  });

  it("takes typed answers: the option's number, or its words", async () => {
    const u = h.api.user({ id: 1004, first_name: "Tư" });
    await register(u);
    await addProduct(u, "Rau má", "Thực phẩm", "Rau, củ, quả, hạt tươi", "Thực phẩm tươi sống");
    while (
      u
        .chat()
        .last()!
        .buttons.some((b) => b.text === "✅ Đúng")
    )
      await h.deliver(u.send("đúng"));
    expect(text(u)).toContain("A1.1.");
    await h.deliver(u.send("3"));
    expect(texts(u, 2)).toContain("→ Từ 75% đến 100%");
    expect(text(u)).toContain("A1.2.");
    await h.deliver(u.send("globalgap"));
    expect(texts(u, 2)).toContain("GlobalGAP");
    await h.deliver(u.send("chín"));
    expect(text(u)).toContain("Mình chưa hiểu");
  });
});

describe("products, profile and language", () => {
  it("/trangthai of a product with nothing answered gives no score yet, not 0 points and 1★", async () => {
    const u = h.api.user({ id: 1104, first_name: "Ba" });
    await register(u);
    await addHoney(h, u);
    await h.deliver(u.command("/trangthai"));
    expect(text(u)).toContain("Điểm dự kiến: chưa có, vì chưa trả lời câu nào.");
    expect(text(u)).not.toContain("0/100");
  });

  it("asks the tourism case once and asks only that case's options", async () => {
    const u = h.api.user({ id: 1101, first_name: "Du" });
    await register(u);
    await h.deliver(u.press("➕ Thêm sản phẩm"));
    await h.deliver(u.send("Homestay Cồn Sơn"));
    await h.deliver(u.press(/^Dịch vụ du lịch/));
    await h.deliver(u.press(/^Dịch vụ du lịch/));
    expect(text(u)).toContain("trường hợp nào");
    await h.deliver(u.press(/^Điểm dịch vụ du lịch do một tổ chức hoặc cá nhân/));
    expect(texts(u, 6)).toContain("Trường hợp: Điểm dịch vụ du lịch do một tổ chức hoặc cá nhân cung cấp");
    const [app] = appOf(1101);
    expect(app!.caseId).toBe("2");
    await answerAll(u, (n) => n);
    const a = loadAssessment(h.db, catalog, app!.id)!;
    expect(assessmentResult(a).score.total).toBe(100);
    const c8 = a.criteria.find((c) => c.id === "C8")!;
    expect(c8.options.find((o) => o.id === a.answers.C8)!.case).toBe("2");
  });

  it("shows the profile and edits a field, then returns to the profile", async () => {
    const u = h.api.user({ id: 1102, first_name: "Pro" });
    await register(u);
    await h.deliver(u.command("/thongtin"));
    expect(text(u)).toContain("Họ tên: Nguyễn Thị Lan");
    expect(text(u)).toContain("Địa bàn: Xã Cái Nước – Cà Mau");
    await h.deliver(u.press("✏️ Sửa họ tên"));
    await h.deliver(u.send("Nguyễn Thị Lan Anh"));
    expect(text(u)).toContain("Họ tên: Nguyễn Thị Lan Anh");
    await h.deliver(u.press("✏️ Sửa xã"));
    await h.deliver(u.send("ba diem"));
    await h.deliver(u.press(/^1\. Xã Bà Điểm/));
    expect(text(u)).toContain("Địa bàn: Xã Bà Điểm");
  });

  it("speaks English to an English Telegram client, and /ngonngu switches", async () => {
    const u = h.api.user({ id: 1103, first_name: "Ann", language_code: "en" });
    await h.deliver(u.command("/start"));
    expect(text(u)).toContain("Do you agree?");
    await h.deliver(u.press("✅ I agree"));
    await h.deliver(u.command("/ngonngu"));
    await h.deliver(u.press("Tiếng Việt"));
    expect(text(u)).toContain("Đã chuyển sang tiếng Việt");
    await h.deliver(u.send("Ann Smith"));
    expect(text(u)).toContain("điện thoại");
  });
});

describe("consent and personal data", () => {
  it("stores nothing when consent is refused, and says how to change one's mind", async () => {
    const u = h.api.user({ id: 2001, first_name: "Ba" });
    await h.deliver(u.command("/start"));
    await h.deliver(u.press("Không đồng ý"));
    expect(text(u)).toContain("/start");
    expect(h.db.select().from(users).all()).toEqual([]);
    await h.deliver(u.send("Nguyễn Văn Ba"));
    expect(text(u)).toContain("Gõ /start để bắt đầu");
    expect(h.db.select().from(users).all()).toEqual([]);
  });

  it("records the consent with its time and the notice's version", async () => {
    const u = h.api.user({ id: 2002, first_name: "Năm" });
    await h.deliver(u.command("/start"));
    await h.deliver(u.press("✅ Đồng ý"));
    const [event] = h.db.select().from(consentEvents).all();
    expect(event).toMatchObject({ userId: h.userId(2002), decision: "granted" });
    expect(event!.noticeVersion).toMatch(/^\d{4}-\d{2}$/);
    expect(Date.now() - event!.at.getTime()).toBeLessThan(60_000);
  });

  it("/xoadulieu deletes name, phone, organisation, products and answers after a confirmation", async () => {
    const u = h.api.user({ id: 2003, first_name: "Sáu" });
    await register(u);
    await addProduct(u, "Khô cá lóc", "Thực phẩm", /^Chế biến từ thịt/, "Thực phẩm chế biến");
    await h.deliver(u.press("✅ Đúng"));
    await h.deliver(u.command("/xoadulieu"));
    await h.deliver(u.press("Không, giữ lại"));
    expect(h.db.select().from(users).all()).toHaveLength(1);
    await h.deliver(u.command("/xoadulieu"));
    // The question says plainly what goes, a dossier filed with the commune too, and that the commune is told.
    expect(text(u)).toContain("cả hồ sơ đã nộp cho xã");
    expect(text(u)).toContain("Cán bộ xã sẽ nhận tin báo");
    await h.deliver(u.press("Xóa hết"));
    expect(text(u)).toContain("Đã xóa dữ liệu");
    expect(h.db.select().from(users).all()).toEqual([]);
    expect(h.db.select().from(organisations).all()).toEqual([]);
    expect(h.db.select().from(products).all()).toEqual([]);
    expect(h.db.select().from(applications).all()).toEqual([]);
    expect(
      h.db
        .select()
        .from(consentEvents)
        .all()
        .map((e) => e.decision),
    ).toEqual(["granted", "withdrawn"]);
  });

  it("refuses a contact that is not the user's own, and a malformed phone", async () => {
    const u = h.api.user({ id: 2004, first_name: "Bảy" });
    await h.deliver(u.command("/start"));
    await h.deliver(u.press("✅ Đồng ý"));
    await h.deliver(u.send("Lê Văn Bảy"));
    await h.deliver(u.sendContact({ phone_number: "0987654321", user_id: 999 }));
    expect(text(u)).toContain("chính bạn");
    await h.deliver(u.send("12345"));
    expect(text(u)).toContain("chưa đúng");
    await h.deliver(u.send("098.765.4321"));
    expect(
      h.db
        .select()
        .from(users)
        .where(eq(users.id, h.userId(2004)))
        .get()!.phone,
    ).toBe("0987654321");
  });
});
