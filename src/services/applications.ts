// The producer's applications after the self-assessment: filing when ready (else exactly what is
// missing), withdrawing, and where each of the organisation's applications stands (state, scores,
// official result, next step, timeline).
import type { ApplicationState } from "../db/schema.js";
import { availableActions } from "../domain/lifecycle.js";
import type { Readiness } from "../domain/readiness.js";
import { type Application, type Assessment, applicationReadiness, loadAssessment, type Product } from "./assessment.js";
import { type Calibration, calibrationOf } from "./calibration.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import { isOrganisationMember, organisationIdsOf } from "./membership.js";
import { findUser, isRegistered, organisationOf } from "./people.js";
import { type ReassessmentKind, reassessmentKinds } from "./reassessment.js";
import {
  type ActFailure,
  type ActResult,
  act,
  applicationsOfOrganisations,
  officialResultOf,
  type TimelineEntry,
  timeline,
} from "./workflow.js";

/**
 * The outcome of filing: the transition done, or why not. "not-ready" and "unconfirmed" carry the
 * readiness and the application's assessment, to show what is missing (or the evidence Mẫu 02 will
 * list as missing) before filing.
 */
export type SubmitResult =
  | Extract<ActResult, { ok: true }>
  | (ActRefusal & { reason: Exclude<ActFailure, "not-ready" | "unconfirmed"> })
  | {
      ok: false;
      reason: "not-ready" | "unconfirmed";
      state: ApplicationState;
      readiness: Readiness;
      assessment: Assessment;
    };

/** A life-cycle action that did nothing, and why (workflow.ts `act`). */
export type ActRefusal = Extract<ActResult, { ok: false }>;

/** Which application /nop files: the one closest to filing, or why there is none. */
export type ToSubmit =
  | { kind: "application"; applicationId: number }
  /** Nothing to file; the first application not withdrawn is already on its way. */
  | { kind: "filed"; product: string; state: ApplicationState }
  | { kind: "nothing" }
  | { kind: "unregistered" };

/** One of the organisation's applications with its product, newest first. */
export interface ApplicationRow {
  application: Application;
  product: Product;
}

/** Where an application stands, for its producer (see `applicationsService().status`). */
export interface ApplicationStatus {
  ok: true;
  assessment: Assessment;
  readiness: Readiness;
  official: ReturnType<typeof officialResultOf>;
  calibration: Calibration | undefined;
  timeline: TimelineEntry[];
  /** What the producer may do now. */
  canWithdraw: boolean;
  canSubmit: boolean;
  /** What may follow a rated application: only for the product's latest application. */
  reassessments: ReassessmentKind[];
}

/**
 * The producer's applications. The actor may act on an application when they own or are a member
 * of its organisation (roles from the database on every call); anyone else is refused and changes
 * nothing. A filing or withdrawal writes its state, audit event and notifications in one
 * transaction (workflow.ts `act`) and wakes the notification dispatcher.
 */
export function applicationsService(deps: CoreDeps) {
  const { db, catalog } = deps;

  /** The applications of every organisation the actor owns or belongs to, newest first. */
  const list = (actor: Actor): ApplicationRow[] =>
    actor === undefined
      ? []
      : applicationsOfOrganisations(db, organisationIdsOf(db, actor)).map((r) => ({
          application: r.applications,
          product: r.products,
        }));

  return {
    list,

    /**
     * Files the application with the commune (Decision 26/2026/QĐ-TTg: the producer files the
     * dossier with the commune). Refusals: "not-ready" (with what is missing), "unconfirmed"
     * (`confirmed` false while Mẫu 02 would list missing evidence), "already"/"state" (with the
     * state), "role" or "not-found" (not the actor's application).
     */
    submit(actor: Actor, applicationId: number, confirmed = false): SubmitResult {
      if (actor === undefined) return { ok: false, reason: "not-found" };
      const result = act(deps, actor, applicationId, "submit", { confirmed });
      if (result.ok) deps.notify();
      if (result.ok || (result.reason !== "not-ready" && result.reason !== "unconfirmed"))
        return result as SubmitResult;
      return {
        ok: false,
        reason: result.reason,
        state: result.state!,
        readiness: result.readiness!,
        assessment: loadAssessment(db, catalog, applicationId)!,
      };
    },

    /** Withdraws a filed application before the commune receives it; refusals as for `submit`. */
    withdraw(actor: Actor, applicationId: number): ActResult {
      if (actor === undefined) return { ok: false, reason: "not-found" };
      const result = act(deps, actor, applicationId, "withdraw");
      if (result.ok) deps.notify();
      return result;
    },

    /**
     * The application /nop files: of the actor's organisation, the first finished or returned one,
     * else a draft (newest first).
     */
    toSubmit(actor: Actor): ToSubmit {
      const user = actor === undefined ? undefined : findUser(db, actor);
      if (!user || !isRegistered(db, user)) return { kind: "unregistered" };
      const org = organisationOf(db, user)!;
      const rows = applicationsOfOrganisations(db, [org.id]);
      const candidate =
        rows.find((r) => r.applications.state === "completed" || r.applications.state === "returned") ??
        rows.find((r) => r.applications.state === "draft");
      if (candidate) return { kind: "application", applicationId: candidate.applications.id };
      const filed = rows.find((r) => r.applications.state !== "withdrawn");
      return filed
        ? { kind: "filed", product: filed.products.name, state: filed.applications.state }
        : { kind: "nothing" };
    },

    /**
     * One application's state, indicative score, official result and calibration, timeline, and
     * what the producer can do next; "not-found" when it is not the actor's organisation's.
     */
    status(actor: Actor, applicationId: number): ApplicationStatus | Refused<"not-found"> {
      const a = loadAssessment(db, catalog, applicationId);
      if (!a || actor === undefined || !isOrganisationMember(db, actor, a.app.organisationId))
        return refuse("not-found");
      const { app, product } = a;
      const latest = applicationsOfOrganisations(db, [app.organisationId]).every(
        (r) => r.products.id !== product.id || r.applications.id <= app.id,
      );
      const actions = availableActions(app.state, "producer");
      return {
        ok: true,
        assessment: a,
        readiness: applicationReadiness(db, a),
        official: officialResultOf(db, app.id),
        calibration: calibrationOf(db, a),
        timeline: timeline(db, a),
        canWithdraw: actions.includes("withdraw"),
        canSubmit: actions.includes("submit"),
        reassessments: latest ? reassessmentKinds(db, app) : [],
      };
    },
  };
}
