// Vietnam's administrative units after the 1 July 2025 reorganisation (34 provinces, 3,321
// communes, with the 2026 changes), read from src/data/vn-admin-2025/*.csv, and a forgiving commune
// search for people typing on a phone, with or without diacritics. The running product keeps the
// list in the database (seeded from these files, kept current by `npm run admin -- communes
// import`): see src/services/admin-units.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { projectPath } from "../paths.js";
import { fold, type SearchToken, searchTokens } from "../text.js";

export const ADMIN_UNITS_DIR = projectPath("src/data/vn-admin-2025");

/** xã, phường, đặc khu: the three kinds of commune-level unit (Law 72/2025/QH15 on local government, Art. 2). */
export const UNIT_TYPES = ["commune", "ward", "special-zone"] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export interface Province {
  /** The data set's own 2-digit code (not the official GSO code). */
  readonly code: string;
  /** Short name, e.g. "Cà Mau". */
  readonly name: string;
  /** e.g. "Tỉnh Cà Mau", "Thành phố Hà Nội". */
  readonly fullName: string;
  readonly type: "province" | "city";
}

export interface Commune {
  /** The list's own 5-digit code (not the official GSO code). */
  readonly code: string;
  /** Short name, without the kind of unit, e.g. "Cái Nước". */
  readonly name: string;
  /** `commune`: xã; `ward`: phường; `special-zone`: đặc khu. Shown with the name everywhere. */
  readonly type: UnitType;
  readonly provinceCode: string;
  /** Short name of the province, e.g. "Cà Mau". */
  readonly provinceName: string;
  /** Set on a unit an import removed or merged: still named in old records, never offered. */
  readonly removed?: true;
}
/**
 * One search result. `score` is the match tier of the commune's name, higher is better:
 * 4 the name is exactly what was typed, 3 the name starts with it, 2 every typed word starts a
 * word of the name (in any order), 1 the typed text occurs somewhere in the name.
 */
export interface CommuneMatch {
  readonly commune: Commune;
  readonly score: 1 | 2 | 3 | 4;
}

export interface AdminUnits {
  readonly provinces: readonly Province[];
  /** The current units (removed ones are left out). */
  readonly communes: readonly Commune[];
  province(code: string): Province | undefined;
  /** A unit by its code, including a removed one (it is marked `removed`). */
  commune(code: string): Commune | undefined;
  /**
   * Communes matching what a user typed, best first, at most `limit`. Accepts the name with or
   * without diacritics, an optional prefix word (xã, phường, đặc khu, thị trấn, p., x.), and an
   * optional province name before or after it ("xa cai nuoc ca mau", "Cà Mau, Cái Nước",
   * "tan phu tp hcm"), which keeps only that province's communes. Order: score (see
   * `CommuneMatch`), then diacritics as typed, then the unit type named by the prefix word, then
   * province name, commune name and code. Fewer than 2 letters or digits return [].
   */
  search(query: string, limit?: number): Commune[];
  /** The same results as `search`, with their scores. */
  searchScored(query: string, limit?: number): CommuneMatch[];
}

// ---------------------------------------------------------------- CSV

/** One commune row of a CSV file, checked. `replaces`: codes of units merged into this one. */
export interface UnitRow {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly type: UnitType;
  readonly provinceCode: string;
  readonly replaces: readonly string[];
}

/** What is wrong with a CSV file: `code` names the locale message `problem-<code>`. */
export interface UnitRowProblem {
  readonly line: number;
  readonly code:
    | "commune-csv"
    | "commune-header"
    | "commune-code"
    | "commune-name"
    | "commune-type"
    | "commune-province"
    | "commune-duplicate";
  readonly params: Record<string, string>;
}

/** Words accepted in the `type` column, folded: the English ids and the Vietnamese words. */
const TYPE_WORDS: Record<string, UnitType> = {
  commune: "commune",
  xa: "commune",
  ward: "ward",
  phuong: "ward",
  "special-zone": "special-zone",
  "dac khu": "special-zone",
};

/** NFC, trimmed, without a stray trailing full stop (the 2025 data set had "Nam Đông Hà."). */
const cleanName = (s: string) =>
  s
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\s*\.+$/, "");

/** Records of a CSV text (RFC 4180, UTF-8 with or without BOM, header row) with their line numbers; throws a CsvError. */
function readCsv(text: string): { line: number; record: Record<string, string> }[] {
  // A row may stop early (a spreadsheet drops empty trailing cells): the missing fields are empty.
  const rows = parse(text, {
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    relax_column_count_less: true,
  });
  return (rows as { record: Record<string, string>; info: { lines: number } }[]).map((r) => ({
    line: r.info.lines,
    record: r.record,
  }));
}

/**
 * The commune rows of a CSV file: columns `code` (5 digits), `name` (without "Xã"/"Phường"), `type`
 * (`commune`/`ward`/`special-zone`, or xã/phường/đặc khu), `provinceCode` (2 digits, one of
 * `provinceCodes`), and optionally `replaces` (codes of units merged into this one, separated by
 * spaces, commas or semicolons). Other columns (`fullName`, `slug`) are ignored. Never throws:
 * every problem is returned with its line.
 */
export function parseCommuneCsv(
  text: string,
  provinceCodes: ReadonlySet<string>,
): { rows: UnitRow[]; problems: UnitRowProblem[] } {
  let records: { line: number; record: Record<string, string> }[];
  try {
    records = readCsv(text);
  } catch (e) {
    return {
      rows: [],
      problems: [
        { line: (e as { lines?: number }).lines ?? 0, code: "commune-csv", params: { message: (e as Error).message } },
      ],
    };
  }
  const required = ["code", "name", "type", "provinceCode"];
  const header = Object.keys(records[0]?.record ?? {});
  const missing = required.filter((c) => !header.includes(c));
  if (records.length === 0 || missing.length) {
    return {
      rows: [],
      problems: [
        { line: 1, code: "commune-header", params: { columns: required.join(", "), missing: missing.join(", ") } },
      ],
    };
  }
  const rows: UnitRow[] = [];
  const problems: UnitRowProblem[] = [];
  const seen = new Set<string>();
  for (const { line, record } of records) {
    const code = record.code ?? "";
    const name = cleanName(record.name ?? "");
    const type = TYPE_WORDS[fold(record.type ?? "")];
    const provinceCode = record.provinceCode ?? "";
    const replaces = (record.replaces ?? "").split(/[\s,;]+/).filter(Boolean);
    const before = problems.length;
    if (!/^\d{5}$/.test(code)) problems.push({ line, code: "commune-code", params: { value: code } });
    if (!name || !/\p{L}/u.test(name))
      problems.push({ line, code: "commune-name", params: { value: record.name ?? "" } });
    if (!type) problems.push({ line, code: "commune-type", params: { value: record.type ?? "" } });
    if (!provinceCodes.has(provinceCode))
      problems.push({ line, code: "commune-province", params: { value: provinceCode } });
    for (const r of replaces)
      if (!/^\d{5}$/.test(r)) problems.push({ line, code: "commune-code", params: { value: r } });
    if (seen.has(code)) problems.push({ line, code: "commune-duplicate", params: { value: code } });
    seen.add(code);
    if (problems.length === before) rows.push({ line, code, name, type: type!, provinceCode, replaces });
  }
  return { rows, problems };
}

/** The provinces of a CSV file: `code,name,fullName,type` (`province` or `city`). Throws on a bad row. */
export function parseProvinceCsv(text: string, file = "provinces.csv"): Province[] {
  const seen = new Set<string>();
  return readCsv(text).map(({ line, record }) => {
    const province = {
      code: record.code ?? "",
      name: cleanName(record.name ?? ""),
      fullName: cleanName(record.fullName ?? ""),
      type: record.type,
    };
    if (
      !/^\d{2}$/.test(province.code) ||
      !province.name ||
      !province.fullName ||
      (province.type !== "province" && province.type !== "city") ||
      seen.has(province.code)
    ) {
      throw new Error(`${file} row ${line}: ${JSON.stringify(record)}`);
    }
    seen.add(province.code);
    return Object.freeze(province as Province);
  });
}

// ---------------------------------------------------------------- search helpers

interface Indexed {
  readonly commune: Commune;
  readonly folded: string;
  readonly words: readonly string[];
  readonly compact: string;
  readonly marked: string;
  readonly provinceFolded: string;
  /** Position in the order province name, commune name, code: the last tie-break, precomputed. */
  order: number;
}

interface IndexedProvince {
  readonly code: string;
  /** The folded name without spaces ("camau"), and its initials when it has 3 or more words ("hcm"). */
  readonly keys: readonly string[];
}

/**
 * Words that name the kind of unit before a commune's name, folded; the type they imply.
 * Thị trấn were abolished in 2025, but people still write it; it implies no type.
 */
const UNIT_PREFIXES: readonly { words: readonly string[]; type?: Commune["type"] }[] = [
  { words: ["dac", "khu"], type: "special-zone" },
  { words: ["thi", "tran"] },
  { words: ["phuong"], type: "ward" },
  { words: ["p"], type: "ward" },
  { words: ["xa"], type: "commune" },
  { words: ["x"], type: "commune" },
  { words: ["tt"] },
];

/** Words that may precede a province's name, folded. */
const PROVINCE_PREFIXES: readonly (readonly string[])[] = [["thanh", "pho"], ["tinh"], ["tp"]];

const startsWithWords = (tokens: readonly SearchToken[], words: readonly string[]) =>
  words.length <= tokens.length && words.every((w, i) => tokens[i]!.folded === w);

const endsWithWords = (tokens: readonly SearchToken[], words: readonly string[]) =>
  words.length <= tokens.length && words.every((w, i) => tokens[tokens.length - words.length + i]!.folded === w);

/** The name part of a query: the words themselves, and without a unit prefix word if it has one. */
function nameVariants(tokens: readonly SearchToken[]): { tokens: readonly SearchToken[]; type?: Commune["type"] }[] {
  const variants: { tokens: readonly SearchToken[]; type?: Commune["type"] }[] = [{ tokens }];
  for (const prefix of UNIT_PREFIXES) {
    if (tokens.length > prefix.words.length && startsWithWords(tokens, prefix.words)) {
      variants.push({ tokens: tokens.slice(prefix.words.length), type: prefix.type });
      break;
    }
  }
  return variants;
}

/** Score of a commune's name against the typed name words, or 0. */
function tier(entry: Indexed, query: string, compactQuery: string, words: readonly string[]): 0 | 1 | 2 | 3 | 4 {
  if (entry.folded === query) return 4;
  if (entry.folded.startsWith(query)) return 3;
  if (words.every((w) => entry.words.some((n) => n.startsWith(w)))) return 2;
  if (compactQuery.length >= 2 && entry.compact.includes(compactQuery)) return 1;
  return 0;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------- loading

/** A commune as stored: `removed` for a unit an import took out of the list. */
export interface UnitRecord {
  readonly code: string;
  readonly name: string;
  readonly type: UnitType;
  readonly provinceCode: string;
  readonly removed?: boolean;
}

/** The words of a name as search compares them (folded, punctuation dropped): "Kỳ Lừa" → "ky lua". */
export function searchKey(name: string): string {
  return searchTokens(name)
    .map((t) => t.folded)
    .join(" ");
}

/**
 * Builds the lookups and the search index over a list. Units whose province is unknown are left
 * out. Indexing 3,321 names takes a few milliseconds; a search then only compares strings.
 */
export function buildAdminUnits(provinceList: readonly Province[], units: readonly UnitRecord[]): AdminUnits {
  const provinces = provinceList.map((p) =>
    Object.freeze({ code: p.code, name: p.name, fullName: p.fullName, type: p.type }),
  );
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const communes: Commune[] = [];
  const communeByCode = new Map<string, Commune>();
  for (const unit of units) {
    const province = provinceByCode.get(unit.provinceCode);
    if (!province) continue;
    const commune: Commune = Object.freeze({
      code: unit.code,
      name: unit.name,
      type: unit.type,
      provinceCode: unit.provinceCode,
      provinceName: province.name,
      ...(unit.removed ? { removed: true as const } : {}),
    });
    communeByCode.set(commune.code, commune);
    if (!commune.removed) communes.push(commune);
  }

  // Fold every name once, here, so that a search only compares strings.
  const index: Indexed[] = communes.map((commune) => {
    const tokens = searchTokens(commune.name);
    const folded = tokens.map((t) => t.folded).join(" ");
    return {
      commune,
      folded,
      words: tokens.map((t) => t.folded),
      compact: folded.replaceAll(" ", ""),
      marked: tokens.map((t) => t.marked).join(" "),
      provinceFolded: fold(commune.provinceName),
      order: 0,
    };
  });
  [...index]
    .sort(
      (a, b) =>
        compare(a.provinceFolded, b.provinceFolded) ||
        compare(a.folded, b.folded) ||
        compare(a.commune.name, b.commune.name) ||
        compare(a.commune.code, b.commune.code),
    )
    .forEach((entry, i) => {
      entry.order = i;
    });
  const indexByProvince = new Map<string, Indexed[]>();
  for (const entry of index) {
    const list = indexByProvince.get(entry.commune.provinceCode) ?? [];
    list.push(entry);
    indexByProvince.set(entry.commune.provinceCode, list);
  }
  const provinceIndex: IndexedProvince[] = provinces.map((p) => {
    const words = searchTokens(p.name).map((t) => t.folded);
    const keys = [words.join("")];
    if (words.length >= 3) keys.push(words.map((w) => w[0]).join(""));
    return { code: p.code, keys };
  });

  /**
   * Provinces named by the last or the first words of a query, each with the words left for the
   * commune's name. A province prefix word ("tỉnh", "thành phố", "tp") next to it is dropped.
   */
  function provinceParses(tokens: readonly SearchToken[]): { code: string; rest: readonly SearchToken[] }[] {
    const parses: { code: string; rest: readonly SearchToken[] }[] = [];
    const namesProvince = (words: readonly SearchToken[]) => {
      const compact = words.map((t) => t.folded).join("");
      const bare = compact.startsWith("tp") ? compact.slice(2) : undefined; // "tphcm"
      return provinceIndex.filter((p) => p.keys.includes(compact) || (bare !== undefined && p.keys.includes(bare)));
    };
    for (let n = 1; n < tokens.length && n <= 4; n++) {
      for (const p of namesProvince(tokens.slice(tokens.length - n))) {
        // Both readings: "An Tịnh, Tây Ninh" is the ward An Tịnh, not "An" in Tỉnh Tây Ninh.
        const rest = tokens.slice(0, tokens.length - n);
        parses.push({ code: p.code, rest });
        const prefix = PROVINCE_PREFIXES.find((w) => rest.length > w.length && endsWithWords(rest, w));
        if (prefix) parses.push({ code: p.code, rest: rest.slice(0, rest.length - prefix.length) });
      }
      const prefix = PROVINCE_PREFIXES.find((w) => startsWithWords(tokens, w));
      for (const skip of prefix ? [0, prefix.length] : [0]) {
        if (skip + n >= tokens.length) continue;
        for (const p of namesProvince(tokens.slice(skip, skip + n))) {
          parses.push({ code: p.code, rest: tokens.slice(skip + n) });
        }
      }
    }
    return parses;
  }

  interface Hit {
    entry: Indexed;
    score: 1 | 2 | 3 | 4;
    accents: boolean;
    typeMatch: boolean;
  }

  function collect(
    hits: Map<Indexed, Hit>,
    entries: readonly Indexed[],
    tokens: readonly SearchToken[],
    minScore: number,
  ) {
    for (const variant of nameVariants(tokens)) {
      const words = variant.tokens.map((t) => t.folded);
      const query = words.join(" ");
      const compactQuery = words.join("");
      const marked = variant.tokens.map((t) => t.marked).join(" ");
      const typedAccents = marked !== query;
      for (const entry of entries) {
        const score = tier(entry, query, compactQuery, words);
        if (score < minScore || score === 0) continue;
        const hit: Hit = {
          entry,
          score,
          accents: typedAccents && entry.marked.includes(marked),
          typeMatch: variant.type !== undefined && variant.type === entry.commune.type,
        };
        const previous = hits.get(entry);
        if (!previous || rank(hit, previous) < 0) hits.set(entry, hit);
      }
    }
  }

  function rank(a: Hit, b: Hit): number {
    return (
      b.score - a.score ||
      Number(b.accents) - Number(a.accents) ||
      Number(b.typeMatch) - Number(a.typeMatch) ||
      a.entry.order - b.entry.order
    );
  }

  function searchScored(query: string, limit = 8): CommuneMatch[] {
    const tokens = searchTokens(query);
    if (limit <= 0 || tokens.map((t) => t.folded).join("").length < 2) return [];

    // Words naming a province keep only its communes. The whole query read as a name still counts
    // when the name starts with it, e.g. "Phú Thọ Hòa" (a ward of Hồ Chí Minh City), not
    // "Hòa" in Phú Thọ province.
    const hits = new Map<Indexed, Hit>();
    for (const { code, rest } of provinceParses(tokens)) {
      if (rest.length > 0) collect(hits, indexByProvince.get(code) ?? [], rest, 1);
    }
    collect(hits, index, tokens, hits.size > 0 ? 3 : 1);

    return [...hits.values()]
      .sort(rank)
      .slice(0, limit)
      .map((h) => ({ commune: h.entry.commune, score: h.score }));
  }

  return Object.freeze({
    provinces: Object.freeze(provinces),
    communes: Object.freeze(communes),
    province: (code: string) => provinceByCode.get(code),
    commune: (code: string) => communeByCode.get(code),
    search: (query: string, limit = 8) => searchScored(query, limit).map((m) => m.commune),
    searchScored,
  });
}

/** Reads and checks the list in `dir` (provinces.csv, communes.csv). Throws, naming the row, on a bad file. */
export function loadAdminUnits(dir: string = ADMIN_UNITS_DIR): AdminUnits {
  const { provinces, units } = readAdminUnitFiles(dir);
  return buildAdminUnits(provinces, units);
}

/** The provinces and communes of the files in `dir`, checked. Throws, naming the file and row. */
export function readAdminUnitFiles(dir: string = ADMIN_UNITS_DIR): { provinces: Province[]; units: UnitRow[] } {
  const provinceFile = join(dir, "provinces.csv");
  const communeFile = join(dir, "communes.csv");
  const provinces = parseProvinceCsv(readFileSync(provinceFile, "utf8"), provinceFile);
  const { rows, problems } = parseCommuneCsv(readFileSync(communeFile, "utf8"), new Set(provinces.map((p) => p.code)));
  const first = problems[0];
  if (first) throw new Error(`${communeFile} row ${first.line}: ${first.code} ${JSON.stringify(first.params)}`);
  return { provinces, units: rows };
}

let shippedFiles: ReturnType<typeof readAdminUnitFiles> | undefined;
let shipped: AdminUnits | undefined;

/** The shipped files' rows, read once per process (parsing them takes ~70 ms). */
export function shippedAdminUnitFiles(): { provinces: Province[]; units: UnitRow[] } {
  shippedFiles ??= readAdminUnitFiles();
  return shippedFiles;
}

/** The shipped list, loaded on first use and kept for the life of the process. */
export function adminUnits(): AdminUnits {
  shipped ??= buildAdminUnits(shippedAdminUnitFiles().provinces, shippedAdminUnitFiles().units);
  return shipped;
}
