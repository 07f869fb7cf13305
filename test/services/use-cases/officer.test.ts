// The officer's desk as use cases, without grammY, on a real database: the officer of the commune
// and the administrator may act; an officer of another commune, the producer, a member, a producer
// of another organisation and someone without an account are refused, and nothing changes.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../../src/db/client.js";
import { applicationEvents, applications, localEvaluations, officialResults, outbox } from "../../../src/db/schema.js";
import type { Actor } from "../../../src/services/core.js";
import { officerService } from "../../../src/services/officer.js";
import { databaseRows } from "../../helpers/database-rows.js";
import { ADMIN, CAI_NUOC, PHU_MY, type Producer, type World, world } from "../../helpers/world.js";

const OFFICER = 100;
const OTHER_OFFICER = 101;
const MEMBER = 201;
const STRANGER = 300;
/** A Monday in Vietnam, 10:00; the desk's clock is a week later. */
const RECEIVED = new Date("2026-03-02T03:00:00Z");
const NOW = new Date("2026-03-09T03:00:00Z");

let db: Db;
let w: World;
let p: Producer;
let stranger: Producer;
let notified: number;
let officer: ReturnType<typeof officerService>;

beforeEach(() => {
  db = openDatabase(":memory:");
  w = world(db);
  notified = 0;
  officer = officerService(w.coreDeps({ notify: () => notified++, now: () => NOW }));
  w.officer(OFFICER, [CAI_NUOC]);
  w.officer(OTHER_OFFICER, [PHU_MY]);
  p = w.producer(200, CAI_NUOC);
  w.member(p, MEMBER);
  stranger = w.producer(STRANGER, PHU_MY);
});
afterEach(() => db.$client.close());

/** Everything in the database: a refused action writes nothing anywhere. */
const snapshot = () => databaseRows(db);

const REFUSED: readonly [string, () => Actor][] = [
  ["an officer of another commune", () => OTHER_OFFICER],
  ["the producer", () => p.user.id],
  ["a member of the organisation", () => MEMBER],
  ["a producer of another organisation", () => stranger.user.id],
  ["someone without an account", () => undefined],
];

/** Every refused actor gets `reason`, nothing in the database changes and nobody is notified. */
function expectRefused(call: (actor: Actor) => { ok: boolean }, reason = "not-found") {
  for (const [who, actor] of REFUSED) {
    const before = snapshot();
    expect(call(actor()), who).toMatchObject({ ok: false, reason });
    expect(snapshot(), who).toEqual(before);
    expect(notified, who).toBe(0);
  }
}

const stateOf = (appId: number) => db.select().from(applications).where(eq(applications.id, appId)).get()!.state;

/** Records the producer's own option on every local criterion, as the officer. */
function evaluateAll(appId: number, actor: Actor = OFFICER) {
  const local = officer.localCriteria(actor, appId);
  if (!local.ok) throw new Error(local.reason);
  for (const c of local.criteria) expect(officer.evaluate(actor, appId, c.topic, c.producer!.id).ok).toBe(true);
}

describe("the inbox", () => {
  it("lists the officer's communes' filed applications with the working days left; the administrator sees all", () => {
    const received = w.filed(p, "Mật ong", RECEIVED, { by: OFFICER, at: RECEIVED });
    const submitted = w.filed(p, "Trà", new Date("2026-03-05T03:00:00Z"));
    const elsewhere = w.filed(stranger, "Nước mắm", new Date("2026-03-04T03:00:00Z"));
    w.draft(p, "Bánh chưng");

    const mine = officer.inbox(OFFICER, "all");
    expect(mine.ok && mine.applications).toEqual([
      {
        applicationId: submitted,
        product: "Trà",
        organisation: p.org.name,
        state: "submitted",
        submittedAt: new Date("2026-03-05T03:00:00Z"),
        workingDays: undefined,
      },
      {
        applicationId: received,
        product: "Mật ong",
        organisation: p.org.name,
        state: "received",
        submittedAt: RECEIVED,
        workingDays: { left: 10, deadline: "2026-03-23" },
      },
    ]);
    expect(mine.ok && mine.provinceDeadline).toEqual({ proposeBy: "2026-04-30", ratedBy: "2026-06-30" });
    const onlyReceived = officer.inbox(OFFICER, "received");
    expect(onlyReceived.ok && onlyReceived.applications.map((r) => r.applicationId)).toEqual([received]);

    const other = officer.inbox(OTHER_OFFICER, "open");
    expect(other.ok && other.applications.map((r) => r.applicationId)).toEqual([elsewhere]);
    const all = officer.inbox(ADMIN, "open");
    expect(all.ok && all.desk).toBe("all");
    expect(all.ok && all.applications.map((r) => r.applicationId)).toEqual([submitted, elsewhere, received]);
  });

  it("is refused to producers, members and someone without an account", () => {
    w.filed(p, "Mật ong", RECEIVED);
    for (const actor of [p.user.id, MEMBER, stranger.user.id, undefined])
      expect(officer.inbox(actor, "all")).toEqual({ ok: false, reason: "not-officer" });
  });
});

describe("an application", () => {
  it("shows the officer the producer, the evidence, the working days and the history", () => {
    const appId = w.filed(p, "Mật ong", RECEIVED, { by: OFFICER, at: RECEIVED });
    for (const actor of [OFFICER, ADMIN]) {
      const view = officer.view(actor, appId);
      if (!view.ok) throw new Error(view.reason);
      expect(view.producer).toEqual({ fullName: "Person 200", phone: "0912345678" });
      expect(view.files.length).toBeGreaterThan(0);
      expect(view.workingDays).toEqual({ left: 10, deadline: "2026-03-23" });
      // The draft was completed today, after the (earlier) filing and receipt the helper dated.
      expect(view.timeline.map((e) => e.action).sort()).toEqual(["complete", "receive", "submit"]);
      expect(view.calibration).toBeUndefined();
    }
  });

  it("is not found for anyone else, nor when it does not exist", () => {
    const appId = w.filed(p, "Mật ong", RECEIVED);
    expectRefused((actor) => officer.view(actor, appId));
    expectRefused((actor) => officer.open(actor, appId));
    expectRefused((actor) => officer.forms(actor, appId));
    expect(officer.view(OFFICER, appId + 100)).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("receiving and returning", () => {
  it("the officer receives: the days start, the producer and the member are told", () => {
    const appId = w.filed(p, "Mật ong", RECEIVED);
    const before = db.select().from(outbox).all().length;
    const done = officer.receive(OFFICER, appId);
    expect(done).toMatchObject({ ok: true, workingDays: { left: 15, deadline: "2026-03-30" } });
    expect(stateOf(appId)).toBe("received");
    expect(db.select().from(outbox).all().length - before).toBe(2);
    expect(notified).toBe(1);
    expect(officer.receive(OFFICER, appId)).toMatchObject({ ok: false, reason: "already", state: "received" });
  });

  it("nobody else receives, and nothing changes", () => {
    const appId = w.filed(p, "Mật ong", RECEIVED);
    expectRefused((actor) => officer.receive(actor, appId));
    expect(stateOf(appId)).toBe("submitted");
  });

  it("the administrator may receive an application of any commune", () => {
    const appId = w.filed(stranger, "Nước mắm", RECEIVED);
    expect(officer.receive(ADMIN, appId).ok).toBe(true);
    expect(stateOf(appId)).toBe("received");
  });

  it("a return needs the reasons; with them the application goes back to the producer", () => {
    const appId = w.filed(p, "Mật ong", RECEIVED);
    const before = snapshot();
    expect(officer.returnToProducer(OFFICER, appId, "  ")).toMatchObject({ ok: false, reason: "note-required" });
    expect(snapshot()).toEqual(before);
    expectRefused((actor) => officer.returnToProducer(actor, appId, "Thiếu ảnh nhãn sản phẩm"));
    expect(officer.returnToProducer(OFFICER, appId, "Thiếu ảnh nhãn sản phẩm").ok).toBe(true);
    expect(stateOf(appId)).toBe("returned");
    const event = db.select().from(applicationEvents).all().at(-1)!;
    expect(event).toMatchObject({ action: "return", note: "Thiếu ảnh nhãn sản phẩm", actorId: OFFICER });
    expect(notified).toBe(1);
  });
});

describe("the local criteria and forwarding", () => {
  it("the officer evaluates each local criterion with remarks, then forwards", () => {
    const appId = w.filed(p, "Mật ong", RECEIVED, { by: OFFICER, at: RECEIVED });
    expect(officer.forward(OFFICER, appId)).toMatchObject({ ok: false, reason: "local-missing" });
    const local = officer.localCriteria(OFFICER, appId);
    if (!local.ok) throw new Error(local.reason);
    expect(local.criteria.length).toBeGreaterThan(0);
    expect(officer.localProgress(OFFICER, appId)).toEqual({ ok: true, remaining: local.criteria.length });

    const [first] = local.criteria;
    expect(officer.noteLocal(OFFICER, appId, first!.topic, "Đã kiểm tra")).toEqual({
      ok: false,
      reason: "not-evaluated",
    });
    expect(officer.evaluate(OFFICER, appId, first!.topic, "no-such-option")).toEqual({
      ok: false,
      reason: "unknown-option",
    });
    expect(officer.evaluate(OFFICER, appId, first!.topic, first!.options[0]!.id)).toEqual({
      ok: true,
      unchanged: false,
    });
    expect(officer.evaluate(OFFICER, appId, first!.topic, first!.options[0]!.id)).toEqual({
      ok: true,
      unchanged: true,
    });
    expect(officer.noteLocal(OFFICER, appId, first!.topic, "Đã kiểm tra tại cơ sở")).toEqual({ ok: true });
    const again = officer.localCriteria(OFFICER, appId);
    expect(again.ok && again.criteria[0]!.chosen).toBe(first!.options[0]!.id);
    expect(db.select().from(localEvaluations).all()[0]).toMatchObject({ note: "Đã kiểm tra tại cơ sở" });

    evaluateAll(appId);
    expect(officer.localProgress(OFFICER, appId)).toEqual({ ok: true, remaining: 0 });
    const forms = officer.forms(OFFICER, appId);
    expect(forms.ok && Object.keys(forms.input.communeEvaluation ?? {}).sort()).toEqual(
      local.criteria.map((c) => c.topic).sort(),
    );
    expect(forms.ok && forms.producerName).toBe("Person 200");
    expect(officer.view(OFFICER, appId)).toMatchObject({ workingDays: { left: expect.any(Number) } });
    expect(officer.forward(OFFICER, appId).ok).toBe(true);
    // Forwarded, the commune's working days no longer run: none are shown.
    expect(officer.view(OFFICER, appId)).toMatchObject({ ok: true, workingDays: undefined });
    expect(stateOf(appId)).toBe("forwarded");
    expect(notified).toBe(1);
  });

  it("only for received applications", () => {
    const appId = w.filed(p, "Mật ong", RECEIVED);
    expect(officer.localCriteria(OFFICER, appId)).toEqual({ ok: false, reason: "state", state: "submitted" });
    expect(officer.localCriteria(ADMIN, appId)).toEqual({ ok: false, reason: "state", state: "submitted" });
  });

  it("nobody else evaluates, writes remarks or forwards, and nothing changes", () => {
    const appId = w.filed(p, "Mật ong", RECEIVED, { by: OFFICER, at: RECEIVED });
    const local = officer.localCriteria(OFFICER, appId);
    if (!local.ok) throw new Error(local.reason);
    const [first] = local.criteria;
    expect(officer.evaluate(OFFICER, appId, first!.topic, first!.options[0]!.id).ok).toBe(true);
    expectRefused((actor) => officer.localCriteria(actor, appId));
    expectRefused((actor) => officer.evaluate(actor, appId, first!.topic, first!.options[1]!.id));
    expectRefused((actor) => officer.noteLocal(actor, appId, first!.topic, "Không đạt"));
    expectRefused((actor) => officer.localProgress(actor, appId));
    evaluateAll(appId);
    expectRefused((actor) => officer.forward(actor, appId));
    expect(stateOf(appId)).toBe("received");
  });
});

describe("the official result", () => {
  function forwarded(): number {
    const appId = w.filed(p, "Mật ong", RECEIVED, { by: OFFICER, at: RECEIVED });
    evaluateAll(appId);
    expect(officer.forward(OFFICER, appId).ok).toBe(true);
    notified = 0;
    return appId;
  }

  it("the officer records the decision; the producer and the member are told", () => {
    const appId = forwarded();
    const result = { stars: 4, decisionNumber: "12/QĐ-UBND", decisionDate: "2026-03-06" };
    expect(officer.recordResult(OFFICER, appId, { ...result, decisionDate: "2026-03-10" })).toMatchObject({
      ok: false,
      reason: "result-invalid",
    });
    expect(stateOf(appId)).toBe("forwarded");
    expect(officer.recordResult(OFFICER, appId, result).ok).toBe(true);
    expect(stateOf(appId)).toBe("rated");
    expect(db.select().from(officialResults).all()).toMatchObject([{ applicationId: appId, ...result }]);
    expect(notified).toBe(1);
  });

  it("nobody else records it, and nothing changes", () => {
    const appId = forwarded();
    expectRefused((actor) =>
      officer.recordResult(actor, appId, { stars: 5, decisionNumber: "1/QĐ", decisionDate: "2026-03-06" }),
    );
    expect(stateOf(appId)).toBe("forwarded");
  });
});
