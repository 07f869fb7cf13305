// The products' use cases without a channel: the owner and members of the organisation list, add,
// rename and move its products; deleting is for the owner or whoever added the product. A producer
// of another organisation, or an unknown actor, is refused and nothing in the database changes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../../src/db/client.js";
import { productsService } from "../../../src/services/products.js";
import { databaseRows } from "../../helpers/database-rows.js";
import { CAI_NUOC, catalog, HONEY, PHU_MY, type Producer, type World, world } from "../../helpers/world.js";

const HONEY_PRODUCTS = "che-bien-tu-thit-thuy-san-trung-sua-mat-ong-va-nong-san-khac";

let db: Db;
let w: World;
let products: ReturnType<typeof productsService>;
let owner: Producer;
let member: number;
let stranger: Producer;
let honey: { productId: number; appId: number };

beforeEach(() => {
  db = openDatabase(":memory:");
  w = world(db);
  products = productsService(w.coreDeps());
  owner = w.producer(100, CAI_NUOC);
  member = w.member(owner, 200);
  stranger = w.producer(300, PHU_MY);
  const appId = w.draft(owner, "Mật ong hoa tràm");
  w.answer(appId, owner.user.id, 3);
  honey = { appId, productId: productIdOf(appId) };
});
afterEach(() => db.$client.close());

function productIdOf(appId: number): number {
  const listed = products.list(owner.user.id);
  if (!listed.ok) throw new Error(listed.reason);
  return listed.products.find((p) => p.application.id === appId)!.product.id;
}

/** Runs a use case that must be refused, and shows that it wrote nothing. */
function refusedUnchanged<T>(call: () => T): T {
  const before = databaseRows(db);
  const result = call();
  expect(result).toMatchObject({ ok: false });
  expect(databaseRows(db)).toEqual(before);
  return result;
}

describe("listing and cards", () => {
  it("shows the organisation's products with how far each self-assessment is, to its owner and members", () => {
    for (const actor of [owner.user.id, member]) {
      const listed = products.list(actor);
      expect(listed).toMatchObject({ ok: true, organisation: { id: owner.org.id } });
      if (!listed.ok) continue;
      expect(listed.products.map((p) => [p.product.name, p.answered, p.application.state])).toEqual([
        ["Mật ong hoa tràm", 3, "draft"],
      ]);
      expect(listed.products[0]!.total).toBeGreaterThan(3);
      expect(products.card(actor, honey.productId)).toMatchObject({
        ok: true,
        card: { application: { id: honey.appId }, version: catalog.defaultVersion.id, answered: 3 },
      });
    }
  });

  it("shows nothing of another organisation's product, and nothing to an unknown actor", () => {
    expect(products.card(stranger.user.id, honey.productId)).toEqual({ ok: false, reason: "not-found" });
    expect(products.card(undefined, honey.productId)).toEqual({ ok: false, reason: "not-found" });
    expect(products.list(undefined)).toEqual({ ok: false, reason: "no-organisation" });
    expect(products.list(w.person(400).id)).toEqual({ ok: false, reason: "no-organisation" });
    expect(products.sameNamed(stranger.user.id, "mat ong hoa tram")).toBeUndefined();
    expect(products.sameNamed(member, "MẬT ONG  hoa tràm")?.product.id).toBe(honey.productId);
  });
});

describe("adding", () => {
  it("adds a product with its draft application, for the owner and for a member", () => {
    const added = products.add(member, { name: " Mật ong  bạc hà ", productSet: HONEY });
    expect(added).toMatchObject({
      ok: true,
      product: { name: "Mật ong bạc hà", organisationId: owner.org.id, createdBy: member },
      application: { state: "draft", sheetId: `${catalog.defaultVersion.id}/${HONEY}` },
    });
    expect(products.add(owner.user.id, { name: "Mắm tôm", productSet: HONEY_PRODUCTS }).ok).toBe(true);
    const listed = products.list(owner.user.id);
    expect(listed.ok && listed.products.map((p) => p.product.name)).toEqual([
      "Mắm tôm",
      "Mật ong bạc hà",
      "Mật ong hoa tràm",
    ]);
  });

  it("refuses without an organisation, a name that is none, or a set without a sheet", () => {
    const input = { name: "Mật ong bạc hà", productSet: HONEY };
    expect(refusedUnchanged(() => products.add(undefined, input))).toEqual({ ok: false, reason: "no-organisation" });
    const registering = w.person(400).id;
    expect(refusedUnchanged(() => products.add(registering, input))).toEqual({
      ok: false,
      reason: "no-organisation",
    });
    expect(refusedUnchanged(() => products.add(owner.user.id, { ...input, name: "!" }))).toEqual({
      ok: false,
      reason: "invalid-name",
    });
    expect(refusedUnchanged(() => products.add(owner.user.id, { ...input, productSet: "no-such-set" }))).toEqual({
      ok: false,
      reason: "no-sheet",
    });
  });
});

describe("renaming and moving", () => {
  it("the owner and members rename a draft and move it to another set", () => {
    expect(products.rename(member, honey.productId, "Mật ong rừng U Minh")).toMatchObject({
      ok: true,
      product: { name: "Mật ong rừng U Minh" },
    });
    const before = databaseRows(db);
    const preview = products.previewSetChange(owner.user.id, honey.productId, HONEY_PRODUCTS, undefined);
    expect(preview).toMatchObject({ ok: true, change: { to: { productSet: HONEY_PRODUCTS } } });
    expect(databaseRows(db)).toEqual(before);
    expect(products.changeSet(owner.user.id, honey.productId, HONEY_PRODUCTS, undefined)).toMatchObject({
      ok: true,
      change: { application: { sheetId: `${catalog.defaultVersion.id}/${HONEY_PRODUCTS}` } },
    });
    expect(products.card(owner.user.id, honey.productId)).toMatchObject({
      ok: true,
      card: { product: { name: "Mật ong rừng U Minh", productSet: HONEY_PRODUCTS } },
    });
  });

  it("a producer of another organisation and an unknown actor change nothing", () => {
    for (const actor of [stranger.user.id, undefined]) {
      const notFound = { ok: false, reason: "not-found" };
      expect(refusedUnchanged(() => products.rename(actor, honey.productId, "Tên khác"))).toEqual(notFound);
      expect(
        refusedUnchanged(() => products.previewSetChange(actor, honey.productId, HONEY_PRODUCTS, undefined)),
      ).toEqual(notFound);
      expect(refusedUnchanged(() => products.changeSet(actor, honey.productId, HONEY_PRODUCTS, undefined))).toEqual(
        notFound,
      );
      expect(products.actions(actor, honey.productId)).toEqual({ edit: false, deletion: "not-found" });
    }
  });

  it("a filed product keeps its name and set", () => {
    const filed = w.filed(owner, "Mật ong hoa cà phê", new Date());
    const productId = productIdOf(filed);
    expect(refusedUnchanged(() => products.rename(owner.user.id, productId, "Tên khác"))).toEqual({
      ok: false,
      reason: "state",
    });
    expect(refusedUnchanged(() => products.changeSet(owner.user.id, productId, HONEY_PRODUCTS, undefined))).toEqual({
      ok: false,
      reason: "state",
    });
    expect(products.actions(owner.user.id, productId)).toEqual({ edit: false, deletion: "state" });
  });
});

describe("deleting", () => {
  it("a member who did not add the product may not delete it; the owner may", () => {
    expect(products.actions(member, honey.productId)).toEqual({ edit: true, deletion: "not-allowed" });
    expect(refusedUnchanged(() => products.remove(member, honey.productId))).toEqual({
      ok: false,
      reason: "not-allowed",
    });
    expect(products.remove(owner.user.id, honey.productId)).toMatchObject({
      ok: true,
      product: { name: "Mật ong hoa tràm" },
    });
    expect(products.card(owner.user.id, honey.productId)).toEqual({ ok: false, reason: "not-found" });
  });

  it("a member deletes the product they added", () => {
    const added = products.add(member, { name: "Mật ong bạc hà", productSet: HONEY });
    if (!added.ok) throw new Error(added.reason);
    expect(products.remove(member, added.product.id)).toMatchObject({ ok: true });
  });

  it("a producer of another organisation and an unknown actor delete nothing", () => {
    for (const actor of [stranger.user.id, undefined]) {
      expect(refusedUnchanged(() => products.remove(actor, honey.productId))).toEqual({
        ok: false,
        reason: "not-found",
      });
    }
  });
});

describe("resuming", () => {
  it("resumes the chat's application if the actor may work on it, else their organisation's draft", () => {
    const other = w.draft(stranger, "Nước mắm");
    expect(products.resume(member, undefined)).toEqual({ ok: true, applicationId: honey.appId });
    expect(products.resume(owner.user.id, other)).toEqual({ ok: true, applicationId: honey.appId });
    expect(products.resume(stranger.user.id, other)).toEqual({ ok: true, applicationId: other });
  });

  it("asks for registration first", () => {
    expect(products.resume(undefined, honey.appId)).toEqual({ ok: false, reason: "unregistered" });
    expect(products.resume(w.person(400).id, honey.appId)).toEqual({ ok: false, reason: "unregistered" });
  });
});
