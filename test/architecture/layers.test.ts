// The core knows no channel: the domain does no I/O and knows no database; the services know no Telegram.
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
});
