// The shipped rubric data: valid, complete, and faithful to the reference files.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { improvementPlan } from "../../src/domain/plan.js";
import { isLawOption, NONE_OPTION_ID, optionsFor, type Sheet } from "../../src/domain/rubric.js";
import { score, tierFor } from "../../src/domain/scoring.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { fold } from "../../src/text.js";

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

/** "None of these" wherever the engine offers it, else the criterion's 0-point option. */
function noneAnswers(sheet: Sheet, caseId: string | undefined) {
  return Object.fromEntries(
    sheet.criteria.flatMap((c) => {
      const options = optionsFor(c, caseId);
      const zero = options.find((o) => o.none) ?? options.find((o) => o.points === 0);
      return zero ? [[c.id, zero.id]] : [];
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
    expect(catalog.sheet("qd1048-2019/che-bien-tu-rau-cu-qua-hat")?.version.parts.map((p) => p.maxPoints)).toEqual([
      35, 25, 40,
    ]);
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
    expect(catalog.sheet("qd26-2026/che-bien-tu-rau-cu-qua-hat")?.productSetTitle).toBe(
      "Chế biến từ rau, củ, quả, hạt",
    );
  });

  for (const sheet of catalog.sheets) {
    describe(sheet.id, () => {
      it("gives 100 points and 5★ for the best options, the worst options' sum for the worst", () => {
        for (const caseId of casesOf(sheet)) {
          const best = score(
            sheet,
            pick(sheet, caseId, (p) => Math.max(...p)),
            { caseId },
          );
          expect(best.total).toBe(100);
          expect(best.starsByPoints).toBe(5);
          expect(best.stars).toBe(5);
          const worstSum = sheet.criteria.reduce(
            (s, c) => s + Math.min(...optionsFor(c, caseId).map((o) => o.points)),
            0,
          );
          expect(
            score(
              sheet,
              pick(sheet, caseId, (p) => Math.min(...p)),
              { caseId },
            ).total,
          ).toBe(worstSum);
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

      it("offers “none of these” (0 points, last) exactly where the law's lowest option scores above 0", () => {
        for (const caseId of casesOf(sheet)) {
          for (const c of sheet.criteria) {
            const options = optionsFor(c, caseId);
            const law = options.filter(isLawOption);
            if (law.length === 0) continue;
            const none = options.filter((o) => o.none);
            expect(none.length, `${c.id} case ${caseId}`).toBe(Math.min(...law.map((o) => o.points)) > 0 ? 1 : 0);
            if (none.length) expect(options.at(-1)).toMatchObject({ id: NONE_OPTION_ID, points: 0 });
          }
        }
      });

      it("scores all “none” answers as the sum of the 0-point options: 0 in every part, 1★", () => {
        for (const caseId of casesOf(sheet)) {
          const r = score(sheet, noneAnswers(sheet, caseId), { caseId });
          expect(r.unanswered).toEqual([]);
          expect(r.total).toBe(0);
          for (const p of Object.values(r.parts)) expect(p.points).toBe(0);
          expect(r.stars).toBe(1);
        }
      });

      it("misses every ★ marker on a lowest option when that criterion is answered “none”", () => {
        for (const caseId of casesOf(sheet)) {
          const best = pick(sheet, caseId, (p) => Math.max(...p));
          for (const c of sheet.criteria) {
            const law = optionsFor(c, caseId).filter(isLawOption);
            const lowest = law.filter((o) => o.points === Math.min(...law.map((x) => x.points)));
            for (const marker of lowest.flatMap((o) => (o.marker && o.points > 0 ? [o.marker] : []))) {
              const r = score(sheet, { ...best, [c.id]: NONE_OPTION_ID }, { caseId });
              expect(r.markersMissed).toContainEqual(expect.objectContaining({ criterion: c.id, marker, points: 0 }));
              if (sheet.version.markerRule === "minimum") expect(r.stars).toBeLessThan(marker);
            }
          }
        }
      });

      it("plans from all “none” answers to every tier the improvable criteria can reach", () => {
        for (const caseId of casesOf(sheet)) {
          const start = noneAnswers(sheet, caseId);
          // The best the producer can do: every improvable criterion at its best, the others as they are.
          const best = { ...start };
          for (const c of sheet.criteria.filter((x) => x.improvable)) {
            const options = optionsFor(c, caseId);
            if (options.length)
              best[c.id] = options.find((o) => o.points === Math.max(...options.map((x) => x.points)))!.id;
          }
          const reachable = score(sheet, best, { caseId }).stars;
          for (let target = 2; target <= 5; target++) {
            const plan = improvementPlan(sheet, start, target, { caseId });
            expect(plan.reachable, `${target}★ case ${caseId}`).toBe(target <= reachable);
            if (!plan.reachable) continue;
            for (const step of plan.steps) {
              expect(step.from).toBe(start[step.criterion]);
              expect(step.fromPoints).toBe(0);
            }
            const applied = { ...start, ...Object.fromEntries(plan.steps.map((s) => [s.criterion, s.to])) };
            expect(score(sheet, applied, { caseId }).stars).toBeGreaterThanOrEqual(target);
          }
        }
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
if (!referenceFiles.length)
  console.warn(`NOTICE: ${REFERENCE} not found; the comparison with the reference files is skipped.`);

describe.skipIf(!referenceFiles.length)("faithful to the reference files", () => {
  it.each(referenceFiles)("%s carries the same criteria, points and markers", (file, sheetId) => {
    interface RefCriterion {
      id: string;
      maxPoints: number;
      criterionStarMarker?: number;
      options: { points: number; starMarker?: number }[];
    }
    const ref = JSON.parse(readFileSync(join(REFERENCE, file), "utf8")) as {
      parts: { id: string; maxPoints: number; criteria: RefCriterion[] }[];
    };
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
      options: c.options.filter(isLawOption).map((o) => [o.points, o.marker ?? null]),
    }));
    expect(actual).toEqual(expected);
    expect(sheet.version.parts.map((p) => p.maxPoints)).toEqual(ref.parts.map((p) => p.maxPoints));
  });

  it("asks the tourism cases in words that fit every criterion that has them, and says each criterion's own", () => {
    interface RefCase {
      id: string;
      options: { label: string; case?: string }[];
    }
    const file = "qd26-2026-26-dich-vu-du-lich-cong-dong-sinh-thai-diem-du-lich.json";
    const ref = JSON.parse(readFileSync(join(REFERENCE, file), "utf8")) as { parts: { criteria: RefCase[] }[] };
    const sheet = catalog.sheet("qd26-2026/dich-vu-du-lich-cong-dong-sinh-thai-diem-du-lich")!;
    const words = (text: string) =>
      fold(text)
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
    let checked = 0;
    for (const c of ref.parts.flatMap((p) => p.criteria)) {
      for (const o of c.options.filter((x) => x.case)) {
        const [, caseId, meaning] = /^Trường hợp (\d+):\s*(.*)$/.exec(o.case!)!;
        const asked = sheet.cases.find((x) => x.id === caseId)!.title;
        // The criterion's words, in their order, within the question's words.
        const rest = words(asked);
        const fits = words(meaning!).every((w) => rest.splice(0, rest.indexOf(w) + 1).length > 0);
        expect(fits, `${c.id}: “${meaning}” asked as “${asked}”`).toBe(true);
        const mine = sheet.criteria.find((x) => x.id === c.id)!;
        expect(optionsFor(mine, caseId).map((x) => x.label)).toContain(o.label);
        expect(mine.note).toContain(meaning);
        checked++;
      }
    }
    expect(checked).toBe(12);
  });
});
