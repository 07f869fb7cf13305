// /huongdan: the guide's topics and the facts they show that come from data (rubric versions, tiers,
// the next provincial round), as plain data; the words live in locales/ (guide-<topic>).
import { nextProvincialDeadline, type ProvincialDeadline } from "../domain/calendar.js";
import type { Tier, VersionData } from "../domain/rubric.js";
import type { RubricCatalog } from "../rubric/catalog.js";

/** The guide's topics, in the order of the menu. */
export const GUIDE_TOPICS = [
  "cycle",
  "tiers",
  "dossier",
  "deadlines",
  "history",
  "versions",
  "household",
  "none",
  "after",
  "commands",
] as const;
export type GuideTopic = (typeof GUIDE_TOPICS)[number];

export interface VersionFacts {
  id: string;
  title: string;
  legalSource: string;
  effectiveFrom: string;
  effectiveTo: string | undefined;
  /** Points of each part, in the version's order (A/B/C). */
  parts: { id: string; maxPoints: number }[];
  /** Titles of the product sets the bot has a scoring sheet for. */
  sheets: string[];
  isDefault: boolean;
}

export interface GuideFacts {
  /** Rubric versions the bot holds, oldest first. */
  versions: VersionFacts[];
  /** The tiers of the version in force, highest first. */
  tiers: Tier[];
  /** The version new assessments start under. */
  latest: VersionData;
  /** The next provincial round: dossiers proposed by then are rated by ratedBy (Decision 26/2026, Art. 5). */
  nextRound: ProvincialDeadline;
}

/** The facts the guide shows, from the rubric data and the calendar. */
export function guideFacts(catalog: RubricCatalog, now: Date = new Date()): GuideFacts {
  const latest = catalog.defaultVersion;
  const versions = [...catalog.versions]
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    .map((v) => ({
      id: v.id,
      title: v.title,
      legalSource: v.legalSource,
      effectiveFrom: v.effectiveFrom,
      effectiveTo: v.effectiveTo,
      parts: v.parts.map((p) => ({ id: p.id, maxPoints: p.maxPoints })),
      sheets: catalog.sheets.filter((s) => s.version.id === v.id).map((s) => s.productSetTitle),
      isDefault: v.isDefault,
    }));
  return {
    versions,
    tiers: [...latest.tiers].sort((a, b) => b.stars - a.stars),
    latest,
    nextRound: nextProvincialDeadline(now),
  };
}
