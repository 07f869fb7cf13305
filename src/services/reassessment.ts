// After the result: a new self-assessment of a rated product (re-rating before the certificate
// expires, or an upgrade to the next tier) that starts from the last answers.
import { and, desc, eq, ne } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { answers, applicationEvents, applications, dossierFields, evidence } from "../db/schema.js";
import { appliesInCase, carryAnswers } from "../domain/rubric.js";
import type { RegistrationKind } from "../forms/types.js";
import type { RubricCatalog } from "../rubric/catalog.js";
import { type Application, canWorkOn, loadAssessment } from "./assessment.js";
import type { User } from "./people.js";
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
  const asked = sheet.criteria.filter((c) => appliesInCase(c, old.caseId) && kept[c.id] === undefined).length;
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
