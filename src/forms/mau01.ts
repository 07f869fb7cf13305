// Mẫu số 01 (Phụ lục III, Decision 26/2026/QĐ-TTg): the registration form, filed by the producer.
import { FootnoteReferenceRun, type Paragraph, type Table } from "docx";
import { dateParts } from "../dates.js";
import {
  box,
  dateLine,
  dotString,
  dotsAfter,
  empty,
  field,
  fieldPair,
  fill,
  formLabel,
  layoutTable,
  makeDocument,
  nationalHeader,
  pack,
  para,
  present,
  provinceType,
  run,
  SIGNATURE_WIDTH,
  signatureBlock,
  TEXT_WIDTH,
  title,
} from "./docx-kit.js";
import { factsOf } from "./facts.js";
import { formsText } from "./text.js";
import type { FormsInput, RegistrationKind } from "./types.js";

const KINDS: RegistrationKind[] = ["first", "upgrade", "re-evaluation"];

export function mau01Children(input: FormsInput): (Paragraph | Table)[] {
  const t = formsText();
  const m = t.mau01;
  const f = factsOf(input);
  const org = input.organisation ?? {};
  const rep = org.representative ?? {};
  const year = input.year ?? dateParts(input.dates?.["mau-01"])?.year;

  const groupParts = [
    f.sector && `${m.sector} ${f.sector}`,
    f.group && `${m.group} ${f.group}`,
    f.set && `${m.set} ${f.set}`,
  ].filter((x): x is string => Boolean(x));

  const agency = (heading: string): (Paragraph | Table)[] => [
    para(heading, { bold: true, align: "left", before: 240, keepNext: true }),
    para(m.ticket, { align: "left", keepNext: true }),
    field(m.received, undefined, { keepNext: true }),
    ...fieldPair(m.receiver, undefined, m.signature, undefined, { keepNext: true }),
    layoutTable(
      [
        [
          [],
          [
            para(m.agencySign, { bold: true, align: "center", after: 0 }),
            para(m.agencySignNote, { italics: true, align: "center" }),
            empty(),
            empty(),
          ],
        ],
      ],
      Math.round(TEXT_WIDTH * 0.42),
    ),
  ];

  return [
    formLabel("mau-01"),
    ...nationalHeader(),
    empty(),
    title(m.title, { before: 120 }),
    title(m.subtitle),
    title(
      fill(
        m.subtitle2,
        { provinceType: provinceType(f.province), province: present(f.province?.name), year },
        dotString(5),
      ),
      { after: 240 },
    ),

    para(m.s1, { bold: true, align: "left" }),
    field(m.unitName, org.name),
    field(m.representative, rep.fullName),
    field(m.position, rep.position),
    field(m.address, org.address),
    ...fieldPair(m.phone, org.phone, m.email, org.email),

    field(m.s2, f.product, { labelBold: true }),

    para([run(m.s3, { bold: true }), new FootnoteReferenceRun(1), run(m.s3End, { bold: true })], { align: "left" }),
    ...(groupParts.length ? groupParts.map((g) => para(g, { left: 360 })) : [para(dotsAfter(0), { align: "left" })]),

    para(
      [
        run(m.s4, { bold: true }),
        ...KINDS.flatMap((k) => [run(`    ${t.common.registrationKinds[k]} `), box(input.registrationKind === k)]),
      ],
      { align: "left" },
    ),

    para(m.s5, { bold: true, align: "left" }),
    para(m.attachment),
    field(m.samples, input.samples),

    para(m.commitment, { firstLine: 567, before: 120 }),
    signatureBlock({
      dateLine: dateLine(f.place, input.dates?.["mau-01"], SIGNATURE_WIDTH),
      title: m.signTitle,
      note: m.signNote,
      name: rep.fullName,
    }),

    para(m.agencyTitle, { bold: true, align: "center", pageBreakBefore: true, after: 160 }),
    ...agency(m.agencyCommune),
    ...agency(m.agencyProvince),
  ];
}

export function buildMau01(input: FormsInput): Promise<Buffer> {
  const t = formsText();
  return pack(
    makeDocument({
      title: t.documentTitles["mau-01"],
      children: mau01Children(input),
      footnotes: { 1: t.mau01.footnote },
    }),
  );
}
