// Evidence files attached to criteria: only Telegram's file ids and what the user sees of them.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { evidence } from "../db/schema.js";
import type { EvidenceKind } from "../domain/rubric.js";

export type Evidence = typeof evidence.$inferSelect;

/** Bots can download files up to 20 MB; larger ones could never reach an officer's computer. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export function addEvidence(db: Db, values: typeof evidence.$inferInsert): Evidence {
  return db.insert(evidence).values(values).returning().get();
}

export function evidenceById(db: Db, id: number): Evidence | undefined {
  return db.select().from(evidence).where(eq(evidence.id, id)).get();
}

/** Says which kind of the law's evidence table a file is. */
export function tagEvidence(db: Db, id: number, kind: EvidenceKind): void {
  db.update(evidence).set({ evidenceKind: kind }).where(eq(evidence.id, id)).run();
}

export function evidenceOf(db: Db, applicationId: number): Evidence[] {
  return db.select().from(evidence).where(eq(evidence.applicationId, applicationId)).orderBy(evidence.criterionId, evidence.id).all();
}

/** Removes a file if `mayEdit` allows it for the file's application. */
export function removeEvidence(db: Db, id: number, mayEdit: (applicationId: number) => boolean): boolean {
  const row = db.select().from(evidence).where(eq(evidence.id, id)).get();
  if (!row || !mayEdit(row.applicationId)) return false;
  db.delete(evidence).where(and(eq(evidence.id, id), eq(evidence.applicationId, row.applicationId))).run();
  return true;
}
