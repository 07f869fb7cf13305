// The desk of commune officers and provincial administrators: their communes' applications with
// the working days left, an application with its evidence and history, and every officer action
// (receive, return with a note, the local criteria and their remarks, forward, the official result).
import type { ApplicationState } from "../db/schema.js";
import {
  communeDeadline,
  nextProvincialDeadline,
  type ProvincialDeadline,
  workingDaysLeft,
} from "../domain/calendar.js";
import { availableActions } from "../domain/lifecycle.js";
import { type LocalCriterion, type Option, optionsFor, type PlacedCriterion } from "../domain/rubric.js";
import type { ScoreResult } from "../domain/scoring.js";
import type { FormsInput } from "../forms/types.js";
import { type Assessment, assessmentScore, loadAssessment } from "./assessment.js";
import { type Calibration, type CalibrationSummary, calibrationOf, calibrationSummary } from "./calibration.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import { formsInput } from "./dossier.js";
import { type Evidence, evidenceOf } from "./evidence.js";
import { communesOfOfficer, rolesFor } from "./membership.js";
import { findUser, isAdminUser } from "./people.js";
import {
  type ActResult,
  act,
  applicationsOfCommunes,
  localCriteria,
  localEvaluationsOf,
  type OfficialResultInput,
  recordLocalEvaluation,
  setLocalEvaluationNote,
  type TimelineEntry,
  timeline,
} from "./workflow.js";

/** The communes whose applications the actor handles: an officer's own, or "all" for an administrator. */
export type Desk = string[] | "all";

/**
 * The actor's desk: "all" for an administrator (isAdminUser with ADMIN_IDS), the communes they are
 * an active officer of, or undefined for anyone else (a producer, a member, no actor).
 */
export function deskOf({ db, adminIds }: Pick<CoreDeps, "db" | "adminIds">, actor: Actor): Desk | undefined {
  if (actor === undefined) return undefined;
  if (isAdminUser(db, adminIds, actor)) return "all";
  const communes = communesOfOfficer(db, actor);
  return communes.length ? communes : undefined;
}

/** The commune's time for a received application (Decision 26/2026: 15 working days). */
export interface WorkingDays {
  /** Working days left (0 on the last day; below 0 once overdue). */
  left: number;
  /** The last day, YYYY-MM-DD. */
  deadline: string;
}

/** The lists of the inbox: the open ones (submitted, received, returned), one state, or all. */
export const INBOX_FILTERS = ["open", "submitted", "received", "returned", "forwarded", "rated", "all"] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

const FILTER_STATES: Record<InboxFilter, readonly ApplicationState[] | undefined> = {
  open: ["submitted", "received", "returned"],
  submitted: ["submitted"],
  received: ["received"],
  returned: ["returned"],
  forwarded: ["forwarded"],
  rated: ["rated"],
  all: undefined,
};

export interface InboxEntry {
  applicationId: number;
  product: string;
  organisation: string;
  state: ApplicationState;
  /** When it was (last) filed. */
  submittedAt: Date | null;
  /** Once received: the commune's working days. */
  workingDays: WorkingDays | undefined;
}

export type Inbox =
  | {
      ok: true;
      desk: Desk;
      /** Newest filed first. */
      applications: InboxEntry[];
      /** The next provincial round (Decision 26/2026, Art. 7). */
      provinceDeadline: ProvincialDeadline;
      /** The average gap between self-assessment and the council's points over the desk's rated applications. */
      calibration: CalibrationSummary | undefined;
    }
  | Refused<"not-officer">;

/** "not-found": no such application, or not one of the actor's communes (the same answer, so ids cannot be probed). */
export type OfficerAccessRefusal = "not-found";

export type OfficerOpened = { ok: true; assessment: Assessment } | Refused<OfficerAccessRefusal>;

/** An application as the officer sees it. */
export interface OfficerView {
  assessment: Assessment;
  score: ScoreResult;
  /** Who registered the product (name and phone for the officer to call). */
  producer: { fullName: string; phone: string };
  /** The evidence, in rubric order. */
  files: Evidence[];
  workingDays: WorkingDays | undefined;
  /** The council's points beside the self-assessment, once recorded. */
  calibration: Calibration | undefined;
  /** The audit trail, oldest first. */
  timeline: TimelineEntry[];
}

/** A local criterion to evaluate: its options for the case, the producer's answer and the commune's choice so far. */
export interface LocalCriterionToEvaluate {
  topic: LocalCriterion;
  criterion: PlacedCriterion;
  options: readonly Option[];
  producer: Option | undefined;
  chosen: string | undefined;
}

/** A refused life-cycle action (see workflow.ts act), the application's state when it matters. */
export type ActionRefused = Extract<ActResult, { ok: false }>;

/** A done life-cycle action: the application as it is now and the commune's working days. */
export type ActionDone = { ok: true; assessment: Assessment; workingDays: WorkingDays | undefined };

/**
 * The officer's use cases. An officer acts only on applications of their communes
 * (communesOfOfficer), an administrator on all; anyone else (a producer, a member, an officer of
 * another commune, no actor) gets "not-found" and changes nothing. Actions that notify wake the
 * dispatcher themselves.
 */
export function officerService(deps: CoreDeps) {
  const { db, catalog, adminIds, holidays, notify } = deps;
  const now = () => deps.now?.() ?? new Date();

  // The commune's clock runs while it holds the application (received, not yet forwarded or returned).
  const workingDays = ({ state, receivedAt }: { state: string; receivedAt: Date | null }): WorkingDays | undefined =>
    state === "received" && receivedAt
      ? {
          left: workingDaysLeft(receivedAt, now(), holidays),
          deadline: communeDeadline(receivedAt, holidays),
        }
      : undefined;

  const open = (actor: Actor, applicationId: number | undefined): OfficerOpened => {
    const a = applicationId === undefined ? undefined : loadAssessment(db, catalog, applicationId);
    if (!a || actor === undefined) return refuse("not-found");
    const roles = rolesFor(db, adminIds, actor, a.app);
    if (!roles.some((r) => r === "officer" || r === "admin")) return refuse("not-found");
    return { ok: true, assessment: a };
  };

  /** Runs a life-cycle action for an actor who may see the application, and wakes the dispatcher. */
  const perform = (
    actor: Actor,
    applicationId: number,
    action: "receive" | "return" | "forward" | "record-result",
    payload: { note?: string; result?: OfficialResultInput } = {},
  ): ActionDone | ActionRefused => {
    const opened = open(actor, applicationId);
    if (!opened.ok) return opened;
    const result = act(deps, actor!, applicationId, action, payload);
    if (!result.ok) return result;
    notify();
    const fresh = loadAssessment(db, catalog, applicationId)!;
    return { ok: true, assessment: fresh, workingDays: workingDays(fresh.app) };
  };

  return {
    /** The application, if the actor may handle it as an officer or administrator. */
    open,

    /**
     * The desk's applications filed with its communes, filtered (see INBOX_FILTERS), with the
     * working days left of received ones, the next provincial round and the calibration summary.
     * "not-officer" for anyone who is neither an officer nor an administrator.
     */
    inbox(actor: Actor, filter: InboxFilter): Inbox {
      const desk = deskOf(deps, actor);
      if (!desk) return refuse("not-officer");
      const states = FILTER_STATES[filter];
      return {
        ok: true,
        desk,
        applications: applicationsOfCommunes(db, desk, states ? [...states] : undefined).map((r) => ({
          applicationId: r.applications.id,
          product: r.products.name,
          organisation: r.organisations.name,
          state: r.applications.state,
          submittedAt: r.applications.submittedAt,
          workingDays: workingDays(r.applications),
        })),
        provinceDeadline: nextProvincialDeadline(now()),
        calibration: calibrationSummary(db, catalog, desk),
      };
    },

    /** The application with its score, producer, evidence, working days, calibration and timeline. */
    view(actor: Actor, applicationId: number): ({ ok: true } & OfficerView) | Refused<OfficerAccessRefusal> {
      const opened = open(actor, applicationId);
      if (!opened.ok) return opened;
      const a = opened.assessment;
      const owner = findUser(db, a.product.createdBy);
      return {
        ok: true,
        assessment: a,
        score: assessmentScore(a),
        producer: { fullName: owner?.fullName ?? "", phone: owner?.phone ?? "" },
        files: evidenceOf(db, a),
        workingDays: workingDays(a.app),
        calibration: calibrationOf(db, a),
        timeline: timeline(db, a),
      };
    },

    /** Receives a submitted application: the commune's 15 working days start (and the producer hears). */
    receive: (actor: Actor, applicationId: number) => perform(actor, applicationId, "receive"),

    /**
     * Returns the application to the producer with the reasons (`note`, required: "note-required"
     * when empty); the producer may change it and file again.
     */
    returnToProducer: (actor: Actor, applicationId: number, note: string) =>
      perform(actor, applicationId, "return", { note }),

    /** Forwards a received application to the province; "local-missing" until every local criterion is evaluated. */
    forward: (actor: Actor, applicationId: number) => perform(actor, applicationId, "forward"),

    /**
     * Records the provincial council's result: 1–5 stars, the decision's number and day (not after
     * today, "result-invalid" otherwise).
     */
    recordResult: (actor: Actor, applicationId: number, result: OfficialResultInput) =>
      perform(actor, applicationId, "record-result", { result }),

    /**
     * The local criteria the commune evaluates itself (Mẫu 03, II), with their options and the
     * choices so far; "state" unless the application is received.
     */
    localCriteria(
      actor: Actor,
      applicationId: number,
    ):
      | { ok: true; assessment: Assessment; criteria: LocalCriterionToEvaluate[] }
      | { ok: false; reason: "state"; state: ApplicationState }
      | Refused<OfficerAccessRefusal> {
      const opened = open(actor, applicationId);
      if (!opened.ok) return opened;
      const a = opened.assessment;
      if (!availableActions(a.app.state, "officer").includes("evaluate"))
        return { ok: false, reason: "state", state: a.app.state };
      const chosen = new Map(localEvaluationsOf(db, a.app.id).map((e) => [e.topic, e.optionId ?? undefined]));
      const criteria = localCriteria(a).map(({ topic, criterion }) => {
        const options = optionsFor(criterion, a.caseId);
        return {
          topic,
          criterion,
          options,
          producer: options.find((o) => o.id === a.answers[criterion.id]),
          chosen: chosen.get(topic),
        };
      });
      return { ok: true, assessment: a, criteria };
    },

    /**
     * Records the commune's option for one local criterion (received applications only: "state");
     * `unchanged` when that option was already recorded (nothing written).
     */
    evaluate(
      actor: Actor,
      applicationId: number,
      topic: LocalCriterion,
      optionId: string,
    ): { ok: true; unchanged: boolean } | Refused<OfficerAccessRefusal | "state" | "unknown-option"> {
      const opened = open(actor, applicationId);
      if (!opened.ok) return opened;
      const result = recordLocalEvaluation(deps, actor!, applicationId, topic, optionId);
      return result.ok ? result : refuse(result.reason === "role" ? "not-found" : result.reason);
    },

    /** The commune's remarks on a local criterion it has evaluated (Mẫu 03, II); "not-evaluated" otherwise. */
    noteLocal(
      actor: Actor,
      applicationId: number,
      topic: LocalCriterion,
      note: string,
    ): { ok: true } | Refused<OfficerAccessRefusal | "not-evaluated"> {
      const opened = open(actor, applicationId);
      if (!opened.ok) return opened;
      return setLocalEvaluationNote(deps, actor!, applicationId, topic, note) ? { ok: true } : refuse("not-evaluated");
    },

    /** How many local criteria are left to evaluate before the application can be forwarded. */
    localProgress(
      actor: Actor,
      applicationId: number,
    ): { ok: true; remaining: number } | Refused<OfficerAccessRefusal> {
      const opened = open(actor, applicationId);
      if (!opened.ok) return opened;
      const done = new Set(localEvaluationsOf(db, applicationId).map((e) => e.topic));
      return { ok: true, remaining: localCriteria(opened.assessment).filter((l) => !done.has(l.topic)).length };
    },

    /**
     * What the forms show, for the commune's report (Mẫu 03) with the producer's Mẫu 01 and 02, and
     * the producer's name for the files' names.
     */
    forms(
      actor: Actor,
      applicationId: number,
    ): { ok: true; input: FormsInput; producerName: string | undefined } | Refused<OfficerAccessRefusal> {
      const opened = open(actor, applicationId);
      if (!opened.ok) return opened;
      const input = formsInput(db, catalog, deps.adminUnits, applicationId);
      if (!input) return refuse("not-found");
      return {
        ok: true,
        input,
        producerName: findUser(db, opened.assessment.product.createdBy)?.fullName ?? undefined,
      };
    },
  };
}
