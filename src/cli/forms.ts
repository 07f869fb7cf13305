// `npm run forms -- --application <id> --out <dir>`: the three Word forms of an application, for an
// officer working on a computer.
import "../load-env.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/client.js";
import { buildMau01, buildMau02, buildMau03, formFileName } from "../forms/index.js";
import { getI18n, translator } from "../i18n.js";
import { loadCatalog } from "../rubric/catalog.js";
import { adminUnitsOf } from "../services/admin-units.js";
import { loadAssessment } from "../services/assessment.js";
import { formsInput } from "../services/dossier.js";
import { findUser } from "../services/people.js";

const t = translator(getI18n(), process.env.OCOP_LOCALE ?? "vi");
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { application: { type: "string" }, out: { type: "string" } },
});
const id = Number(values.application);
if (!Number.isInteger(id) || id <= 0 || !values.out) {
  process.stderr.write(`${t("cli-forms-usage")}\n`);
  process.exit(2);
}
const catalog = loadCatalog().value;
if (!catalog) {
  process.stderr.write(`${t("startup-rubric-invalid")}\n`);
  process.exit(1);
}
const db = openDatabase(process.env.DATABASE_PATH || "./data/ocop.sqlite");
const input = formsInput(db, catalog, adminUnitsOf(db), id);
if (!input) {
  process.stderr.write(`${t("cli-forms-unknown", { id })}\n`);
  process.exit(1);
}
const producer = findUser(db, loadAssessment(db, catalog, id)!.product.createdBy);
const dir = resolve(values.out);
mkdirSync(dir, { recursive: true });
for (const [kind, build] of [
  ["mau-01", buildMau01],
  ["mau-02", buildMau02],
  ["mau-03", buildMau03],
] as const) {
  const file = join(dir, formFileName(kind, input.product?.name, producer?.fullName ?? undefined));
  writeFileSync(file, await build(input));
  process.stdout.write(`${file}\n`);
}
db.$client.close();
