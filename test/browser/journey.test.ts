// The whole journey on phones, in a real browser at 360×740: a farmer from a fresh phone consents,
// registers, adds a product, answers every question by pressing buttons, reads the result and the
// plan, sends a photo, downloads Mẫu 02 and files; an officer appointed by the administrator's
// link (a second phone) asks for changes; the farmer reads the note, changes an answer and files
// again; the officer receives, evaluates the local criteria, forwards and records the result; a
// member (a third phone, from the owner's join link) sees the timeline with the result.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { isoDay } from "../../src/dates.js";
import { getI18n, translator } from "../../src/i18n.js";
import { planLines } from "../../src/views/rubric-text.js";
import { ADMIN } from "../helpers/world.js";
import {
  fitsTheScreen,
  follow,
  type InPage,
  pathOf,
  press,
  screenshot,
  screenText,
  settle,
  useBrowserHarness,
} from "./harness.js";

const h = useBrowserHarness();
const vi = translator(getI18n(), "vi");

/** Types `value` into the screen's text box labelled `label` (as a thumb on the keyboard would). */
async function type(phone: Page, label: string | RegExp, value: string): Promise<void> {
  await phone.getByLabel(label).fill(value);
}

/** The application's id in the path shown (/a/:id/…). */
const appIdOf = (phone: Page) => Number(/^\/(?:officer\/)?a\/(\d+)/.exec(pathOf(phone))?.[1]);

/** The answer buttons of the question on screen, as their visible text. */
async function answerLabels(phone: Page): Promise<string[]> {
  return (await phone.locator(".options button").allTextContents()).map((s) => s.replace(/\s+/g, " ").trim());
}

/** The option worth the most points, among the answer buttons' texts ("2. … — 5 điểm"). */
function best(labels: string[]): number {
  const points = labels.map((l) => Number(/— (\d+(?:[.,]\d+)?) điểm/.exec(l)?.[1]?.replace(",", ".") ?? -1));
  return points.indexOf(Math.max(...points));
}

/** Presses the question's answer button number `n` (0-based; negative from the end). */
async function pressAnswer(phone: Page, n: number): Promise<void> {
  const buttons = phone.locator(".options button");
  const index = n < 0 ? (await buttons.count()) + n : n;
  await settle(phone, () => buttons.nth(index).tap());
}

/** The criterion's number on the question screen ("Câu n/total · Phần …"), or undefined for a requirement. */
async function criterionNumber(phone: Page): Promise<number | undefined> {
  const m = /Câu (\d+)\/\d+ · Phần/.exec(await screenText(phone));
  return m ? Number(m[1]) : undefined;
}

/**
 * Answers every question until the result by pressing buttons: every requirement holds, each
 * criterion gets its best option (the next best for those `lower` names); the first criterion's
 * screen is photographed. Every screen fits the phone's width.
 */
async function answerEverything(
  phone: Page,
  options: { photograph?: boolean; lower?: (n: number) => boolean } = {},
): Promise<number> {
  let pressed = 0;
  for (let i = 0; i < 200; i++) {
    if (pathOf(phone).endsWith("/result")) return pressed;
    expect(pathOf(phone)).toMatch(/^\/a\/\d+\/q\//);
    const labels = await answerLabels(phone);
    expect(labels.length, await screenText(phone)).toBeGreaterThan(0);
    expect(await fitsTheScreen(phone), pathOf(phone)).toBe(true);
    const yes = labels.indexOf("✅ Đúng");
    const n = yes < 0 ? await criterionNumber(phone) : undefined;
    if (n === 1 && options.photograph) await screenshot(phone, "question");
    // The best option, or (for the criteria `lower` names) the next best.
    const pick =
      n !== undefined && options.lower?.(n) ? best(labels.map((l, i) => (i === best(labels) ? "" : l))) : best(labels);
    await pressAnswer(phone, yes >= 0 ? yes : pick);
    pressed++;
  }
  throw new Error("the assessment never ended");
}

/**
 * Takes a photo with the upload form's file box: a small, real JPEG (a picture of the phone's own
 * screen), written to a file as a camera would, and chosen in the form.
 */
async function choosePhoto(phone: Page, dir: string): Promise<void> {
  const path = join(dir, "giay-chung-nhan-attp.jpg");
  if (!existsSync(path)) writeFileSync(path, await phone.screenshot({ type: "jpeg", quality: 40, scale: "css" }));
  const input = phone.locator('input[type="file"]');
  await input.setInputFiles(path);
  // Playwright leaves an empty style="" on the box, which a person's phone would not: htmx would
  // copy it onto the next page's box, and the CSP (rightly) refuses inline styles.
  await input.evaluate((box) => box.removeAttribute("style"));
}

/**
 * A fresh phone's first steps: consent, registration (name, phone typed, a cooperative, its name,
 * the commune searched), a honey product; returns the application whose first question is shown.
 */
async function registerAndAddHoney(farmer: Page): Promise<number> {
  await farmer.goto("/");
  await consentNameAndPhone(farmer, "Nguyễn Thị Lan", "0912 345 678");
  expect(await screenText(farmer)).toContain("Bạn sản xuất theo hình thức nào?");
  await press(farmer, "Hợp tác xã (HTX)");
  await type(farmer, /tên/i, "HTX Mật ong Cái Nước");
  await press(farmer, "Lưu và tiếp tục");
  await type(farmer, /xã/i, "cai nuoc ca mau");
  await press(farmer, "Tìm xã");
  await press(farmer, /^1\. Xã Cái Nước – Cà Mau/);
  expect(pathOf(farmer)).toBe("/products");
  expect(await screenText(farmer)).toContain("Đăng ký xong");
  await follow(farmer, "Thêm sản phẩm");
  await type(farmer, /tên sản phẩm/i, "Mật ong hoa tràm");
  await press(farmer, "Tiếp tục");
  await press(farmer, "Mật ong, mật khác và nông sản thực phẩm khác");
  expect(await screenText(farmer)).toContain("Bắt đầu tự đánh giá “Mật ong hoa tràm”");
  return appIdOf(farmer);
}

/** A phone signed in as nobody yet: consent, name and phone typed (the steps every newcomer takes). */
async function consentNameAndPhone(phone: Page, name: string, tel: string): Promise<void> {
  await press(phone, "Đồng ý");
  await nameAndPhone(phone, name, tel);
}

describe("the whole journey on phones", () => {
  it("farmer, officer and member, from a fresh phone to the official result", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "ocop-journey-"));
    try {
      // ── The farmer: consent, registration, a product ──
      const farmer = await h.newPhone();
      const appId = await registerAndAddHoney(farmer);
      await answerEverything(farmer, { photograph: true });

      // ── The result and the plan ──
      expect(await screenText(farmer)).toContain("Bạn đã trả lời hết các câu");
      h.expectNoProblems(farmer);
      const result = h.deps.services.assessment.result(await userOf(farmer), appId);
      if (!result.ok) throw new Error(result.reason);
      const resultText = await screenText(farmer);
      expect(resultText).toContain(`${result.score.stars} sao · ${result.score.total}/${result.score.max} điểm`);
      for (const part of ["A", "B", "C"]) expect(resultText).toContain(`Phần ${part}`);
      for (const plan of result.plans) expect(resultText).toContain(planLines(vi, result.assessment.sheet, plan)[0]);
      expect(await fitsTheScreen(farmer)).toBe(true);
      await screenshot(farmer, "result");

      // ── A photo for a criterion ──
      await follow(farmer, "Ảnh/giấy tờ");
      expect(pathOf(farmer)).toBe(`/a/${appId}/evidence`);
      // The first criterion's button (each criterion has one).
      const add = farmer.getByRole("link", { name: /Thêm ảnh hoặc tệp/ }).first();
      await settle(farmer, () => add.tap());
      const criterionId = decodeURIComponent(pathOf(farmer).split("/").at(-1)!);
      await choosePhoto(farmer, dir);
      await press(farmer, "Gửi tệp này");
      expect(await screenText(farmer)).toContain(`Đã lưu minh chứng cho ${criterionId} (có 1 tệp)`);
      expect(await fitsTheScreen(farmer)).toBe(true);
      await follow(farmer, "Xong");
      expect(await screenText(farmer)).toContain("giay-chung-nhan-attp.jpg");
      h.expectNoProblems(farmer);

      // ── Mẫu 02, downloaded ──
      await follow(farmer, "Tình trạng hồ sơ");
      expect(pathOf(farmer)).toBe(`/a/${appId}/status`);
      const [download] = await Promise.all([
        farmer.waitForEvent("download"),
        farmer.getByRole("link", { name: /Tải Mẫu 02/ }).tap(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^mau-02-.*\.docx$/);
      const docx = readFileSync((await download.path())!);
      expect(docx.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");

      // ── Filing: the checklist says what is missing; the farmer attaches it ──
      await follow(farmer, "Nộp hồ sơ");
      expect(pathOf(farmer)).toBe(`/a/${appId}/submit`);
      for (let i = 0; i < 60 && (await screenText(farmer)).includes("Hồ sơ chưa nộp được."); i++) {
        const missing = farmer.locator("nav.menu a").first();
        const href = (await missing.getAttribute("href"))!;
        expect(href).toMatch(new RegExp(`^/a/${appId}/evidence/`));
        await settle(farmer, () => missing.tap());
        await choosePhoto(farmer, dir);
        await press(farmer, "Gửi tệp này");
        await follow(farmer, "Xong");
        expect(pathOf(farmer)).toBe(`/a/${appId}/submit`);
      }
      expect(await screenText(farmer)).toContain("Hồ sơ đã đủ điều kiện nộp.");
      await press(farmer, "Nộp hồ sơ");
      expect(pathOf(farmer)).toBe(`/a/${appId}/status`);
      expect(await screenText(farmer)).toContain("Đã nộp hồ sơ.");

      // ── The officer: appointed by the administrator's link on the web ──
      h.w.person(ADMIN);
      const admin = await h.newPhone({ signedInAs: ADMIN });
      await admin.goto("/");
      await follow(admin, "Quản trị");
      await type(admin, /xã/i, "cai nuoc");
      await press(admin, /Tìm/);
      await admin.getByLabel("Xã Cái Nước – Cà Mau").check();
      await press(admin, "Tạo link mời");
      const link = /http:\/\/localhost:8080(\/officer-invite\/[\w-]+)/.exec(await screenText(admin))?.[1];
      expect(link).toBeTruthy();

      const officer = await h.newPhone();
      await officer.goto(link!);
      expect(await screenText(officer)).toContain("Bạn được mời làm cán bộ OCOP của: Xã Cái Nước – Cà Mau");
      await press(officer, "Đồng ý");
      await press(officer, "Nhận lời mời");
      await follow(officer, /Tiếp tục/);
      await type(officer, /họ và tên/i, "Lê Văn Cán");
      await press(officer, "Lưu và tiếp tục");
      await type(officer, /số điện thoại/i, "0912345679");
      await press(officer, "Lưu và tiếp tục");
      await follow(officer, "Hồ sơ của xã");
      expect(pathOf(officer)).toBe("/officer");
      expect(await screenText(officer)).toContain("Mật ong hoa tràm");
      expect(await fitsTheScreen(officer)).toBe(true);
      await screenshot(officer, "officer-inbox");

      // ── Changes requested, with a note ──
      await follow(officer, /Mật ong hoa tràm/);
      expect(pathOf(officer)).toBe(`/officer/a/${appId}`);
      expect(await fitsTheScreen(officer)).toBe(true);
      await follow(officer, "Yêu cầu bổ sung");
      await type(officer, /ghi chú|nội dung|cần bổ sung/i, "Xin chụp rõ nhãn sản phẩm");
      await press(officer, "Gửi yêu cầu bổ sung");
      expect(await screenText(officer)).toContain("Đã gửi yêu cầu bổ sung cho chủ thể");

      // ── The farmer reads the note, changes an answer, files again ──
      await farmer.goto("/");
      await follow(farmer, /Thông báo/);
      expect(await screenText(farmer)).toContain("Xin chụp rõ nhãn sản phẩm");
      // The notice with the note leads to the application.
      const notice = farmer.getByRole("listitem").filter({ hasText: "Xin chụp rõ nhãn sản phẩm" });
      await settle(farmer, () => notice.getByRole("link", { name: /Xem hồ sơ này/ }).tap());
      expect(pathOf(farmer)).toBe(`/a/${appId}/status`);
      expect(await screenText(farmer)).toContain("cần bổ sung");
      expect(await screenText(farmer)).toContain("Xin chụp rõ nhãn sản phẩm");
      await follow(farmer, "Xem lại");
      // A criterion's answer changed: its next best option.
      await follow(farmer, "Sửa A1.2");
      const labels = await answerLabels(farmer);
      const chosen = labels.findIndex((l) => l.startsWith("✅"));
      expect(chosen).toBeGreaterThanOrEqual(0);
      await pressAnswer(farmer, best(labels.map((l, i) => (i === chosen ? "" : l))));
      expect(pathOf(farmer)).toBe(`/a/${appId}/review`);
      await follow(farmer, "Kết quả");
      await follow(farmer, "Nộp hồ sơ");
      await press(farmer, "Nộp hồ sơ");
      expect(await screenText(farmer)).toContain("Đã nộp hồ sơ.");

      // ── The officer receives, evaluates the local criteria, forwards, records the result ──
      await officer.goto(`/officer/a/${appId}`);
      await press(officer, "Tiếp nhận");
      expect(await screenText(officer)).toContain("Đã tiếp nhận.");
      await follow(officer, "Đánh giá tiêu chí địa phương");
      const count = Number(/Tiêu chí địa phương 1\/(\d)/.exec(await screenText(officer))?.[1]);
      expect(count).toBe(4);
      for (let n = 1; n <= count; n++) {
        expect(await screenText(officer)).toContain(`Tiêu chí địa phương ${n}/${count}`);
        await pressAnswer(officer, -1);
        expect(await screenText(officer)).toContain("Đã ghi đánh giá của xã");
        await follow(officer, "Bỏ qua");
      }
      await officer.goto(`/officer/a/${appId}`);
      await press(officer, "Chuyển lên tỉnh");
      expect(await screenText(officer)).toContain("Đã chuyển lên tỉnh.");
      await follow(officer, "Ghi kết quả chính thức");
      await officer.getByText("4★").tap();
      await type(officer, /số quyết định/i, "12/QĐ-UBND");
      // The phone's date picker (an <input type="date">) gives the day as YYYY-MM-DD.
      await type(officer, /ngày/i, isoDay(new Date()));
      await press(officer, "Ghi kết quả chính thức");
      expect(await screenText(officer)).toContain("Đã ghi kết quả chính thức");

      // ── A member joins through the owner's link and sees the timeline with the result ──
      await farmer.goto("/members");
      await press(farmer, "Tạo link mời thành viên");
      const join = /http:\/\/localhost:8080(\/join\/[\w-]+)/.exec(await screenText(farmer))?.[1];
      expect(join).toBeTruthy();
      const member = await h.newPhone();
      await member.goto(join!);
      expect(await screenText(member)).toContain("HTX Mật ong Cái Nước mời bạn làm thành viên");
      await press(member, "Đồng ý");
      await press(member, "Tham gia");
      await follow(member, "Tiếp tục");
      await nameAndPhone(member, "Lê Thị Hoa", "0912000111");
      await member.goto("/status");
      await follow(member, /Mật ong hoa tràm/);
      const timeline = await screenText(member);
      expect(timeline).toContain("đã có kết quả");
      expect(timeline).toContain("12/QĐ-UBND");
      expect(await fitsTheScreen(member)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the same assessment with JavaScript turned off, from consent to the result", { timeout: 60_000 }, async () => {
    const farmer = await h.newPhone({ javaScript: false });
    const appId = await registerAndAddHoney(farmer);
    // The page's scripts did not run: no htmx, every screen is a plain page load.
    expect(await farmer.evaluate(() => typeof (globalThis as unknown as InPage).htmx)).toBe("undefined");
    // Every third criterion a step below the best: the result has a plan to go higher.
    await answerEverything(farmer, { lower: (n) => n % 3 === 0 });
    expect(pathOf(farmer)).toBe(`/a/${appId}/result`);
    const result = h.deps.services.assessment.result(await userOf(farmer), appId);
    if (!result.ok) throw new Error(result.reason);
    const text = await screenText(farmer);
    expect(text).toContain("Bạn đã trả lời hết các câu");
    expect(text).toContain(`${result.score.stars} sao · ${result.score.total}/${result.score.max} điểm`);
    expect(result.score.total).toBeLessThan(result.score.max);
    for (const plan of result.plans) expect(text).toContain(planLines(vi, result.assessment.sheet, plan)[0]);
    expect(text).toMatch(/Để lên \d★/);
    expect(await fitsTheScreen(farmer)).toBe(true);
  });
});

/** Name and phone typed on /register, for someone who has consented already. */
async function nameAndPhone(phone: Page, name: string, tel: string): Promise<void> {
  expect(pathOf(phone)).toBe("/register");
  await type(phone, /họ và tên/i, name);
  await press(phone, "Lưu và tiếp tục");
  await type(phone, /số điện thoại/i, tel);
  await press(phone, "Lưu và tiếp tục");
}

/** The user the phone is signed in as (its session cookie). */
async function userOf(phone: Page): Promise<number> {
  const session = (await phone.context().cookies()).find((c) => c.name === "ocop_session")?.value;
  const user = h.deps.services.accounts.userOfSession(session);
  expect(user).toBeDefined();
  return user!.id;
}
