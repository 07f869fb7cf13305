// Moving a self-assessment to another product set: which answers still mean the same thing.
import { type Criterion, optionsFor, type Sheet } from "./rubric.js";
import { applicableCriteria } from "./scoring.js";

/** Two criteria ask the same question when their options are the same: ids, words, points, ★ markers and cases. */
export function sameOptions(a: Criterion, b: Criterion): boolean {
  const key = (c: Criterion) =>
    JSON.stringify(c.options.map((o) => [o.id, o.label, o.points, o.marker ?? null, o.case ?? null]));
  return key(a) === key(b);
}

export interface CarriedOver {
  /** Answers kept: criteria of both sheets with the same id and the same options (and applying in the new case). */
  answers: Record<string, string>;
  /** Disqualification answers kept: items of both sheets with the same id and requirement. */
  clearances: Record<string, boolean>;
  /** Questions of the new sheet still to answer after the move (criteria and disqualification items). */
  toAsk: number;
}

/**
 * The answers a self-assessment keeps when its product moves from sheet `from` to sheet `to` (in
 * case `caseTo` of `to`, if it has cases): only where the criterion has the same id and the same
 * options, so that no answer changes meaning (sets 4 and 8 of Decision 26/2026 both have a C7, one
 * "Dinh dưỡng", the other "Tính độc đáo"); every other question is asked again.
 */
export function carryOver(
  from: Sheet,
  to: Sheet,
  answers: Readonly<Record<string, string>>,
  clearances: Readonly<Record<string, boolean>>,
  caseTo: string | undefined,
): CarriedOver {
  const before = new Map(from.criteria.map((c) => [c.id, c]));
  const kept: Record<string, string> = {};
  const applying = applicableCriteria(to, caseTo);
  for (const c of applying) {
    const old = before.get(c.id);
    const answer = answers[c.id];
    if (old && answer !== undefined && sameOptions(old, c) && optionsFor(c, caseTo).some((o) => o.id === answer))
      kept[c.id] = answer;
  }
  const oldItems = new Map(from.disqualification.map((d) => [d.id, d.requirement]));
  const keptClearances: Record<string, boolean> = {};
  for (const d of to.disqualification) {
    const holds = clearances[d.id];
    if (holds !== undefined && oldItems.get(d.id) === d.requirement) keptClearances[d.id] = holds;
  }
  const toAsk =
    applying.length + to.disqualification.length - Object.keys(kept).length - Object.keys(keptClearances).length;
  return { answers: kept, clearances: keptClearances, toAsk };
}
