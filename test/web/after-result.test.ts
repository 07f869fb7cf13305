// After the official result on the web: re-assessment (and a double tap starting one), the
// council's points per part recorded by the commune's officer and shown to the producer beside
// their own, and the reminders setting.
import { describe, expect, it } from "vitest";
import { applications, users } from "../../src/db/schema.js";
import { databaseRows } from "../helpers/database-rows.js";
import { useWebHarness } from "../helpers/web.js";
import { CAI_NUOC } from "../helpers/world.js";

const h = useWebHarness();
const DECISION = "2026-03-15";

/** A producer with a 4★ rated honey product, the commune's officer, and the producer's browser on its result. */
async function ratedResult() {
  const p = h.w.producer(501, CAI_NUOC);
  const officer = h.w.officer(601, [CAI_NUOC]);
  const appId = h.w.rated(p, "Mật ong hoa tràm", officer, { stars: 4, decisionDate: DECISION });
  const b = h.signedIn(p.user.id);
  await b.get(`/a/${appId}/result`);
  return { p, officer, appId, b };
}

const formFields = (b: ReturnType<typeof h.browser>, label: string) =>
  Object.fromEntries(
    b
      .form(label)
      .form.querySelectorAll("input")
      .map((i) => [i.getAttribute("name")!, i.getAttribute("value")!]),
  );

describe("the result of a rated application", () => {
  it("puts the council's official result first and says the self-assessment is only a reference", async () => {
    const { appId, b } = await ratedResult();
    const official = b.page.text.indexOf("Kết quả chính thức: 4★");
    expect(official, b.page.text).toBeGreaterThanOrEqual(0);
    expect(b.page.text).toContain(`Quyết định ${appId}/QĐ-UBND`);
    expect(b.page.text).toContain("Điểm dưới đây là điểm bạn tự đánh giá, chỉ để tham khảo.");
    // Before the self-assessed stars (5★: the best answers).
    expect(official).toBeLessThan(b.page.text.indexOf("5 sao"));
  });
});

describe("re-assessment", () => {
  it("a rated product offers re-rating and upgrade; a double tap starts one; the other kind then names the open one", async () => {
    const { appId, b } = await ratedResult();
    expect(b.page.text).toContain("Đánh giá lại");
    const fields = formFields(b, "Nâng hạng");
    const first = await b.post(`/a/${appId}/reassess`, fields);
    expect(first.path).toMatch(/^\/a\/\d+\/reassessed\?kind=upgrade$/);
    expect(b.page.text).toContain("Đã bắt đầu nâng hạng cho “Mật ong hoa tràm”");
    const second = await b.post(`/a/${appId}/reassess`, fields);
    expect(second.path).toBe(first.path);
    expect(h.db.select().from(applications).all()).toHaveLength(2);

    await b.get(`/a/${appId}/result`);
    await b.press("Đánh giá lại");
    expect(b.page.status).toBe(409);
    expect(b.page.text).toContain("đang có một lần nâng hạng chưa xong");
    await b.follow("Làm tiếp");
    expect(b.page.path).toMatch(/^\/a\/\d+\/q\//);
    expect(h.db.select().from(applications).all()).toHaveLength(2);
  });

  it("someone else, a forged kind or a draft start nothing", async () => {
    const { p, appId, b } = await ratedResult();
    const draft = h.w.draft(p, "Mắm tôm");
    const other = h.signedIn(h.w.producer(777, CAI_NUOC).user.id);
    await other.get("/reminders");
    const before = databaseRows(h.db);
    await other.post(`/a/${appId}/reassess`, { _csrf: other.csrf(), kind: "upgrade", once: "x" });
    expect(other.page.status).toBe(404);
    await b.post(`/a/${appId}/reassess`, { _csrf: b.csrf(), kind: "first", once: "y" });
    expect(b.page.status).toBe(404);
    await b.post(`/a/${appId}/reassess`, { _csrf: b.csrf(), kind: "<x>", once: "z" });
    expect(b.page.status).toBe(404);
    await b.post(`/a/${draft}/reassess`, { _csrf: b.csrf(), kind: "upgrade" });
    expect(b.page.status).toBe(404);
    expect(databaseRows(h.db)).toEqual(before);
  });
});

describe("the council's points", () => {
  it("the officer records them per part; the producer sees them beside their own; wrong numbers are asked again", async () => {
    const { officer, appId, b } = await ratedResult();
    expect(b.page.text).not.toContain("Điểm bạn tự chấm và điểm hội đồng");
    expect(b.page.text).not.toContain("Ghi điểm hội đồng");
    // The producer may not record them.
    const before = databaseRows(h.db);
    await b.get(`/a/${appId}/council-points`);
    expect(b.page.status).toBe(404);
    await b.post(`/a/${appId}/council-points`, { _csrf: b.csrf(), "part-A": "30", "part-B": "20", "part-C": "25" });
    expect(b.page.status).toBe(404);
    expect(databaseRows(h.db)).toEqual(before);

    const o = h.signedIn(officer);
    await o.get(`/a/${appId}/council-points`);
    expect(o.page.text).toContain("A (tối đa 40)");
    const unrecorded = databaseRows(h.db);
    await o.press("Lưu điểm hội đồng", { "part-A": "41", "part-B": "20", "part-C": "25" });
    expect(o.page.status).toBe(422);
    expect(o.page.text).toContain("Mình chưa đọc được");
    expect(databaseRows(h.db)).toEqual(unrecorded);
    await o.press("Lưu điểm hội đồng", { "part-A": "32,5", "part-B": "20", "part-C": "25" });
    expect(o.page.text).toContain("Đã ghi điểm hội đồng cho “Mật ong hoa tràm”");

    await b.get(`/a/${appId}/result`);
    expect(b.page.text).toContain("Điểm bạn tự chấm và điểm hội đồng");
    expect(b.page.text).toContain("hội đồng 32,5 /40");
    expect(b.page.text).toMatch(/Tổng: bạn \d+ · hội đồng 77,5/);
  });
});

describe("reminders", () => {
  it("the home links to the reminders; turning them off and on again", async () => {
    const p = h.w.producer(501, CAI_NUOC);
    const b = h.signedIn(p.user.id);
    await b.get("/");
    await b.follow("Nhắc nhở");
    expect(b.page.text).toContain("Nhắc nhở đang bật");
    await b.press("Tắt nhắc nhở");
    expect(b.page.text).toContain("Đã tắt nhắc nhở");
    expect(b.page.text).toContain("Nhắc nhở đang tắt");
    expect(
      h.db
        .select()
        .from(users)
        .all()
        .find((u) => u.id === p.user.id)?.remindersOff,
    ).toBe(true);
    await b.press("Bật nhắc nhở");
    expect(b.page.text).toContain("Đã bật nhắc nhở");
    expect(
      h.db
        .select()
        .from(users)
        .all()
        .find((u) => u.id === p.user.id)?.remindersOff,
    ).toBe(false);
    const before = databaseRows(h.db);
    await b.post("/reminders", { _csrf: b.csrf(), off: "maybe" });
    expect(b.page.status).toBe(404);
    expect(databaseRows(h.db)).toEqual(before);
  });
});
