// Last in line: whatever no feature took gets a short, kind answer saying what to do next.
import { Composer } from "grammy";
import { hasConsent } from "../../services/people.js";
import type { BotContext } from "../context.js";
import { HTML } from "../html.js";
import { handleAssessmentText } from "./assessment.js";
import { handleDossierText } from "./dossier.js";
import { handleAdminText } from "./invites.js";
import { handleOfficerText } from "./officer.js";
import { handleRegistrationText } from "./onboarding.js";
import { handleProductText } from "./products.js";

export const unhandled = new Composer<BotContext>();

/** What the user was doing, as a hint for what to do next. */
function nextStepHint(ctx: BotContext): string {
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
      return ctx.t("hint-officer");
    default:
      return ctx.t("hint-registration");
  }
}

unhandled.on("message:text", async (ctx) => {
  const text = ctx.message.text.trim();
  if (text.startsWith("/")) return ctx.reply(`${ctx.t("unknown-command")}\n${nextStepHint(ctx)}`, HTML);
  if (hasConsent(ctx.user)) {
    for (const handle of [handleRegistrationText, handleProductText, handleAssessmentText, handleDossierText, handleOfficerText, handleAdminText]) {
      if (await handle(ctx, text)) return;
    }
  }
  return ctx.reply(`${ctx.t("not-understood")}\n${nextStepHint(ctx)}`, HTML);
});

unhandled.on("edited_message", (ctx) => ctx.reply(ctx.t("edited-message"), HTML));

unhandled.on("message", (ctx) => ctx.reply(`${ctx.t("unsupported-message")}\n${nextStepHint(ctx)}`, HTML));

unhandled.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true }));

unhandled.use((ctx) => {
  ctx.log.debug({ type: Object.keys(ctx.update).filter((k) => k !== "update_id") }, "update ignored");
});
