// After the result: a new self-assessment of a rated product (re-rating before the certificate
// expires, or an upgrade to the next tier) that starts from the last answers.
import { and, desc, eq, ne } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { answers, applicationEvents, applications, dossierFields, evidence } from "../db/schema.js";
import { carryAnswers } from "../domain/rubric.js";
import { applicableCriteria } from "../domain/scoring.js";
import { REGISTRATION_KINDS, type RegistrationKind } from "../forms/types.js";
import type { RubricCatalog } from "../rubric/catalog.js";
import { type Application, type Assessment, canWorkOn, findApplication, loadAssessment } from "./assessment.js";
import { type Calibration, calibrationOf, recordOfficialPoints } from "./calibration.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import { isOrganisationMember, rolesFor } from "./membership.js";
import { findUser, type User } from "./people.js";
import { officialResultOf } from "./workflow.js";

/** "re-evaluation": the certificate is about to expire; "upgrade": aim at the next tier; "first": after a result below 3★. */
export type ReassessmentKind = RegistrationKind;

/**
 * What may follow a rated application with its official result: re-rating and (below 5★) an
 * upgrade for a recognised product (3★ or more, Decision 26/2026/QĐ-TTg, Art. 6 khoản 1 điểm b–c);
 * a fresh first rating otherwise. Empty for an application without an official result.
 */
export function reassessmentKinds(db: Db, app: Application): ReassessmentKind[] {
  const official = app.state === "rated" ? officialResultOf(db, app.id) : undefined;
  if (!official) return [];
  if (official.stars < 3) return ["first"];
  return official.stars < 5 ? ["re-evaluation", "upgrade"] : ["re-evaluation"];
}

export type ReassessmentOutcome =
  | { ok: true; application: Application; kept: number; asked: number }
  | { ok: false; reason: "not-found" | "role" | "kind" | "no-sheet" }
  /** The product already has a newer application (a second press, or another member's): open it. */
  | { ok: false; reason: "exists"; application: Application };

/**
 * Starts a new application of the same product under the rubric version in force, from the rated
 * application's answers: those whose criterion kept its id and options are copied with their
 * evidence files (the producer replaces what has expired); the disqualification questions are asked
 * again. The dossier's "registration kind" (Mẫu 01, item 4) is set. One transaction; a product
 * that already has a newer application gets that one back instead.
 */
export function startReassessment(
  db: Db,
  catalog: RubricCatalog,
  user: User,
  applicationId: number,
  kind: ReassessmentKind,
): ReassessmentOutcome {
  const old = loadAssessment(db, catalog, applicationId);
  if (!old) return { ok: false, reason: "not-found" };
  if (!canWorkOn(db, user, old.app)) return { ok: false, reason: "role" };
  if (!reassessmentKinds(db, old.app).includes(kind)) return { ok: false, reason: "kind" };
  const sheet = catalog.sheetFor(catalog.defaultVersion.id, old.product.productSet);
  if (!sheet) return { ok: false, reason: "no-sheet" };
  const { kept } = carryAnswers(old.sheet, sheet, old.answers);
  const files = db
    .select()
    .from(evidence)
    .where(eq(evidence.applicationId, old.app.id))
    .all()
    .filter((f) => kept[f.criterionId] !== undefined);
  const asked = applicableCriteria(sheet, old.caseId).filter((c) => kept[c.id] === undefined).length;
  const at = new Date();
  return db.transaction((tx): ReassessmentOutcome => {
    const newer = tx
      .select()
      .from(applications)
      .where(and(eq(applications.productId, old.product.id), ne(applications.state, "withdrawn")))
      .orderBy(desc(applications.id))
      .get();
    if (newer && newer.id > old.app.id) return { ok: false, reason: "exists", application: newer };
    const application = tx
      .insert(applications)
      .values({
        productId: old.product.id,
        organisationId: old.app.organisationId,
        sheetId: sheet.id,
        caseId: old.app.caseId,
        createdBy: user.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    for (const [criterionId, optionId] of Object.entries(kept)) {
      tx.insert(answers)
        .values({ applicationId: application.id, criterionId, optionId, answeredBy: user.id, answeredAt: at })
        .run();
    }
    for (const { id: _id, applicationId: _app, ...file } of files) {
      tx.insert(evidence)
        .values({ ...file, applicationId: application.id })
        .run();
    }
    tx.insert(dossierFields)
      .values({
        scope: "application",
        scopeId: application.id,
        key: "registration-kind",
        value: kind,
        updatedBy: user.id,
        updatedAt: at,
      })
      .run();
    tx.insert(applicationEvents)
      .values({
        applicationId: application.id,
        action: `start-${kind}`,
        fromState: "draft",
        toState: "draft",
        actorId: user.id,
        actorRole: "producer",
        note: String(old.app.id),
        at,
      })
      .run();
    return { ok: true, application, kept: Object.keys(kept).length, asked };
  });
}

/**
 * After the official result: a new self-assessment from the last answers (for the owner and
 * members of the application's organisation), and the council's points per part beside the
 * producer's (recorded by officers of the application's commune and administrators). Anyone else
 * gets "not-found" and changes nothing.
 */
export function reassessmentService(deps: CoreDeps) {
  const { db, catalog, adminIds } = deps;
  const isProducer = (actor: Actor, app: Application) =>
    actor !== undefined && isOrganisationMember(db, actor, app.organisationId);

  /** A rated application whose official result the actor may complete: an officer of its commune or an administrator. */
  const ratedForOfficer = (actor: Actor, applicationId: number | undefined) => {
    const a = applicationId === undefined ? undefined : loadAssessment(db, catalog, applicationId);
    const roles = a && actor !== undefined ? rolesFor(db, adminIds, actor, a.app) : [];
    return a && a.app.state === "rated" && roles.some((r) => r !== "producer") ? a : undefined;
  };

  return {
    /** What may follow the application (see reassessmentKinds), for its producer; empty for anyone else. */
    kinds(actor: Actor, applicationId: number): ReassessmentKind[] {
      const found = findApplication(db, applicationId);
      return found && isProducer(actor, found.application) ? reassessmentKinds(db, found.application) : [];
    },

    /**
     * Starts a re-assessment of the kind from a rated application (see startReassessment) and
     * returns the new one. "exists": the product already has a newer application (`applicationId`,
     * and `kind`, the kind it was started as, when it was one);
     * "kind": not one reassessmentKinds offers; "no-sheet": the version in force has no sheet for
     * the product set.
     */
    start(
      actor: Actor,
      applicationId: number,
      kind: ReassessmentKind,
    ):
      | { ok: true; assessment: Assessment; kept: number; asked: number }
      | { ok: false; reason: "exists"; applicationId: number; kind: ReassessmentKind | undefined }
      | Refused<"not-found" | "kind" | "no-sheet"> {
      const user = actor === undefined ? undefined : findUser(db, actor);
      if (!user) return refuse("not-found");
      const outcome = startReassessment(db, catalog, user, applicationId, kind);
      if (outcome.ok) {
        const assessment = loadAssessment(db, catalog, outcome.application.id)!;
        return { ok: true, assessment, kept: outcome.kept, asked: outcome.asked };
      }
      if (outcome.reason === "exists") {
        const { id } = outcome.application;
        return { ok: false, reason: "exists", applicationId: id, kind: startedAs(db, id) };
      }
      return refuse(outcome.reason === "role" ? "not-found" : outcome.reason);
    },

    /**
     * The producer's score beside the council's (undefined until the council's points are recorded),
     * for the application's producer, an officer of its commune or an administrator.
     */
    calibration(
      actor: Actor,
      applicationId: number,
    ): { ok: true; calibration: Calibration | undefined } | Refused<"not-found"> {
      const a = loadAssessment(db, catalog, applicationId);
      if (!a || actor === undefined || rolesFor(db, adminIds, actor, a.app).length === 0) return refuse("not-found");
      return { ok: true, calibration: calibrationOf(db, a) };
    },

    /** The rated application whose council's points the actor (an officer of its commune, or an administrator) may record. */
    pointsFor(
      actor: Actor,
      applicationId: number | undefined,
    ): { ok: true; assessment: Assessment } | Refused<"not-found"> {
      const a = ratedForOfficer(actor, applicationId);
      return a ? { ok: true, assessment: a } : refuse("not-found");
    },

    /**
     * Records the council's points per part (see recordOfficialPoints: one transaction with the
     * audit event and the producer's and members' notifications, which it then sends) and returns
     * the comparison. "invalid": a part missing or out of its range.
     */
    recordPoints(
      actor: Actor,
      applicationId: number,
      points: Record<string, number>,
    ): { ok: true; assessment: Assessment; calibration: Calibration } | Refused<"not-found" | "invalid"> {
      const a = ratedForOfficer(actor, applicationId);
      if (!a) return refuse("not-found");
      const saved = recordOfficialPoints(deps, actor!, a.app.id, points);
      if (!saved.ok) return refuse(saved.reason === "invalid" ? "invalid" : "not-found");
      deps.notify();
      return { ok: true, assessment: a, calibration: calibrationOf(db, a)! };
    },
  };
}

/** The kind a re-assessment was started as (the dossier's "registration kind"), if it was one. */
function startedAs(db: Db, applicationId: number): ReassessmentKind | undefined {
  const value = db
    .select({ value: dossierFields.value })
    .from(dossierFields)
    .where(
      and(
        eq(dossierFields.scope, "application"),
        eq(dossierFields.scopeId, applicationId),
        eq(dossierFields.key, "registration-kind"),
      ),
    )
    .get()?.value;
  return REGISTRATION_KINDS.find((k) => k === value);
}
