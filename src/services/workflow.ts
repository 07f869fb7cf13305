// Applications after the self-assessment: readiness, every transition of the life cycle as one
// transaction (new state, audit event, notifications in the outbox), the commune's evaluation of
// the local criteria, the official result, and the timeline.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { isoDay } from "../dates.js";
import type { Db } from "../db/client.js";
import {
  type ApplicationState,
  applicationEvents,
  applications,
  localEvaluations,
  officialResults,
  organisations,
  products,
  submissions,
  users,
} from "../db/schema.js";
import { type Action, isEditableState, notifies, type Role, transition } from "../domain/lifecycle.js";
import type { Readiness } from "../domain/readiness.js";
import { LOCAL_CRITERIA, type LocalCriterion, optionsFor } from "../domain/rubric.js";
import type { AdminUnits } from "../geo/communes.js";
import type { RubricCatalog } from "../rubric/catalog.js";
import {
  type Application,
  type Assessment,
  applicationReadiness,
  assessmentScore,
  loadAssessment,
} from "./assessment.js";
import { evidenceOf } from "./evidence.js";
import { officersOf, organisationPeople, rolesFor } from "./membership.js";
import { type ApplicationNotice, type DbOrTx, enqueueNotifications, type NotificationInput } from "./outbox.js";
import { adminUserIds, isReachable } from "./people.js";

export interface WorkflowDeps {
  db: Db;
  catalog: RubricCatalog;
  adminUnits: AdminUnits;
  /** The administrators' Telegram ids (ADMIN_IDS). */
  adminIds: readonly number[];
  now?: () => Date;
}

/** The local criteria of a sheet, by topic: what the commune evaluates itself. */
export function localCriteria(a: Assessment) {
  return LOCAL_CRITERIA.flatMap((topic) => {
    const criterion = a.criteria.find((c) => c.local === topic);
    return criterion ? [{ topic, criterion }] : [];
  });
}

export function localEvaluationsOf(db: Db, applicationId: number) {
  return db.select().from(localEvaluations).where(eq(localEvaluations.applicationId, applicationId)).all();
}

export interface OfficialResultInput {
  stars: number;
  decisionNumber: string;
  decisionDate: string;
}

export type ActFailure =
  | "not-found"
  | "role"
  | "state"
  | "already"
  | "not-ready"
  | "unconfirmed"
  | "note-required"
  | "local-missing"
  | "result-invalid";

export type ActResult =
  | {
      ok: true;
      app: Application;
      from: ApplicationState;
      to: ApplicationState;
      role: Role;
      /** Who was told of it: as Routing, or "nobody" when it went to the administrators and none is known. */
      routing: Routing | "nobody";
    }
  | { ok: false; reason: ActFailure; state?: ApplicationState; readiness?: Readiness };

/** Picks the role under which the user may do the action, or says why none fits. */
function chooseRole(
  roles: Role[],
  state: ApplicationState,
  action: Action,
): { role: Role; to: ApplicationState } | { reason: "role" | "state" } {
  let reason: "role" | "state" = "role";
  for (const role of roles) {
    const t = transition(state, action, role);
    if (t.ok) return { role, to: t.to };
    if (t.reason === "state") reason = "state";
  }
  return { reason };
}

export function userName(db: Db, id: number | null): string {
  if (id === null) return "";
  return db.select({ name: users.fullName }).from(users).where(eq(users.id, id)).get()?.name ?? "";
}

export function languageOf(db: Db, id: number): string {
  return db.select({ language: users.language }).from(users).where(eq(users.id, id)).get()?.language ?? "vi";
}

/**
 * Does one action of the life cycle. A submission must be ready ("not-ready" with the readiness
 * otherwise) and, when Mẫu 02 will list evidence as missing, `confirmed` ("unconfirmed" until
 * then). Checks run first; then a single synchronous transaction
 * writes the new state (only if it is still the state read), the audit event and the
 * notifications. A second press, a race between two officers or an old button finds the state
 * changed and gets "already".
 */
export function act(
  deps: WorkflowDeps,
  userId: number,
  applicationId: number,
  action: Exclude<Action, "complete" | "evaluate">,
  payload: { note?: string; result?: OfficialResultInput; confirmed?: boolean } = {},
): ActResult {
  const { db, catalog } = deps;
  const a = loadAssessment(db, catalog, applicationId);
  if (!a) return { ok: false, reason: "not-found" };
  const app = a.app;
  const org = db.select().from(organisations).where(eq(organisations.id, app.organisationId)).get()!;
  const communeCode = app.communeCode ?? org.communeCode;
  const roles = rolesFor(db, deps.adminIds, userId, { organisationId: app.organisationId, communeCode });
  if (roles.length === 0) return { ok: false, reason: "role" };
  // A draft cannot be submitted; saying what is missing helps more than naming its state.
  let ready: Readiness | undefined;
  if (action === "submit" && roles.includes("producer") && isEditableState(app.state)) {
    ready = applicationReadiness(db, a);
    if (!ready.ready) return { ok: false, reason: "not-ready", readiness: ready, state: app.state };
    // Evidence Mẫu 02 will list as missing does not block filing, but the producer sees it first.
    if (ready.evidenceKindsMissing.length && !payload.confirmed)
      return { ok: false, reason: "unconfirmed", readiness: ready, state: app.state };
  }
  const chosen = chooseRole(roles, app.state, action);
  if ("reason" in chosen) {
    // The same action already took this application where it would go: say it was done.
    const target = roles.map((r) => transition(previousStateFor(action), action, r)).find((t) => t.ok);
    const already = target?.ok && target.to === app.state;
    return { ok: false, reason: already ? "already" : chosen.reason, state: app.state };
  }

  const note = payload.note?.trim();
  if (action === "return" && !note) return { ok: false, reason: "note-required", state: app.state };
  if (action === "forward") {
    const done = new Set(localEvaluationsOf(db, app.id).map((e) => e.topic));
    if (localCriteria(a).some((l) => !done.has(l.topic)))
      return { ok: false, reason: "local-missing", state: app.state };
  }
  const now = deps.now?.() ?? new Date();
  if (action === "record-result" && !validResult(payload.result, now))
    return { ok: false, reason: "result-invalid", state: app.state };

  const notifications = notificationsOf(deps, a, action, communeCode, { note, result: payload.result });
  const updated = db.transaction((tx) => {
    const extra: Partial<typeof applications.$inferInsert> = {};
    if (action === "submit") {
      extra.submittedAt = now;
      extra.revision = app.revision + 1;
      extra.communeCode = communeCode;
    }
    if (action === "receive") extra.receivedAt = now;
    const changed = tx
      .update(applications)
      .set({ state: chosen.to, updatedAt: now, ...extra })
      .where(and(eq(applications.id, app.id), eq(applications.state, app.state)))
      .run();
    if (changed.changes !== 1) return false;
    tx.insert(applicationEvents)
      .values({
        applicationId: app.id,
        action,
        fromState: app.state,
        toState: chosen.to,
        actorId: userId,
        actorRole: chosen.role,
        note: note ?? null,
        at: now,
      })
      .run();
    if (action === "submit") {
      tx.insert(submissions)
        .values({
          applicationId: app.id,
          revision: app.revision + 1,
          answers: a.answers,
          clearances: a.clearances,
          total: ready!.total,
          stars: ready!.stars,
          submittedBy: userId,
          submittedAt: now,
        })
        .run();
    }
    if (action === "record-result") {
      tx.insert(officialResults)
        .values({ applicationId: app.id, ...payload.result!, recordedBy: userId, recordedAt: now })
        .run();
    }
    enqueueNotifications(tx, notifications);
    return true;
  });
  if (!updated)
    return { ok: false, reason: "already", state: loadAssessment(db, catalog, app.id)?.app.state ?? app.state };
  return {
    ok: true,
    app: { ...app, state: chosen.to },
    from: app.state,
    to: chosen.to,
    role: chosen.role,
    routing: toldOf(db, deps.adminIds, communeRouting(db, communeCode).routing),
  };
}

/** A state from which the action is allowed, to tell "already done" from "not possible". */
function previousStateFor(action: Action): ApplicationState {
  const from: Record<Action, ApplicationState> = {
    complete: "draft",
    submit: "completed",
    withdraw: "submitted",
    receive: "submitted",
    return: "submitted",
    evaluate: "received",
    forward: "received",
    "record-result": "forwarded",
  };
  return from[action];
}

/** 1–5 stars, a decision number, and a decision day (ISO) that is not after today in Vietnam. */
function validResult(result: OfficialResultInput | undefined, now: Date): boolean {
  return (
    !!result &&
    result.decisionDate <= isoDay(now) &&
    Number.isInteger(result.stars) &&
    result.stars >= 1 &&
    result.stars <= 5 &&
    result.decisionNumber.trim().length > 0 &&
    /^\d{4}-\d{2}-\d{2}$/.test(result.decisionDate)
  );
}

/**
 * Records the commune's evaluation of one local criterion (received applications only), with its
 * audit event. The option already recorded, chosen again, changes nothing and writes no event.
 */
export function recordLocalEvaluation(
  deps: WorkflowDeps,
  userId: number,
  applicationId: number,
  topic: LocalCriterion,
  optionId: string,
): { ok: true; unchanged: boolean } | { ok: false; reason: "not-found" | "role" | "state" | "unknown-option" } {
  const { db, catalog } = deps;
  const a = loadAssessment(db, catalog, applicationId);
  if (!a) return { ok: false, reason: "not-found" };
  const roles = rolesFor(db, deps.adminIds, userId, {
    organisationId: a.app.organisationId,
    communeCode: a.app.communeCode,
  });
  const chosen = chooseRole(
    roles.filter((r) => r !== "producer"),
    a.app.state,
    "evaluate",
  );
  if ("reason" in chosen) return { ok: false, reason: roles.length ? chosen.reason : "role" };
  const local = localCriteria(a).find((l) => l.topic === topic);
  if (!local || !optionsFor(local.criterion, a.caseId).some((o) => o.id === optionId))
    return { ok: false, reason: "unknown-option" };
  if (localEvaluationsOf(db, applicationId).some((e) => e.topic === topic && e.optionId === optionId))
    return { ok: true, unchanged: true };
  const now = deps.now?.() ?? new Date();
  db.transaction((tx) => {
    tx.insert(localEvaluations)
      .values({ applicationId, topic, criterionId: local.criterion.id, optionId, officerId: userId, at: now })
      .onConflictDoUpdate({
        target: [localEvaluations.applicationId, localEvaluations.topic],
        set: { optionId, officerId: userId, at: now },
      })
      .run();
    tx.insert(applicationEvents)
      .values({
        applicationId,
        action: "evaluate",
        fromState: a.app.state,
        toState: a.app.state,
        actorId: userId,
        actorRole: chosen.role,
        note: `${local.criterion.id}:${optionId}`,
        at: now,
      })
      .run();
  });
  return { ok: true, unchanged: false };
}

/** The commune's written remarks on a local criterion it has evaluated (Mẫu 03, II). */
export function setLocalEvaluationNote(
  deps: WorkflowDeps,
  userId: number,
  applicationId: number,
  topic: LocalCriterion,
  note: string,
): boolean {
  const { db, catalog } = deps;
  const a = loadAssessment(db, catalog, applicationId);
  if (!a || !note) return false;
  const roles = rolesFor(db, deps.adminIds, userId, {
    organisationId: a.app.organisationId,
    communeCode: a.app.communeCode,
  });
  if (
    "reason" in
    chooseRole(
      roles.filter((r) => r !== "producer"),
      a.app.state,
      "evaluate",
    )
  )
    return false;
  return (
    db
      .update(localEvaluations)
      .set({ note, officerId: userId, at: deps.now?.() ?? new Date() })
      .where(and(eq(localEvaluations.applicationId, applicationId), eq(localEvaluations.topic, topic)))
      .run().changes === 1
  );
}

/**
 * Who hears about a commune's applications: its officers the bot can reach ("officers"), else
 * the provincial administrators, because the commune has no officer ("no-officer") or none of its
 * officers can be reached ("officer-unreachable").
 */
export type Routing = "officers" | "no-officer" | "officer-unreachable";

export function communeRouting(db: DbOrTx, communeCode: string): { routing: Routing; reachable: number[] } {
  const officerIds = officersOf(db, communeCode);
  const reachable = officerIds.filter((id) => isReachable(db, id));
  return {
    routing: officerIds.length === 0 ? "no-officer" : reachable.length === 0 ? "officer-unreachable" : "officers",
    reachable,
  };
}

/** The routing as told to the person acting: "nobody" when no officer hears and no administrator is known (ADMIN_IDS unset). */
function toldOf(db: DbOrTx, adminIds: readonly number[], routing: Routing): Routing | "nobody" {
  return routing !== "officers" && adminUserIds(db, adminIds).length === 0 ? "nobody" : routing;
}

interface NoticeContext {
  note: string | undefined;
  result: OfficialResultInput | undefined;
}

/** The notifications an action causes: to the producer and members, and to the commune's officers (or the administrators). */
function notificationsOf(
  deps: WorkflowDeps,
  a: Assessment,
  action: Action,
  communeCode: string,
  ctx: NoticeContext,
): NotificationInput[] {
  const { db } = deps;
  const org = db.select().from(organisations).where(eq(organisations.id, a.app.organisationId)).get()!;
  const score = assessmentScore(a);
  const { routing, reachable } = communeRouting(db, communeCode);
  const notice = (audience: ApplicationNotice["audience"]): ApplicationNotice => ({
    action,
    audience,
    routing,
    product: a.product.name,
    set: a.sheet.productSetTitle,
    org: org.name,
    producer: userName(db, org.ownerId),
    commune: communeCode,
    total: score.total,
    stars: score.stars,
    a: score.parts.A?.points ?? 0,
    b: score.parts.B?.points ?? 0,
    c: score.parts.C?.points ?? 0,
    files: evidenceOf(db, a).length,
    note: ctx.note ?? "",
    resultStars: ctx.result?.stars ?? 0,
    decision: ctx.result?.decisionNumber ?? "",
    decisionDate: ctx.result?.decisionDate ?? "",
    officers: officersOf(db, communeCode)
      .map((id) => userName(db, id))
      .join(", "),
  });
  const rows: NotificationInput[] = [];
  const audiences = notifies(action);
  if (audiences.includes("producer") || audiences.includes("members")) {
    const args = notice("people");
    for (const id of organisationPeople(db, org.id))
      rows.push({ recipientId: id, kind: "application", arguments: args, applicationId: a.app.id });
  }
  if (audiences.includes("officers")) {
    const args = notice("officers");
    const recipients = routing === "officers" ? reachable : adminUserIds(db, deps.adminIds);
    for (const id of recipients)
      rows.push({ recipientId: id, kind: "application", arguments: args, applicationId: a.app.id });
  }
  return rows;
}

export interface TimelineEntry {
  at: Date;
  action: string;
  from: ApplicationState;
  to: ApplicationState;
  actorRole: string;
  actorName: string;
  note: string | null;
  /** For the commune's evaluation of a local criterion: which one and the points it gave. */
  evaluation?: { criterionId: string; title: string; points: number; max: number };
}

/** The application's audit trail, oldest first. */
export function timeline(db: Db, a: Assessment): TimelineEntry[] {
  return db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, a.app.id))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id))
    .all()
    .map((e) => {
      const entry: TimelineEntry = {
        at: e.at,
        action: e.action,
        from: e.fromState,
        to: e.toState,
        actorRole: e.actorRole,
        actorName: userName(db, e.actorId),
        note: e.note,
      };
      if (e.action !== "evaluate" || !e.note) return entry;
      // The note of an evaluation is "<criterion id>:<option id>" (recordLocalEvaluation).
      const at = e.note.lastIndexOf(":");
      const criterion = a.criteria.find((c) => c.id === e.note!.slice(0, at));
      const option = criterion && optionsFor(criterion, a.caseId).find((o) => o.id === e.note!.slice(at + 1));
      return criterion && option
        ? {
            ...entry,
            evaluation: {
              criterionId: criterion.id,
              title: criterion.title,
              points: option.points,
              max: criterion.maxPoints,
            },
          }
        : entry;
    });
}

export function officialResultOf(db: Db, applicationId: number) {
  return db.select().from(officialResults).where(eq(officialResults.applicationId, applicationId)).get();
}

/** Applications of the given organisations, newest first, with their product. */
export function applicationsOfOrganisations(db: Db, organisationIds: readonly number[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select()
    .from(applications)
    .innerJoin(products, eq(products.id, applications.productId))
    .where(inArray(applications.organisationId, organisationIds))
    .orderBy(desc(applications.updatedAt), desc(applications.id))
    .all();
}

/** Applications filed with the given communes (submitted at least once), newest first. */
export function applicationsOfCommunes(db: Db, communeCodes: string[] | "all", states?: ApplicationState[]) {
  const rows = db
    .select()
    .from(applications)
    .innerJoin(products, eq(products.id, applications.productId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .orderBy(desc(applications.submittedAt), desc(applications.id))
    .all();
  return rows.filter(
    (r) =>
      r.applications.submittedAt !== null &&
      (communeCodes === "all" ||
        (r.applications.communeCode !== null && communeCodes.includes(r.applications.communeCode))) &&
      (!states || states.includes(r.applications.state)),
  );
}
