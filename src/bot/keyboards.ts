// Inline keyboards without empty rows (a trailing .row() would send one).
import { InlineKeyboard } from "grammy";

export type Button = [text: string, data: string];

/** Buttons in rows of `perRow`. */
export function grid(buttons: Button[], perRow = 1): InlineKeyboard {
  const rows: ReturnType<typeof InlineKeyboard.text>[][] = [];
  buttons.forEach(([text, data], i) => {
    if (i % perRow === 0) rows.push([]);
    rows.at(-1)!.push(InlineKeyboard.text(text, data));
  });
  return InlineKeyboard.from(rows);
}

/** One button per row. */
export const column = (buttons: Button[]) => grid(buttons, 1);

/** Stacks keyboards (each starting on a new row). */
export function stack(...keyboards: InlineKeyboard[]): InlineKeyboard {
  return InlineKeyboard.from(keyboards.flatMap((k) => k.inline_keyboard).filter((row) => row.length > 0));
}
