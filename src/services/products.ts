// Looking after products: renaming, moving to another product set, deleting, and noticing a
// second product with the same name. Each call checks who acts and the application's state, and
// writes in one transaction.
import { and, desc, eq, inArray, notInArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import {
  type ApplicationState,
  answers,
  applicationEvents,
  applications,
  clearances,
  dossierFields,
  evidence,
  organisations,
  products,
} from "../db/schema.js";
import type { Sheet } from "../domain/rubric.js";
import { carryOver } from "../domain/set-change.js";
import type { RubricCatalog } from "../rubric/catalog.js";
import { fold } from "../text.js";
import {
  type Application,
  addProduct,
  answeredCount,
  findApplication,
  isEditable,
  latestOpenApplication,
  loadAssessment,
  type Product,
  type ProductWithApplication,
  productsOf,
} from "./assessment.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import { descriptionKey } from "./dossier.js";
import { isOrganisationMember } from "./membership.js";
import {
  findUser,
  isRegistered,
  normaliseOrganisationName,
  type Organisation,
  organisationOf,
  type User,
} from "./people.js";

export type ProductRefusal =
  | "not-found"
  | "state"
  | "not-allowed"
  | "invalid-name"
  | "name-taken"
  | "no-sheet"
  | "same-set";

type Loaded =
  | { ok: true; product: Product; app: Application; deletion: ProductRefusal | undefined }
  | { ok: false; reason: ProductRefusal };

/**
 * The product and its latest application, if the user works for its organisation. `deletion`:
 * why the user may not delete it ("state": it was submitted; "not-allowed": only the owner or
 * whoever added it may), or undefined.
 */
function loadProduct(db: Db, user: User, productId: number): Loaded {
  const product = db.select().from(products).where(eq(products.id, productId)).get();
  if (!product || !isOrganisationMember(db, user.id, product.organisationId)) return { ok: false, reason: "not-found" };
  const apps = db
    .select()
    .from(applications)
    .where(eq(applications.productId, productId))
    .orderBy(desc(applications.id))
    .all();
  const owner = db
    .select({ id: organisations.ownerId })
    .from(organisations)
    .where(eq(organisations.id, product.organisationId))
    .get()?.id;
  const neverSubmitted = apps.every((a) => a.submittedAt === null && (a.state === "draft" || a.state === "completed"));
  const deletion = !neverSubmitted
    ? "state"
    : user.id === owner || user.id === product.createdBy
      ? undefined
      : "not-allowed";
  return apps[0] ? { ok: true, product, app: apps[0], deletion } : { ok: false, reason: "not-found" };
}

/** Same name as people mean it: case, diacritics (NFC or NFD) and spacing aside. */
const sameName = (a: string, b: string) => fold(a) === fold(b);

/** Another product of the organisation with this name (case and diacritics aside), if any. */
export function sameNamedProduct(db: Db, organisationId: number, name: string, except?: number): Product | undefined {
  return db
    .select()
    .from(products)
    .where(eq(products.organisationId, organisationId))
    .all()
    .find((p) => p.id !== except && sameName(p.name, name));
}

/** Renames a product while its application can be edited (not after it is submitted). */
export function renameProduct(
  db: Db,
  user: User,
  productId: number,
  typed: string,
): { ok: true; product: Product } | { ok: false; reason: ProductRefusal } {
  const loaded = loadProduct(db, user, productId);
  if (!loaded.ok) return loaded;
  const name = normaliseOrganisationName(typed);
  if (!name) return { ok: false, reason: "invalid-name" };
  if (!isEditable(loaded.app)) return { ok: false, reason: "state" };
  if (sameNamedProduct(db, loaded.product.organisationId, name, productId)) return { ok: false, reason: "name-taken" };
  const at = new Date();
  db.transaction((tx) => {
    tx.update(products).set({ name }).where(eq(products.id, productId)).run();
    tx.insert(applicationEvents)
      .values({
        applicationId: loaded.app.id,
        action: "rename",
        fromState: loaded.app.state,
        toState: loaded.app.state,
        actorId: user.id,
        actorRole: "producer",
        note: `${loaded.product.name} → ${name}`,
        at,
      })
      .run();
  });
  return { ok: true, product: { ...loaded.product, name } };
}

export interface SetChange {
  product: Product;
  application: Application;
  from: Sheet;
  to: Sheet;
  /** Answers kept: criteria with the same id and options, disqualification items with the same requirement. */
  kept: number;
  /** Questions to answer in the new set. */
  toAsk: number;
  /** Evidence files attached to criteria the new set does not have: they are let go. */
  evidenceDropped: number;
}

export type SetChangeResult = { ok: true; change: SetChange } | { ok: false; reason: ProductRefusal };

/**
 * What moving a product to another product set (of its application's rubric version) would keep
 * and ask again (see `carryOver`), without writing anything. Refused after submission (unless
 * returned), for the set it is already in, or for a set without a scoring sheet.
 */
export function previewSetChange(
  db: Db,
  catalog: RubricCatalog,
  user: User,
  productId: number,
  productSet: string,
  caseId: string | undefined,
): SetChangeResult {
  const loaded = loadProduct(db, user, productId);
  if (!loaded.ok) return loaded;
  if (!isEditable(loaded.app)) return { ok: false, reason: "state" };
  const a = loadAssessment(db, catalog, loaded.app.id);
  if (!a) return { ok: false, reason: "not-found" };
  const to = catalog.sheetFor(a.sheet.version.id, productSet);
  if (!to) return { ok: false, reason: "no-sheet" };
  if (to.id === a.sheet.id) return { ok: false, reason: "same-set" };
  const carried = carryOver(a.sheet, to, a.answers, a.clearances, caseId);
  const criteria = new Set(to.criteria.map((c) => c.id));
  const evidenceDropped = db
    .select({ criterionId: evidence.criterionId })
    .from(evidence)
    .where(eq(evidence.applicationId, a.app.id))
    .all()
    .filter((e) => !criteria.has(e.criterionId)).length;
  return {
    ok: true,
    change: {
      product: loaded.product,
      application: a.app,
      from: a.sheet,
      to,
      kept: Object.keys(carried.answers).length + Object.keys(carried.clearances).length,
      toAsk: carried.toAsk,
      evidenceDropped,
    },
  };
}

/**
 * Moves a product to another product set: the application takes the new sheet, keeps the answers
 * of criteria with the same id and options (and the disqualification answers with the same
 * requirement), forgets the others with their descriptions, lets go of evidence for criteria the
 * new set does not have, and goes back to "draft" if questions are left. One transaction, with an
 * audit event.
 */
export function changeProductSet(
  db: Db,
  catalog: RubricCatalog,
  user: User,
  productId: number,
  productSet: string,
  caseId: string | undefined,
): SetChangeResult {
  const preview = previewSetChange(db, catalog, user, productId, productSet, caseId);
  if (!preview.ok) return preview;
  const { application: app, from, to } = preview.change;
  const a = loadAssessment(db, catalog, app.id)!;
  const carried = carryOver(from, to, a.answers, a.clearances, caseId);
  const keptIds = Object.keys(carried.answers);
  const state: ApplicationState = app.state === "returned" ? "returned" : carried.toAsk === 0 ? "completed" : "draft";
  const at = new Date();
  db.transaction((tx) => {
    tx.update(products).set({ productSet }).where(eq(products.id, productId)).run();
    tx.update(applications)
      .set({ sheetId: to.id, caseId: caseId ?? null, state, updatedAt: at })
      .where(eq(applications.id, app.id))
      .run();
    tx.delete(answers)
      .where(and(eq(answers.applicationId, app.id), notInArray(answers.criterionId, keptIds)))
      .run();
    tx.delete(clearances)
      .where(and(eq(clearances.applicationId, app.id), notInArray(clearances.itemId, Object.keys(carried.clearances))))
      .run();
    tx.delete(evidence)
      .where(
        and(
          eq(evidence.applicationId, app.id),
          notInArray(
            evidence.criterionId,
            to.criteria.map((c) => c.id),
          ),
        ),
      )
      .run();
    const dropped = Object.keys(a.answers).filter((id) => !keptIds.includes(id));
    if (dropped.length) {
      tx.delete(dossierFields)
        .where(
          and(
            eq(dossierFields.scope, "application"),
            eq(dossierFields.scopeId, app.id),
            inArray(dossierFields.key, dropped.map(descriptionKey)),
          ),
        )
        .run();
    }
    tx.insert(applicationEvents)
      .values({
        applicationId: app.id,
        action: "change-set",
        fromState: app.state,
        toState: state,
        actorId: user.id,
        actorRole: "producer",
        note: `${from.productSetTitle} → ${to.productSetTitle}`,
        at,
      })
      .run();
  });
  return {
    ok: true,
    change: {
      ...preview.change,
      application: { ...app, sheetId: to.id, caseId: caseId ?? null, state, updatedAt: at },
    },
  };
}

/**
 * Deletes a product that was never submitted (its applications are drafts), with its answers,
 * evidence and dossier details. Only the organisation's owner or whoever added the product may.
 */
export function deleteProduct(
  db: Db,
  user: User,
  productId: number,
): { ok: true; product: Product } | { ok: false; reason: ProductRefusal } {
  const loaded = loadProduct(db, user, productId);
  if (!loaded.ok) return loaded;
  if (loaded.deletion) return { ok: false, reason: loaded.deletion };
  const ids = db
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.productId, productId))
    .all()
    .map((a) => a.id);
  db.transaction((tx) => {
    tx.delete(answers).where(inArray(answers.applicationId, ids)).run();
    tx.delete(clearances).where(inArray(clearances.applicationId, ids)).run();
    tx.delete(evidence).where(inArray(evidence.applicationId, ids)).run();
    tx.delete(applicationEvents).where(inArray(applicationEvents.applicationId, ids)).run();
    tx.delete(dossierFields)
      .where(and(eq(dossierFields.scope, "application"), inArray(dossierFields.scopeId, ids)))
      .run();
    tx.delete(dossierFields)
      .where(and(eq(dossierFields.scope, "product"), eq(dossierFields.scopeId, productId)))
      .run();
    tx.delete(applications).where(eq(applications.productId, productId)).run();
    tx.delete(products).where(eq(products.id, productId)).run();
  });
  return { ok: true, product: loaded.product };
}

/**
 * What the product's menu may offer this user now: renaming and moving while the application is
 * editable; deleting a product never submitted (`deletion` says why not, as `deleteProduct` would).
 */
export function productActions(
  db: Db,
  user: User,
  productId: number,
): { edit: boolean; deletion: ProductRefusal | undefined } {
  const loaded = loadProduct(db, user, productId);
  return loaded.ok
    ? { edit: isEditable(loaded.app), deletion: loaded.deletion }
    : { edit: false, deletion: loaded.reason };
}

/** A product of the actor's organisation as its card shows it. */
export interface ProductCard {
  product: Product;
  /** Its latest application. */
  application: Application;
  /** The product set's title in the application's sheet (the set's id if the sheet is gone). */
  setTitle: string;
  /** The rubric version of the application's sheet. */
  version: string;
  answered: number;
  total: number;
}

/**
 * The products' use cases: listing the actor's organisation's products, adding one with its first
 * application, renaming, moving to another product set (with a preview), deleting. The actor must
 * own or belong to the product's organisation ("not-found" otherwise, so ids cannot be probed);
 * deleting is for the owner or whoever added the product ("not-allowed"). A refused call writes
 * nothing.
 */
export function productsService({ db, catalog }: CoreDeps) {
  const userOf = (actor: Actor): User | undefined => (actor === undefined ? undefined : findUser(db, actor));
  const organisationOfActor = (actor: Actor) => {
    const user = userOf(actor);
    const organisation = user && organisationOf(db, user);
    return user && organisation ? { user, organisation } : undefined;
  };

  const cardOf = ({ product, application }: ProductWithApplication): ProductCard => {
    const sheet = catalog.sheet(application.sheetId);
    const a = loadAssessment(db, catalog, application.id);
    return {
      product,
      application,
      setTitle: sheet?.productSetTitle ?? product.productSet,
      version: sheet?.version.id ?? catalog.defaultVersion.id,
      answered: a ? answeredCount(a) : 0,
      total: a ? a.order.length : 0,
    };
  };

  const card = (actor: Actor, productId: number): { ok: true; card: ProductCard } | Refused<"not-found"> => {
    const mine = organisationOfActor(actor);
    const found = mine && productsOf(db, mine.organisation.id).find((p) => p.product.id === productId);
    return found ? { ok: true, card: cardOf(found) } : refuse("not-found");
  };

  return {
    /**
     * The actor's organisation (their own, else the first they joined) with its products, newest
     * first, each with its latest application and how far its self-assessment is.
     * "no-organisation" before one is registered.
     */
    list(actor: Actor): { ok: true; organisation: Organisation; products: ProductCard[] } | Refused<"no-organisation"> {
      const mine = organisationOfActor(actor);
      if (!mine) return refuse("no-organisation");
      return { ok: true, organisation: mine.organisation, products: productsOf(db, mine.organisation.id).map(cardOf) };
    },

    /** One product of the actor's organisation, as its card shows it. */
    card,

    /** Another product of the actor's organisation with this name (case and diacritics aside), if any. */
    sameNamed(actor: Actor, name: string): ProductCard | undefined {
      const mine = organisationOfActor(actor);
      const twin = mine && sameNamedProduct(db, mine.organisation.id, name);
      const found = twin && card(actor, twin.id);
      return found?.ok ? found.card : undefined;
    },

    /**
     * Adds a product to the actor's organisation with its first application (a draft on the
     * current rubric version's sheet for `productSet`), in one transaction. Refused before the
     * actor has an organisation ("no-organisation"), for a name that is not one ("invalid-name"),
     * or a set without a scoring sheet ("no-sheet").
     */
    add(
      actor: Actor,
      input: { name: string; productSet: string; caseId?: string | undefined },
    ):
      | { ok: true; product: Product; application: Application }
      | Refused<"no-organisation" | "invalid-name" | "no-sheet"> {
      const mine = organisationOfActor(actor);
      if (!mine) return refuse("no-organisation");
      const name = normaliseOrganisationName(input.name);
      if (!name) return refuse("invalid-name");
      const added = addProduct(db, catalog, mine.user, mine.organisation, { ...input, name });
      return "error" in added ? refuse(added.error) : { ok: true, ...added };
    },

    /** What the product's menu may offer the actor now (see productActions). */
    actions(actor: Actor, productId: number): { edit: boolean; deletion: ProductRefusal | undefined } {
      const user = userOf(actor);
      return user ? productActions(db, user, productId) : { edit: false, deletion: "not-found" };
    },

    /** Renames the product while its application can be edited (see renameProduct). */
    rename(actor: Actor, productId: number, typed: string) {
      const user = userOf(actor);
      return user ? renameProduct(db, user, productId, typed) : refuse("not-found" as ProductRefusal);
    },

    /** What moving the product to another set would keep and ask again, writing nothing (see previewSetChange). */
    previewSetChange(actor: Actor, productId: number, productSet: string, caseId: string | undefined): SetChangeResult {
      const user = userOf(actor);
      return user ? previewSetChange(db, catalog, user, productId, productSet, caseId) : refuse("not-found");
    },

    /** Moves the product to another product set, in one transaction (see changeProductSet). */
    changeSet(actor: Actor, productId: number, productSet: string, caseId: string | undefined): SetChangeResult {
      const user = userOf(actor);
      return user ? changeProductSet(db, catalog, user, productId, productSet, caseId) : refuse("not-found");
    },

    /** Deletes a product never submitted, with everything about it, in one transaction (see deleteProduct). */
    remove(actor: Actor, productId: number) {
      const user = userOf(actor);
      return user ? deleteProduct(db, user, productId) : refuse("not-found" as ProductRefusal);
    },

    /**
     * The application /tieptuc and /danhgia resume: `preferred` (the one the chat works on) if it
     * exists and the actor may work on it, else their organisation's most recently touched draft;
     * undefined when there is none. "unregistered" before name, phone and organisation are given.
     */
    resume(
      actor: Actor,
      preferred: number | undefined,
    ): { ok: true; applicationId: number | undefined } | Refused<"unregistered"> {
      const user = userOf(actor);
      const organisation = user && isRegistered(db, user) ? organisationOf(db, user) : undefined;
      if (!user || !organisation) return refuse("unregistered");
      const inChat = preferred === undefined ? undefined : findApplication(db, preferred)?.application;
      if (inChat && isOrganisationMember(db, user.id, inChat.organisationId))
        return { ok: true, applicationId: inChat.id };
      return { ok: true, applicationId: latestOpenApplication(db, organisation.id)?.id };
    },
  };
}
