// Last in line: typed text goes to the step the user is at; whatever no feature took gets a short,
// kind answer saying what to do next. Edited messages change the answer they gave (edits.ts).
import { Composer } from "grammy";
import { hasConsent } from "../../services/people.js";
import type { BotContext } from "../context.js";
import { applyEdit, typedAnswerContext } from "../edits.js";
import { HTML } from "../html.js";
import { handleCalibrationText } from "./after-result.js";
import { handleAssessmentText } from "./assessment.js";
import { handleDossierText } from "./dossier.js";
import { handleAdminText } from "./invites.js";
import { handleOfficerText } from "./officer.js";
import { handleRegistrationText } from "./onboarding.js";
import { handleProductText } from "./products.js";

export const unhandled = new Composer<BotContext>();

/** What the user was doing, as a hint for what to do next. */
export function nextStepHint(ctx: BotContext): string {
  if (!hasConsent(ctx.user)) return ctx.t("hint-start");
  switch (ctx.session.step) {
    case "assess":
      return ctx.t("hint-assess");
    case "evidence":
      return ctx.t("hint-evidence");
    case undefined:
      return ctx.t("hint-menu");
    case "dossier":
      return ctx.t("hint-dossier");
    case "product-name":
    case "product-set":
    case "product-rename":
      return ctx.t("hint-product");
    case "officer-note":
    case "officer-decision":
    case "officer-date":
    case "officer-local-note":
    case "officer-points":
      return ctx.t("hint-officer");
    default:
      return ctx.t("hint-registration");
  }
}

/**
 * Typed text for the step the user is at. Returns whether a handler took it; remembers an accepted
 * answer so that editing its message can change it.
 */
async function handleText(ctx: BotContext, text: string): Promise<boolean> {
  if (!hasConsent(ctx.user)) return false;
  const context = typedAnswerContext(ctx);
  for (const handle of [handleRegistrationText, handleProductText, handleAssessmentText, handleDossierText, handleOfficerText, handleCalibrationText, handleAdminText]) {
    if (!(await handle(ctx, text))) continue;
    const message = ctx.msg?.message_id;
    if (ctx.textAccepted && context && message !== undefined) ctx.session.lastText = { message, ...context };
    return true;
  }
  return false;
}

unhandled.on("message:text", async (ctx) => {
  const text = ctx.message.text.trim();
  if (text.startsWith("/")) return ctx.reply(`${ctx.t("unknown-command")}\n${nextStepHint(ctx)}`, HTML);
  if (await handleText(ctx, text)) return;
  return ctx.reply(`${ctx.t("not-understood")}\n${nextStepHint(ctx)}`, HTML);
});

unhandled.on("edited_message:text", (ctx) => applyEdit(ctx, ctx.editedMessage.text.trim(), handleText));

unhandled.on("edited_message", (ctx) => ctx.reply(`${ctx.t("edit-not-last")}\n${nextStepHint(ctx)}`, HTML));

unhandled.on("message", (ctx) => ctx.reply(`${ctx.t("unsupported-message")}\n${nextStepHint(ctx)}`, HTML));

unhandled.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true }));

unhandled.use((ctx) => {
  ctx.log.debug({ type: Object.keys(ctx.update).filter((k) => k !== "update_id") }, "update ignored");
});
