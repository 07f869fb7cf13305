// The commune list as the product keeps it: in the database, seeded from the shipped files, and
// kept current by administrators who import a CSV file (`npm run admin -- communes import`). An
// import is planned first (what is added, renamed, merged, removed; which removed units records
// still name) and applied after confirmation, in one transaction; records of a renamed or merged
// unit follow it.
import { and, count, eq, inArray, isNull, max } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { applications, communeImports, communes, invites, officers, organisations, provinces } from "../db/schema.js";
import {
  ADMIN_UNITS_DIR,
  type AdminUnits,
  buildAdminUnits,
  type Commune,
  parseCommuneCsv,
  readAdminUnitFiles,
  searchKey,
  shippedAdminUnitFiles,
  type UnitRow,
  type UnitRowProblem,
} from "../geo/communes.js";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The list's revision: the newest change's id (0 before the seed). */
function revisionOf(db: Db | Tx): number {
  return (
    db
      .select({ id: max(communeImports.id) })
      .from(communeImports)
      .get()?.id ?? 0
  );
}

/** Fills the empty tables from the shipped files (src/data/vn-admin-2025); returns whether it did. */
export function seedAdminUnits(db: Db, dir: string = ADMIN_UNITS_DIR): boolean {
  if (db.select({ n: count() }).from(provinces).get()!.n > 0) return false;
  const shipped = dir === ADMIN_UNITS_DIR ? shippedAdminUnitFiles() : readAdminUnitFiles(dir);
  db.transaction((tx) => {
    if (tx.select({ n: count() }).from(provinces).get()!.n > 0) return;
    tx.insert(provinces)
      .values(shipped.provinces.map((p) => ({ ...p })))
      .run();
    for (let i = 0; i < shipped.units.length; i += 500) {
      const chunk = shipped.units.slice(i, i + 500);
      tx.insert(communes)
        .values(chunk.map(({ code, name, type, provinceCode }) => ({ code, name, type, provinceCode })))
        .run();
    }
    tx.insert(communeImports)
      .values({ source: "src/data/vn-admin-2025", summary: { added: shipped.units.length } })
      .run();
  });
  return true;
}

function loadFromDb(db: Db): AdminUnits {
  const rows = db.select().from(communes).orderBy(communes.code).all();
  return buildAdminUnits(
    db.select().from(provinces).orderBy(provinces.code).all(),
    rows.map((r) => ({
      code: r.code,
      name: r.name,
      type: r.type,
      provinceCode: r.provinceCode,
      removed: r.removedAt !== null,
    })),
  );
}

/**
 * The list in the database, seeded on first use. Each lookup checks the list's revision (one
 * indexed read) and rebuilds the search index when an import, in this process or another, changed
 * it: the running bot serves an import at once, without a restart.
 */
export function adminUnitsOf(db: Db): AdminUnits {
  seedAdminUnits(db);
  const revision = db
    .select({ id: max(communeImports.id) })
    .from(communeImports)
    .prepare();
  let seen = -1;
  let units: AdminUnits | undefined;
  const current = (): AdminUnits => {
    const r = revision.get()?.id ?? 0;
    if (r !== seen || !units) {
      units = loadFromDb(db);
      seen = r;
    }
    return units;
  };
  return {
    get provinces() {
      return current().provinces;
    },
    get communes() {
      return current().communes;
    },
    province: (code) => current().province(code),
    commune: (code) => current().commune(code),
    search: (query, limit) => current().search(query, limit),
    searchScored: (query, limit) => current().searchScored(query, limit),
  };
}

// ---------------------------------------------------------------- import

/** What still names a unit: the import may not remove it (it may merge it into another). */
export interface UnitUse {
  unit: Commune;
  /** Names of the organisations registered in it. */
  organisations: string[];
  applications: number;
  /** Active officers of the unit. */
  officers: number;
  /** Officer invitations not used yet that name it. */
  invites: number;
}

export interface CommuneImportPlan {
  /** The list's revision the plan was made against: applying it later checks nothing changed. */
  revision: number;
  /** Province codes the file covers: units of other provinces are left as they are. */
  provinces: string[];
  added: Commune[];
  /** Same unit, new name, type or province; `after.code` differs when the file renumbered it. */
  renamed: { before: Commune; after: Commune }[];
  /** Units the file names in a `replaces` column: their records go to `into`. */
  merged: { unit: Commune; into: Commune }[];
  removed: Commune[];
  unchanged: number;
  /** Removed units that records still name: while there are any, the import is refused. */
  inUse: UnitUse[];
}

/** A problem of the file as a whole; `code` names the locale message `problem-<code>`. */
export type ImportProblem =
  | UnitRowProblem
  | { line: number; code: "commune-replaces-unknown" | "commune-replaces-kept"; params: Record<string, string> };

export type PlanResult = { ok: true; plan: CommuneImportPlan } | { ok: false; problems: ImportProblem[] };

function usesOf(db: Db | Tx, unit: Commune): UnitUse {
  const orgs = db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.communeCode, unit.code))
    .all();
  const apps = db.select({ n: count() }).from(applications).where(eq(applications.communeCode, unit.code)).get()!.n;
  const active = db
    .select({ n: count() })
    .from(officers)
    .where(and(eq(officers.communeCode, unit.code), isNull(officers.revokedAt)))
    .get()!.n;
  return {
    unit,
    organisations: orgs.map((o) => o.name),
    applications: apps,
    officers: active,
    invites: openOfficerInvites(db, unit.code).length,
  };
}

const inUse = (u: UnitUse) => u.organisations.length + u.applications + u.officers + u.invites > 0;

function openOfficerInvites(db: Db | Tx, code: string) {
  const now = Date.now();
  return db
    .select()
    .from(invites)
    .where(and(eq(invites.kind, "officer"), isNull(invites.usedAt), isNull(invites.revokedAt)))
    .all()
    .filter((i) => i.expiresAt.getTime() > now && (i.communeCodes ?? "").split(",").includes(code));
}

/**
 * Compares a CSV file (see `parseCommuneCsv`) with the list, for the provinces the file covers.
 * A row whose code is known is the same unit (renamed if its name, type or province changed); a
 * new code whose name (as search folds it, or exactly where two fold alike) is that of a unit the
 * file no longer lists, in the same province, renumbers that unit (a whole list with other codes
 * takes about 0.1 s); a unit named in a row's `replaces` is merged into that row; any other unit of
 * those provinces missing from the file is removed. Writes nothing.
 */
export function planCommuneImport(db: Db, units: AdminUnits, text: string): PlanResult {
  const { rows, problems } = parseCommuneCsv(text, new Set(units.provinces.map((p) => p.code)));
  if (problems.length) return { ok: false, problems };
  const revision = revisionOf(db);
  const toCommune = (r: UnitRow): Commune => ({
    code: r.code,
    name: r.name,
    type: r.type,
    provinceCode: r.provinceCode,
    provinceName: units.province(r.provinceCode)!.name,
  });
  const scope = new Set(rows.map((r) => r.provinceCode));
  const inFile = new Set(rows.map((r) => r.code));
  // Current units the file does not name by code: renumbered, merged or removed.
  const missing = new Map(
    units.communes.filter((c) => scope.has(c.provinceCode) && !inFile.has(c.code)).map((c) => [c.code, c]),
  );
  const replaced = new Map(rows.flatMap((r) => r.replaces.map((code) => [code, r] as const)));
  for (const code of replaced.keys()) {
    const unit = units.commune(code);
    if (unit && !unit.removed && !inFile.has(code)) missing.set(code, unit);
  }

  // Units that may be renumbered, by province and name as search folds it.
  const byName = new Map<string, Commune[]>();
  for (const c of missing.values()) {
    if (replaced.has(c.code)) continue;
    const key = `${c.provinceCode} ${searchKey(c.name)}`;
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }

  const plan: CommuneImportPlan = {
    revision,
    provinces: [...scope].sort(),
    added: [],
    renamed: [],
    merged: [],
    removed: [],
    unchanged: 0,
    inUse: [],
  };
  const importProblems: ImportProblem[] = [];
  for (const row of rows) {
    for (const code of row.replaces) {
      // A unit already retired (an earlier import of the same file) is no problem.
      if (inFile.has(code))
        importProblems.push({ line: row.line, code: "commune-replaces-kept", params: { value: code } });
      else if (!missing.has(code) && !units.commune(code)?.removed) {
        importProblems.push({ line: row.line, code: "commune-replaces-unknown", params: { value: code } });
      }
    }
    const after = toCommune(row);
    const known = units.commune(row.code);
    if (known && !known.removed) {
      if (known.name === after.name && known.type === after.type && known.provinceCode === after.provinceCode)
        plan.unchanged++;
      else plan.renamed.push({ before: known, after });
      continue;
    }
    // Names that fold alike (Tân Thành, Tân Thạnh) are told apart by their diacritics.
    const alike = known
      ? []
      : (byName.get(`${row.provinceCode} ${searchKey(row.name)}`) ?? []).filter((c) => missing.has(c.code));
    const exact = alike.filter((c) => c.name === row.name);
    const same = alike.length === 1 ? alike[0] : exact.length === 1 ? exact[0] : undefined;
    if (same) {
      plan.renamed.push({ before: same, after });
      missing.delete(same.code);
    } else {
      plan.added.push(after);
    }
  }
  if (importProblems.length) return { ok: false, problems: importProblems };
  for (const unit of missing.values()) {
    const into = replaced.get(unit.code);
    if (into) plan.merged.push({ unit, into: toCommune(into) });
    else plan.removed.push(unit);
  }
  plan.inUse = plan.removed.map((u) => usesOf(db, u)).filter(inUse);
  return { ok: true, plan };
}

/** How many units the plan changes (0: nothing to apply). */
export function planChanges(plan: CommuneImportPlan): number {
  return plan.added.length + plan.renamed.length + plan.merged.length + plan.removed.length;
}

export type ApplyResult =
  | { ok: true; summary: Record<string, number> }
  | { ok: false; reason: "changed" }
  | { ok: false; reason: "in-use"; inUse: UnitUse[] };

/** Moves every record of a unit to another (organisations, applications, officers, open invitations). */
function moveRecords(tx: Tx, from: string, to: string): void {
  tx.update(organisations).set({ communeCode: to }).where(eq(organisations.communeCode, from)).run();
  tx.update(applications).set({ communeCode: to }).where(eq(applications.communeCode, from)).run();
  for (const o of tx.select().from(officers).where(eq(officers.communeCode, from)).all()) {
    const there = tx
      .select()
      .from(officers)
      .where(and(eq(officers.userId, o.userId), eq(officers.communeCode, to)))
      .get();
    if (!there)
      tx.insert(officers)
        .values({ ...o, communeCode: to })
        .run();
    else if (there.revokedAt && !o.revokedAt) {
      tx.update(officers)
        .set({ revokedAt: null })
        .where(and(eq(officers.userId, o.userId), eq(officers.communeCode, to)))
        .run();
    }
    tx.delete(officers)
      .where(and(eq(officers.userId, o.userId), eq(officers.communeCode, from)))
      .run();
  }
  for (const invite of openOfficerInvites(tx, from)) {
    const codes = [...new Set((invite.communeCodes ?? "").split(",").map((c) => (c === from ? to : c)))];
    tx.update(invites)
      .set({ communeCodes: codes.join(",") })
      .where(eq(invites.code, invite.code))
      .run();
  }
}

/**
 * Applies a plan in one transaction, unless the list changed since it was made ("changed") or a
 * unit it removes is named by records now ("in-use", with the list). Renamed units keep their
 * records; the records of a renumbered or merged unit move to the new one; removed and merged
 * units stay in the table, marked, so history still shows their names.
 */
export function applyCommuneImport(db: Db, plan: CommuneImportPlan, source: string, importedBy?: string): ApplyResult {
  const summary = {
    added: plan.added.length,
    renamed: plan.renamed.length,
    merged: plan.merged.length,
    removed: plan.removed.length,
  };
  return db.transaction((tx): ApplyResult => {
    if (revisionOf(tx) !== plan.revision) return { ok: false, reason: "changed" };
    const used = plan.removed.map((u) => usesOf(tx, u)).filter(inUse);
    if (used.length) return { ok: false, reason: "in-use", inUse: used };
    const at = new Date();
    const upsert = (c: Commune) =>
      tx
        .insert(communes)
        .values({ code: c.code, name: c.name, type: c.type, provinceCode: c.provinceCode, updatedAt: at })
        .onConflictDoUpdate({
          target: communes.code,
          set: {
            name: c.name,
            type: c.type,
            provinceCode: c.provinceCode,
            removedAt: null,
            mergedInto: null,
            updatedAt: at,
          },
        })
        .run();
    const retire = (code: string, into: string | null) =>
      tx.update(communes).set({ removedAt: at, mergedInto: into, updatedAt: at }).where(eq(communes.code, code)).run();
    for (const c of plan.added) upsert(c);
    for (const { before, after } of plan.renamed) {
      upsert(after);
      if (after.code !== before.code) {
        retire(before.code, after.code);
        moveRecords(tx, before.code, after.code);
      }
    }
    for (const { unit, into } of plan.merged) {
      retire(unit.code, into.code);
      moveRecords(tx, unit.code, into.code);
    }
    if (plan.removed.length) {
      tx.update(communes)
        .set({ removedAt: at, updatedAt: at })
        .where(
          inArray(
            communes.code,
            plan.removed.map((u) => u.code),
          ),
        )
        .run();
    }
    tx.insert(communeImports)
      .values({ source, summary, importedBy: importedBy ?? null, at })
      .run();
    return { ok: true, summary };
  });
}

/**
 * The current list as a CSV file in the import format, sorted by province and code, with a BOM so
 * that Excel reads the diacritics: code,name,type,provinceCode and, for people, the province's
 * name (ignored by the import).
 */
export function exportCommuneCsv(units: AdminUnits): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const rows = [...units.communes].sort(
    (a, b) => a.provinceCode.localeCompare(b.provinceCode) || a.code.localeCompare(b.code),
  );
  const lines = rows.map((c) => [c.code, quote(c.name), c.type, c.provinceCode, quote(c.provinceName)].join(","));
  return `\ufeffcode,name,type,provinceCode,province\n${lines.join("\n")}\n`;
}
