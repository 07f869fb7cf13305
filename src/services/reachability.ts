// People the bot cannot reach: a notification refused because the user blocked the bot or never
// opened it. The user is marked unreachable (administrators see it in /quantri); when that user is
// an officer of the application's commune, the administrators are told which officer and which
// application, and the producer learns that the commune is informed through the province.
import { eq } from "drizzle-orm";
import { organisations } from "../db/schema.js";
import { loadAssessment } from "./assessment.js";
import { officersOf, organisationPeople } from "./membership.js";
import { enqueueNotifications, type NotificationInput } from "./outbox.js";
import { isReachable, markUnreachable } from "./people.js";
import { unitLabelOf } from "../views/admin-units.js";
import { esc, languageOf, officerActionButtons, userName, type WorkflowDeps } from "./workflow.js";

/**
 * Whether a refusal of the Bot API means the user cannot be messaged at all: 403 (blocked,
 * deactivated, never started) or 400 "chat not found" (never opened the bot).
 */
export function meansUnreachable(code: number | undefined, description: string): boolean {
  return code === 403 || (code === 400 && /chat not found/i.test(description));
}

export interface UndeliveredNotification {
  chatId: number;
  applicationId: number | null;
}

/**
 * Handles a notification the dispatcher could not deliver, once, after it marked the row. Returns
 * how many notifications it queued. Synchronous: one transaction marks the user and queues them.
 */
export function handleUndeliverable(deps: WorkflowDeps, row: UndeliveredNotification, code: number | undefined, description: string): number {
  if (!meansUnreachable(code, description)) return 0;
  const { db, catalog, i18n } = deps;
  const now = deps.now?.() ?? new Date();
  const a = row.applicationId === null ? undefined : loadAssessment(db, catalog, row.applicationId);
  const communeCode = a?.app.communeCode;
  const officers = communeCode ? officersOf(db, communeCode) : [];
  if (!a || !communeCode || !officers.includes(row.chatId)) {
    markUnreachable(db, row.chatId, now);
    return 0;
  }
  const org = db.select().from(organisations).where(eq(organisations.id, a.app.organisationId)).get()!;
  // The unit with its kind (xã, phường, đặc khu), in each recipient's language.
  const argsIn = (locale: string) => ({
    officer: esc(userName(db, row.chatId)),
    product: esc(a.product.name),
    org: esc(org.name),
    commune: esc(unitLabelOf((key, args) => i18n.t(locale, key, args), deps.adminUnits, communeCode)),
  });
  const rows: NotificationInput[] = deps.adminIds
    .filter((id) => id !== row.chatId)
    .map((id) => ({
      chatId: id,
      text: i18n.t(languageOf(db, id), "notify-admin-officer-unreachable", argsIn(languageOf(db, id))),
      parseMode: "HTML",
      replyMarkup: officerActionButtons(i18n, languageOf(db, id), a.app.id),
      applicationId: a.app.id,
    }));
  return db.transaction((tx) => {
    const lastReachable = markUnreachable(tx, row.chatId, now) && !officers.some((id) => isReachable(tx, id));
    // The producer heard "submitted to the commune": when no officer of it can be reached any more, say how it goes on.
    if (lastReachable) {
      for (const id of organisationPeople(db, org.id)) {
        const locale = languageOf(db, id);
        rows.push({ chatId: id, text: i18n.t(locale, "notify-producer-officer-unreachable", argsIn(locale)), parseMode: "HTML", applicationId: a.app.id });
      }
    }
    return enqueueNotifications(tx, rows).length;
  });
}
