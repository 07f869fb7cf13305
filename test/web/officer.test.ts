// The commune officer on the web: appointed by an invitation link opened in a fresh browser, they
// find their communes' applications (the urgent ones first), request changes, receive, evaluate
// the local criteria, forward and record the result; downloads; and nothing for anyone else.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { formatDate } from "../../src/dates.js";
import { outbox } from "../../src/db/schema.js";
import { createOfficerInvite } from "../../src/services/membership.js";
import { databaseRows } from "../helpers/database-rows.js";
import { type Browser, useWebHarness } from "../helpers/web.js";
import { ADMIN, CAI_NUOC, PHU_MY } from "../helpers/world.js";

const h = useWebHarness();

/** The visible labels of the buttons in the page's `.options`. */
const optionLabels = (b: Browser) =>
  b.page.dom.querySelectorAll(".options button").map((x) => x.textContent.replace(/\s+/g, " ").trim());

describe("an officer's invitation link", () => {
  it("a newcomer consents, accepts, gives only name and phone, and then sees the commune's applications", async () => {
    const p = h.w.producer(101, CAI_NUOC);
    const appId = h.w.filed(p, "Mật ong hoa tràm", new Date());
    const code = createOfficerInvite(h.db, [CAI_NUOC], ADMIN).code;

    const b = h.browser();
    await b.get(`/officer-invite/${code}`);
    expect(b.page.text).toContain("Bạn được mời làm cán bộ OCOP của: Xã Cái Nước – Cà Mau");
    expect(b.page.text).toContain("91/2025/QH15");
    await b.press("Đồng ý");
    expect(b.page.path).toBe(`/officer-invite/${code}`);
    expect(b.page.text).toContain("dùng một lần");
    await b.press("Nhận lời mời");
    expect(b.page.text).toContain("Bạn đã được giao làm cán bộ OCOP của: Xã Cái Nước – Cà Mau");
    // Registration (another screen) asks an officer only their name and phone.
    expect(b.page.dom.querySelector('a[href="/register"]')).toBeTruthy();
    const actor = h.deps.services.accounts.userOfSession(b.cookies.get("ocop_session"))!.id;
    const profile = h.deps.services.people.profile(actor)!;
    expect(profile.officerOf).toEqual([CAI_NUOC]);
    expect(h.deps.services.people.setName(actor, "Lê Văn Cán").ok).toBe(true);
    expect(h.deps.services.people.setPhone(actor, "0912345679").ok).toBe(true);

    await b.get("/");
    await b.follow("Hồ sơ của xã");
    expect(b.page.path).toBe("/officer");
    expect(b.page.text).toContain("Mật ong hoa tràm");
    expect(b.page.text).toContain("Co-op 101");
    expect(b.page.text).toContain("đã nộp");
    expect(b.page.text).toContain(`Nộp ngày ${formatDate(new Date())}`);
    expect(b.page.dom.querySelector(`a[href="/officer/a/${appId}"]`)).toBeTruthy();

    // Used once: someone else opening the same link learns it is used.
    const other = h.signedIn(h.w.person(102).id);
    const again = await other.get(`/officer-invite/${code}`);
    expect(again.status).toBe(410);
    expect(again.text).toContain("Link mời này đã được dùng");
  });

  it("an unknown code is a kind page, and a malformed one a 404", async () => {
    const b = h.browser();
    expect((await b.get("/officer-invite/abcdefghijkl")).text).toContain("Link mời này không đúng");
    expect((await b.get("/officer-invite/x")).status).toBe(404);
  });
});

describe("the officer's desk", () => {
  it("returns an application with a note, then receives, evaluates, forwards and records the result", async () => {
    const p = h.w.producer(101, CAI_NUOC);
    const officer = h.w.officer(201, [CAI_NUOC]);
    const appId = h.w.filed(p, "Mật ong hoa tràm", new Date());
    const b = h.signedIn(officer);

    await b.get("/officer");
    await b.follow("Mật ong hoa tràm");
    expect(b.page.path).toBe(`/officer/a/${appId}`);
    expect(b.page.text).toContain("Chủ thể: Person 101 · 0912345678");
    expect(b.page.text).toContain("Phần A");
    const evidence = b.page.dom.querySelectorAll('a[href^="/evidence/"]');
    expect(evidence.length).toBeGreaterThan(0);

    // Request changes: a note too short is asked again, then the producer hears.
    await b.follow("Yêu cầu bổ sung");
    await b.press("Gửi yêu cầu bổ sung", { note: "ít" });
    expect(b.page.status).toBe(422);
    expect(b.page.text).toContain("Ghi chú ngắn quá");
    await b.press("Gửi yêu cầu bổ sung", { note: "Bổ sung ảnh giấy an toàn thực phẩm" });
    expect(b.page.path).toBe(`/officer/a/${appId}?done=return`);
    expect(b.page.text).toContain("Đã gửi yêu cầu bổ sung cho chủ thể");
    expect(b.page.text).toContain("cần bổ sung");
    expect(b.page.text).toContain("Bổ sung ảnh giấy an toàn thực phẩm");
    const notices = h.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipientId, p.user.id), eq(outbox.applicationId, appId)))
      .all();
    expect(notices.some((n) => n.arguments.note === "Bổ sung ảnh giấy an toàn thực phẩm")).toBe(true);

    // The producer files again; the officer receives it.
    expect(h.deps.services.applications.submit(p.user.id, appId, true).ok).toBe(true);
    await b.get(`/officer/a/${appId}`);
    await b.press("Tiếp nhận");
    expect(b.page.text).toContain("Đã tiếp nhận.");
    expect(b.page.text).toMatch(/Còn \d+ ngày làm việc/);
    // Forwarding is offered once the local criteria are evaluated; a forged press says what is missing.
    expect(() => b.form("Chuyển lên tỉnh")).toThrow();
    await b.post(`/officer/a/${appId}/forward`, { _csrf: b.csrf() });
    expect(b.page.status).toBe(409);
    expect(b.page.text).toContain("Cần đánh giá đủ các tiêu chí địa phương");

    // The local criteria, one per screen, with the bot's option labels.
    await b.get(`/officer/a/${appId}`);
    await b.follow("Đánh giá tiêu chí địa phương");
    const count = Number(/Tiêu chí địa phương 1\/(\d)/.exec(b.page.text)?.[1]);
    expect(count).toBeGreaterThan(0);
    for (let n = 1; n <= count; n++) {
      expect(b.page.text).toContain(`Tiêu chí địa phương ${n}/${count}`);
      expect(b.page.text).toContain("Chủ thể tự đánh giá");
      const labels = optionLabels(b);
      for (const label of labels) expect(label).toMatch(/^\d+ · (\d+(,\d+)?đ|Chưa đạt)$/);
      await b.press(labels.at(-1)!);
      expect(b.page.text).toContain("Đã ghi đánh giá của xã");
      if (n % 2 === 1) await b.press("Lưu nhận xét", { note: `Nhận xét ${n}` });
      else await b.follow("Bỏ qua");
    }
    await b.get(`/officer/a/${appId}`);
    expect(b.page.text).toMatch(/Xã đánh giá A\d/);
    await b.press("Chuyển lên tỉnh");
    expect(b.page.text).toContain("Đã chuyển lên tỉnh.");
    expect(b.page.text).toContain("đã chuyển tỉnh");
    expect(b.page.text).not.toMatch(/ngày làm việc/);

    // The official result: a future date is refused, then it is recorded.
    await b.follow("Ghi kết quả chính thức");
    await b.press("Ghi kết quả chính thức", { stars: "4", number: "12/QĐ-UBND", date: "01/01/2999" });
    expect(b.page.status).toBe(422);
    expect(b.page.text).toContain("chưa tới");
    await b.press("Ghi kết quả chính thức", { stars: "4", number: "12/QĐ-UBND", date: formatDate(new Date()) });
    expect(b.page.text).toContain("Đã ghi kết quả chính thức");
    expect(b.page.text).toContain("đã có kết quả");
    const official = h.deps.services.applications.status(p.user.id, appId);
    expect(official.ok && official.official).toMatchObject({ stars: 4, decisionNumber: "12/QĐ-UBND" });
  });

  it("the evidence list leads an officer back to their view of the application, not to the producer's status", async () => {
    const p = h.w.producer(101, CAI_NUOC);
    const officer = h.w.officer(201, [CAI_NUOC]);
    const appId = h.w.filed(p, "Mật ong hoa tràm", new Date());
    const b = h.signedIn(officer);
    await b.get(`/a/${appId}/evidence`);
    expect(b.page.status).toBe(200);
    await b.follow("Về hồ sơ");
    expect(b.page.path).toBe(`/officer/a/${appId}`);
    expect(b.page.status).toBe(200);
    const owner = h.signedIn(p.user.id);
    await owner.get(`/a/${appId}/evidence`);
    await owner.follow("Tình trạng hồ sơ");
    expect(owner.page.path).toBe(`/a/${appId}/status`);
  });

  it("lists the urgent applications first: the fewest working days left, then the longest waiting", async () => {
    const p = h.w.producer(101, CAI_NUOC);
    const officer = h.w.officer(201, [CAI_NUOC]);
    const day = (n: number) => new Date(Date.now() - n * 86_400_000);
    h.w.filed(p, "Mới nộp", day(1));
    h.w.filed(p, "Nộp lâu", day(9));
    h.w.filed(p, "Nhận hôm qua", day(3), { by: officer, at: day(1) });
    h.w.filed(p, "Sắp hết hạn", day(40), { by: officer, at: day(18) });
    const page = await h.signedIn(officer).get("/officer");
    const order = page.dom.querySelectorAll("ul.inbox li b").map((x) => x.textContent);
    expect(order).toEqual(["Sắp hết hạn", "Nhận hôm qua", "Nộp lâu", "Mới nộp"]);
    expect(page.dom.querySelectorAll("ul.inbox li.urgent").length).toBe(1);
    const filtered = await h.signedIn(officer).get("/officer?filter=received");
    expect(filtered.dom.querySelectorAll("ul.inbox li").length).toBe(2);
  });

  it("downloads Mẫu 03 as a Word document and the list as an Excel workbook", async () => {
    const p = h.w.producer(101, CAI_NUOC);
    const officer = h.w.officer(201, [CAI_NUOC]);
    const appId = h.w.filed(p, "Mật ong hoa tràm", new Date());
    const b = h.signedIn(officer);
    const form = await b.get(`/officer/a/${appId}/forms/mau-03`);
    expect(form.status).toBe(200);
    expect(form.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(String(form.headers["content-disposition"])).toMatch(
      /^attachment; filename="mau-03-.*mat-ong-hoa-tram.*\.docx"$/,
    );
    const xlsx = await b.get("/officer/export");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(String(xlsx.headers["content-disposition"])).toMatch(
      /^attachment; filename="ho-so-ocop-\d{4}-\d\d-\d\d\.xlsx"$/,
    );
  });
});

describe("nothing for anyone else", () => {
  it("an officer of another commune, the producer and a visitor get 404 everywhere, and nothing changes", async () => {
    const p = h.w.producer(101, CAI_NUOC);
    const mine = h.w.officer(201, [CAI_NUOC]);
    const submitted = h.w.filed(p, "Mật ong", new Date());
    const received = h.w.filed(p, "Trà", new Date(), { by: mine, at: new Date() });
    const stranger = h.w.officer(202, [PHU_MY]);
    const visitors = [h.signedIn(stranger), h.signedIn(p.user.id), h.browser()];
    for (const b of visitors) {
      await b.get("/");
      const csrf = b.csrf();
      const before = databaseRows(h.db);
      for (const id of [submitted, received]) {
        for (const path of ["", "/return", "/local", "/local/origin", "/result", "/forms/mau-03"]) {
          expect((await b.get(`/officer/a/${id}${path}`)).status, `GET ${path}`).toBe(404);
        }
        const posts: [string, Record<string, string>][] = [
          ["/receive", {}],
          ["/forward", {}],
          ["/return", { note: "Bổ sung giấy tờ" }],
          ["/local/origin", { option: "x" }],
          ["/local/origin/note", { note: "Nhận xét" }],
          ["/result", { stars: "4", number: "12/QĐ-UBND", date: formatDate(new Date()) }],
        ];
        for (const [path, fields] of posts) {
          expect((await b.post(`/officer/a/${id}${path}`, { _csrf: csrf, ...fields })).status, `POST ${path}`).toBe(
            404,
          );
        }
      }
      expect(databaseRows(h.db)).toEqual(before);
    }
    // Only the officer of another commune has a desk, and it is empty.
    expect((await visitors[0]!.get("/officer")).text).toContain("Không có hồ sơ nào");
    expect((await visitors[1]!.get("/officer")).status).toBe(404);
    expect((await visitors[1]!.get("/officer/export")).status).toBe(404);
    expect((await visitors[2]!.get("/officer")).status).toBe(404);
  });
});
