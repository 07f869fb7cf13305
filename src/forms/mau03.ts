// Mẫu số 03 (Phụ lục III, Decision 26/2026/QĐ-TTg): the commune People's Committee's report on
// four contents of the dossier, prefilled from the application and the officer's evaluation.
import type { Paragraph, Table } from "docx";
import { appliesInCase, LOCAL_CRITERIA, type LocalCriterion, optionsFor } from "../domain/rubric.js";
import { chosenOption } from "../domain/scoring.js";
import {
  dateLineText,
  dotString,
  empty,
  FULL_LINE,
  field,
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
  shortRule,
  signatureBlock,
  TEXT_WIDTH,
  textBlock,
  title,
  unitType,
  upper,
} from "./docx-kit.js";
import { factsOf } from "./facts.js";
import { formsText } from "./text.js";
import type { FormsInput } from "./types.js";

const LEFT = Math.round(TEXT_WIDTH * 0.38);

function topicParagraphs(input: FormsInput, topic: LocalCriterion): Paragraph[] {
  const t = formsText();
  const m = t.mau03;
  const a = input.assessment;
  const criterion = a.sheet.criteria.find((c) => c.local === topic && appliesInCase(c, a.caseId));
  const out: Paragraph[] = [para(t.localTopics[topic].heading, { bold: true, align: "left", keepNext: true })];

  // What the producer says: the option chosen in the self-assessment and the description.
  out.push(para(m.producerSays, { italics: true, align: "left", keepNext: true }));
  const chosen = criterion ? chosenOption(criterion, a.answers, a.caseId) : undefined;
  const description = criterion ? present(a.descriptions?.[criterion.id]) : undefined;
  if (criterion && chosen) {
    out.push(
      para(
        fill(m.producerChoice, {
          criterion: `${criterion.id} ${criterion.title}`,
          option: chosen.label,
          points: chosen.points,
          max: criterion.maxPoints,
        }),
        {
          left: 360,
        },
      ),
    );
  }
  if (description) out.push(...textBlock(description, 0, { left: 360, firstLine: 0 }));
  if (!chosen && !description) out.push(para(FULL_LINE, { align: "left" }));

  // The commune's own evaluation.
  out.push(
    para(fill(m.communeSays, { unitType: unitType(input.commune) }), { italics: true, align: "left", keepNext: true }),
  );
  const ev = input.communeEvaluation?.[topic];
  const option =
    criterion && ev?.optionId ? optionsFor(criterion, a.caseId).find((o) => o.id === ev.optionId) : undefined;
  const label = option?.label ?? present(ev?.optionLabel);
  const comment = present(ev?.comment);
  if (option && criterion)
    out.push(
      para(fill(m.communeChoice, { option: option.label, points: option.points, max: criterion.maxPoints }), {
        left: 360,
      }),
    );
  else if (label) out.push(para(label.endsWith(".") ? label : `${label}.`, { left: 360 }));
  if (comment) out.push(...textBlock(comment, 0, { left: 360, firstLine: 0 }));
  if (!label && !comment) {
    out.push(para(t.localTopics[topic].hint, { italics: true, size: 22 }));
    out.push(...textBlock(undefined, 3));
  }
  return out;
}

export function mau03Children(input: FormsInput): (Paragraph | Table)[] {
  const t = formsText();
  const m = t.mau03;
  const f = factsOf(input);
  const org = input.organisation ?? {};
  const rep = org.representative ?? {};
  const commune = present(input.commune?.name);
  const unit = unitType(input.commune);
  const unitLine = upper(fill(m.issuerUnit, { unitType: unit, commune }, dotString(4)));
  const gender = rep.gender ? t.common.gender[rep.gender] : undefined;
  const province = present(f.province?.name);
  const productLine = [f.product, f.set ? `(${f.set})` : undefined].filter(Boolean).join(" ");

  const header = layoutTable(
    [
      [
        [
          para(m.issuer, { align: "center", after: 0, size: 24 }),
          para(unitLine, { bold: true, align: "center", after: 0, size: 24 }),
          shortRule(1300, LEFT),
        ],
        nationalHeader(),
      ],
      [
        [para(m.number, { align: "center", before: 120 })],
        [
          para(dateLineText(commune, input.dates?.["mau-03"], TEXT_WIDTH - LEFT), {
            italics: true,
            align: "center",
            before: 120,
          }),
        ],
      ],
    ],
    LEFT,
  );

  const recipients = [
    para(m.recipients, { bold: true, italics: true, align: "left", after: 0, size: 24 }),
    para(fill(m.recipientProvince, { provinceType: provinceType(f.province), province }, dotString(4)), {
      align: "left",
      after: 0,
      size: 22,
    }),
    para(fill(m.recipientProducer, { producer: f.producer }, dotString(6)), { align: "left", after: 0, size: 22 }),
    para(m.recipientArchive, { align: "left", after: 0, size: 22 }),
  ];

  return [
    formLabel("mau-03", "center"),
    header,
    empty(),
    title(m.title, { before: 120 }),
    title(m.subtitle, { after: 240 }),

    para(m.s1, { bold: true, align: "left", keepNext: true }),
    field(m.i1, org.name),
    field(m.i2, org.typeLabel),
    field(m.i3, org.address),
    para(m.i4, { align: "left", keepNext: true }),
    field(m.fullName, rep.fullName, { left: 360 }),
    para(
      [
        run(`${m.gender} `),
        run(gender ?? dotString(6)),
        run(` ${t.common.genderHint}; ${m.ethnicity} `),
        run(present(rep.ethnicity) ?? dotString(8)),
      ],
      { align: "left", left: 360 },
    ),
    field(m.permanentAddress, rep.permanentAddress, { left: 360 }),
    field(m.i5, productLine),

    para(m.s2, { bold: true, align: "left", before: 120, keepNext: true }),
    ...LOCAL_CRITERIA.flatMap((topic) => topicParagraphs(input, topic)),

    para(
      fill(
        m.proposal,
        {
          unitType: unit,
          commune,
          provinceType: provinceType(f.province),
          province,
          product: f.product,
          producer: f.producer,
        },
        dotString(5),
      ),
      { firstLine: 567, before: 160 },
    ),
    empty(),
    signatureBlock({
      title: upper(fill(m.signTitle, { unitType: unit, commune }, dotString(4))),
      note: m.signNote,
      position: input.communeSigner?.position,
      name: input.communeSigner?.fullName,
      left: recipients,
    }),
  ];
}

export function buildMau03(input: FormsInput): Promise<Buffer> {
  const t = formsText();
  return pack(makeDocument({ title: t.documentTitles["mau-03"], children: mau03Children(input) }));
}
