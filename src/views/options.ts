// How a criterion's options read in a message and on buttons, for the producer's question and the
// officer's evaluation alike, on every channel: the "none of these" option (0 points) is named, not
// just numbered.
import type { Option } from "../domain/rubric.js";
import type { Translate } from "../i18n.js";

/**
 * The line of option `i` (0-based) in a question, ✅ when it is the chosen one. `t` is the
 * channel's translation for its markup (string arguments escaped: the labels come from rubric files).
 */
export function optionLine(t: Translate, o: Option, i: number, chosen: boolean): string {
  const key = o.none ? (chosen ? "q-option-none-chosen" : "q-option-none") : chosen ? "q-option-chosen" : "q-option";
  return t(key, { n: i + 1, label: o.label, points: o.points, marker: o.marker ?? 0 });
}

/** The label of option `i`'s button: "2 · 5đ", or "1 · Chưa đạt" for the none option. */
export function optionButton(t: Translate, o: Option, i: number): string {
  return o.none ? t("btn-option-none", { n: i + 1 }) : t("btn-option", { n: i + 1, points: o.points });
}
