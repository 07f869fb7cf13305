// The administrator on the web: invites an officer for chosen communes (a web link that works),
// sees the officers, revokes one; nobody else gets the screen or its actions.
import { describe, expect, it } from "vitest";
import { databaseRows } from "../helpers/database-rows.js";
import { useWebHarness } from "../helpers/web.js";
import { ADMIN, CAI_NUOC, PHU_MY } from "../helpers/world.js";

const h = useWebHarness();

describe("the administrator", () => {
  it("invites an officer by a web link that works, sees them in the list and revokes them", async () => {
    h.w.person(ADMIN);
    const admin = h.signedIn(ADMIN);
    await admin.get("/");
    await admin.follow("Quản trị");
    expect(admin.page.path).toBe("/admin");
    expect(admin.page.text).toContain("Chưa có cán bộ nào.");
    await admin.get("/admin?q=cai+nuoc");
    expect(admin.page.text).toContain("Xã Cái Nước – Cà Mau");
    await admin.press("Tạo link mời", { commune: CAI_NUOC });
    expect(admin.page.text).toContain("Link mời mới");
    expect(admin.page.text).toContain("Gửi link này cho cán bộ của Xã Cái Nước – Cà Mau");
    const link = /http:\/\/localhost:8080(\/officer-invite\/[A-Za-z0-9_-]+)/.exec(admin.page.text);
    expect(link).not.toBeNull();

    const b = h.browser();
    await b.get(link![1]!);
    await b.press("Đồng ý");
    await b.press("Nhận lời mời");
    expect(b.page.text).toContain("Bạn đã được giao làm cán bộ OCOP của: Xã Cái Nước – Cà Mau");
    const officer = h.deps.services.accounts.userOfSession(b.cookies.get("ocop_session"))!.id;
    h.deps.services.people.setName(officer, "Lê Văn Cán");
    h.deps.services.people.setPhone(officer, "0912345679");
    expect((await b.get("/officer")).status).toBe(200);

    await admin.get("/admin");
    expect(admin.page.text).toContain("Lê Văn Cán – Xã Cái Nước – Cà Mau");
    expect(admin.page.text).not.toContain("Link mời chưa dùng");
    await admin.press("Thu hồi quyền: Lê Văn Cán");
    expect(admin.page.text).toContain("Đã thu hồi quyền cán bộ.");
    // No longer an officer and without an organisation: the desk is gone, registration asks what they produce under.
    expect((await b.get("/officer")).path).toBe("/register");
    expect(b.page.text).not.toContain("Hồ sơ của xã");
  });

  it("one link may appoint to several communes; none chosen is asked again", async () => {
    h.w.person(ADMIN);
    const admin = h.signedIn(ADMIN);
    await admin.get("/admin");
    const csrf = admin.csrf();
    await admin.request({
      method: "POST",
      url: "/admin/invite",
      payload: new URLSearchParams([
        ["_csrf", csrf],
        ["commune", CAI_NUOC],
        ["commune", PHU_MY],
      ]).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const open = h.deps.services.membership.officerInvites(h.w.person(ADMIN).id);
    expect(open.ok && open.invites.map((i) => i.communeCodes)).toEqual([`${CAI_NUOC},${PHU_MY}`]);
    expect(admin.page.text).toContain("Link mời chưa dùng");
    const before = databaseRows(h.db);
    const empty = await admin.post("/admin/invite", { _csrf: csrf });
    expect(empty.status).toBe(422);
    expect(databaseRows(h.db)).toEqual(before);
  });

  it("is nobody else's: an officer, a producer and a visitor get 404 and change nothing", async () => {
    const officer = h.w.officer(201, [CAI_NUOC]);
    const producer = h.w.producer(101, CAI_NUOC);
    for (const b of [h.signedIn(officer), h.signedIn(producer.user.id), h.browser()]) {
      await b.get("/");
      const csrf = b.csrf();
      const before = databaseRows(h.db);
      expect((await b.get("/admin")).status).toBe(404);
      expect((await b.get("/admin?q=cai+nuoc")).status).toBe(404);
      expect((await b.post("/admin/invite", { _csrf: csrf, commune: PHU_MY })).status).toBe(404);
      expect((await b.post("/admin/invite", { _csrf: csrf })).status).toBe(404);
      expect((await b.post(`/admin/officers/${officer}/revoke`, { _csrf: csrf })).status).toBe(404);
      expect(databaseRows(h.db)).toEqual(before);
    }
  });
});
