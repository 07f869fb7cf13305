// The shipped rubric data: valid, complete, and faithful to the reference files.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { improvementPlan } from "../../src/domain/plan.js";
import { optionsFor, type Sheet } from "../../src/domain/rubric.js";
import { score, tierFor } from "../../src/domain/scoring.js";
import { loadCatalog } from "../../src/rubric/catalog.js";

const loaded = loadCatalog();
const catalog = loaded.value!;

/** The cases to try a sheet in: each of its cases, or none. */
const casesOf = (sheet: Sheet) => (sheet.cases.length ? sheet.cases.map((c) => c.id) : [undefined]);

function pick(sheet: Sheet, caseId: string | undefined, choose: (points: number[]) => number) {
  return Object.fromEntries(
    sheet.criteria.map((c) => {
      const options = optionsFor(c, caseId);
      const target = choose(options.map((o) => o.points));
      return [c.id, options.find((o) => o.points === target)!.id];
    }),
  );
}

describe("shipped rubric data", () => {
  it("loads without a single problem", () => {
    expect(loaded.problems).toEqual([]);
    expect(catalog.defaultVersion.id).toBe("qd26-2026");
  });

  it("has all 26 sheets of Decision 26/2026, the 148 sheet and the 1048 sheet", () => {
    const qd26 = catalog.sheets.filter((s) => s.version.id === "qd26-2026");
    expect(qd26).toHaveLength(26);
    const sets = catalog.defaultVersion.taxonomy.flatMap((s) => s.groups.flatMap((g) => g.sets));
    expect(sets.map((s) => s.number)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(catalog.sheet("qd148-2023/rau-cu-qua-hat-tuoi")?.version.markerRule).toBe("warning");
    expect(catalog.sheet("qd1048-2019/che-bien-tu-rau-cu-qua-hat")?.version.parts.map((p) => p.maxPoints)).toEqual([35, 25, 40]);
    expect(catalog.defaultVersion.taxonomy.map((s) => s.title)).toHaveLength(6);
  });

  it("groups the product sets as Decision 26/2026, Phụ lục I does", () => {
    const food = catalog.defaultVersion.taxonomy.find((s) => s.title === "Thực phẩm")!;
    expect(food.groups.map((g) => [g.title, g.sets.map((s) => s.number)])).toEqual([
      ["Thực phẩm tươi sống", [1, 2]],
      ["Thực phẩm thô, sơ chế", [3, 4]],
      // a) đồ ăn nhanh, b) gạo, ngũ cốc, c) rau, củ, quả, hạt, d) thịt, thủy sản, trứng, sữa, mật ong…
      ["Thực phẩm chế biến", [5, 6, 7, 8]],
      ["Gia vị", [9, 10]],
      ["Chè", [11, 12]],
      ["Cà phê, ca cao", [13]],
    ]);
    const groups = catalog.defaultVersion.taxonomy.flatMap((s) => s.groups.map((g) => g.title));
    expect(groups).toHaveLength(17);
    expect(groups).not.toContain("Nông sản chế biến");
    // Existing applications keep their sheets: a sheet's id does not depend on its group.
    expect(catalog.sheet("qd26-2026/che-bien-tu-rau-cu-qua-hat")?.productSetTitle).toBe("Chế biến từ rau, củ, quả, hạt");
  });

  for (const sheet of catalog.sheets) {
    describe(sheet.id, () => {
      it("gives 100 points and 5★ for the best options, the worst options' sum for the worst", () => {
        for (const caseId of casesOf(sheet)) {
          const best = score(sheet, pick(sheet, caseId, (p) => Math.max(...p)), { caseId });
          expect(best.total).toBe(100);
          expect(best.starsByPoints).toBe(5);
          expect(best.stars).toBe(5);
          const worstSum = sheet.criteria.reduce((s, c) => s + Math.min(...optionsFor(c, caseId).map((o) => o.points)), 0);
          expect(score(sheet, pick(sheet, caseId, (p) => Math.min(...p)), { caseId }).total).toBe(worstSum);
        }
      });

      it("adds up any answers, never rates above the points, and its plans reach their target", () => {
        const caseId = casesOf(sheet)[0];
        const answers = fc.tuple(...sheet.criteria.map((c) => fc.constantFrom(...optionsFor(c, caseId))));
        fc.assert(
          fc.property(answers, fc.integer({ min: 1, max: 5 }), (options, target) => {
            const chosen = Object.fromEntries(sheet.criteria.map((c, i) => [c.id, options[i]!.id]));
            const r = score(sheet, chosen, { caseId });
            expect(r.total).toBe(options.reduce((s, o) => s + o.points, 0));
            for (const p of Object.values(r.parts)) expect(p.points).toBeLessThanOrEqual(p.max);
            expect(r.stars).toBeLessThanOrEqual(tierFor(sheet.version, r.total).stars);
            const plan = improvementPlan(sheet, chosen, target, { caseId });
            expect(plan.reachable).toBe(true);
            const applied = { ...chosen, ...Object.fromEntries(plan.steps.map((s) => [s.criterion, s.to])) };
            expect(score(sheet, applied, { caseId }).stars).toBeGreaterThanOrEqual(target);
          }),
          { numRuns: 40 },
        );
      });

      it("has a help line for every criterion and a question for every stop", () => {
        for (const c of sheet.criteria) expect(c.help.length).toBeGreaterThan(10);
        for (const d of sheet.disqualification) expect(d.requirement.length).toBeGreaterThan(10);
      });
    });
  }
});

// The reference files the data was converted from sit in the shared folder beside the checkout.
const REFERENCE = join(import.meta.dirname, "../../../shared/reference/ocop");
const referenceFiles: [string, string][] = existsSync(REFERENCE)
  ? [
      ...(JSON.parse(readFileSync(join(REFERENCE, "qd26-2026-index.json"), "utf8")).sets as { file: string }[]).map(
        (s): [string, string] => [s.file, `qd26-2026/${s.file.replace(/^qd26-2026-\d+-|\.json$/g, "")}`],
      ),
      ["qd148-rau-cu-qua-hat-tuoi.provisional.json", "qd148-2023/rau-cu-qua-hat-tuoi"],
      ["qd1048-bo7-che-bien-rau-cu-qua-hat.json", "qd1048-2019/che-bien-tu-rau-cu-qua-hat"],
    ]
  : [];
if (!referenceFiles.length) console.warn(`NOTICE: ${REFERENCE} not found; the comparison with the reference files is skipped.`);

describe.skipIf(!referenceFiles.length)("faithful to the reference files", () => {
  it.each(referenceFiles)("%s carries the same criteria, points and markers", (file, sheetId) => {
    interface RefCriterion { id: string; maxPoints: number; criterionStarMarker?: number; options: { points: number; starMarker?: number }[] }
    const ref = JSON.parse(readFileSync(join(REFERENCE, file), "utf8")) as { parts: { id: string; maxPoints: number; criteria: RefCriterion[] }[] };
    const sheet = catalog.sheet(sheetId)!;
    expect(sheet).toBeDefined();
    const expected = ref.parts.flatMap((p) =>
      p.criteria.map((c) => ({
        id: c.id,
        part: p.id,
        maxPoints: c.maxPoints,
        options: c.options.map((o) => [o.points, o.starMarker ?? c.criterionStarMarker ?? null]),
      })),
    );
    const actual = sheet.criteria.map((c) => ({
      id: c.id,
      part: c.part,
      maxPoints: c.maxPoints,
      options: c.options.map((o) => [o.points, o.marker ?? null]),
    }));
    expect(actual).toEqual(expected);
    expect(sheet.version.parts.map((p) => p.maxPoints)).toEqual(ref.parts.map((p) => p.maxPoints));
  });
});
