// Scoring of a self-assessment against a sheet: points per part and group, tier by points,
// tier after the ★ markers, disqualification and what is still unanswered. Pure functions.
import {
  appliesInCase,
  type Criterion,
  oncePerCase,
  optionsFor,
  type PlacedCriterion,
  type Sheet,
  type Tier,
  type VersionData,
} from "./rubric.js";

/** criterion id → option id */
export type Answers = Readonly<Record<string, string>>;
/** disqualification id → whether its requirement holds (true = cleared) */
export type Clearances = Readonly<Record<string, boolean>>;

export interface ScoreOptions {
  caseId?: string | undefined;
  clearances?: Clearances | undefined;
}

export interface Subtotal {
  points: number;
  max: number;
}

export interface MarkerMiss {
  criterion: string;
  marker: number;
  requiredPoints: number;
  points: number;
}

export interface ScoreResult {
  sheet: string;
  total: number;
  max: number;
  parts: Record<string, Subtotal>;
  groups: Record<string, Subtotal>;
  applicable: number;
  answered: number;
  unanswered: string[];
  /** The total if every unanswered criterion got its best option. */
  possibleMax: number;
  starsByPoints: number;
  /** Stars after the ★ markers (equal to starsByPoints when markers are only warnings). */
  stars: number;
  recognised: boolean;
  recognisedBy?: string | undefined;
  markerRule: VersionData["markerRule"];
  /** Markers at or below the tier of the points that the answers miss. */
  markersMissed: MarkerMiss[];
  disqualified: boolean;
  /** Disqualification items answered "no", and criteria whose 0 points stop the scoring. */
  stoppedBy: string[];
  /** Disqualification items not answered yet. */
  pendingClearances: string[];
}

export function tierFor(version: VersionData, points: number): Tier {
  const tiers = [...version.tiers].sort((a, b) => a.min - b.min);
  const top = tiers.at(-1);
  if (!top) throw new Error(`rubric ${version.id} has no tiers`);
  if (points >= top.max) return top;
  return tiers.find((t) => points >= t.min && points < t.max) ?? tiers[0]!;
}

export function tierOfStars(version: VersionData, stars: number): Tier | undefined {
  return version.tiers.find((t) => t.stars === stars);
}

/** By marker (index 1–5 for ★1…★5): the fewest points of an option carrying it, undefined if none does. */
const markerThresholds = oncePerCase((criterion: Criterion, caseId): readonly (number | undefined)[] => {
  const fewest: (number | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined];
  for (const o of optionsFor(criterion, caseId)) {
    if (o.marker !== undefined && (fewest[o.marker] === undefined || o.points < fewest[o.marker]!))
      fewest[o.marker] = o.points;
  }
  return fewest;
});

/** The fewest points of an option carrying the marker, or undefined when no option carries it. */
export function markerThreshold(criterion: Criterion, marker: number, caseId?: string): number | undefined {
  return markerThresholds(criterion, caseId)[marker];
}

/** The points a criterion needs for its ★ markers of the given tier and below. */
export function requiredPoints(criterion: Criterion, stars: number, caseId?: string): number {
  const thresholds = markerThresholds(criterion, caseId);
  let required = 0;
  for (let marker = 1; marker <= stars; marker++) required = Math.max(required, thresholds[marker] ?? 0);
  return required;
}

/** An applicable criterion as score() reads it: its options' points by id, its best, its markers. */
interface ScoredCriterion {
  criterion: PlacedCriterion;
  pointsByOption: ReadonlyMap<string, number>;
  /** The best option's points (0 with no option above 0). */
  best: number;
  /** By marker (★1…★5): the fewest points of an option carrying it (markerThreshold). */
  thresholds: readonly (number | undefined)[];
}

interface ScoringTable {
  criteria: readonly PlacedCriterion[];
  scored: readonly ScoredCriterion[];
}

/**
 * What score() needs of a sheet in a case, worked out once per sheet and case: a result is shown
 * once per assessment, so its code runs mostly unoptimised, and the less it does per criterion the
 * better.
 */
const scoringTable = oncePerCase((sheet: Sheet, caseId): ScoringTable => {
  const criteria = sheet.criteria.filter((c) => appliesInCase(c, caseId));
  const scored = criteria.map((criterion) => {
    const options = optionsFor(criterion, caseId);
    return {
      criterion,
      pointsByOption: new Map(options.map((o) => [o.id, o.points])),
      best: Math.max(0, ...options.map((o) => o.points)),
      thresholds: markerThresholds(criterion, caseId),
    };
  });
  return { criteria, scored };
});

/** The criteria of the sheet that apply in the case (all without a case), in sheet order. */
export function applicableCriteria(sheet: Sheet, caseId?: string): readonly PlacedCriterion[] {
  return scoringTable(sheet, caseId).criteria;
}

/** The chosen option of a criterion, if the answer names a valid one for the case. */
export function chosenOption(criterion: Criterion, answers: Answers, caseId?: string) {
  const optionId = answers[criterion.id];
  return optionId === undefined ? undefined : optionsFor(criterion, caseId).find((o) => o.id === optionId);
}

export function score(sheet: Sheet, answers: Answers, opts: ScoreOptions = {}): ScoreResult {
  const { caseId, clearances = {} } = opts;
  const version = sheet.version;
  const parts: Record<string, Subtotal> = {};
  for (const p of version.parts) parts[p.id] = { points: 0, max: p.maxPoints };
  const groups: Record<string, Subtotal> = {};
  for (const p of sheet.parts) {
    for (const g of p.groups) {
      groups[g.id] = { points: 0, max: g.maxPoints };
      for (const s of g.subgroups) groups[s.id] = { points: 0, max: s.maxPoints };
    }
  }

  const table = scoringTable(sheet, caseId);
  const unanswered: string[] = [];
  const stoppedBy: string[] = [];
  /** Points of each applicable criterion in table order, undefined while unanswered. */
  const answeredPoints: (number | undefined)[] = [];
  let answered = 0;
  let total = 0;
  let remaining = 0;
  for (const { criterion: c, pointsByOption, best } of table.scored) {
    const optionId = answers[c.id];
    const points = optionId === undefined ? undefined : pointsByOption.get(optionId);
    answeredPoints.push(points);
    if (points === undefined) {
      unanswered.push(c.id);
      remaining += best;
      continue;
    }
    answered++;
    total += points;
    parts[c.part]!.points += points;
    groups[c.group]!.points += points;
    if (c.subgroup) groups[c.subgroup]!.points += points;
    if (c.stopIfZero && points === 0) stoppedBy.push(c.id);
  }

  const pendingClearances: string[] = [];
  for (const d of sheet.disqualification) {
    const cleared = clearances[d.id];
    if (cleared === undefined) pendingClearances.push(d.id);
    else if (!cleared) stoppedBy.unshift(d.id);
  }

  const byPoints = tierFor(version, total);
  const markersMissed: MarkerMiss[] = [];
  table.scored.forEach(({ criterion: c, thresholds }, i) => {
    const points = answeredPoints[i];
    if (points === undefined) return;
    for (let marker = 1; marker <= byPoints.stars; marker++) {
      const threshold = thresholds[marker];
      if (threshold !== undefined && points < threshold) {
        markersMissed.push({ criterion: c.id, marker, requiredPoints: threshold, points });
      }
    }
  });
  let stars = byPoints.stars;
  if (version.markerRule === "minimum") {
    for (const miss of markersMissed) stars = Math.min(stars, miss.marker - 1);
  }
  const tier = tierOfStars(version, stars);
  const disqualified = stoppedBy.length > 0;

  return {
    sheet: sheet.id,
    total,
    max: version.parts.reduce((s, p) => s + p.maxPoints, 0),
    parts,
    groups,
    applicable: table.criteria.length,
    answered,
    unanswered,
    possibleMax: total + remaining,
    starsByPoints: byPoints.stars,
    stars,
    recognised: !disqualified && (tier?.recognised ?? false),
    recognisedBy: tier?.recognisedBy,
    markerRule: version.markerRule,
    markersMissed,
    disqualified,
    stoppedBy,
    pendingClearances,
  };
}

export type AnswerProblem =
  | { code: "criterion-unknown"; criterion: string }
  | { code: "option-unknown"; criterion: string; option: string }
  | { code: "case-unknown"; case: string };

/** What is wrong with answers given from outside (a file, a forged button). */
export function answerProblems(sheet: Sheet, answers: Answers, caseId?: string): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  if (caseId !== undefined && !sheet.cases.some((c) => c.id === caseId))
    problems.push({ code: "case-unknown", case: caseId });
  for (const [criterionId, optionId] of Object.entries(answers)) {
    const criterion = sheet.criteria.find((c) => c.id === criterionId);
    if (!criterion) problems.push({ code: "criterion-unknown", criterion: criterionId });
    else if (!optionsFor(criterion, caseId).some((o) => o.id === optionId)) {
      problems.push({ code: "option-unknown", criterion: criterionId, option: String(optionId) });
    }
  }
  return problems;
}
