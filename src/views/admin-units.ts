// Administrative units in words, from locales/: always with their kind (xã, phường, đặc khu), and
// the report of a commune-list import.
import type { Commune, UnitType } from "../geo/communes.js";
import type { Translate } from "../i18n.js";
import type { CommuneImportPlan, ImportProblem, UnitUse } from "../services/admin-units.js";

/** "Xã Cái Nước", "Phường Kỳ Lừa", "Đặc khu Phú Quốc". */
export function unitName(t: Translate, unit: { name: string; type: UnitType }): string {
  return t("unit-name", { type: unit.type, name: unit.name });
}

/** "Xã Cái Nước – Cà Mau": how a unit is shown wherever people pick or read it. */
export function unitLabel(t: Translate, unit: Commune): string {
  return t("unit-in-province", { type: unit.type, name: unit.name, province: unit.provinceName });
}

/** The label of the unit with this code, or the code itself when the list does not know it. */
export function unitLabelOf(t: Translate, units: { commune(code: string): Commune | undefined }, code: string): string {
  const unit = units.commune(code);
  return unit ? unitLabel(t, unit) : code;
}

export function importProblemText(t: Translate, problem: ImportProblem): string {
  return t("cli-communes-problem", { line: problem.line, message: t(`problem-${problem.code}`, problem.params) });
}

/** The differences an import would make, one line per unit, grouped by kind. */
export function importReport(t: Translate, plan: CommuneImportPlan, file: string, provinceNames: string[]): string[] {
  const lines = [t("cli-communes-scope", { file, count: provinceNames.length, provinces: provinceNames.join(", ") })];
  const group = (key: string, items: string[]) => {
    if (items.length) lines.push(t(key, { count: items.length }), ...items.map((s) => `  ${s}`));
  };
  group(
    "cli-communes-added",
    plan.added.map((u) => t("cli-communes-line-added", { unit: unitLabel(t, u), code: u.code })),
  );
  group(
    "cli-communes-renamed",
    plan.renamed.map(({ before, after }) =>
      t("cli-communes-line-renamed", {
        before: unitLabel(t, before),
        code: before.code,
        after: unitLabel(t, after),
        newCode: after.code,
      }),
    ),
  );
  group(
    "cli-communes-merged",
    plan.merged.map(({ unit, into }) =>
      t("cli-communes-line-merged", {
        unit: unitLabel(t, unit),
        code: unit.code,
        into: unitLabel(t, into),
        intoCode: into.code,
      }),
    ),
  );
  group(
    "cli-communes-removed",
    plan.removed.map((u) => t("cli-communes-line-removed", { unit: unitLabel(t, u), code: u.code })),
  );
  lines.push(t("cli-communes-unchanged", { count: plan.unchanged }));
  if (plan.renamed.length > plan.unchanged + plan.added.length) lines.push(t("cli-communes-many-renamed"));
  return lines;
}

/** Why an import that removes units still in use is refused: each unit and what names it. */
export function inUseReport(t: Translate, uses: UnitUse[]): string[] {
  return [
    t("cli-communes-in-use"),
    ...uses.map((u) =>
      t("cli-communes-in-use-line", {
        unit: unitLabel(t, u.unit),
        code: u.unit.code,
        organisations: u.organisations.length,
        names: u.organisations.length ? ` (${u.organisations.join(", ")})` : "",
        applications: u.applications,
        officers: u.officers,
        invites: u.invites,
      }),
    ),
    t("cli-communes-in-use-hint"),
  ];
}
