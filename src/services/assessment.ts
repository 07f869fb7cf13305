// Products and their self-assessments: the questions in order, answers written at once, the result.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { type ApplicationState, answers, applicationEvents, applications, clearances, products } from "../db/schema.js";
import { isEditableState, transition } from "../domain/lifecycle.js";
import { improvementPlan, type Plan, planTargets } from "../domain/plan.js";
import { appliesInCase, type Criterion, optionsFor, type PlacedCriterion, type Sheet } from "../domain/rubric.js";
import { type ScoreResult, score } from "../domain/scoring.js";
import type { RubricCatalog } from "../rubric/catalog.js";
import { isOrganisationMember } from "./membership.js";
import type { Organisation, User } from "./people.js";

export type Product = typeof products.$inferSelect;
export type Application = typeof applications.$inferSelect;

/** Whether the producer may still change the application's answers and evidence (lifecycle rule). */
export function isEditable(app: Application): boolean {
  return isEditableState(app.state);
}

export function addProduct(
  db: Db,
  catalog: RubricCatalog,
  user: User,
  org: Organisation,
  input: { name: string; productSet: string; caseId?: string | undefined },
): { product: Product; application: Application } | { error: "no-sheet" } {
  const sheet = catalog.sheetFor(catalog.defaultVersion.id, input.productSet);
  if (!sheet) return { error: "no-sheet" };
  return db.transaction((tx) => {
    const product = tx
      .insert(products)
      .values({ organisationId: org.id, createdBy: user.id, name: input.name, productSet: input.productSet })
      .returning()
      .get();
    const application = tx
      .insert(applications)
      .values({
        productId: product.id,
        organisationId: org.id,
        sheetId: sheet.id,
        caseId: input.caseId ?? null,
        createdBy: user.id,
      })
      .returning()
      .get();
    return { product, application };
  });
}

export interface ProductWithApplication {
  product: Product;
  application: Application;
}

/** The organisation's products, newest first, each with its latest application. */
export function productsOf(db: Db, organisationId: number): ProductWithApplication[] {
  const rows = db
    .select()
    .from(products)
    .innerJoin(applications, eq(applications.productId, products.id))
    .where(eq(products.organisationId, organisationId))
    .orderBy(desc(products.id), desc(applications.id))
    .all();
  const seen = new Set<number>();
  return rows
    .filter((r) => !seen.has(r.products.id) && seen.add(r.products.id))
    .map((r) => ({ product: r.products, application: r.applications }));
}

export function findApplication(db: Db, id: number): ProductWithApplication | undefined {
  const row = db
    .select()
    .from(applications)
    .innerJoin(products, eq(products.id, applications.productId))
    .where(eq(applications.id, id))
    .get();
  return row && { product: row.products, application: row.applications };
}

/**
 * Whether every option the law gives this criterion presumes a business registration: it expects
 * the registration as evidence and has no 0-point option of its own (e.g. A3.1 "Loại hình tổ chức",
 * whose lowest option is a household "có đăng ký kinh doanh"; the tourism set's C8).
 */
export function presumesBusinessRegistration(criterion: Criterion, caseId: string | undefined): boolean {
  return criterion.evidence.includes("business-registration") && optionsFor(criterion, caseId).some((o) => o.none);
}

/** Whether the user may see and work on the application: its organisation is theirs (owner or member). */
export function canWorkOn(db: Db, user: User, app: Application): boolean {
  return isOrganisationMember(db, user.id, app.organisationId);
}

/** A question: a disqualification item ("dq:<id>") or a criterion (its id). */
export type QuestionKey = string;
const DQ = "dq:";
export const clearanceKey = (itemId: string): QuestionKey => `${DQ}${itemId}`;
export const isClearanceKey = (key: QuestionKey) => key.startsWith(DQ);
export const clearanceItem = (key: QuestionKey) => key.slice(DQ.length);

export interface Assessment {
  sheet: Sheet;
  app: Application;
  product: Product;
  caseId: string | undefined;
  /** The criteria that apply to the product, in sheet order. */
  criteria: PlacedCriterion[];
  answers: Record<string, string>;
  clearances: Record<string, boolean>;
  /** Every question in order: disqualification items first, then the criteria. */
  order: QuestionKey[];
}

export function loadAssessment(db: Db, catalog: RubricCatalog, applicationId: number): Assessment | undefined {
  const found = findApplication(db, applicationId);
  if (!found) return undefined;
  const sheet = catalog.sheet(found.application.sheetId);
  if (!sheet) return undefined;
  const caseId = found.application.caseId ?? undefined;
  const criteria = sheet.criteria.filter((c) => appliesInCase(c, caseId));
  const answerRows = db.select().from(answers).where(eq(answers.applicationId, applicationId)).all();
  const clearanceRows = db.select().from(clearances).where(eq(clearances.applicationId, applicationId)).all();
  return {
    sheet,
    app: found.application,
    product: found.product,
    caseId,
    criteria,
    answers: Object.fromEntries(answerRows.map((a) => [a.criterionId, a.optionId])),
    clearances: Object.fromEntries(clearanceRows.map((c) => [c.itemId, c.holds])),
    order: [...sheet.disqualification.map((d) => clearanceKey(d.id)), ...criteria.map((c) => c.id)],
  };
}

export function isAnswered(a: Assessment, key: QuestionKey): boolean {
  return isClearanceKey(key) ? a.clearances[clearanceItem(key)] !== undefined : a.answers[key] !== undefined;
}

/** The next unanswered question after `after` (in order), else the first unanswered one. */
export function nextQuestion(a: Assessment, after?: QuestionKey): QuestionKey | undefined {
  const start = after === undefined ? 0 : a.order.indexOf(after) + 1;
  return a.order.slice(start).find((k) => !isAnswered(a, k)) ?? a.order.find((k) => !isAnswered(a, k));
}

export function previousQuestion(a: Assessment, key: QuestionKey): QuestionKey | undefined {
  const i = a.order.indexOf(key);
  return i > 0 ? a.order[i - 1] : undefined;
}

export function answeredCount(a: Assessment): number {
  return a.order.filter((k) => isAnswered(a, k)).length;
}

export type AnswerOutcome =
  | { ok: true; previous: string | undefined; completed: boolean }
  | { ok: false; reason: "not-editable" | "unknown-question" | "unknown-option" };

/** Writes one answer (a criterion's option, or whether a requirement holds) before anything else happens. */
export function saveAnswer(
  db: Db,
  a: Assessment,
  key: QuestionKey,
  value: string | boolean,
  userId: number,
): AnswerOutcome {
  if (!isEditable(a.app)) return { ok: false, reason: "not-editable" };
  if (!a.order.includes(key)) return { ok: false, reason: "unknown-question" };
  const isClearance = isClearanceKey(key);
  const criterion = a.criteria.find((c) => c.id === key);
  const valid = isClearance
    ? typeof value === "boolean"
    : typeof value === "string" && !!criterion && optionsFor(criterion, a.caseId).some((o) => o.id === value);
  if (!valid) return { ok: false, reason: "unknown-option" };

  const itemId = clearanceItem(key);
  const previous = isClearance
    ? a.clearances[itemId] === undefined
      ? undefined
      : String(a.clearances[itemId])
    : a.answers[key];
  if (isClearance) a.clearances[itemId] = value as boolean;
  else a.answers[key] = value as string;
  const completed = a.order.every((k) => isAnswered(a, k));
  // The last answer completes a draft: a transition of the life cycle like any other, with its event.
  const complete = completed ? transition(a.app.state, "complete", "system") : undefined;
  const state: ApplicationState = complete?.ok ? complete.to : a.app.state;
  const at = new Date();
  db.transaction((tx) => {
    if (isClearance) {
      tx.insert(clearances)
        .values({ applicationId: a.app.id, itemId, holds: value as boolean, answeredBy: userId, answeredAt: at })
        .onConflictDoUpdate({
          target: [clearances.applicationId, clearances.itemId],
          set: { holds: value as boolean, answeredBy: userId, answeredAt: at },
        })
        .run();
    } else {
      tx.insert(answers)
        .values({
          applicationId: a.app.id,
          criterionId: key,
          optionId: value as string,
          answeredBy: userId,
          answeredAt: at,
        })
        .onConflictDoUpdate({
          target: [answers.applicationId, answers.criterionId],
          set: { optionId: value as string, answeredBy: userId, answeredAt: at },
        })
        .run();
    }
    tx.update(applications).set({ updatedAt: at }).where(eq(applications.id, a.app.id)).run();
    // Only if the state is still the one read (another member may have completed it meanwhile).
    const moved =
      state !== a.app.state &&
      tx
        .update(applications)
        .set({ state })
        .where(and(eq(applications.id, a.app.id), eq(applications.state, a.app.state)))
        .run().changes === 1;
    if (moved) {
      tx.insert(applicationEvents)
        .values({
          applicationId: a.app.id,
          action: "complete",
          fromState: a.app.state,
          toState: state,
          actorId: null,
          actorRole: "system",
          at,
        })
        .run();
    }
  });
  a.app = { ...a.app, state, updatedAt: at };
  return { ok: true, previous, completed };
}

export interface AssessmentResult {
  score: ScoreResult;
  plans: Plan[];
}

export function assessmentResult(a: Assessment): AssessmentResult {
  const opts = { caseId: a.caseId, clearances: a.clearances };
  const result = score(a.sheet, a.answers, opts);
  const plans = planTargets(result).map((target) => improvementPlan(a.sheet, a.answers, target, opts));
  return { score: result, plans };
}

/** The user's most recently touched application still being filled in, to resume. */
export function latestOpenApplication(db: Db, organisationId: number): Application | undefined {
  return db
    .select()
    .from(applications)
    .where(and(eq(applications.organisationId, organisationId), eq(applications.state, "draft")))
    .orderBy(desc(applications.updatedAt), desc(applications.id))
    .get();
}
