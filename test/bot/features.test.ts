// The features of the adapter stand on their own: no import cycles between them, and the last in
// line (unhandled) knows none of them, so each feature owns its buttons and text steps. And the
// command menu they offer.
import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { describe, expect, it } from "vitest";
import { commandMenu, PRODUCER_COMMANDS } from "../../src/bot/features/help.js";
import { getI18n } from "../../src/i18n.js";

const dir = "src/bot/features";
// Each module of a feature by its path ("assessment/review"), with the modules of features it imports.
const features = readdirSync(dir, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.replace(/\.ts$/, ""));
const imports = new Map(
  features.map((f) => [
    f,
    [...readFileSync(join(dir, `${f}.ts`), "utf8").matchAll(/from "(\.\/[\w/-]+)\.js"/g)].map((m) =>
      posix.join(posix.dirname(f), m[1]!),
    ),
  ]),
);

/** A cycle through `start`, as a list of features, if there is one. */
function cycleFrom(start: string): string[] | undefined {
  const walk = (node: string, path: string[]): string[] | undefined => {
    for (const next of imports.get(node) ?? []) {
      if (next === start) return [...path, next];
      if (!path.includes(next)) {
        const found = walk(next, [...path, next]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(start, [start]);
}

describe("the features", () => {
  it("import each other without cycles", () => {
    expect(
      features.flatMap((f) => cycleFrom(f) ?? []).length,
      features
        .map((f) => cycleFrom(f)?.join(" → "))
        .filter(Boolean)
        .join("\n"),
    ).toBe(0);
  });

  it("leave unhandled knowing none of them", () => {
    expect(imports.get("unhandled")).toEqual([]);
  });
});

describe("the command menu", () => {
  it("lists every command with its description, in Vietnamese by default and in English", () => {
    const i18n = getI18n();
    const { scopes, uncompliantCommands } = commandMenu(i18n).toArgs();
    expect(uncompliantCommands).toEqual([]);
    const menu = (locale: string) =>
      PRODUCER_COMMANDS.map(([command, key]) => ({ command, description: i18n.t(locale, key) }));
    expect(
      scopes.map((s) => ({
        scope: s.scope,
        language: s.language_code,
        commands: s.commands.map(({ command, description }) => ({ command, description })),
      })),
    ).toEqual([
      { scope: { type: "default" }, language: undefined, commands: menu("vi") },
      { scope: { type: "default" }, language: "en", commands: menu("en") },
    ]);
  });
});
