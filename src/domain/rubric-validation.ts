// Arithmetic and consistency checks of rubric data, beyond what the zod schemas check.
// Problems are returned as data (a code and its parameters); the CLI renders them from locales/.
import type { z } from "zod";
import {
  bestPoints,
  findProductSet,
  flattenCriteria,
  NONE_OPTION_ID,
  optionsFor,
  type SheetData,
  type VersionData,
} from "./rubric.js";

export interface RubricProblem {
  code: string;
  /** The criterion, group or field the problem is about. */
  at?: string;
  params?: Record<string, string | number>;
}

export function schemaProblems(error: z.ZodError): RubricProblem[] {
  return error.issues.map((issue) => ({
    code: "schema",
    at: issue.path.join(".") || "/",
    params: { message: issue.message },
  }));
}

export function validateVersion(version: VersionData): RubricProblem[] {
  const problems: RubricProblem[] = [];
  const partSum = version.parts.reduce((s, p) => s + p.maxPoints, 0);
  if (partSum !== 100) problems.push({ code: "parts-total", params: { sum: partSum } });
  duplicates(version.parts.map((p) => p.id)).forEach((d) => {
    problems.push({ code: "duplicate-part", at: d });
  });

  const tiers = [...version.tiers].sort((a, b) => a.min - b.min);
  duplicates(tiers.map((t) => String(t.stars))).forEach((d) => {
    problems.push({ code: "duplicate-tier", at: d });
  });
  if (tiers[0] && tiers[0].min !== 0) problems.push({ code: "tiers-start", params: { min: tiers[0].min } });
  const last = tiers.at(-1);
  if (last && last.max !== 100) problems.push({ code: "tiers-end", params: { max: last.max } });
  tiers.forEach((t, i) => {
    {
      const next = tiers[i + 1];
      if (t.min >= t.max) problems.push({ code: "tier-empty", at: `${t.stars}` });
      if (next && t.max !== next.min) {
        problems.push({ code: "tiers-gap", params: { stars: t.stars, max: t.max, next: next.stars, min: next.min } });
      }
      if (next && next.stars <= t.stars) problems.push({ code: "tiers-order", at: `${next.stars}` });
    }
  });

  const setIds = version.taxonomy.flatMap((s) => s.groups.flatMap((g) => g.sets.map((p) => p.id)));
  duplicates(setIds).forEach((d) => {
    problems.push({ code: "duplicate-product-set", at: d });
  });
  return problems;
}

export function validateSheet(version: VersionData, sheet: SheetData): RubricProblem[] {
  const problems: RubricProblem[] = [];
  if (!findProductSet(version, sheet.productSet)) {
    problems.push({ code: "product-set-unknown", at: sheet.productSet, params: { version: version.id } });
  }

  const caseIds = sheet.cases.map((c) => c.id);
  duplicates(caseIds).forEach((d) => {
    problems.push({ code: "duplicate-case", at: d });
  });

  const sheetParts = sheet.parts.map((p) => p.part);
  duplicates(sheetParts).forEach((d) => {
    problems.push({ code: "duplicate-part", at: d });
  });
  for (const p of version.parts) {
    if (!sheetParts.includes(p.id)) problems.push({ code: "part-missing", at: p.id });
  }

  const criteria = flattenCriteria(sheet.parts);
  duplicates(criteria.map((c) => c.id)).forEach((d) => {
    problems.push({ code: "duplicate-criterion", at: d });
  });
  const groupIds = sheet.parts.flatMap((p) => p.groups.flatMap((g) => [g.id, ...g.subgroups.map((s) => s.id)]));
  duplicates(groupIds).forEach((d) => {
    problems.push({ code: "duplicate-group", at: d });
  });
  duplicates(sheet.disqualification.map((d) => d.id)).forEach((d) => {
    problems.push({ code: "duplicate-disqualification", at: d });
  });
  for (const d of sheet.disqualification) {
    if (d.criterion && !criteria.some((c) => c.id === d.criterion)) {
      problems.push({ code: "disqualification-criterion-unknown", at: d.id, params: { criterion: d.criterion } });
    }
  }

  for (const c of criteria) {
    duplicates(c.options.map((o) => o.id)).forEach((d) => {
      problems.push({ code: "duplicate-option", at: c.id, params: { option: d } });
    });
    for (const o of c.options) {
      // The "none of these" option is the engine's, added when the sheet is bound.
      if (o.id === NONE_OPTION_ID || o.none)
        problems.push({ code: "option-reserved", at: c.id, params: { option: o.id } });
      if (o.case !== undefined && !caseIds.includes(o.case)) {
        problems.push({ code: "case-unknown", at: c.id, params: { option: o.id, case: o.case } });
      }
    }
    const hasCases = c.options.some((o) => o.case !== undefined);
    const scenarios = hasCases ? caseIds : [undefined];
    for (const caseId of scenarios) {
      const options = optionsFor(c, caseId);
      if (options.length === 0) {
        problems.push({ code: "case-without-options", at: c.id, params: { case: caseId ?? "" } });
        continue;
      }
      const best = bestPoints(options);
      if (best !== c.maxPoints) {
        problems.push({
          code: caseId === undefined ? "criterion-max" : "criterion-max-case",
          at: c.id,
          params: { max: c.maxPoints, best, case: caseId ?? "" },
        });
      }
    }
  }

  for (const part of sheet.parts) {
    const partDef = version.parts.find((p) => p.id === part.part);
    if (!partDef) {
      problems.push({ code: "part-unknown", at: part.part, params: { version: version.id } });
      continue;
    }
    let partSum = 0;
    for (const g of part.groups) {
      partSum += g.maxPoints;
      for (const s of g.subgroups) {
        const sum = sumMax(s.criteria);
        if (sum !== s.maxPoints) problems.push({ code: "group-sum", at: s.id, params: { max: s.maxPoints, sum } });
      }
      if (g.criteria.length === 0 && g.subgroups.length === 0) problems.push({ code: "group-empty", at: g.id });
      const sum = sumMax(g.criteria) + sumMax(g.subgroups);
      if (sum !== g.maxPoints) problems.push({ code: "group-sum", at: g.id, params: { max: g.maxPoints, sum } });
    }
    if (partSum !== partDef.maxPoints) {
      problems.push({ code: "part-sum", at: part.part, params: { max: partDef.maxPoints, sum: partSum } });
    }
  }
  return problems;
}

function sumMax(items: { maxPoints: number }[]): number {
  return items.reduce((s, i) => s + i.maxPoints, 0);
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}
