// The review of the answers by part, and the result with the improvement plan.
import { InlineKeyboard } from "grammy";
import { availableActions } from "../../../domain/lifecycle.js";
import {
  type Assessment,
  assessmentResult,
  assessmentScore,
  isEditable,
  nextQuestion,
} from "../../../services/assessment.js";
import { scoreReport } from "../../../views/rubric-text.js";
import { cb, onButton } from "../../callback-data.js";
import { Composer } from "../../composer.js";
import type { BotContext } from "../../context.js";
import { escapeHtml, HTML, replyLines } from "../../html.js";
import { th } from "../../i18n.js";
import { type Button, grid } from "../../keyboards.js";
import { applicationForCommand, loadForUser, saidFrozen } from "./access.js";

export const review = new Composer<BotContext>();

onButton(review, cb.review, async (ctx, app) => {
  const loaded = await loadForUser(ctx, app);
  if (!loaded.ok) return;
  await ctx.answerCallbackQuery();
  return showReview(ctx, loaded.a);
});

onButton(review, cb.result, async (ctx, app) => {
  const loaded = await loadForUser(ctx, app);
  if (!loaded.ok) return;
  await ctx.answerCallbackQuery();
  return showResult(ctx, loaded.a);
});

async function showReview(ctx: BotContext, a: Assessment) {
  const r = assessmentScore(a);
  const editable = isEditable(a.app);
  for (const part of a.sheet.version.parts) {
    const criteria = a.criteria.filter((c) => c.part === part.id);
    const lines = [
      th(ctx, "review-part", {
        part: part.id,
        title: part.title,
        points: r.parts[part.id]!.points,
        max: part.maxPoints,
      }),
    ];
    const edits: Button[] = [];
    criteria.forEach((c) => {
      const option = c.options.find((o) => o.id === a.answers[c.id]);
      lines.push(
        option
          ? th(ctx, "review-line", {
              id: c.id,
              title: c.title,
              label: option.label,
              points: option.points,
              max: c.maxPoints,
            })
          : th(ctx, "review-line-unanswered", { id: c.id, title: c.title, max: c.maxPoints }),
      );
      if (editable) edits.push([c.id, cb.reviewAsk(a.app.id, c.id)]);
    });
    await replyLines(ctx, lines, editable ? { reply_markup: grid(edits, 5) } : {});
  }
  const summary = [th(ctx, "review-total", { points: r.total, max: r.max })];
  if (editable) summary.push(ctx.t("review-how-to-change"));
  await ctx.reply(summary.join("\n"), {
    ...HTML,
    reply_markup: new InlineKeyboard().text(ctx.t("btn-result"), cb.result(a.app.id)),
  });
}

/** The result (score, stars, plans) with its buttons; `opening`: a line above it (HTML). */
export async function showResult(ctx: BotContext, a: Assessment, opening?: string) {
  const { score, plans } = assessmentResult(a);
  const t = (key: string, args?: Record<string, string | number>) => ctx.t(key, args);
  const head = th(ctx, "result-title", { product: a.product.name });
  const kb = new InlineKeyboard().text(ctx.t("btn-review"), cb.review(a.app.id));
  if (isEditable(a.app) && nextQuestion(a)) kb.text(ctx.t("btn-resume"), cb.resume(a.app.id));
  if (!nextQuestion(a))
    kb.row().text(ctx.t("btn-dossier"), cb.dossier(a.app.id)).text(ctx.t("btn-forms"), cb.forms(a.app.id));
  if (availableActions(a.app.state, "producer").includes("submit"))
    kb.row().text(ctx.t("btn-submit"), cb.submit(a.app.id));
  // The report is plain text built from locales/; escaped here for HTML mode. Long sheets give
  // reports over Telegram's limit: they are split between lines.
  const report = escapeHtml(scoreReport(t, a.sheet, score, plans)).split("\n");
  await replyLines(ctx, [...(opening ? [opening, ""] : []), head, "", ...report], {
    reply_markup: kb,
  });
}

review.command("xemlai", async (ctx) => {
  const a = await applicationForCommand(ctx);
  if (!a) return;
  await saidFrozen(ctx, a);
  return showReview(ctx, a);
});

review.command("ketqua", async (ctx) => {
  const a = await applicationForCommand(ctx);
  if (!a) return;
  await saidFrozen(ctx, a);
  return showResult(ctx, a);
});
