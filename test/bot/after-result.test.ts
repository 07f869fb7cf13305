// After the official result, through the bot: a product whose certificate is 32 months old reminds
// its producer and members, who start the re-rating from the last answers; the officer records the
// council's points per part and both sides see them.
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { applications, evidence } from "../../src/db/schema.js";
import { vnDate } from "../../src/domain/calendar.js";
import { addMonths } from "../../src/domain/certificate.js";
import { loadAssessment } from "../../src/services/assessment.js";
import { createMemberInvite, redeemInvite } from "../../src/services/membership.js";
import { runReminders } from "../../src/services/reminders.js";
import { lastText as text, useHarness } from "../helpers/bot.js";
import { ADMIN, CAI_NUOC, catalog, holidays, i18n, units, type World, world } from "../helpers/world.js";

const h = useHarness({ adminIds: [ADMIN] });
let w: World;
const OWNER = 4001;
const MEMBER = 4002;
const OFFICER = 4100;

beforeEach(() => {
  w = world(h.db);
});

/** A recognised 4★ honey of a cooperative with one member, its officer; everyone has opened the bot. */
async function recognised(decisionDate: string, changes: Record<string, string> = {}) {
  const p = w.producer(OWNER, CAI_NUOC);
  w.person(MEMBER);
  expect(redeemInvite(h.db, "member", createMemberInvite(h.db, p.org.id, OWNER).code, MEMBER).ok).toBe(true);
  w.officer(OFFICER, [CAI_NUOC]);
  const appId = w.rated(p, "Mật ong hoa tràm", OFFICER, { stars: 4, decisionDate }, changes);
  // The service-made evidence names no file the fake Bot API knows; the files are not at issue here.
  h.db.delete(evidence).where(eq(evidence.applicationId, appId)).run();
  const [owner, member, officer] = [OWNER, MEMBER, OFFICER].map((id) => h.api.user({ id, first_name: `U${id}` }));
  for (const u of [owner!, member!, officer!]) await h.deliver(u.command("/start"));
  await h.flush();
  return { appId, owner: owner!, member: member!, officer: officer! };
}

describe("a certificate 32 months old", () => {
  it("reminds the producer and the member once, and either starts the re-rating from the last answers", async () => {
    const today = vnDate(new Date());
    const { appId, owner, member } = await recognised(addMonths(today, -32));
    const at8 = new Date(`${today}T01:00:00Z`);
    const deps = { db: h.db, catalog, i18n, adminUnits: units, holidays, adminIds: [ADMIN] };
    expect(runReminders(deps, at8).certificates).toBe(2);
    expect(runReminders(deps, at8).certificates).toBe(0);
    await h.flush();
    for (const u of [owner, member]) {
      expect(text(u)).toContain(`Giấy chứng nhận OCOP 4★ của “Mật ong hoa tràm” hết hạn ngày`);
      expect(text(u)).toContain("còn khoảng 6 tháng");
      expect(
        u
          .chat()
          .last()!
          .buttons.map((b) => b.text),
      ).toEqual(["🔁 Đánh giá lại", "⬆️ Nâng hạng", "🔕 Không nhắc nữa"]);
    }
    const ownerReminder = owner.chat().last()!;

    await h.deliver(member.press("🔁 Đánh giá lại"));
    expect(
      member
        .chat()
        .messages.map((m) => m.text)
        .join("\n"),
    ).toContain("Đã bắt đầu đánh giá lại cho “Mật ong hoa tràm”");
    expect(text(member)).toContain("Điều kiện 1/");
    const apps = () =>
      h.db
        .select()
        .from(applications)
        .where(eq(applications.productId, loadAssessment(h.db, catalog, appId)!.product.id))
        .all();
    expect(apps()).toHaveLength(2);
    const fresh = loadAssessment(h.db, catalog, apps()[1]!.id)!;
    expect(fresh.answers).toEqual(loadAssessment(h.db, catalog, appId)!.answers);

    // The owner presses "upgrade" on the same reminder later: told it is the re-evaluation that is
    // open, which continues.
    await h.deliver(owner.press("⬆️ Nâng hạng", ownerReminder.message_id));
    expect(h.api.callsOf("answerCallbackQuery").at(-1)!.params).toMatchObject({
      text: "Sản phẩm này đang có một lần đánh giá lại chưa xong. Mình mở tiếp lần đó nhé.",
      show_alert: true,
    });
    expect(apps()).toHaveLength(2);
    expect(text(owner)).toContain("Điều kiện 1/");
    await h.deliver(owner.command("/trangthai"));
    expect(
      owner
        .chat()
        .messages.map((m) => m.text)
        .join("\n"),
    ).toContain("bắt đầu đánh giá lại");
  });
});

describe("the council's points per part", () => {
  it("are recorded by the officer and shown to the producer beside their own, and the gap to officers", async () => {
    // The producer said they do not meet A1.1 (origin) at all: part A is 37/40 by their own count.
    const { owner, officer } = await recognised("2026-06-20", { "A1.1": "none" });
    await h.deliver(officer.command("/hoso"));
    await h.deliver(officer.press("đã có kết quả"));
    await h.deliver(officer.press(/^1\. Mật ong hoa tràm/));
    expect(
      officer
        .chat()
        .messages.map((m) => m.text)
        .join("\n"),
    ).toContain("Bộ tiêu chí: Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP (QĐ 26/2026)");
    await h.deliver(officer.press("📊 Ghi điểm hội đồng từng phần"));
    expect(text(officer)).toContain("A (tối đa 40), B (tối đa 25), C (tối đa 35)");
    await h.deliver(officer.send("41 18 27"));
    expect(text(officer)).toContain("Mình chưa đọc được");
    await h.deliver(officer.send("32,5 18 27"));
    expect(text(officer)).toContain("Đã ghi điểm hội đồng cho “Mật ong hoa tràm”");
    expect(text(officer)).toContain("Phần A: bạn 37 · hội đồng 32,5 /40 (chênh +4,5)");

    await h.flush();
    expect(text(owner)).toContain("Điểm hội đồng từng phần cho “Mật ong hoa tràm”");
    expect(text(owner)).toContain("Tổng: bạn 97 · hội đồng 77,5 (chênh +19,5)");
    await h.deliver(owner.command("/trangthai"));
    const status = text(owner);
    expect(status).toContain("Điểm bạn tự chấm và điểm hội đồng:");
    expect(status).toContain("Phần C: bạn 35 · hội đồng 27 /35 (chênh +8)");
    expect(status).toContain("Giấy chứng nhận có giá trị đến 20/06/2029.");
    expect(
      owner
        .chat()
        .last()!
        .buttons.map((b) => b.text),
    ).toEqual(["🔁 Đánh giá lại", "⬆️ Nâng hạng"]);

    await h.deliver(officer.command("/hoso"));
    expect(text(officer)).toContain(
      "Tự chấm so với hội đồng (1 hồ sơ có điểm từng phần), chênh trung bình: A +4,5 · B +7 · C +8 · tổng +19,5",
    );

    // The Excel export carries the council's points per part.
    await h.deliver(officer.command("/xuat"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(h.api.callsOf("sendDocument").at(-1)!.files[0]!.content as never);
    const rows = wb.worksheets[0]!.getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    const row = (name: string) => rows[1]![rows[0]!.indexOf(name)];
    expect([row("Điểm hội đồng phần A"), row("Điểm hội đồng phần B"), row("Điểm hội đồng phần C")]).toEqual([
      32.5, 18, 27,
    ]);
    expect(row("Tiêu chí “chưa đạt mức nào”")).toBe("A1.1");
  });
});

describe("forged buttons of this issue", () => {
  it("are refused kindly to someone else, and nothing changes", async () => {
    const { appId } = await recognised("2026-06-20");
    const stranger = h.api.user({ id: 4999, first_name: "Lạ" });
    w.producer(4999, CAI_NUOC);
    await h.deliver(stranger.command("/start"));
    const before = JSON.stringify(h.db.select().from(applications).all());
    for (const data of [
      `ra:${appId}:r`,
      `ra:${appId}:u`,
      `ra:${appId}:x`,
      `op:${appId}`,
      `rv:${appId}`,
      `rvs:${appId}:qd148-2023`,
      "hd:nothing",
      "br:y",
    ]) {
      await h.deliver(stranger.pressData(data));
      expect(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text, data).toBe(
        "Nút này đã cũ hoặc không dùng được nữa. Gõ /tieptuc hoặc /sanpham để tiếp tục.",
      );
    }
    expect(JSON.stringify(h.db.select().from(applications).all())).toBe(before);
  });
});
