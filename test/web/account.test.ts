// The person's account on the web: their details and edits, one-time codes to continue on another
// browser (single use, 10 minutes, limited per address and account), signing out everywhere, and
// deleting one's data.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { oneTimeCodes, users, webSessions } from "../../src/db/schema.js";
import { accountsService, CODE_TTL_MS } from "../../src/services/accounts.js";
import { databaseRows } from "../helpers/database-rows.js";
import { type Browser, useWebHarness } from "../helpers/web.js";
import { CAI_NUOC } from "../helpers/world.js";

const h = useWebHarness();

/** The code on the page "Tiếp tục trên máy khác" shows, from its link. */
function codeOnPage(b: Browser): string {
  const href = b.page.dom.querySelector("a.code-link")?.getAttribute("href") ?? "";
  const code = /\/sign-in\?code=(\d{8})$/.exec(href)?.[1];
  expect(code, b.page.text).toBeTruthy();
  return code!;
}

async function signInWith(b: Browser, code: string) {
  await b.get(`/sign-in?code=${code}`);
  return b.press("Đăng nhập");
}

const sessionUser = (b: Browser) => h.deps.services.accounts.userOfSession(b.cookies.get("ocop_session"))?.id;

describe("the account page", () => {
  it("shows the person's details, and edits the name and phone through the same checks as registration", async () => {
    const p = h.w.producer(1001, CAI_NUOC);
    const b = h.signedIn(p.user.id);
    await b.get("/");
    await b.follow("Tài khoản");
    expect(b.page.path).toBe("/account");
    for (const shown of ["Person 1001", "0912345678", "Co-op 1001", "Xã Cái Nước – Cà Mau", "Tiếng Việt"])
      expect(b.page.text).toContain(shown);

    // The test world's producers came from Telegram.
    expect(b.page.text).toContain("TelegramĐã liên kết");

    await b.get("/account/name");
    const before = databaseRows(h.db);
    await b.press("Lưu", { name: "1234" });
    expect(b.page.status).toBe(400);
    expect(b.page.text).toContain("Họ tên chỉ gồm chữ");
    expect(databaseRows(h.db)).toEqual(before);
    await b.press("Lưu", { name: "  Nguyễn   Thị Lan " });
    expect(b.page.path).toBe("/account");
    expect(b.page.text).toContain("Nguyễn Thị Lan");

    await b.get("/account/phone");
    await b.press("Lưu", { phone: "+84 903 123 456" });
    expect(b.page.text).toContain("0903123456");
  });

  it("offers linking with Telegram only when the Telegram bot runs, naming it", async () => {
    const owner = h.w.producer(601, CAI_NUOC);
    const b = h.signedIn(owner.user.id);
    await b.get("/account");
    expect(b.page.html).toContain('href="https://t.me/ocop_test_bot"');
    await b.press("Liên kết Telegram");
    expect(b.page.text).toMatch(/@ocop_test_bot.*\/lienket \d/);

    h.deps.telegram = undefined; // the web chat alone, with no BOT_TOKEN
    await b.get("/account");
    expect(b.page.text).not.toContain("Telegram");
    expect((await b.post("/account/link-code", { _csrf: b.csrf() })).status).toBe(404);
  });

  it("is for signed-in people only", async () => {
    const page = await h.browser().get("/account");
    expect(page.path).toBe("/");
    expect(page.text).toContain("Bảo vệ dữ liệu cá nhân");
  });
});

describe("continuing on another browser with a one-time code", () => {
  it("the link pre-fills the code, pressing the button signs the new browser in as the same person, once", async () => {
    const p = h.w.producer(1002, CAI_NUOC);
    const phone = h.signedIn(p.user.id);
    await phone.get("/account");
    await phone.press("Tiếp tục trên máy khác");
    expect(phone.page.text).toContain("http://localhost:8080/sign-in?code=");
    expect(phone.page.text).toContain("10 phút");
    const code = codeOnPage(phone);
    // Only the code's hash is kept.
    expect(JSON.stringify(databaseRows(h.db))).not.toContain(code);

    const laptop = h.browser();
    await laptop.get(`/sign-in?code=${code}`);
    // Opening the link signs no one in: the page asks to press the button.
    expect(laptop.cookies.has("ocop_session")).toBe(false);
    expect(laptop.page.dom.querySelector("input[name=code]")?.getAttribute("value")).toBe(code);
    await laptop.press("Đăng nhập");
    expect(laptop.page.path).toBe("/");
    expect(laptop.page.text).toContain("Chào Person 1002");
    expect(sessionUser(laptop)).toBe(p.user.id);

    // Single use: a second browser gets the kind refusal and no session.
    const third = h.browser();
    await signInWith(third, code);
    expect(third.page.status).toBe(400);
    expect(third.page.text).toContain("Mã không đúng hoặc đã hết hạn");
    expect(third.cookies.has("ocop_session")).toBe(false);
  });

  it("a wrong code does nothing", async () => {
    const p = h.w.producer(1003, CAI_NUOC);
    const phone = h.signedIn(p.user.id);
    await phone.get("/account");
    await phone.press("Tiếp tục trên máy khác");
    const code = codeOnPage(phone);
    const wrong = code.replace(/^./, (d) => String((Number(d) + 1) % 10));
    const b = h.browser();
    await b.get("/sign-in");
    const before = databaseRows(h.db);
    for (const typed of [wrong, "1234", "abcdefgh", ""]) {
      await b.press("Đăng nhập", { code: typed });
      expect(b.page.status).toBe(400);
      expect(b.page.text).toContain("Mã không đúng hoặc đã hết hạn");
    }
    expect(databaseRows(h.db)).toEqual(before);
    expect(b.cookies.has("ocop_session")).toBe(false);
    // The right one typed with a space still works.
    await b.press("Đăng nhập", { code: `${code.slice(0, 4)} ${code.slice(4)}` });
    expect(sessionUser(b)).toBe(p.user.id);
  });

  it("a code expires after 10 minutes", () => {
    const p = h.w.producer(1004, CAI_NUOC);
    let at = new Date("2026-12-01T08:00:00Z");
    const accounts = accountsService(h.w.coreDeps({ now: () => at }));
    const first = accounts.issueCode(p.user.id, "sign-in");
    const second = accounts.issueCode(p.user.id, "sign-in");
    if (!first.ok || !second.ok) throw new Error("no code");
    expect(first.expiresAt.getTime() - at.getTime()).toBe(CODE_TTL_MS);
    at = new Date(at.getTime() + CODE_TTL_MS - 1000);
    expect(accounts.signInWithCode(first.code, undefined)).toMatchObject({ ok: true, userId: p.user.id });
    at = new Date(at.getTime() + 2000);
    expect(accounts.signInWithCode(second.code, undefined)).toEqual({ ok: false, reason: "invalid-code" });
    // The next code made clears the expired ones away.
    accounts.issueCode(p.user.id, "sign-in");
    expect(h.db.select().from(oneTimeCodes).all()).toHaveLength(1);
  });

  it("a browser signed in to an empty account of its own is folded in; one with data is refused", async () => {
    const p = h.w.producer(1005, CAI_NUOC);
    const phone = h.signedIn(p.user.id);
    await phone.get("/account");
    await phone.press("Tiếp tục trên máy khác");
    const code = codeOnPage(phone);

    const other = h.w.producer(1006, CAI_NUOC);
    const busy = h.signedIn(other.user.id);
    await signInWith(busy, code);
    expect(busy.page.status).toBe(409);
    expect(busy.page.text).toContain("Mình không gộp hai tài khoản đều có dữ liệu");
    expect(sessionUser(busy)).toBe(other.user.id);

    const fresh = h.browser();
    await fresh.get("/");
    await fresh.press("Đồng ý");
    const empty = sessionUser(fresh)!;
    await signInWith(fresh, code);
    expect(sessionUser(fresh)).toBe(p.user.id);
    expect(h.db.select().from(users).where(eq(users.id, empty)).get()).toBeUndefined();
  });

  it("making and trying codes is limited per account and per address, with a clear page", async () => {
    const p = h.w.producer(1007, CAI_NUOC);
    const b = h.signedIn(p.user.id);
    for (let i = 0; i < 5; i++) {
      await b.get("/account");
      await b.press("Tiếp tục trên máy khác");
      expect(b.page.status).toBe(200);
    }
    await b.get("/account");
    await b.press("Tiếp tục trên máy khác");
    expect(b.page.status).toBe(429);
    expect(b.page.text).toContain("Bạn đã làm việc này nhiều lần quá. Chờ một phút rồi thử lại nhé.");
    expect(b.page.headers["retry-after"]).toBeTruthy();

    const guesser = h.browser();
    await guesser.get("/sign-in");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await guesser.press("Đăng nhập", { code: "00000000" })).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(guesser.page.text).toContain("Chờ một phút");
  });
});

describe("signing out and deleting", () => {
  it("sign out everywhere ends the other browser's session too", async () => {
    const p = h.w.producer(1008, CAI_NUOC);
    const phone = h.signedIn(p.user.id);
    const laptop = h.signedIn(p.user.id);
    await laptop.get("/account");
    expect(laptop.page.path).toBe("/account");
    await phone.get("/account");
    await phone.press("Đăng xuất ở mọi nơi");
    expect(phone.page.text).toContain("Đã đăng xuất ở mọi máy");
    expect(phone.cookies.has("ocop_session")).toBe(false);
    expect(h.db.select().from(webSessions).where(eq(webSessions.userId, p.user.id)).all()).toEqual([]);
    await laptop.get("/account");
    expect(laptop.page.path).toBe("/");
    expect(laptop.page.text).toContain("Bảo vệ dữ liệu cá nhân");
  });

  it("deleting one's data asks first, then removes the user and signs out", async () => {
    const p = h.w.producer(1009, CAI_NUOC);
    h.w.draft(p, "Mật ong");
    const b = h.signedIn(p.user.id);
    await b.get("/account");
    await b.follow("Xóa dữ liệu của tôi");
    expect(b.page.text).toContain("Xóa toàn bộ dữ liệu?");
    expect(h.db.select().from(users).where(eq(users.id, p.user.id)).get()).toBeTruthy();
    await b.press("Xóa hết");
    expect(b.page.text).toContain("Đã xóa dữ liệu của bạn và đăng xuất");
    expect(b.cookies.has("ocop_session")).toBe(false);
    expect(h.db.select().from(users).where(eq(users.id, p.user.id)).get()).toBeUndefined();
    expect(h.db.select().from(webSessions).all()).toEqual([]);
    await b.get("/");
    expect(b.page.text).toContain("Bảo vệ dữ liệu cá nhân");
  });
});
