// After the result as use cases, without a chat: a re-assessment for the producer's people, the
// council's points for the commune's officer; refused actors change nothing.
import { beforeEach, describe, expect, it, type Mock } from "vitest";
import { type Db, openDatabase } from "../../../src/db/client.js";
import type { Services } from "../../../src/services/index.js";
import { ADMIN, type Producer, type World } from "../../helpers/world.js";
import { MEMBER, OFFICER, OWNER, rows, STRANGERS, servicesWorld } from "./dossier-world.js";

let db: Db;
let w: World;
let services: Services;
let notify: Mock;
let producer: Producer;
let rated: number;
const POINTS = { A: 30, B: 18.5, C: 27 };

beforeEach(() => {
  db = openDatabase(":memory:");
  ({ w, services, notify, producer } = servicesWorld(db));
  rated = w.rated(producer, "Mật ong", OFFICER, { stars: 4, decisionDate: "2026-06-20" });
});

describe("a re-assessment", () => {
  it("is offered to the producer's people and started by a member from the last answers", () => {
    expect(services.reassessment.kinds(OWNER, rated)).toEqual(["re-evaluation", "upgrade"]);
    const started = services.reassessment.start(MEMBER, rated, "upgrade");
    if (!started.ok) throw new Error(started.reason);
    expect(started.assessment.app).toMatchObject({ state: "draft", createdBy: MEMBER });
    expect(started.assessment.product.name).toBe("Mật ong");
    // A re-evaluation pressed afterwards opens the upgrade, saying so.
    expect(services.reassessment.start(OWNER, rated, "re-evaluation")).toEqual({
      ok: false,
      reason: "exists",
      applicationId: started.assessment.app.id,
      kind: "upgrade",
    });
  });

  it.each([...STRANGERS, ["the officer of the commune", OFFICER] as const])("is not for %s", (_, actor) => {
    const before = rows(db);
    expect(services.reassessment.kinds(actor, rated)).toEqual([]);
    expect(services.reassessment.start(actor, rated, "re-evaluation")).toEqual({ ok: false, reason: "not-found" });
    expect(rows(db)).toEqual(before);
  });
});

describe("the council's points", () => {
  it("are recorded by the commune's officer, who gets the comparison; the producer's people are told", () => {
    expect(services.reassessment.pointsFor(OFFICER, rated).ok).toBe(true);
    const saved = services.reassessment.recordPoints(OFFICER, rated, POINTS);
    if (!saved.ok) throw new Error(saved.reason);
    expect(saved.calibration.total.official).toBe(75.5);
    expect(notify).toHaveBeenCalledTimes(1);
    const seen = services.reassessment.calibration(MEMBER, rated);
    expect(seen.ok && seen.calibration?.total.official).toBe(75.5);
    expect(services.reassessment.recordPoints(ADMIN, rated, { ...POINTS, A: 41 })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it.each([...STRANGERS, ["the producer", OWNER] as const])("are not recorded by %s", (_, actor) => {
    const before = rows(db);
    expect(services.reassessment.pointsFor(actor, rated)).toEqual({ ok: false, reason: "not-found" });
    expect(services.reassessment.recordPoints(actor, rated, POINTS)).toEqual({ ok: false, reason: "not-found" });
    expect(rows(db)).toEqual(before);
    expect(notify).not.toHaveBeenCalled();
  });

  it.each(STRANGERS)("are not shown to %s", (_, actor) => {
    services.reassessment.recordPoints(OFFICER, rated, POINTS);
    expect(services.reassessment.calibration(actor, rated)).toEqual({ ok: false, reason: "not-found" });
  });

  it("are asked only for a rated application", () => {
    const filed = w.filed(producer, "Trà", new Date(), { by: OFFICER, at: new Date() });
    expect(services.reassessment.pointsFor(OFFICER, filed)).toEqual({ ok: false, reason: "not-found" });
    expect(services.reassessment.recordPoints(OFFICER, filed, POINTS)).toEqual({ ok: false, reason: "not-found" });
  });
});
