// Loads the rubric data under rubrics/ (one folder per version: version.json and sheets/*.json),
// validating every file with the schemas and the arithmetic checks.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import {
  bindSheet,
  findProductSet,
  type Sheet,
  type SheetData,
  sheetSchema,
  type VersionData,
  versionSchema,
} from "../domain/rubric.js";
import { type RubricProblem, schemaProblems, validateSheet, validateVersion } from "../domain/rubric-validation.js";
import { projectPath } from "../paths.js";

export const RUBRICS_DIR = projectPath("rubrics");

export interface FileProblem extends RubricProblem {
  file: string;
}

export class RubricCatalog {
  constructor(
    readonly versions: VersionData[],
    readonly sheets: Sheet[],
  ) {}

  get defaultVersion(): VersionData {
    return this.versions.find((v) => v.isDefault)!;
  }

  version(id: string): VersionData | undefined {
    return this.versions.find((v) => v.id === id);
  }

  sheet(id: string): Sheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetFor(versionId: string, productSet: string): Sheet | undefined {
    return this.sheets.find((s) => s.version.id === versionId && s.productSet === productSet);
  }
}

export interface LoadResult<T> {
  value?: T;
  problems: FileProblem[];
}

function readJson(file: string): LoadResult<unknown> {
  try {
    return { value: JSON.parse(readFileSync(file, "utf8")), problems: [] };
  } catch (e) {
    return { problems: [{ file, code: "unreadable", params: { message: (e as Error).message } }] };
  }
}

function withFile(file: string, problems: RubricProblem[]): FileProblem[] {
  return problems.map((p) => ({ file, ...p }));
}

export function loadVersionFile(file: string): LoadResult<VersionData> {
  const raw = readJson(file);
  if (raw.problems.length) return raw as LoadResult<never>;
  const parsed = versionSchema.safeParse(raw.value);
  if (!parsed.success) return { problems: withFile(file, schemaProblems(parsed.error)) };
  return { value: parsed.data, problems: withFile(file, validateVersion(parsed.data)) };
}

export function parseSheet(file: string, raw: unknown, version: VersionData): LoadResult<SheetData> {
  const parsed = sheetSchema.safeParse(raw);
  if (!parsed.success) return { problems: withFile(file, schemaProblems(parsed.error)) };
  return { value: parsed.data, problems: withFile(file, validateSheet(version, parsed.data)) };
}

export function loadSheetFile(file: string, version: VersionData): LoadResult<SheetData> {
  const raw = readJson(file);
  if (raw.problems.length) return raw as LoadResult<never>;
  return parseSheet(file, raw.value, version);
}

/** Loads every version and sheet under dir. The catalog is returned only when nothing is wrong. */
export function loadCatalog(dir = RUBRICS_DIR): LoadResult<RubricCatalog> {
  const problems: FileProblem[] = [];
  const versions: VersionData[] = [];
  const sheets: Sheet[] = [];
  const folders = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
  for (const folder of folders.map((d) => d.name).sort()) {
    const versionFile = join(dir, folder, "version.json");
    const version = loadVersionFile(versionFile);
    problems.push(...version.problems);
    if (!version.value) continue;
    if (version.value.id !== folder) {
      problems.push({ file: versionFile, code: "version-folder", params: { id: version.value.id, folder } });
    }
    versions.push(version.value);
    const sheetDir = join(dir, folder, "sheets");
    const files = existsSync(sheetDir)
      ? readdirSync(sheetDir)
          .filter((f) => f.endsWith(".json"))
          .sort()
      : [];
    for (const f of files) {
      const file = join(sheetDir, f);
      const sheet = loadSheetFile(file, version.value);
      problems.push(...sheet.problems);
      if (!sheet.value) continue;
      if (sheet.value.productSet !== basename(f, ".json")) {
        problems.push({ file, code: "sheet-file-name", params: { productSet: sheet.value.productSet } });
      }
      sheets.push(bindSheet(version.value, sheet.value));
    }
  }
  // The default version first, then the newest; sheets in the order of the product sets.
  versions.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || b.effectiveFrom.localeCompare(a.effectiveFrom));
  const rank = (s: Sheet) =>
    versions.indexOf(s.version) * 1000 + (findProductSet(s.version, s.productSet)?.number ?? 999);
  sheets.sort((a, b) => rank(a) - rank(b));
  const defaults = versions.filter((v) => v.isDefault).length;
  if (defaults !== 1) problems.push({ file: dir, code: "default-count", params: { count: defaults } });
  return problems.length ? { problems } : { value: new RubricCatalog(versions, sheets), problems };
}

/** The version a sheet file outside the catalog belongs to: its folder's version.json, if any. */
export function versionFileBeside(sheetFile: string): string | undefined {
  const candidate = join(dirname(sheetFile), "..", "version.json");
  return basename(dirname(sheetFile)) === "sheets" && existsSync(candidate) ? candidate : undefined;
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}
