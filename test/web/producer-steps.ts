// Steps a producer takes in the web chat, shared by the web tests: pressing an answer's button,
// answering the whole questionnaire.
import { expect } from "vitest";
import type { Browser, Page } from "../helpers/web.js";

const visible = (s: string) => s.replace(/\s+/g, " ").trim();

/** The answer buttons of the question on screen, as their visible text. */
export function answerButtons(b: Browser): string[] {
  return b.page.dom.querySelectorAll(".options form button").map((button) => visible(button.textContent));
}

/** Presses the question's answer button number `n` (0-based; negative from the end), posting its form. */
export function pressAnswer(b: Browser, n: number): Promise<Page> {
  const forms = b.page.dom.querySelectorAll(".options form");
  const form = forms.at(n);
  expect(form, `no answer ${n} on ${b.page.path}`).toBeTruthy();
  const fields: Record<string, string> = {};
  for (const input of form!.querySelectorAll("input"))
    fields[input.getAttribute("name")!] = input.getAttribute("value")!;
  return b.post(form!.getAttribute("action")!, fields);
}

/** The criterion's number on the question screen ("Câu n/total · Phần …"), or undefined for a requirement. */
export function criterionNumber(page: Page): number | undefined {
  const m = /Câu (\d+)\/\d+ · Phần/.exec(page.text);
  return m ? Number(m[1]) : undefined;
}

/**
 * Answers every question until the result by pressing buttons: every requirement holds; criterion
 * number n gets the answer `pick(n, count)` (0-based index among `count`), default the last one.
 */
export async function answerAllOnTheWeb(
  b: Browser,
  pick: (n: number, count: number) => number = (_, count) => count - 1,
): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (/\/result/.test(b.page.path)) return;
    expect(b.page.status, b.page.text.slice(0, 200)).toBe(200);
    const buttons = answerButtons(b);
    const yes = buttons.indexOf("✅ Đúng");
    if (yes >= 0) {
      await pressAnswer(b, yes);
      continue;
    }
    const n = criterionNumber(b.page);
    expect(n, `not a question: ${b.page.path}`).toBeDefined();
    await pressAnswer(b, pick(n!, buttons.length));
  }
  throw new Error("the assessment never ended");
}
