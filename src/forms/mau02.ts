// Mẫu số 02 (Phụ lục III, Decision 26/2026/QĐ-TTg): the producer's self-assessment report.
// Part III is the self-scoring in rubric order, the totals and the indicative stars, then the
// list of evidence attached and still missing.
import { type Paragraph, type Table, TableRow } from "docx";
import { missingEvidenceKinds } from "../domain/readiness.js";
import {
  appliesInCase,
  type Criterion,
  type EvidenceKind,
  type PlacedCriterion,
  type Sheet,
} from "../domain/rubric.js";
import { chosenOption, type ScoreResult } from "../domain/scoring.js";
import {
  cell,
  check,
  DOTS_SHORT,
  dateLine,
  dotString,
  empty,
  field,
  fieldPair,
  fill,
  formLabel,
  gridTable,
  makeDocument,
  nationalHeader,
  pack,
  para,
  present,
  run,
  SIGNATURE_WIDTH,
  shortDate,
  signatureBlock,
  textBlock,
  title,
  widthsOf,
} from "./docx-kit.js";
import { factsOf } from "./facts.js";
import { type FormsText, formsText } from "./text.js";
import type { AssessmentInput, EvidenceItem, FormsInput } from "./types.js";

const PART_SHADE = "D9D9D9";
const GROUP_SHADE = "F2F2F2";
const COLUMNS = widthsOf([0.22, 0.24, 0.09, 0.25, 0.2]);

function partHeading(text: string): Paragraph[] {
  return [para(text, { bold: true, align: "center", before: 240, after: 0, keepNext: true })];
}

function sectionTitle(text: string): Paragraph {
  return para(text, { bold: true, align: "center", after: 160, keepNext: true });
}

/** The group number as printed: "A1" → "1", "C6.1" → "6.1". */
export function groupNumber(part: string, id: string): string {
  return id.startsWith(part) && id.length > part.length ? id.slice(part.length) : id;
}

function itemName(t: FormsText, item: EvidenceItem): string {
  const kind = item.kind ? t.evidenceKinds[item.kind].label : undefined;
  const name = present(item.fileName) ?? (item.media ? t.common.evidenceMedia[item.media] : undefined);
  if (name && kind) return `${name} (${kind})`;
  return name ?? kind ?? DOTS_SHORT;
}

/** Kinds an attached file counts for: its own, or every kind its criterion expects. */
function kindsOf(item: EvidenceItem, criterion: Criterion): EvidenceKind[] {
  return item.kind ? [item.kind] : criterion.evidence;
}

function criterionRows(t: FormsText, a: AssessmentInput, c: PlacedCriterion): TableRow {
  const option = chosenOption(c, a.answers, a.caseId);
  const files = (a.evidence?.[c.id] ?? []).map((i) => itemName(t, i));
  return new TableRow({
    cantSplit: true,
    children: [
      cell(`${c.id} ${c.title}`, { width: COLUMNS[0]! }),
      cell(option?.label ?? DOTS_SHORT, { width: COLUMNS[1]! }),
      cell(`${option ? option.points : "…"}/${c.maxPoints}`, { width: COLUMNS[2]!, align: "center" }),
      cell(present(a.descriptions?.[c.id])?.split(/\r?\n/) ?? DOTS_SHORT, { width: COLUMNS[3]! }),
      cell(files.length ? files : DOTS_SHORT, { width: COLUMNS[4]! }),
    ],
  });
}

function headingRow(text: string, points: string, shade: string): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      cell(text, { width: COLUMNS[0]! + COLUMNS[1]!, span: 2, bold: true, shade }),
      cell(points, { width: COLUMNS[2]!, bold: true, align: "center", shade }),
      cell("", { width: COLUMNS[3]! + COLUMNS[4]!, span: 2, shade }),
    ],
  });
}

/** Part III's table: part, group and sub-group heading rows and one row per applicable criterion, in rubric order. */
export function assessmentTable(t: FormsText, a: AssessmentInput, result: ScoreResult): Table {
  const m = t.mau02;
  const { sheet, caseId } = a;
  const applies = (c: Criterion) => appliesInCase(c, caseId);
  const placed = new Map(sheet.criteria.map((c) => [c.id, c]));
  const subtotal = (id: string, max: number) => `${result.groups[id]?.points ?? 0}/${max}`;

  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [m.colCriterion, m.colOption, m.colPoints, m.colDescription, m.colEvidence].map((h, i) =>
        cell(h, { width: COLUMNS[i]!, bold: true, align: "center", shade: PART_SHADE }),
      ),
    }),
  ];
  for (const p of sheet.parts) {
    const part = sheet.version.parts.find((x) => x.id === p.part);
    const partTotal = result.parts[p.part];
    rows.push(
      headingRow(
        fill(m.partRow, { part: p.part, title: part?.title ?? p.part, max: part?.maxPoints }),
        partTotal ? `${partTotal.points}/${partTotal.max}` : "",
        PART_SHADE,
      ),
    );
    for (const g of p.groups) {
      if (![...g.criteria, ...g.subgroups.flatMap((sg) => sg.criteria)].some(applies)) continue;
      rows.push(
        headingRow(
          fill(m.groupRow, { number: groupNumber(p.part, g.id), title: g.title, max: g.maxPoints }),
          subtotal(g.id, g.maxPoints),
          GROUP_SHADE,
        ),
      );
      for (const c of g.criteria.filter(applies)) rows.push(criterionRows(t, a, placed.get(c.id)!));
      for (const sg of g.subgroups) {
        if (!sg.criteria.some(applies)) continue;
        rows.push(
          headingRow(
            fill(m.groupRow, { number: groupNumber(p.part, sg.id), title: sg.title, max: sg.maxPoints }),
            subtotal(sg.id, sg.maxPoints),
            GROUP_SHADE,
          ),
        );
        for (const c of sg.criteria.filter(applies)) rows.push(criterionRows(t, a, placed.get(c.id)!));
      }
    }
  }
  return gridTable(COLUMNS, rows);
}

function totalsTable(t: FormsText, sheet: Sheet, result: ScoreResult): Table {
  const m = t.mau02;
  const widths = widthsOf([0.7, 0.3]);
  const rows = [
    new TableRow({
      children: [
        cell(m.colPart, { width: widths[0]!, bold: true, align: "center", shade: PART_SHADE, size: 26 }),
        cell(m.colSelfPoints, { width: widths[1]!, bold: true, align: "center", shade: PART_SHADE, size: 26 }),
      ],
    }),
    ...sheet.version.parts.map((p) => {
      const sub = result.parts[p.id];
      return new TableRow({
        children: [
          cell(fill(m.totalsPart, { part: p.id, title: p.title }), { width: widths[0]!, size: 26 }),
          cell(`${sub?.points ?? 0}/${sub?.max ?? p.maxPoints}`, { width: widths[1]!, align: "center", size: 26 }),
        ],
      });
    }),
    new TableRow({
      children: [
        cell(m.totalsTotal, { width: widths[0]!, bold: true, size: 26 }),
        cell(`${result.total}/${result.max}`, { width: widths[1]!, bold: true, align: "center", size: 26 }),
      ],
    }),
  ];
  return gridTable(widths, rows);
}

function criterionName(sheet: Sheet, id: string): string {
  const c = sheet.criteria.find((x) => x.id === id);
  return c ? `${c.id} ${c.title}` : id;
}

function resultNotes(t: FormsText, sheet: Sheet, result: ScoreResult): Paragraph[] {
  const m = t.mau02;
  const sep = t.common.listSeparator;
  const out: Paragraph[] = [];
  if (result.stars !== result.starsByPoints && result.markersMissed.length) {
    const misses = result.markersMissed
      .filter((x) => x.marker > result.stars)
      .map((x) =>
        fill(m.markerMiss, {
          criterion: criterionName(sheet, x.criterion),
          required: x.requiredPoints,
          marker: x.marker,
        }),
      );
    out.push(para(fill(m.markersMissed, { byPoints: result.starsByPoints, criteria: misses.join(sep) })));
  }
  if (result.unanswered.length) {
    out.push(para(fill(m.unanswered, { count: result.unanswered.length, criteria: result.unanswered.join(", ") })));
  }
  const requirement = (id: string) =>
    (sheet.disqualification.find((d) => d.id === id)?.requirement ?? criterionName(sheet, id)).replace(/[.…\s]+$/, "");
  if (result.stoppedBy.length)
    out.push(para(fill(m.stopped, { items: result.stoppedBy.map(requirement).join(sep) }), { bold: true }));
  if (result.pendingClearances.length) {
    out.push(para(fill(m.pendingClearances, { items: result.pendingClearances.map(requirement).join(sep) })));
  }
  return out;
}

export interface EvidenceSummary {
  /** Kinds with attached files, in the order of EVIDENCE_KINDS; files named with their criterion. */
  attached: { kind: EvidenceKind; files: string[] }[];
  /** Files whose criterion expects no particular kind. */
  other: string[];
  /** Expected kinds without a file, with the criteria (answered with points) that expect them. */
  missing: { kind: EvidenceKind; criteria: string[] }[];
}

/**
 * Which evidence is attached and which is missing, for the answered, applicable criteria. The
 * missing kinds are the chat's readiness checklist (missingEvidenceKinds), so both say the same.
 */
export function evidenceSummary(a: AssessmentInput, kinds: readonly EvidenceKind[]): EvidenceSummary {
  const t = formsText();
  const attached = new Map<EvidenceKind, string[]>();
  const other: string[] = [];
  const criteria = a.sheet.criteria.filter((c) => appliesInCase(c, a.caseId));
  for (const c of criteria) {
    for (const item of a.evidence?.[c.id] ?? []) {
      const name = `${itemName(t, { ...item, kind: undefined })} (${c.id})`;
      const ks = kindsOf(item, c);
      if (!ks.length) other.push(name);
      for (const k of ks) attached.set(k, [...(attached.get(k) ?? []), name]);
    }
  }
  const files = Object.entries(a.evidence ?? {}).flatMap(([criterionId, items]) =>
    items.map((i) => ({ criterionId, kind: i.kind })),
  );
  const missing = missingEvidenceKinds(criteria, a.answers, a.caseId, files).filter((m) => kinds.includes(m.kind));
  return {
    attached: kinds.filter((k) => attached.has(k)).map((k) => ({ kind: k, files: attached.get(k)! })),
    other,
    missing,
  };
}

function evidenceAppendix(t: FormsText, summary: EvidenceSummary): (Paragraph | Table)[] {
  const m = t.mau02;
  const widths = widthsOf([0.08, 0.4, 0.52]);
  const lines: { label: string; files: string[] }[] = summary.attached.map((x) => ({
    label: t.evidenceKinds[x.kind].label,
    files: x.files,
  }));
  if (summary.other.length) lines.push({ label: m.evidenceOther, files: summary.other });
  const rows = [
    new TableRow({
      tableHeader: true,
      children: [m.colNo, m.colKind, m.colFiles].map((h, i) =>
        cell(h, { width: widths[i]!, bold: true, align: "center", shade: PART_SHADE }),
      ),
    }),
    ...(lines.length ? lines : [{ label: DOTS_SHORT, files: [DOTS_SHORT] }]).map(
      (l, i) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(String(i + 1), { width: widths[0]!, align: "center" }),
            cell(l.label, { width: widths[1]! }),
            cell(l.files, { width: widths[2]! }),
          ],
        }),
    ),
  ];
  return [
    para(m.evidenceTitle, { bold: true, align: "center", after: 160, pageBreakBefore: true }),
    gridTable(widths, rows),
  ];
}

function missingEvidence(t: FormsText, summary: EvidenceSummary): Paragraph[] {
  const m = t.mau02;
  return [
    para(m.missingTitle, { bold: true, before: 160, keepNext: true }),
    ...(summary.missing.length
      ? summary.missing.map((x) =>
          para(
            "- " +
              fill(m.missingItem, {
                kind: t.evidenceKinds[x.kind].label,
                criteria: x.criteria.join(", "),
                requirement: t.evidenceKinds[x.kind].requirement.replace(/\.+$/, ""),
              }),
          ),
        )
      : [para(m.missingNone, { italics: true })]),
  ];
}

export function mau02Children(input: FormsInput): (Paragraph | Table)[] {
  const t = formsText();
  const m = t.mau02;
  const f = factsOf(input);
  const org = input.organisation ?? {};
  const rep = org.representative ?? {};
  const legal = input.legal ?? {};
  const biz = input.business ?? {};
  const a = input.assessment;
  const result = f.score;
  const gender = rep.gender ? t.common.gender[rep.gender] : undefined;
  const caseTitle = a.caseId ? a.sheet.cases.find((c) => c.id === a.caseId)?.title : undefined;
  const sub = { left: 360 };
  const evidence = evidenceSummary(a, Object.keys(t.evidenceKinds) as EvidenceKind[]);

  return [
    formLabel("mau-02"),
    ...nationalHeader(),
    empty(),
    title(m.title, { before: 120 }),
    para(m.subtitle, { italics: true, align: "center", after: 240 }),

    // Phần I
    ...partHeading(m.part1),
    sectionTitle(m.part1Title),
    field(m.i1, org.name),
    field(m.i2, org.typeLabel),
    field(m.i3, org.address),
    ...fieldPair(m.i4, org.phone, m.email, org.email),
    para(m.i5, { align: "left", keepNext: true }),
    field(m.fullName, rep.fullName, sub),
    para(
      [
        run(`${m.gender} `),
        run(gender ?? dotString(6)),
        run(` ${t.common.genderHint}; ${m.ethnicity} `),
        run(present(rep.ethnicity) ?? dotString(8)),
      ],
      { align: "left", ...sub },
    ),
    field(m.permanentAddress, rep.permanentAddress, sub),
    ...fieldPair(m.i6, shortDate(org.foundedOn), m.registrationNumber, org.registrationNumber),
    para(m.i7, { align: "left", keepNext: true }),
    field(m.productName, f.product, sub),
    field(m.productDescription, input.product?.description, sub),
    field(m.productStandard, input.product?.standard, sub),
    para(m.markIntro, { italics: true, align: "left", keepNext: true }),
    check(m.businessRegistration, legal.businessRegistration, sub),
    check(m.qualityDeclared, legal.qualityDeclared, sub),
    para(m.productionConditions, { align: "left", ...sub, keepNext: true }),
    check(m.foodSafetyCertificate, legal.foodSafetyCertificate, { left: 720 }),
    check(m.productionCertificate, legal.productionCertificate, { left: 720 }),
    check(
      m.intellectualProperty,
      Boolean(
        legal.trademark ||
          legal.geographicalIndication ||
          legal.patent ||
          legal.industrialDesign ||
          legal.copyright ||
          present(legal.otherIp),
      ),
      sub,
    ),
    check(m.trademark, legal.trademark, { left: 720 }),
    check(m.geographicalIndication, legal.geographicalIndication, { left: 720 }),
    check(m.patent, legal.patent, { left: 720 }),
    check(m.industrialDesign, legal.industrialDesign, { left: 720 }),
    check(m.copyright, legal.copyright, { left: 720 }),
    check(m.otherIp + (present(legal.otherIp) ? ` ${present(legal.otherIp)}` : ""), Boolean(present(legal.otherIp)), {
      left: 720,
    }),
    para(m.i8, { align: "left", keepNext: true }),
    ...textBlock(org.history, 2),
    para(m.i9, { align: "left", keepNext: true }),
    ...textBlock(org.structure, 2),

    // Phần II
    ...partHeading(m.part2),
    sectionTitle(m.part2Title),
    para(m.p2Production, { align: "left", keepNext: true }),
    field(m.p2RawMaterial, biz.rawMaterialArea, sub),
    field(m.p2Technology, biz.technology, sub),
    field(m.p2Processing, biz.processing, sub),
    field(m.p2Packaging, biz.packaging, sub),
    para(m.p2Changes, { align: "left", keepNext: true }),
    ...textBlock(biz.changes, 2),
    para(m.p2Markets, { align: "left", keepNext: true }),
    ...textBlock(biz.markets, 2),
    para(m.p2Results, { align: "left", keepNext: true }),
    field(m.p2Revenue, biz.revenue, sub),
    field(m.p2Profit, biz.profit, sub),

    // Phần III
    ...partHeading(m.part3),
    sectionTitle(m.part3Title),
    para(fill(m.p3Basis, { source: a.sheet.version.legalSource, set: f.set })),
    ...(caseTitle ? [para(fill(m.caseLine, { case: caseTitle }))] : []),
    para(m.p3Intro),
    para(m.selfAssessed, { italics: true, bold: true, align: "center" }),
    assessmentTable(t, a, result),
    para(m.totalsTitle, { bold: true, align: "center", before: 240, keepNext: true }),
    totalsTable(t, a.sheet, result),
    para([run(fill(m.stars, { stars: result.stars }), { bold: true }), run(` ${m.selfAssessed}`, { italics: true })], {
      before: 160,
    }),
    ...resultNotes(t, a.sheet, result),
    para(m.starsDisclaimer, { italics: true }),
    ...missingEvidence(t, evidence),

    // Phần IV
    ...partHeading(m.part4),
    sectionTitle(m.part4Title),
    para(m.p4Intro, { keepNext: true }),
    ...textBlock(input.plan, 3),
    empty(),
    signatureBlock({
      dateLine: dateLine(f.place, input.dates?.["mau-02"], SIGNATURE_WIDTH),
      title: m.signTitle,
      note: m.signNote,
      name: rep.fullName,
    }),

    // Phụ lục: the evidence attached
    ...evidenceAppendix(t, evidence),
  ];
}

export function buildMau02(input: FormsInput): Promise<Buffer> {
  const t = formsText();
  return pack(makeDocument({ title: t.documentTitles["mau-02"], children: mau02Children(input) }));
}
