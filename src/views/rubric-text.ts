// Plain-text renderings of rubric results, from locales/: the score report and data problems.

import { formatDate } from "../dates.js";
import type { Plan } from "../domain/plan.js";
import type { Sheet } from "../domain/rubric.js";
import type { RubricProblem } from "../domain/rubric-validation.js";
import { type ScoreResult, tierOfStars } from "../domain/scoring.js";
import type { Translate } from "../i18n.js";
import type { FileProblem } from "../rubric/catalog.js";
import { displayPath } from "../rubric/catalog.js";

export function problemText(t: Translate, problem: RubricProblem): string {
  return t(`problem-${problem.code}`, { at: problem.at ?? "", ...problem.params });
}

export function fileProblemText(t: Translate, problem: FileProblem): string {
  return t("cli-problem", { file: displayPath(problem.file), message: problemText(t, problem) });
}

function criterionTitle(sheet: Sheet, id: string): string {
  return sheet.criteria.find((c) => c.id === id)?.title ?? id;
}

function optionLabel(sheet: Sheet, criterionId: string, optionId: string | undefined): string | undefined {
  return sheet.criteria.find((c) => c.id === criterionId)?.options.find((o) => o.id === optionId)?.label;
}

export function scoreReport(t: Translate, sheet: Sheet, result: ScoreResult, plans: Plan[]): string {
  const v = sheet.version;
  const lines = [t("report-sheet", { title: sheet.productSetTitle }), t("report-source", { source: v.legalSource })];
  if (!v.isDefault && v.effectiveTo) {
    lines.push(t("report-version-earlier", { to: formatDate(v.effectiveTo) }));
  }
  if (v.confidence.level !== "verified") {
    lines.push(t(`report-confidence-${v.confidence.level}`));
  }
  lines.push("", t("report-indicative"));
  for (const p of v.parts) {
    const sub = result.parts[p.id]!;
    lines.push(t("report-part", { part: p.id, title: p.title, points: sub.points, max: sub.max }));
  }
  lines.push(t("report-total", { points: result.total, max: result.max }));

  lines.push(
    result.stars === result.starsByPoints
      ? t("report-stars", { stars: result.stars })
      : t("report-stars-capped", { stars: result.stars, byPoints: result.starsByPoints }),
  );
  const tier = tierOfStars(v, result.stars);
  if (tier) lines.push(t("report-tier-meaning", { meaning: tier.meaning }));
  lines.push(
    result.recognised && result.recognisedBy
      ? t("report-recognised", { by: result.recognisedBy })
      : t("report-not-recognised"),
  );

  if (result.markersMissed.length) {
    lines.push("", t(result.markerRule === "minimum" ? "report-markers-held" : "report-markers-warning"));
    for (const m of result.markersMissed) {
      lines.push(
        t("report-marker-missed", {
          criterion: m.criterion,
          title: criterionTitle(sheet, m.criterion),
          marker: m.marker,
          required: m.requiredPoints,
          points: m.points,
        }),
      );
    }
  }

  if (result.disqualified) {
    lines.push("", t("report-disqualified"));
    for (const id of result.stoppedBy) {
      const item = sheet.disqualification.find((d) => d.id === id);
      lines.push(
        item
          ? t("report-stop-item", { text: item.requirement })
          : t("report-stop-zero", { criterion: id, title: criterionTitle(sheet, id) }),
      );
    }
  }
  if (result.pendingClearances.length) {
    lines.push(t("report-pending-clearances", { count: result.pendingClearances.length }));
  }
  lines.push(
    result.unanswered.length
      ? t("report-unanswered", {
          count: result.unanswered.length,
          list: result.unanswered.join(", "),
          possible: result.possibleMax,
        })
      : t("report-complete", { count: result.applicable }),
  );

  for (const plan of plans) lines.push("", ...planLines(t, sheet, plan));
  return lines.join("\n");
}

export function planLines(t: Translate, sheet: Sheet, plan: Plan): string[] {
  if (!plan.reachable) {
    return [
      t(`report-plan-blocked-${plan.blocker}`, {
        target: plan.target,
        threshold: plan.threshold,
        list: (plan.blockedBy ?? []).join(", "),
      }),
    ];
  }
  if (plan.steps.length === 0) return [t("report-plan-none", { target: plan.target })];
  return [
    t("report-plan-title", { target: plan.target, threshold: plan.threshold, count: plan.steps.length }),
    ...plan.steps.map((s, i) =>
      t("report-plan-step", {
        n: i + 1,
        criterion: s.criterion,
        title: criterionTitle(sheet, s.criterion),
        from: optionLabel(sheet, s.criterion, s.from) ?? t("report-plan-from-none"),
        to: optionLabel(sheet, s.criterion, s.to) ?? s.to,
        gain: s.gain,
      }),
    ),
    t("report-plan-after", { total: plan.totalAfter, stars: plan.starsAfter }),
  ];
}
