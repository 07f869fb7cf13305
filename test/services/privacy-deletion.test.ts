// Deleting one's data (Law 91/2025/QH15) with a filed dossier: everything about the person goes in
// one transaction, queued notifications included, and the commune is told the dossier was withdrawn.
import { eq, inArray } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/db/client.js";
import { applicationEvents, applications, dossierFields, outbox, submissions } from "../../src/db/schema.js";
import { enqueueNotifications } from "../../src/services/outbox.js";
import { deletePersonalData } from "../../src/services/privacy.js";
import { ADMIN, CAI_NUOC, PHU_MY, telegramOutbox, type World, world } from "../helpers/world.js";

let db: Db;
let w: World;
const OFFICER = 100;

beforeEach(() => {
  db = openDatabase(":memory:");
  w = world(db);
  w.officer(OFFICER, [CAI_NUOC]);
});
afterEach(() => db.$client.close());

describe("deleting one's data with a filed dossier", () => {
  it("drops the person's queued notifications and those about their dossier, deletes its records, and tells the commune once", () => {
    const p = w.producer(200, CAI_NUOC);
    const appId = w.filed(p, "Mật ong hoa tràm", new Date());
    db.insert(dossierFields)
      .values({
        scope: "organisation",
        scopeId: p.org.id,
        key: "founded-on",
        value: "2018-03-15",
        updatedBy: p.user.id,
      })
      .run();
    enqueueNotifications(db, [
      { recipientId: p.user.id, kind: "idle-draft", arguments: { product: "Trà", answered: 1, total: 30 } },
    ]);
    const other = w.producer(300, CAI_NUOC);
    const otherApp = w.filed(other, "Nước mắm", new Date());
    const otherRows = db.select().from(outbox).where(eq(outbox.applicationId, otherApp)).all();
    // The submission told the officer, naming the producer.
    expect(
      db
        .select()
        .from(outbox)
        .where(eq(outbox.applicationId, appId))
        .all()
        .some((r) => JSON.stringify(r.arguments).includes("Person 200")),
    ).toBe(true);

    deletePersonalData(db, p.user.id, [ADMIN]);

    const rows = db.select().from(outbox).all();
    expect(rows.filter((r) => r.recipientId === p.user.id || r.applicationId === appId)).toEqual([]);
    expect(db.select().from(outbox).where(eq(outbox.applicationId, otherApp)).all()).toEqual(otherRows);
    for (const table of [submissions, applicationEvents])
      expect(db.select().from(table).where(eq(table.applicationId, appId)).all()).toEqual([]);
    expect(
      db
        .select()
        .from(dossierFields)
        .where(inArray(dossierFields.scopeId, [p.org.id]))
        .all(),
    ).toEqual([]);
    expect(db.select().from(applications).where(eq(applications.id, otherApp)).get()).toBeDefined();

    // One notice to the commune's officer: the product only, nothing about the person.
    const notices = telegramOutbox(db).filter((r) => r.kind === "application-deleted");
    expect(notices).toHaveLength(1);
    expect(notices[0]!.chatId).toBe(OFFICER);
    expect(notices[0]!.text).toContain("Mật ong hoa tràm");
    expect(notices[0]!.text).toContain("rút và xóa");
    expect(JSON.stringify(notices[0])).not.toMatch(/Person 200|Co-op 200|0912345678/);
  });

  it("tells the administrators when the commune has no officer", () => {
    const p = w.producer(200, PHU_MY);
    w.filed(p, "Mật ong hoa tràm", new Date());
    deletePersonalData(db, p.user.id, [ADMIN]);
    const notices = telegramOutbox(db).filter((r) => r.kind === "application-deleted");
    expect(notices.map((n) => n.chatId)).toEqual([ADMIN]);
    expect(notices[0]!.text).toContain("Mật ong hoa tràm");
  });

  it("tells no one when nothing was filed", () => {
    const p = w.producer(200, CAI_NUOC);
    w.draft(p, "Mật ong hoa tràm");
    deletePersonalData(db, p.user.id, [ADMIN]);
    expect(db.select().from(outbox).all()).toEqual([]);
  });
});
