// How a criterion's options read in a message and on buttons, for the producer's question and the
// officer's evaluation alike (the wording itself: src/views/options.ts, shared with the web chat).
import type { Option } from "../domain/rubric.js";
import { optionButtonMessage, optionLineMessage } from "../views/options.js";
import type { BotContext } from "./context.js";
import { th } from "./i18n.js";

/** The line of option `i` (0-based) in a question, ✅ when it is the chosen one. */
export function optionLine(ctx: BotContext, o: Option, i: number, chosen: boolean): string {
  const [key, args] = optionLineMessage(o, i, chosen);
  return th(ctx, key, args);
}

/** The label of option `i`'s button: "2 · 5đ", or "1 · Chưa đạt" for the none option. */
export function optionButton(ctx: BotContext, o: Option, i: number): string {
  const [key, args] = optionButtonMessage(o, i);
  return ctx.t(key, args);
}
