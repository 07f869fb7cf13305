// The producer's side of an application: submit when ready (else exactly what is missing),
// withdraw, and /trangthai with the state, next step and timeline for the owner and every member.

import { formatDateTime } from "../../dates.js";
import type { ActRefusal } from "../../services/applications.js";
import type { TimelineEntry } from "../../services/workflow.js";
import { statusSummaryLines } from "../../views/status.js";
import { cb, onButton } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { staleButtonText } from "../hints.js";
import { escapeHtml, HTML, replyLines } from "../html.js";
import { th } from "../i18n.js";
import { type Button, column } from "../keyboards.js";
import { calibrationLines, reassessButton } from "./after-result.js";
import { showMissing, showReady } from "./assessment.js";

export const statusFeature = new Composer<BotContext>();

/** Explains a refused action in the user's words. */
export async function explainRefusal(ctx: BotContext, result: ActRefusal) {
  const text =
    result.reason === "already"
      ? th(ctx, "action-already", { state: ctx.t(`state-${result.state ?? "draft"}`) })
      : result.reason === "state"
        ? th(ctx, "action-wrong-state", { state: ctx.t(`state-${result.state ?? "draft"}`) })
        : staleButtonText(ctx);
  if (ctx.callbackQuery) return ctx.answerCallbackQuery({ text, show_alert: true });
  return ctx.reply(text, HTML);
}

/**
 * Files the application; when it is not ready, says what is missing with a button per item, and
 * when Mẫu 02 would list missing evidence, shows that list first (`confirmed` once seen).
 */
export async function submitApplication(ctx: BotContext, appId: number, confirmed = false) {
  const result = ctx.services.applications.submit(ctx.user?.id, appId, confirmed);
  if (result.ok) {
    ctx.session.fixing = undefined;
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    const text =
      result.routing === "officers"
        ? ctx.t("submitted")
        : `${ctx.t("submitted")}\n${ctx.t(`submitted-${result.routing}`)}`;
    return ctx.reply(text, { ...HTML, reply_markup: column([[ctx.t("btn-forms"), cb.forms(appId)]]) });
  }
  if (result.reason !== "not-ready" && result.reason !== "unconfirmed") return explainRefusal(ctx, result);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  const { assessment, readiness } = result;
  return result.reason === "not-ready"
    ? showMissing(ctx, assessment, readiness)
    : showReady(ctx, assessment, readiness);
}

onButton(statusFeature, cb.submit, (ctx, app) => submitApplication(ctx, app));
onButton(statusFeature, cb.submitConfirmed, (ctx, app) => submitApplication(ctx, app, true));

/** /nop: the organisation's application closest to submission (finished or returned, else a draft). */
statusFeature.command("nop", async (ctx) => {
  const target = ctx.services.applications.toSubmit(ctx.user?.id);
  if (target.kind === "unregistered") return ctx.reply(ctx.t("need-registration"), HTML);
  if (target.kind === "filed")
    return ctx.reply(th(ctx, "nop-already", { product: target.product, state: target.state }), HTML);
  if (target.kind === "nothing") return ctx.reply(ctx.t("nothing-to-submit"), HTML);
  return submitApplication(ctx, target.applicationId);
});

onButton(statusFeature, cb.withdraw, async (ctx, app) => {
  const result = ctx.services.applications.withdraw(ctx.user?.id, app);
  if (!result.ok) return explainRefusal(ctx, result);
  await ctx.answerCallbackQuery({ text: ctx.t("withdrawn") });
  return ctx.editMessageReplyMarkup();
});

/** The timeline as people read it: when, what (the local criterion and its points), who, the note of a return. */
export function timelineLines(ctx: BotContext, events: TimelineEntry[]): string[] {
  if (events.length === 0) return [];
  const lines = [ctx.t("status-timeline")];
  for (const e of events) {
    const action = e.evaluation
      ? th(ctx, "action-evaluate-detail", { ...e.evaluation, id: e.evaluation.criterionId })
      : ctx.t(`action-${e.action}`);
    const role = ctx.t(`role-${e.actorRole}`);
    // `action` is HTML already (escaped by th); the rest is escaped here.
    lines.push(
      ctx.t("status-event", {
        at: formatDateTime(e.at),
        action,
        who: escapeHtml(e.actorName ? `${role} ${e.actorName}` : role),
      }),
    );
    if (e.note && e.action === "return") lines.push(th(ctx, "status-event-note", { note: e.note }));
  }
  return lines;
}

/** The next step of an application and who holds it, for the producer. */
function nextStep(ctx: BotContext, state: string): string {
  return ctx.t(`next-${state}`);
}

statusFeature.command("trangthai", async (ctx) => {
  if (!ctx.user) return ctx.reply(ctx.t("need-registration"), HTML);
  const rows = ctx.services.applications.list(ctx.user.id);
  if (rows.length === 0) return ctx.reply(ctx.t("status-none"), HTML);
  for (const row of rows.slice(0, 10)) await showStatus(ctx, row.application.id);
  return undefined;
});

/** A product card's status button: that application's status, as /trangthai shows it. */
onButton(statusFeature, cb.status, async (ctx, app) => {
  await ctx.answerCallbackQuery();
  if (!(await showStatus(ctx, app))) return ctx.reply(staleButtonText(ctx), HTML);
  return undefined;
});

/**
 * One application's state, scores, official result, next step and timeline, with what the producer
 * can do (only a product's latest application offers what comes next). False, showing nothing,
 * when the user may not see it.
 */
async function showStatus(ctx: BotContext, appId: number): Promise<boolean> {
  const status = ctx.services.applications.status(ctx.user?.id, appId);
  if (!status.ok) return false;
  const { app } = status.assessment;
  const { calibration } = status;
  const lines = statusSummaryLines((key, args) => th(ctx, key, args), status);
  if (calibration) lines.push(...calibrationLines(ctx, calibration));
  lines.push(nextStep(ctx, app.state));
  lines.push(...timelineLines(ctx, status.timeline));
  const buttons: Button[] = [];
  if (status.canWithdraw) buttons.push([ctx.t("btn-withdraw"), cb.withdraw(app.id)]);
  if (status.canSubmit) buttons.push([ctx.t("btn-submit"), cb.submit(app.id)]);
  for (const kind of status.reassessments) buttons.push(reassessButton(ctx, app.id, kind));
  await replyLines(ctx, lines, buttons.length ? { reply_markup: column(buttons) } : {});
  return true;
}
