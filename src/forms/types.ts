// What the three dossier forms of Decision 26/2026/QĐ-TTg (Phụ lục III) show. Everything a producer
// may have skipped is optional: a missing value is printed as a dotted line to be filled by hand.

import type { DateInput } from "../dates.js";
import type { EvidenceKind, LocalCriterion, Sheet } from "../domain/rubric.js";
import type { Answers, Clearances, ScoreResult } from "../domain/scoring.js";

/** A calendar date: a Date (shown in Vietnam's time zone) or an ISO date "YYYY-MM-DD". */
export type { DateInput };

/** Mẫu 01, item 4: what the application is (first rating, upgrade, re-evaluation at expiry). */
export const REGISTRATION_KINDS = ["first", "upgrade", "re-evaluation"] as const;
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];
export type UnitType = "commune" | "ward" | "special-zone";
export type ProvinceType = "province" | "city";
export type Gender = "male" | "female";
export type FormKind = "mau-01" | "mau-02" | "mau-03";

export interface ProvinceRef {
  /** Short name, e.g. "Cà Mau". */
  name: string;
  /** Default "province" (tỉnh). */
  type?: ProvinceType | undefined;
}

export interface CommuneRef {
  /** Short name, e.g. "Cái Nước". */
  name: string;
  /** Default "commune" (xã). */
  type?: UnitType | undefined;
  province?: ProvinceRef | undefined;
}

export interface Representative {
  fullName?: string | undefined;
  position?: string | undefined;
  gender?: Gender | undefined;
  ethnicity?: string | undefined;
  permanentAddress?: string | undefined;
}

export interface Organisation {
  name?: string | undefined;
  /** Already worded, e.g. "Hộ kinh doanh", "Hợp tác xã". */
  typeLabel?: string | undefined;
  address?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  representative?: Representative | undefined;
  /** Founding or business registration date (Mẫu 02, I.6). */
  foundedOn?: DateInput | undefined;
  registrationNumber?: string | undefined;
  /** Mẫu 02, I.8. */
  history?: string | undefined;
  /** Mẫu 02, I.9. */
  structure?: string | undefined;
}

export interface ProductInfo {
  name?: string | undefined;
  /** Description and specification (quy cách). */
  description?: string | undefined;
  /** Standard applied, e.g. "TCVN 12605:2019". */
  standard?: string | undefined;
}

/** The product set's place in Phụ lục I; each part defaults to the sheet's taxonomy. */
export interface ProductSetInfo {
  sector?: string | undefined;
  group?: string | undefined;
  title?: string | undefined;
}

/** Mẫu 02, I.7 a)–d): true = ticked; false or absent = empty box. */
export interface LegalChecklist {
  businessRegistration?: boolean | undefined;
  qualityDeclared?: boolean | undefined;
  foodSafetyCertificate?: boolean | undefined;
  productionCertificate?: boolean | undefined;
  trademark?: boolean | undefined;
  /** Geographical indication, collective or certification mark. */
  geographicalIndication?: boolean | undefined;
  patent?: boolean | undefined;
  industrialDesign?: boolean | undefined;
  copyright?: boolean | undefined;
  /** Any other IP title, written out; ticks "Khác". */
  otherIp?: string | undefined;
}

/** Mẫu 02, Part II. */
export interface BusinessResults {
  rawMaterialArea?: string | undefined;
  technology?: string | undefined;
  processing?: string | undefined;
  packaging?: string | undefined;
  /** Changes in quality, standard, packaging, label. */
  changes?: string | undefined;
  markets?: string | undefined;
  revenue?: string | undefined;
  profit?: string | undefined;
}

export interface EvidenceItem {
  fileName?: string | undefined;
  /** What the file proves; without it the file counts for every kind its criterion expects. */
  kind?: EvidenceKind | undefined;
  media?: "photo" | "video" | "document" | undefined;
}

/** Mẫu 02, Part III: the self-assessment. */
export interface AssessmentInput {
  sheet: Sheet;
  answers: Answers;
  caseId?: string | undefined;
  /** Disqualification id → whether its requirement holds; used when the score is computed here. */
  clearances?: Clearances | undefined;
  /** Computed from sheet, answers, case and clearances when absent. */
  score?: ScoreResult | undefined;
  /** criterion id → the producer's description */
  descriptions?: Readonly<Record<string, string>> | undefined;
  /** criterion id → the files attached to it */
  evidence?: Readonly<Record<string, readonly EvidenceItem[]>> | undefined;
}

/** The commune's evaluation of one local topic (Mẫu 03, II). */
export interface LocalEvaluation {
  /** An option of the sheet's criterion for this topic; gives the label and points. */
  optionId?: string | undefined;
  /** The option's wording when no optionId is given. */
  optionLabel?: string | undefined;
  /** The officer's own description and remarks. */
  comment?: string | undefined;
}

export interface FormsInput {
  /** The province the product is registered in (defaults to the commune's province). */
  province?: ProvinceRef | undefined;
  commune?: CommuneRef | undefined;
  /** Year of the rating round (Mẫu 01 title); defaults to the year of Mẫu 01's date. */
  year?: number | undefined;
  organisation?: Organisation | undefined;
  product?: ProductInfo | undefined;
  productSet?: ProductSetInfo | undefined;
  registrationKind?: RegistrationKind | undefined;
  /** Mẫu 01, 5: number of product samples, e.g. "05". */
  samples?: string | number | undefined;
  legal?: LegalChecklist | undefined;
  business?: BusinessResults | undefined;
  assessment: AssessmentInput;
  /** Mẫu 02, Part IV. */
  plan?: string | undefined;
  /** Mẫu 03, II. */
  communeEvaluation?: Partial<Record<LocalCriterion, LocalEvaluation>> | undefined;
  /** Who signs Mẫu 03 for the commune People's Committee. */
  communeSigner?: { fullName?: string | undefined; position?: string | undefined } | undefined;
  dates?: Partial<Record<FormKind, DateInput>> | undefined;
}
