// The use cases of evidence files: adding one to a criterion, saying which kind of the law's
// evidence table it is, listing and removing them. Apart from evidence.ts, which the
// self-assessment itself reads (assessment.ts imports it), so that the two do not import each other.
import type { ApplicationState, evidence } from "../db/schema.js";
import type { EvidenceKind } from "../domain/rubric.js";
import { type Assessment, findApplication, isEditable, loadAssessment } from "./assessment.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import {
  addEvidence,
  EVIDENCE_MAX_BYTES,
  type Evidence,
  evidenceById,
  evidenceOf,
  removeEvidence,
  tagEvidence,
} from "./evidence.js";
import { isOrganisationMember, rolesFor } from "./membership.js";

/** A file as the channel received it (Telegram: its file ids, name, size and type). */
export type IncomingFile = Pick<
  typeof evidence.$inferInsert,
  "fileId" | "fileUniqueId" | "fileName" | "fileSize" | "mimeType" | "kind"
>;

/** "not-found": no such application or file, or not one the actor may see. */
export type EvidenceRefusal = "not-found";

export type AddResult =
  | {
      ok: true;
      file: Evidence;
      /** The criterion's files, this one included. */
      count: number;
      /** The kinds of evidence the law's table names for the criterion; with one, the file is tagged with it. */
      kinds: readonly EvidenceKind[];
      /** The criterion had this very file already (same content): nothing was added. */
      duplicate: boolean;
    }
  | { ok: false; reason: "not-editable"; state: ApplicationState }
  | Refused<EvidenceRefusal | "unknown-criterion" | "too-big">;

/**
 * Evidence files of an application. The owner and members of its organisation add, tag and
 * remove them while the application can be changed (a draft, or returned); officers of its
 * commune and administrators may list them too. Anyone else gets "not-found" and changes nothing.
 */
export function evidenceService({ db, catalog, adminIds }: CoreDeps) {
  const isProducer = (actor: Actor, organisationId: number) =>
    actor !== undefined && isOrganisationMember(db, actor, organisationId);

  return {
    /**
     * The application's files in rubric order, and whether the actor may remove them (a producer
     * of an application still editable).
     */
    list(
      actor: Actor,
      applicationId: number,
    ): { ok: true; assessment: Assessment; files: Evidence[]; removable: boolean } | Refused<EvidenceRefusal> {
      const a = loadAssessment(db, catalog, applicationId);
      if (!a || actor === undefined || rolesFor(db, adminIds, actor, a.app).length === 0) return refuse("not-found");
      const removable = isProducer(actor, a.app.organisationId) && isEditable(a.app);
      return { ok: true, assessment: a, files: evidenceOf(db, a), removable };
    },

    /**
     * One file, for whoever may list its application's files (see `list`): its row, and whether
     * the actor may remove it. "not-found" for anyone else, as for a file that does not exist.
     */
    file(actor: Actor, fileId: number): { ok: true; file: Evidence; removable: boolean } | Refused<EvidenceRefusal> {
      const row = evidenceById(db, fileId);
      const found = row && findApplication(db, row.applicationId);
      if (!found || actor === undefined || rolesFor(db, adminIds, actor, found.application).length === 0)
        return refuse("not-found");
      const removable = isProducer(actor, found.application.organisationId) && isEditable(found.application);
      return { ok: true, file: row, removable };
    },

    /**
     * Attaches a file to one of the application's criteria, tagged with the criterion's kind of
     * evidence when the law names only one. Files over EVIDENCE_MAX_BYTES are refused ("too-big":
     * a bot cannot download them), as is a change to an application no longer editable. The same
     * file (same fileUniqueId) sent again to the criterion is not added twice ("duplicate").
     */
    add(actor: Actor, applicationId: number | undefined, criterionId: string, file: IncomingFile): AddResult {
      const a = applicationId === undefined ? undefined : loadAssessment(db, catalog, applicationId);
      if (!a || !isProducer(actor, a.app.organisationId)) return refuse("not-found");
      if (!isEditable(a.app)) return { ok: false, reason: "not-editable", state: a.app.state };
      const criterion = a.criteria.find((c) => c.id === criterionId);
      if (!criterion) return refuse("unknown-criterion");
      if ((file.fileSize ?? 0) > EVIDENCE_MAX_BYTES) return refuse("too-big");
      const kinds = criterion.evidence;
      const evidenceKind = kinds.length === 1 ? kinds[0]! : null;
      const files = () => evidenceOf(db, a).filter((f) => f.criterionId === criterionId);
      // The same file sent again (a double tap, a resent photo) is the one already there, not a second copy.
      const same = files().find((f) => f.fileUniqueId === file.fileUniqueId);
      if (same) return { ok: true, file: same, count: files().length, kinds, duplicate: true };
      const saved = db.transaction((tx) =>
        addEvidence(tx, { ...file, applicationId: a.app.id, criterionId, evidenceKind, addedBy: actor! }),
      );
      return { ok: true, file: saved, count: files().length, kinds, duplicate: false };
    },

    /** Says which kind of the law's evidence table a file is: the `index`-th kind its criterion names. */
    tag(actor: Actor, fileId: number, index: number): { ok: true; kind: EvidenceKind } | Refused<EvidenceRefusal> {
      const row = evidenceById(db, fileId);
      const a = row && loadAssessment(db, catalog, row.applicationId);
      const kind = a?.criteria.find((c) => c.id === row!.criterionId)?.evidence[index];
      if (!row || !a || !kind || !isProducer(actor, a.app.organisationId)) return refuse("not-found");
      db.transaction((tx) => tagEvidence(tx, row.id, kind));
      return { ok: true, kind };
    },

    /** Removes a file of an application still editable; a filed one's evidence stays as filed ("not-editable"). */
    remove(actor: Actor, fileId: number): { ok: true } | Refused<EvidenceRefusal | "not-editable"> {
      const row = evidenceById(db, fileId);
      const found = row && findApplication(db, row.applicationId);
      if (!found || !isProducer(actor, found.application.organisationId)) return refuse("not-found");
      if (!isEditable(found.application)) return refuse("not-editable");
      db.transaction((tx) => removeEvidence(tx, fileId));
      return { ok: true };
    },
  };
}
