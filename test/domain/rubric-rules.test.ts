// The rubric engine's rules around the law's sheets: the "none of these" option, rubric versions in
// force, and which answers keep their meaning on another sheet.
import { describe, expect, it } from "vitest";
import { improvementPlan } from "../../src/domain/plan.js";
import { carryAnswers, NONE_OPTION_ID, optionsFor, versionBefore, versionInForce } from "../../src/domain/rubric.js";
import { validateSheet } from "../../src/domain/rubric-validation.js";
import { score } from "../../src/domain/scoring.js";
import { testSheet, testVersion } from "../helpers/rubric.js";

const NONE = { label: "Chưa đạt mức nào" };

describe("“none of these”", () => {
  const sheet = () =>
    testSheet(
      {
        A: [
          { id: "A1", points: [1, 3, 40], markers: { 0: 4 } }, // lowest option carries ★4
          { id: "A2", points: [0, 10] },
        ],
        B: [{ id: "B1", points: [0, 25] }],
        C: [{ id: "C1", points: [2, 35] }],
      },
      testVersion({ noneOption: NONE }),
    );

  it("is added, last and at 0 points, only where the lowest option scores above 0, from the version's flag", () => {
    const s = sheet();
    expect(s.criteria.map((c) => c.options.filter((o) => o.none).length)).toEqual([1, 0, 0, 1]);
    expect(s.criteria[0]!.options.at(-1)).toEqual({
      id: NONE_OPTION_ID,
      label: "Chưa đạt mức nào",
      points: 0,
      none: true,
    });
    // Without the flag the law's options stand alone.
    const bare = testSheet({
      A: [{ id: "A1", points: [1, 40] }],
      B: [{ id: "B1", points: [0, 25] }],
      C: [{ id: "C1", points: [2, 35] }],
    });
    expect(bare.criteria.flatMap((c) => c.options).some((o) => o.none)).toBe(false);
  });

  it("scores 0 and misses the markers of its criterion, which a law option never could", () => {
    const s = sheet();
    // Best elsewhere: A2 10 + B1 25 + C1 35 = 70. A1's lowest option (1 point) carries ★4.
    const withLowest = score(s, { A1: "a", A2: "b", B1: "b", C1: "b" });
    expect([withLowest.total, withLowest.stars, withLowest.markersMissed]).toEqual([71, 4, []]);
    const withNone = score(s, { A1: NONE_OPTION_ID, A2: "b", B1: "b", C1: "b" });
    expect([withNone.total, withNone.starsByPoints, withNone.stars]).toEqual([70, 4, 3]);
    expect(withNone.parts.A!.points).toBe(10);
    expect(withNone.markersMissed).toEqual([{ criterion: "A1", marker: 4, requiredPoints: 1, points: 0 }]);
    // The plan to 4★ starts from it: A1 must at least reach its ★4 option.
    const plan = improvementPlan(s, { A1: NONE_OPTION_ID, A2: "b", B1: "b", C1: "b" }, 4);
    expect(plan.steps).toEqual([
      { criterion: "A1", from: NONE_OPTION_ID, fromPoints: 0, to: "a", toPoints: 1, gain: 1 },
    ]);
  });

  it("belongs to the case that needs it in a sheet with cases", () => {
    const s = testSheet(
      {
        A: [{ id: "A1", points: [0, 40, 1, 40], cases: ["1", "1", "2", "2"] }],
        B: [{ id: "B1", points: [0, 25] }],
        C: [{ id: "C1", points: [0, 35] }],
      },
      testVersion({ noneOption: NONE }),
      {
        cases: [
          { id: "1", title: "one" },
          { id: "2", title: "two" },
        ],
      },
    );
    const a1 = s.criteria[0]!;
    expect(optionsFor(a1, "1").some((o) => o.none)).toBe(false);
    expect(optionsFor(a1, "2").at(-1)).toMatchObject({ id: NONE_OPTION_ID, case: "2" });
  });

  it("is the engine's: a sheet file may not use its id", () => {
    const version = testVersion({ noneOption: NONE });
    const problems = validateSheet(version, {
      productSet: "set",
      source: "t",
      corrections: [],
      cases: [],
      disqualification: [],
      parts: [
        {
          part: "A",
          groups: [
            {
              id: "A1",
              title: "A",
              maxPoints: 40,
              subgroups: [],
              criteria: [
                {
                  id: "A1.1",
                  title: "t",
                  help: "h",
                  maxPoints: 40,
                  evidence: [],
                  improvable: true,
                  stopIfZero: false,
                  options: [{ id: NONE_OPTION_ID, label: "x", points: 40 }],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(problems).toContainEqual({ code: "option-reserved", at: "A1.1", params: { option: NONE_OPTION_ID } });
  });
});

describe("rubric versions", () => {
  const v1048 = testVersion({ id: "v1048", isDefault: false, effectiveFrom: "2019-08-21", effectiveTo: "2023-02-23" });
  const v148 = testVersion({ id: "v148", isDefault: false, effectiveFrom: "2023-02-24", effectiveTo: "2026-05-21" });
  const v26 = testVersion({ id: "v26", effectiveFrom: "2026-05-22" });
  const versions = [v26, v148, v1048];

  it("finds the version in force on a day", () => {
    expect(versionInForce(versions, "2026-04-15")?.id).toBe("v148");
    expect(versionInForce(versions, "2026-05-22")?.id).toBe("v26");
    expect(versionInForce(versions, "2020-01-01")?.id).toBe("v1048");
    expect(versionInForce(versions, "2019-01-01")).toBeUndefined();
  });

  it("scores a dossier filed before a version took effect under the one in force the day before (Art. 12)", () => {
    expect(versionBefore(versions, v26)?.id).toBe("v148");
    expect(versionBefore(versions, v148)?.id).toBe("v1048");
    expect(versionBefore(versions, v1048)).toBeUndefined();
  });

  it("keeps the answers whose criterion has the same id and options, and only those", () => {
    const from = testSheet({
      A: [
        { id: "A1", points: [0, 40] },
        { id: "A2", points: [0, 10] },
      ],
      B: [{ id: "B1", points: [0, 25] }],
      C: [{ id: "C1", points: [0, 35] }],
    });
    const to = testSheet({
      A: [
        { id: "A1", points: [0, 40] },
        { id: "A3", points: [0, 10] },
      ],
      B: [{ id: "B1", points: [0, 5, 25] }],
      C: [{ id: "C1", points: [0, 35] }],
    });
    expect(carryAnswers(from, to, { A1: "b", A2: "a", B1: "b", C1: "a" })).toEqual({
      kept: { A1: "b", C1: "a" },
      dropped: ["A2", "B1"],
    });
  });
});
