// The export (/xuat) as a use case, without grammY: an officer gets their communes' filed
// applications, the administrator all of them; producers, members and someone without an account
// get nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { type Db, openDatabase } from "../../../src/db/client.js";
import { translator } from "../../../src/i18n.js";
import { exportService } from "../../../src/services/export.js";
import { ADMIN, CAI_NUOC, i18n, PHU_MY, type Producer, type World, world } from "../../helpers/world.js";

const OFFICER = 100;
const OTHER_OFFICER = 101;
const MEMBER = 201;
const t = translator(i18n, "vi");

let db: Db;
let w: World;
let p: Producer;
let stranger: Producer;
let exports: ReturnType<typeof exportService>;

beforeEach(() => {
  db = openDatabase(":memory:");
  w = world(db);
  exports = exportService(w.coreDeps());
  w.officer(OFFICER, [CAI_NUOC]);
  w.officer(OTHER_OFFICER, [PHU_MY]);
  p = w.producer(200, CAI_NUOC);
  w.member(p, MEMBER);
  stranger = w.producer(300, PHU_MY);
  w.filed(p, "Mật ong", new Date("2026-03-02T03:00:00Z"));
  w.filed(stranger, "Nước mắm", new Date("2026-03-03T03:00:00Z"));
  w.draft(p, "Bánh chưng");
});
afterEach(() => db.$client.close());

/** The column headed `key` of the workbook the actor gets. */
async function columnExported(actor: number, key: string): Promise<string[]> {
  const exported = await exports.applications(actor, t);
  if (!exported.ok) throw new Error(exported.reason);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(exported.workbook as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const column = (ws.getRow(1).values as string[]).indexOf(t(key));
  return ws.getColumn(column).values.slice(2) as string[];
}

const productsExported = (actor: number) => columnExported(actor, "export-product");

it("gives an officer their communes' filed applications and the administrator all of them", async () => {
  expect(await productsExported(OFFICER)).toEqual(["Mật ong"]);
  expect(await productsExported(OTHER_OFFICER)).toEqual(["Nước mắm"]);
  expect(await productsExported(ADMIN)).toEqual(["Nước mắm", "Mật ong"]);
});

it("names the rubric version by its title, as people know it, not by its internal id", async () => {
  const [version] = await columnExported(OFFICER, "export-rubric-version");
  expect(version).toBe(
    JSON.parse(readFileSync(join(import.meta.dirname, "../../../rubrics/qd26-2026/version.json"), "utf8")).title,
  );
});

it("is refused to the producer, a member, a producer of another organisation and someone without an account", async () => {
  for (const actor of [p.user.id, MEMBER, stranger.user.id, undefined])
    expect(await exports.applications(actor, t)).toEqual({ ok: false, reason: "not-officer" });
});
