// Evidence files as use cases, without a chat: adding, tagging, listing and removing them; who may,
// and that a refused actor or a filed application changes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../../src/db/client.js";
import { evidence } from "../../../src/db/schema.js";
import { loadAssessment } from "../../../src/services/assessment.js";
import { EVIDENCE_MAX_BYTES } from "../../../src/services/evidence.js";
import type { IncomingFile } from "../../../src/services/evidence-files.js";
import type { Services } from "../../../src/services/index.js";
import { ADMIN, catalog, type Producer, type World } from "../../helpers/world.js";
import { MEMBER, OFFICER, OWNER, rows, STRANGERS, servicesWorld } from "./dossier-world.js";

let db: Db;
let w: World;
let services: Services;
let producer: Producer;
let app: number;
/** A criterion whose evidence the law names one kind of, and one with several. */
let single: { id: string; kind: string };
let several: { id: string; kinds: readonly string[] };

const photo = (n: number, size = 1000): IncomingFile => ({
  fileId: `f${n}`,
  fileUniqueId: `u${n}`,
  fileName: null,
  fileSize: size,
  mimeType: "image/jpeg",
  kind: "photo",
});

beforeEach(() => {
  db = openDatabase(":memory:");
  ({ w, services, producer } = servicesWorld(db));
  app = w.draft(producer, "Mật ong tràm");
  const criteria = loadAssessment(db, catalog, app)!.criteria;
  const one = criteria.find((c) => c.evidence.length === 1)!;
  const many = criteria.find((c) => c.evidence.length > 1)!;
  single = { id: one.id, kind: one.evidence[0]! };
  several = { id: many.id, kinds: many.evidence };
});

describe("adding a file", () => {
  it("attaches it to the criterion for the owner or a member, tagged when the law names one kind", () => {
    const first = services.evidence.add(OWNER, app, single.id, photo(1));
    expect(first).toMatchObject({ ok: true, count: 1, kinds: [single.kind], file: { evidenceKind: single.kind } });
    const second = services.evidence.add(MEMBER, app, single.id, photo(2));
    expect(second).toMatchObject({ ok: true, count: 2, file: { addedBy: MEMBER } });
    const open = services.evidence.add(OWNER, app, several.id, photo(3));
    expect(open).toMatchObject({ ok: true, count: 1, kinds: several.kinds, file: { evidenceKind: null } });
  });

  it("the same file sent again (a double tap, a resent photo) is kept once, and says so", () => {
    const first = services.evidence.add(OWNER, app, single.id, photo(77));
    const before = rows(db);
    const again = services.evidence.add(MEMBER, app, single.id, photo(77));
    expect(again).toMatchObject({ ok: true, duplicate: true, count: 1, file: { id: first.ok && first.file.id } });
    expect(rows(db)).toEqual(before);
    // The same file for another criterion is evidence there too.
    expect(services.evidence.add(OWNER, app, several.id, photo(77))).toMatchObject({ ok: true, duplicate: false });
  });

  it.each([...STRANGERS, ["the officer of the commune", OFFICER] as const])("is refused to %s", (_, actor) => {
    const before = rows(db);
    expect(services.evidence.add(actor, app, single.id, photo(1))).toEqual({ ok: false, reason: "not-found" });
    expect(rows(db)).toEqual(before);
  });

  it("is refused for a filed application, a criterion not on the sheet and a file too big to download", () => {
    const filed = w.filed(producer, "Mắm", new Date());
    const before = rows(db);
    expect(services.evidence.add(OWNER, filed, single.id, photo(1))).toEqual({
      ok: false,
      reason: "not-editable",
      state: "submitted",
    });
    expect(services.evidence.add(OWNER, app, "Z9", photo(1))).toEqual({ ok: false, reason: "unknown-criterion" });
    expect(services.evidence.add(OWNER, app, single.id, photo(1, EVIDENCE_MAX_BYTES + 1))).toEqual({
      ok: false,
      reason: "too-big",
    });
    expect(rows(db)).toEqual(before);
  });
});

describe("tagging a file with its kind", () => {
  let file: number;
  beforeEach(() => {
    const added = services.evidence.add(OWNER, app, several.id, photo(1));
    if (!added.ok) throw new Error(added.reason);
    file = added.file.id;
  });

  it("sets the kind its criterion names at that place, for a member", () => {
    expect(services.evidence.tag(MEMBER, file, 1)).toEqual({ ok: true, kind: several.kinds[1] });
    expect(db.select().from(evidence).get()!.evidenceKind).toBe(several.kinds[1]);
  });

  it.each([...STRANGERS, ["the officer of the commune", OFFICER] as const])("is refused to %s", (_, actor) => {
    const before = rows(db);
    expect(services.evidence.tag(actor, file, 0)).toEqual({ ok: false, reason: "not-found" });
    expect(rows(db)).toEqual(before);
  });

  it("is refused for a kind the criterion does not name, or a file that is gone", () => {
    const before = rows(db);
    expect(services.evidence.tag(OWNER, file, several.kinds.length)).toEqual({ ok: false, reason: "not-found" });
    expect(services.evidence.tag(OWNER, file + 1, 0)).toEqual({ ok: false, reason: "not-found" });
    expect(rows(db)).toEqual(before);
  });
});

describe("the list of files", () => {
  it("is the producer's, in rubric order, removable while the application can change", () => {
    services.evidence.add(OWNER, app, several.id, photo(1));
    services.evidence.add(OWNER, app, single.id, photo(2));
    const criteria = loadAssessment(db, catalog, app)!.criteria.map((c) => c.id);
    const expected = [single.id, several.id].sort((x, y) => criteria.indexOf(x) - criteria.indexOf(y));
    const listed = services.evidence.list(MEMBER, app);
    if (!listed.ok) throw new Error(listed.reason);
    expect(listed.files.map((f) => f.criterionId)).toEqual(expected);
    expect(listed.removable).toBe(true);
  });

  it("of a filed application is read by the producer, the commune's officer and the administrator, removable by none", () => {
    const filed = w.filed(producer, "Mắm", new Date());
    for (const actor of [OWNER, OFFICER, ADMIN]) {
      const listed = services.evidence.list(actor, filed);
      expect(listed.ok && listed.files.length > 0).toBe(true);
      expect(listed.ok && listed.removable).toBe(false);
    }
  });

  it.each(STRANGERS)("is hidden from %s", (_, actor) => {
    const filed = w.filed(producer, "Mắm", new Date());
    expect(services.evidence.list(actor, filed)).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("removing a file", () => {
  it("deletes it for a member while the application can change", () => {
    const added = services.evidence.add(OWNER, app, single.id, photo(1));
    if (!added.ok) throw new Error(added.reason);
    expect(services.evidence.remove(MEMBER, added.file.id)).toEqual({ ok: true });
    expect(db.select().from(evidence).all()).toEqual([]);
    expect(services.evidence.remove(MEMBER, added.file.id)).toEqual({ ok: false, reason: "not-found" });
  });

  it("is refused for a filed application's file: the evidence stays as filed", () => {
    const filed = w.filed(producer, "Mắm", new Date());
    const listed = services.evidence.list(OWNER, filed);
    if (!listed.ok) throw new Error(listed.reason);
    const before = rows(db);
    expect(services.evidence.remove(OWNER, listed.files[0]!.id)).toEqual({ ok: false, reason: "not-editable" });
    expect(rows(db)).toEqual(before);
  });

  it.each([...STRANGERS, ["the officer of the commune", OFFICER] as const])("is refused to %s", (_, actor) => {
    const added = services.evidence.add(OWNER, app, single.id, photo(1));
    if (!added.ok) throw new Error(added.reason);
    const before = rows(db);
    expect(services.evidence.remove(actor, added.file.id)).toEqual({ ok: false, reason: "not-found" });
    expect(rows(db)).toEqual(before);
  });
});
