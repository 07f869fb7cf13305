// Every user-visible word lives in locales/, in Vietnamese and in English.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIDENCE_LEVELS } from "../src/domain/rubric.js";
import { localeSource } from "../src/i18n.js";

const SRC = join(import.meta.dirname, "../src");

const definitions = (locale: string) =>
  [...localeSource(locale).matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1]!);

function keys(locale: string): Set<string> {
  return new Set(definitions(locale));
}

function sources(dir = SRC): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === "data" ? [] : sources(path);
    return d.name.endsWith(".ts") ? [{ file: path, text: readFileSync(path, "utf8") }] : [];
  });
}

const vi = keys("vi");
const en = keys("en");

describe("locales", () => {
  it("Vietnamese and English have the same messages", () => {
    expect([...vi].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !vi.has(k))).toEqual([]);
    expect(vi.size).toBeGreaterThan(50);
  });

  it("no message is defined twice (across a locale's files, the last one would win unseen)", () => {
    for (const locale of ["vi", "en"]) {
      const all = definitions(locale);
      expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
    }
  });

  it("every message key used in the code exists", () => {
    const used = sources().flatMap(({ text }) => [...text.matchAll(/\bt\(\s*"([a-z][a-z0-9-]*)"/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((k) => !vi.has(k))).toEqual([]);
  });

  it("every problem code, confidence level and plan blocker has a message", () => {
    const codes = sources().flatMap(({ text }) => [...text.matchAll(/\bcode: "([a-z-]+)"/g)].map((m) => m[1]!));
    expect(codes.length).toBeGreaterThan(20);
    expect(codes.filter((c) => !vi.has(`problem-${c}`) && !vi.has(`cli-answer-${c}`))).toEqual([]);
    for (const level of CONFIDENCE_LEVELS) expect(vi.has(`confidence-${level}`)).toBe(true);
    for (const blocker of ["target-unknown", "disqualified", "points", "fixed-criterion"]) {
      expect(vi.has(`report-plan-blocked-${blocker}`)).toBe(true);
    }
  });

  it("no Vietnamese text is hard-coded in the source", () => {
    const vietnamese = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
    const offenders = sources()
      .flatMap(({ file, text }) =>
        text
          .split("\n")
          .map((line, i) => ({ file, line: i + 1, code: line.replace(/\/\/.*$|^\s*\*.*$|\/\*.*?\*\//g, "") }))
          .filter((l) => vietnamese.test(l.code)),
      )
      .map((l) => `${l.file}:${l.line}`);
    expect(offenders).toEqual([]);
  });
});
