// Editing a message one typed: people fix a typo in place instead of sending a new message. The
// last typed answer the bot accepted can be changed that way while its step can still change (the
// bot says so); otherwise the bot says where the value can be corrected.

import type { MiddlewareFn } from "grammy";
import { isEditable } from "../services/assessment.js";
import { hasConsent } from "../services/people.js";
import type { BotContext } from "./context.js";
import { HTML } from "./html.js";
import type { Step, TypedAnswer } from "./session.js";

/**
 * Text handlers call this once they have stored what was typed. When the text is an edit being
 * applied, the user is told first.
 */
export async function accepted(ctx: BotContext): Promise<void> {
  ctx.textAccepted = true;
  if (ctx.replayingEdit) await ctx.reply(ctx.t("edit-applied"), HTML);
}

type Context = Omit<TypedAnswer, "message">;

/** What a typed answer is about: taken before the handlers move the session on. */
export function typedAnswerContext(ctx: BotContext): Context | undefined {
  const s = ctx.session;
  if (!s.step) return undefined;
  return {
    step: s.step,
    ...(s.applicationId !== undefined ? { applicationId: s.applicationId } : {}),
    ...(s.question !== undefined ? { question: s.question } : {}),
    ...(s.questionMessageId !== undefined ? { questionMessageId: s.questionMessageId } : {}),
    ...(s.dossierKey !== undefined ? { dossierKey: s.dossierKey } : {}),
    ...(s.localTopic !== undefined ? { localTopic: s.localTopic } : {}),
  };
}

/** Where each kind of value can be corrected later. */
function whereToCorrect(step: Step | undefined): string {
  switch (step) {
    case "reg-name":
    case "reg-phone":
    case "reg-org-type":
    case "reg-business-registration":
    case "reg-org-name":
    case "reg-commune":
      return "edit-where-profile";
    case "assess":
    case "evidence":
      return "edit-where-assess";
    case "dossier":
      return "edit-where-dossier";
    case "product-name":
    case "product-set":
    case "product-rename":
      return "edit-where-product";
    case "officer-note":
    case "officer-decision":
    case "officer-date":
    case "officer-local-note":
    case "officer-points":
      return "edit-where-officer";
    default:
      return "edit-where-any";
  }
}

/** Whether the answer of `last` may still change now. */
function stillChangeable(ctx: BotContext, last: TypedAnswer): boolean {
  const user = ctx.user;
  if (!hasConsent(user)) return false;
  // The application the answer was about, if the user may still work on it.
  const opened = () => {
    const found = ctx.services.assessment.open(user.id, last.applicationId);
    return found.ok ? found.assessment : undefined;
  };
  switch (last.step) {
    case "reg-name":
    case "reg-phone":
      return true;
    case "reg-org-name": {
      const profile = ctx.services.people.profile(user.id);
      return !profile?.organisation || profile.owner;
    }
    case "reg-commune":
    case "admin-commune":
      return ctx.session.step === last.step;
    case "product-name":
      return ctx.session.productName !== undefined;
    case "assess": {
      const a = opened();
      return !!a && isEditable(a.app);
    }
    case "dossier":
      return !!opened();
    case "officer-local-note":
      return true; // the service checks the state
    case "officer-decision":
      return ctx.session.step === "officer-date" && ctx.session.applicationId === last.applicationId;
    default:
      return false;
  }
}

/**
 * An edited text message: if it is the last accepted typed answer and its step can still change,
 * the session goes back to that step and the new text goes on to the features' text steps as the
 * answer (text-steps.ts; editNotTaken if none takes it). Otherwise the user is told where to
 * correct it.
 */
export const replayEdit: MiddlewareFn<BotContext> = async (ctx, next) => {
  const edited = ctx.editedMessage;
  if (edited?.text === undefined) return next();
  const last = ctx.session.lastText;
  if (!last || last.message !== edited.message_id) {
    const hint = hasConsent(ctx.user) ? whereToCorrect(ctx.session.step) : "hint-start";
    await ctx.reply(`${ctx.t("edit-not-last")}\n${ctx.t(hint)}`, HTML);
    return;
  }
  if (!stillChangeable(ctx, last)) return editNotTaken(ctx);
  const { message: _message, ...context } = last;
  Object.assign(ctx.session, context);
  ctx.replayingEdit = true;
  await next();
};

/** The edit of the last typed answer came too late: where the value can be corrected. */
export async function editNotTaken(ctx: BotContext): Promise<void> {
  await ctx.reply(`${ctx.t("edit-too-late")}\n${ctx.t(whereToCorrect(ctx.session.lastText?.step))}`, HTML);
}
