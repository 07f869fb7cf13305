// The web chat's first screens and its safety on the open internet: consent makes the account,
// cookies and headers, CSRF, languages.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { webSessions } from "../../src/db/schema.js";
import { SESSION_IDLE_MS, secretHash } from "../../src/services/accounts.js";
import { databaseRows } from "../helpers/database-rows.js";
import { useWebHarness } from "../helpers/web.js";

const h = useWebHarness();

describe("welcome and consent", () => {
  it("shows the welcome and the privacy notice, and keeps nothing until consent", async () => {
    const b = h.browser();
    const page = await b.get("/");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Chào bạn! Mình là Trợ lý OCOP.");
    expect(page.text).toContain("91/2025/QH15");
    expect(b.form("Đồng ý")).toBeTruthy();
    const before = databaseRows(h.db);
    await b.press("Không đồng ý");
    expect(b.page.text).toContain("Mình không lưu thông tin gì của bạn");
    expect(databaseRows(h.db)).toEqual(before);
  });

  it("consent makes the account and signs the browser in with an HttpOnly, SameSite=Lax cookie", async () => {
    const b = h.browser();
    await b.get("/");
    const res = await h.app.inject({
      method: "POST",
      url: "/consent",
      payload: new URLSearchParams({ _csrf: b.csrf() }).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    expect(res.statusCode).toBe(303);
    const session = res.cookies.find((c) => c.name === "ocop_session")!;
    expect(session.value).toMatch(/^[\w-]{43}$/);
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(session.secure).toBeFalsy();
    const token = session.value;
    // The token itself is nowhere in the database: only its hash.
    expect(JSON.stringify(databaseRows(h.db))).not.toContain(token);
  });

  it("a signed-in person with no name yet is taken to registration", async () => {
    const b = h.browser();
    await b.get("/");
    await b.press("Đồng ý");
    expect(b.page.path).toBe("/register");
  });

  it("nothing but the welcome, registration and one's own account opens before registering", async () => {
    const owner = h.w.producer(501, "00476");
    const draft = h.w.draft(owner, "Mật ong");
    const invite = h.deps.services.membership.inviteMember(owner.user.id);
    if (!invite.ok) throw new Error(invite.reason);
    const b = h.browser();
    await b.get(`/join/${invite.invite.code}`);
    await b.press("Đồng ý");
    await b.press("Tham gia");
    const before = databaseRows(h.db);
    for (const url of ["/products", "/status", `/a/${draft}`, `/a/${draft}/status`, "/members"])
      expect((await b.get(url)).path, url).toBe("/register");
    const answer = await b.post(`/a/${draft}/answer`, { _csrf: b.csrf(), key: "A1.1", value: "a" });
    expect(answer.path).toBe("/register");
    expect(databaseRows(h.db)).toEqual(before);
    expect((await b.get("/account")).path).toBe("/account");
  });

  it("speaks English to an English browser, and switches language on request", async () => {
    const b = h.browser();
    const page = await b.request({ method: "GET", url: "/", headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(page.text).toContain("Personal data protection");
    await b.press("Tiếng Việt");
    expect(b.page.text).toContain("Bảo vệ dữ liệu cá nhân");
    await b.get("/");
    expect(b.page.text).toContain("Bảo vệ dữ liệu cá nhân");
  });
});

describe("safe on the open internet", () => {
  it("a POST without the CSRF token is refused with 403 and changes nothing", async () => {
    const b = h.browser();
    await b.get("/");
    const before = databaseRows(h.db);
    const page = await b.post("/consent", {});
    expect(page.status).toBe(403);
    expect(page.text).toContain("Trang này đã cũ");
    const forged = await b.post("/consent", { _csrf: "forged-token" });
    expect(forged.status).toBe(403);
    expect(databaseRows(h.db)).toEqual(before);
  });

  it("sends a strict Content-Security-Policy and the usual protective headers", async () => {
    const page = await h.browser().get("/");
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("behind the local reverse proxy, the rate limit counts each visitor's own address", async () => {
    const from = (ip: string) => h.app.inject({ url: "/", headers: { "x-forwarded-for": ip } });
    for (let i = 0; i < 600; i++) expect((await from("203.0.113.1")).statusCode).toBe(200);
    const limited = await from("203.0.113.1");
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain("Chờ một phút");
    expect((await from("203.0.113.2")).statusCode).toBe(200);
  });

  it("an unknown page is a 404 in the visitor's language", async () => {
    const page = await h.browser().get("/no-such-page");
    expect(page.status).toBe(404);
    expect(page.text).toContain("Không có trang này");
  });

  it("a browser not seen for over 90 days is signed out, and its session is deleted at the next sign-in", async () => {
    const owner = h.w.producer(502, "00476");
    const idle = h.deps.services.accounts.startSession(owner.user.id);
    const kept = h.deps.services.accounts.startSession(owner.user.id);
    const long = new Date(Date.now() - SESSION_IDLE_MS - 60_000);
    h.db
      .update(webSessions)
      .set({ lastSeenAt: long })
      .where(eq(webSessions.tokenHash, secretHash(idle)))
      .run();
    h.deps.services.accounts.startSession(owner.user.id);
    expect(
      h.db
        .select()
        .from(webSessions)
        .all()
        .map((r) => r.tokenHash),
    ).not.toContain(secretHash(idle));
    expect(h.deps.services.accounts.userOfSession(idle)).toBeUndefined();
    expect(h.deps.services.accounts.userOfSession(kept)?.id).toBe(owner.user.id);
  });

  it("signing out forgets the session on the server too", async () => {
    const owner = h.w.producer(501, "00476");
    const b = h.signedIn(owner.user.id);
    const token = b.cookies.get("ocop_session")!;
    await b.get("/");
    await b.press("Đăng xuất");
    expect(b.cookies.has("ocop_session")).toBe(false);
    expect(h.deps.services.accounts.userOfSession(token)).toBeUndefined();
  });
});

describe("served over https", () => {
  const https = useWebHarness({ publicUrl: "https://ocop.example.vn" });
  it("marks the cookies Secure", async () => {
    const b = https.browser();
    await b.get("/");
    await b.press("Đồng ý");
    const res = await https.app.inject({ method: "GET", url: "/" });
    expect(res.cookies.find((c) => c.name === "_csrf")?.secure).toBe(true);
  });
});
