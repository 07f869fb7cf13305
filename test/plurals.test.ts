// English counts agree with their number ("1 point", "2 points"); Vietnamese has no plural.

import { describe, expect, it } from "vitest";
import { getI18n, localeSource, translator } from "../src/i18n.js";

/** Each message of a locale file with the variables it uses. */
function messages(locale: string): { key: string; variables: string[] }[] {
  const text = localeSource(locale);
  return text.split(/^(?=[a-z][a-z0-9-]*\s*=)/m).flatMap((chunk) => {
    const key = /^([a-z][a-z0-9-]*)\s*=/.exec(chunk)?.[1];
    return key ? [{ key, variables: [...new Set([...chunk.matchAll(/\$([a-zA-Z][\w-]*)/g)].map((m) => m[1]!))] }] : [];
  });
}

const NOUNS = [
  "point",
  "criterion",
  "criteria",
  "item",
  "day",
  "working day",
  "month",
  "year",
  "file",
  "application",
  "member",
  "question",
  "option",
  "product",
  "officer",
  "photo",
  "document",
  "answer",
  "local criterion",
  "commune",
  "time",
  "part",
  "unit",
  "page",
];
const singular = new RegExp(`(?<![\\d.,/–-])1 (?:more )?(${NOUNS.map((n) => `${n}s|criteria`).join("|")})\\b`);
const plural =
  /(?<![\d.,/–-])2 (?:more )?(point|criterion|item|day|working day|month|year|file|application|member|question|option|product|officer|photo|document|answer|local criterion|commune|time|part|unit|page)\b(?!s)/;

describe("English counts", () => {
  const t = translator(getI18n(), "en");
  const counted = messages("en").filter((m) => m.variables.length > 0);

  it("every message with a number reads right with 1 and with 2", () => {
    expect(counted.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const { key, variables } of counted) {
      for (const n of [1, 2]) {
        const text = t(key, Object.fromEntries(variables.map((v) => [v, n])));
        if ((n === 1 ? singular : plural).test(text)) wrong.push(`${key} (${n}): ${text}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("Vietnamese numbers", () => {
  it("are written with a decimal comma in every message", () => {
    const t = translator(getI18n(), "vi");
    const wrong = messages("vi")
      .filter((m) => m.variables.length > 0)
      .map(({ key, variables }) => `${key}: ${t(key, Object.fromEntries(variables.map((v) => [v, 1.5])))}`)
      .filter((text) => text.includes("1.5"));
    expect(wrong).toEqual([]);
  });
});

describe("invitation links", () => {
  it("say the day and the time of expiry in words that read right", () => {
    const args = { link: "https://t.me/x", org: "HTX", commune: "Xã Cái Nước", day: "15/12/2026", time: "10:28" };
    expect(translator(getI18n(), "en")("invite-member-link", args)).toContain("expires on 15/12/2026 at 10:28");
    expect(translator(getI18n(), "vi")("invite-member-link", args)).toContain("hết hạn lúc 10:28 ngày 15/12/2026");
  });
});
