// Last in line: whatever no feature took (typed text no step wanted, a command it does not know,
// other kinds of messages, old buttons) gets a short, kind answer saying what to do next.

import { hasConsent } from "../../services/people.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { editNotTaken } from "../edits.js";
import { desk, staleButtonText } from "../hints.js";
import { HTML } from "../html.js";

export const unhandled = new Composer<BotContext>();

/** What the user was doing, as a hint for what to do next. */
export function nextStepHint(ctx: BotContext): string {
  if (!hasConsent(ctx.user)) return ctx.t("hint-start");
  switch (ctx.session.step) {
    case "assess":
      return ctx.t("hint-assess");
    case "evidence":
      return ctx.t("hint-evidence");
    case undefined: {
      const who = desk(ctx);
      return ctx.t(who === "producer" ? "hint-menu" : `hint-menu-${who}`);
    }
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

unhandled.on("message:text", async (ctx) => {
  const command = ctx.message.text.trim().startsWith("/");
  return ctx.reply(`${ctx.t(command ? "unknown-command" : "not-understood")}\n${nextStepHint(ctx)}`, HTML);
});

// An edit of the last typed answer that no step took (replayEdit lets only those through).
unhandled.on("edited_message:text", editNotTaken);

unhandled.on("edited_message", (ctx) => ctx.reply(`${ctx.t("edit-not-last")}\n${nextStepHint(ctx)}`, HTML));

unhandled.on("message", (ctx) => ctx.reply(`${ctx.t("unsupported-message")}\n${nextStepHint(ctx)}`, HTML));

unhandled.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true }));

unhandled.use((ctx) => {
  ctx.log.debug({ type: Object.keys(ctx.update).filter((k) => k !== "update_id") }, "update ignored");
});
