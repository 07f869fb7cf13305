// Facts the three forms derive from their input: the producer, the product and its place in the
// taxonomy, the score, the place of the date lines.
import type { Sheet } from "../domain/rubric.js";
import { type ScoreResult, score } from "../domain/scoring.js";
import { present } from "./docx-kit.js";
import type { FormsInput, ProvinceRef } from "./types.js";

export interface Facts {
  producer: string | undefined;
  product: string | undefined;
  province: ProvinceRef | undefined;
  sector: string | undefined;
  group: string | undefined;
  set: string | undefined;
  score: ScoreResult;
  /** The place in date lines: the commune's name. */
  place: string | undefined;
}

/** The product set's sector and group titles in the sheet's taxonomy (Phụ lục I). */
export function taxonomyOf(sheet: Sheet): { sector?: string; group?: string; set?: string } {
  for (const sector of sheet.version.taxonomy) {
    for (const group of sector.groups) {
      const set = group.sets.find((x) => x.id === sheet.productSet);
      if (set) return { sector: sector.title, group: group.title, set: set.title };
    }
  }
  return { set: sheet.productSetTitle };
}

export function factsOf(input: FormsInput): Facts {
  const { sheet, answers, caseId, clearances } = input.assessment;
  const taxonomy = taxonomyOf(sheet);
  return {
    producer: present(input.organisation?.name),
    product: present(input.product?.name),
    province: input.province ?? input.commune?.province,
    sector: present(input.productSet?.sector) ?? taxonomy.sector,
    group: present(input.productSet?.group) ?? taxonomy.group,
    set: present(input.productSet?.title) ?? taxonomy.set,
    score: input.assessment.score ?? score(sheet, answers, { caseId, clearances }),
    place: present(input.commune?.name),
  };
}
