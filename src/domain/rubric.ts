// The rubric model: the shape of a rubric version and of its scoring sheets, as stored in rubrics/.
// Pure data and zod schemas; arithmetic checks live in rubric-validation.ts.
import { z } from "zod";

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "invalid-id");
const text = z.string().trim().min(1);

export const EVIDENCE_KINDS = [
  "business-registration",
  "production-certificate",
  "raw-material",
  "environment",
  "local-labour",
  "growth",
  "intellectual-property",
  "market",
  "promotion",
  "story",
  "quality-declaration",
  "test-report",
  "traceability",
  "quality-management",
  "awards",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The four criteria the commune evaluates itself (Decision 26/2026, Art. 7). */
export const LOCAL_CRITERIA = ["origin", "labour", "idea", "identity"] as const;
export type LocalCriterion = (typeof LOCAL_CRITERIA)[number];

export const STAR_MARKERS = [3, 4, 5] as const;

export const optionSchema = z.strictObject({
  id,
  label: text,
  points: z.number().int().nonnegative(),
  /** ★ marker: the option is the minimum for this many stars. */
  marker: z.union([z.literal(3), z.literal(4), z.literal(5)]).optional(),
  /** The case (of the sheet's cases) this option belongs to; absent = every case. */
  case: id.optional(),
  /**
   * Set only by the engine (bindSheet) on the "none of these" option it adds; never in a sheet
   * file. Not one of the law's options: it scores 0 and misses every ★ marker of its criterion.
   */
  none: z.literal(true).optional(),
});

export const criterionSchema = z.strictObject({
  id,
  title: text,
  help: text,
  maxPoints: z.number().int().positive(),
  note: text.optional(),
  evidence: z.array(z.enum(EVIDENCE_KINDS)).default([]),
  local: z.enum(LOCAL_CRITERIA).optional(),
  /** false for criteria a producer cannot sensibly change (e.g. who the legal representative is). */
  improvable: z.boolean().default(true),
  /** Scoring stops (as a disqualification) when this criterion is answered with 0 points. */
  stopIfZero: z.boolean().default(false),
  options: z.array(optionSchema).min(1),
});

export const subgroupSchema = z.strictObject({
  id,
  title: text,
  maxPoints: z.number().int().positive(),
  criteria: z.array(criterionSchema).min(1),
});

export const groupSchema = z.strictObject({
  id,
  title: text,
  maxPoints: z.number().int().positive(),
  criteria: z.array(criterionSchema).default([]),
  subgroups: z.array(subgroupSchema).default([]),
});

export const sheetPartSchema = z.strictObject({
  part: id,
  groups: z.array(groupSchema).min(1),
});

export const disqualificationSchema = z.strictObject({
  id,
  /** What must hold; answering "no" disqualifies the dossier. */
  requirement: text,
  help: text,
  /** The criterion whose note this stop comes from, if any. */
  criterion: id.optional(),
});

export const caseSchema = z.strictObject({ id, title: text });

export const sheetSchema = z.strictObject({
  productSet: id,
  source: text,
  corrections: z.array(text).default([]),
  cases: z.array(caseSchema).default([]),
  disqualification: z.array(disqualificationSchema).default([]),
  parts: z.array(sheetPartSchema).min(1),
});

export const tierSchema = z.strictObject({
  stars: z.number().int().min(1).max(5),
  /** Inclusive lower bound. */
  min: z.number().nonnegative(),
  /** Exclusive upper bound, except for the highest tier, whose max is inclusive. */
  max: z.number().positive(),
  recognised: z.boolean(),
  recognisedBy: text.optional(),
  meaning: text,
});

export const CONFIDENCE_LEVELS = ["verified", "secondary", "provisional"] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

const productSetSchema = z.strictObject({ id, number: z.number().int().positive(), title: text });
const productGroupSchema = z.strictObject({ id, title: text, sets: z.array(productSetSchema).min(1) });
const sectorSchema = z.strictObject({ id, title: text, groups: z.array(productGroupSchema).min(1) });

export const versionSchema = z.strictObject({
  id,
  title: text,
  legalSource: text,
  effectiveFrom: z.iso.date(),
  effectiveTo: z.iso.date().optional(),
  /** The version new assessments start under. Exactly one version is the default. */
  isDefault: z.boolean().default(false),
  confidence: z.strictObject({ level: z.enum(CONFIDENCE_LEVELS), note: text }),
  /** "minimum": a missed ★ marker caps the stars (Decision 26/2026); "warning": shown only. */
  markerRule: z.enum(["minimum", "warning"]),
  /**
   * When present, every criterion whose lowest option scores above 0 gets a last option with this
   * label, 0 points and id NONE_OPTION_ID, so a producer who meets none of the law's options can
   * say so instead of inflating the score (see withNoneOption).
   */
  noneOption: z.strictObject({ label: text }).optional(),
  parts: z.array(z.strictObject({ id, title: text, maxPoints: z.number().int().positive() })).min(1),
  tiers: z.array(tierSchema).min(1),
  taxonomy: z.array(sectorSchema).min(1),
});

export type Option = z.infer<typeof optionSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Subgroup = z.infer<typeof subgroupSchema>;
export type Group = z.infer<typeof groupSchema>;
export type SheetPart = z.infer<typeof sheetPartSchema>;
export type SheetData = z.infer<typeof sheetSchema>;
export type SheetInput = z.input<typeof sheetSchema>;
export type Tier = z.infer<typeof tierSchema>;
export type VersionData = z.infer<typeof versionSchema>;
export type VersionInput = z.input<typeof versionSchema>;
export type ProductSet = z.infer<typeof productSetSchema>;

/** A criterion with where it sits in its sheet. */
export interface PlacedCriterion extends Criterion {
  part: string;
  group: string;
  subgroup?: string;
}

/** A sheet bound to its version: what scoring works on. */
export interface Sheet extends SheetData {
  /** `<version>/<productSet>` */
  id: string;
  version: VersionData;
  productSetTitle: string;
  criteria: PlacedCriterion[];
}

export function sheetId(versionId: string, productSet: string): string {
  return `${versionId}/${productSet}`;
}

export function flattenCriteria(parts: SheetPart[]): PlacedCriterion[] {
  const out: PlacedCriterion[] = [];
  for (const p of parts) {
    for (const g of p.groups) {
      for (const c of g.criteria) out.push({ ...c, part: p.part, group: g.id });
      for (const s of g.subgroups) {
        for (const c of s.criteria) out.push({ ...c, part: p.part, group: g.id, subgroup: s.id });
      }
    }
  }
  return out;
}

export function findProductSet(version: VersionData, productSet: string): ProductSet | undefined {
  for (const sector of version.taxonomy) {
    for (const group of sector.groups) {
      const found = group.sets.find((s) => s.id === productSet);
      if (found) return found;
    }
  }
  return undefined;
}

/** The id of the engine's "none of these" option; reserved: no sheet file may use it. */
export const NONE_OPTION_ID = "none";

/**
 * The criterion with the "none of these" option (0 points, `none: true`) appended when its lowest
 * option scores above 0 in some case: the law's sheets (e.g. Decision 26/2026, Phụ lục II) give
 * many criteria no 0-point option, so without it a producer who meets none of them must pick one
 * and overstate the score. With cases, the option belongs to the case that needs it (or to every
 * case when all of them do). Criteria that already have a 0-point option are returned unchanged.
 */
export function withNoneOption(criterion: Criterion, caseIds: readonly string[], label: string): Criterion {
  const scenarios = criterion.options.some((o) => o.case !== undefined) ? caseIds : [undefined];
  const needed = scenarios.filter((caseId) => {
    const options = optionsFor(criterion, caseId);
    return options.length > 0 && Math.min(...options.map((o) => o.points)) > 0;
  });
  if (needed.length === 0) return criterion;
  const caseId = needed.length === 1 && scenarios.length > 1 ? needed[0] : undefined;
  const none: Option = { id: NONE_OPTION_ID, label, points: 0, none: true, ...(caseId ? { case: caseId } : {}) };
  return { ...criterion, options: [...criterion.options, none] };
}

/** The sheet's parts as scored: with the version's "none of these" options added where they apply. */
function scoredParts(version: VersionData, data: SheetData): SheetPart[] {
  const label = version.noneOption?.label;
  if (!label) return data.parts;
  const caseIds = data.cases.map((c) => c.id);
  const add = (c: Criterion) => withNoneOption(c, caseIds, label);
  return data.parts.map((p) => ({
    ...p,
    groups: p.groups.map((g) => ({
      ...g,
      criteria: g.criteria.map(add),
      subgroups: g.subgroups.map((s) => ({ ...s, criteria: s.criteria.map(add) })),
    })),
  }));
}

export function bindSheet(version: VersionData, data: SheetData): Sheet {
  const parts = scoredParts(version, data);
  return {
    ...data,
    parts,
    id: sheetId(version.id, data.productSet),
    version,
    productSetTitle: findProductSet(version, data.productSet)?.title ?? data.productSet,
    criteria: flattenCriteria(parts),
  };
}

/** Whether an option is one of the law's (not the engine's "none of these"). */
export const isLawOption = (o: Option) => !o.none;

/**
 * `make(of, caseId)` worked out once per object and case, and kept while the object lives: for what
 * is derived from a criterion or a sheet, which are final once built (rubric files are read whole,
 * then used).
 */
export function oncePerCase<Of extends object, T>(make: (of: Of, caseId: string | undefined) => T) {
  const made = new WeakMap<Of, Map<string | undefined, T>>();
  return (of: Of, caseId: string | undefined): T => {
    let byCase = made.get(of);
    if (!byCase) {
      byCase = new Map();
      made.set(of, byCase);
    }
    if (!byCase.has(caseId)) byCase.set(caseId, make(of, caseId));
    return byCase.get(caseId)!;
  };
}

const optionsInCase = oncePerCase((criterion: Criterion, caseId): readonly Option[] =>
  criterion.options.filter((o) => o.case === undefined || caseId === undefined || o.case === caseId),
);

/**
 * Options a criterion offers in the given case (all options when the sheet has no cases). The same
 * array for the same criterion and case: scoring, plans and every question ask for it many times.
 */
export function optionsFor(criterion: Criterion, caseId: string | undefined): readonly Option[] {
  return optionsInCase(criterion, caseId);
}

/** Whether a criterion applies in the given case: it applies unless all its options belong to other cases. */
export function appliesInCase(criterion: Criterion, caseId: string | undefined): boolean {
  return optionsFor(criterion, caseId).length > 0;
}

export function bestPoints(options: readonly Option[]): number {
  return options.reduce((m, o) => Math.max(m, o.points), 0);
}

/**
 * The version in force on a day ("YYYY-MM-DD"): effectiveFrom ≤ day and, when it has one,
 * day ≤ effectiveTo. Undefined before the first version.
 */
export function versionInForce(versions: readonly VersionData[], day: string): VersionData | undefined {
  return versions.find((v) => v.effectiveFrom <= day && (v.effectiveTo === undefined || day <= v.effectiveTo));
}

/**
 * The version an application filed before `version` took effect is scored under: the one in force
 * the day before. Decision 26/2026/QĐ-TTg, Art. 12 khoản 2: dossiers filed before 22 May 2026 and
 * not yet rated finish under the 2021–2025 rules (Decision 148/2023).
 */
export function versionBefore(versions: readonly VersionData[], version: VersionData): VersionData | undefined {
  const day = new Date(`${version.effectiveFrom}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return versionInForce(versions, day.toISOString().slice(0, 10));
}

/**
 * The answers that keep their meaning on another sheet: a criterion with the same id whose options
 * (ids, labels, points, cases) are the same. The rest must be asked again.
 */
export function carryAnswers(
  from: Pick<Sheet, "criteria">,
  to: Pick<Sheet, "criteria">,
  answers: Readonly<Record<string, string>>,
): { kept: Record<string, string>; dropped: string[] } {
  const sameOptions = (a: Criterion, b: Criterion) =>
    a.options.length === b.options.length &&
    a.options.every((o, i) => {
      const p = b.options[i]!;
      return o.id === p.id && o.label === p.label && o.points === p.points && o.case === p.case;
    });
  const kept: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [criterionId, optionId] of Object.entries(answers)) {
    const before = from.criteria.find((c) => c.id === criterionId);
    const after = to.criteria.find((c) => c.id === criterionId);
    if (before && after && sameOptions(before, after)) kept[criterionId] = optionId;
    else dropped.push(criterionId);
  }
  return { kept, dropped };
}
