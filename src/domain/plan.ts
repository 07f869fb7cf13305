// The improvement plan: the fewest criteria to raise so that the total reaches a tier and the
// tier's ★ markers are met. Exact, by dynamic programming over the points gained.

import type { Sheet } from "./rubric.js";
import { optionsFor } from "./rubric.js";
import {
  type Answers,
  applicableCriteria,
  chosenOption,
  requiredPoints,
  type ScoreOptions,
  type ScoreResult,
  score,
  tierOfStars,
} from "./scoring.js";

export interface PlanStep {
  criterion: string;
  /** The current option; absent when the criterion is not answered yet. */
  from?: string | undefined;
  fromPoints: number;
  to: string;
  toPoints: number;
  gain: number;
}

export type PlanBlocker =
  | "target-unknown"
  /** A disqualification requirement is answered "no": no change of answers helps. */
  | "disqualified"
  /** Even the best answers cannot reach the tier's points. */
  | "points"
  /** A ★ marker sits on a criterion the producer cannot change. */
  | "fixed-criterion";

export interface Plan {
  target: number;
  threshold: number;
  reachable: boolean;
  blocker?: PlanBlocker | undefined;
  /** With blocker "fixed-criterion": the criteria concerned. */
  blockedBy?: string[] | undefined;
  steps: PlanStep[];
  totalAfter: number;
  starsAfter: number;
}

interface Choice {
  gain: number;
  to: string;
  toPoints: number;
}

export function improvementPlan(sheet: Sheet, answers: Answers, target: number, opts: ScoreOptions = {}): Plan {
  const { caseId } = opts;
  const now = score(sheet, answers, opts);
  const tier = tierOfStars(sheet.version, target);
  const base = { target, threshold: tier?.min ?? 0, steps: [], totalAfter: now.total, starsAfter: now.stars };
  if (!tier) return { ...base, reachable: false, blocker: "target-unknown" };
  // A requirement answered "no" is beyond any answer; a stop-at-zero criterion is raised like a marker.
  const failedItems = now.stoppedBy.filter((id) => sheet.disqualification.some((d) => d.id === id));
  if (failedItems.length) return { ...base, reachable: false, blocker: "disqualified", blockedBy: failedItems };
  if (!now.disqualified && now.stars >= target) return { ...base, reachable: true };

  const criteria = applicableCriteria(sheet, caseId);
  const current = criteria.map((c) => chosenOption(c, answers, caseId));
  const currentPoints = current.map((o) => o?.points ?? 0);
  const fixed: string[] = [];
  // For each criterion: whether it may stay as it is, and the options it may be raised to.
  const menus = criteria.map((c, i) => {
    const cur = currentPoints[i]!;
    // Markers bind only where they are minimums; elsewhere the result shows them as warnings.
    const markers = sheet.version.markerRule === "minimum" ? requiredPoints(c, target, caseId) : 0;
    const required = c.stopIfZero ? Math.max(markers, 1) : markers;
    const raises: Choice[] = c.improvable
      ? optionsFor(c, caseId)
          .filter((o) => o.points > cur && o.points >= required)
          .map((o) => ({ gain: o.points - cur, to: o.id, toPoints: o.points }))
      : [];
    const mayKeep = cur >= required;
    if (!mayKeep && raises.length === 0) fixed.push(c.id);
    return { mayKeep, raises };
  });
  if (fixed.length) return { ...base, reachable: false, blocker: "fixed-criterion", blockedBy: fixed };

  const maxGain = menus.reduce((s, m) => s + Math.max(0, ...m.raises.map((r) => r.gain)), 0);
  // changes[i][g]: fewest changes among the first i criteria that gain exactly g points.
  const changes: number[][] = [Array.from({ length: maxGain + 1 }, (_, g) => (g === 0 ? 0 : Infinity))];
  const picks: (Choice | null)[][] = [];
  menus.forEach((menu, i) => {
    const prev = changes[i]!;
    const row = new Array<number>(maxGain + 1).fill(Infinity);
    const pick = new Array<Choice | null>(maxGain + 1).fill(null);
    for (let g = 0; g <= maxGain; g++) {
      if (prev[g] === Infinity) continue;
      if (menu.mayKeep && prev[g]! < row[g]!) {
        row[g] = prev[g]!;
        pick[g] = null;
      }
      for (const r of menu.raises) {
        const ng = g + r.gain;
        if (prev[g]! + 1 < row[ng]!) {
          row[ng] = prev[g]! + 1;
          pick[ng] = r;
        }
      }
    }
    changes.push(row);
    picks.push(pick);
  });

  const last = changes[criteria.length]!;
  let bestGain = -1;
  for (let g = Math.max(0, tier.min - now.total); g <= maxGain; g++) {
    // Lower g means less overshoot, so only strictly fewer changes replace the best.
    if (last[g]! < Infinity && (bestGain < 0 || last[g]! < last[bestGain]!)) bestGain = g;
  }
  if (bestGain < 0) return { ...base, reachable: false, blocker: "points" };

  const steps: PlanStep[] = [];
  let g = bestGain;
  for (let i = criteria.length - 1; i >= 0; i--) {
    const pick = picks[i]![g];
    if (pick) {
      steps.push({
        criterion: criteria[i]!.id,
        from: current[i]?.id,
        fromPoints: currentPoints[i]!,
        to: pick.to,
        toPoints: pick.toPoints,
        gain: pick.gain,
      });
      g -= pick.gain;
    }
  }
  const order = new Map(criteria.map((c, i) => [c.id, i]));
  steps.sort((a, b) => b.gain - a.gain || order.get(a.criterion)! - order.get(b.criterion)!);

  const after = whatIf(sheet, answers, Object.fromEntries(steps.map((s) => [s.criterion, s.to])), opts);
  return { ...base, reachable: true, steps, totalAfter: after.total, starsAfter: after.stars };
}

/** The score after changing some answers. */
export function whatIf(sheet: Sheet, answers: Answers, changes: Answers, opts: ScoreOptions = {}): ScoreResult {
  return score(sheet, { ...answers, ...changes }, opts);
}

/** The tiers worth planning for: the next one, and 3★ (the first recognised) when further away. */
export function planTargets(result: ScoreResult, topStars = 5): number[] {
  if (result.stars >= topStars) return [];
  const targets = [result.stars + 1];
  if (result.stars + 1 < 3) targets.push(3);
  return targets;
}
