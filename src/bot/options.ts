// How a criterion's options read in a message and on buttons, for the producer's question and the
// officer's evaluation alike: the "none of these" option (0 points) is named, not just numbered.
import type { Option } from "../domain/rubric.js";
import type { BotContext } from "./context.js";
import { th } from "./i18n.js";

/** The line of option `i` (0-based) in a question, ✅ when it is the chosen one. */
export function optionLine(ctx: BotContext, o: Option, i: number, chosen: boolean): string {
  const key = o.none ? (chosen ? "q-option-none-chosen" : "q-option-none") : chosen ? "q-option-chosen" : "q-option";
  return th(ctx, key, { n: i + 1, label: o.label, points: o.points, marker: o.marker ?? 0 });
}

/** The label of option `i`'s button: "2 · 5đ", or "1 · Chưa đạt" for the none option. */
export function optionButton(ctx: BotContext, o: Option, i: number): string {
  return o.none ? ctx.t("btn-option-none", { n: i + 1 }) : ctx.t("btn-option", { n: i + 1, points: o.points });
}
