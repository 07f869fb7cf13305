// The self-assessment's use cases without any channel: who may answer, what an answer returns, and
// that a refused actor changes nothing.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Db, openDatabase } from "../../../src/db/client.js";
import { applications } from "../../../src/db/schema.js";
import { assessmentScore, loadAssessment } from "../../../src/services/assessment.js";
import { createServices, type Services } from "../../../src/services/index.js";
import { databaseRows } from "../../helpers/database-rows.js";
import { ADMIN, CAI_NUOC, catalog, PHU_MY, type Producer, type World, world } from "../../helpers/world.js";

let db: Db;
let w: World;
let services: Services;
let owner: Producer;
let appId: number;

beforeEach(() => {
  db = openDatabase(":memory:");
  w = world(db);
  services = createServices(w.coreDeps());
  owner = w.producer(101, CAI_NUOC);
  appId = w.draft(owner, "Mật ong hoa nhãn");
});
afterEach(() => db.$client.close());

const firstCriterion = () => loadAssessment(db, catalog, appId)!.criteria[0]!;

describe("answer", () => {
  it("saves the owner's answer and returns whether it changed and the next question; the score counts it", () => {
    const a = loadAssessment(db, catalog, appId)!;
    const criterion = firstCriterion();
    const best = criterion.options.reduce((x, y) => (y.points > x.points ? y : x));

    const first = services.assessment.answer(owner.user.id, appId, criterion.id, best.id);
    expect(first).toMatchObject({ ok: true, changed: true, previous: undefined, completed: false });
    if (!first.ok) return;
    expect(first.next).toBe(a.criteria[1]!.id); // on from the question answered
    expect(assessmentScore(first.assessment).total).toBe(best.points);
    expect(loadAssessment(db, catalog, appId)!.answers[criterion.id]).toBe(best.id);

    const before = databaseRows(db);
    const again = services.assessment.answer(owner.user.id, appId, criterion.id, best.id);
    expect(again).toMatchObject({ ok: true, changed: false, previous: best.id });
    expect(databaseRows(db), "the same answer again writes nothing").toEqual(before);
  });

  it("completes the draft with the last answer, through the life cycle with its audit event", () => {
    const a = loadAssessment(db, catalog, appId)!;
    w.answer(appId, owner.user.id, a.order.length - 1);
    const last = loadAssessment(db, catalog, appId)!.order.find(
      (k) => !(k in loadAssessment(db, catalog, appId)!.answers) && !k.startsWith("dq:"),
    )!;
    const option = a.criteria.find((c) => c.id === last)!.options[0]!;

    const done = services.assessment.answer(owner.user.id, appId, last, option.id);
    expect(done).toMatchObject({ ok: true, completed: true, next: undefined });
    const rows = databaseRows(db);
    expect(rows.applications).toContainEqual(expect.objectContaining({ id: appId, state: "completed" }));
    expect(rows.application_events).toContainEqual(
      expect.objectContaining({
        application_id: appId,
        action: "complete",
        from_state: "draft",
        to_state: "completed",
      }),
    );
  });

  it("moves the application's last activity at most once a minute while answering, and at completion", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const lastActivity = () => db.select().from(applications).where(eq(applications.id, appId)).get()!.updatedAt;
      const created = lastActivity().getTime();
      const questions = loadAssessment(db, catalog, appId)!.order;
      const answerAt = (seconds: number, key: string) => {
        vi.setSystemTime(created + seconds * 1000);
        const criterion = loadAssessment(db, catalog, appId)!.criteria.find((c) => c.id === key);
        const value = criterion ? criterion.options[0]!.id : true;
        expect(services.assessment.answer(owner.user.id, appId, key, value)).toMatchObject({ ok: true });
        return lastActivity().getTime() - created;
      };
      expect(answerAt(30, questions[0]!)).toBe(0);
      expect(answerAt(61, questions[1]!)).toBe(61_000);
      expect(answerAt(90, questions[2]!)).toBe(61_000);
      expect(loadAssessment(db, catalog, appId)!.app.updatedAt.getTime() - created).toBe(61_000);
      for (const [i, key] of questions.slice(3, -1).entries()) answerAt(91 + i / 100, key);
      expect(answerAt(100, questions.at(-1)!), "the completion is a change of state").toBe(100_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it("lets a member of the organisation answer too", () => {
    const member = w.member(owner, 102);
    const criterion = firstCriterion();
    expect(services.assessment.answer(member, appId, criterion.id, criterion.options[0]!.id)).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ["a producer of another organisation", () => w.producer(201, CAI_NUOC).user.id],
    ["a member of another organisation", () => w.member(w.producer(202, PHU_MY), 203)],
    ["the commune's officer", () => w.officer(301, [CAI_NUOC])],
    ["an officer of another commune", () => w.officer(302, [PHU_MY])],
    ["the administrator", () => ADMIN],
    ["someone without consent", () => undefined],
  ])("refuses %s as not found, changing nothing", (_who, actor) => {
    const who = actor();
    const criterion = firstCriterion();
    const before = databaseRows(db);
    expect(services.assessment.answer(who, appId, criterion.id, criterion.options[0]!.id)).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(services.assessment.open(who, appId)).toEqual({ ok: false, reason: "not-found" });
    expect(services.assessment.result(who, appId)).toEqual({ ok: false, reason: "not-found" });
    expect(services.assessment.readiness(who, appId)).toEqual({ ok: false, reason: "not-found" });
    expect(databaseRows(db)).toEqual(before);
  });

  it("refuses a filed application's answers, an unknown question and an option of another criterion, changing nothing", () => {
    const filed = w.filed(owner, "Mật ong bạc hà", new Date());
    const criterion = loadAssessment(db, catalog, filed)!.criteria[0]!;
    const other = loadAssessment(db, catalog, filed)!.criteria[1]!;
    const before = databaseRows(db);
    expect(services.assessment.answer(owner.user.id, filed, criterion.id, criterion.options[0]!.id)).toEqual({
      ok: false,
      reason: "not-editable",
      state: "submitted",
    });
    expect(services.assessment.answer(owner.user.id, appId, "Z9.9", "a")).toEqual({
      ok: false,
      reason: "unknown-question",
    });
    expect(services.assessment.answer(owner.user.id, appId, criterion.id, `${other.options[0]!.id}-x`)).toEqual({
      ok: false,
      reason: "unknown-option",
    });
    expect(databaseRows(db)).toEqual(before);
  });
});

describe("forCommand", () => {
  it("never takes another organisation's application from the chat: the actor's own draft instead", () => {
    const other = w.producer(201, CAI_NUOC);
    const theirs = w.draft(other, "Nước mắm");
    const target = services.assessment.forCommand(owner.user.id, theirs);
    expect(target.kind === "application" && target.assessment.app.id).toBe(appId);
    expect(services.assessment.forCommand(undefined, appId)).toEqual({ kind: "unregistered" });
  });
});
