// The producer's journey on the web: consent, registration, a product, the whole questionnaire by
// pressing buttons, the review and the result; and the refusals (someone else's application, a
// forged answer, a filed application) that change nothing.
import { describe, expect, it } from "vitest";
import { getI18n, translator } from "../../src/i18n.js";
import { scoreReport } from "../../src/views/rubric-text.js";
import { databaseRows } from "../helpers/database-rows.js";
import { type Browser, useWebHarness } from "../helpers/web.js";
import { CAI_NUOC } from "../helpers/world.js";
import { answerAllOnTheWeb, answerButtons, pressAnswer } from "./producer-steps.js";

const h = useWebHarness();
const vi = translator(getI18n(), "vi");
const visible = (s: string) => s.replace(/\s+/g, " ").trim();

const userOf = (b: Browser) => h.deps.services.accounts.userOfSession(b.cookies.get("ocop_session"))!.id;
const appIdOf = (path: string) => Number(/^\/a\/(\d+)/.exec(path)![1]);

/** A registered producer's browser with a honey product just added (its first question on screen). */
async function producerWithDraft() {
  const p = h.w.producer(501, CAI_NUOC);
  const appId = h.w.draft(p, "Mật ong hoa tràm");
  const b = h.signedIn(p.user.id);
  await b.get(`/a/${appId}`);
  return { p, appId, b };
}

describe("a new visitor registers and assesses a product", () => {
  it("consents, registers (a wrong phone first), adds a product, answers everything and sees the service's result", async () => {
    const b = h.browser();
    await b.get("/");
    await b.press("Đồng ý");
    expect(b.page.path).toBe("/register");
    expect(b.page.text).toContain("họ và tên");

    await b.press("Lưu và tiếp tục", { value: "Nguyễn Thị Lan" });
    expect(b.page.dom.querySelector('input[type="tel"]')).toBeTruthy();
    await b.press("Lưu và tiếp tục", { value: "12345" });
    expect(b.page.status).toBe(422);
    expect(b.page.text).toContain("Số này chưa đúng");
    expect(b.page.dom.querySelector('input[type="tel"]')).toBeTruthy();
    await b.press("Lưu và tiếp tục", { value: "0912 345 678" });

    expect(b.page.text).toContain("Bạn sản xuất theo hình thức nào?");
    await b.press("Hợp tác xã (HTX)");
    await b.press("Lưu và tiếp tục", { value: "x" });
    expect(b.page.text).toContain("Tên cơ sở cần từ 2 đến 120 ký tự");
    await b.press("Lưu và tiếp tục", { value: "HTX Mật ong Cái Nước" });

    await b.press("Tìm xã", { value: "cai nuoc ca mau" });
    expect(b.page.text).toContain("Bạn chọn đúng xã của mình");
    await b.press(/^1\. Xã Cái Nước – Cà Mau/);
    expect(b.page.path).toBe("/products?said=registered");
    expect(b.page.text).toContain("Đăng ký xong");
    const profile = h.deps.services.people.profile(userOf(b))!;
    expect(profile.user).toMatchObject({ fullName: "Nguyễn Thị Lan", phone: "0912345678" });
    expect(profile.organisation).toMatchObject({
      name: "HTX Mật ong Cái Nước",
      type: "cooperative",
      communeCode: CAI_NUOC,
    });
    // Registered: /register has nothing more to ask.
    await b.get("/register");
    expect(b.page.path).toBe("/");

    await b.get("/products");
    await b.follow("Thêm sản phẩm");
    await b.press("Tiếp tục", { name: " " });
    expect(b.page.text).toContain("Tên sản phẩm cần từ 2 đến 120 ký tự");
    await b.press("Tiếp tục", { name: "Mật ong hoa tràm" });
    // The finder suggests the honey set; browsing by sector reaches it too.
    expect(b.page.text).toContain("Mật ong, mật khác và nông sản thực phẩm khác");
    await b.follow("Thực phẩm");
    await b.follow("Thực phẩm thô, sơ chế");
    await b.press("Mật ong, mật khác và nông sản thực phẩm khác");
    expect(b.page.path).toMatch(/^\/a\/\d+\/q\/dq:/);
    expect(b.page.text).toContain("Bắt đầu tự đánh giá “Mật ong hoa tràm”");
    const appId = appIdOf(b.page.path);

    // Criteria alternate between their first and their last option.
    await answerAllOnTheWeb(b, (n, count) => (n % 2 ? 0 : count - 1));
    expect(b.page.path).toBe(`/a/${appId}/result?done=1`);
    expect(b.page.text).toContain("Bạn đã trả lời hết các câu");

    const result = h.deps.services.assessment.result(userOf(b), appId);
    if (!result.ok) throw new Error(result.reason);
    const { score, plans } = result;
    expect(b.page.text).toContain(`${score.stars} sao · ${score.total}/${score.max} điểm`);
    const report = visible(b.page.dom.querySelector(".msg.card")!.textContent);
    expect(report).toBe(visible(scoreReport(vi, result.assessment.sheet, score, plans)));
    for (const part of ["A", "B", "C"]) expect(report).toContain(`Phần ${part}`);
    expect(plans.length).toBeGreaterThan(0);
    for (const link of ["Hoàn thiện hồ sơ", "Nộp hồ sơ", "Ảnh/giấy tờ"])
      expect(b.page.dom.querySelectorAll("a").some((a) => a.textContent.includes(link))).toBe(true);

    // The products list shows the application's state and score.
    await b.get("/products");
    expect(b.page.text).toContain(`${score.total} điểm · đã đánh giá xong`);
  });

  it("a household is asked about its business registration; a refusal of the commune shows the search again", async () => {
    const b = h.browser();
    await b.get("/");
    await b.press("Đồng ý");
    await b.press("Lưu và tiếp tục", { value: "Trần Văn Bình" });
    await b.press("Lưu và tiếp tục", { value: "0987654321" });
    await b.press("Hộ sản xuất, hộ kinh doanh");
    expect(b.page.text).toContain("giấy chứng nhận đăng ký hộ kinh doanh");
    await b.press("Chưa có");
    expect(b.page.text).toContain("Hộ chưa có đăng ký kinh doanh");
    await b.press("Lưu và tiếp tục", { value: "Hộ kinh doanh Bình An" });
    await b.press("Tìm xã", { value: "zzzz không có" });
    expect(b.page.text).toContain("Mình không tìm thấy");
    const before = databaseRows(h.db);
    await b.post("/register", { _csrf: b.csrf(), item: "commune", value: "99999" });
    expect(b.page.status).toBe(400);
    expect(b.page.text).toContain("không tìm thấy xã này");
    expect(databaseRows(h.db)).toEqual(before);
  });

  it("an officer gives only name and phone", async () => {
    const officer = h.w.officer(601, [CAI_NUOC]);
    const b = h.signedIn(officer);
    await b.get("/register");
    expect(b.page.path).toBe("/");
  });
});

describe("products", () => {
  it("a tourism product asks its case; a second product of the same name is offered the first; /continue finds the draft", async () => {
    const p = h.w.producer(501, CAI_NUOC);
    const b = h.signedIn(p.user.id);
    await b.get("/continue");
    expect(b.page.path).toBe("/products");
    expect(b.page.text).toContain("Bạn chưa có sản phẩm nào");
    await b.follow("Thêm sản phẩm");
    await b.press("Tiếp tục", { name: "Homestay Bến Đò" });
    await b.follow("Dịch vụ du lịch");
    await b.press("Dịch vụ du lịch");
    expect(b.page.text).toContain("thuộc trường hợp nào");
    await b.press("Điểm dịch vụ du lịch do một tổ chức hoặc cá nhân");
    const appId = Number(/^\/a\/(\d+)\/q\//.exec(b.page.path)![1]);
    const opened = h.deps.services.assessment.open(p.user.id, appId);
    if (!opened.ok) throw new Error();
    expect(opened.assessment.caseId).toBeDefined();

    await b.get("/products/new");
    await b.press("Tiếp tục", { name: "homestay bến đò" });
    expect(b.page.text).toContain("Cơ sở đã có sản phẩm “Homestay Bến Đò”");
    await b.follow("Đúng, mở sản phẩm đó");
    expect(b.page.path).toBe(`/products/${opened.assessment.product.id}`);
    expect(b.page.text).toContain("Đã trả lời: 0/");

    await b.get("/continue");
    expect(b.page.path).toBe(`/a/${appId}/q/${opened.assessment.order[0]}`);
  });
});

describe("moving through the questions", () => {
  it("Back shows the previous question with its answer marked; save and exit keeps the place for /continue", async () => {
    const { b, appId } = await producerWithDraft();
    const first = b.page.path;
    await pressAnswer(b, answerButtons(b).indexOf("✅ Đúng"));
    expect(b.page.path).not.toBe(first);
    await b.follow("Quay lại");
    expect(b.page.path).toBe(first);
    expect(visible(b.page.dom.querySelector(".btn.chosen")!.textContent)).toBe("✅ Đúng");
    // Answering it again goes on to the next unanswered question.
    await pressAnswer(b, 1);
    const second = b.page.path;
    expect(second).not.toBe(first);
    await b.follow("Lưu và thoát");
    expect(b.page.text).toContain("Đã lưu (1/");
    await b.get("/continue");
    expect(b.page.path).toBe(second);
    expect(h.deps.services.assessment.resumePoint(h.w.producer(501, CAI_NUOC).user.id)?.applicationId).toBe(appId);
  });

  it("a criterion shows its options with points, ★ only where the rubric has one, and the evidence link", async () => {
    const { b, appId, p } = await producerWithDraft();
    const a = h.deps.services.assessment.open(p.user.id, appId);
    if (!a.ok) throw new Error();
    const withMarker = a.assessment.criteria.find((c) => c.options.some((o) => o.marker) && c.evidence.length)!;
    const without = a.assessment.criteria.find((c) => !c.options.some((o) => o.marker))!;
    await b.get(`/a/${appId}/q/${withMarker.id}`);
    expect(b.page.text).toContain("★");
    expect(b.page.text).toContain("mức tối thiểu để đạt số sao đó");
    expect(b.page.text).toContain("điểm");
    const attach = b.page.dom.querySelectorAll("a").find((l) => l.textContent.includes("Đính kèm ảnh/giấy tờ"))!;
    expect(attach.getAttribute("href")).toBe(`/a/${appId}/evidence/${withMarker.id}`);
    await b.get(`/a/${appId}/q/${without.id}`);
    expect(b.page.text).not.toContain("mức tối thiểu để đạt số sao đó");
  });

  it("a question opened from the review goes back to the review once answered", async () => {
    const { b, appId, p } = await producerWithDraft();
    h.w.answer(appId, p.user.id);
    await b.get(`/a/${appId}/review`);
    expect(b.page.text).toContain("Điều kiện hồ sơ");
    await b.follow("Sửa A1.1");
    expect(b.page.path).toBe(`/a/${appId}/q/A1.1?from=review`);
    expect(b.page.dom.querySelectorAll(".btn.chosen")).toHaveLength(1);
    await pressAnswer(b, 0);
    expect(b.page.path).toBe(`/a/${appId}/review`);
    const opened = h.deps.services.assessment.open(p.user.id, appId);
    if (!opened.ok) throw new Error();
    const a1 = opened.assessment.criteria.find((c) => c.id === "A1.1")!;
    expect(opened.assessment.answers["A1.1"]).toBe(a1.options[0]!.id);
    expect(b.page.text).toContain(`A1.1 ${a1.title}: ${a1.options[0]!.label}`);
  });
});

describe("refusals change nothing", () => {
  it("another producer's application is a 404 on every page, and answering it writes nothing", async () => {
    const { appId, p } = await producerWithDraft();
    const other = h.w.producer(502, CAI_NUOC);
    const b = h.signedIn(other.user.id);
    await b.get("/products");
    const before = databaseRows(h.db);
    for (const path of [
      `/a/${appId}`,
      `/a/${appId}/q/dq:1`,
      `/a/${appId}/review`,
      `/a/${appId}/result`,
      `/a/${appId}/saved`,
    ]) {
      expect((await b.get(path)).status, path).toBe(404);
    }
    const opened = h.deps.services.assessment.open(p.user.id, appId);
    if (!opened.ok) throw new Error();
    const key = opened.assessment.order[0]!;
    await b.get("/products");
    const page = await b.post(`/a/${appId}/answer`, { _csrf: b.csrf(), key, value: "yes" });
    expect(page.status).toBe(404);
    expect(page.text).toContain("Không có trang này");
    expect((await b.get(`/products/${opened.assessment.product.id}`)).status).toBe(404);
    expect((await b.get("/a/abc/review")).status).toBe(404);
    expect(databaseRows(h.db)).toEqual(before);
  });

  it("a forged option value is refused kindly and nothing is saved", async () => {
    const { b, appId } = await producerWithDraft();
    const first = b.page.path;
    await b.get(`/a/${appId}/q/A1.1`);
    const before = databaseRows(h.db);
    const page = await b.post(`/a/${appId}/answer`, { _csrf: b.csrf(), key: "A1.1", value: "forged" });
    expect(page.status).toBe(422);
    expect(page.text).toContain("không có trong các phương án");
    expect(answerButtons(b).length).toBeGreaterThan(1);
    const requirement = decodeURIComponent(/\/q\/(dq:[^?]+)/.exec(first)![1]!);
    const clearance = await b.post(`/a/${appId}/answer`, { _csrf: b.csrf(), key: requirement, value: "maybe" });
    expect(clearance.status).toBe(422);
    const unknown = await b.post(`/a/${appId}/answer`, { _csrf: b.csrf(), key: "Z9.9", value: "x" });
    expect(unknown.status).toBe(404);
    expect(databaseRows(h.db)).toEqual(before);
  });

  it("a filed application's questions are read-only, and an answer posted anyway is refused", async () => {
    const p = h.w.producer(501, CAI_NUOC);
    const appId = h.w.filed(p, "Mật ong", new Date());
    const b = h.signedIn(p.user.id);
    await b.get(`/a/${appId}/q/A1.1`);
    expect(b.page.status).toBe(200);
    expect(b.page.text).toContain("đã nộp nên không sửa được nữa");
    expect(answerButtons(b)).toEqual([]);
    await b.get(`/a/${appId}/review`);
    expect(b.page.text).not.toContain("Sửa A1.1");
    const before = databaseRows(h.db);
    const opened = h.deps.services.assessment.open(p.user.id, appId);
    if (!opened.ok) throw new Error();
    const option = opened.assessment.criteria.find((c) => c.id === "A1.1")!.options[0]!.id;
    const page = await b.post(`/a/${appId}/answer`, { _csrf: b.csrf(), key: "A1.1", value: option });
    expect(page.status).toBe(409);
    expect(page.text).toContain("chưa sửa được câu trả lời");
    expect(databaseRows(h.db)).toEqual(before);
  });
});
