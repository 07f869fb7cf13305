// The person's own data (Law 91/2025/QH15): deleting all of it on request.
import { and, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../db/client.js";
import {
  answers,
  applicationEvents,
  applications,
  clearances,
  consentEvents,
  dossierFields,
  evidence,
  invites,
  localEvaluations,
  officers,
  officialResults,
  oneTimeCodes,
  organisationMembers,
  organisations,
  outbox,
  products,
  pushSubscriptions,
  reminders,
  submissions,
  userIdentities,
  users,
  webSessions,
} from "../db/schema.js";
import { enqueueNotifications } from "./outbox.js";
import { adminUserIds, PRIVACY_NOTICE_VERSION } from "./people.js";
import { communeRouting } from "./workflow.js";

/** States in which the commune holds a filed dossier: deleting it must tell the commune's officers. */
const WITH_THE_COMMUNE = ["submitted", "received", "returned", "forwarded"] as const;

/**
 * Deletes the user's personal data (Law 91/2025/QH15), in one transaction: name, phone, identities,
 * memberships and officer posts, and the organisation they own with its members, invitations,
 * products and applications (answers, evidence, dossier fields, submissions, events, evaluations,
 * results), filed ones included. Notifications to the user, and about their applications to anyone,
 * are dropped; whoever holds a filed dossier (the commune's reachable officers, else the
 * administrators, `adminIds` being their Telegram ids) gets one "application-deleted" notice naming
 * only the product. Consent events stay, as the record of what was agreed and withdrawn.
 */
export function deletePersonalData(db: Db, id: number, adminIds: readonly number[]): void {
  db.transaction((tx) => {
    const owned = tx.select().from(organisations).where(eq(organisations.ownerId, id)).all();
    const apps = owned.length
      ? tx
          .select()
          .from(applications)
          .where(
            inArray(
              applications.organisationId,
              owned.map((o) => o.id),
            ),
          )
          .all()
      : [];
    const withdrawn = apps.flatMap((app) => {
      const commune = app.communeCode;
      if (!commune || !(WITH_THE_COMMUNE as readonly string[]).includes(app.state)) return [];
      const product =
        tx.select({ name: products.name }).from(products).where(eq(products.id, app.productId)).get()?.name ?? "";
      const { routing, reachable } = communeRouting(tx, commune);
      return (routing === "officers" ? reachable : adminUserIds(tx, adminIds))
        .filter((recipient) => recipient !== id)
        .map((recipientId) => ({ recipientId, kind: "application-deleted" as const, arguments: { product, commune } }));
    });
    const appIds = apps.map((a) => a.id);
    const orgIds = owned.map((o) => o.id);
    tx.delete(outbox)
      .where(
        appIds.length
          ? or(eq(outbox.recipientId, id), inArray(outbox.applicationId, appIds))
          : eq(outbox.recipientId, id),
      )
      .run();
    if (appIds.length) {
      for (const table of [
        answers,
        clearances,
        evidence,
        submissions,
        applicationEvents,
        localEvaluations,
        officialResults,
      ]) {
        tx.delete(table).where(inArray(table.applicationId, appIds)).run();
      }
      tx.delete(dossierFields)
        .where(and(eq(dossierFields.scope, "application"), inArray(dossierFields.scopeId, appIds)))
        .run();
    }
    if (orgIds.length) {
      const productIds = tx
        .select({ id: products.id })
        .from(products)
        .where(inArray(products.organisationId, orgIds))
        .all()
        .map((p) => p.id);
      if (productIds.length)
        tx.delete(dossierFields)
          .where(and(eq(dossierFields.scope, "product"), inArray(dossierFields.scopeId, productIds)))
          .run();
      tx.delete(dossierFields)
        .where(and(eq(dossierFields.scope, "organisation"), inArray(dossierFields.scopeId, orgIds)))
        .run();
      tx.delete(applications).where(inArray(applications.organisationId, orgIds)).run();
      tx.delete(products).where(inArray(products.organisationId, orgIds)).run();
      tx.delete(organisationMembers).where(inArray(organisationMembers.organisationId, orgIds)).run();
      tx.delete(invites).where(inArray(invites.organisationId, orgIds)).run();
      tx.delete(organisations).where(inArray(organisations.id, orgIds)).run();
    }
    enqueueNotifications(tx, withdrawn);
    tx.delete(organisationMembers).where(eq(organisationMembers.userId, id)).run();
    tx.delete(officers).where(eq(officers.userId, id)).run();
    tx.delete(reminders).where(eq(reminders.userId, id)).run();
    tx.delete(users).where(eq(users.id, id)).run();
    tx.delete(userIdentities).where(eq(userIdentities.userId, id)).run();
    tx.delete(webSessions).where(eq(webSessions.userId, id)).run();
    tx.delete(oneTimeCodes).where(eq(oneTimeCodes.userId, id)).run();
    tx.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, id)).run();
    tx.insert(consentEvents).values({ userId: id, noticeVersion: PRIVACY_NOTICE_VERSION, decision: "withdrawn" }).run();
  });
}
