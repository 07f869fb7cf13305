// The whole life of an application through the bot: producer, cooperative member, commune officer
// and administrator, each in their own chat, every notification to the right people.
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { formatDate, spreadsheetDay } from "../../src/dates.js";
import { applicationEvents, applications, outbox, submissions } from "../../src/db/schema.js";
import { useHarness } from "../helpers/bot.js";
import type { FakeUser } from "../helpers/fake-bot-api.js";
import * as journeys from "../helpers/journeys.js";

const consentAndName = (u: FakeUser, name: string, phone: string, payload?: string) =>
  journeys.consentAndName(h, u, name, phone, payload);
const registerProducer = (u: FakeUser) => journeys.registerProducer(h, u);
const assessWithEvidence = (u: FakeUser) => journeys.assessWithEvidence(h, u);
const addHoney = (u: FakeUser, name?: string) => journeys.addHoney(h, u, name);

const ADMIN = 9000;
const h = useHarness({ adminIds: [ADMIN] });

const last = (u: FakeUser) => u.chat().last()?.text ?? "";
const all = (u: FakeUser) =>
  u
    .chat()
    .messages.map((m) => m.text ?? m.caption ?? "")
    .join("\n---\n");
const linkCode = (u: FakeUser, kind: "join" | "officer") =>
  new RegExp(`start=${kind}_([A-Za-z0-9_-]+)`).exec(last(u))![1]!;

describe("an application's life", () => {
  it("submit → notify → return with a note → resubmit → receive → local criteria → forward → result, followed by a member", async () => {
    const admin = h.api.user({ id: ADMIN, first_name: "Tỉnh" });
    const producer = h.api.user({ id: 5001, first_name: "Lan" });
    const member = h.api.user({ id: 5002, first_name: "Kế toán" });
    const officer = h.api.user({ id: 5003, first_name: "Cán bộ" });

    // The administrator appoints the commune officer.
    const officerCode = await journeys.officerInviteCode(h, admin, "cai nuoc", /^1\. Xã Cái Nước/);
    await consentAndName(officer, "Trần Văn Bình", "0987654321", `officer_${officerCode}`);
    expect(all(officer)).toContain("cán bộ OCOP của: Xã Cái Nước – Cà Mau");
    expect(h.api.commands({ type: "chat", chat_id: officer.id })?.map((c) => c.command)).toContain("hoso");
    // The same link cannot be used twice.
    const stranger = h.api.user({ id: 5009, first_name: "Lạ" });
    await h.deliver(stranger.command("/start", `officer_${officerCode}`));
    await h.deliver(stranger.press("✅ Đồng ý"));
    expect(all(stranger)).toContain("đã được dùng");

    // The producer registers and invites an accountant as a member.
    await registerProducer(producer);
    await h.deliver(producer.command("/thanhvien"));
    await h.deliver(producer.press("➕ Tạo link mời thành viên"));
    await consentAndName(member, "Lê Thị Hạnh", "0909123456", `join_${linkCode(producer, "join")}`);
    expect(all(member)).toContain("Bạn đã là thành viên của HTX Mật ong Cái Nước");
    // A member sees the organisation in /thongtin but cannot edit it; an officer sees their communes.
    await h.deliver(member.command("/thongtin"));
    expect(last(member)).toContain("Tên cơ sở: HTX Mật ong Cái Nước");
    expect(
      member
        .chat()
        .last()!
        .buttons.map((b) => b.text),
    ).not.toContain("✏️ Sửa tên cơ sở");
    await h.deliver(member.pressData("pf:org-name"));
    expect(String(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text)).toContain("Nút này đã cũ");
    await h.deliver(officer.command("/thongtin"));
    expect(last(officer)).toContain("Cán bộ OCOP của: Xã Cái Nước – Cà Mau");

    // Self-assessment, then an attempt to submit too early is refused with the reasons.
    await addHoney(producer, "Mật ong hoa tràm");
    await h.deliver(producer.command("/nop"));
    expect(last(producer)).toContain("Hồ sơ chưa nộp được");
    // The refusal leads through every missing item, then offers to submit.
    await h.deliver(producer.press("▶️ Bổ sung lần lượt"));
    await assessWithEvidence(producer);
    expect(last(producer)).toContain("Hồ sơ đã đủ điều kiện nộp");

    await h.deliver(producer.press("📨 Nộp hồ sơ"));
    expect(last(producer)).toContain("Đã nộp hồ sơ");
    await h.flush();
    expect(last(officer)).toContain("Hồ sơ mới: Mật ong hoa tràm");
    expect(last(officer)).toContain("Tổng 100 → 5★");
    expect(last(member)).toContain("đã được nộp cho UBND Xã Cái Nước – Cà Mau");
    expect(all(admin)).not.toContain("Hồ sơ mới");
    // Submitting twice does nothing more.
    await h.deliver(producer.pressData(`sub:${h.db.select().from(applications).get()!.id}`));
    expect(String(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text)).toContain("đã được làm rồi");

    // The officer looks, then asks for changes with a note.
    const notice = officer.chat().last()!.message_id;
    await h.deliver(officer.press("👁 Xem", notice));
    expect(all(officer)).toContain("Chủ thể: Nguyễn Thị Lan · 0912345678");
    expect(h.api.callsOf("sendMediaGroup").length).toBeGreaterThan(0);
    await h.deliver(officer.press("✏️ Yêu cầu bổ sung", notice));
    await h.deliver(officer.send("Bổ sung phiếu kiểm nghiệm mới nhất của mật ong."));
    await h.flush();
    expect(last(producer)).toContain("«Bổ sung phiếu kiểm nghiệm mới nhất của mật ong.»");
    expect(last(member)).toContain("Cán bộ xã đề nghị bổ sung");
    // A second officer press on the old notice is told kindly it is no longer possible.
    await h.deliver(officer.press("📬 Tiếp nhận", notice));
    expect(String(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text)).toMatch(/cần bổ sung/);

    // The producer changes an answer and resubmits; the earlier submission is kept.
    await h.deliver(producer.press("📨 Nộp lại"));
    await h.flush();
    expect(
      h.db
        .select()
        .from(submissions)
        .all()
        .map((s) => s.revision),
    ).toEqual([1, 2]);
    const second = officer.chat().last()!;
    expect(second.text).toContain("Hồ sơ mới: Mật ong hoa tràm");

    // Receive, evaluate the local criteria, forward.
    await h.deliver(officer.press("📬 Tiếp nhận", second.message_id));
    expect(last(officer)).toMatch(/Còn 15 ngày làm việc|Còn 1[0-5] ngày làm việc/);
    await h.deliver(officer.press("🏛 Chuyển lên tỉnh"));
    expect(String(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text)).toContain(
      "đánh giá đủ các tiêu chí địa phương",
    );
    await h.deliver(officer.press("📝 Đánh giá tiêu chí địa phương"));
    const locals = officer
      .chat()
      .messages.filter((m) =>
        m.buttons.some((b) => (b as { callback_data?: string }).callback_data?.startsWith("le:")),
      );
    expect(locals.length).toBeGreaterThanOrEqual(3);
    // A3.3 has no option of 0 points in the rubric: the added one is named as on the producer's side.
    const labour = locals.find((m) => m.text?.includes("A3.3"))!;
    expect(labour.buttons.map((b) => b.text)).toEqual(["1 · 1đ", "2 · 2đ", "3 · 3đ", "4 · Chưa đạt"]);
    expect(labour.text).toContain("4. Chưa đạt mức nào");
    for (const [i, m] of locals.entries()) {
      await h.deliver(officer.press(/^1 · /, m.message_id));
      expect(last(officer)).toContain("Nhận xét của xã về");
      if (i === 0) await h.deliver(officer.send("Nguyên liệu mật lấy từ rừng tràm trong xã."));
      else await h.deliver(officer.press("Bỏ qua"));
    }
    expect(last(officer)).toContain("Đã đánh giá đủ các tiêu chí địa phương");
    // The remarks go into the commune's report.
    const before = h.api.callsOf("sendDocument").length;
    await h.deliver(officer.pressData(`o3:${h.db.select().from(applications).get()!.id}`));
    const mau03 = h.api.callsOf("sendDocument")[before]!.files[0]!;
    expect(mau03.filename).toMatch(/^mau-03/);
    const xml = await (await JSZip.loadAsync(mau03.content)).file("word/document.xml")!.async("string");
    expect(xml).toContain("Nguyên liệu mật lấy từ rừng tràm trong xã.");
    await h.deliver(officer.press("🏛 Chuyển lên tỉnh"));
    await h.flush();
    expect(last(producer)).toContain("đã được chuyển lên tỉnh");

    // The official result.
    await h.deliver(officer.command("/hoso"));
    expect(last(officer)).toContain("Hạn đề nghị lên tỉnh tới");
    await h.deliver(officer.press("tất cả"));
    await h.deliver(officer.press(/^1\. Mật ong/));
    await h.deliver(officer.press("🏅 Ghi kết quả chính thức"));
    await h.deliver(officer.press("4★"));
    await h.deliver(officer.send("1234/QĐ-UBND"));
    await h.deliver(officer.send("31/02/2027"));
    expect(last(officer)).toContain("Ngày chưa đúng");
    // A decision cannot be dated after today in Vietnam, nor before the application was submitted.
    const today = formatDate(new Date());
    await h.deliver(officer.send("15-12-2030"));
    expect(last(officer)).toContain("Ngày 15/12/2030 chưa tới");
    await h.deliver(officer.send("01/01/2020"));
    expect(last(officer)).toContain(`trước ngày nộp hồ sơ (${today})`);
    expect(h.db.select().from(applications).get()!.state).toBe("forwarded");
    await h.deliver(officer.send(today));
    await h.flush();
    expect(last(producer)).toContain(`đạt 4★ (Quyết định 1234/QĐ-UBND, ngày ${today})`);
    expect(last(member)).toContain("đạt 4★");
    // The old 5★ button of that question: refused at once, no decision number asked.
    const stars = officer.chat().messages.find((m) => m.buttons.some((b) => b.text === "5★"))!;
    await h.deliver(officer.press("5★", stars.message_id));
    expect(String(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text)).toContain(
      "đã có kết quả”, chưa làm được việc này",
    );
    expect(last(officer)).not.toContain("Số quyết định");
    // Buttons of an application that does not exist, handled by different features: each refusal
    // points the officer to their own list, not to a producer's commands.
    for (const data of ["o3:999999", "le:999999:origin:a", "hs:nonsense"]) {
      await h.deliver(officer.pressData(data));
      const refusal = String(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text);
      expect(refusal, data).toContain("/hoso");
      expect(refusal, data).not.toContain("/sanpham");
    }

    // The member sees the whole timeline.
    await h.deliver(member.command("/trangthai"));
    const status = last(member);
    for (const step of [
      "Tự đánh giá xong (hệ thống)",
      "Nộp hồ sơ",
      "Xã yêu cầu bổ sung",
      "Ghi chú: Bổ sung phiếu kiểm nghiệm",
      "Xã tiếp nhận",
      "Chuyển lên tỉnh",
      "Ghi kết quả chính thức",
      `Kết quả chính thức: 4★ (Quyết định 1234/QĐ-UBND, ngày ${today})`,
    ]) {
      expect(status).toContain(step);
    }
    // Each local criterion by name, with the points the commune gave it (the first option each time).
    expect(status).toContain("Xã đánh giá A1.1 Nguồn gốc sản phẩm: 1/3 điểm");
    expect(status).toContain("Xã đánh giá A3.3 Sử dụng lao động địa phương:");
    expect(status).not.toContain("Xã đánh giá tiêu chí địa phương");
    expect(status).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const app = h.db.select().from(applications).get()!;
    expect(app.state).toBe("rated");
    expect(
      h.db
        .select()
        .from(applicationEvents)
        .where(eq(applicationEvents.applicationId, app.id))
        .all()
        .map((e) => e.action),
    ).toEqual([
      "complete",
      "submit",
      "return",
      "submit",
      "receive",
      "evaluate",
      "evaluate",
      "evaluate",
      ...(locals.length === 4 ? ["evaluate"] : []),
      "forward",
      "record-result",
    ]);
    expect(
      h.db
        .select()
        .from(outbox)
        .all()
        .every((r) => r.status === "sent"),
    ).toBe(true);

    // The officer exports the commune's applications.
    await h.deliver(officer.command("/xuat"));
    const doc = h.api.callsOf("sendDocument").at(-1)!;
    expect(doc.files[0]!.filename).toMatch(/^ho-so-ocop-\d{4}-\d{2}-\d{2}\.xlsx$/);
    // Days are real date cells shown dd/mm/yyyy: the submission (today in Vietnam) and the decision.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(doc.files[0]!.content as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const column = (title: string) => (ws.getRow(1).values as string[]).indexOf(title);
    const submitted = ws.getRow(2).getCell(column("Ngày nộp"));
    expect(submitted.value).toEqual(spreadsheetDay(h.db.select().from(applications).get()!.submittedAt));
    expect(submitted.numFmt).toBe("dd/mm/yyyy");
    expect(ws.getRow(2).getCell(column("Ngày quyết định")).value).toEqual(spreadsheetDay(new Date()));
    expect(ws.getRow(2).getCell(column("Số quyết định")).value).toBe("1234/QĐ-UBND");
  }, 60_000);

  it("a commune without an officer: the administrators get the application, the producer is told", async () => {
    const admin = h.api.user({ id: ADMIN, first_name: "Tỉnh" });
    await h.deliver(admin.command("/start"));
    const producer = h.api.user({ id: 5101, first_name: "Lan" });
    await registerProducer(producer);
    await addHoney(producer, "Mật ong");
    await assessWithEvidence(producer);
    await h.deliver(producer.press("📨 Nộp hồ sơ"));
    await h.flush();
    expect(last(admin)).toContain("xã chưa có cán bộ");
    expect(all(producer)).toContain("chưa có cán bộ trên hệ thống");
  }, 60_000);
});

describe("who may see and do what", () => {
  it("an officer of another commune, a producer of another organisation and forged data are refused", async () => {
    const producer = h.api.user({ id: 5201, first_name: "Lan" });
    await registerProducer(producer);
    await addHoney(producer, "Mật ong");
    await assessWithEvidence(producer);
    await h.deliver(producer.press("📨 Nộp hồ sơ"));
    const appId = h.db.select().from(applications).get()!.id;

    // An officer of another commune.
    const admin = h.api.user({ id: ADMIN, first_name: "Tỉnh" });
    const otherCode = await journeys.officerInviteCode(h, admin, "ba diem", /^1\. Xã Bà Điểm/);
    const other = h.api.user({ id: 5202, first_name: "Khác" });
    await consentAndName(other, "Phạm Văn Khác", "0911111111", `officer_${otherCode}`);
    // A producer of another organisation.
    const neighbour = h.api.user({ id: 5203, first_name: "Hàng xóm" });
    await registerProducer(neighbour);

    for (const u of [other, neighbour]) {
      for (const data of [
        `ov:${appId}`,
        `or:${appId}`,
        `oq:${appId}`,
        `oe:${appId}`,
        `of:${appId}`,
        `ox:${appId}`,
        `rs:${appId}:5`,
        `le:${appId}:origin:a`,
        `wd:${appId}`,
        `sub:${appId}`,
        `d:${appId}`,
        `dc:${appId}:0:first`,
        `ds:${appId}:1`,
        `dg:${appId}:5`,
        `de:${appId}:1`,
        `fm:${appId}`,
        `o3:${appId}`,
        `fk:1:0`,
      ]) {
        const before = u.chat().messages.length;
        await h.deliver(u.pressData(data));
        expect(u.chat().messages.length).toBe(before);
        expect(String(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text)).toMatch(
          /Nút này đã cũ|không dùng được/,
        );
      }
    }
    await h.deliver(other.command("/hoso"));
    expect(last(other)).toContain("0 hồ sơ");
    await h.deliver(neighbour.command("/trangthai"));
    expect(last(neighbour)).toContain("Chưa có hồ sơ nào");
    expect(h.db.select().from(applications).get()!.state).toBe("submitted");
  }, 60_000);
});
