// How a criterion's options read in the bot's messages and on its buttons (the wording is shared
// with the web: src/views/options.ts).
import type { Option } from "../domain/rubric.js";
import * as views from "../views/options.js";
import type { BotContext } from "./context.js";
import { th } from "./i18n.js";

/** The line of option `i` (0-based) in a question, ✅ when it is the chosen one. */
export function optionLine(ctx: BotContext, o: Option, i: number, chosen: boolean): string {
  return views.optionLine((key, args) => th(ctx, key, args), o, i, chosen);
}

/** The label of option `i`'s button: "2 · 5đ", or "1 · Chưa đạt" for the none option. */
export function optionButton(ctx: BotContext, o: Option, i: number): string {
  return views.optionButton((key, args) => ctx.t(key, args), o, i);
}
