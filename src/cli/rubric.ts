// `npm run rubric -- <command>`: list, check, show, score, import and export rubric sheets.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { improvementPlan, planTargets } from "../domain/plan.js";
import { bindSheet, type Sheet } from "../domain/rubric.js";
import { type Answers, answerProblems, score } from "../domain/scoring.js";
import { getI18n, translator } from "../i18n.js";
import {
  type FileProblem,
  loadCatalog,
  loadSheetFile,
  loadVersionFile,
  parseSheet,
  RUBRICS_DIR,
  type RubricCatalog,
  versionFileBeside,
} from "../rubric/catalog.js";
import { readWorkbook, sheetFromWorkbook, workbookFromSheet } from "../rubric/spreadsheet.js";
import { fileProblemText, problemText, scoreReport } from "../views/rubric-text.js";

const t = translator(getI18n(), process.env.OCOP_LOCALE ?? "vi");

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const out = (text: string) => process.stdout.write(`${text}\n`);
const json = (value: unknown) => out(JSON.stringify(value, null, 2));

function rubricsDir(): string {
  return process.env.OCOP_RUBRICS_DIR ? resolve(process.env.OCOP_RUBRICS_DIR) : RUBRICS_DIR;
}

function failWithProblems(problems: FileProblem[]): never {
  throw new CliError(
    [t("cli-check-failed", { count: problems.length }), ...problems.map((p) => fileProblemText(t, p))].join("\n"),
  );
}

function catalog(): RubricCatalog {
  const loaded = loadCatalog(rubricsDir());
  if (!loaded.value) failWithProblems(loaded.problems);
  return loaded.value;
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new CliError(t("cli-missing-argument", { name }), 2);
  return value;
}

function sheetArg(cat: RubricCatalog, id: string | undefined): Sheet {
  const sheetId = required(id, "--sheet");
  const sheet = cat.sheet(sheetId);
  if (!sheet) throw new CliError(t("cli-sheet-unknown", { sheet: sheetId }));
  return sheet;
}

function list(values: { json?: boolean }) {
  const cat = catalog();
  const rows = cat.sheets.map((s) => ({
    version: s.version.id,
    sheet: s.id,
    productSet: s.productSetTitle,
    confidence: s.version.confidence.level,
  }));
  if (values.json) {
    json(rows);
    return;
  }
  for (const r of rows) out(t("cli-list-row", { ...r, confidence: t(`confidence-${r.confidence}`) }));
}

function check(files: string[], values: { version?: string }) {
  if (files.length === 0) {
    const cat = catalog();
    out(t("cli-check-ok", { versions: cat.versions.length, sheets: cat.sheets.length }));
    return;
  }
  const problems: FileProblem[] = [];
  for (const f of files.map((x) => resolve(x))) {
    if (f.endsWith("version.json")) {
      problems.push(...loadVersionFile(f).problems);
      continue;
    }
    // A sheet is checked against its folder's version, else --version, else the default version.
    const beside = versionFileBeside(f);
    const version = beside ? loadVersionFile(beside) : undefined;
    if (version && !version.value) {
      problems.push(...version.problems);
      continue;
    }
    const v = version?.value ?? (values.version ? catalog().version(values.version) : catalog().defaultVersion);
    if (!v) throw new CliError(t("cli-version-unknown", { version: values.version ?? "" }));
    problems.push(...loadSheetFile(f, v).problems);
  }
  if (problems.length) failWithProblems(problems);
  out(t("cli-check-ok-files", { files: files.length }));
}

function show(values: { sheet?: string; json?: boolean }) {
  const sheet = sheetArg(catalog(), values.sheet);
  const data = {
    id: sheet.id,
    version: sheet.version.id,
    productSet: sheet.productSet,
    productSetTitle: sheet.productSetTitle,
    confidence: sheet.version.confidence.level,
    markerRule: sheet.version.markerRule,
    cases: sheet.cases,
    disqualification: sheet.disqualification,
    criteria: sheet.criteria,
  };
  if (values.json) {
    json(data);
    return;
  }
  for (const c of sheet.criteria) {
    out(t("cli-show-criterion", { id: c.id, title: c.title, max: c.maxPoints }));
    for (const o of c.options) {
      out(
        t("cli-show-option", {
          id: o.id,
          label: o.label,
          points: o.points,
          marker: o.marker ?? 0,
          case: o.case ?? "none",
        }),
      );
    }
  }
}

function readAnswers(file: string): Answers {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new CliError(t("cli-answers-unreadable", { file, message: (e as Error).message }));
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw) || Object.values(raw).some((v) => typeof v !== "string")) {
    throw new CliError(t("cli-answers-unreadable", { file, message: '{ "<criterion>": "<option>" }' }));
  }
  return raw as Answers;
}

function scoreCommand(values: { sheet?: string; answers?: string; case?: string; target?: string; json?: boolean }) {
  const sheet = sheetArg(catalog(), values.sheet);
  const file = required(values.answers, "--answers");
  const answers = readAnswers(file);
  const caseId = values.case;
  const problems = answerProblems(sheet, answers, caseId);
  if (problems.length) {
    throw new CliError(
      [t("cli-answers-invalid", { file }), ...problems.map((p) => t(`cli-answer-${p.code}`, { ...p }))].join("\n"),
    );
  }
  const target = values.target === undefined ? undefined : Number(values.target);
  if (target !== undefined && !(Number.isInteger(target) && target >= 1 && target <= 5)) {
    throw new CliError(t("cli-target-invalid"), 2);
  }
  const result = score(sheet, answers, { caseId });
  const targets = target !== undefined ? [target] : planTargets(result);
  const plans = targets.map((n) => improvementPlan(sheet, answers, n, { caseId }));
  if (values.json) {
    json({ ...result, plan: plans[0] ?? null, plans });
    return;
  }
  out(scoreReport(t, sheet, result, plans));
}

async function importCommand(
  file: string | undefined,
  values: { version?: string; set?: string; out?: string; source?: string },
) {
  const input = resolve(required(file, "<file>"));
  const versionId = required(values.version, "--version");
  const productSet = required(values.set, "--set");
  const versionFile = join(rubricsDir(), versionId, "version.json");
  if (!existsSync(versionFile)) throw new CliError(t("cli-version-unknown", { version: versionId }));
  const version = loadVersionFile(versionFile);
  if (!version.value) failWithProblems(version.problems);
  const target = values.out ? resolve(values.out) : join(rubricsDir(), versionId, "sheets", `${productSet}.json`);
  const previous = existsSync(target) ? loadSheetFile(target, version.value).value : undefined;

  const wb = await readWorkbook(input);
  const built = sheetFromWorkbook(wb, productSet, {
    ...previous,
    source: values.source ?? previous?.source ?? input,
  });
  const checked = built.sheet ? parseSheet(input, built.sheet, version.value) : undefined;
  const problems = [...built.problems.map((p) => ({ file: input, ...p })), ...(checked?.problems ?? [])];
  if (problems.length || !checked?.value) {
    throw new CliError(
      [
        t("cli-import-refused", { file: input, count: problems.length }),
        ...problems.map((p) => problemText(t, p)),
      ].join("\n"),
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(built.sheet, null, 2)}\n`);
  out(t("cli-import-written", { file: target, criteria: bindSheet(version.value, checked.value).criteria.length }));
}

async function exportCommand(values: { sheet?: string; out?: string }) {
  const sheet = sheetArg(catalog(), values.sheet);
  const target = resolve(required(values.out, "--out"));
  const wb = workbookFromSheet(sheet);
  if (/\.csv$/i.test(target)) await wb.csv.writeFile(target, { sheetName: "criteria" });
  else await wb.xlsx.writeFile(target);
  out(t("cli-export-written", { file: target, criteria: sheet.criteria.length }));
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      sheet: { type: "string" },
      answers: { type: "string" },
      case: { type: "string" },
      target: { type: "string" },
      version: { type: "string" },
      set: { type: "string" },
      out: { type: "string" },
      source: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case "list":
      return list(values);
    case "check":
      return check(rest, values);
    case "show":
      return show(values);
    case "score":
      return scoreCommand(values);
    case "import":
      return importCommand(rest[0], values);
    case "export":
      return exportCommand(values);
    case undefined:
      return out(t("cli-rubric-usage"));
    default:
      throw new CliError([t("cli-unknown-command", { command }), t("cli-rubric-usage")].join("\n"), 2);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof CliError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(e.exitCode);
  }
  if (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(`${e.message}\n${t("cli-rubric-usage")}\n`);
    process.exit(2);
  }
  throw e;
});
