// The services know no Telegram, not even in words (which imports may go where is checked by
// dependency-cruiser: .dependency-cruiser.cjs, part of `npm test`).
// (`\bt\.me\b`: a link to t.me, not the `t.me` inside `import.meta`.)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), "utf8") }));
}

describe("layers", () => {
  it("src/services import no grammY and know no Telegram notions (links, chat ids, parse modes, keyboards)", () => {
    const telegram = /grammy|@grammyjs|\bt\.me\b|chat_id|chatId|parse_mode|parseMode|inline_keyboard|reply_markup/;
    const offending = sources("src/services").flatMap(({ file, text }) =>
      text.split("\n").flatMap((line, i) => (telegram.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offending).toEqual([]);
  });
});
