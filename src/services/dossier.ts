// The dossier beyond the self-assessment: the items the legal forms need (asked once, each
// skippable and editable), suggestions drawn from the answers, and the assembled input of the
// three Word forms.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { dossierFields, users } from "../db/schema.js";
import { legalImplications } from "../domain/legal-checklist.js";
import { findProductSet, optionsFor } from "../domain/rubric.js";
import { unitAddress } from "../forms/docx-kit.js";
import { formFileName } from "../forms/index.js";
import { formsText } from "../forms/text.js";
import { type EvidenceItem, type FormKind, type FormsInput, REGISTRATION_KINDS } from "../forms/types.js";
import type { AdminUnits } from "../geo/communes.js";
import type { RubricCatalog } from "../rubric/catalog.js";
import { charCount } from "../text.js";
import { type Assessment, assessmentScore, loadAssessment } from "./assessment.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import { evidenceFile, evidenceOf } from "./evidence.js";
import { isOrganisationMember, rolesFor } from "./membership.js";
import type { DbOrTx } from "./outbox.js";
import { findUser } from "./people.js";
import { localCriteria, localEvaluationsOf } from "./workflow.js";

export type DossierScope = (typeof dossierFields.$inferSelect)["scope"];
/** "one-of": a choice among the titles an answer leaves open (oneOfChoices), saved with the title's own item. */
export type ItemKind = "text" | "long-text" | "date" | "email" | "choice" | "yesno" | "one-of";

export interface DossierItem {
  key: string;
  scope: DossierScope;
  kind: ItemKind;
  /** For choice items: the values offered (their labels are in locales: dossier-<key>-<value>). */
  choices?: readonly string[];
}

/** The items in the order they are asked. Labels and prompts live in locales/ (dossier-<key>). */
export const DOSSIER_ITEMS: readonly DossierItem[] = [
  { key: "registration-kind", scope: "application", kind: "choice", choices: REGISTRATION_KINDS },
  { key: "address", scope: "organisation", kind: "text" },
  { key: "email", scope: "organisation", kind: "email" },
  { key: "rep-position", scope: "organisation", kind: "text" },
  { key: "rep-gender", scope: "organisation", kind: "choice", choices: ["female", "male"] },
  { key: "rep-ethnicity", scope: "organisation", kind: "text" },
  { key: "rep-address", scope: "organisation", kind: "text" },
  { key: "founded-on", scope: "organisation", kind: "date" },
  { key: "registration-number", scope: "organisation", kind: "text" },
  { key: "description", scope: "product", kind: "long-text" },
  { key: "standard", scope: "product", kind: "text" },
  { key: "legal-business-registration", scope: "application", kind: "yesno" },
  { key: "legal-quality-declared", scope: "application", kind: "yesno" },
  { key: "legal-food-safety", scope: "application", kind: "yesno" },
  { key: "legal-production-certificate", scope: "application", kind: "yesno" },
  { key: "ip-title", scope: "application", kind: "one-of" },
  { key: "legal-trademark", scope: "application", kind: "yesno" },
  { key: "legal-geographical-indication", scope: "application", kind: "yesno" },
  { key: "legal-patent", scope: "application", kind: "yesno" },
  { key: "legal-industrial-design", scope: "application", kind: "yesno" },
  { key: "legal-copyright", scope: "application", kind: "yesno" },
  { key: "legal-other-ip", scope: "application", kind: "text" },
  { key: "history", scope: "organisation", kind: "long-text" },
  { key: "structure", scope: "organisation", kind: "long-text" },
  { key: "business-raw-material", scope: "application", kind: "long-text" },
  { key: "business-technology", scope: "application", kind: "long-text" },
  { key: "business-processing", scope: "application", kind: "long-text" },
  { key: "business-packaging", scope: "application", kind: "long-text" },
  { key: "business-changes", scope: "application", kind: "long-text" },
  { key: "business-markets", scope: "application", kind: "long-text" },
  { key: "business-revenue", scope: "application", kind: "text" },
  { key: "business-profit", scope: "application", kind: "text" },
  { key: "plan", scope: "application", kind: "long-text" },
];

/** Per-criterion descriptions are application items keyed "desc:<criterion id>". */
export const descriptionKey = (criterionId: string) => `desc:${criterionId}`;

export const YES = "yes";
export const NO = "no";

function scopeIdOf(a: Assessment, scope: DossierScope): number {
  return scope === "organisation" ? a.app.organisationId : scope === "product" ? a.product.id : a.app.id;
}

/** Every stored item of the application's organisation, product and application, by key. */
export function dossierValues(db: Db, a: Assessment): Map<string, string> {
  const values = new Map<string, string>();
  for (const scope of ["organisation", "product", "application"] as const) {
    const rows = db
      .select()
      .from(dossierFields)
      .where(and(eq(dossierFields.scope, scope), eq(dossierFields.scopeId, scopeIdOf(a, scope))))
      .all();
    for (const r of rows) values.set(r.key, r.value);
  }
  return values;
}

/** Saves an item; the title chosen in "ip-title" is also saved as held ("yes") under its own item. */
export function saveDossierValue(db: DbOrTx, a: Assessment, key: string, value: string, userId: number): void {
  if (key === "ip-title" && oneOfChoices(a)?.keys.includes(value)) saveDossierValue(db, a, value, YES, userId);
  const item = DOSSIER_ITEMS.find((i) => i.key === key);
  const scope: DossierScope = item?.scope ?? "application";
  const scopeId = scopeIdOf(a, scope);
  db.insert(dossierFields)
    .values({ scope, scopeId, key, value, updatedBy: userId })
    .onConflictDoUpdate({
      target: [dossierFields.scope, dossierFields.scopeId, dossierFields.key],
      set: { value, updatedBy: userId, updatedAt: new Date() },
    })
    .run();
}

/** Criteria that get a one-line description: answered with more than 0 points. */
export function describableCriteria(a: Assessment): string[] {
  return a.criteria
    .filter((c) => (optionsFor(c, a.caseId).find((o) => o.id === a.answers[c.id])?.points ?? 0) > 0)
    .map((c) => c.id);
}

/** What the answers imply for Mẫu 02, I.7 (see legalImplications). */
function implications(a: Assessment) {
  return legalImplications(a.criteria, a.answers, a.caseId, a.clearances);
}

/**
 * The titles the "ip-title" item offers (their items' keys, e.g. "legal-patent") and the
 * criterion whose answer needs one of them; undefined when no answer leaves such a choice.
 */
export function oneOfChoices(a: Assessment): { criterionId: string; keys: string[] } | undefined {
  const group = implications(a).oneOf[0];
  return group && { criterionId: group.criterionId, keys: group.ticks.map((t) => `legal-${t}`) };
}

/** The values a button may set for an item (yes/no, its choices, the titles "ip-title" offers); empty for typed items. */
export function itemChoices(a: Assessment, key: string): readonly string[] {
  const item = DOSSIER_ITEMS.find((i) => i.key === key);
  if (item?.kind === "yesno") return [YES, NO];
  if (item?.kind === "one-of") return oneOfChoices(a)?.keys ?? [];
  return item?.choices ?? [];
}

/** The longest typed value of an item, in characters: 2,000 for long texts and descriptions, else 200. */
export function valueMaxLength(key: string): number {
  return DOSSIER_ITEMS.find((i) => i.key === key)?.kind === "long-text" || key.startsWith("desc:") ? 2000 : 200;
}

/** Every key of the flow in order: the items (the choice of title only when an answer leaves one), then the criteria's descriptions. */
export function dossierKeys(a: Assessment): string[] {
  const items = DOSSIER_ITEMS.filter((i) => i.kind !== "one-of" || oneOfChoices(a));
  return [...items.map((i) => i.key), ...describableCriteria(a).map(descriptionKey)];
}

/** The first key never answered nor skipped: the flow asks each item once. */
export function nextDossierKey(db: Db, a: Assessment, after?: string): string | undefined {
  const values = dossierValues(db, a);
  const keys = dossierKeys(a);
  const start = after === undefined ? 0 : keys.indexOf(after) + 1;
  return keys.slice(start).find((k) => !values.has(k)) ?? keys.find((k) => !values.has(k));
}

/**
 * What the answers imply for an item, offered as a one-press suggestion: a box of Mẫu 02, I.7
 * that an answer implies (never a title an option leaves a choice of), and each criterion's
 * description (the chosen option's words).
 */
export function suggestion(a: Assessment, key: string): string | undefined {
  if (key.startsWith("desc:")) {
    const c = a.criteria.find((x) => x.id === key.slice(5));
    return c && optionsFor(c, a.caseId).find((o) => o.id === a.answers[c.id])?.label;
  }
  return implications(a).implied.some((t) => `legal-${t}` === key) ? YES : undefined;
}

const yes = (v: string | undefined) => v === YES;
const text = (v: string | undefined) => (v ? v : undefined);

/** Everything the three forms show, from the database. */
export function formsInput(
  db: Db,
  catalog: RubricCatalog,
  adminUnits: AdminUnits,
  applicationId: number,
): FormsInput | undefined {
  const a = loadAssessment(db, catalog, applicationId);
  if (!a) return undefined;
  const v = dossierValues(db, a);
  const org = a.organisation;
  const owner = db.select().from(users).where(eq(users.id, org.ownerId)).get();
  const commune = adminUnits.commune(a.app.communeCode ?? org.communeCode);
  const province = commune ? adminUnits.province(commune.provinceCode) : undefined;
  const score = assessmentScore(a);
  const set = findProductSet(a.sheet.version, a.product.productSet);
  const sector = a.sheet.version.taxonomy.find((s) =>
    s.groups.some((g) => g.sets.some((x) => x.id === a.product.productSet)),
  );
  const group = sector?.groups.find((g) => g.sets.some((x) => x.id === a.product.productSet));

  const evidence: Record<string, EvidenceItem[]> = {};
  for (const f of evidenceOf(db, a)) {
    const items = evidence[f.criterionId] ?? [];
    items.push({ fileName: f.fileName ?? undefined, kind: evidenceFile(f).kind, media: f.kind });
    evidence[f.criterionId] = items;
  }
  const descriptions = Object.fromEntries(
    [...v].filter(([k, value]) => k.startsWith("desc:") && value).map(([k, value]) => [k.slice(5), value]),
  );
  const local = Object.fromEntries(
    localEvaluationsOf(db, a.app.id).map((e) => [
      e.topic,
      { optionId: e.optionId ?? undefined, comment: e.note ?? undefined },
    ]),
  );
  const registrationKind = REGISTRATION_KINDS.find((k) => k === v.get("registration-kind"));

  const communeRef = commune && {
    name: commune.name,
    type: commune.type,
    province: province ? { name: province.name, type: province.type } : undefined,
  };
  return {
    ...(province ? { province: { name: province.name, type: province.type } } : {}),
    ...(communeRef ? { commune: communeRef } : {}),
    organisation: {
      name: org.name,
      typeLabel: formsText().organisationTypes[org.type],
      // Without a typed address, the commune is where the producer can be reached.
      address: text(v.get("address")) ?? unitAddress(communeRef),
      phone: owner?.phone ?? undefined,
      email: text(v.get("email")),
      representative: {
        fullName: owner?.fullName ?? undefined,
        position: text(v.get("rep-position")),
        gender:
          v.get("rep-gender") === "female" || v.get("rep-gender") === "male"
            ? (v.get("rep-gender") as "female" | "male")
            : undefined,
        ethnicity: text(v.get("rep-ethnicity")),
        permanentAddress: text(v.get("rep-address")),
      },
      foundedOn: text(v.get("founded-on")),
      registrationNumber: text(v.get("registration-number")),
      history: text(v.get("history")),
      structure: text(v.get("structure")),
    },
    product: { name: a.product.name, description: text(v.get("description")), standard: text(v.get("standard")) },
    productSet: { sector: sector?.title, group: group?.title, title: set?.title },
    ...(registrationKind ? { registrationKind } : {}),
    legal: {
      businessRegistration: yes(v.get("legal-business-registration")),
      qualityDeclared: yes(v.get("legal-quality-declared")),
      foodSafetyCertificate: yes(v.get("legal-food-safety")),
      productionCertificate: yes(v.get("legal-production-certificate")),
      trademark: yes(v.get("legal-trademark")),
      geographicalIndication: yes(v.get("legal-geographical-indication")),
      patent: yes(v.get("legal-patent")),
      industrialDesign: yes(v.get("legal-industrial-design")),
      copyright: yes(v.get("legal-copyright")),
      otherIp: text(v.get("legal-other-ip")),
    },
    business: {
      rawMaterialArea: text(v.get("business-raw-material")),
      technology: text(v.get("business-technology")),
      processing: text(v.get("business-processing")),
      packaging: text(v.get("business-packaging")),
      changes: text(v.get("business-changes")),
      markets: text(v.get("business-markets")),
      revenue: text(v.get("business-revenue")),
      profit: text(v.get("business-profit")),
    },
    plan: text(v.get("plan")),
    assessment: {
      sheet: a.sheet,
      answers: a.answers,
      caseId: a.caseId,
      clearances: a.clearances,
      score,
      descriptions,
      evidence,
    },
    ...(localCriteria(a).length && Object.keys(local).length ? { communeEvaluation: local } : {}),
    ...(a.app.submittedAt ? { dates: { "mau-01": a.app.submittedAt, "mau-02": a.app.submittedAt } } : {}),
  };
}

/** An application's dossier as the flow shows it. */
export interface Dossier {
  assessment: Assessment;
  /** Every stored item by key ("" for a skipped one). */
  values: ReadonlyMap<string, string>;
  /** Every key of the flow in order (see dossierKeys). */
  keys: string[];
  /** The next item never answered nor skipped (after `after` when given, else from the start); undefined when none is left. */
  next: string | undefined;
}

export type DossierRefusal = "not-found";

/** The forms' input and, for each form asked for, the name of its document. */
export interface Forms {
  input: FormsInput;
  documents: { kind: FormKind; fileName: string }[];
}

/** The forms a role may have: the producer's two for its owner and members, Mẫu 03 (the commune's report) too for officers and administrators. */
const FORMS_OF_ROLE = { producer: ["mau-01", "mau-02"], officer: ["mau-01", "mau-02", "mau-03"] } as const;

/**
 * "Hoàn thiện hồ sơ": the items the legal forms need beyond the self-assessment, and the forms'
 * input. The owner and members of the application's organisation read and write the dossier;
 * officers of the application's commune and administrators may read the forms. Anyone else gets
 * "not-found" and changes nothing.
 */
export function dossierService({ db, catalog, adminUnits, adminIds }: CoreDeps) {
  const view = (a: Assessment, after?: string): Dossier => ({
    assessment: a,
    values: dossierValues(db, a),
    keys: dossierKeys(a),
    next: nextDossierKey(db, a, after),
  });

  const open = (
    actor: Actor,
    applicationId: number | undefined,
    after?: string,
  ): ({ ok: true } & Dossier) | Refused<DossierRefusal> => {
    const a = applicationId === undefined ? undefined : loadAssessment(db, catalog, applicationId);
    if (!a || actor === undefined || !isOrganisationMember(db, actor, a.app.organisationId)) return refuse("not-found");
    return { ok: true, ...view(a, after) };
  };

  return {
    /** The application's dossier (values, keys, the next item after `after`), if the actor owns or is a member of its organisation. */
    open,

    /**
     * Saves one item ("" skips it): `key` must be one of the flow's keys, a button item's value one of
     * its choices (itemChoices), a typed one at most valueMaxLength characters. The title chosen in
     * "ip-title" is saved as held under its own item in the same transaction. Returns the dossier
     * with the next item after this one. Refusals: "not-found", "unknown-item", "invalid-value".
     */
    save(
      actor: Actor,
      applicationId: number,
      key: string,
      value: string,
    ): ({ ok: true } & Dossier) | Refused<DossierRefusal | "unknown-item" | "invalid-value"> {
      const opened = open(actor, applicationId);
      if (!opened.ok) return opened;
      const a = opened.assessment;
      if (!opened.keys.includes(key)) return refuse("unknown-item");
      const choices = itemChoices(a, key);
      const valid =
        value === "" || (choices.length ? choices.includes(value) : charCount(value) <= valueMaxLength(key));
      if (!valid) return refuse("invalid-value");
      db.transaction((tx) => saveDossierValue(tx, a, key, value, actor!));
      return { ok: true, ...view(a, key) };
    },

    /**
     * The input of the Word forms `kinds` (Mẫu 01 and 02 for the producer, Mẫu 03 as well for an
     * officer of the application's commune or an administrator; Decision 26/2026/QĐ-TTg, Phụ lục III),
     * with each document's file name. Refusals: "not-found" (no such application, or a form the
     * actor may not have).
     */
    forms(
      actor: Actor,
      applicationId: number,
      kinds: readonly FormKind[],
    ): ({ ok: true } & Forms) | Refused<DossierRefusal> {
      const a = loadAssessment(db, catalog, applicationId);
      const roles = a && actor !== undefined ? rolesFor(db, adminIds, actor, a.app) : [];
      const allowed: readonly FormKind[] = roles.some((r) => r !== "producer")
        ? FORMS_OF_ROLE.officer
        : roles.length
          ? FORMS_OF_ROLE.producer
          : [];
      const input =
        a && kinds.every((k) => allowed.includes(k)) ? formsInput(db, catalog, adminUnits, applicationId) : undefined;
      if (!a || !input) return refuse("not-found");
      const producer = findUser(db, a.product.createdBy)?.fullName ?? undefined;
      return {
        ok: true,
        input,
        documents: kinds.map((kind) => ({ kind, fileName: formFileName(kind, input.product?.name, producer) })),
      };
    },
  };
}
