// Rubric versions of an application: which one it is scored under, and the move to the version in
// force when its dossier was filed (Decision 26/2026/QĐ-TTg, Art. 12), keeping what still means the same.
import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { type ApplicationState, answers, applicationEvents, applications, clearances } from "../db/schema.js";
import { carryAnswers, type Sheet, type VersionData, versionBefore } from "../domain/rubric.js";
import { applicableCriteria } from "../domain/scoring.js";
import type { RubricCatalog } from "../rubric/catalog.js";
import { type Assessment, isEditable, loadAssessment } from "./assessment.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import { isOrganisationMember } from "./membership.js";

export interface RubricVersionChoice {
  /** The version the application is scored under now. */
  current: VersionData;
  /** The version new assessments start under. */
  latest: VersionData;
  /** The version for dossiers filed before the latest took effect (Decision 148/2023), if any. */
  earlier: VersionData | undefined;
  /** Titles of the product sets the earlier version has a sheet for in the bot. */
  earlierSets: string[];
  /** The sheet the application may move to (the earlier one, or back to the latest), if shipped. */
  switchTo: Sheet | undefined;
  /** How many answers would be kept, and how many asked again, on that sheet. */
  kept: number;
  dropped: number;
  editable: boolean;
}

/**
 * Which rubric version the application is scored under and which it may move to. A producer whose
 * dossier was filed before the latest version took effect says so, and is scored under the earlier
 * one where its sheet is shipped (Decision 26/2026/QĐ-TTg, Art. 12 khoản 2); otherwise switchTo is
 * undefined and the bot says plainly that the old sheet is not available.
 */
export function rubricVersionChoice(catalog: RubricCatalog, a: Assessment): RubricVersionChoice {
  const latest = catalog.defaultVersion;
  const earlier = versionBefore(catalog.versions, latest);
  const target = a.sheet.version.id === latest.id ? earlier : latest;
  const switchTo = target && catalog.sheetFor(target.id, a.product.productSet);
  const carried = switchTo ? carryAnswers(a.sheet, switchTo, a.answers) : { kept: {}, dropped: [] };
  return {
    current: a.sheet.version,
    latest,
    earlier,
    earlierSets: earlier ? catalog.sheets.filter((s) => s.version.id === earlier.id).map((s) => s.productSetTitle) : [],
    switchTo,
    kept: Object.keys(carried.kept).length,
    dropped: carried.dropped.length,
    editable: isEditable(a.app),
  };
}

export type SwitchOutcome =
  | { ok: true; sheet: Sheet; kept: number; dropped: number }
  | { ok: false; reason: "not-editable" | "no-sheet" | "already" };

/**
 * Moves an application to the product set's sheet of another rubric version (see
 * rubricVersionChoice). Answers whose criterion keeps its id and options stay; the others, and
 * disqualification answers the new sheet does not ask, are removed and asked again. One
 * transaction, recorded in the audit trail; a second press finds the sheet already changed.
 */
export function switchRubricVersion(
  db: Db,
  catalog: RubricCatalog,
  a: Assessment,
  versionId: string,
  userId: number,
): SwitchOutcome {
  if (a.sheet.version.id === versionId) return { ok: false, reason: "already" };
  if (!isEditable(a.app)) return { ok: false, reason: "not-editable" };
  const sheet = catalog.sheetFor(versionId, a.product.productSet);
  if (!sheet) return { ok: false, reason: "no-sheet" };
  const { kept, dropped } = carryAnswers(a.sheet, sheet, a.answers);
  const items = sheet.disqualification.map((d) => d.id);
  const cleared = Object.keys(a.clearances).filter((id) => items.includes(id));
  const complete =
    applicableCriteria(sheet, a.caseId).every((c) => kept[c.id] !== undefined) &&
    items.every((id) => cleared.includes(id));
  const state: ApplicationState = a.app.state === "returned" ? "returned" : complete ? "completed" : "draft";
  const at = new Date();
  const changed = db.transaction((tx) => {
    const updated = tx
      .update(applications)
      .set({ sheetId: sheet.id, state, updatedAt: at })
      .where(and(eq(applications.id, a.app.id), eq(applications.sheetId, a.sheet.id)))
      .run();
    if (updated.changes !== 1) return false;
    if (dropped.length)
      tx.delete(answers)
        .where(and(eq(answers.applicationId, a.app.id), inArray(answers.criterionId, dropped)))
        .run();
    tx.delete(clearances)
      .where(and(eq(clearances.applicationId, a.app.id), notInArray(clearances.itemId, items)))
      .run();
    tx.insert(applicationEvents)
      .values({
        applicationId: a.app.id,
        action: "rubric-version",
        fromState: a.app.state,
        toState: state,
        actorId: userId,
        actorRole: "producer",
        note: `${a.sheet.version.id} → ${versionId}`,
        at,
      })
      .run();
    return true;
  });
  if (!changed) return { ok: false, reason: "already" };
  return { ok: true, sheet, kept: Object.keys(kept).length, dropped: dropped.length };
}

/**
 * Rubric versions of the actor's applications (Decision 26/2026/QĐ-TTg, Art. 12 khoản 2). The actor
 * may see and switch an application's version when they own or are a member of its organisation;
 * anyone else gets "not-found" and changes nothing.
 */
export function rubricVersionsService({ db, catalog }: CoreDeps) {
  const open = (actor: Actor, applicationId: number): Assessment | undefined => {
    const a = loadAssessment(db, catalog, applicationId);
    return a && actor !== undefined && isOrganisationMember(db, actor, a.app.organisationId) ? a : undefined;
  };

  return {
    /** The version the application is scored under and the one it may move to (see rubricVersionChoice). */
    choice(
      actor: Actor,
      applicationId: number,
    ): { ok: true; assessment: Assessment; choice: RubricVersionChoice } | Refused<"not-found"> {
      const a = open(actor, applicationId);
      return a ? { ok: true, assessment: a, choice: rubricVersionChoice(catalog, a) } : refuse("not-found");
    },

    /**
     * Moves the application to another version's sheet (see switchRubricVersion), in one
     * transaction. "not-editable" carries the application's state.
     */
    switchVersion(
      actor: Actor,
      applicationId: number,
      versionId: string,
    ):
      | Extract<SwitchOutcome, { ok: true }>
      | { ok: false; reason: "not-editable"; state: ApplicationState }
      | Refused<"not-found" | "no-sheet" | "already"> {
      const a = open(actor, applicationId);
      if (!a) return refuse("not-found");
      const outcome = switchRubricVersion(db, catalog, a, versionId, actor!);
      if (outcome.ok) return outcome;
      const { reason } = outcome;
      return reason === "not-editable" ? { ok: false, reason, state: a.app.state } : refuse(reason);
    },
  };
}
