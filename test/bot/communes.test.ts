// The commune list as people meet it in the chat: the kind of unit with every name, and a running
// bot that follows an administrator's import at once.
import { expect, it } from "vitest";
import { adminUnitsOf, applyCommuneImport, planCommuneImport } from "../../src/services/admin-units.js";
import { lastText as text, useHarness } from "../helpers/bot.js";
import type { FakeUser } from "../helpers/fake-bot-api.js";
import { consentAndName, registerProducer } from "../helpers/journeys.js";

const h = useHarness();

const buttons = (u: FakeUser) =>
  u
    .chat()
    .last()!
    .buttons.map((b) => b.text);

/** Imports a Cà Mau list where `edit` changes the row "code,name,type,provinceCode[,replaces]". */
function importCaMau(edit: (row: string) => string | undefined) {
  const units = adminUnitsOf(h.db);
  const rows = units.communes
    .filter((c) => c.provinceName === "Cà Mau")
    .map((c) => edit(`${c.code},${c.name},${c.type},${c.provinceCode}`));
  const planned = planCommuneImport(
    h.db,
    units,
    ["code,name,type,provinceCode,replaces", ...rows.filter(Boolean)].join("\n"),
  );
  if (!planned.ok) throw new Error(JSON.stringify(planned.problems));
  expect(applyCommuneImport(h.db, planned.plan, "ca-mau.csv")).toMatchObject({ ok: true });
}

/** A household registering, at the point of typing its commune. */
async function householdAtCommune(id: number, name: string): Promise<FakeUser> {
  const u = h.api.user({ id, first_name: name });
  await consentAndName(h, u, `Trần Văn ${name}`, "0912345678");
  await h.deliver(u.press("Hộ sản xuất, hộ kinh doanh"));
  await h.deliver(u.press("✅ Đã có giấy đăng ký"));
  await h.deliver(u.send(`Hộ ${name}`));
  return u;
}

it("shows xã, phường or đặc khu with every unit a producer picks or reads", async () => {
  const u = await householdAtCommune(6001, "An");
  await h.deliver(u.send("phu quoc"));
  expect(buttons(u)[0]).toBe("1. Đặc khu Phú Quốc – An Giang");
  await h.deliver(u.send("trang bom"));
  expect(buttons(u)[0]).toBe("1. Phường Trảng Bom – Đồng Nai");
  await h.deliver(u.press("1. Phường Trảng Bom – Đồng Nai"));
  expect(
    u
      .chat()
      .messages.map((m) => m.text)
      .join("\n"),
  ).toContain("Đã chọn: Phường Trảng Bom – Đồng Nai");
  await h.deliver(u.command("/thongtin"));
  expect(text(u)).toContain("Địa bàn: Phường Trảng Bom – Đồng Nai");
});

it("follows an import at once: a renamed unit's producers see the new name, a removed unit's old button is refused", async () => {
  const u = h.api.user({ id: 6002, first_name: "Lan" });
  await registerProducer(h, u);
  await h.deliver(u.command("/thongtin"));
  expect(text(u)).toContain("Địa bàn: Xã Cái Nước – Cà Mau");

  // Someone else is choosing among communes when the list changes.
  const late = await householdAtCommune(6003, "Hùng");
  await h.deliver(late.send("phu my ca mau"));
  expect(buttons(late)[0]).toBe("1. Xã Phú Mỹ – Cà Mau");

  // Cái Nước becomes a phường; Phú Mỹ is merged into it.
  const caiNuoc = adminUnitsOf(h.db).search("cai nuoc ca mau")[0]!.code;
  const phuMy = adminUnitsOf(h.db).search("phu my ca mau")[0]!.code;
  importCaMau((row) =>
    row.startsWith(`${phuMy},`)
      ? undefined
      : row.startsWith(`${caiNuoc},`)
        ? `${caiNuoc},Cái Nước,phường,${row.split(",")[3]},${phuMy}`
        : row,
  );

  await h.deliver(u.command("/thongtin"));
  expect(text(u)).toContain("Địa bàn: Phường Cái Nước – Cà Mau");
  await h.deliver(late.press("1. Xã Phú Mỹ – Cà Mau"));
  expect(String(h.api.callsOf("answerCallbackQuery").at(-1)!.params.text)).toContain("Nút này đã cũ");
  await h.deliver(late.send("phu my ca mau"));
  expect(buttons(late)).not.toContain("1. Xã Phú Mỹ – Cà Mau");
  await h.deliver(late.send("cai nuoc"));
  expect(buttons(late)[0]).toBe("1. Phường Cái Nước – Cà Mau");
});
