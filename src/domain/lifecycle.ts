// The application life cycle (PRODUCT.md §4): which role may take which action from which state,
// where it leads, whether it needs a note and who is told about it. Pure data and functions; the
// services wrap every transition in one database transaction with its audit row and notifications.

/** The states of an application (PRODUCT.md §4); the database stores them as text. */
export const APPLICATION_STATES = [
  "draft",
  "completed",
  "submitted",
  "received",
  "returned",
  "forwarded",
  "rated",
  "withdrawn",
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/**
 * - producer: the owner or a member of the application's organisation;
 * - officer: an officer of the application's commune;
 * - admin: a provincial administrator;
 * - system: the bot itself.
 */
export const ROLES = ["producer", "officer", "admin", "system"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "complete",
  "submit",
  "withdraw",
  "receive",
  "return",
  "evaluate",
  "forward",
  "record-result",
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who hears about an action (the service resolves these to Telegram users). */
export const AUDIENCES = ["producer", "members", "officers", "admins"] as const;
export type Audience = (typeof AUDIENCES)[number];

/** "role": that role may never take the action; "state": it may, but not from this state. */
export type RefusalReason = "role" | "state";

export type TransitionResult =
  | { readonly ok: true; readonly to: ApplicationState }
  | { readonly ok: false; readonly reason: RefusalReason };

interface Rule {
  readonly roles: readonly Role[];
  /** from → to; a state that is not a key refuses the action. */
  readonly from: Readonly<Partial<Record<ApplicationState, ApplicationState>>>;
  readonly note: boolean;
  readonly notifies: readonly Audience[];
}

const OFFICIALS: readonly Role[] = Object.freeze(["officer", "admin"] as const);
const OWNERS_AND_COMMUNE: readonly Audience[] = Object.freeze(["producer", "members", "officers"] as const);
const OWNERS: readonly Audience[] = Object.freeze(["producer", "members"] as const);
const NOBODY: readonly Audience[] = Object.freeze([]);

const RULES: Readonly<Record<Action, Rule>> = {
  // Every applicable question answered: the bot marks the self-assessment complete.
  complete: { roles: ["system"], from: { draft: "completed" }, note: false, notifies: NOBODY },
  // Submission, and resubmission after a request for changes.
  submit: {
    roles: ["producer"],
    from: { completed: "submitted", returned: "submitted" },
    note: false,
    notifies: OWNERS_AND_COMMUNE,
  },
  // Never after the commune has forwarded the dossier to the province.
  withdraw: {
    roles: ["producer"],
    from: { submitted: "withdrawn", received: "withdrawn", returned: "withdrawn" },
    note: false,
    notifies: OWNERS_AND_COMMUNE,
  },
  receive: { roles: OFFICIALS, from: { submitted: "received" }, note: false, notifies: OWNERS },
  // Request for changes: the note says what to change.
  return: {
    roles: OFFICIALS,
    from: { submitted: "returned", received: "returned" },
    note: true,
    notifies: OWNERS,
  },
  // The commune's evaluation of the four local criteria: recorded, the state does not change.
  evaluate: { roles: OFFICIALS, from: { received: "received" }, note: false, notifies: NOBODY },
  forward: { roles: OFFICIALS, from: { received: "forwarded" }, note: false, notifies: OWNERS },
  // The official result: stars, decision number and date.
  "record-result": { roles: OFFICIALS, from: { forwarded: "rated" }, note: false, notifies: OWNERS },
};

export function transition(state: ApplicationState, action: Action, role: Role): TransitionResult {
  const rule = RULES[action];
  if (!rule.roles.includes(role)) return { ok: false, reason: "role" };
  const to = rule.from[state];
  return to === undefined ? { ok: false, reason: "state" } : { ok: true, to };
}

/** The actions the role may take from the state, in ACTIONS order. */
export function availableActions(state: ApplicationState, role: Role): Action[] {
  return ACTIONS.filter((action) => transition(state, action, role).ok);
}

/** Whether the action must carry a note (only a request for changes). */
export function requiresNote(action: Action): boolean {
  return RULES[action].note;
}

/** Whether the producer may change answers and evidence: before submission and after a return. */
export function isEditableState(state: ApplicationState): boolean {
  return state === "draft" || state === "completed" || state === "returned";
}

/**
 * Who is told about the action. Administrators are told of submissions and withdrawals only when
 * the commune has no officer; the service decides that, it is not encoded here.
 */
export function notifies(action: Action): readonly Audience[] {
  return RULES[action].notifies;
}
