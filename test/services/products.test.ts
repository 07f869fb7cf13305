// Looking after products: rename, move to another set (keeping only the answers that mean the
// same), delete a draft, and a second product with the same name.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/db/client.js";
import {
  applicationEvents,
  applications,
  dossierFields,
  evidence,
  products,
  userIdentities,
  users,
} from "../../src/db/schema.js";
import { optionsFor } from "../../src/domain/rubric.js";
import { loadCatalog } from "../../src/rubric/catalog.js";
import {
  type Assessment,
  addProduct,
  isClearanceKey,
  loadAssessment,
  saveAnswer,
} from "../../src/services/assessment.js";
import { descriptionKey } from "../../src/services/dossier.js";
import { addEvidence } from "../../src/services/evidence.js";
import { createMemberInvite, redeemInvite } from "../../src/services/membership.js";
import {
  findUser,
  grantConsent,
  type Organisation,
  saveOrganisation,
  telegramIdentity,
  type User,
  updateUser,
} from "../../src/services/people.js";
import {
  changeProductSet,
  deleteProduct,
  previewSetChange,
  productActions,
  renameProduct,
  sameNamedProduct,
} from "../../src/services/products.js";

const catalog = loadCatalog().value!;
const HONEY = "mat-ong-mat-khac-va-nong-san-thuc-pham-khac";
const HONEY_PRODUCTS = "che-bien-tu-thit-thuy-san-trung-sua-mat-ong-va-nong-san-khac";
const TOURISM = "dich-vu-du-lich-cong-dong-sinh-thai-diem-du-lich";

let db: Db;
let owner: User;
let org: Organisation;
beforeEach(() => {
  db = openDatabase(":memory:");
  owner = person(1);
  org = saveOrganisation(db, owner, { type: "cooperative", name: "HTX Mật ong U Minh", communeCode: "00476" });
  owner = findUser(db, 1)!;
});

function person(id: number): User {
  db.insert(users).values({ id }).run();
  db.insert(userIdentities)
    .values({ ...telegramIdentity(id), userId: id })
    .run();
  grantConsent(db, telegramIdentity(id), "vi");
  updateUser(db, id, { fullName: `Người ${id}`, phone: "0912345678" });
  return findUser(db, id)!;
}

function member(id: number): User {
  const u = person(id);
  expect(redeemInvite(db, "member", createMemberInvite(db, org.id, owner.id).code, id).ok).toBe(true);
  return u;
}

function honey(name = "Mật ong hoa tràm", by: User = owner) {
  const added = addProduct(db, catalog, by, org, { name, productSet: HONEY });
  if ("error" in added) throw new Error(added.error);
  return added;
}

/** Answers every question: each criterion with its first option, every requirement as met. */
function answerAll(appId: number): Assessment {
  const a = loadAssessment(db, catalog, appId)!;
  for (const key of a.order) {
    const value = isClearanceKey(key) ? true : optionsFor(a.criteria.find((c) => c.id === key)!, a.caseId)[0]!.id;
    expect(saveAnswer(db, a, key, value, owner.id).ok).toBe(true);
  }
  return loadAssessment(db, catalog, appId)!;
}

describe("a second product with the same name", () => {
  it("is noticed whatever the case, diacritics form or spacing", () => {
    const { product } = honey("Mật ong hoa tràm");
    expect(sameNamedProduct(db, org.id, "  MẬT ONG   hoa tràm ")?.id).toBe(product.id);
    expect(sameNamedProduct(db, org.id, "Mật ong hoa tràm".normalize("NFD"))?.id).toBe(product.id);
    expect(sameNamedProduct(db, org.id, "Mật ong hoa cà phê")).toBeUndefined();
    expect(sameNamedProduct(db, org.id, "Mật ong hoa tràm", product.id)).toBeUndefined();
  });
});

describe("renaming", () => {
  it("renames while editable, refuses a name taken or empty, and records who did it", () => {
    const { product, application } = honey("Mật ong hoa tràm");
    honey("Mật ong hoa cà phê");
    expect(renameProduct(db, owner, product.id, "  Mật ong rừng   U Minh ")).toMatchObject({
      ok: true,
      product: { name: "Mật ong rừng U Minh" },
    });
    expect(db.select().from(products).where(eq(products.id, product.id)).get()!.name).toBe("Mật ong rừng U Minh");
    expect(renameProduct(db, owner, product.id, "mật ong hoa CÀ PHÊ")).toEqual({ ok: false, reason: "name-taken" });
    expect(renameProduct(db, owner, product.id, "!")).toEqual({ ok: false, reason: "invalid-name" });
    expect(renameProduct(db, person(99), product.id, "Khác")).toEqual({ ok: false, reason: "not-found" });
    const [event] = db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, application.id))
      .all();
    expect(event).toMatchObject({
      action: "rename",
      actorId: owner.id,
      note: "Mật ong hoa tràm → Mật ong rừng U Minh",
    });

    db.update(applications)
      .set({ state: "submitted", submittedAt: new Date() })
      .where(eq(applications.id, application.id))
      .run();
    expect(renameProduct(db, owner, product.id, "Tên mới")).toEqual({ ok: false, reason: "state" });
  });
});

describe("moving to another product set", () => {
  it("keeps only the answers of criteria with the same id and the same options, and says how many are asked again", () => {
    const { product, application } = honey();
    const before = answerAll(application.id);
    expect(before.app.state).toBe("completed");
    // Set 4 and set 8 share ids, but C7 is "Dinh dưỡng" in one and "Tính độc đáo" in the other.
    const to = catalog.sheetFor("qd26-2026", HONEY_PRODUCTS)!;
    expect(before.sheet.criteria.find((c) => c.id === "C7")!.title).toBe("Dinh dưỡng");
    expect(to.criteria.find((c) => c.id === "C7")!.title).toBe("Tính độc đáo");

    const preview = previewSetChange(db, catalog, owner, product.id, HONEY_PRODUCTS, undefined);
    // 19 criteria and the 4 disqualification items that read the same.
    expect(preview).toMatchObject({ ok: true, change: { kept: 19 + 4, evidenceDropped: 0 } });
    const moved = changeProductSet(db, catalog, owner, product.id, HONEY_PRODUCTS, undefined);
    expect(moved.ok).toBe(true);
    const after = loadAssessment(db, catalog, application.id)!;
    expect(after.sheet.id).toBe(`qd26-2026/${HONEY_PRODUCTS}`);
    expect(db.select().from(products).where(eq(products.id, product.id)).get()!.productSet).toBe(HONEY_PRODUCTS);
    expect(Object.keys(after.answers).sort()).toEqual(
      [
        "A1.4",
        "A1.5",
        "A1.6",
        "A1.7",
        "A2.2",
        "A2.3",
        "A2.4",
        "A3.1",
        "A3.2",
        "A3.3",
        "A3.4",
        "A3.5",
        "B4.1",
        "B4.2",
        "B4.3",
        "B5.1",
        "B5.2",
        "B5.3",
        "C6.1",
      ].sort(),
    );
    for (const [id, option] of Object.entries(after.answers)) expect(option, id).toBe(before.answers[id]);
    // The disqualification answers whose requirement reads the same are kept too.
    expect(after.clearances).toEqual(
      Object.fromEntries(
        to.disqualification
          .filter((d) => before.sheet.disqualification.some((o) => o.id === d.id && o.requirement === d.requirement))
          .map((d) => [d.id, true]),
      ),
    );
    const unanswered = after.order.filter((k) =>
      isClearanceKey(k) ? after.clearances[k.slice(3)] === undefined : after.answers[k] === undefined,
    );
    expect(moved.ok && moved.change.toAsk).toBe(unanswered.length);
    expect(unanswered).toContain("C7");
    expect(after.app.state).toBe("draft");
    expect(db.select().from(applicationEvents).all().at(-1)).toMatchObject({
      action: "change-set",
      fromState: "completed",
      toState: "draft",
    });
  });

  it("lets go of evidence and descriptions that no longer fit, keeps the rest", () => {
    const { product, application } = honey();
    answerAll(application.id);
    for (const criterionId of ["A1.4", "C7", "C12"]) {
      addEvidence(db, {
        applicationId: application.id,
        criterionId,
        fileId: `f-${criterionId}`,
        fileUniqueId: `u-${criterionId}`,
        kind: "photo",
        addedBy: owner.id,
      });
      db.insert(dossierFields)
        .values({
          scope: "application",
          scopeId: application.id,
          key: descriptionKey(criterionId),
          value: "mô tả",
          updatedBy: owner.id,
        })
        .run();
    }
    expect(previewSetChange(db, catalog, owner, product.id, HONEY_PRODUCTS, undefined)).toMatchObject({
      ok: true,
      change: { evidenceDropped: 1 },
    });
    changeProductSet(db, catalog, owner, product.id, HONEY_PRODUCTS, undefined);
    expect(
      db
        .select()
        .from(evidence)
        .all()
        .map((e) => e.criterionId)
        .sort(),
    ).toEqual(["A1.4", "C7"]);
    expect(
      db
        .select()
        .from(dossierFields)
        .all()
        .map((f) => f.key)
        .sort(),
    ).toEqual([descriptionKey("A1.4")]);
  });

  it("asks the tourism case when moving to the tourism set, and stays returned when the commune returned it", () => {
    const { product, application } = honey("Nhà vườn U Minh");
    db.update(applications)
      .set({ state: "returned", submittedAt: new Date(), revision: 1 })
      .where(eq(applications.id, application.id))
      .run();
    const moved = changeProductSet(db, catalog, owner, product.id, TOURISM, "1");
    expect(moved).toMatchObject({ ok: true, change: { application: { state: "returned", caseId: "1" } } });
    expect(loadAssessment(db, catalog, application.id)!.caseId).toBe("1");
  });

  it("refuses after submission, to the same set, to a set without a sheet, and to other organisations", () => {
    const { product, application } = honey();
    expect(changeProductSet(db, catalog, owner, product.id, HONEY, undefined)).toEqual({
      ok: false,
      reason: "same-set",
    });
    expect(changeProductSet(db, catalog, owner, product.id, "no-such-set", undefined)).toEqual({
      ok: false,
      reason: "no-sheet",
    });
    expect(changeProductSet(db, catalog, person(50), product.id, HONEY_PRODUCTS, undefined)).toEqual({
      ok: false,
      reason: "not-found",
    });
    for (const state of ["submitted", "received", "forwarded", "rated", "withdrawn"] as const) {
      db.update(applications).set({ state }).where(eq(applications.id, application.id)).run();
      expect(changeProductSet(db, catalog, owner, product.id, HONEY_PRODUCTS, undefined), state).toEqual({
        ok: false,
        reason: "state",
      });
      expect(productActions(db, owner, product.id).edit).toBe(false);
    }
  });

  it("moves within the application's rubric version", () => {
    const { product, application } = honey("Rau muống");
    db.update(applications)
      .set({ sheetId: "qd148-2023/rau-cu-qua-hat-tuoi" })
      .where(eq(applications.id, application.id))
      .run();
    expect(changeProductSet(db, catalog, owner, product.id, HONEY_PRODUCTS, undefined)).toEqual({
      ok: false,
      reason: "no-sheet",
    });
  });
});

describe("deleting", () => {
  it("deletes a draft with everything it holds, after which nothing of it is left", () => {
    const { product, application } = honey();
    answerAll(application.id);
    addEvidence(db, {
      applicationId: application.id,
      criterionId: "A1.1",
      fileId: "f",
      fileUniqueId: "u",
      kind: "photo",
      addedBy: owner.id,
    });
    expect(deleteProduct(db, owner, product.id)).toMatchObject({ ok: true, product: { name: "Mật ong hoa tràm" } });
    expect(db.select().from(products).all()).toEqual([]);
    expect(db.select().from(applications).all()).toEqual([]);
    expect(db.select().from(evidence).all()).toEqual([]);
    expect(loadAssessment(db, catalog, application.id)).toBeUndefined();
    expect(deleteProduct(db, owner, product.id)).toEqual({ ok: false, reason: "not-found" });
  });

  it("refuses once submitted, even if returned or withdrawn since", () => {
    const { product, application } = honey();
    for (const state of ["submitted", "returned", "withdrawn"] as const) {
      db.update(applications).set({ state, submittedAt: new Date() }).where(eq(applications.id, application.id)).run();
      expect(deleteProduct(db, owner, product.id), state).toEqual({ ok: false, reason: "state" });
      expect(productActions(db, owner, product.id).deletion).toBe("state");
    }
  });

  it("is for the owner or whoever added the product, not for another member", () => {
    const lan = member(2);
    const hung = member(3);
    const { product } = honey("Mật ong bạc hà", lan);
    expect(productActions(db, hung, product.id)).toEqual({ edit: true, deletion: "not-allowed" });
    expect(deleteProduct(db, hung, product.id)).toEqual({ ok: false, reason: "not-allowed" });
    expect(productActions(db, lan, product.id).deletion).toBeUndefined();
    expect(deleteProduct(db, lan, product.id).ok).toBe(true);
  });
});
