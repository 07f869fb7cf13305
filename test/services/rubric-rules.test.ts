// The rules around the rubric, on a real database: a household without business registration may
// self-assess but not file; an application filed before 22/5/2026 moves to Decision 148/2023's sheet
// where the bot has it.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/db/client.js";
import { applicationEvents, clearances } from "../../src/db/schema.js";
import { loadAssessment, applicationReadiness as readiness } from "../../src/services/assessment.js";
import { saveOrganisation } from "../../src/services/people.js";
import { rubricVersionChoice, switchRubricVersion } from "../../src/services/rubric-versions.js";
import { act } from "../../src/services/workflow.js";
import { CAI_NUOC, catalog, type World, world } from "../helpers/world.js";

let db: Db;
let w: World;
const RAU = "rau-cu-qua-hat-tuoi";

beforeEach(() => {
  db = openDatabase(":memory:");
  w = world(db);
});
afterEach(() => db.$client.close());

function complete(appId: number, userId: number) {
  w.answer(appId, userId);
  w.attachEvidence(appId, userId);
  return loadAssessment(db, catalog, appId)!;
}

describe("a household without business registration", () => {
  it("self-assesses to the end but is not ready to file until it registers (Decision 26/2026, Art. 2)", () => {
    const p = w.producer(200, CAI_NUOC, "vi", { type: "household", businessRegistered: false });
    const appId = w.draft(p, "Mật ong");
    const a = complete(appId, 200);
    expect(a.app.state).toBe("completed");
    const r = readiness(db, a);
    expect(r).toMatchObject({
      ready: false,
      unregistered: true,
      unanswered: [],
      missingEvidence: [],
      belowThree: false,
    });
    expect(act(w.workflow(), 200, appId, "submit")).toMatchObject({ ok: false, reason: "not-ready" });

    saveOrganisation(db, p.user, { businessRegistered: true });
    expect(readiness(db, loadAssessment(db, catalog, appId)!)).toMatchObject({ ready: true, unregistered: false });
    expect(act(w.workflow(), 200, appId, "submit").ok).toBe(true);
  });

  it("is only a household that said so: other types and unasked households are not held back", () => {
    for (const [id, org] of [
      [300, { type: "cooperative" as const }],
      [301, { type: "household" as const }],
    ] as const) {
      const p = w.producer(id, CAI_NUOC, "vi", org);
      expect(readiness(db, complete(w.draft(p, "Mật ong"), id)).unregistered).toBe(false);
    }
  });
});

describe("rubric versions", () => {
  it("moves a dossier filed before 22/5/2026 to Decision 148/2023's sheet, and back, recorded in the trail", () => {
    const p = w.producer(200, CAI_NUOC);
    const appId = w.draft(p, "Rau muống", RAU);
    w.answer(appId, 200, 6);
    const a = loadAssessment(db, catalog, appId)!;
    const choice = rubricVersionChoice(catalog, a);
    expect(choice.current.id).toBe("qd26-2026");
    expect(choice.earlier?.id).toBe("qd148-2023");
    expect(choice.switchTo?.id).toBe("qd148-2023/rau-cu-qua-hat-tuoi");
    // The two sheets share no criterion with the same id and options: every answer is asked again.
    expect(choice).toMatchObject({ kept: 0, dropped: 6 - a.sheet.disqualification.length, editable: true });

    const moved = switchRubricVersion(db, catalog, a, "qd148-2023", 200);
    expect(moved).toMatchObject({ ok: true, kept: 0 });
    const after = loadAssessment(db, catalog, appId)!;
    expect(after.sheet.id).toBe("qd148-2023/rau-cu-qua-hat-tuoi");
    expect(after.answers).toEqual({});
    // Disqualification answers stay where the old sheet asks the same question.
    const asked = new Set(after.sheet.disqualification.map((d) => d.id));
    expect(Object.keys(after.clearances).every((id) => asked.has(id))).toBe(true);
    expect(db.select().from(clearances).where(eq(clearances.applicationId, appId)).all().length).toBe(
      Object.keys(after.clearances).length,
    );
    // A second press finds it done.
    expect(switchRubricVersion(db, catalog, a, "qd148-2023", 200)).toEqual({ ok: false, reason: "already" });

    expect(rubricVersionChoice(catalog, after).switchTo?.id).toBe("qd26-2026/rau-cu-qua-hat-tuoi");
    expect(switchRubricVersion(db, catalog, after, "qd26-2026", 200).ok).toBe(true);
    const trail = db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, appId)).all();
    expect(trail.map((e) => [e.action, e.note])).toEqual([
      ["rubric-version", "qd26-2026 → qd148-2023"],
      ["rubric-version", "qd148-2023 → qd26-2026"],
    ]);
  });

  it("says plainly when the earlier sheet of the product set is not shipped, and never moves it", () => {
    const p = w.producer(200, CAI_NUOC);
    const a = loadAssessment(db, catalog, w.draft(p, "Mật ong"))!;
    const choice = rubricVersionChoice(catalog, a);
    expect(choice.switchTo).toBeUndefined();
    expect(choice.earlierSets).toEqual(["Rau, củ, quả, hạt tươi"]);
    expect(switchRubricVersion(db, catalog, a, "qd148-2023", 200)).toEqual({ ok: false, reason: "no-sheet" });
  });

  it("cannot change once the application is submitted", () => {
    const p = w.producer(200, CAI_NUOC);
    const appId = w.filed(p, "Mật ong", new Date());
    const a = loadAssessment(db, catalog, appId)!;
    expect(rubricVersionChoice(catalog, a).editable).toBe(false);
    expect(switchRubricVersion(db, catalog, a, "qd148-2023", 200)).toEqual({ ok: false, reason: "not-editable" });
  });
});
