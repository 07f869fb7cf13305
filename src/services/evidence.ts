// Evidence files attached to criteria: Telegram's file ids (or "web:<sha256>" for a file uploaded
// on the web and kept in FILES_DIR) and what the user sees of them.
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { evidence } from "../db/schema.js";
import type { EvidenceFile } from "../domain/readiness.js";
import { EVIDENCE_KINDS, type EvidenceKind } from "../domain/rubric.js";
import type { DbOrTx } from "./outbox.js";

export type Evidence = typeof evidence.$inferSelect;

/** Bots can download files up to 20 MB; larger ones could never reach an officer's computer. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** The file id of a file uploaded on the web: "web:" and the SHA-256 (hex) of its content. */
export const webFileId = (sha256: string): string => `web:${sha256}`;

/** Where a file uploaded on the web is kept under FILES_DIR; undefined for a file sent on Telegram. */
export function webFilePath(filesDir: string, fileId: string): string | undefined {
  const sha = /^web:([0-9a-f]{64})$/.exec(fileId)?.[1];
  return sha && join(filesDir, sha);
}

export function addEvidence(db: DbOrTx, values: typeof evidence.$inferInsert): Evidence {
  return db.insert(evidence).values(values).returning().get();
}

export function evidenceById(db: Db, id: number): Evidence | undefined {
  return db.select().from(evidence).where(eq(evidence.id, id)).get();
}

/** Says which kind of the law's evidence table a file is. */
export function tagEvidence(db: DbOrTx, id: number, kind: EvidenceKind): void {
  db.update(evidence).set({ evidenceKind: kind }).where(eq(evidence.id, id)).run();
}

/**
 * The application's files in rubric order (the order of `criteria`, the sheet's), each criterion's
 * files in the order they came; files of a criterion not in the list come last. Never sorted by
 * criterion id as text, which would put C10 before C7.
 */
export function evidenceOf(db: Db, a: { app: { id: number }; criteria: readonly { id: string }[] }): Evidence[] {
  const rank = new Map(a.criteria.map((c, i) => [c.id, i]));
  const at = (row: Evidence) => rank.get(row.criterionId) ?? rank.size;
  return db
    .select()
    .from(evidence)
    .where(eq(evidence.applicationId, a.app.id))
    .orderBy(evidence.id)
    .all()
    .sort((x, y) => at(x) - at(y) || x.id - y.id);
}

/** What a file proves, for the evidence checklist: its tag when it names a known kind. */
export function evidenceFile(row: Evidence): EvidenceFile {
  const kind = EVIDENCE_KINDS.find((k) => k === row.evidenceKind);
  return { criterionId: row.criterionId, kind };
}

/** Removes a file (the use case checks that its application may still change). */
export function removeEvidence(db: DbOrTx, id: number): boolean {
  return db.delete(evidence).where(eq(evidence.id, id)).run().changes > 0;
}
