// The producer's applications as use cases, without Telegram: filing, withdrawing, the status and
// the list, and the switch of rubric version. The owner and the organisation's members may act;
// a producer of another organisation, a member of another organisation, a commune officer and
// someone without consent are refused and change nothing.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../../src/db/client.js";
import { outbox } from "../../../src/db/schema.js";
import { loadAssessment } from "../../../src/services/assessment.js";
import { createServices, type Services } from "../../../src/services/index.js";
import { databaseRows } from "../../helpers/database-rows.js";
import { CAI_NUOC, catalog, PHU_MY, type Producer, type World, world } from "../../helpers/world.js";

let db: Db;
let w: World;
let services: Services;
let notified: number;
let owner: Producer;
let member: number;
let stranger: Producer;
let strangerMember: number;
const OFFICER = 300;
// Internal ids equal the Telegram ids given to world() (see known()).
const STRANGER = 200;
const STRANGER_MEMBER = 201;

/** Every row of every table: a refused use case writes nothing anywhere. */
const rows = () => databaseRows(db);

/**
 * A complete application with a file for every criterion that expects evidence; `tagged`: each file
 * says it proves only the criterion's first kind, so Mẫu 02 would list the other kinds as missing.
 */
function complete(p: Producer, name: string, tagged = false): number {
  const appId = w.draft(p, name);
  w.answer(appId, p.user.id);
  w.attachEvidence(appId, p.user.id, tagged);
  return appId;
}

const stateOf = (appId: number) => loadAssessment(db, catalog, appId)!.app.state;

beforeEach(() => {
  db = openDatabase(":memory:");
  w = world(db);
  notified = 0;
  services = createServices(w.coreDeps({ notify: () => notified++ }));
  w.officer(OFFICER, [CAI_NUOC]);
  owner = w.producer(100, CAI_NUOC);
  member = w.member(owner, 101);
  stranger = w.producer(STRANGER, PHU_MY);
  strangerMember = w.member(stranger, STRANGER_MEMBER);
  expect([stranger.user.id, strangerMember]).toEqual([STRANGER, STRANGER_MEMBER]);
});
afterEach(() => db.$client.close());

/** Those who may not act on the owner's applications. */
const refusedActors = () =>
  [
    ["a producer of another organisation", STRANGER],
    ["a member of another organisation", STRANGER_MEMBER],
    ["an officer of the commune", OFFICER],
    ["someone without consent", undefined],
  ] as const;

describe("filing an application", () => {
  it("the owner files a ready application: it is submitted, the commune's officers are told, the dispatcher woken", () => {
    const appId = complete(owner, "Mật ong");
    const result = services.applications.submit(owner.user.id, appId);
    expect(result).toMatchObject({ ok: true, from: "completed", to: "submitted", routing: "officers" });
    expect(stateOf(appId)).toBe("submitted");
    expect(
      db
        .select()
        .from(outbox)
        .all()
        .map((r) => r.recipientId),
    ).toContain(OFFICER);
    expect(notified).toBe(1);
  });

  it("a commune without officers: the administrators are told, or, with none set up, the producer hears that nobody was", () => {
    const appId = complete(stranger, "Nước mắm");
    expect(services.applications.submit(STRANGER, appId)).toMatchObject({ ok: true, routing: "no-officer" });

    const alone = createServices(w.coreDeps({ adminIds: [] }));
    const second = complete(stranger, "Nước mắm nhĩ");
    expect(alone.applications.submit(STRANGER, second)).toMatchObject({ ok: true, routing: "nobody" });
    expect(stateOf(second)).toBe("submitted");
  });

  it("a member of the organisation may file it too", () => {
    const appId = complete(owner, "Mật ong");
    expect(services.applications.submit(member, appId).ok).toBe(true);
    expect(stateOf(appId)).toBe("submitted");
  });

  it.each(refusedActors())("%s is refused and nothing changes", (_who, actor) => {
    const appId = complete(owner, "Mật ong");
    const before = rows();
    const result = services.applications.submit(actor, appId, true);
    expect(result.ok).toBe(false);
    expect(result.ok || ["role", "not-found"].includes(result.reason)).toBe(true);
    expect(rows()).toEqual(before);
    expect(notified).toBe(0);
  });

  it("an unfinished draft is not filed: the answer says what is missing, nothing is written", () => {
    const appId = w.draft(owner, "Mật ong");
    w.answer(appId, owner.user.id, 3);
    const before = rows();
    const result = services.applications.submit(owner.user.id, appId);
    expect(result).toMatchObject({ ok: false, reason: "not-ready", state: "draft", readiness: { ready: false } });
    expect(!result.ok && result.reason === "not-ready" && result.assessment.app.id).toBe(appId);
    expect(rows()).toEqual(before);
  });

  it("with evidence missing, the producer first sees what Mẫu 02 will list, then files once confirmed", () => {
    const appId = complete(owner, "Mật ong", true);
    const before = rows();
    const first = services.applications.submit(owner.user.id, appId);
    expect(first).toMatchObject({ ok: false, reason: "unconfirmed" });
    expect(!first.ok && first.reason === "unconfirmed" && first.readiness.evidenceKindsMissing.length).toBeGreaterThan(
      0,
    );
    expect(rows()).toEqual(before);
    expect(services.applications.submit(owner.user.id, appId, true).ok).toBe(true);
    expect(stateOf(appId)).toBe("submitted");
  });

  it("a second press says it is already filed and writes nothing more", () => {
    const appId = complete(owner, "Mật ong");
    expect(services.applications.submit(owner.user.id, appId).ok).toBe(true);
    const before = rows();
    expect(services.applications.submit(member, appId)).toMatchObject({
      ok: false,
      reason: "already",
      state: "submitted",
    });
    expect(rows()).toEqual(before);
  });
});

describe("/nop: the application to file", () => {
  it("is the organisation's finished one; a stranger is not offered it, someone without consent must register", () => {
    const appId = complete(owner, "Mật ong");
    expect(services.applications.toSubmit(owner.user.id)).toEqual({ kind: "application", applicationId: appId });
    expect(services.applications.toSubmit(stranger.user.id)).toEqual({ kind: "nothing" });
    expect(services.applications.toSubmit(undefined)).toEqual({ kind: "unregistered" });
    services.applications.submit(owner.user.id, appId);
    expect(services.applications.toSubmit(owner.user.id)).toEqual({
      kind: "filed",
      product: "Mật ong",
      state: "submitted",
    });
  });
});

describe("withdrawing a filed application", () => {
  it("the owner withdraws it before the commune receives it; the officers are told", () => {
    const appId = complete(owner, "Mật ong");
    services.applications.submit(owner.user.id, appId);
    const queued = db.select().from(outbox).all().length;
    notified = 0;
    expect(services.applications.withdraw(owner.user.id, appId)).toMatchObject({ ok: true, to: "withdrawn" });
    expect(stateOf(appId)).toBe("withdrawn");
    expect(db.select().from(outbox).all().length).toBeGreaterThan(queued);
    expect(notified).toBe(1);
  });

  it.each(refusedActors())("%s is refused and nothing changes", (_who, actor) => {
    const appId = complete(owner, "Mật ong");
    services.applications.submit(owner.user.id, appId);
    const before = rows();
    notified = 0;
    expect(services.applications.withdraw(actor, appId).ok).toBe(false);
    expect(rows()).toEqual(before);
    expect(notified).toBe(0);
  });
});

describe("the organisation's applications and their status", () => {
  it("the owner and members see the organisation's applications, no one else's", () => {
    const ours = w.draft(owner, "Mật ong");
    const theirs = w.draft(stranger, "Mật ong rừng");
    const ids = (actor: number | undefined) => services.applications.list(actor).map((r) => r.application.id);
    expect(ids(owner.user.id)).toEqual([ours]);
    expect(ids(member)).toEqual([ours]);
    expect(ids(stranger.user.id)).toEqual([theirs]);
    expect(ids(strangerMember)).toEqual([theirs]);
    expect(ids(undefined)).toEqual([]);
  });

  it("a member sees the state, the timeline of the filing and that it can be withdrawn", () => {
    const appId = complete(owner, "Mật ong");
    services.applications.submit(owner.user.id, appId);
    const status = services.applications.status(member, appId);
    expect(status).toMatchObject({ ok: true, canWithdraw: true, canSubmit: false, official: undefined });
    expect(status.ok && status.assessment.app.state).toBe("submitted");
    expect(status.ok && status.timeline.map((e) => [e.action, e.actorRole, e.actorName])).toEqual([
      ["complete", "system", ""],
      ["submit", "producer", "Person 100"],
    ]);
  });

  it.each(refusedActors())("%s does not see it", (_who, actor) => {
    const appId = complete(owner, "Mật ong");
    expect(services.applications.status(actor, appId)).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("switching the rubric version", () => {
  const RAU = "rau-cu-qua-hat-tuoi";

  it("a member moves the draft to the earlier version; the owner moves it back", () => {
    const appId = w.draft(owner, "Rau muống", RAU);
    const choice = services.rubricVersions.choice(member, appId);
    expect(choice.ok && choice.choice.switchTo?.id).toBe("qd148-2023/rau-cu-qua-hat-tuoi");
    expect(services.rubricVersions.switchVersion(member, appId, "qd148-2023")).toMatchObject({ ok: true });
    expect(loadAssessment(db, catalog, appId)!.sheet.id).toBe("qd148-2023/rau-cu-qua-hat-tuoi");
    expect(services.rubricVersions.switchVersion(owner.user.id, appId, "qd148-2023")).toEqual({
      ok: false,
      reason: "already",
    });
    expect(services.rubricVersions.switchVersion(owner.user.id, appId, "qd26-2026").ok).toBe(true);
  });

  it.each(refusedActors())("%s can neither see nor switch it, and nothing changes", (_who, actor) => {
    const appId = w.draft(owner, "Rau muống", RAU);
    w.answer(appId, owner.user.id, 5);
    const before = rows();
    expect(services.rubricVersions.choice(actor, appId)).toEqual({ ok: false, reason: "not-found" });
    expect(services.rubricVersions.switchVersion(actor, appId, "qd148-2023")).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(rows()).toEqual(before);
  });

  it("a filed application keeps its version: the refusal names its state", () => {
    const appId = complete(owner, "Mật ong");
    services.applications.submit(owner.user.id, appId);
    const before = rows();
    expect(services.rubricVersions.switchVersion(owner.user.id, appId, "qd148-2023")).toEqual({
      ok: false,
      reason: "not-editable",
      state: "submitted",
    });
    expect(rows()).toEqual(before);
  });
});
