// After the official result: starting a re-assessment or an upgrade from the last answers (from
// /trangthai or an expiry reminder), and the council's points per part, which an officer records
// and the producer sees beside their own.

import { type Calibration, comparisonLines, parsePartPoints } from "../../services/calibration.js";
import type { ReassessmentKind } from "../../services/reassessment.js";
import { cb, onButton } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { staleButtonText } from "../hints.js";
import { HTML } from "../html.js";
import { negotiateLocale, th } from "../i18n.js";
import { type Button, column } from "../keyboards.js";
import { textSteps } from "../text-steps.js";
import { startAssessment } from "./assessment.js";

export const afterResultFeature = new Composer<BotContext>();

/** The producer's score beside the council's, with its heading, in the user's language. */
export function calibrationLines(ctx: BotContext, calibration: Calibration): string[] {
  return [
    ctx.t("status-calibration"),
    ...comparisonLines((key, args) => ctx.t(key, args), negotiateLocale(ctx), calibration),
  ];
}

/** The button that starts a re-assessment of the kind from a rated application. */
export const reassessButton = (ctx: BotContext, appId: number, kind: ReassessmentKind): Button => [
  ctx.t(`btn-reassess-${kind}`),
  cb.reassess(appId, kind),
];

onButton(afterResultFeature, cb.reassess, async (ctx, id, kind) => {
  const outcome = ctx.services.reassessment.start(ctx.user?.id, id, kind);
  if (!outcome.ok) {
    if (outcome.reason !== "exists") {
      const text = outcome.reason === "no-sheet" ? ctx.t("reassess-no-sheet") : staleButtonText(ctx);
      return ctx.answerCallbackQuery({ text, show_alert: true });
    }
    // A second press, or another member started it first: continue that one.
    // Said as an alert naming the kind open: pressing "upgrade" may open a re-evaluation.
    const open = outcome.kind ? ctx.t(`reassess-kind-${outcome.kind}`) : ctx.t("reassess-kind-first");
    await ctx.answerCallbackQuery({ text: ctx.t("reassess-exists", { kind: open }), show_alert: true });
    return startAssessment(ctx, outcome.applicationId);
  }
  await ctx.answerCallbackQuery();
  const a = outcome.assessment;
  await ctx.reply(
    th(ctx, "reassess-started", {
      kind: ctx.t(`reassess-kind-${kind}`),
      product: a.product.name,
      title: a.sheet.version.title,
      kept: outcome.kept,
      asked: outcome.asked,
    }),
    { ...HTML, reply_markup: column([[ctx.t("btn-review"), cb.review(a.app.id)]]) },
  );
  return startAssessment(ctx, a.app.id);
});

onButton(afterResultFeature, cb.officialPoints, async (ctx, app) => {
  const rated = ctx.services.reassessment.pointsFor(ctx.user?.id, app);
  if (!rated.ok) return ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
  const a = rated.assessment;
  await ctx.answerCallbackQuery();
  ctx.session.step = "officer-points";
  ctx.session.applicationId = a.app.id;
  const parts = a.sheet.version.parts
    .map((p) => ctx.t("official-points-part", { part: p.id, max: p.maxPoints }))
    .join(", ");
  return ctx.reply(th(ctx, "ask-official-points", { product: a.product.name, parts }), HTML);
});

/** Typed text while an officer records the council's points. Returns false when the text is not for this. */
async function handleCalibrationText(ctx: BotContext, text: string): Promise<boolean> {
  if (ctx.session.step !== "officer-points") return false;
  const rated = ctx.services.reassessment.pointsFor(ctx.user?.id, ctx.session.applicationId);
  if (!rated.ok) {
    ctx.session.step = undefined;
    await ctx.reply(staleButtonText(ctx), HTML);
    return true;
  }
  const a = rated.assessment;
  const points = parsePartPoints(text, a.sheet.version.parts);
  if (!points) {
    const parts = a.sheet.version.parts
      .map((p) => ctx.t("official-points-part", { part: p.id, max: p.maxPoints }))
      .join(", ");
    await ctx.reply(ctx.t("official-points-invalid", { parts }), HTML);
    return true;
  }
  const saved = ctx.services.reassessment.recordPoints(ctx.user?.id, a.app.id, points);
  ctx.session.step = undefined;
  if (!saved.ok) {
    await ctx.reply(staleButtonText(ctx), HTML);
    return true;
  }
  const lines = comparisonLines((key, args) => ctx.t(key, args), negotiateLocale(ctx), saved.calibration);
  await ctx.reply([th(ctx, "official-points-saved", { product: a.product.name }), ...lines].join("\n"), HTML);
  return true;
}

afterResultFeature.use(textSteps(handleCalibrationText));
