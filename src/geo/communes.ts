// Vietnam's administrative units after the 1 July 2025 reorganisation (34 provinces, 3,320
// communes), loaded from src/data/vn-admin-2025/*.csv, and a forgiving commune search for
// people typing on a phone, with or without diacritics.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { fold } from "../text.js";

export const ADMIN_UNITS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../data/vn-admin-2025");

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
  /** The data set's own 5-digit code (not the official GSO code). */
  readonly code: string;
  /** Short name, e.g. "Cái Nước". */
  readonly name: string;
  /** e.g. "Xã Cái Nước, Tỉnh Cà Mau". */
  readonly fullName: string;
  /** `commune`: xã or đặc khu; `ward`: phường. */
  readonly type: "commune" | "ward";
  readonly provinceCode: string;
  /** Short name of the province, e.g. "Cà Mau". */
  readonly provinceName: string;
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
  readonly communes: readonly Commune[];
  province(code: string): Province | undefined;
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

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes ("" inside quotes is a quote;
 * quoted fields may contain commas and line breaks), LF or CRLF line ends, optional UTF-8 BOM.
 * Blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== "") rows.push(row);
    row = [];
    field = "";
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"' && field === "") {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error("CSV: unterminated quoted field");
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/** Rows of a CSV file with a header line, as objects keyed by the header; checks the header. */
function readTable(file: string, columns: readonly string[]): { line: number; record: Record<string, string> }[] {
  const [header, ...rows] = parseCsv(readFileSync(file, "utf8"));
  if (!header || columns.some((c) => !header.includes(c))) {
    throw new Error(`${file}: header must contain ${columns.join(",")}, found ${header?.join(",") ?? "nothing"}`);
  }
  return rows.map((cells, i) => {
    if (cells.length !== header.length) {
      throw new Error(`${file} row ${i + 2}: ${cells.length} fields, header has ${header.length}`);
    }
    return { line: i + 2, record: Object.fromEntries(header.map((h, j) => [h, cells[j]!])) };
  });
}

/** NFC, trimmed, without a stray trailing full stop (the data set has "Nam Đông Hà."). */
const cleanName = (s: string) => s.normalize("NFC").trim().replace(/\s*\.+$/, "");
const cleanFullName = (s: string) => s.normalize("NFC").trim().replace(/\.+(?=,)/g, "").replace(/\s*\.+$/, "");

const provinceRow = z.object({
  code: z.string().regex(/^\d{2}$/),
  name: z.string().transform(cleanName).pipe(z.string().min(1)),
  fullName: z.string().transform(cleanFullName).pipe(z.string().min(1)),
  type: z.enum(["province", "city"]),
});

const communeRow = z.object({
  code: z.string().regex(/^\d{5}$/),
  name: z.string().transform(cleanName).pipe(z.string().min(1)),
  fullName: z.string().transform(cleanFullName).pipe(z.string().min(1)),
  type: z.enum(["commune", "ward"]),
  provinceCode: z.string().regex(/^\d{2}$/),
});

// ---------------------------------------------------------------- search helpers

interface Token {
  /** Lower case, NFC, diacritics kept. */
  readonly marked: string;
  /** `fold(marked)`. */
  readonly folded: string;
}

/**
 * Words of a text for matching: lower case, apostrophes dropped ("M’Drắk" → "mdrắk"), other
 * punctuation as spaces, letters and digits split ("p1" → "p 1").
 */
function tokenize(text: string): Token[] {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/['’‘ʼ`´]/g, "")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .replace(/(\p{L})(?=\p{N})|(\p{N})(?=\p{L})/gu, "$1$2 ")
    .split(" ")
    .map((marked) => ({ marked, folded: fold(marked) }))
    .filter((t) => t.folded !== "");
}

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
  { words: ["dac", "khu"], type: "commune" },
  { words: ["thi", "tran"] },
  { words: ["phuong"], type: "ward" },
  { words: ["p"], type: "ward" },
  { words: ["xa"], type: "commune" },
  { words: ["x"], type: "commune" },
  { words: ["tt"] },
];

/** Words that may precede a province's name, folded. */
const PROVINCE_PREFIXES: readonly (readonly string[])[] = [["thanh", "pho"], ["tinh"], ["tp"]];

const startsWithWords = (tokens: readonly Token[], words: readonly string[]) =>
  words.length <= tokens.length && words.every((w, i) => tokens[i]!.folded === w);

const endsWithWords = (tokens: readonly Token[], words: readonly string[]) =>
  words.length <= tokens.length && words.every((w, i) => tokens[tokens.length - words.length + i]!.folded === w);

/** The name part of a query: the words themselves, and without a unit prefix word if it has one. */
function nameVariants(tokens: readonly Token[]): { tokens: readonly Token[]; type?: Commune["type"] }[] {
  const variants: { tokens: readonly Token[]; type?: Commune["type"] }[] = [{ tokens }];
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

export function loadAdminUnits(dir: string = ADMIN_UNITS_DIR): AdminUnits {
  const provinceFile = join(dir, "provinces.csv");
  const communeFile = join(dir, "communes.csv");

  const provinces: Province[] = [];
  const provinceByCode = new Map<string, Province>();
  for (const { line, record } of readTable(provinceFile, ["code", "name", "fullName", "type"])) {
    const parsed = provinceRow.safeParse(record);
    if (!parsed.success) throw new Error(`${provinceFile} row ${line}: ${z.prettifyError(parsed.error)}`);
    if (provinceByCode.has(parsed.data.code)) throw new Error(`${provinceFile} row ${line}: duplicate code ${parsed.data.code}`);
    const province: Province = Object.freeze({ ...parsed.data });
    provinces.push(province);
    provinceByCode.set(province.code, province);
  }

  const communes: Commune[] = [];
  const communeByCode = new Map<string, Commune>();
  for (const { line, record } of readTable(communeFile, ["code", "name", "fullName", "type", "provinceCode"])) {
    const parsed = communeRow.safeParse(record);
    if (!parsed.success) throw new Error(`${communeFile} row ${line}: ${z.prettifyError(parsed.error)}`);
    const row = parsed.data;
    const province = provinceByCode.get(row.provinceCode);
    if (!province) throw new Error(`${communeFile} row ${line}: unknown province code ${row.provinceCode}`);
    if (communeByCode.has(row.code)) throw new Error(`${communeFile} row ${line}: duplicate code ${row.code}`);
    const commune: Commune = Object.freeze({ ...row, provinceName: province.name });
    communes.push(commune);
    communeByCode.set(commune.code, commune);
  }

  // Fold every name once, here, so that a search only compares strings.
  const index: Indexed[] = communes.map((commune) => {
    const tokens = tokenize(commune.name);
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
    .forEach((entry, i) => (entry.order = i));
  const indexByProvince = new Map<string, Indexed[]>();
  for (const entry of index) {
    const list = indexByProvince.get(entry.commune.provinceCode) ?? [];
    list.push(entry);
    indexByProvince.set(entry.commune.provinceCode, list);
  }
  const provinceIndex: IndexedProvince[] = provinces.map((p) => {
    const words = tokenize(p.name).map((t) => t.folded);
    const keys = [words.join("")];
    if (words.length >= 3) keys.push(words.map((w) => w[0]).join(""));
    return { code: p.code, keys };
  });

  /**
   * Provinces named by the last or the first words of a query, each with the words left for the
   * commune's name. A province prefix word ("tỉnh", "thành phố", "tp") next to it is dropped.
   */
  function provinceParses(tokens: readonly Token[]): { code: string; rest: readonly Token[] }[] {
    const parses: { code: string; rest: readonly Token[] }[] = [];
    const namesProvince = (words: readonly Token[]) => {
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

  function collect(hits: Map<Indexed, Hit>, entries: readonly Indexed[], tokens: readonly Token[], minScore: number) {
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
    const tokens = tokenize(query);
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

let shipped: AdminUnits | undefined;

/** The shipped list, loaded on first use and kept for the life of the process. */
export function adminUnits(): AdminUnits {
  shipped ??= loadAdminUnits();
  return shipped;
}
