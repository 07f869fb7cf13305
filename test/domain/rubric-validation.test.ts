import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type SheetData, sheetSchema, type VersionData, versionSchema } from "../../src/domain/rubric.js";
import { validateSheet, validateVersion } from "../../src/domain/rubric-validation.js";
import { RUBRICS_DIR } from "../../src/rubric/catalog.js";

const read = (path: string) => JSON.parse(readFileSync(join(RUBRICS_DIR, path), "utf8"));
const version = (): VersionData => versionSchema.parse(read("qd26-2026/version.json"));
const sheet = (set = "rau-cu-qua-hat-tuoi"): SheetData => sheetSchema.parse(read(`qd26-2026/sheets/${set}.json`));
const codes = (problems: { code: string; at?: string }[]) => problems.map((p) => `${p.code}@${p.at ?? ""}`);

describe("sheet validation", () => {
  it("accepts the shipped sheet", () => {
    expect(validateSheet(version(), sheet())).toEqual([]);
  });

  it("names the criterion whose best option no longer equals its maximum", () => {
    const s = sheet();
    s.parts[0]!.groups[0]!.criteria[2]!.options.at(-1)!.points = 2; // A1.3, max 3
    const problems = validateSheet(version(), s);
    expect(problems).toContainEqual({ code: "criterion-max", at: "A1.3", params: { max: 3, best: 2, case: "" } });
  });

  it("catches a criterion maximum that breaks its group's sum, and a group that breaks its part", () => {
    const s = sheet();
    const criterion = s.parts[0]!.groups[0]!.criteria[0]!;
    criterion.maxPoints += 1;
    criterion.options.at(-1)!.points += 1;
    expect(codes(validateSheet(version(), s))).toEqual(["group-sum@A1"]);
    s.parts[0]!.groups[0]!.maxPoints += 1;
    expect(codes(validateSheet(version(), s))).toEqual(["part-sum@A"]);
  });

  it("checks sub-groups (three levels) on their own", () => {
    const s = sheet("che-tuoi-che-che-bien");
    s.parts[2]!.groups.find((g) => g.subgroups.length)!.subgroups[0]!.maxPoints += 1;
    expect(codes(validateSheet(version(), s))).toContain("group-sum@C6.1");
  });

  it("checks each case of the tourism sheet separately", () => {
    const s = sheet("dich-vu-du-lich-cong-dong-sinh-thai-diem-du-lich");
    const c8 = s.parts[2]!.groups.flatMap((g) => g.criteria).find((c) => c.id === "C8")!;
    c8.options.find((o) => o.case === "2" && o.points === 3)!.points = 2;
    expect(validateSheet(version(), s)).toContainEqual({
      code: "criterion-max-case",
      at: "C8",
      params: { max: 3, best: 2, case: "2" },
    });
    c8.options[0]!.case = "9";
    expect(codes(validateSheet(version(), s))).toContain("case-unknown@C8");
  });

  it("rejects duplicate ids and an unknown product set", () => {
    const s = sheet();
    const group = s.parts[0]!.groups[0]!;
    group.criteria[1]!.id = group.criteria[0]!.id;
    group.criteria[0]!.options[1]!.id = group.criteria[0]!.options[0]!.id;
    s.productSet = "khong-co";
    expect(codes(validateSheet(version(), s))).toEqual(
      expect.arrayContaining(["product-set-unknown@khong-co", "duplicate-criterion@A1.1", "duplicate-option@A1.1"]),
    );
  });

  it("rejects a sheet missing a part", () => {
    const s = sheet();
    s.parts.pop();
    expect(codes(validateSheet(version(), s))).toEqual([
      "part-missing@C",
      "disqualification-criterion-unknown@no-foreign-matter",
    ]);
  });
});

describe("version validation", () => {
  it("accepts the shipped versions", () => {
    for (const id of ["qd26-2026", "qd148-2023", "qd1048-2019"]) {
      expect(validateVersion(versionSchema.parse(read(`${id}/version.json`)))).toEqual([]);
    }
  });

  it("rejects parts that do not add up to 100", () => {
    const v = version();
    v.parts[0]!.maxPoints = 35;
    expect(validateVersion(v)).toEqual([{ code: "parts-total", params: { sum: 95 } }]);
  });

  it("rejects tiers with a gap, or that do not cover 0–100", () => {
    const v = version();
    v.tiers.find((t) => t.stars === 3)!.max = 69;
    expect(codes(validateVersion(v))).toEqual(["tiers-gap@"]);
    const w = version();
    w.tiers.find((t) => t.stars === 1)!.min = 5;
    w.tiers.find((t) => t.stars === 5)!.max = 99;
    expect(codes(validateVersion(w))).toEqual(["tiers-start@", "tiers-end@"]);
  });

  it("rejects a malformed file through the schema", () => {
    const raw = read("qd26-2026/version.json");
    raw.markerRule = "sometimes";
    expect(versionSchema.safeParse(raw).success).toBe(false);
  });
});
