// Calibration: the council's official points per part beside the producer's self-assessment, for
// the producer (their own application) and for officers (the average gap over their communes).
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { applicationEvents, officialResults } from "../db/schema.js";
import type { Translate } from "../i18n.js";
import type { RubricCatalog } from "../rubric/catalog.js";
import { type Assessment, assessmentScore, loadAssessment } from "./assessment.js";
import { organisationPeople, rolesFor } from "./membership.js";
import { enqueueNotifications, type NotificationInput } from "./outbox.js";
import { applicationsOfCommunes, officialResultOf, type WorkflowDeps } from "./workflow.js";

export interface PartComparison {
  part: string;
  max: number;
  /** The producer's indicative points (their frozen answers). */
  self: number;
  /** The council's points. */
  official: number;
  /** self − official: above 0 when the producer scored themselves higher. */
  gap: number;
}

export interface Calibration {
  parts: PartComparison[];
  total: { self: number; official: number; gap: number };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function compare(a: Assessment, official: Record<string, number>): Calibration {
  const score = assessmentScore(a);
  const parts = a.sheet.version.parts.map((p) => {
    const self = score.parts[p.id]?.points ?? 0;
    const council = official[p.id] ?? 0;
    return { part: p.id, max: p.maxPoints, self, official: council, gap: round1(self - council) };
  });
  const self = parts.reduce((s, p) => s + p.self, 0);
  const council = round1(parts.reduce((s, p) => s + p.official, 0));
  return { parts, total: { self, official: council, gap: round1(self - council) } };
}

/** The producer's score beside the council's, per part and in total, once the council's points are recorded. */
export function calibrationOf(db: Db, a: Assessment): Calibration | undefined {
  const official = officialResultOf(db, a.app.id)?.partPoints;
  return official ? compare(a, official) : undefined;
}

/**
 * Parses the council's points as an officer types them: one number per part in the version's
 * order, separated by spaces, "/" or ";", decimals with "," or "." (the council's score is an
 * average, e.g. "32,5 18 27"). Each between 0 and its part's maximum, with at most one decimal.
 */
export function parsePartPoints(
  text: string,
  parts: readonly { id: string; maxPoints: number }[],
): Record<string, number> | undefined {
  const tokens = text
    .trim()
    .split(/[\s/;|]+/)
    .map((t) => t.replace(/[,.]+$/, ""))
    .filter(Boolean);
  if (tokens.length !== parts.length) return undefined;
  const values = tokens.map((n) => (/^\d{1,3}(?:[.,]\d)?$/.test(n) ? Number(n.replace(",", ".")) : NaN));
  if (values.some((v, i) => !(v >= 0 && v <= parts[i]!.maxPoints))) return undefined;
  return Object.fromEntries(parts.map((p, i) => [p.id, values[i]!]));
}

/** Points as people of the locale write them (32,5 in Vietnamese); with a sign for gaps (+3, −2,5, 0). */
export function formatPoints(locale: string, n: number, signed = false): string {
  return new Intl.NumberFormat(locale === "en" ? "en" : "vi", {
    maximumFractionDigits: 1,
    ...(signed ? { signDisplay: "exceptZero" } : {}),
  }).format(n);
}

/** A comparison as lines of text in the locale (markup-safe: numbers and part ids only). */
export function comparisonLines(t: Translate, locale: string, c: Calibration): string[] {
  const f = (n: number, signed = false) => formatPoints(locale, n, signed);
  return [
    ...c.parts.map((p) =>
      t("calibration-part", {
        part: p.part,
        self: f(p.self),
        official: f(p.official),
        max: p.max,
        gap: f(p.gap, true),
      }),
    ),
    t("calibration-total", { self: f(c.total.self), official: f(c.total.official), gap: f(c.total.gap, true) }),
  ];
}

export type PointsOutcome = { ok: true } | { ok: false; reason: "not-found" | "role" | "state" | "invalid" };

/**
 * Records the council's points per part with the official result (officers of the application's
 * commune and administrators; rated applications only), in the audit trail, and tells the producer
 * and members, each in their language, their own score beside the council's. One transaction.
 */
export function recordOfficialPoints(
  deps: WorkflowDeps,
  userId: number,
  applicationId: number,
  points: Record<string, number>,
): PointsOutcome {
  const { db, catalog } = deps;
  const a = loadAssessment(db, catalog, applicationId);
  if (!a) return { ok: false, reason: "not-found" };
  const role = rolesFor(db, deps.adminIds, userId, a.app).find((r) => r !== "producer");
  if (!role) return { ok: false, reason: "role" };
  if (a.app.state !== "rated" || !officialResultOf(db, a.app.id)) return { ok: false, reason: "state" };
  const parts = a.sheet.version.parts;
  if (parts.some((p) => !(points[p.id]! >= 0 && points[p.id]! <= p.maxPoints))) return { ok: false, reason: "invalid" };
  const values = Object.fromEntries(parts.map((p) => [p.id, points[p.id]!]));
  const calibration = compare(a, values);
  const notifications: NotificationInput[] = organisationPeople(db, a.app.organisationId).map((recipientId) => ({
    recipientId,
    kind: "official-points",
    arguments: { product: a.product.name, calibration },
    applicationId: a.app.id,
  }));
  const at = deps.now?.() ?? new Date();
  db.transaction((tx) => {
    tx.update(officialResults).set({ partPoints: values }).where(eq(officialResults.applicationId, a.app.id)).run();
    tx.insert(applicationEvents)
      .values({
        applicationId: a.app.id,
        action: "record-points",
        fromState: "rated",
        toState: "rated",
        actorId: userId,
        actorRole: role,
        note: parts.map((p) => `${p.id} ${values[p.id]}`).join(", "),
        at,
      })
      .run();
    enqueueNotifications(tx, notifications);
  });
  return { ok: true };
}

export interface CalibrationSummary {
  /** Rated applications with the council's points. */
  count: number;
  /** Average gap (self − official) per part and in total, rounded to 0.1. */
  parts: { part: string; gap: number }[];
  total: number;
  /** The same per commune, for officers of several communes. */
  byCommune: { communeCode: string; count: number; total: number }[];
}

/** The average gap between self-assessment and the council's points over the communes' rated applications. */
export function calibrationSummary(
  db: Db,
  catalog: RubricCatalog,
  communes: string[] | "all",
): CalibrationSummary | undefined {
  const rows: { communeCode: string; c: Calibration }[] = [];
  for (const r of applicationsOfCommunes(db, communes, ["rated"])) {
    const a = loadAssessment(db, catalog, r.applications.id);
    const c = a && calibrationOf(db, a);
    if (c) rows.push({ communeCode: r.applications.communeCode ?? "", c });
  }
  if (rows.length === 0) return undefined;
  const mean = (values: number[]) => round1(values.reduce((s, v) => s + v, 0) / values.length);
  const partIds = [...new Set(rows.flatMap((r) => r.c.parts.map((p) => p.part)))];
  const communeCodes = [...new Set(rows.map((r) => r.communeCode))];
  return {
    count: rows.length,
    parts: partIds.map((part) => ({
      part,
      gap: mean(rows.flatMap((r) => r.c.parts.filter((p) => p.part === part).map((p) => p.gap))),
    })),
    total: mean(rows.map((r) => r.c.total.gap)),
    byCommune: communeCodes.map((communeCode) => {
      const mine = rows.filter((r) => r.communeCode === communeCode);
      return { communeCode, count: mine.length, total: mean(mine.map((r) => r.c.total.gap)) };
    }),
  };
}
