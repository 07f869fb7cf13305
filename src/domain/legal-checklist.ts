// What the self-assessment already says about the boxes of Mẫu 02, item I.7 (Decision 26/2026,
// Phụ lục III): business registration, quality declaration, production certificates and the
// intellectual-property titles. Only what an answer implies is suggested; an option satisfied by
// any one of several titles ("…, Bằng sáng chế … hoặc Giấy chứng nhận đăng ký quyền tác giả")
// implies none of them, so the producer is asked which one. Pure functions over the rubric's
// wording, which is the same in the 26 sheets of Decision 26/2026 and in the earlier versions.
import { fold } from "../text.js";
import { type Criterion, optionsFor } from "./rubric.js";
import type { Answers, Clearances } from "./scoring.js";

export const LEGAL_TICKS = [
  "business-registration",
  "quality-declared",
  "food-safety",
  "production-certificate",
  "trademark",
  "geographical-indication",
  "patent",
  "industrial-design",
  "copyright",
] as const;
export type LegalTick = (typeof LEGAL_TICKS)[number];

export interface LegalImplications {
  /** Boxes the answers imply, in LEGAL_TICKS order. */
  implied: LegalTick[];
  /** Options met by any one of several titles: the criterion and the titles to choose from. */
  oneOf: { criterionId: string; ticks: LegalTick[] }[];
}

/** Disqualification items whose "yes" is a production certificate of Mẫu 02, I.7 c). */
const PRODUCTION_CLEARANCES = ["gmp", "production-licence", "health-ministry-conditions", "sector-conditions"];

/** Intellectual-property titles by the words the rubric uses for them (folded, no diacritics). */
const TITLES: [LegalTick, RegExp][] = [
  ["geographical-indication", /chi dan dia ly|nhan hieu tap the|nhan hieu chung nhan/],
  ["trademark", /nhan hieu/],
  ["patent", /sang che|giai phap huu ich/],
  ["industrial-design", /kieu dang cong nghiep/],
  ["copyright", /quyen tac gia|ban quyen/],
];

/** A trademark certificate held (not an application: "đơn đăng ký nhãn hiệu" proves none). */
const TRADEMARK_CERTIFICATE =
  /giay chung nhan dang ky nhan hieu|van bang (dang ky )?nhan hieu|nhan hieu .*da duoc cap (van bang|giay chung nhan)/;

/** A quality declaration made (Mẫu 02, I.7 b); "công bố" alone also means a published trademark application. */
const QUALITY_DECLARED = /cong bo (chat luong|tieu chuan)|tu cong bo|ho so cong bo/;

/** "Như mức trên", "Như trên": the option includes the one before it. */
const AS_ABOVE = /^nhu (muc )?tren\b/;

/** What follows "có thêm" or "+": further titles, any one of which meets the option. */
const FURTHER = /(?:co them|\+)(.*)$/;

function titleOf(piece: string): LegalTick | undefined {
  return TITLES.find(([, words]) => words.test(piece))?.[0];
}

/** The IP titles an option's wording implies, and the alternatives it leaves open. */
function ipOfOption(
  options: readonly { label: string }[],
  index: number,
): { implied: LegalTick[]; alternatives: LegalTick[] } {
  const label = fold(options[index]!.label).replace(/\([^)]*\)/g, " ");
  const implied: LegalTick[] = [];
  if (AS_ABOVE.test(label) && index > 0) implied.push(...ipOfOption(options, index - 1).implied);
  if (TRADEMARK_CERTIFICATE.test(label)) implied.push("trademark");
  const further = FURTHER.exec(label)?.[1] ?? "";
  const alternatives = [...new Set(further.split(/,|;|\/| hoac /).flatMap((piece) => titleOf(piece) ?? []))].filter(
    (t) => !implied.includes(t),
  );
  if (alternatives.length === 1) implied.push(alternatives[0]!);
  return { implied, alternatives: alternatives.length > 1 ? alternatives : [] };
}

/**
 * The boxes of Mẫu 02, I.7 that the answers and disqualification answers imply, and the options
 * that leave a choice between titles. Only options answered with points count.
 */
export function legalImplications(
  criteria: readonly Criterion[],
  answers: Answers,
  caseId: string | undefined,
  clearances: Clearances,
): LegalImplications {
  const implied = new Set<LegalTick>();
  const oneOf: LegalImplications["oneOf"] = [];
  if (clearances["food-safety-certificate"] === true) implied.add("food-safety");
  if (PRODUCTION_CLEARANCES.some((id) => clearances[id] === true)) implied.add("production-certificate");
  for (const c of criteria) {
    const options = optionsFor(c, caseId);
    const index = options.findIndex((o) => o.id === answers[c.id]);
    if (index < 0 || options[index]!.points === 0) continue;
    const label = fold(options[index]!.label);
    if (QUALITY_DECLARED.test(label) && !label.startsWith("khong")) implied.add("quality-declared");
    const ip = ipOfOption(options, index);
    for (const t of ip.implied) implied.add(t);
    if (ip.alternatives.length) oneOf.push({ criterionId: c.id, ticks: ip.alternatives });
  }
  return { implied: LEGAL_TICKS.filter((t) => implied.has(t)), oneOf };
}
