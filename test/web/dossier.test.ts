// After the self-assessment, on the web: evidence (upload from the phone, list, download, remove),
// completing the dossier and its forms, filing with the readiness checklist, status and timeline,
// members and the invitation link.
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { missingRegistrationItem } from "../../src/services/profile.js";
import { databaseRows } from "../helpers/database-rows.js";
import { type Browser, useWebHarness } from "../helpers/web.js";
import { CAI_NUOC, PHU_MY } from "../helpers/world.js";

const h = useWebHarness();

/** A tiny JPEG (its markers only: enough for any check of the kind of file). */
const JPEG = Buffer.from("ffd8ffe000104a46494600010100000100010000ffdb004300ffd9", "hex");

/** A multipart body as a browser sends the upload form. */
function multipart(file: { name: string; type: string; content: Buffer }) {
  const boundary = "----ocop-test-boundary-7MA4YWxkTrZu0gW";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file.content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** Submits the upload form of the current page with `file`, as the phone's browser does. */
async function upload(b: Browser, file: { name: string; type: string; content: Buffer }) {
  const form = b.page.dom.querySelector('form[enctype="multipart/form-data"]');
  expect(form, `no upload form on ${b.page.path}`).toBeTruthy();
  const input = form!.querySelector('input[type="file"]')!;
  // The phone offers its camera and its files (no capture attribute: it would open only the camera),
  // and the chooser lists what the server takes.
  expect(input.getAttribute("accept")).toMatch(/^image\/\*,application\/pdf,.*\.docx.*\.xlsx/);
  expect(input.hasAttribute("capture")).toBe(false);
  return b.request({ method: "POST", url: form!.getAttribute("action")!, ...multipart(file) });
}

const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

/** A producer of Cái Nước with a draft answered in full, and the first criterion that expects evidence. */
function answeredDraft() {
  const p = h.w.producer(7001, CAI_NUOC);
  const appId = h.w.draft(p, "Mật ong hoa tràm");
  h.w.answer(appId, p.user.id);
  const listed = h.deps.services.evidence.list(p.user.id, appId);
  if (!listed.ok) throw new Error("not listed");
  const criterion = listed.assessment.criteria.find((c) => c.evidence.length > 0)!;
  return { p, appId, criterion };
}

describe("evidence from the phone", () => {
  it("a photo taken on the phone is saved, listed under its criterion, and downloads as sent", async () => {
    const { p, appId, criterion } = answeredDraft();
    const b = h.signedIn(p.user.id);
    await b.get(`/a/${appId}/evidence`);
    expect(b.page.status).toBe(200);
    expect(b.page.text).toContain(`${criterion.id}. ${criterion.title}`);
    await b.follow("Thêm ảnh hoặc tệp");
    expect(b.page.path).toBe(`/a/${appId}/evidence/${criterion.id}`);
    const saved = await upload(b, { name: "giay-phep.jpg", type: "image/jpeg", content: JPEG });
    expect(saved.status).toBe(200);
    expect(saved.text).toContain(`Đã lưu minh chứng cho ${criterion.id} (có 1 tệp)`);
    // Sent twice (a double tap): kept once, and the page says it was there already.
    const again = await upload(b, { name: "giay-phep.jpg", type: "image/jpeg", content: JPEG });
    expect(again.text).toContain(`Tệp này đã có trong ${criterion.id} rồi`);
    expect(again.text).toContain("đang có 1 tệp");

    // Kept once, under its SHA-256, named "web:<sha256>" in the database.
    const sha = createHash("sha256").update(JPEG).digest("hex");
    expect(filesIn(h.deps.filesDir)).toEqual([sha]);
    const listed = h.deps.services.evidence.list(p.user.id, appId);
    expect(listed.ok && listed.files.map((f) => [f.criterionId, f.fileId, f.kind, f.mimeType, f.fileName])).toEqual([
      [criterion.id, `web:${sha}`, "photo", "image/jpeg", "giay-phep.jpg"],
    ]);

    await b.follow("Xong");
    expect(b.page.text).toContain("giay-phep.jpg");
    const link = b.page.dom.querySelectorAll("a").find((a) => a.textContent.includes("giay-phep.jpg"))!;
    const res = await h.app.inject({
      method: "GET",
      url: link.getAttribute("href")!,
      headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/jpeg");
    expect(res.headers["content-disposition"]).toBe(`inline; filename="giay-phep.jpg"; filename*=UTF-8''giay-phep.jpg`);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.rawPayload.equals(JPEG)).toBe(true);

    // Removed while the application is a draft.
    await b.press("Xóa tệp này");
    expect(b.page.path).toMatch(new RegExp(`^/a/${appId}/evidence`));
    expect(b.page.text).not.toContain("giay-phep.jpg");
    expect(h.deps.services.evidence.list(p.user.id, appId)).toMatchObject({ files: [] });
  });

  it("a file of a criterion whose law names several documents can say which one it is", async () => {
    const { p, appId } = answeredDraft();
    const listed = h.deps.services.evidence.list(p.user.id, appId);
    const criterion = listed.ok ? listed.assessment.criteria.find((c) => c.evidence.length > 1)! : undefined;
    const b = h.signedIn(p.user.id);
    await b.get(`/a/${appId}/evidence/${criterion!.id}`);
    await upload(b, { name: "anh.png", type: "image/png", content: Buffer.from("89504e470d0a1a0a0000", "hex") });
    expect(b.page.text).toContain("Tệp này là giấy tờ gì?");
    const second = h.deps.i18n.t("vi", `evidence-${criterion!.evidence[1]}`);
    await b.press(second);
    expect(b.page.text).toContain(`Đã ghi: ${second}`);
    const after = h.deps.services.evidence.list(p.user.id, appId);
    expect(after.ok && after.files.map((f) => [f.evidenceKind, f.mimeType])).toEqual([
      [criterion!.evidence[1], "image/png"],
    ]);
  });

  it("a file too large or of another kind gets a clear page, and nothing is saved", async () => {
    const { p, appId, criterion } = answeredDraft();
    const b = h.signedIn(p.user.id);
    await b.get(`/a/${appId}/evidence/${criterion.id}`);
    const before = databaseRows(h.db);

    const big = Buffer.concat([JPEG, Buffer.alloc(20 * 1024 * 1024)]);
    const tooBig = await upload(b, { name: "anh-lon.jpg", type: "image/jpeg", content: big });
    expect(tooBig.status).toBe(413);
    expect(tooBig.text).toContain("lớn hơn 20 MB");
    expect(tooBig.text).toContain("Chưa có gì được lưu");

    await b.get(`/a/${appId}/evidence/${criterion.id}`);
    const script = await upload(b, {
      name: "anh.jpg",
      type: "image/jpeg",
      content: Buffer.from("<script>alert(1)</script>"),
    });
    expect(script.status).toBe(415);
    expect(script.text).toContain("Mình chỉ nhận ảnh");

    await b.get(`/a/${appId}/evidence/${criterion.id}`);
    const empty = await upload(b, { name: "", type: "application/octet-stream", content: Buffer.alloc(0) });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Bạn chưa chọn tệp nào");

    expect(databaseRows(h.db)).toEqual(before);
    expect(filesIn(h.deps.filesDir)).toEqual([]);
  });

  it("a PDF is kept as a document and downloads as an attachment", async () => {
    const { p, appId, criterion } = answeredDraft();
    const b = h.signedIn(p.user.id);
    await b.get(`/a/${appId}/evidence/${criterion.id}`);
    const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
    await upload(b, { name: "C:\\Tài liệu\\Giấy chứng nhận ATTP; bản 2.pdf", type: "application/pdf", content: pdf });
    const listed = h.deps.services.evidence.list(p.user.id, appId);
    const file = listed.ok ? listed.files[0]! : undefined;
    expect(file).toMatchObject({ kind: "document", mimeType: "application/pdf" });
    const res = await h.app.inject({
      method: "GET",
      url: `/evidence/${file!.id}`,
      headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="Giay chung nhan ATTP_ ban 2.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20nh%E1%BA%ADn%20ATTP%3B%20b%E1%BA%A3n%202.pdf`,
    );
  });

  it("a file sent on Telegram is fetched once through the Bot API, or said to be only on Telegram", async () => {
    const { p, appId } = answeredDraft();
    h.w.attachEvidence(appId, p.user.id);
    const listed = h.deps.services.evidence.list(p.user.id, appId);
    const file = listed.ok ? listed.files[0]! : undefined;
    const b = h.signedIn(p.user.id);
    h.deps.telegram = undefined; // the web chat running alone
    const onlyThere = await b.get(`/evidence/${file!.id}`);
    expect(onlyThere.status).toBe(404);
    expect(onlyThere.text).toContain("chỉ mở được trong Telegram");

    const asked: string[] = [];
    h.deps.telegram = {
      username: "ocop_test_bot",
      file: async (fileId) => {
        asked.push(fileId);
        return JPEG;
      },
    };
    for (let i = 0; i < 2; i++) {
      const res = await h.app.inject({
        method: "GET",
        url: `/evidence/${file!.id}`,
        headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("image/jpeg");
      expect(res.rawPayload.equals(JPEG)).toBe(true);
    }
    expect(asked).toEqual([file!.fileId]);
  });
});

describe("another producer's application", () => {
  it("is not found on every route, and nothing changes", async () => {
    const { appId, criterion } = answeredDraft();
    h.w.attachEvidence(appId, 7001);
    const listed = h.deps.services.evidence.list(7001, appId);
    const fileId = listed.ok ? listed.files[0]!.id : 0;
    const stranger = h.w.producer(7002, PHU_MY);
    const b = h.signedIn(stranger.user.id);
    await b.get("/status");
    const before = databaseRows(h.db);
    const gets = [
      `/a/${appId}/evidence`,
      `/a/${appId}/evidence/${criterion.id}`,
      `/evidence/${fileId}`,
      `/a/${appId}/dossier`,
      `/a/${appId}/dossier/0`,
      `/a/${appId}/forms/mau-01`,
      `/a/${appId}/forms/mau-02`,
      `/a/${appId}/forms/mau-03`,
      `/a/${appId}/submit`,
      `/a/${appId}/status`,
    ];
    for (const url of gets) {
      const page = await b.get(url);
      expect([url, page.status]).toEqual([url, 404]);
      expect(page.text).toContain("Không có trang này");
    }
    const token = b.csrf();
    const posts: [string, Record<string, string>][] = [
      [`/evidence/${fileId}/remove`, {}],
      [`/evidence/${fileId}/kind`, { index: "0" }],
      [`/a/${appId}/dossier/0`, { do: "skip" }],
      [`/a/${appId}/submit`, { confirmed: "1" }],
      [`/a/${appId}/withdraw`, {}],
      [`/a/${appId}/registered`, {}],
    ];
    for (const [url, fields] of posts) {
      const page = await b.post(url, { ...fields, _csrf: token });
      expect([url, page.status]).toEqual([url, 404]);
    }
    const up = await b.request({
      method: "POST",
      url: `/a/${appId}/evidence/${criterion.id}?_csrf=${encodeURIComponent(token)}`,
      ...multipart({ name: "x.jpg", type: "image/jpeg", content: JPEG }),
    });
    expect(up.status).toBe(404);
    // Ids that are no ids.
    for (const url of ["/a/abc/evidence", "/a/-1/status", "/evidence/1e3", `/a/${appId}/dossier/x`]) {
      expect((await b.get(url)).status).toBe(404);
    }
    expect(databaseRows(h.db)).toEqual(before);
    expect(filesIn(h.deps.filesDir)).toEqual([]);
  });
});

describe("filing and status", () => {
  it("a complete application: the checklist offers the submit button; filed, it shows in /status with its timeline", async () => {
    const { p, appId } = answeredDraft();
    const b = h.signedIn(p.user.id);
    await b.get(`/a/${appId}/submit`);
    // Evidence is missing: what is missing, with a link to each item.
    expect(b.page.text).toContain("Hồ sơ chưa nộp được.");
    expect(b.page.text).toContain("tiêu chí cần gửi minh chứng");
    const first = b.page.dom.querySelectorAll("nav.menu a")[0]!;
    expect(first.getAttribute("href")).toMatch(new RegExp(`^/a/${appId}/evidence/[A-C][\\d.]+\\?back=`));
    // The criterion by its name, not only its number.
    expect(first.textContent).toMatch(/^📎 Ảnh, giấy tờ: A1\.\d+\. \p{Lu}/u);

    h.w.attachEvidence(appId, p.user.id, true);
    await b.get(`/a/${appId}/submit`);
    expect(b.page.text).toContain("Hồ sơ đã đủ điều kiện nộp.");
    await b.press("Nộp hồ sơ");
    expect(b.page.path).toBe(`/a/${appId}/status?done=submitted-no-officer`);
    expect(b.page.text).toContain("Đã nộp hồ sơ.");
    expect(b.page.text).toContain("đã nộp");
    expect(b.page.text).toContain("Diễn biến:");
    expect(b.page.text).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d – Nộp hồ sơ \(chủ thể Person 7001\)/);

    await b.get("/status");
    expect(b.page.text).toContain("Mật ong hoa tràm");
    await b.follow("Mật ong hoa tràm");
    expect(b.page.path).toBe(`/a/${appId}/status`);

    // Filed: frozen, its evidence stays as filed.
    await b.get(`/a/${appId}/evidence`);
    expect(b.page.text).toContain("không nhận thêm minh chứng");
    expect(b.page.dom.querySelectorAll("form").filter((f) => f.textContent.includes("Xóa tệp"))).toEqual([]);

    // Withdrawn before the commune receives it.
    await b.get(`/a/${appId}/status`);
    await b.press("Rút hồ sơ");
    expect(b.page.text).toContain("Đã rút hồ sơ.");
    expect(b.page.text).toContain("đã rút");
  });

  it("a household without a business registration is told so, and says it has one now with one press", async () => {
    const p = h.w.producer(7003, CAI_NUOC, "vi", { type: "household", businessRegistered: false });
    const appId = h.w.draft(p, "Mật ong hoa tràm");
    h.w.answer(appId, p.user.id);
    h.w.attachEvidence(appId, p.user.id, true);
    const b = h.signedIn(p.user.id);
    await b.get(`/a/${appId}/submit`);
    expect(b.page.text).toContain("Hộ chưa có đăng ký kinh doanh");
    await b.press("Hộ tôi đã đăng ký kinh doanh");
    expect(b.page.path).toBe(`/a/${appId}/submit`);
    expect(b.page.text).toContain("Hồ sơ đã đủ điều kiện nộp.");
  });

  it("a member sees the organisation's applications and timeline, but cannot remove evidence of a filed one", async () => {
    const p = h.w.producer(7001, CAI_NUOC);
    const appId = h.w.filed(p, "Mật ong hoa tràm", new Date());
    const memberId = h.w.member(p, 7101);
    const b = h.signedIn(memberId);
    await b.get("/status");
    await b.follow("Mật ong hoa tràm");
    expect(b.page.text).toContain("Nộp hồ sơ (chủ thể Person 7001)");
    await b.get(`/a/${appId}/evidence`);
    expect(b.page.status).toBe(200);
    expect(b.page.text).not.toContain("Xóa tệp");
    const listed = h.deps.services.evidence.list(memberId, appId);
    const fileId = listed.ok ? listed.files[0]!.id : 0;
    const before = databaseRows(h.db);
    const refused = await b.post(`/evidence/${fileId}/remove`, { _csrf: b.csrf() });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("không nhận thêm minh chứng");
    expect(databaseRows(h.db)).toEqual(before);
    // The members page is the owner's.
    const members = await b.get("/members");
    expect(members.status).toBe(403);
    expect(members.text).toContain("Chỉ chủ cơ sở mới quản lý được thành viên.");
  });
});

describe("completing the dossier", () => {
  it("walks the items one per screen, skips, checks typed values, and hands over Mẫu 01 and 02", async () => {
    const { p, appId } = answeredDraft();
    const b = h.signedIn(p.user.id);
    await b.get(`/a/${appId}/dossier`);
    expect(b.page.text).toContain("Hoàn thiện hồ sơ");
    await b.follow("Bắt đầu");
    expect(b.page.text).toContain("Mục 1/");
    expect(b.page.text).toContain("Đây là lần đăng ký thứ mấy?");
    await b.press("Lần đầu");
    expect(b.page.text).toContain("Mục 2/");
    expect(b.page.text).toContain("Địa chỉ của cơ sở");
    await b.press("Lưu", { value: "Ấp Tân Hòa, xã Cái Nước" });
    expect(b.page.text).toContain("Email của cơ sở");
    const emailPage = await b.press("Lưu", { value: "không có" });
    expect(emailPage.status).toBe(400);
    expect(emailPage.text).toContain("Email chưa đúng");
    await b.press("Bỏ qua");
    expect(b.page.text).toContain("Chức vụ của người đại diện");

    const opened = h.deps.services.dossier.open(p.user.id, appId);
    expect(opened.ok && Object.fromEntries(opened.values)).toEqual({
      "registration-kind": "first",
      address: "Ấp Tân Hòa, xã Cái Nước",
      email: "",
    });

    // From the summary, an item is changed and the summary comes back.
    await b.get(`/a/${appId}/dossier`);
    expect(b.page.text).toContain("Ấp Tân Hòa, xã Cái Nước");
    await b.follow("Ngày thành lập");
    const future = await b.press("Lưu", { value: "01/01/2999" });
    expect(future.text).toContain("chưa tới");
    await b.press("Lưu", { value: "15/03/2018" });
    expect(b.page.path).toBe(`/a/${appId}/dossier`);
    expect(b.page.text).toContain("15/03/2018");

    for (const kind of ["mau-01", "mau-02"]) {
      const res = await h.app.inject({
        method: "GET",
        url: `/a/${appId}/forms/${kind}`,
        headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      );
      expect(res.headers["content-disposition"]).toMatch(
        new RegExp(`^attachment; filename="${kind}-[a-z0-9-]+\\.docx"`),
      );
      expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
    }
  });
});

describe("members and the invitation link", () => {
  it("the owner makes a link, sees it, revokes it; removes a member", async () => {
    const p = h.w.producer(7001, CAI_NUOC);
    const memberId = h.w.member(p, 7101);
    const b = h.signedIn(p.user.id);
    await b.get("/members");
    expect(b.page.text).toContain("Thành viên của Co-op 7001");
    expect(b.page.text).toContain("Person 7101");
    await b.press("Tạo link mời thành viên");
    expect(b.page.text).toMatch(/http:\/\/localhost:8080\/join\/[\w-]{16}/);
    await b.press("Hủy link mời này");
    expect(b.page.text).not.toContain("/join/");
    await b.press("Bỏ thành viên này");
    expect(b.page.text).not.toContain("Person 7101");
    expect(h.deps.services.applications.list(memberId)).toEqual([]);
  });

  it("a new visitor opens the link: the welcome names the organisation; consent, join, then only name and phone", async () => {
    const p = h.w.producer(7001, CAI_NUOC);
    const created = h.deps.services.membership.inviteMember(p.user.id);
    const code = created.ok ? created.invite.code : "";
    const b = h.browser();
    await b.get(`/join/${code}`);
    expect(b.page.text).toContain("Co-op 7001 mời bạn làm thành viên");
    expect(b.page.text).toContain("Bảo vệ dữ liệu cá nhân");
    await b.press("Đồng ý");
    expect(b.page.path).toBe(`/join/${code}`);
    expect(b.page.text).toContain("Co-op 7001 mời bạn làm thành viên");
    await b.press("Tham gia");
    expect(b.page.text).toContain("Bạn đã là thành viên của Co-op 7001.");
    await b.follow("Tiếp tục");
    expect(b.page.path).toBe("/register");

    // Registration asks a member for a name and a phone only.
    const userId = h.deps.services.accounts.userOfSession(b.cookies.get("ocop_session"))!.id;
    const profile = () => h.deps.services.people.profile(userId)!;
    expect(missingRegistrationItem(profile())).toBe("name");
    expect(profile().organisation?.name).toBe("Co-op 7001");
    expect(h.deps.services.people.setName(userId, "Lê Thị Hoa").ok).toBe(true);
    expect(missingRegistrationItem(profile())).toBe("phone");
    expect(h.deps.services.people.setPhone(userId, "0912 000 111").ok).toBe(true);
    expect(missingRegistrationItem(profile())).toBeUndefined();

    // The link is used: another visitor is told so.
    const other = h.browser();
    const used = await other.get(`/join/${code}`);
    expect(used.text).toContain("Link mời này đã được dùng");
    const owner = h.signedIn(p.user.id);
    expect((await owner.get(`/join/${code}`)).text).toContain("Bạn là chủ cơ sở này rồi.");
    expect((await other.get("/join/not-a-code!")).text).toContain("Link mời này không đúng");
  });
});
