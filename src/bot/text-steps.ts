// Typed text at a step (a name, a product, an answer, a note): each feature registers the handler
// of its own steps. An edit of the last typed answer is replayed through the same handlers (edits.ts).

import { hasConsent } from "../services/people.js";
import { Composer } from "./composer.js";
import type { BotContext } from "./context.js";
import { typedAnswerContext } from "./edits.js";

/** Handles typed text at the steps of one feature; returns whether it took the text. */
export type TextStepHandler = (ctx: BotContext, text: string) => Promise<boolean>;

/**
 * A feature's text steps: typed text (not a command) of a user who gave consent, or an edit being
 * applied as the answer it replaces, goes to `handle`; text it does not take goes on to the next
 * feature. An accepted answer is remembered so that editing its message can change it.
 */
export function textSteps(handle: TextStepHandler): Composer<BotContext> {
  const steps = new Composer<BotContext>();
  steps.on(["message:text", "edited_message:text"], async (ctx, next) => {
    const text = ctx.msg.text.trim();
    if (ctx.editedMessage ? !ctx.replayingEdit : text.startsWith("/")) return next();
    if (!hasConsent(ctx.user)) return next();
    const context = typedAnswerContext(ctx);
    if (!(await handle(ctx, text))) return next();
    if (ctx.textAccepted && context) ctx.session.lastText = { message: ctx.msg.message_id, ...context };
  });
  return steps;
}
