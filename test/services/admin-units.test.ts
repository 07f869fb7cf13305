// The commune list in the database: seeded from the shipped files, kept current by imports that
// show their differences first; records of renamed or merged units follow them, removed units that
// records still name are refused.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/db/client.js";
import { applications, communes, invites, officers, organisations, products } from "../../src/db/schema.js";
import { ADMIN_UNITS_DIR, type AdminUnits } from "../../src/geo/communes.js";
import { getI18n, translator } from "../../src/i18n.js";
import {
  adminUnitsOf,
  applyCommuneImport,
  type CommuneImportPlan,
  exportCommuneCsv,
  planChanges,
  planCommuneImport,
  seedAdminUnits,
} from "../../src/services/admin-units.js";
import { importReport, inUseReport, unitLabel } from "../../src/views/admin-units.js";

const t = translator(getI18n(), "vi");
const SHIPPED = readFileSync(join(ADMIN_UNITS_DIR, "communes.csv"), "utf8");
const HEADER = "code,name,type,provinceCode,replaces";

let db: Db;
let units: AdminUnits;
beforeEach(() => {
  db = openDatabase(":memory:");
  units = adminUnitsOf(db);
});

const label = (code: string) => unitLabel(t, units.commune(code)!);
/** The current rows of a province in the import format, changed by `edit` (return undefined to drop a row). */
function provinceFile(
  provinceCode: string,
  edit: (row: string[]) => string[] | undefined = (r) => r,
  extra: string[] = [],
): string {
  const rows = units.communes
    .filter((c) => c.provinceCode === provinceCode)
    .map((c) => edit([c.code, c.name, c.type, c.provinceCode, ""]))
    .filter((r): r is string[] => !!r);
  return `${[HEADER, ...rows.map((r) => r.join(",")), ...extra].join("\n")}\n`;
}
function plan(text: string): CommuneImportPlan {
  const planned = planCommuneImport(db, units, text);
  if (!planned.ok) throw new Error(JSON.stringify(planned.problems));
  return planned.plan;
}

let nextId = 1;
function organisationIn(communeCode: string, name = "HTX Mật ong") {
  const org = db
    .insert(organisations)
    .values({ ownerId: 500 + nextId++, type: "cooperative", name, communeCode })
    .returning()
    .get();
  const product = db
    .insert(products)
    .values({
      organisationId: org.id,
      createdBy: org.ownerId,
      name: "Mật ong",
      productSet: "mat-ong-mat-khac-va-nong-san-thuc-pham-khac",
    })
    .returning()
    .get();
  const app = db
    .insert(applications)
    .values({
      productId: product.id,
      organisationId: org.id,
      sheetId: "qd26-2026/mat-ong-mat-khac-va-nong-san-thuc-pham-khac",
      state: "submitted",
      communeCode,
      createdBy: org.ownerId,
    })
    .returning()
    .get();
  return { org, app };
}
const officerOf = (userId: number, communeCode: string, revokedAt: Date | null = null) =>
  db.insert(officers).values({ userId, communeCode, appointedBy: 0, revokedAt }).run();

describe("the list in the database", () => {
  it("is seeded once from the shipped files: 34 provinces, 3,321 units", () => {
    expect(units.communes).toHaveLength(3321);
    expect(units.provinces).toHaveLength(34);
    expect(seedAdminUnits(db)).toBe(false);
    expect(db.select().from(communes).all()).toHaveLength(3321);
    expect(label("00141")).toBe("Phường Trảng Bom – Đồng Nai");
    expect(units.search("son kim 2")[0]?.code).toBe("03321");
  });

  it("exports as a file that imports with no change", () => {
    const exported = exportCommuneCsv(units);
    expect(exported.startsWith("\ufeffcode,name,type,provinceCode,province\n")).toBe(true);
    const p = plan(exported);
    expect(planChanges(p)).toBe(0);
    expect(p.unchanged).toBe(3321);
    expect(plan(SHIPPED).unchanged).toBe(3321);
  });
});

describe("importing the 2026 list over a database seeded with the 2025 list", () => {
  it("shows the ten Đồng Nai xã that became phường, Sơn Kim 2 and Kỳ Lừa; records follow; the running bot sees it at once", () => {
    // The 2025 list as first shipped: Đồng Nai's ten xã, Phường Hoàng Văn Thụ, no Sơn Kim 2.
    const old = mkdtempSync(join(tmpdir(), "units-2025-"));
    cpSync(ADMIN_UNITS_DIR, old, { recursive: true });
    const wards2026 = ["00108", "00140", "00141", "00203", "00218", "00256", "00549", "00700", "01112", "01356"];
    const lines2025 = SHIPPED.trim()
      .split("\n")
      .filter((l) => !l.startsWith("03321,"))
      .map((l) => (wards2026.includes(l.slice(0, 5)) ? l.replace(",ward,22", ",commune,22") : l))
      .map((l) => (l.startsWith("00832,") ? '00832,"Hoàng Văn Thụ","",,ward,20' : l));
    writeFileSync(join(old, "communes.csv"), lines2025.join("\n"));
    db = openDatabase(":memory:");
    seedAdminUnits(db, old);
    units = adminUnitsOf(db);
    const otherProcess = adminUnitsOf(db);
    expect(label("00141")).toBe("Xã Trảng Bom – Đồng Nai");
    const { org, app } = organisationIn("00141", "HTX Rau Trảng Bom");
    officerOf(9001, "00141");

    const p = plan(SHIPPED);
    expect(p.added.map((c) => unitLabel(t, c))).toEqual(["Xã Sơn Kim 2 – Hà Tĩnh"]);
    expect(p.renamed.map((r) => `${unitLabel(t, r.before)} → ${unitLabel(t, r.after)}`).sort()).toEqual(
      [
        "Phường Hoàng Văn Thụ – Lạng Sơn → Phường Kỳ Lừa – Lạng Sơn",
        ...[
          "Dầu Giây",
          "Đồng Phú",
          "Long Thành",
          "Lộc Ninh",
          "Nhơn Trạch",
          "Tân Khai",
          "Tân Phú",
          "Trảng Bom",
          "Trị An",
          "Xuân Lộc",
        ].map((n) => `Xã ${n} – Đồng Nai → Phường ${n} – Đồng Nai`),
      ].sort(),
    );
    expect(p.merged).toEqual([]);
    expect(p.removed).toEqual([]);
    expect(p.unchanged).toBe(3321 - 12);
    const report = importReport(
      t,
      p,
      "communes.csv",
      p.provinces.map((c) => units.province(c)!.name),
    ).join("\n");
    expect(report).toContain("Thêm 1 đơn vị:\n  + Xã Sơn Kim 2 – Hà Tĩnh (mã 03321)");
    expect(report).toContain("~ Xã Trảng Bom – Đồng Nai (mã 00141) → Phường Trảng Bom – Đồng Nai (mã 00141)");
    expect(report).toContain("Không đổi: 3.309 đơn vị.");

    expect(applyCommuneImport(db, p, "communes.csv", "admin")).toEqual({
      ok: true,
      summary: { added: 1, renamed: 11, merged: 0, removed: 0 },
    });
    expect(label("00141")).toBe("Phường Trảng Bom – Đồng Nai");
    expect(otherProcess.commune("00141")?.type).toBe("ward");
    expect(otherProcess.search("son kim 2")[0]?.code).toBe("03321");
    expect(db.select().from(organisations).where(eq(organisations.id, org.id)).get()!.communeCode).toBe("00141");
    expect(db.select().from(applications).where(eq(applications.id, app.id)).get()!.communeCode).toBe("00141");
    // Importing the same file again changes nothing.
    expect(planChanges(plan(SHIPPED))).toBe(0);
  });
});

describe("merging, renumbering and removing", () => {
  it("moves the organisations, applications, officers and open invitations of a merged unit to the unit it joined", () => {
    // Đà Nẵng: Xã Trà Tập (03039) merged into Xã Nam Trà My (03094).
    const { org, app } = organisationIn("03039", "Tổ hợp tác Sâm Ngọc Linh");
    officerOf(9002, "03039");
    officerOf(9003, "03039");
    officerOf(9003, "03094", new Date()); // once officer of both, since revoked at the new one
    db.insert(invites)
      .values({
        code: "inv1",
        kind: "officer",
        communeCodes: "03039,03150",
        createdBy: 0,
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .run();

    const file = provinceFile("12", (r) =>
      r[0] === "03039" ? undefined : r[0] === "03094" ? [...r.slice(0, 4), "03039"] : r,
    );
    const p = plan(file);
    expect(p.merged.map((m) => `${unitLabel(t, m.unit)} → ${unitLabel(t, m.into)}`)).toEqual([
      "Xã Trà Tập – Đà Nẵng → Xã Nam Trà My – Đà Nẵng",
    ]);
    expect(p.removed).toEqual([]);
    expect(p.inUse).toEqual([]);
    expect(applyCommuneImport(db, p, "da-nang.csv").ok).toBe(true);

    expect(db.select().from(organisations).where(eq(organisations.id, org.id)).get()!.communeCode).toBe("03094");
    expect(db.select().from(applications).where(eq(applications.id, app.id)).get()!.communeCode).toBe("03094");
    const active = db
      .select()
      .from(officers)
      .all()
      .filter((o) => !o.revokedAt)
      .map((o) => `${o.userId}:${o.communeCode}`);
    expect(active.sort()).toEqual(["9002:03094", "9003:03094"]);
    expect(db.select().from(officers).where(eq(officers.communeCode, "03039")).all()).toEqual([]);
    expect(db.select().from(invites).where(eq(invites.code, "inv1")).get()!.communeCodes).toBe("03094,03150");
    // The merged unit is kept, marked, for old records; it is no longer offered.
    expect(units.commune("03039")).toMatchObject({ name: "Trà Tập", removed: true });
    expect(units.search("tra tap da nang").map((c) => c.code)).not.toContain("03039");
    expect(units.communes).toHaveLength(3320);
    // The same file imported again: nothing to do, and no complaint about the unit already merged.
    expect(planChanges(plan(file))).toBe(0);
  });

  it("refuses to remove a unit that records still name, with the list, and removes it once they are gone", () => {
    const { org } = organisationIn("03321", "Hộ Nguyễn Văn Hùng");
    const withoutSonKim2 = provinceFile("17", (r) => (r[0] === "03321" ? undefined : r));
    const p = plan(withoutSonKim2);
    expect(p.removed.map((c) => c.code)).toEqual(["03321"]);
    expect(p.inUse).toMatchObject([
      { unit: { code: "03321" }, organisations: ["Hộ Nguyễn Văn Hùng"], applications: 1, officers: 0, invites: 0 },
    ]);
    expect(inUseReport(t, p.inUse).join("\n")).toContain(
      "• Xã Sơn Kim 2 – Hà Tĩnh (mã 03321): 1 cơ sở (Hộ Nguyễn Văn Hùng), 1 hồ sơ, 0 cán bộ",
    );
    expect(applyCommuneImport(db, p, "ha-tinh.csv")).toMatchObject({ ok: false, reason: "in-use" });
    expect(units.commune("03321")?.removed).toBeUndefined();

    db.delete(applications).where(eq(applications.organisationId, org.id)).run();
    db.delete(organisations).where(eq(organisations.id, org.id)).run();
    const again = plan(withoutSonKim2);
    expect(again.inUse).toEqual([]);
    // Someone registers there between the plan and the confirmation: still refused.
    const late = organisationIn("03321", "HTX đăng ký muộn");
    expect(applyCommuneImport(db, again, "ha-tinh.csv")).toMatchObject({
      ok: false,
      reason: "in-use",
      inUse: [{ organisations: ["HTX đăng ký muộn"] }],
    });
    db.delete(applications).where(eq(applications.id, late.app.id)).run();
    db.delete(organisations).where(eq(organisations.id, late.org.id)).run();
    expect(applyCommuneImport(db, again, "ha-tinh.csv")).toEqual({
      ok: true,
      summary: { added: 0, renamed: 0, merged: 0, removed: 1 },
    });
    expect(units.commune("03321")?.removed).toBe(true);
    expect(units.search("son kim 2").map((c) => c.code)).not.toContain("03321");
  });

  it("reads a new code with the name of a unit the file no longer lists as that unit, renumbered: records follow", () => {
    const { org } = organisationIn("03215");
    const p = plan(provinceFile("17", (r) => (r[0] === "03215" ? ["09999", ...r.slice(1)] : r)));
    expect(p.renamed.map((r) => [r.before.code, r.after.code, r.after.name])).toEqual([
      ["03215", "09999", "Sơn Kim 1"],
    ]);
    expect(p.added).toEqual([]);
    expect(p.removed).toEqual([]);
    expect(applyCommuneImport(db, p, "ha-tinh.csv").ok).toBe(true);
    expect(db.select().from(organisations).where(eq(organisations.id, org.id)).get()!.communeCode).toBe("09999");
    expect(units.commune("03215")).toMatchObject({ removed: true });
    expect(units.search("son kim 1")[0]?.code).toBe("09999");
  });

  it("leaves the provinces the file does not cover as they are", () => {
    const p = plan(provinceFile("17"));
    expect(p.provinces).toEqual(["17"]);
    expect(p.unchanged).toBe(69);
    expect(planChanges(p)).toBe(0);
  });

  it("refuses a plan made before another import changed the list", () => {
    const first = plan(provinceFile("17", (r) => (r[0] === "03321" ? [r[0], "Sơn Kim Hai", ...r.slice(2)] : r)));
    const second = plan(provinceFile("17", (r) => (r[0] === "03215" ? [r[0], "Sơn Kim Một", ...r.slice(2)] : r)));
    expect(applyCommuneImport(db, second, "b.csv").ok).toBe(true);
    expect(applyCommuneImport(db, first, "a.csv")).toEqual({ ok: false, reason: "changed" });
    expect(units.commune("03321")?.name).toBe("Sơn Kim 2");
  });

  it("rejects a file whose replaces column is wrong, writing nothing", () => {
    const keeps = planCommuneImport(
      db,
      units,
      provinceFile("17", (r) => (r[0] === "03321" ? [...r.slice(0, 4), "03215"] : r)),
    );
    expect(keeps).toMatchObject({
      ok: false,
      problems: [{ code: "commune-replaces-kept", params: { value: "03215" } }],
    });
    const unknown = planCommuneImport(
      db,
      units,
      provinceFile("17", (r) => (r[0] === "03321" ? [...r.slice(0, 4), "99998"] : r)),
    );
    expect(unknown).toMatchObject({
      ok: false,
      problems: [{ code: "commune-replaces-unknown", params: { value: "99998" } }],
    });
  });
});
