import { describe, expect, it } from "vitest";
import {
  type EvidenceFile,
  itemKey,
  missingEvidenceKinds,
  nextStep,
  parseItemKey,
  readinessOf,
} from "../../src/domain/readiness.js";
import type { Sheet } from "../../src/domain/rubric.js";
import { type Answers, type Clearances, score } from "../../src/domain/scoring.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import { bestOption, testSheet } from "../helpers/rubric.js";

// A: two criteria expecting evidence (A2 either of two kinds); B: none; C: C7, C10 expecting test reports.
const sheet = () =>
  testSheet(
    {
      A: [
        { id: "A1", points: [0, 20], evidence: ["raw-material"] },
        { id: "A2", points: [0, 20], evidence: ["raw-material", "market"] },
      ],
      B: [{ id: "B1", points: [0, 25] }],
      C: [
        { id: "C7", points: [0, 5], evidence: ["test-report"] },
        { id: "C10", points: [0, 30], evidence: ["test-report", "quality-management"] },
      ],
    },
    undefined,
    {
      disqualification: [
        { id: "food-safety", requirement: "r", help: "h" },
        { id: "forgery", requirement: "r", help: "h" },
      ],
    },
  );

const best: Answers = { A1: "b", A2: "b", B1: "b", C7: "b", C10: "b" };
const cleared: Clearances = { "food-safety": true, forgery: true };

function check(s: Sheet, answers: Answers, clearances: Clearances, files: EvidenceFile[] = [], unregistered = false) {
  return readinessOf({
    clearanceIds: s.disqualification.map((d) => d.id),
    criteria: s.criteria,
    caseId: undefined,
    answers,
    score: score(s, answers, { clearances }),
    files,
    unregistered,
  });
}

const allFiles: EvidenceFile[] = ["A1", "A2", "C7", "C10"].map((criterionId) => ({ criterionId }));

describe("readiness to file", () => {
  it("is ready with every question answered and cleared, a file for each proven criterion, and 3★ or more", () => {
    const r = check(sheet(), best, cleared, allFiles);
    expect(r.ready).toBe(true);
    expect(r.items).toEqual([]);
    expect(r.evidenceKindsMissing).toEqual([]);
  });

  it("lists what is missing in the order to do it: conditions, a refused one, questions, evidence in rubric order", () => {
    const r = check(sheet(), { A1: "b", C7: "b", C10: "b" }, { forgery: false });
    expect(r.ready).toBe(false);
    expect(r.items.map(itemKey)).toEqual([
      "clearance:food-safety",
      "failed-clearance:forgery",
      "criterion:A2",
      "criterion:B1",
      // C7 before C10: rubric order, not text order.
      "evidence:A1",
      "evidence:C7",
      "evidence:C10",
    ]);
  });

  it("blocks a household without business registration, as the first item, however good the answers", () => {
    const r = check(sheet(), best, cleared, allFiles, true);
    expect(r.ready).toBe(false);
    expect(r.unregistered).toBe(true);
    expect(r.items).toEqual([{ kind: "registration" }]);
    expect(parseItemKey(itemKey({ kind: "registration" }))).toEqual({ kind: "registration" });
  });

  it("asks no evidence for a criterion answered with 0 points", () => {
    const r = check(
      sheet(),
      { ...best, A1: "a" },
      cleared,
      allFiles.filter((f) => f.criterionId !== "A1"),
    );
    expect(r.missingEvidence).toEqual([]);
    expect(r.ready).toBe(true);
  });

  it("adds the score as the last item only when everything is answered and not disqualified", () => {
    const low: Answers = { A1: "b", A2: "a", B1: "a", C7: "a", C10: "a" }; // 20 points: 1★
    const r = check(sheet(), low, cleared, [{ criterionId: "A1" }]);
    expect(r.belowThree).toBe(true);
    expect(r.items.map(itemKey)).toEqual(["score"]);
    expect(check(sheet(), low, { ...cleared, forgery: false }, [{ criterionId: "A1" }]).items.map(itemKey)).toEqual([
      "failed-clearance:forgery",
    ]);
    expect(check(sheet(), { A1: "b" }, cleared).items.map(itemKey)).not.toContain("score");
  });
});

describe("the evidence kinds Mẫu 02 lists as missing", () => {
  it("are those of the table no file covers: an untagged file covers its criterion's kinds, a tagged one its own", () => {
    const s = sheet();
    const files: EvidenceFile[] = [
      { criterionId: "A1" },
      { criterionId: "A2", kind: "market" },
      { criterionId: "C10", kind: "test-report" },
    ];
    expect(missingEvidenceKinds(s.criteria, best, undefined, files)).toEqual([
      { kind: "raw-material", criteria: ["A2"] },
      { kind: "test-report", criteria: ["C7"] },
      { kind: "quality-management", criteria: ["C10"] },
    ]);
    // Filing is blocked only by C7, which has no file at all; the rest is a warning.
    const r = check(s, best, cleared, files);
    expect(r.missingEvidence).toEqual(["C7"]);
    expect(r.evidenceKindsMissing).toEqual(missingEvidenceKinds(s.criteria, best, undefined, files));
    const withC7 = check(s, best, cleared, [...files, { criterionId: "C7" }]);
    expect(withC7.ready).toBe(true);
    expect(withC7.evidenceKindsMissing.map((m) => m.kind)).toEqual(["raw-material", "quality-management"]);
  });

  it("name criteria in rubric order on a shipped sheet (C7 before C10 before C12)", () => {
    const honey = loadCatalog().value!.sheetFor("qd26-2026", "mat-ong-mat-khac-va-nong-san-thuc-pham-khac")!;
    const answers = Object.fromEntries(honey.criteria.map((c) => [c.id, bestOption(c).id]));
    const missing = missingEvidenceKinds(honey.criteria, answers, undefined, []);
    const order = honey.criteria.map((c) => c.id);
    for (const m of missing)
      expect(m.criteria).toEqual([...m.criteria].sort((x, y) => order.indexOf(x) - order.indexOf(y)));
    expect(missing.flatMap((m) => m.criteria)).toContain("C10");
  });
});

describe("walking through the missing items", () => {
  it("opens the questions and the evidence one after another, passing over what was skipped", () => {
    const r = check(sheet(), { A1: "b", C7: "b", C10: "b" }, { forgery: false });
    expect(nextStep(r)).toEqual({ kind: "clearance", id: "food-safety" });
    // A refused condition is not reopened on its own: it is in the summary with its button.
    expect(nextStep(r, { kind: "clearance", id: "food-safety" })).toEqual({ kind: "criterion", id: "A2" });
    expect(nextStep(r, { kind: "criterion", id: "B1" })).toEqual({ kind: "evidence", id: "A1" });
    // Evidence passed over (Done without a file): the next one, never back to it.
    expect(nextStep(r, { kind: "evidence", id: "C7" })).toEqual({ kind: "evidence", id: "C10" });
    expect(nextStep(r, { kind: "evidence", id: "C10" })).toBeUndefined();
  });

  it("goes on from an item that is done (no longer missing) to the next one after it", () => {
    const before = check(sheet(), { A1: "b", C7: "b", C10: "b" }, cleared);
    const after = check(sheet(), { A1: "b", A2: "b", C7: "b", C10: "b" }, cleared);
    expect(nextStep(before, { kind: "criterion", id: "A2" })).toEqual({ kind: "criterion", id: "B1" });
    expect(nextStep(after, { kind: "criterion", id: "A2" })).toEqual({ kind: "criterion", id: "B1" });
  });

  it("reads item keys back from callback data, and nothing else", () => {
    for (const key of ["clearance:food-safety", "failed-clearance:x", "criterion:C6.1", "evidence:A1", "score"])
      expect(itemKey(parseItemKey(key)!)).toBe(key);
    for (const bad of ["", ":A1", "evidence:", "delete:A1", "score:1", "criterion"])
      expect(parseItemKey(bad), bad).toBeUndefined();
  });
});
