// The notification outbox: intents written in the same transaction as the change that causes them.
// An intent says who is told (a user), what (a kind and its arguments, plain data) and about which
// application; the recipient's channel renders it in the recipient's language and sends it later
// (for Telegram: src/bot/notifications).
import type { RunResult } from "better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "../db/schema.js";
import { outbox } from "../db/schema.js";
import type { Action } from "../domain/lifecycle.js";
import type { Calibration } from "./calibration.js";
import type { Routing } from "./workflow.js";

export type OutboxRow = typeof outbox.$inferSelect;

/** The database or a transaction of it (`db.transaction((tx) => …)`): inserts are synchronous. */
export type DbOrTx = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

/** What a step of an application's life cycle tells its producer and members, or its officers (or the administrators). */
export interface ApplicationNotice {
  action: Action;
  audience: "people" | "officers";
  routing: Routing;
  product: string;
  set: string;
  org: string;
  producer: string;
  /** The commune's code (its name is rendered in the recipient's language). */
  commune: string;
  total: number;
  stars: number;
  a: number;
  b: number;
  c: number;
  files: number;
  note: string;
  resultStars: number;
  decision: string;
  /** The decision's date, YYYY-MM-DD, or "". */
  decisionDate: string;
  /** The commune's officers' names, comma-separated. */
  officers: string;
}

/** An officer of the application's commune cannot be reached: to the administrators ("admin") or, when it was the last one, to the producer's people. */
export interface OfficerUnreachableNotice {
  audience: "admin" | "people";
  officer: string;
  product: string;
  org: string;
  /** The commune's code. */
  commune: string;
}

/** The officer's daily digest of applications waiting. Days are YYYY-MM-DD. */
export interface DigestNotice {
  date: string;
  count: number;
  submitted: number;
  received: number;
  /** The received application closest to (or past) the commune's deadline: working days left (negative when overdue). */
  urgent?: { product: string; left: number; deadline: string };
  proposeBy: string;
  ratedBy: string;
}

/** A draft idle for days, to its owner. */
export interface IdleDraftNotice {
  product: string;
  answered: number;
  total: number;
}

/** A certificate nearing its expiry. Days are YYYY-MM-DD; late: 1 when the time to refile is over. */
export interface CertificateNotice {
  months: number;
  stars: number;
  product: string;
  expires: string;
  refileFrom: string;
  refileBy: string;
  late: 0 | 1;
}

/** The council's points per part beside the producer's own score. */
export interface OfficialPointsNotice {
  product: string;
  calibration: Calibration;
}

/**
 * A filed dossier its producer withdrew by deleting their data: to the commune's officers. Only the
 * product's name, so they can tell which dossier left their list; nothing about the person.
 */
export interface ApplicationDeletedNotice {
  product: string;
  /** The commune's code. */
  commune: string;
}

/** The kinds of notification and their arguments. */
export interface NoticeArguments {
  application: ApplicationNotice;
  "officer-unreachable": OfficerUnreachableNotice;
  digest: DigestNotice;
  "idle-draft": IdleDraftNotice;
  certificate: CertificateNotice;
  "official-points": OfficialPointsNotice;
  "application-deleted": ApplicationDeletedNotice;
}
export type NoticeKind = keyof NoticeArguments;

/** One notification to queue: for a user (internal id), of a kind with its arguments. */
export type NotificationInput = {
  [K in NoticeKind]: { recipientId: number; kind: K; arguments: NoticeArguments[K]; applicationId?: number | null };
}[NoticeKind];

/**
 * Queues notifications. Synchronous: call it inside the transaction that makes the change, then
 * wake the dispatcher after the transaction committed. Returns the new row ids, in order.
 */
export function enqueueNotifications(db: DbOrTx, rows: readonly NotificationInput[]): number[] {
  if (rows.length === 0) return [];
  return db
    .insert(outbox)
    .values(
      rows.map((r) => ({
        recipientId: r.recipientId,
        kind: r.kind,
        arguments: r.arguments as unknown as Record<string, unknown>,
        applicationId: r.applicationId ?? null,
      })),
    )
    .returning({ id: outbox.id })
    .all()
    .map((r) => r.id);
}
