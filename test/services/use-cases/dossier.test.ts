// "Hoàn thiện hồ sơ" as use cases, without a chat: who may read and write the dossier's items and
// have the Word forms, and that a refused actor changes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../../src/db/client.js";
import type { Services } from "../../../src/services/index.js";
import { ADMIN, type Producer, type World } from "../../helpers/world.js";
import { MEMBER, OFFICER, OTHER_PRODUCER, OWNER, rows, STRANGERS, servicesWorld } from "./dossier-world.js";

let db: Db;
let w: World;
let services: Services;
let producer: Producer;
let app: number;

beforeEach(() => {
  db = openDatabase(":memory:");
  ({ w, services, producer } = servicesWorld(db));
  app = w.draft(producer, "Mật ong tràm");
  w.answer(app, OWNER);
});

describe("the dossier's items", () => {
  it("are read by the owner and members, from the first item never answered", () => {
    for (const actor of [OWNER, MEMBER]) {
      const d = services.dossier.open(actor, app);
      if (!d.ok) throw new Error(d.reason);
      expect(d.next).toBe("registration-kind");
      expect(d.keys).toContain("address");
      expect(d.keys.some((k) => k.startsWith("desc:"))).toBe(true); // answered criteria get a description
      expect(d.values.size).toBe(0);
    }
  });

  it("are hidden from everyone else, officers of the commune included", () => {
    for (const actor of [...STRANGERS.map(([, id]) => id), OFFICER, ADMIN])
      expect(services.dossier.open(actor, app)).toEqual({ ok: false, reason: "not-found" });
    expect(services.dossier.open(OWNER, 9999)).toEqual({ ok: false, reason: "not-found" });
  });

  it("are saved by a member, once each, with the next item after it; the organisation's items serve its other products", () => {
    const saved = services.dossier.save(MEMBER, app, "address", "Ấp Tân Hòa, xã Cái Nước");
    if (!saved.ok) throw new Error(saved.reason);
    expect(saved.values.get("address")).toBe("Ấp Tân Hòa, xã Cái Nước");
    expect(saved.next).toBe("email");
    // Skipped ("") counts as asked: the flow goes on to the first item neither answered nor skipped.
    const skipped = services.dossier.save(OWNER, app, "registration-kind", "");
    expect(skipped.ok && skipped.next).toBe("email");
    const other = w.draft(producer, "Mật ong hoa cà phê");
    const d = services.dossier.open(OWNER, other);
    expect(d.ok && d.values.get("address")).toBe("Ấp Tân Hòa, xã Cái Nước");
  });

  it("take a button item's value only among its choices, typed ones only up to their length, and only the flow's keys", () => {
    const before = rows(db);
    expect(services.dossier.save(OWNER, app, "registration-kind", "second")).toEqual({
      ok: false,
      reason: "invalid-value",
    });
    expect(services.dossier.save(OWNER, app, "legal-trademark", "maybe")).toMatchObject({ reason: "invalid-value" });
    expect(services.dossier.save(OWNER, app, "address", "x".repeat(201))).toMatchObject({ reason: "invalid-value" });
    expect(services.dossier.save(OWNER, app, "desc:Z9", "mô tả")).toEqual({ ok: false, reason: "unknown-item" });
    expect(rows(db)).toEqual(before);
    expect(services.dossier.save(OWNER, app, "history", "x".repeat(2000)).ok).toBe(true);
    expect(services.dossier.save(OWNER, app, "registration-kind", "upgrade").ok).toBe(true);
  });

  it.each(STRANGERS)("are not changed by %s", (_, actor) => {
    const before = rows(db);
    expect(services.dossier.save(actor, app, "address", "Somewhere else")).toEqual({ ok: false, reason: "not-found" });
    expect(rows(db)).toEqual(before);
  });

  it("are not changed by the officer of the application's commune", () => {
    const filed = w.filed(producer, "Mắm", new Date());
    const before = rows(db);
    expect(services.dossier.save(OFFICER, filed, "address", "Xã khác")).toEqual({ ok: false, reason: "not-found" });
    expect(rows(db)).toEqual(before);
  });
});

describe("the Word forms", () => {
  it("are Mẫu 01 and 02 for the producer's people, with the dossier's values and names of files", () => {
    services.dossier.save(OWNER, app, "address", "Ấp Tân Hòa");
    const forms = services.dossier.forms(MEMBER, app, ["mau-01", "mau-02"]);
    if (!forms.ok) throw new Error(forms.reason);
    expect(forms.input.organisation?.address).toBe("Ấp Tân Hòa");
    expect(forms.input.product?.name).toBe("Mật ong tràm");
    expect(forms.documents.map((d) => d.kind)).toEqual(["mau-01", "mau-02"]);
    expect(forms.documents[0]!.fileName).toMatch(/Mat-ong-tram.*\.docx$/i);
    // The commune's report is not the producer's.
    expect(services.dossier.forms(OWNER, app, ["mau-03"])).toEqual({ ok: false, reason: "not-found" });
  });

  it("include Mẫu 03 for the officer of the application's commune and the administrator", () => {
    const filed = w.filed(producer, "Mắm", new Date());
    for (const actor of [OFFICER, ADMIN]) {
      const forms = services.dossier.forms(actor, filed, ["mau-03", "mau-01", "mau-02"]);
      expect(forms.ok && forms.documents.map((d) => d.kind)).toEqual(["mau-03", "mau-01", "mau-02"]);
    }
  });

  it.each(STRANGERS)("are refused to %s", (_, actor) => {
    const filed = w.filed(producer, "Mắm", new Date());
    for (const id of [app, filed])
      expect(services.dossier.forms(actor, id, ["mau-01", "mau-02"])).toEqual({ ok: false, reason: "not-found" });
  });

  it("of an application that does not exist are refused", () => {
    expect(services.dossier.forms(OTHER_PRODUCER, 9999, ["mau-01"])).toEqual({ ok: false, reason: "not-found" });
  });
});
