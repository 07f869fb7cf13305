// A scoring sheet as a spreadsheet (XLSX or CSV, one row per option), for provincial
// administrators who correct or add a sheet without touching code. Columns: README, "Rubric data".
import ExcelJS from "exceljs";
import {
  type EvidenceKind,
  type LocalCriterion,
  NONE_OPTION_ID,
  type SheetData,
  type SheetInput,
} from "../domain/rubric.js";
import type { RubricProblem } from "../domain/rubric-validation.js";
import { fold } from "../text.js";

export const COLUMNS = [
  "part",
  "group_id",
  "group_title",
  "group_max",
  "subgroup_id",
  "subgroup_title",
  "subgroup_max",
  "criterion_id",
  "criterion_title",
  "criterion_max",
  "help",
  "note",
  "evidence",
  "local",
  "improvable",
  "stop_if_zero",
  "option_id",
  "option_label",
  "points",
  "marker",
  "case",
  "case_title",
  "none",
] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: Column[] = [
  "part",
  "group_id",
  "group_title",
  "group_max",
  "criterion_id",
  "criterion_title",
  "criterion_max",
  "help",
  "option_id",
  "option_label",
  "points",
];
export const DISQUALIFICATION_COLUMNS = ["id", "requirement", "help", "criterion"] as const;
export const DISQUALIFICATION_WORKSHEET = "disqualification";

export type Row = Partial<Record<Column, string>> & { row: number };

// Compared after folding diacritics, so "có" and "không" work as typed in Vietnamese.
const YES = new Set(["1", "true", "yes", "x", "co"]);
const NO = new Set(["0", "false", "no", "khong"]);

function table(ws: ExcelJS.Worksheet): { header: string[]; rows: { row: number; cells: string[] }[] } {
  const header: string[] = [];
  const rows: { row: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    const cells: string[] = [];
    for (let i = 1; i <= r.cellCount; i++) cells.push(r.getCell(i).text.trim());
    if (n === 1) header.push(...cells.map((c) => c.toLowerCase()));
    else if (cells.some((c) => c !== "")) rows.push({ row: n, cells });
  });
  return { header, rows };
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (/\.csv$/i.test(file)) {
    // Keep every value as text: ids such as "1.1" must not become numbers or dates.
    await wb.csv.readFile(file, { map: (value: unknown) => value });
  } else {
    await wb.xlsx.readFile(file);
  }
  return wb;
}

/**
 * Builds a sheet from the workbook. Sheet-level data the spreadsheet does not carry (source,
 * corrections, and for CSV the disqualification items) comes from `base`, the sheet it replaces.
 */
export function sheetFromWorkbook(
  wb: ExcelJS.Workbook,
  productSet: string,
  base: Partial<SheetInput> & { source: string },
): { sheet?: SheetInput; problems: RubricProblem[] } {
  const main = wb.worksheets.find((w) => w.name !== DISQUALIFICATION_WORKSHEET);
  const problems: RubricProblem[] = [];
  if (!main) return { problems: [{ code: "empty-sheet" }] };
  const { header, rows } = table(main);
  for (const c of REQUIRED) if (!header.includes(c)) problems.push({ code: "column-missing", params: { column: c } });
  if (problems.length) return { problems };
  if (rows.length === 0) return { problems: [{ code: "empty-sheet" }] };
  const records: Row[] = rows.map(({ row, cells }) => {
    const rec: Row = { row };
    header.forEach((h, i) => {
      if ((COLUMNS as readonly string[]).includes(h) && cells[i]) rec[h as Column] = cells[i];
    });
    return rec;
  });

  const parts: SheetInput["parts"] = [];
  const cases = new Map<string, string>();
  type GroupIn = SheetInput["parts"][number]["groups"][number];
  type CriterionIn = NonNullable<GroupIn["criteria"]>[number];
  const groups = new Map<string, GroupIn>();
  const subgroups = new Map<string, NonNullable<GroupIn["subgroups"]>[number]>();
  const criteria = new Map<string, CriterionIn & { firstRow: Row }>();

  const num = (r: Row, column: Column): number | undefined => {
    const v = r[column];
    if (v === undefined) return undefined;
    const n = Number(v.replace(",", "."));
    if (!Number.isFinite(n)) {
      problems.push({ code: "value-invalid", params: { row: r.row, column, value: v } });
      return undefined;
    }
    return n;
  };
  const flag = (r: Row, column: Column): boolean | undefined => {
    const v = r[column] === undefined ? undefined : fold(r[column]);
    if (v === undefined) return undefined;
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    problems.push({ code: "value-invalid", params: { row: r.row, column, value: r[column]! } });
    return undefined;
  };
  const same = (r: Row, first: Row, columns: Column[], at: string) => {
    for (const column of columns) {
      if ((r[column] ?? "") !== (first[column] ?? "")) {
        problems.push({ code: "row-conflict", at, params: { row: r.row, column, value: r[column] ?? "" } });
      }
    }
  };
  const groupRows = new Map<string, Row>();

  for (const r of records) {
    // The engine's "none of these" rows are shown on export and added again when the sheet is bound.
    if (r.option_id === NONE_OPTION_ID || flag(r, "none")) continue;
    const missing = REQUIRED.filter((c) => r[c] === undefined);
    if (missing.length) {
      for (const column of missing) problems.push({ code: "value-missing", params: { row: r.row, column } });
      continue;
    }
    const partId = r.part!;
    let part = parts.find((p) => p.part === partId);
    if (!part) {
      part = { part: partId, groups: [] };
      parts.push(part);
    }

    const groupId = r.group_id!;
    let group = groups.get(groupId);
    if (!group) {
      group = { id: groupId, title: r.group_title!, maxPoints: num(r, "group_max") ?? 0, criteria: [], subgroups: [] };
      groups.set(groupId, group);
      groupRows.set(groupId, r);
      part.groups.push(group);
    } else {
      same(r, groupRows.get(groupId)!, ["part", "group_title", "group_max"], groupId);
    }

    let container: { criteria?: CriterionIn[] } = group;
    if (r.subgroup_id) {
      let sub = subgroups.get(r.subgroup_id);
      if (!sub) {
        sub = {
          id: r.subgroup_id,
          title: r.subgroup_title ?? "",
          maxPoints: num(r, "subgroup_max") ?? 0,
          criteria: [],
        };
        subgroups.set(r.subgroup_id, sub);
        groupRows.set(r.subgroup_id, r);
        group.subgroups!.push(sub);
      } else {
        same(r, groupRows.get(r.subgroup_id)!, ["group_id", "subgroup_title", "subgroup_max"], r.subgroup_id);
      }
      container = sub;
    }

    let criterion = criteria.get(r.criterion_id!);
    if (!criterion) {
      const evidence = (r.evidence ?? "").split(/[,;\s]+/).filter(Boolean) as EvidenceKind[];
      const improvable = flag(r, "improvable");
      const stopIfZero = flag(r, "stop_if_zero");
      criterion = {
        id: r.criterion_id!,
        title: r.criterion_title!,
        help: r.help!,
        maxPoints: num(r, "criterion_max") ?? 0,
        ...(r.note ? { note: r.note } : {}),
        evidence,
        ...(r.local ? { local: r.local as LocalCriterion } : {}),
        ...(improvable === false ? { improvable } : {}),
        ...(stopIfZero ? { stopIfZero } : {}),
        options: [],
        firstRow: r,
      };
      criteria.set(r.criterion_id!, criterion);
      container.criteria!.push(criterion);
    } else {
      same(
        r,
        criterion.firstRow,
        ["group_id", "subgroup_id", "criterion_title", "criterion_max", "help"],
        criterion.id,
      );
    }
    const marker = num(r, "marker");
    if (r.case) cases.set(r.case, r.case_title ?? cases.get(r.case) ?? r.case);
    criterion.options.push({
      id: r.option_id!,
      label: r.option_label!,
      points: num(r, "points") ?? 0,
      ...(marker !== undefined ? { marker: marker as 3 | 4 | 5 } : {}),
      ...(r.case ? { case: r.case } : {}),
    });
  }
  for (const c of criteria.values()) delete (c as { firstRow?: Row }).firstRow;

  let disqualification = base.disqualification ?? [];
  const dq = wb.getWorksheet(DISQUALIFICATION_WORKSHEET);
  if (dq) {
    const { header: h, rows: dqRows } = table(dq);
    disqualification = dqRows.map(({ cells }) => {
      const get = (c: string) => cells[h.indexOf(c)] || undefined;
      return {
        id: get("id") ?? "",
        requirement: get("requirement") ?? "",
        help: get("help") ?? "",
        ...(get("criterion") ? { criterion: get("criterion")! } : {}),
      };
    });
  }

  if (problems.length) return { problems };
  return {
    sheet: {
      productSet,
      source: base.source,
      corrections: base.corrections ?? [],
      ...(cases.size ? { cases: [...cases].map(([id, title]) => ({ id, title })) } : {}),
      disqualification,
      parts,
    },
    problems,
  };
}

/**
 * The sheet as a workbook in the import format: export, edit, import. A bound sheet's "none of
 * these" options are written as rows marked in the `none` column; import leaves them to the engine.
 */
export function workbookFromSheet(sheet: SheetData): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("criteria");
  ws.addRow([...COLUMNS]);
  const caseTitle = (id?: string) => sheet.cases.find((c) => c.id === id)?.title ?? "";
  for (const p of sheet.parts) {
    for (const g of p.groups) {
      const inGroup = [
        ...g.criteria.map((c) => ({ c, sub: undefined })),
        ...g.subgroups.flatMap((s) => s.criteria.map((c) => ({ c, sub: s }))),
      ];
      for (const { c, sub } of inGroup) {
        for (const o of c.options) {
          const values: Record<Column, string | number> = {
            part: p.part,
            group_id: g.id,
            group_title: g.title,
            group_max: g.maxPoints,
            subgroup_id: sub?.id ?? "",
            subgroup_title: sub?.title ?? "",
            subgroup_max: sub?.maxPoints ?? "",
            criterion_id: c.id,
            criterion_title: c.title,
            criterion_max: c.maxPoints,
            help: c.help,
            note: c.note ?? "",
            evidence: c.evidence.join(","),
            local: c.local ?? "",
            improvable: c.improvable ? "" : "no",
            stop_if_zero: c.stopIfZero ? "yes" : "",
            option_id: o.id,
            option_label: o.label,
            points: o.points,
            marker: o.marker ?? "",
            case: o.case ?? "",
            case_title: caseTitle(o.case),
            none: o.none ? "yes" : "",
          };
          // Ids are text: "1.1" must not turn into a number in the spreadsheet.
          ws.addRow(COLUMNS.map((col) => (typeof values[col] === "number" ? values[col] : String(values[col]))));
        }
      }
    }
  }
  const dq = wb.addWorksheet(DISQUALIFICATION_WORKSHEET);
  dq.addRow([...DISQUALIFICATION_COLUMNS]);
  for (const d of sheet.disqualification) dq.addRow([d.id, d.requirement, d.help, d.criterion ?? ""]);
  return wb;
}
