// Whether a self-assessment may be filed, and what is missing, item by item, in the order the
// producer should do it. One evidence checklist serves the chat and the self-assessment report
// (Mẫu 02), so the two never disagree. Pure functions over plain data.
import { EVIDENCE_KINDS, type EvidenceKind, optionsFor, type PlacedCriterion } from "./rubric.js";
import type { Answers, MarkerMiss, ScoreResult } from "./scoring.js";

/** An attached file as the checklist sees it: its criterion and, when tagged, what it proves. */
export interface EvidenceFile {
  criterionId: string;
  /** Untagged, a file counts for every kind its criterion expects. */
  kind?: EvidenceKind | undefined;
}

/** An evidence kind of Mẫu 02's table with no file, and the criteria (answered with points) expecting it. */
export interface MissingEvidenceKind {
  kind: EvidenceKind;
  criteria: string[];
}

/** One thing to do before filing; `id` is a disqualification item or a criterion id. */
export type MissingItem =
  | { kind: "clearance"; id: string }
  | { kind: "failed-clearance"; id: string }
  | { kind: "criterion"; id: string }
  | { kind: "evidence"; id: string }
  | { kind: "score" }
  /** A household without a business registration (Decision 26/2026, Art. 2 khoản 3). */
  | { kind: "registration" };

export interface ReadinessInput {
  /** The sheet's disqualification items, in order. */
  clearanceIds: readonly string[];
  /** The applicable criteria in rubric order. */
  criteria: readonly PlacedCriterion[];
  caseId: string | undefined;
  answers: Answers;
  score: ScoreResult;
  files: readonly EvidenceFile[];
  /** The producer is a household that said it has no business registration: not yet an OCOP producer. */
  unregistered: boolean;
}

export interface Readiness {
  ready: boolean;
  /** Everything that blocks filing, in the order to do it. */
  items: MissingItem[];
  /** Disqualification items not answered yet. */
  pendingClearances: string[];
  /** Disqualification items answered "no" and criteria whose 0 points stop the scoring. */
  failedClearances: string[];
  unanswered: string[];
  /** Criteria answered with points that expect evidence and have no file at all (blocking). */
  missingEvidence: string[];
  /**
   * The evidence kinds Mẫu 02 lists as missing ("Tài liệu minh chứng còn thiếu"). Those of the
   * criteria in missingEvidence block filing; the others are a warning only.
   */
  evidenceKindsMissing: MissingEvidenceKind[];
  /** The indicative stars are below 3 (or the dossier is disqualified): not recognisable. */
  belowThree: boolean;
  /**
   * The ★ markers up to ★3 the answers miss when they alone hold the points' 3★ or more below 3★
   * (Decision 26/2026: a missed marker caps the tier); empty otherwise.
   */
  markersBelowThree: MarkerMiss[];
  /** See ReadinessInput.unregistered: blocks filing until the household registers. */
  unregistered: boolean;
  total: number;
  stars: number;
  /** Every item the chat can open, done or not, in the order they are done (see itemKey). */
  order: string[];
}

/** A stable text key of an item, e.g. "evidence:A1.5". */
export function itemKey(item: MissingItem): string {
  return "id" in item ? `${item.kind}:${item.id}` : item.kind;
}

/** The item an itemKey names, or undefined for anything else (callback data is untrusted). */
export function parseItemKey(key: string): MissingItem | undefined {
  if (key === "score" || key === "registration") return { kind: key };
  const at = key.indexOf(":");
  const kind = key.slice(0, at);
  const id = key.slice(at + 1);
  if (at < 1 || !id) return undefined;
  return kind === "clearance" || kind === "failed-clearance" || kind === "criterion" || kind === "evidence"
    ? { kind, id }
    : undefined;
}

/** Criteria scored above 0 that expect evidence: only an answer with points needs proving. */
function provable(
  criteria: readonly PlacedCriterion[],
  answers: Answers,
  caseId: string | undefined,
): PlacedCriterion[] {
  return criteria.filter(
    (c) => c.evidence.length > 0 && (optionsFor(c, caseId).find((o) => o.id === answers[c.id])?.points ?? 0) > 0,
  );
}

/**
 * The evidence kinds of Decision 26/2026's table (Phụ lục III, Mẫu 02, Part III) that no file
 * covers, for the criteria answered with points, in the table's order (EVIDENCE_KINDS); each kind
 * names its criteria in rubric order. A tagged file covers its kind; an untagged one every kind
 * its criterion expects.
 */
export function missingEvidenceKinds(
  criteria: readonly PlacedCriterion[],
  answers: Answers,
  caseId: string | undefined,
  files: readonly EvidenceFile[],
): MissingEvidenceKind[] {
  const missing = new Map<EvidenceKind, string[]>();
  for (const c of provable(criteria, answers, caseId)) {
    const covered = new Set(
      files.filter((f) => f.criterionId === c.id).flatMap((f) => (f.kind ? [f.kind] : c.evidence)),
    );
    for (const kind of c.evidence) if (!covered.has(kind)) missing.set(kind, [...(missing.get(kind) ?? []), c.id]);
  }
  return EVIDENCE_KINDS.filter((k) => missing.has(k)).map((kind) => ({ kind, criteria: missing.get(kind)! }));
}

/**
 * Readiness to file (PRODUCT.md §4): every applicable criterion answered, the disqualification
 * questions answered and cleared (Decision 26/2026, Phụ lục II: hồ sơ bị loại), a file for every
 * criterion answered with points whose rubric line expects evidence, and indicative stars of 3 or
 * more (only 3★–5★ are recognised, Art. 3), and a producer the law admits (a household needs a
 * business registration, Art. 2 khoản 3). Items come in the order to do them: the registration, pending
 * disqualification questions, failed ones, unanswered criteria, missing evidence (rubric order),
 * then the score.
 */
export function readinessOf(input: ReadinessInput): Readiness {
  const { clearanceIds, criteria, caseId, answers, score, files, unregistered } = input;
  const withFiles = new Set(files.map((f) => f.criterionId));
  const missingEvidence = provable(criteria, answers, caseId)
    .filter((c) => !withFiles.has(c.id))
    .map((c) => c.id);
  const belowThree = score.stars < 3 || score.disqualified;
  const items: MissingItem[] = [
    ...(unregistered ? [{ kind: "registration" } as const] : []),
    ...score.pendingClearances.map((id): MissingItem => ({ kind: "clearance", id })),
    ...score.stoppedBy.map((id): MissingItem => ({ kind: "failed-clearance", id })),
    ...score.unanswered.map((id): MissingItem => ({ kind: "criterion", id })),
    ...missingEvidence.map((id): MissingItem => ({ kind: "evidence", id })),
  ];
  // The score is worth fixing only once everything else is answered: until then it is not final.
  // A disqualification is fixed by its own item, not by more points.
  const scoreToFix =
    score.stars < 3 && !score.disqualified && score.unanswered.length === 0 && score.pendingClearances.length === 0;
  if (scoreToFix) items.push({ kind: "score" });
  return {
    ready: items.length === 0 && !belowThree,
    items,
    pendingClearances: score.pendingClearances,
    failedClearances: score.stoppedBy,
    unanswered: score.unanswered,
    missingEvidence,
    evidenceKindsMissing: missingEvidenceKinds(criteria, answers, caseId, files),
    belowThree,
    markersBelowThree:
      belowThree && !score.disqualified && score.markerRule === "minimum" && score.starsByPoints >= 3
        ? score.markersMissed.filter((m) => m.marker <= 3)
        : [],
    unregistered,
    total: score.total,
    stars: score.stars,
    order: [
      itemKey({ kind: "registration" }),
      ...clearanceIds.map((id) => itemKey({ kind: "clearance", id })),
      ...criteria.map((c) => itemKey({ kind: "criterion", id: c.id })),
      ...criteria.map((c) => itemKey({ kind: "evidence", id: c.id })),
    ],
  };
}

/** An item the chat opens one after another: a question or evidence (not the score, not a "no" already given). */
export type StepItem = Extract<MissingItem, { kind: "clearance" | "criterion" | "evidence" }>;

export function isStepItem(item: MissingItem): item is StepItem {
  return item.kind === "clearance" || item.kind === "criterion" || item.kind === "evidence";
}

/**
 * The next item to open after `after` (an item just done or passed over): the first step item
 * that comes later in the order, or the first one when nothing was done yet. Undefined when the
 * steps are through: what is left (a "no" already given, the score) is shown as a summary.
 */
export function nextStep(r: Readiness, after?: MissingItem): StepItem | undefined {
  const steps = r.items.filter(isStepItem);
  if (!after) return steps[0];
  const rank = (item: MissingItem) => r.order.indexOf(itemKey(item));
  const from = rank(after);
  return steps.find((i) => rank(i) > from);
}
