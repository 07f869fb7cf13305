import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { improvementPlan, planTargets, whatIf } from "../../src/domain/plan.js";
import { optionsFor, type Sheet } from "../../src/domain/rubric.js";
import { type Answers, score } from "../../src/domain/scoring.js";
import { type CriterionSpec, testSheet, testVersion } from "../helpers/rubric.js";

/** Every way of raising criteria (keep, or move to a higher option), the best by (changes, total). */
function bruteForce(sheet: Sheet, answers: Answers, target: number): { changes: number; total: number } | null {
  const choices = sheet.criteria.map((c) => {
    const cur = c.options.find((o) => o.id === answers[c.id])!;
    const raises = c.improvable ? optionsFor(c, undefined).filter((o) => o.points > cur.points) : [];
    return [undefined, ...raises.map((o) => o.id)];
  });
  let best: { changes: number; total: number } | null = null;
  const walk = (i: number, changed: Record<string, string>, changes: number) => {
    if (i === choices.length) {
      const r = whatIf(sheet, answers, changed);
      if (
        r.stars >= target &&
        (!best || changes < best.changes || (changes === best.changes && r.total < best.total))
      ) {
        best = { changes, total: r.total };
      }
      return;
    }
    for (const to of choices[i]!) {
      const id = sheet.criteria[i]!.id;
      walk(i + 1, to ? { ...changed, [id]: to } : changed, changes + (to ? 1 : 0));
    }
  };
  walk(0, {}, 0);
  return best;
}

const criterionSpec = (id: string) =>
  fc
    .record({
      points: fc
        .uniqueArray(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 4 })
        .map((p) => p.sort((a, b) => a - b)),
      markerAt: fc.option(fc.nat(3)),
      marker: fc.constantFrom(3 as const, 4 as const, 5 as const),
      improvable: fc.integer({ min: 0, max: 9 }).map((n) => n > 1),
    })
    .map(
      ({ points, markerAt, marker, improvable }): CriterionSpec => ({
        id,
        points,
        improvable,
        ...(markerAt !== null && markerAt < points.length ? { markers: { [markerAt]: marker } } : {}),
      }),
    );

const smallSheet = fc
  .tuple(
    fc.array(criterionSpec("x"), { minLength: 1, maxLength: 6 }),
    fc.constantFrom("minimum" as const, "warning" as const),
    fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 4, maxLength: 4 }).map((t) => t.sort((a, b) => a - b)),
  )
  .map(([specs, markerRule, [t2, t3, t4, t5]]) => {
    const tiers = [
      { stars: 1, min: 0, max: t2!, recognised: false, meaning: "1" },
      { stars: 2, min: t2!, max: t3!, recognised: false, meaning: "2" },
      { stars: 3, min: t3!, max: t4!, recognised: true, meaning: "3" },
      { stars: 4, min: t4!, max: t5!, recognised: true, meaning: "4" },
      { stars: 5, min: t5!, max: 100, recognised: true, meaning: "5" },
    ];
    const criteria = specs.map((s, i) => ({ ...s, id: `A${i + 1}` }));
    return testSheet({ A: criteria }, testVersion({ markerRule, tiers }));
  });

const sheetWithAnswers = smallSheet.chain((sheet) =>
  fc
    .tuple(...sheet.criteria.map((c) => fc.constantFrom(...c.options.map((o) => o.id))))
    .map((ids) => ({ sheet, answers: Object.fromEntries(sheet.criteria.map((c, i) => [c.id, ids[i]!])) })),
);

describe("improvement plan", () => {
  it("is minimal: as few changes as brute force, then the least overshoot", () => {
    fc.assert(
      fc.property(sheetWithAnswers, fc.integer({ min: 1, max: 5 }), ({ sheet, answers }, target) => {
        const plan = improvementPlan(sheet, answers, target);
        const best = bruteForce(sheet, answers, target);
        if (!best) {
          expect(plan.reachable).toBe(false);
          return;
        }
        expect(plan.reachable).toBe(true);
        expect(plan.steps.length).toBe(best.changes);
        expect(plan.totalAfter).toBe(best.total);
      }),
      { numRuns: 400 },
    );
  });

  it("applied, reaches the target, and each step says what it adds", () => {
    fc.assert(
      fc.property(sheetWithAnswers, fc.integer({ min: 1, max: 5 }), ({ sheet, answers }, target) => {
        const plan = improvementPlan(sheet, answers, target);
        if (!plan.reachable) return;
        const applied = { ...answers, ...Object.fromEntries(plan.steps.map((s) => [s.criterion, s.to])) };
        const after = score(sheet, applied);
        expect(after.stars).toBeGreaterThanOrEqual(target);
        expect(after.total).toBe(plan.totalAfter);
        for (const s of plan.steps) {
          expect(s.gain).toBe(s.toPoints - s.fromPoints);
          expect(s.gain).toBeGreaterThan(0);
          expect(s.from).toBe(answers[s.criterion]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never lets a part score more than its maximum", () => {
    fc.assert(
      fc.property(sheetWithAnswers, ({ sheet, answers }) => {
        const r = score(sheet, answers);
        for (const [, sub] of Object.entries(r.groups)) expect(sub.points).toBeLessThanOrEqual(sub.max);
        expect(r.total).toBeLessThanOrEqual(sheet.criteria.reduce((s, c) => s + c.maxPoints, 0));
        expect(r.stars).toBeLessThanOrEqual(r.starsByPoints);
      }),
    );
  });

  it("raises a missed marker first even when the points are already enough", () => {
    const sheet = testSheet({
      A: [{ id: "A1", points: [0, 10, 30, 40], markers: { 2: 4 } }],
      B: [{ id: "B1", points: [0, 5, 25] }],
      C: [{ id: "C1", points: [0, 20, 35] }],
    });
    const plan = improvementPlan(sheet, { A1: "b", B1: "c", C1: "c" }, 4); // 70 points, ★4 missed on A1
    expect(plan.steps).toEqual([{ criterion: "A1", from: "b", fromPoints: 10, to: "c", toPoints: 30, gain: 20 }]);
    expect(plan.totalAfter).toBe(90);
    expect(plan.starsAfter).toBe(5);
  });

  it("prefers one big change over two small ones, and the least overshoot among equals", () => {
    const sheet = testSheet({
      A: [
        { id: "A1", points: [0, 3, 40] },
        { id: "A2", points: [0, 6] },
      ],
      B: [{ id: "B1", points: [0, 7] }],
      C: [{ id: "C1", points: [0, 8] }],
    });
    const plan = improvementPlan(sheet, { A1: "a", A2: "a", B1: "a", C1: "a" }, 2); // needs 30
    expect(plan.steps.map((s) => s.criterion)).toEqual(["A1"]);
    expect(plan.steps[0]!.to).toBe("c");
    const small = improvementPlan(sheet, { A1: "c", A2: "a", B1: "a", C1: "a" }, 3); // 40, needs 50: +6 +7 would overshoot more than…
    expect(small.steps).toHaveLength(2);
    expect(small.totalAfter).toBe(53); // 40 + 6 + 7 is the least overshoot over 50 with two changes
  });

  it("says why a target cannot be reached", () => {
    const sheet = testSheet(
      {
        A: [{ id: "A1", points: [0, 1, 40], markers: { 1: 3 }, improvable: false }],
        B: [{ id: "B1", points: [0, 25] }],
        C: [{ id: "C1", points: [0, 35] }],
      },
      testVersion(),
      { disqualification: [{ id: "forged", requirement: "r", help: "h" }] },
    );
    expect(improvementPlan(sheet, { A1: "a", B1: "b", C1: "b" }, 3)).toMatchObject({
      reachable: false,
      blocker: "fixed-criterion",
      blockedBy: ["A1"],
    });
    expect(improvementPlan(sheet, { A1: "b", B1: "b", C1: "b" }, 3, { clearances: { forged: false } })).toMatchObject({
      reachable: false,
      blocker: "disqualified",
    });
    expect(improvementPlan(sheet, { A1: "b", B1: "b", C1: "b" }, 9)).toMatchObject({
      reachable: false,
      blocker: "target-unknown",
    });
    expect(improvementPlan(sheet, { A1: "b", B1: "a", C1: "a" }, 5)).toMatchObject({
      reachable: false,
      blocker: "points",
    });
  });

  it("lifts a stop-at-zero criterion off zero", () => {
    const sheet = testSheet({
      A: [{ id: "A1", points: [0, 40] }],
      B: [{ id: "B1", points: [0, 25] }],
      C: [{ id: "C1", points: [0, 2, 35], stopIfZero: true }],
    });
    const answers = { A1: "b", B1: "b", C1: "a" }; // 65 points, but C1 at 0 stops the scoring
    expect(score(sheet, answers).disqualified).toBe(true);
    const plan = improvementPlan(sheet, answers, 3);
    expect(plan.steps).toEqual([{ criterion: "C1", from: "a", fromPoints: 0, to: "b", toPoints: 2, gain: 2 }]);
  });

  it("suggests answers for unanswered criteria, marked as coming from nothing", () => {
    const sheet = testSheet({
      A: [{ id: "A1", points: [0, 40] }],
      B: [{ id: "B1", points: [0, 25] }],
      C: [{ id: "C1", points: [0, 35] }],
    });
    const plan = improvementPlan(sheet, { A1: "b" }, 3);
    expect(plan.steps).toEqual([{ criterion: "B1", from: undefined, fromPoints: 0, to: "b", toPoints: 25, gain: 25 }]); // 65: less overshoot than C1
  });

  it("plans for the next tier, and for 3★ when that is further", () => {
    const sheet = testSheet({
      A: [{ id: "A1", points: [0, 40] }],
      B: [{ id: "B1", points: [0, 25] }],
      C: [{ id: "C1", points: [0, 35] }],
    });
    expect(planTargets(score(sheet, { A1: "a", B1: "a", C1: "a" }))).toEqual([2, 3]);
    expect(planTargets(score(sheet, { A1: "b", B1: "b", C1: "a" }))).toEqual([4]);
    expect(planTargets(score(sheet, { A1: "b", B1: "b", C1: "b" }))).toEqual([]);
  });
});
