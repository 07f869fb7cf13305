// After the official result, on a real database: certificate-expiry reminders to the producer and
// members, re-assessment and upgrade from the last answers, and the council's points per part.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/db/client.js";
import { answers, dossierFields, evidence, reminders } from "../../src/db/schema.js";
import { loadAssessment } from "../../src/services/assessment.js";
import {
  calibrationOf,
  calibrationSummary,
  parsePartPoints,
  recordOfficialPoints,
} from "../../src/services/calibration.js";
import { createMemberInvite, redeemInvite } from "../../src/services/membership.js";
import { findUser } from "../../src/services/people.js";
import { reassessmentKinds, startReassessment } from "../../src/services/reassessment.js";
import { type ReminderDeps, runReminders, setRemindersOff } from "../../src/services/reminders.js";
import {
  ADMIN,
  CAI_NUOC,
  catalog,
  holidays,
  PHU_MY,
  type Producer,
  telegramOutbox,
  units,
  type World,
  world,
} from "../helpers/world.js";

let db: Db;
let w: World;
let deps: ReminderDeps;
const OFFICER = 100;

beforeEach(() => {
  db = openDatabase(":memory:");
  w = world(db);
  deps = { db, catalog, adminUnits: units, holidays, adminIds: [ADMIN] };
  w.officer(OFFICER, [CAI_NUOC]);
});
afterEach(() => db.$client.close());

/** 08:00 in Vietnam on a day. */
const at8 = (day: string) => new Date(`${day}T01:00:00Z`);
const certificateRows = () => {
  const chats = new Set(
    db
      .select()
      .from(reminders)
      .where(eq(reminders.kind, "certificate"))
      .all()
      .map((r) => r.userId),
  );
  return telegramOutbox(db).filter((r) => chats.has(r.chatId) && r.replyMarkup?.includes('"ra:'));
};

function withMember(p: Producer, memberId: number, language = "vi") {
  const member = w.person(memberId, language);
  expect(redeemInvite(db, "member", createMemberInvite(db, p.org.id, p.user.id).code, member.id).ok).toBe(true);
}

describe("certificate expiry reminders", () => {
  // Recognised 4★ on 15/03/2024: valid until 15/03/2027; re-rating filed 16/09/2026 – 15/11/2026.
  const DECISION = "2024-03-15";
  let appId: number;
  let p: Producer;

  beforeEach(() => {
    p = w.producer(200, CAI_NUOC);
    withMember(p, 201, "en");
    appId = w.rated(p, "Mật ong <hoa> tràm", OFFICER, { stars: 4, decisionDate: DECISION });
  });

  it("reach the producer and every member at 6 months, once, with the re-rating window and buttons", () => {
    expect(runReminders(deps, at8("2026-09-14")).certificates).toBe(0);
    expect(runReminders(deps, at8("2026-09-15")).certificates).toBe(2);
    expect(runReminders(deps, at8("2026-09-16")).certificates).toBe(0);
    expect(runReminders(deps, at8("2026-11-20")).certificates).toBe(0); // 32 months old: already told
    const rows = certificateRows();
    expect(rows.map((r) => r.chatId).sort()).toEqual([200, 201]);
    const vi = rows.find((r) => r.chatId === 200)!;
    expect(vi.text).toContain(
      "Giấy chứng nhận OCOP 4★ của “Mật ong &lt;hoa&gt; tràm” hết hạn ngày <b>15/03/2027</b> (còn khoảng 6 tháng)",
    );
    expect(vi.text).toContain("<b>16/09/2026 – 15/11/2026</b>");
    expect(
      JSON.parse(vi.replyMarkup!)
        .inline_keyboard.flat()
        .map((b: { callback_data: string }) => b.callback_data),
    ).toEqual([`ra:${appId}:r`, `ra:${appId}:u`, "rem:off"]);
    expect(rows.find((r) => r.chatId === 201)!.text).toContain("expires on <b>15/03/2027</b>");
  });

  it("remind again at 3 months, saying the filing deadline has passed, and never after expiry", () => {
    runReminders(deps, at8("2026-10-01"));
    expect(runReminders(deps, at8("2026-12-15")).certificates).toBe(2);
    expect(runReminders(deps, at8("2026-12-16")).certificates).toBe(0);
    const three = certificateRows().filter((r) => r.text.includes("3 tháng"));
    expect(three).toHaveLength(1);
    expect(three[0]!.text).toContain("là 15/11/2026, đã qua");
    expect(runReminders(deps, at8("2027-03-16")).certificates).toBe(0);
  });

  it("send only the nearer reminder when the bot was down at the first one", () => {
    expect(runReminders(deps, at8("2027-01-10")).certificates).toBe(2);
    expect(certificateRows().every((r) => r.text.includes("3 tháng") || r.text.includes("3 months"))).toBe(true);
  });

  it("skip people who turned reminders off, products re-assessed already, and results below 3★", () => {
    setRemindersOff(db, 201, true);
    const low = w.producer(300, CAI_NUOC);
    w.rated(low, "Mắm", OFFICER, { stars: 2, decisionDate: DECISION });
    expect(runReminders(deps, at8("2026-09-15")).certificates).toBe(1);
    const other = w.producer(400, CAI_NUOC);
    const renewed = w.rated(other, "Trà", OFFICER, { stars: 3, decisionDate: DECISION });
    expect(startReassessment(db, catalog, other.user, renewed, "re-evaluation").ok).toBe(true);
    expect(runReminders(deps, at8("2026-12-15")).certificates).toBe(1); // only 200's 3-month reminder
  });
});

describe("re-assessment and upgrade", () => {
  let p: Producer;
  let rated: number;

  beforeEach(() => {
    p = w.producer(200, CAI_NUOC);
    rated = w.rated(p, "Mật ong", OFFICER, { stars: 4, decisionDate: "2024-03-15" });
  });

  it("are offered by the official result: re-rating and upgrade from 3★–4★, a new first rating below 3★", () => {
    const app = loadAssessment(db, catalog, rated)!.app;
    expect(reassessmentKinds(db, app)).toEqual(["re-evaluation", "upgrade"]);
    const five = w.rated(w.producer(300, CAI_NUOC), "Trà", OFFICER, { stars: 5, decisionDate: "2024-03-15" });
    expect(reassessmentKinds(db, loadAssessment(db, catalog, five)!.app)).toEqual(["re-evaluation"]);
    const two = w.rated(w.producer(400, CAI_NUOC), "Mắm", OFFICER, { stars: 2, decisionDate: "2024-03-15" });
    expect(reassessmentKinds(db, loadAssessment(db, catalog, two)!.app)).toEqual(["first"]);
    expect(reassessmentKinds(db, loadAssessment(db, catalog, w.draft(p, "Nháp"))!.app)).toEqual([]);
  });

  it("start a new draft of the product from the last answers and evidence, with the registration kind", () => {
    const before = loadAssessment(db, catalog, rated)!;
    const started = startReassessment(db, catalog, p.user, rated, "upgrade");
    if (!started.ok) throw new Error(started.reason);
    const a = loadAssessment(db, catalog, started.application.id)!;
    expect(a.product.id).toBe(before.product.id);
    expect(a.app.state).toBe("draft");
    expect(a.answers).toEqual(before.answers);
    expect(started).toMatchObject({ kept: before.criteria.length, asked: 0 });
    expect(a.clearances).toEqual({}); // the dossier conditions are asked again
    const files = (id: number) =>
      db
        .select()
        .from(evidence)
        .where(eq(evidence.applicationId, id))
        .all()
        .map((f) => [f.criterionId, f.fileId]);
    expect(files(a.app.id)).toEqual(files(rated));
    expect(
      db
        .select()
        .from(dossierFields)
        .where(eq(dossierFields.scopeId, a.app.id))
        .all()
        .map((f) => [f.key, f.value]),
    ).toEqual([["registration-kind", "upgrade"]]);
    // The rated application keeps its answers and result.
    expect(loadAssessment(db, catalog, rated)!.app.state).toBe("rated");
    expect(db.select().from(answers).where(eq(answers.applicationId, rated)).all()).toHaveLength(
      before.criteria.length,
    );
  });

  it("happen once: a second press, or a member's, gets the same new application", () => {
    withMember(p, 201);
    const first = startReassessment(db, catalog, p.user, rated, "re-evaluation");
    const again = startReassessment(db, catalog, findUser(db, 201)!, rated, "re-evaluation");
    expect(first.ok).toBe(true);
    expect(again).toMatchObject({
      ok: false,
      reason: "exists",
      application: { id: (first as { application: { id: number } }).application.id },
    });
  });

  it("are refused to strangers and for kinds the result does not allow", () => {
    const stranger = w.producer(900, PHU_MY);
    expect(startReassessment(db, catalog, stranger.user, rated, "re-evaluation")).toEqual({
      ok: false,
      reason: "role",
    });
    expect(startReassessment(db, catalog, p.user, rated, "first")).toEqual({ ok: false, reason: "kind" });
  });
});

describe("the council's points per part", () => {
  let p: Producer;
  let rated: number;

  beforeEach(() => {
    p = w.producer(200, CAI_NUOC);
    withMember(p, 201, "en");
    rated = w.rated(p, "Mật ong", OFFICER, { stars: 4, decisionDate: "2026-06-20" });
  });

  it("are typed as officers write them, and refused outside each part's range", () => {
    const parts = catalog.defaultVersion.parts;
    expect(parsePartPoints("32,5 18 27", parts)).toEqual({ A: 32.5, B: 18, C: 27 });
    expect(parsePartPoints("32.5/18/27", parts)).toEqual({ A: 32.5, B: 18, C: 27 });
    expect(parsePartPoints("32, 18, 27", parts)).toEqual({ A: 32, B: 18, C: 27 });
    for (const bad of ["41 18 27", "32 18", "32 18 27 1", "ba mươi 18 27", "32,55 18 27", "-1 18 27", ""])
      expect(parsePartPoints(bad, parts)).toBeUndefined();
  });

  it("are recorded by the commune's officer, and the producer and members see their score beside them", () => {
    const a = loadAssessment(db, catalog, rated)!;
    const self = calibrationOf(db, a);
    expect(self).toBeUndefined();
    expect(recordOfficialPoints(w.workflow(), OFFICER, rated, { A: 30, B: 18.5, C: 27 })).toEqual({ ok: true });
    const c = calibrationOf(db, a)!;
    const { parts } = c;
    expect(parts.map((x) => x.official)).toEqual([30, 18.5, 27]);
    expect(parts.map((x) => x.gap)).toEqual(parts.map((x) => Math.round((x.self - x.official) * 10) / 10));
    expect(c.total.official).toBe(75.5);
    const sent = telegramOutbox(db).filter(
      (r) => r.text.includes("Điểm hội đồng từng phần") || r.text.includes("council's points per part"),
    );
    expect(sent.map((r) => r.chatId).sort()).toEqual([200, 201]);
    expect(sent.find((r) => r.chatId === 200)!.text).toContain(`Phần B: bạn ${parts[1]!.self} · hội đồng 18,5 /25`);
    expect(sent.find((r) => r.chatId === 201)!.text).toContain(`Part B: you ${parts[1]!.self} · council 18.5 /25`);
  });

  it("are refused to producers, other communes' officers, unrated applications and impossible points", () => {
    w.officer(101, [PHU_MY]);
    expect(recordOfficialPoints(w.workflow(), 200, rated, { A: 30, B: 18, C: 27 })).toEqual({
      ok: false,
      reason: "role",
    });
    expect(recordOfficialPoints(w.workflow(), 101, rated, { A: 30, B: 18, C: 27 })).toEqual({
      ok: false,
      reason: "role",
    });
    expect(recordOfficialPoints(w.workflow(), OFFICER, rated, { A: 45, B: 18, C: 27 })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const received = w.filed(p, "Trà", new Date(), { by: OFFICER, at: new Date() });
    expect(recordOfficialPoints(w.workflow(), OFFICER, received, { A: 30, B: 18, C: 27 })).toEqual({
      ok: false,
      reason: "state",
    });
    expect(recordOfficialPoints(w.workflow(), ADMIN, rated, { A: 30, B: 18, C: 27 })).toEqual({ ok: true });
  });

  it("give officers the average gap over their communes, and per commune", () => {
    w.officer(101, [CAI_NUOC, PHU_MY]);
    expect(calibrationSummary(db, catalog, [CAI_NUOC])).toBeUndefined();
    // Both producers scored themselves 40 / 25 / 35 (the best options).
    expect(recordOfficialPoints(w.workflow(), OFFICER, rated, { A: 30, B: 20, C: 25 })).toEqual({ ok: true }); // gaps 10 / 5 / 10
    const other = w.rated(w.producer(300, PHU_MY), "Mắm", 101, { stars: 4, decisionDate: "2026-06-20" });
    expect(recordOfficialPoints(w.workflow(), 101, other, { A: 35, B: 22, C: 29.5 })).toEqual({ ok: true }); // gaps 5 / 3 / 5.5
    const summary = calibrationSummary(db, catalog, [CAI_NUOC, PHU_MY])!;
    expect(summary.count).toBe(2);
    expect(summary.parts).toEqual([
      { part: "A", gap: 7.5 },
      { part: "B", gap: 4 },
      { part: "C", gap: 7.8 },
    ]);
    expect(summary.total).toBe(19.3);
    expect(summary.byCommune.map((c) => [c.communeCode, c.count, c.total]).sort()).toEqual([
      [CAI_NUOC, 1, 25],
      [PHU_MY, 1, 13.5],
    ]);
    expect(calibrationSummary(db, catalog, [CAI_NUOC])).toMatchObject({ count: 1, total: 25 });
  });
});
