// What every use case is given, who acts, and the shape of a refusal.
import type { Db } from "../db/client.js";
import type { AdminUnits } from "../geo/communes.js";
import type { RubricCatalog } from "../rubric/catalog.js";

/** The use cases' dependencies: the database, the rubric, the communes, and the clock. */
export interface CoreDeps {
  db: Db;
  catalog: RubricCatalog;
  adminUnits: AdminUnits;
  /** The administrators' Telegram ids (ADMIN_IDS); their internal ids come from user_identities. */
  adminIds: readonly number[];
  /** Public holidays (YYYY-MM-DD) that do not count as working days. */
  holidays: ReadonlySet<string>;
  /** Wakes the notification dispatcher after a change enqueued notifications. */
  notify: () => void;
  /** The clock; default the real one. */
  now?: () => Date;
}

/**
 * The person acting: their internal user id (users.id), or undefined for someone who has not
 * given consent yet. Every use case derives the actor's roles from the database itself.
 */
export type Actor = number | undefined;

/** A use case that did nothing, and why (e.g. "not-found": no such thing, or not the actor's to see). */
export interface Refused<R extends string> {
  ok: false;
  reason: R;
}

export const refuse = <R extends string>(reason: R): Refused<R> => ({ ok: false, reason });
