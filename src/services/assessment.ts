// Products and their self-assessments: the questions in order, answers written at once, the result.
import { and, desc, eq, sql } from "drizzle-orm";
import { atomically, type Db } from "../db/client.js";
import { forget, remember, remembered } from "../db/memo.js";
import { preparedFor } from "../db/prepared.js";
import { type ApplicationState, answers, applicationEvents, applications, clearances, products } from "../db/schema.js";
import { isEditableState, transition } from "../domain/lifecycle.js";
import { improvementPlan, type Plan, planTargets } from "../domain/plan.js";
import { type Readiness, readinessOf } from "../domain/readiness.js";
import { type Criterion, oncePerCase, optionsFor, type PlacedCriterion, type Sheet } from "../domain/rubric.js";
import { applicableCriteria, type ScoreResult, score } from "../domain/scoring.js";
import type { RubricCatalog } from "../rubric/catalog.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import { evidenceFile, evidenceOf } from "./evidence.js";
import { isOrganisationMember } from "./membership.js";
import {
  findUser,
  isRegistered,
  lacksBusinessRegistration,
  type Organisation,
  organisationById,
  organisationOf,
  type User,
} from "./people.js";

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

const applicationById = preparedFor((db) =>
  db
    .select()
    .from(applications)
    .innerJoin(products, eq(products.id, applications.productId))
    .where(eq(applications.id, sql.placeholder("id")))
    .prepare(),
);
const answersOf = preparedFor((db) =>
  db
    .select({ criterionId: answers.criterionId, optionId: answers.optionId })
    .from(answers)
    .where(eq(answers.applicationId, sql.placeholder("id")))
    .prepare(),
);
const clearancesOf = preparedFor((db) =>
  db
    .select({ itemId: clearances.itemId, holds: clearances.holds })
    .from(clearances)
    .where(eq(clearances.applicationId, sql.placeholder("id")))
    .prepare(),
);

// The writes of every answer: the answer (or clearance) upserted, the application touched.
const answerUpsert = preparedFor((db) =>
  db
    .insert(answers)
    .values({
      applicationId: sql.placeholder("app"),
      criterionId: sql.placeholder("item"),
      optionId: sql.placeholder("option"),
      answeredBy: sql.placeholder("by"),
      answeredAt: sql.placeholder("at"),
    })
    .onConflictDoUpdate({
      target: [answers.applicationId, answers.criterionId],
      set: {
        optionId: sql`excluded.option_id`,
        answeredBy: sql`excluded.answered_by`,
        answeredAt: sql`excluded.answered_at`,
      },
    })
    .prepare(),
);

const clearanceUpsert = preparedFor((db) =>
  db
    .insert(clearances)
    .values({
      applicationId: sql.placeholder("app"),
      itemId: sql.placeholder("item"),
      holds: sql.placeholder("holds"),
      answeredBy: sql.placeholder("by"),
      answeredAt: sql.placeholder("at"),
    })
    .onConflictDoUpdate({
      target: [clearances.applicationId, clearances.itemId],
      set: { holds: sql`excluded.holds`, answeredBy: sql`excluded.answered_by`, answeredAt: sql`excluded.answered_at` },
    })
    .prepare(),
);

/** A draft's completion by its last answer, at `at` (ms): the state changes only if it is still `from`. */
const completeDraft = preparedFor((db) =>
  db
    .update(applications)
    .set({ state: sql`${sql.placeholder("to")}`, updatedAt: sql`${sql.placeholder("at")}` })
    .where(and(eq(applications.id, sql.placeholder("app")), eq(applications.state, sql.placeholder("from"))))
    .prepare(),
);

const completionEvent = preparedFor((db) =>
  db
    .insert(applicationEvents)
    .values({
      applicationId: sql.placeholder("app"),
      action: "complete",
      fromState: sql.placeholder("from"),
      toState: sql.placeholder("to"),
      actorId: null,
      actorRole: "system",
      at: sql.placeholder("at"),
    })
    .prepare(),
);

/** `at` in milliseconds (a placeholder inside sql`` skips the column's Date mapping). */
const touchApplication = preparedFor((db) =>
  db
    .update(applications)
    .set({ updatedAt: sql`${sql.placeholder("at")}` })
    .where(eq(applications.id, sql.placeholder("app")))
    .prepare(),
);

export function findApplication(db: Db, id: number): ProductWithApplication | undefined {
  const row = applicationById(db).get({ id });
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

/** A self-assessment as the database holds it; only saveAnswer changes one, once its write is committed. */
export interface Assessment {
  readonly sheet: Sheet;
  readonly app: Application;
  readonly product: Product;
  /** The producer: the organisation the application belongs to. */
  readonly organisation: Organisation;
  readonly caseId: string | undefined;
  /** The criteria that apply to the product, in sheet order. */
  readonly criteria: readonly PlacedCriterion[];
  readonly answers: Readonly<Record<string, string>>;
  readonly clearances: Readonly<Record<string, boolean>>;
  /** Every question in order: disqualification items first, then the criteria. */
  readonly order: readonly QuestionKey[];
}

/**
 * The application's self-assessment as the database holds it now: the one remembered (memo.ts),
 * shared by every caller until the database changes, so nobody but saveAnswer may change it.
 */
export function loadAssessment(db: Db, catalog: RubricCatalog, applicationId: number): Assessment | undefined {
  return remembered(db, ASSESSMENT, applicationId, () => readAssessment(db, catalog, applicationId));
}

const ASSESSMENT = "assessment";

function readAssessment(db: Db, catalog: RubricCatalog, applicationId: number): Assessment | undefined {
  const found = findApplication(db, applicationId);
  if (!found) return undefined;
  const sheet = catalog.sheet(found.application.sheetId);
  const organisation = organisationById(db, found.application.organisationId);
  if (!sheet || !organisation) return undefined;
  const caseId = found.application.caseId ?? undefined;
  const { criteria, order } = questionsOf(sheet, caseId);
  const answerRows = answersOf(db).all({ id: applicationId });
  const clearanceRows = clearancesOf(db).all({ id: applicationId });
  return {
    sheet,
    app: found.application,
    product: found.product,
    organisation,
    caseId,
    criteria,
    answers: Object.fromEntries(answerRows.map((a) => [a.criterionId, a.optionId])),
    clearances: Object.fromEntries(clearanceRows.map((c) => [c.itemId, c.holds])),
    order,
  };
}

/** The criteria of a sheet that apply in a case, and every question in order: built once per sheet and case. */
export const questionsOf = oncePerCase((sheet: Sheet, caseId): Pick<Assessment, "criteria" | "order"> => {
  const criteria = applicableCriteria(sheet, caseId);
  return { criteria, order: [...sheet.disqualification.map((d) => clearanceKey(d.id)), ...criteria.map((c) => c.id)] };
});

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

/**
 * An application's `updated_at` is its last activity to the minute: an answer moves it only when it
 * is this far from the answer's time (or with a change of state). Idle-draft reminders count days and
 * recent drafts are sorted by it; moving it costs an answer's commit three more pages (the row and
 * the index of drafts by state and time), which most answers, seconds apart, now skip.
 */
const ACTIVITY_RESOLUTION_MS = 60_000;

/**
 * Writes one answer (a criterion's option, or whether a requirement holds) before anything else
 * happens, then updates `a`, the assessment remembered (memo.ts), to match. The commit survives a
 * crash at once and a power cut once flushed, within FLUSH_WITHIN_MS (client.ts): a power cut may
 * lose the answers of that last moment, which are then asked again. The completion of the draft by
 * its last answer goes with that answer; anything done after it (a submission) is flushed with its
 * own commit, and with it every commit before.
 */
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
  const completed = a.order.every((k) => k === key || isAnswered(a, k));
  // The last answer completes a draft: a transition of the life cycle like any other, with its event.
  const complete = completed ? transition(a.app.state, "complete", "system") : undefined;
  const state: ApplicationState = complete?.ok ? complete.to : a.app.state;
  // The same answer again (a double tap, an old button): nothing to write.
  if (previous === String(value) && state === a.app.state) return { ok: true, previous, completed };
  const at = new Date();
  const from = a.app.state;
  const row = { app: a.app.id, item: key, by: userId, at };
  const touched = state !== from || Math.abs(at.getTime() - a.app.updatedAt.getTime()) >= ACTIVITY_RESOLUTION_MS;
  const moved = atomically(
    db,
    () => {
      if (isClearance) clearanceUpsert(db).run({ ...row, item: itemId, holds: value as boolean });
      else answerUpsert(db).run({ ...row, option: value as string });
      if (state === from) {
        if (touched) touchApplication(db).run({ app: a.app.id, at: at.getTime() });
        return false;
      }
      // Only if the state is still the one read (another member may have completed it meanwhile).
      const moved = completeDraft(db).run({ app: a.app.id, from, to: state, at: at.getTime() }).changes === 1;
      if (moved) completionEvent(db).run({ app: a.app.id, from, to: state, at });
      return moved;
    },
    "soon",
  );
  // Committed: `a` changes in place, and stays remembered unless its state moved elsewhere meanwhile.
  const changing = a as Mutable<Assessment>;
  if (isClearance) (changing.clearances as Record<string, boolean>)[itemId] = value as boolean;
  else (changing.answers as Record<string, string>)[key] = value as string;
  if (touched) changing.app = { ...a.app, state, updatedAt: at };
  if (state === from || moved) remember(db, ASSESSMENT, a.app.id, a);
  else forget(db, ASSESSMENT, a.app.id);
  return { ok: true, previous, completed };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface AssessmentResult {
  score: ScoreResult;
  plans: Plan[];
}

/** The indicative score per part and in total, and the stars (see domain/scoring.ts). */
export function assessmentScore(a: Assessment): ScoreResult {
  return score(a.sheet, a.answers, { caseId: a.caseId, clearances: a.clearances });
}

/** The score and the improvement plans to the next tiers (the plans cost far more than the score). */
export function assessmentResult(a: Assessment): AssessmentResult {
  const result = assessmentScore(a);
  const opts = { caseId: a.caseId, clearances: a.clearances };
  const plans = planTargets(result).map((target) => improvementPlan(a.sheet, a.answers, target, opts));
  return { score: result, plans };
}

/** What the application still needs before it can be filed (see readinessOf). */
export function applicationReadiness(db: Db, a: Assessment): Readiness {
  return readinessOf({
    clearanceIds: a.sheet.disqualification.map((d) => d.id),
    criteria: a.criteria,
    caseId: a.caseId,
    answers: a.answers,
    score: assessmentScore(a),
    files: evidenceOf(db, a).map(evidenceFile),
    unregistered: lacksBusinessRegistration(a.organisation),
  });
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

/** "not-found": no such application, or not one the actor may see (the same answer, so ids cannot be probed). */
export type AccessRefusal = "not-found";

export type Opened = { ok: true; assessment: Assessment } | Refused<AccessRefusal>;

export type AnswerResult =
  | {
      ok: true;
      assessment: Assessment;
      /** The answer differs from the one stored before (false: the same option again). */
      changed: boolean;
      /** The option (or "true"/"false" for a requirement) answered before, if any. */
      previous: string | undefined;
      /** Every question is answered (the draft became completed with this answer, or was already). */
      completed: boolean;
      /** The next unanswered question after this one, if any. */
      next: QuestionKey | undefined;
    }
  | { ok: false; reason: "not-editable"; state: ApplicationState }
  | Refused<AccessRefusal | "unknown-question" | "unknown-option">;

/** Which application a command without one is about (see `assessmentService().forCommand`). */
export type CommandTarget =
  | { kind: "application"; assessment: Assessment }
  | { kind: "choose"; products: ProductWithApplication[] }
  | { kind: "no-product" }
  | { kind: "unregistered" };

/**
 * The self-assessment's use cases. The actor may work on an application when they own or are a
 * member of its organisation (roles derived from the database on every call); anyone else gets
 * "not-found" and changes nothing.
 */
export function assessmentService({ db, catalog }: CoreDeps) {
  const open = (actor: Actor, applicationId: number | undefined): Opened => {
    const a = applicationId === undefined ? undefined : loadAssessment(db, catalog, applicationId);
    if (!a || actor === undefined || !isOrganisationMember(db, actor, a.app.organisationId)) return refuse("not-found");
    return { ok: true, assessment: a };
  };

  return {
    /** The application's self-assessment (sheet, answers, order of questions), if the actor may work on it. */
    open,

    /**
     * Records one answer — a criterion's option id, or whether a disqualification requirement holds
     * (`key` "dq:<id>", value boolean) — in one transaction with the application's timestamp and,
     * for the last one, the draft's completion (a life-cycle transition with its audit event).
     */
    answer(actor: Actor, applicationId: number, key: QuestionKey, value: string | boolean): AnswerResult {
      const opened = open(actor, applicationId);
      if (!opened.ok) return opened;
      const a = opened.assessment;
      const saved = saveAnswer(db, a, key, value, actor!);
      if (!saved.ok) {
        const { reason } = saved;
        return reason === "not-editable" ? { ok: false, reason, state: a.app.state } : refuse(reason);
      }
      return {
        ok: true,
        assessment: a,
        changed: saved.previous !== String(value),
        previous: saved.previous,
        completed: saved.completed,
        next: nextQuestion(a, key),
      };
    },

    /** The indicative score per part and in total, the star tier, and the plans to reach the next tiers. */
    result(
      actor: Actor,
      applicationId: number,
    ): ({ ok: true; assessment: Assessment } & AssessmentResult) | Refused<AccessRefusal> {
      const opened = open(actor, applicationId);
      return opened.ok ? { ...opened, ...assessmentResult(opened.assessment) } : opened;
    },

    /** What the application still needs before it can be filed (see readinessOf). */
    readiness(
      actor: Actor,
      applicationId: number,
    ): { ok: true; assessment: Assessment; readiness: Readiness } | Refused<AccessRefusal> {
      const opened = open(actor, applicationId);
      return opened.ok ? { ...opened, readiness: applicationReadiness(db, opened.assessment) } : opened;
    },

    /**
     * The application a command that names none is about: `preferred` (the one the chat works on)
     * if the actor may work on it, else their organisation's open draft, else the latest
     * application of its only product; with several products, the list to choose from.
     */
    forCommand(actor: Actor, preferred: number | undefined): CommandTarget {
      const user = actor === undefined ? undefined : findUser(db, actor);
      if (!user || !isRegistered(db, user)) return { kind: "unregistered" };
      const inSession = preferred === undefined ? undefined : open(actor, preferred);
      if (inSession?.ok) return { kind: "application", assessment: inSession.assessment };
      const org = organisationOf(db, user)!;
      const draft = latestOpenApplication(db, org.id);
      const products = productsOf(db, org.id);
      const only = draft?.id ?? (products.length === 1 ? products[0]!.application.id : undefined);
      const assessment = only === undefined ? undefined : loadAssessment(db, catalog, only);
      if (assessment) return { kind: "application", assessment };
      return products.length === 0 ? { kind: "no-product" } : { kind: "choose", products };
    },

    /** Where the actor's self-assessment stands: their organisation's open draft and its next question. */
    resumePoint(actor: Actor): { applicationId: number; question: QuestionKey } | undefined {
      const user = actor === undefined ? undefined : findUser(db, actor);
      const org = user && organisationOf(db, user);
      const draft = org && latestOpenApplication(db, org.id);
      const a = draft && loadAssessment(db, catalog, draft.id);
      const question = a && nextQuestion(a);
      return a && question ? { applicationId: a.app.id, question } : undefined;
    },
  };
}
