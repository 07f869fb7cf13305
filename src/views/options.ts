// How a criterion's options read, for every channel: the message key and arguments of an option's
// line in a question and of its short button label. The "none of these" option (0 points) is
// named, not just numbered.
import type { Option } from "../domain/rubric.js";

/** A locale key with its arguments: each channel translates (and escapes) it its own way. */
export type Message = readonly [key: string, args: Record<string, string | number>];

/** The line of option `i` (0-based) in a question, ✅ when it is the chosen one. */
export function optionLineMessage(o: Option, i: number, chosen: boolean): Message {
  const key = o.none ? (chosen ? "q-option-none-chosen" : "q-option-none") : chosen ? "q-option-chosen" : "q-option";
  return [key, { n: i + 1, label: o.label, points: o.points, marker: o.marker ?? 0 }];
}

/** The short label of option `i`'s button: "2 · 5đ", or "1 · Chưa đạt" for the none option. */
export function optionButtonMessage(o: Option, i: number): Message {
  return o.none ? ["btn-option-none", { n: i + 1 }] : ["btn-option", { n: i + 1, points: o.points }];
}
