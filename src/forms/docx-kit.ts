// Building blocks shared by the three forms: the A4 page and font of Vietnamese administrative
// documents, the national header, dotted lines for missing values, the date line and the
// signature block.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { type DateInput, dateParts, formatDate } from "../dates.js";
import { formsText } from "./text.js";
import type { CommuneRef, FormKind, ProvinceRef } from "./types.js";

// ---------------------------------------------------------------------------------------------
// Values

export type Values = Readonly<Record<string, string | number | undefined>>;

/** A value worth printing: non-empty after trimming. */
export function present(value: string | number | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text ? text : undefined;
}

/** Fills {name} placeholders; a missing value becomes `missing` (a short dotted run by default). */
export function fill(template: string, values: Values, missing = DOTS_SHORT): string {
  return template.replace(/\{([A-Za-z0-9]+)\}/g, (_, name: string) => present(values[name]) ?? missing);
}

/** dd/mm/yyyy, or the text as given when it is not a date. */
export function shortDate(date: DateInput | undefined): string | undefined {
  return present(formatDate(date));
}

export function unitType(commune: CommuneRef | undefined): string {
  return formsText().common.unitTypes[commune?.type ?? "commune"];
}

export function provinceType(province: ProvinceRef | undefined): string {
  return formsText().common.provinceTypes[province?.type ?? "province"];
}

/** The commune and its province as an address, e.g. "Xã Cái Nước, tỉnh Cà Mau"; undefined without a commune. */
export function unitAddress(commune: CommuneRef | undefined): string | undefined {
  if (!commune) return undefined;
  const unit = `${unitType(commune)} ${commune.name}`;
  const province = commune.province ? `, ${provinceType(commune.province)} ${commune.province.name}` : "";
  return `${unit.charAt(0).toLocaleUpperCase("vi-VN")}${unit.slice(1)}${province}`;
}

/** Vietnamese upper case ("xã Cái Nước" → "XÃ CÁI NƯỚC"). */
export function upper(text: string): string {
  return text.toLocaleUpperCase("vi-VN");
}

// ---------------------------------------------------------------------------------------------
// Page, font and runs

export const FONT = "Times New Roman";
/** The font of the ticked/empty boxes, whose glyphs Times New Roman lacks. */
export const SYMBOL_FONT = "Segoe UI Symbol";
/** Half-points: 13 pt body text. */
export const BODY_SIZE = 26;
/** Half-points: 11 pt for the text of wide tables. */
export const TABLE_SIZE = 22;

const mm = (v: number) => Math.round((v * 1440) / 25.4);
export const A4 = { width: 11906, height: 16838 } as const;
export const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;
/** Width of the text between the margins, in twips. */
export const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

/** "…" characters of 13 pt that fill a full line of text (one is 1 em wide in Times New Roman). */
const LINE_DOTS = Math.floor(TEXT_WIDTH / 20 / 13) - 1;
const ELLIPSIS = "\u2026";
export const DOTS_SHORT = ELLIPSIS.repeat(6);

/** A dotted run, n "…" long. */
export function dotString(n: number): string {
  return ELLIPSIS.repeat(Math.max(1, n));
}

/** Dots to the end of a line that already holds `used` characters of text (estimated at half an em each). */
export function dotsAfter(used: number): string {
  return dotString(Math.max(6, Math.floor(LINE_DOTS - used * 0.5)));
}

export const FULL_LINE = dotString(LINE_DOTS);

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    bold: style.bold,
    italics: style.italics,
    size: style.size,
    underline: style.underline ? {} : undefined,
  });
}

/** Runs of a multi-line text, the lines separated by line breaks. */
function lineRuns(text: string, style: RunStyle): TextRun[] {
  return text.split(/\r?\n/).map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : undefined,
        bold: style.bold,
        italics: style.italics,
        size: style.size,
      }),
  );
}

export function box(on: boolean | undefined): TextRun {
  const t = formsText().common;
  return new TextRun({ text: on ? t.checkboxOn : t.checkboxOff, font: SYMBOL_FONT });
}

export interface ParaOptions {
  align?: "left" | "center" | "right" | "justify";
  bold?: boolean;
  italics?: boolean;
  size?: number;
  /** First-line indent in twips. */
  firstLine?: number;
  /** Left indent in twips. */
  left?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

export function para(children: string | ParagraphChild[], o: ParaOptions = {}): Paragraph {
  const style: RunStyle = { bold: o.bold, italics: o.italics, size: o.size };
  return new Paragraph({
    children: typeof children === "string" ? lineRuns(children, style) : children,
    alignment: ALIGN[o.align ?? "justify"],
    indent: o.firstLine !== undefined || o.left !== undefined ? { firstLine: o.firstLine, left: o.left } : undefined,
    spacing: o.before !== undefined || o.after !== undefined ? { before: o.before, after: o.after } : undefined,
    keepNext: o.keepNext,
    pageBreakBefore: o.pageBreakBefore,
  });
}

export const empty = (): Paragraph => para("", { after: 0 });

/** "label value", or "label ……" to the end of the line when the value is missing. */
export function field(
  label: string,
  value: string | number | undefined,
  o: ParaOptions & { labelBold?: boolean } = {},
): Paragraph {
  const v = present(value);
  const labelRun = run(label, { bold: o.labelBold });
  if (v === undefined) return para([labelRun, run(` ${dotsAfter(label.length)}`)], { align: "left", ...o });
  return para([labelRun, run(" "), ...lineRuns(v, {})], o);
}

/**
 * Two fields on one line ("Điện thoại: … Email: …"), each dotted when missing; on two lines when
 * the labels and values leave too little room to write on.
 */
export function fieldPair(
  label1: string,
  value1: string | undefined,
  label2: string,
  value2: string | undefined,
  o: ParaOptions = {},
): Paragraph[] {
  const v1 = present(value1);
  const v2 = present(value2);
  const used = label1.length + label2.length + (v1?.length ?? 0) + (v2?.length ?? 0) + 6;
  const room = LINE_DOTS - used * 0.5;
  const missing = (v1 === undefined ? 1 : 0) + (v2 === undefined ? 1 : 0);
  if (missing && room / missing < 6) return [field(label1, v1, o), field(label2, v2, o)];
  const dots = missing ? dotString(Math.floor(room / missing)) : "";
  return [para([run(`${label1} `), run(v1 ?? dots), run(`    ${label2} `), run(v2 ?? dots)], { align: "left", ...o })];
}

/** A text block under a heading: its paragraphs, or `lines` full dotted lines when missing. */
export function textBlock(value: string | undefined, lines = 2, o: ParaOptions = {}): Paragraph[] {
  const v = present(value);
  if (v === undefined) return Array.from({ length: lines }, () => para(FULL_LINE, { align: "left", ...o }));
  return v
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => para(l.trim(), { firstLine: mm(10), ...o }));
}

/** A checkbox item: "label ☐" (☑ when ticked). */
export function check(label: string, on: boolean | undefined, o: ParaOptions = {}): Paragraph {
  return para([run(`${label} `), box(on)], { align: "left", ...o });
}

// ---------------------------------------------------------------------------------------------
// Header, titles, date line and signature

const NO_BORDERS = TableBorders.NONE;

/** The national name and motto, centered; the motto bold and underlined. */
export function nationalHeader(size = BODY_SIZE): Paragraph[] {
  const t = formsText().common;
  return [
    para([run(t.country, { bold: true, size: size - 2 })], { align: "center", after: 0 }),
    para([run(t.motto, { bold: true, underline: true, size })], { align: "center", after: 0 }),
  ];
}

/** A short horizontal line under an issuer's name. */
export function shortRule(widthTwips: number, columnTwips: number): Paragraph {
  const side = Math.max(0, Math.round((columnTwips - widthTwips) / 2));
  return new Paragraph({
    children: [],
    indent: { left: side, right: side },
    spacing: { before: 0, after: 120, line: 120 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
  });
}

function plainCell(children: Paragraph[], width: number, o: { span?: number } = {}): TableCell {
  return new TableCell({
    children: children.length ? children : [empty()],
    width: { size: width, type: WidthType.DXA },
    columnSpan: o.span,
    borders: {
      top: { style: BorderStyle.NONE },
      bottom: { style: BorderStyle.NONE },
      left: { style: BorderStyle.NONE },
      right: { style: BorderStyle.NONE },
    },
  });
}

/** A borderless layout table of two columns, one row per pair of cell contents. */
export function layoutTable(rows: [Paragraph[], Paragraph[]][], leftWidth: number): Table {
  const rightWidth = TEXT_WIDTH - leftWidth;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: 0, right: 0 },
    rows: rows.map(([l, r]) => new TableRow({ children: [plainCell(l, leftWidth), plainCell(r, rightWidth)] })),
  });
}

/** Twips of a character of 13 pt text, estimated on the wide side (half an em; "…" is a full em). */
const CHAR_TWIPS = 130;
const ELLIPSIS_TWIPS = 260;

/**
 * "Cái Nước, ngày 05 tháng 02 năm 2026" (days below 10 and months 1–2 with a 0), dotted where
 * unknown: as many "…" as fit, so the line stays on one line of a column `width` twips wide.
 */
export function dateLineText(place: string | undefined, date: DateInput | undefined, width: number): string {
  const p = dateParts(date);
  const values = {
    place: present(place),
    day: p ? String(p.day).padStart(2, "0") : undefined,
    month: p ? (p.month < 3 ? String(p.month).padStart(2, "0") : String(p.month)) : undefined,
    year: p?.year,
  };
  const template = formsText().common.dateLine;
  const missing = Object.values(values).filter((v) => v === undefined).length;
  if (missing === 0) return fill(template, values);
  const written = fill(template, values, "").length * CHAR_TWIPS;
  const dots = Math.floor((width - written - ELLIPSIS_TWIPS) / (ELLIPSIS_TWIPS * missing));
  return fill(template, values, dotString(Math.min(4, Math.max(1, dots))));
}

export function dateLine(place: string | undefined, date: DateInput | undefined, width: number): Paragraph {
  return para(dateLineText(place, date, width), { italics: true, align: "center", after: 0 });
}

/** The label Phụ lục III puts above a form ("Mẫu số 01: Phiếu đăng ký …"), bold. */
export function formLabel(kind: FormKind, align: ParaOptions["align"] = "left"): Paragraph {
  return para(formsText().formLabels[kind], { bold: true, align, after: 120 });
}

/** The width of the signature column (the right part of signatureBlock), in twips. */
export const SIGNATURE_WIDTH = TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.42);

export interface SignatureOptions {
  title: string;
  note: string;
  /** Printed above the title; make it with dateLine(…, SIGNATURE_WIDTH). */
  dateLine?: Paragraph;
  /** The signer's position (e.g. "CHỦ TỊCH"), under the title. */
  position?: string | undefined;
  name?: string | undefined;
  /** The left column (e.g. the recipients). */
  left?: Paragraph[];
}

/** The signature block on the right half of the page. */
export function signatureBlock(o: SignatureOptions): Table {
  const right: Paragraph[] = [];
  if (o.dateLine) right.push(o.dateLine);
  right.push(para(o.title, { bold: true, align: "center", after: 0 }));
  const position = present(o.position);
  if (position) right.push(para(upper(position), { bold: true, align: "center", after: 0 }));
  right.push(para(o.note, { italics: true, align: "center", after: 0 }));
  for (let i = 0; i < 4; i++) right.push(empty());
  const name = present(o.name);
  right.push(para(name ?? dotString(14), { bold: name !== undefined, align: "center" }));
  return layoutTable([[o.left ?? [], right]], TEXT_WIDTH - SIGNATURE_WIDTH);
}

export function title(text: string, o: ParaOptions = {}): Paragraph {
  return para(text, { bold: true, align: "center", after: 0, ...o });
}

// ---------------------------------------------------------------------------------------------
// Bordered tables

export interface CellOptions {
  width: number;
  span?: number;
  bold?: boolean;
  italics?: boolean;
  align?: ParaOptions["align"];
  shade?: string;
  size?: number;
}

/** A bordered table cell; `lines` become one paragraph each. */
export function cell(lines: string | string[], o: CellOptions): TableCell {
  const list = (typeof lines === "string" ? [lines] : lines).filter((l) => l !== "");
  return new TableCell({
    children: (list.length ? list : [""]).map((l) =>
      para(l, { bold: o.bold, italics: o.italics, align: o.align ?? "left", size: o.size ?? TABLE_SIZE, after: 0 }),
    ),
    width: { size: o.width, type: WidthType.DXA },
    columnSpan: o.span,
    verticalAlign: VerticalAlignTable.TOP,
    shading: o.shade ? { fill: o.shade, type: ShadingType.CLEAR, color: "auto" } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

/** A bordered table of fixed column widths (twips, summing to at most the text width). */
export function gridTable(widths: number[], rows: TableRow[]): Table {
  const single = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: single,
      bottom: single,
      left: single,
      right: single,
      insideHorizontal: single,
      insideVertical: single,
    },
    rows,
  });
}

/** Column widths from fractions of the text width. */
export function widthsOf(fractions: number[]): number[] {
  const widths = fractions.map((f) => Math.floor(TEXT_WIDTH * f));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

// ---------------------------------------------------------------------------------------------
// Document

export interface DocumentOptions {
  title: string;
  children: (Paragraph | Table)[];
  footnotes?: Record<number, string>;
}

/** An A4 portrait document in Times New Roman 13 pt with the margins of Vietnamese administrative documents. */
export function makeDocument(o: DocumentOptions): Document {
  const fonts = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT };
  return new Document({
    title: o.title,
    creator: "OCOP",
    styles: {
      default: {
        document: {
          run: { font: fonts, size: BODY_SIZE, language: { value: "vi-VN" } },
          paragraph: { spacing: { before: 0, after: 80, line: 276 } },
        },
      },
    },
    footnotes: o.footnotes
      ? Object.fromEntries(
          Object.entries(o.footnotes).map(([k, v]) => [k, { children: [para(v, { size: 20, after: 0 })] }]),
        )
      : undefined,
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: { ...MARGINS, header: mm(10), footer: mm(10) },
          },
        },
        children: o.children,
      },
    ],
  });
}

export function pack(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}
