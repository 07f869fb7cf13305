// The officer's and the administrator's desk: evidence as albums, officers the bot cannot reach,
// administrators who are not producers.
import { beforeEach, describe, expect, it } from "vitest";
import { users } from "../../src/db/schema.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { useHarness } from "../helpers/bot.js";
import type { FakeUser, RecordedCall } from "../helpers/fake-bot-api.js";
import {
  addHoney,
  assessWithEvidence,
  assessWithoutEvidence,
  consentAndName,
  officerInviteCode,
  registerProducer,
} from "../helpers/journeys.js";

const honey = loadCatalog().value!.sheetFor("qd26-2026", "mat-ong-mat-khac-va-nong-san-thuc-pham-khac")!;
const rubricOrder = honey.criteria.map((c) => c.id);

const ADMIN = 9000;
const ADMIN2 = 9001;
const OFFICER = 8001;
/** API errors a test provokes on purpose (an officer who blocked the bot). */
let expected: (call: RecordedCall) => boolean;
beforeEach(() => {
  expected = () => false;
});
const h = useHarness({ adminIds: [ADMIN, ADMIN2] }, () => expected);

const code = (c: RecordedCall) => (c.response && !c.response.ok ? c.response.error_code : undefined);
const last = (u: FakeUser) => u.chat().last()?.text ?? "";
const all = (u: FakeUser) =>
  u
    .chat()
    .messages.map((m) => m.text ?? m.caption ?? "")
    .join("\n---\n");

/** The administrator appoints Trần Văn Bình for Cái Nước; he opens the link. */
async function appointOfficer(): Promise<{ admin: FakeUser; officer: FakeUser }> {
  const admin = h.api.user({ id: ADMIN, first_name: "Tỉnh" });
  const code = await officerInviteCode(h, admin, "cai nuoc", /^1\. Xã Cái Nước/);
  const officer = h.api.user({ id: OFFICER, first_name: "Bình" });
  await consentAndName(h, officer, "Trần Văn Bình", "0987654321", `officer_${code}`);
  return { admin, officer };
}

describe("the officer's view of an application", () => {
  it("sends the evidence as albums of at most 10, photos apart from documents, each captioned with its criterion, in rubric order", async () => {
    const { officer } = await appointOfficer();
    const producer = h.api.user({ id: 8101, first_name: "Lan" });
    await registerProducer(h, producer);
    await addHoney(h, producer);
    await assessWithoutEvidence(h, producer);
    await h.deliver(producer.command("/nop"));
    await h.deliver(producer.press("▶️ Bổ sung lần lượt"));
    // Three criteria get a PDF each, the others a photo each: 22 files in all.
    const proven: string[] = [];
    for (let i = 0; last(producer).includes("minh chứng cho"); i++) {
      proven.push(/minh chứng cho ([A-C][\d.]+)\./.exec(last(producer))![1]!);
      if (i < 3)
        await h.deliver(
          producer.sendDocument({ file_name: `giay-to-${i}.pdf`, file_size: 40_000, mime_type: "application/pdf" }),
        );
      else await h.deliver(producer.sendPhoto());
      await h.deliver(producer.press("✔️ Xong"));
    }
    await h.deliver(producer.press("📨 Nộp hồ sơ"));
    await h.flush();
    const photos = proven.length - 3;
    expect(photos).toBeGreaterThan(10);
    expect(photos).toBeLessThanOrEqual(20);

    const from = h.api.calls.length;
    await h.deliver(officer.press("👁 Xem"));
    const calls = h.api.calls.slice(from);
    expect(calls.filter((c) => c.method === "sendPhoto" || c.method === "sendDocument")).toEqual([]);
    const albums = calls
      .filter((c) => c.method === "sendMediaGroup")
      .map((c) => c.params.media as { type: string; caption: string }[]);
    // 2 albums of photos (at most 10 each, split evenly) and 1 of documents, instead of one message per file.
    expect(albums.map((a) => a.length)).toEqual([Math.ceil(photos / 2), Math.floor(photos / 2), 3]);
    expect(
      albums
        .slice(0, 2)
        .flat()
        .every((m) => m.type === "photo"),
    ).toBe(true);
    expect(albums[2]!.every((m) => m.type === "document")).toBe(true);
    const captioned = albums.flat().map((m) => /<b>([A-C][\d.]+)<\/b> (.*)/.exec(m.caption)!);
    for (const [, id, title] of captioned) expect(title).toContain(honey.criteria.find((c) => c.id === id)!.title);
    const photoIds = captioned.slice(0, photos).map((m) => m[1]!);
    expect(photoIds).toEqual([...photoIds].sort((x, y) => rubricOrder.indexOf(x) - rubricOrder.indexOf(y)));
    expect(albums[2]!.map((m) => m.caption)).toEqual(
      proven.slice(0, 3).map((_id, i) => expect.stringContaining(`giay-to-${i}.pdf`)),
    );
    // The officer sees them as three albums.
    const groups = new Set(
      officer
        .chat()
        .messages.filter((m) => m.raw.media_group_id)
        .map((m) => m.raw.media_group_id),
    );
    expect(groups.size).toBe(3);
  }, 90_000);
});

describe("an officer the bot cannot reach", () => {
  it("the administrators are told which officer and which application; /quantri marks him; the producer is told the province passes it on", async () => {
    const { admin, officer } = await appointOfficer();
    // He blocks the bot; Telegram's notice of it is lost, so the bot learns it from the refusal.
    officer.block();
    expected = (c) => c.method === "sendMessage" && c.params.chat_id === OFFICER && code(c) === 403;
    const producer = h.api.user({ id: 8201, first_name: "Lan" });
    await registerProducer(h, producer);
    await addHoney(h, producer);
    await assessWithEvidence(h, producer);
    await h.deliver(producer.press("📨 Nộp hồ sơ"));
    await h.flush();

    expect(h.api.errors().filter(expected)).toHaveLength(1);
    expect(all(admin)).toContain("Không nhắn được cho cán bộ xã Trần Văn Bình (Xã Cái Nước – Cà Mau)");
    expect(last(admin)).toContain("“Mật ong hoa tràm” (HTX Mật ong Cái Nước)");
    expect(
      admin
        .chat()
        .last()!
        .buttons.map((b) => b.text),
    ).toEqual(["👁 Xem", "📬 Tiếp nhận", "✏️ Yêu cầu bổ sung"]);
    expect(last(producer)).toContain(
      "Mình chưa nhắn được cho cán bộ của Xã Cái Nước – Cà Mau về hồ sơ “Mật ong hoa tràm”",
    );
    expect(h.api.user({ id: ADMIN2, first_name: "Tỉnh 2" }).chat().messages).toEqual([]); // never opened the bot: nothing reaches them
    expected = (c) => code(c) === 403 || (code(c) === 400 && c.params.chat_id === ADMIN2);

    await h.deliver(admin.command("/quantri"));
    await h.deliver(admin.press("👥 Danh sách cán bộ"));
    expect(last(admin)).toMatch(/Trần Văn Bình – Xã Cái Nước – Cà Mau\n\s*⚠️ Không nhắn được từ \d{2}\/\d{2}\/\d{4}/);

    // The next application goes straight to the administrators, and the producer is told so.
    await addHoney(h, producer, "Mật ong rừng U Minh");
    await assessWithEvidence(h, producer);
    const attempts = h.api.calls.filter((c) => c.params.chat_id === OFFICER).length;
    await h.deliver(producer.press("📨 Nộp hồ sơ"));
    expect(last(producer)).toContain("chưa nhắn được cho cán bộ xã");
    await h.flush();
    expect(h.api.calls.filter((c) => c.params.chat_id === OFFICER).length).toBe(attempts);
    expect(last(admin)).toContain("Hồ sơ mới (không nhắn được cho cán bộ xã): Mật ong rừng U Minh");
    expect(last(admin)).toContain("Trần Văn Bình");
    expect(all(producer)).toContain("hồ sơ đã được gửi qua quản trị viên cấp tỉnh");

    // He opens the bot again: reachable, and /quantri says so.
    await h.deliver(officer.unblock());
    expect(
      h.db
        .select()
        .from(users)
        .all()
        .find((u) => u.id === h.userId(OFFICER))!.unreachableSince,
    ).toBeNull();
    await h.deliver(
      admin.press(
        "👥 Danh sách cán bộ",
        admin.chat().messages.findLast((m) => m.buttons.some((b) => b.text === "👥 Danh sách cán bộ"))!.message_id,
      ),
    );
    expect(last(admin)).not.toContain("Không nhắn được");
  }, 90_000);

  it("blocking the bot is noted at once: the next application goes to the administrators", async () => {
    const { admin, officer } = await appointOfficer();
    await h.deliver(officer.block());
    const sentBefore = h.api.calls.filter((c) => c.params.chat_id === OFFICER).length;
    const producer = h.api.user({ id: 8301, first_name: "Lan" });
    await registerProducer(h, producer);
    await addHoney(h, producer);
    await assessWithEvidence(h, producer);
    await h.deliver(producer.press("📨 Nộp hồ sơ"));
    await h.flush();
    expected = (c) => code(c) === 400 && c.params.chat_id === ADMIN2;
    expect(last(admin)).toContain("Hồ sơ mới (không nhắn được cho cán bộ xã)");
    expect(h.api.calls.filter((c) => c.params.chat_id === OFFICER)).toHaveLength(sentBefore);
  }, 90_000);
});

describe("administrators are not producers", () => {
  it("/quantri as the first message: consent, then the menu, with no registration", async () => {
    const admin = h.api.user({ id: ADMIN, first_name: "Tỉnh" });
    await h.deliver(admin.command("/quantri"));
    expect(last(admin)).toContain("Bạn có đồng ý không?");
    await h.deliver(admin.press("✅ Đồng ý"));
    expect(last(admin)).toContain("Quản trị");
    expect(
      admin
        .chat()
        .last()!
        .buttons.map((b) => b.text),
    ).toEqual(["➕ Mời cán bộ xã", "👥 Danh sách cán bộ"]);
    expect(all(admin)).not.toContain("họ và tên");
  });

  it("/start asks an administrator's name and phone, then stops at the administrators' menu", async () => {
    const admin = h.api.user({ id: ADMIN2, first_name: "Tỉnh" });
    await consentAndName(h, admin, "Phạm Thị Hoa", "0911222333");
    expect(all(admin)).toContain("Chào quản trị viên!");
    expect(last(admin)).toContain("Quản trị");
    expect(all(admin)).not.toContain("Bạn sản xuất theo hình thức nào?");
    await h.deliver(admin.command("/start"));
    expect(all(admin)).not.toContain("Bạn sản xuất theo hình thức nào?");
    // A producer still registers as before.
    const producer = h.api.user({ id: 8401, first_name: "Lan" });
    await consentAndName(h, producer, "Nguyễn Thị Lan", "0912345678");
    expect(last(producer)).toContain("Bạn sản xuất theo hình thức nào?");
  });

  it("officers and administrators get hints that fit them, never the producers' /sanpham or /tieptuc", async () => {
    const { admin, officer } = await appointOfficer();
    const alert = () => String(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text);
    for (const [user, command] of [
      [officer, "/hoso"],
      [admin, "/quantri"],
    ] as const) {
      await h.deliver(user.send("ghi chú"));
      expect(last(user)).toContain(command);
      expect(last(user)).not.toMatch(/\/sanpham|\/tieptuc/);
      await h.deliver(user.send("15/12/2030"));
      expect(last(user)).toContain(command);
      await h.deliver(user.command("/khongcolenhnay"));
      expect(last(user)).toContain(command);
      // An old button of a product the officer has no part in.
      await h.deliver(user.pressData("zz:1", user.chat().last()!.message_id));
      expect(alert()).toContain(command);
      expect(alert()).not.toMatch(/\/sanpham|\/tieptuc/);
    }
  });
});
