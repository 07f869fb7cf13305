import { describe, expect, it } from "vitest";
import { answerProblems, score, tierFor } from "../../src/domain/scoring.js";
import { testSheet, testVersion } from "../helpers/rubric.js";

// 40 + 25 + 35 points: each part one criterion whose best option is the part's maximum.
const simple = () =>
  testSheet({
    A: [{ id: "A1", points: [0, 10, 30, 40], markers: { 2: 4 } }],
    B: [{ id: "B1", points: [0, 5, 25] }],
    C: [{ id: "C1", points: [0, 20, 35], markers: { 1: 3 } }],
  });

describe("tiers", () => {
  it("puts the boundaries where Decision 26/2026 does", () => {
    const v = testVersion();
    expect([0, 29, 30, 49, 50, 69, 70, 89, 90, 100].map((p) => tierFor(v, p).stars)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });
});

describe("score", () => {
  it("adds the chosen options per part and in total", () => {
    const r = score(simple(), { A1: "c", B1: "b", C1: "b" });
    expect(r.parts).toEqual({ A: { points: 30, max: 40 }, B: { points: 5, max: 25 }, C: { points: 20, max: 35 } });
    expect(r.total).toBe(55);
    expect(r.groups.A1).toEqual({ points: 30, max: 40 });
    expect(r.starsByPoints).toBe(3);
    expect(r.stars).toBe(3);
    expect(r.recognised).toBe(true);
    expect(r.recognisedBy).toBe("province");
  });

  it("caps the stars below a missed marker: 75 points without the ★4 option is 3★", () => {
    const r = score(simple(), { A1: "b", B1: "c", C1: "b" }); // 10 + 25 + 20 = 55
    expect(r.stars).toBe(3);
    const capped = score(simple(), { A1: "b", B1: "c", C1: "c" }); // 10 + 25 + 35 = 70
    expect(capped.starsByPoints).toBe(4);
    expect(capped.stars).toBe(3);
    expect(capped.markersMissed).toEqual([{ criterion: "A1", marker: 4, requiredPoints: 30, points: 10 }]);
  });

  it("a missed ★3 marker leaves the product at 2★, not recognised", () => {
    const r = score(simple(), { A1: "d", B1: "c", C1: "a" }); // 40 + 25 + 0 = 65
    expect(r.starsByPoints).toBe(3);
    expect(r.stars).toBe(2);
    expect(r.recognised).toBe(false);
  });

  it("only warns about markers when the version says so", () => {
    const sheet = testSheet(
      {
        A: [{ id: "A1", points: [0, 10, 30, 40], markers: { 2: 4 } }],
        B: [{ id: "B1", points: [0, 25] }],
        C: [{ id: "C1", points: [0, 35] }],
      },
      testVersion({ markerRule: "warning" }),
    );
    const r = score(sheet, { A1: "b", B1: "b", C1: "b" });
    expect(r.stars).toBe(4);
    expect(r.markersMissed).toHaveLength(1);
  });

  it("reports what is unanswered and the most still possible", () => {
    const r = score(simple(), { A1: "b" });
    expect(r.total).toBe(10);
    expect(r.unanswered).toEqual(["B1", "C1"]);
    expect(r.possibleMax).toBe(70);
    expect(r.answered).toBe(1);
  });

  it("ignores answers that name no option of the criterion", () => {
    const sheet = simple();
    const answers = { A1: "zz", B1: "b", X9: "a" };
    expect(score(sheet, answers).total).toBe(5);
    expect(answerProblems(sheet, answers)).toEqual([
      { code: "option-unknown", criterion: "A1", option: "zz" },
      { code: "criterion-unknown", criterion: "X9" },
    ]);
  });

  it("disqualifies on a requirement answered no, or a stop-at-zero criterion at 0", () => {
    const sheet = testSheet(
      {
        A: [{ id: "A1", points: [0, 40] }],
        B: [{ id: "B1", points: [0, 25] }],
        C: [{ id: "C1", points: [0, 35], stopIfZero: true }],
      },
      testVersion(),
      { disqualification: [{ id: "forged", requirement: "No forged papers", help: "h" }] },
    );
    const clean = score(sheet, { A1: "b", B1: "b", C1: "b" }, { clearances: { forged: true } });
    expect(clean.disqualified).toBe(false);
    expect(clean.pendingClearances).toEqual([]);
    const forged = score(sheet, { A1: "b", B1: "b", C1: "b" }, { clearances: { forged: false } });
    expect(forged.disqualified).toBe(true);
    expect(forged.recognised).toBe(false);
    expect(forged.stoppedBy).toEqual(["forged"]);
    const zero = score(sheet, { A1: "b", B1: "b", C1: "a" });
    expect(zero.stoppedBy).toEqual(["C1"]);
    expect(zero.pendingClearances).toEqual(["forged"]);
  });

  it("scores a sheet with cases using only the chosen case's options", () => {
    const sheet = testSheet(
      {
        A: [{ id: "A1", points: [0, 40] }],
        B: [{ id: "B1", points: [0, 25] }],
        C: [{ id: "C1", points: [10, 35, 5, 35], cases: ["1", "1", "2", "2"] }],
      },
      testVersion(),
      {
        cases: [
          { id: "1", title: "one" },
          { id: "2", title: "two" },
        ],
      },
    );
    expect(score(sheet, { C1: "c" }, { caseId: "2" }).total).toBe(5);
    expect(score(sheet, { C1: "c" }, { caseId: "1" }).unanswered).toContain("C1");
    // Each case keeps its own options however the cases are asked in turn.
    expect(score(sheet, { C1: "d" }, { caseId: "2" }).total).toBe(35);
    expect(score(sheet, { C1: "a" }, { caseId: "2" }).unanswered).toContain("C1");
    expect(answerProblems(sheet, { C1: "c" }, "1")).toEqual([{ code: "option-unknown", criterion: "C1", option: "c" }]);
  });
});
