// The core knows no channel: the domain does no I/O and knows no database; the services know no Telegram.
// (`\bt\.me\b`: a link to t.me, not the `t.me` inside `import.meta`.)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), "utf8") }));
}

const importsOf = (text: string) => [...text.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]!);

describe("layers", () => {
  it("src/domain imports no database, drizzle, grammY or file system", () => {
    const forbidden = /^(\.\.\/db\/|drizzle-orm|better-sqlite3|grammy|@grammyjs\/|node:fs|fs$)/;
    const offending = sources("src/domain").flatMap(({ file, text }) => importsOf(text).filter((i) => forbidden.test(i)).map((i) => `${file}: ${i}`));
    expect(offending).toEqual([]);
  });

  it("src/services import no grammY and know no Telegram notions (links, chat ids, parse modes, keyboards)", () => {
    const telegram = /grammy|@grammyjs|\bt\.me\b|chat_id|chatId|parse_mode|parseMode|inline_keyboard|reply_markup/;
    const offending = sources("src/services").flatMap(({ file, text }) =>
      text.split("\n").flatMap((line, i) => (telegram.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offending).toEqual([]);
  });
});
