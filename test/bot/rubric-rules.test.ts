// The OCOP rules as producers live them, through the bot: "none of these", a household without
// business registration, a dossier filed before 22/5/2026, a tourism site, and /huongdan.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applications, organisations } from "../../src/db/schema.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { loadAssessment } from "../../src/services/assessment.js";
import { lastText as text, useHarness } from "../helpers/bot.js";
import type { FakeUser } from "../helpers/fake-bot-api.js";
import { addHoney, answerAll, assessWithEvidence, consentAndName, registerProducer } from "../helpers/journeys.js";

const catalog = loadCatalog().value!;
const h = useHarness();

const recent = (u: FakeUser, n = 4) =>
  u
    .chat()
    .messages.slice(-n)
    .map((m) => m.text ?? "")
    .join("\n---\n");
const NONE = "Chưa đạt mức nào (không phải phương án của phiếu)";

const appsOf = (telegramId: number) => {
  const org = h.db
    .select()
    .from(organisations)
    .where(eq(organisations.ownerId, h.userId(telegramId)))
    .get()!;
  return h.db.select().from(applications).where(eq(applications.organisationId, org.id)).all();
};

describe("“none of these”", () => {
  it("is offered last, marked as not the law's, scores 0, misses the ★ marker and starts the plan", async () => {
    const u = h.api.user({ id: 3001, first_name: "Lan" });
    await registerProducer(h, u);
    await addHoney(h, u);
    while (
      u
        .chat()
        .last()!
        .buttons.some((b) => b.text === "✅ Đúng")
    )
      await h.deliver(u.press("✅ Đúng"));
    const q = u.chat().last()!;
    expect(q.text).toContain("A1.1. Nguồn gốc sản phẩm");
    expect(q.text).toContain(`4. ${NONE} — 0 điểm`);
    expect(q.buttons.map((b) => b.text).slice(0, 4)).toEqual(["1 · 1đ", "2 · 2đ", "3 · 3đ", "4 · Chưa đạt"]);

    // Nothing for the origin (A1.1) nor the environment dossier (A1.6, whose lowest option is ★4).
    await answerAll(h, u, {
      choose: (question) => (/^.*\b(A1\.1|A1\.6)\. /m.test(question) ? /· Chưa đạt$/ : undefined),
    });
    expect(
      u
        .chat()
        .messages.some((m) => m.text === `✅ A1.6. Bảo vệ môi trường trong quá trình sản xuất\n→ ${NONE} (0 điểm)`),
    ).toBe(true);
    const result = text(u);
    expect(result).toContain("Tổng: 94/100 điểm");
    expect(result).toContain("Hạng sao dự kiến: 3★ (theo điểm là 5★, nhưng còn thiếu dấu sao)");
    expect(result).toContain(
      "A1.6 Bảo vệ môi trường trong quá trình sản xuất: cần đạt mức ★4 (từ 1 điểm), hiện được 0 điểm",
    );
    expect(result).toContain(
      `Để lên 4★ (từ 70 điểm) cần cải thiện 1 tiêu chí:\n1. A1.6 Bảo vệ môi trường trong quá trình sản xuất: ${NONE} → Có hồ sơ, thủ tục môi trường`,
    );

    await h.deliver(u.command("/xemlai"));
    expect(u.chat().messages.find((m) => m.text?.startsWith("Phần A"))!.text).toContain(
      `A1.1 Nguồn gốc sản phẩm: ${NONE} (0/3)`,
    );
  });
});

describe("a household without business registration", () => {
  it("learns what the law asks and what to do, self-assesses, and can file once registered", async () => {
    const u = h.api.user({ id: 3002, first_name: "Tám" });
    await consentAndName(h, u, "Trần Văn Tám", "0901234567");
    await h.deliver(u.press("Hộ sản xuất, hộ kinh doanh"));
    expect(text(u)).toContain("giấy chứng nhận đăng ký hộ kinh doanh");
    await h.deliver(u.press("Chưa có"));
    const told = recent(u, 3);
    expect(told).toContain("Quyết định 26/2026/QĐ-TTg (Điều 2, khoản 3)");
    expect(told).toContain("đăng ký hộ kinh doanh");
    expect(told).toContain("vẫn tự đánh giá được");
    await h.deliver(u.send("Hộ kinh doanh Tám"));
    await h.deliver(u.send("cai nuoc ca mau"));
    await h.deliver(u.press(/^1\. Xã Cái Nước/));
    const org = h.db
      .select()
      .from(organisations)
      .where(eq(organisations.ownerId, h.userId(3002)))
      .get()!;
    expect(org).toMatchObject({ type: "household", businessRegistered: false });
    await h.deliver(u.command("/thongtin"));
    expect(text(u)).toContain("Đăng ký hộ kinh doanh: chưa có");

    await addHoney(h, u);
    await assessWithEvidence(h, u);
    await h.deliver(u.command("/nop"));
    const refused = u.chat().last()!;
    expect(refused.text).toContain("Hộ chưa có đăng ký kinh doanh: luật chỉ nhận hộ có đăng ký");
    // Nothing to walk through: the words point to the one button there is.
    expect(refused.buttons.map((b) => b.text)).toEqual(["✅ Hộ tôi đã đăng ký kinh doanh"]);
    expect(refused.text).toContain("Bấm nút bên dưới để làm tiếp.");
    expect(refused.text).not.toContain("Bổ sung lần lượt");
    expect(appsOf(3002)[0]!.state).toBe("completed");
    // The criterion whose every option needs the registration says so.
    await h.deliver(u.command("/xemlai"));
    await h.deliver(u.press("A3.1", u.chat().messages.find((m) => m.text?.startsWith("Phần A"))!.message_id));
    expect(text(u)).toContain(
      "Hộ bạn chưa có đăng ký kinh doanh, mà mọi mức của tiêu chí này đều cần có. Chọn “Chưa đạt mức nào”",
    );
    await h.deliver(u.press("✅ Hộ tôi đã đăng ký kinh doanh", refused.message_id));
    // Noted, and the walk through what is missing goes on: nothing else was missing.
    expect(u.chat().messages.at(-2)!.text).toContain("Đã ghi: hộ của bạn đã có đăng ký kinh doanh");
    expect(text(u)).toContain("Hồ sơ đã đủ điều kiện nộp");
    await h.deliver(u.command("/nop"));
    expect(appsOf(3002)[0]!.state).toBe("submitted");
  });
});

describe("a dossier filed in April 2026", () => {
  it("moves to Decision 148/2023's sheet from the product's menu, and the result says so", async () => {
    const u = h.api.user({ id: 3003, first_name: "Minh" });
    await registerProducer(h, u, "HTX Rau sạch");
    await h.deliver(u.command("/sanpham"));
    await h.deliver(u.press("➕ Thêm sản phẩm"));
    await h.deliver(u.send("Rau muống"));
    await h.deliver(u.press("Thực phẩm"));
    await h.deliver(u.press("Thực phẩm tươi sống"));
    await h.deliver(u.press("Rau, củ, quả, hạt tươi"));
    await h.deliver(u.command("/sanpham"));
    await h.deliver(u.press("Rau muống"));
    expect(text(u)).toContain("Bộ tiêu chí: Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP (QĐ 26/2026)");
    await h.deliver(u.press("📜 Bộ tiêu chí · nộp trước 22/05/2026?"));
    expect(text(u)).toContain("Điều 12");
    expect(text(u)).toContain("Nếu đổi sang Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP (QĐ 148/2023)");
    await h.deliver(u.press("📜 Hồ sơ tôi nộp trước 22/05/2026: đổi sang bộ cũ"));
    expect(recent(u)).toContain("Đã chuyển sang Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP (QĐ 148/2023)");
    const [app] = appsOf(3003);
    expect(app!.sheetId).toBe("qd148-2023/rau-cu-qua-hat-tuoi");
    await answerAll(h, u);
    const result = text(u);
    expect(result).toContain("Quyết định số 148/QĐ-TTg");
    expect(result).toContain("Chấm theo bộ tiêu chí cũ (hiệu lực đến 21/05/2026)");
    expect(result).toContain("Tổng: 100/100 điểm");
    const a = loadAssessment(h.db, catalog, app!.id)!;
    expect(Object.keys(a.answers)).toHaveLength(a.criteria.length);
  });

  it("is told plainly when the bot has no earlier sheet for the product set", async () => {
    const u = h.api.user({ id: 3004, first_name: "Hùng" });
    await registerProducer(h, u);
    await addHoney(h, u);
    await h.deliver(u.command("/sanpham"));
    await h.deliver(u.press("Mật ong hoa tràm"));
    await h.deliver(u.press(/^📜 Bộ tiêu chí/));
    expect(text(u)).toContain(
      "Bot chưa có phiếu chấm Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP (QĐ 148/2023) cho bộ “Mật ong, mật khác và nông sản thực phẩm khác”; hiện chỉ có cho: Rau, củ, quả, hạt tươi.",
    );
    expect(u.chat().last()!.buttons).toEqual([]);
  });
});

describe("a tourism site", () => {
  it("is asked its case in words that fit every criterion, and each criterion says its own", async () => {
    const u = h.api.user({ id: 3005, first_name: "Du" });
    await registerProducer(h, u, "Homestay Cồn Sơn");
    await h.deliver(u.command("/sanpham"));
    await h.deliver(u.press("➕ Thêm sản phẩm"));
    await h.deliver(u.send("Homestay Cồn Sơn"));
    await h.deliver(u.press(/^Dịch vụ du lịch/));
    await h.deliver(u.press(/^Dịch vụ du lịch/));
    expect(
      u
        .chat()
        .last()!
        .buttons.map((b) => b.text),
    ).toEqual([
      "Dịch vụ du lịch do cộng đồng cung cấp (nhiều hộ, nhiều cơ sở cùng làm)",
      "Điểm dịch vụ du lịch do một tổ chức hoặc cá nhân cung cấp",
    ]);
    await h.deliver(u.press(/^Điểm dịch vụ du lịch/));
    const seen: Record<string, string> = {};
    await answerAll(h, u, {
      choose: (question) => {
        const id = /^(C8|C9|C15)\. /m.exec(question)?.[1];
        if (id) seen[id] = question;
        return undefined;
      },
    });
    expect(seen.C8).toContain("(2) điểm dịch vụ du lịch");
    expect(seen.C9).toContain("(2) dịch vụ du lịch do tổ chức, cá nhân cung cấp");
    expect(seen.C15).toContain("(2) dịch vụ du lịch do tổ chức, cá nhân cung cấp");
    // Only case 2's options (and "none of these"): "Có đủ đăng ký kinh doanh và điều kiện kinh doanh theo luật" first.
    expect(seen.C8).toMatch(
      /1\. Có đủ đăng ký kinh doanh và điều kiện kinh doanh theo luật — 1 điểm\n2\. .*— 3 điểm\n3\. Chưa đạt mức nào/,
    );
  });
});

describe("/huongdan", () => {
  const topics: [RegExp, string[]][] = [
    [/Chu trình OCOP/, ["Nhận ý tưởng sản phẩm", "Xúc tiến thương mại"]],
    [
      /Hạng sao, ai công nhận/,
      ["5★ (90–100 điểm)", "4★ (70 đến dưới 90 điểm)", "Công nhận: Bộ Nông nghiệp và Môi trường", "36 tháng"],
    ],
    [/Hồ sơ gồm gì/, ["Mẫu số 01", "Mẫu số 02", "5 sản phẩm mẫu"]],
    [/Thời hạn xã, tỉnh/, ["15 ngày làm việc", "trước 30/4", "trước 30/10", "Đợt tới: xã đề nghị trước"]],
    [
      /Lịch sử bộ tiêu chí/,
      [
        "35 / 20 / 45",
        "(QĐ 1048/2019): từ 21/08/2019 đến 23/02/2023; phần A 35 / B 25 / C 40",
        "(QĐ 148/2023)",
        "(QĐ 26/2026): từ 22/05/2026; phần A 40 / B 25 / C 35 điểm; bot có 26 phiếu chấm",
      ],
    ],
    [/Hồ sơ nộp trước QĐ 26/, ["Điều 12", "Rau, củ, quả, hạt tươi", "📜 Bộ tiêu chí"]],
    [/Hộ chưa đăng ký KD/, ["đăng ký hộ kinh doanh"]],
    [/Chưa đạt mức nào/, ["không phải phương án của phiếu"]],
    [/Sau khi có kết quả/, ["36 tháng", "180 đến 120 ngày", "6 tháng và 3 tháng"]],
    [/Các lệnh của bot/, ["/danhgia", "/huongdan"]],
  ];

  it("answers each topic in one short message that changes with the buttons", async () => {
    const u = h.api.user({ id: 3006, first_name: "Lan" });
    await h.deliver(u.command("/huongdan"));
    const menu = u.chat().last()!;
    expect(menu.buttons).toHaveLength(topics.length);
    for (const [button, words] of topics) {
      await h.deliver(u.press(button, menu.message_id));
      const shown = u.chat().messages.find((m) => m.message_id === menu.message_id)!;
      expect(shown.text!.length).toBeLessThan(4096);
      for (const w of words) expect(shown.text).toContain(w);
    }
    expect(u.chat().messages).toHaveLength(1);
    // The topic on screen is marked; pressing it again changes nothing and errs nowhere.
    await h.deliver(u.press(/^▸ /, menu.message_id));
  });

  it("speaks English to an English speaker, with no key left untranslated", async () => {
    const u = h.api.user({ id: 3007, first_name: "Ann", language_code: "en" });
    await h.deliver(u.command("/huongdan"));
    const menu = u.chat().last()!;
    const shown: string[] = [];
    for (const b of menu.buttons.map((x) => x.text)) {
      await h.deliver(u.press(b, menu.message_id));
      shown.push(u.chat().messages.find((m) => m.message_id === menu.message_id)!.text!);
    }
    for (const t of shown) expect(t).not.toMatch(/guide-|household-|\{ ?\$/);
    expect(shown.join("\n")).toContain("Re-rating: file between 180 and 120 days");
    expect(shown.join("\n")).toContain("5★ (90–100 points)");
  });
});
