// People the bot cannot reach: a notification refused because the user blocked the bot or never
// opened it. The user is marked unreachable (administrators see it in /quantri); when that user is
// an officer of the application's commune, the administrators are told which officer and which
// application, and the producer learns that the commune is informed through the province.
import { eq } from "drizzle-orm";
import { organisations } from "../db/schema.js";
import { loadAssessment } from "./assessment.js";
import type { Actor, CoreDeps } from "./core.js";
import { officersOf, organisationPeople } from "./membership.js";
import { enqueueNotifications, type NotificationInput, type OfficerUnreachableNotice } from "./outbox.js";
import { adminUserIds, isReachable, markReachable, markUnreachable } from "./people.js";
import { userName, type WorkflowDeps } from "./workflow.js";

/**
 * Whether a refusal means the user cannot be messaged at all: 403 (blocked, deactivated, never
 * started) or 400 "chat not found" (never opened the bot).
 */
export function meansUnreachable(code: number | undefined, description: string): boolean {
  return code === 403 || (code === 400 && /chat not found/i.test(description));
}

export interface UndeliveredNotification {
  recipientId: number;
  applicationId: number | null;
}

/**
 * Handles a notification the channel could not deliver, once, after the dispatcher marked the row.
 * `code` and `description` are the channel's refusal (for Telegram, the Bot API's error code and
 * description). Returns how many notifications it queued. Synchronous: one transaction marks the
 * user and queues them.
 */
export function handleUndeliverable(
  deps: WorkflowDeps,
  row: UndeliveredNotification,
  code: number | undefined,
  description: string,
): number {
  if (!meansUnreachable(code, description)) return 0;
  const { db, catalog } = deps;
  const now = deps.now?.() ?? new Date();
  const a = row.applicationId === null ? undefined : loadAssessment(db, catalog, row.applicationId);
  const communeCode = a?.app.communeCode;
  const officers = communeCode ? officersOf(db, communeCode) : [];
  if (!a || !communeCode || !officers.includes(row.recipientId)) {
    markUnreachable(db, row.recipientId, now);
    return 0;
  }
  const org = db.select().from(organisations).where(eq(organisations.id, a.app.organisationId)).get()!;
  const notice = (audience: OfficerUnreachableNotice["audience"]): OfficerUnreachableNotice => ({
    audience,
    officer: userName(db, row.recipientId),
    product: a.product.name,
    org: org.name,
    commune: communeCode,
  });
  const rows: NotificationInput[] = adminUserIds(db, deps.adminIds)
    .filter((id) => id !== row.recipientId)
    .map((id) => ({
      recipientId: id,
      kind: "officer-unreachable",
      arguments: notice("admin"),
      applicationId: a.app.id,
    }));
  return db.transaction((tx) => {
    const lastReachable = markUnreachable(tx, row.recipientId, now) && !officers.some((id) => isReachable(tx, id));
    // The producer heard "submitted to the commune": when no officer of it can be reached any more, say how it goes on.
    if (lastReachable) {
      for (const id of organisationPeople(db, org.id))
        rows.push({
          recipientId: id,
          kind: "officer-unreachable",
          arguments: notice("people"),
          applicationId: a.app.id,
        });
    }
    return enqueueNotifications(tx, rows).length;
  });
}

/** Whether the bot can reach the person acting: each person marks only themselves. */
export function reachabilityService({ db, now }: CoreDeps) {
  return {
    /** The actor blocked the bot: notifications to them stop being sent (kept from the first time). */
    blocked(actor: Actor): void {
      if (actor !== undefined) markUnreachable(db, actor, now?.() ?? new Date());
    },

    /** The actor wrote to the bot or unblocked it: it can message them again. */
    heard(actor: Actor): void {
      if (actor !== undefined) markReachable(db, actor);
    },
  };
}
