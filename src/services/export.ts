// The applications of some communes (or all) as an XLSX workbook, one row each.

import { eq } from "drizzle-orm";
import { SPREADSHEET_DATE_FORMAT, spreadsheetDay } from "../dates.js";
import type { Db } from "../db/client.js";
import { users } from "../db/schema.js";
import type { AdminUnits } from "../geo/communes.js";
import type { Translate } from "../i18n.js";
import type { RubricCatalog } from "../rubric/catalog.js";
import { unitLabel } from "../views/admin-units.js";
import { assessmentScore, loadAssessment } from "./assessment.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import { deskOf } from "./officer.js";
import { applicationsOfCommunes, officialResultOf } from "./workflow.js";

export const EXPORT_COLUMNS = [
  "producer",
  "organisation",
  "commune",
  "product",
  "product-set",
  "rubric-version",
  "part-a",
  "part-b",
  "part-c",
  "total",
  "stars",
  "state",
  "submitted",
  "received",
  "official-stars",
  "decision",
  "decision-date",
  "official-a",
  "official-b",
  "official-c",
  "none-answers",
] as const;

/** Columns holding days: real date cells shown dd/mm/yyyy, so they sort and filter as dates. */
const DATE_COLUMNS: readonly (typeof EXPORT_COLUMNS)[number][] = ["submitted", "received", "decision-date"];

/** The workbook of the given communes' filed applications (or all), one row each, headers in `t`'s language. */
export async function exportApplications(
  db: Db,
  catalog: RubricCatalog,
  adminUnits: AdminUnits,
  communes: string[] | "all",
  t: Translate,
): Promise<Buffer> {
  // Loaded when first needed: the module takes about a third of a second to load, at every start.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("OCOP");
  ws.addRow(EXPORT_COLUMNS.map((c) => t(`export-${c}`)));
  ws.getRow(1).font = { bold: true };
  for (const r of applicationsOfCommunes(db, communes)) {
    const a = loadAssessment(db, catalog, r.applications.id);
    if (!a) continue;
    const score = assessmentScore(a);
    const owner = db.select().from(users).where(eq(users.id, r.organisations.ownerId)).get();
    const commune = r.applications.communeCode ? adminUnits.commune(r.applications.communeCode) : undefined;
    const official = officialResultOf(db, r.applications.id);
    // Criteria answered "none of these": what the producer says they do not meet yet.
    const none = a.criteria.filter((c) => c.options.find((o) => o.id === a.answers[c.id])?.none).map((c) => c.id);
    ws.addRow([
      owner?.fullName ?? "",
      r.organisations.name,
      commune ? unitLabel(t, commune) : (r.applications.communeCode ?? ""),
      r.products.name,
      a.sheet.productSetTitle,
      a.sheet.version.title,
      score.parts.A?.points ?? 0,
      score.parts.B?.points ?? 0,
      score.parts.C?.points ?? 0,
      score.total,
      score.stars,
      t(`state-${r.applications.state}`),
      spreadsheetDay(r.applications.submittedAt) ?? "",
      spreadsheetDay(r.applications.receivedAt) ?? "",
      official?.stars ?? "",
      official?.decisionNumber ?? "",
      spreadsheetDay(official?.decisionDate) ?? "",
      official?.partPoints?.A ?? "",
      official?.partPoints?.B ?? "",
      official?.partPoints?.C ?? "",
      none.join(", "),
    ]);
  }
  ws.columns.forEach((c) => {
    c.width = 18;
  });
  for (const column of DATE_COLUMNS) ws.getColumn(EXPORT_COLUMNS.indexOf(column) + 1).numFmt = SPREADSHEET_DATE_FORMAT;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The export of the officer's desk (/xuat): an officer gets their communes' filed applications, an
 * administrator all; anyone else "not-officer". It reads only.
 */
export function exportService(deps: CoreDeps) {
  const { db, catalog, adminUnits } = deps;
  return {
    /** The XLSX workbook of the actor's desk, column headers and states in `t`'s language. */
    async applications(actor: Actor, t: Translate): Promise<{ ok: true; workbook: Buffer } | Refused<"not-officer">> {
      const desk = deskOf(deps, actor);
      if (!desk) return refuse("not-officer");
      return { ok: true, workbook: await exportApplications(db, catalog, adminUnits, desk, t) };
    },
  };
}
