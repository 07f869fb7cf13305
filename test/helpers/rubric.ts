// Small hand-made rubrics for unit tests.
import {
  bindSheet,
  type EvidenceKind,
  type Sheet,
  type SheetInput,
  sheetSchema,
  type VersionData,
  type VersionInput,
  versionSchema,
} from "../../src/domain/rubric.js";

export function testVersion(overrides: Partial<VersionInput> = {}): VersionData {
  return versionSchema.parse({
    id: "test",
    title: "Test rubric",
    legalSource: "Test",
    effectiveFrom: "2026-05-22",
    isDefault: true,
    confidence: { level: "verified", note: "test" },
    markerRule: "minimum",
    parts: [
      { id: "A", title: "A", maxPoints: 40 },
      { id: "B", title: "B", maxPoints: 25 },
      { id: "C", title: "C", maxPoints: 35 },
    ],
    tiers: [
      { stars: 1, min: 0, max: 30, recognised: false, meaning: "1" },
      { stars: 2, min: 30, max: 50, recognised: false, meaning: "2" },
      { stars: 3, min: 50, max: 70, recognised: true, recognisedBy: "province", meaning: "3" },
      { stars: 4, min: 70, max: 90, recognised: true, recognisedBy: "province", meaning: "4" },
      { stars: 5, min: 90, max: 100, recognised: true, recognisedBy: "ministry", meaning: "5" },
    ],
    taxonomy: [
      { id: "s", title: "s", groups: [{ id: "g", title: "g", sets: [{ id: "set", number: 1, title: "Set" }] }] },
    ],
    ...overrides,
  });
}

export interface CriterionSpec {
  id: string;
  /** points of each option, in order; ids are a, b, c… */
  points: number[];
  /** marker per option index */
  markers?: Record<number, 3 | 4 | 5>;
  improvable?: boolean;
  stopIfZero?: boolean;
  cases?: (string | undefined)[];
  /** Evidence kinds the criterion expects. */
  evidence?: EvidenceKind[];
}

const letters = "abcdefghijklmnopqrstuvwxyz";

/** A sheet with one group per part holding the given criteria (maxima derived from the options). */
export function testSheet(
  parts: Record<string, CriterionSpec[]>,
  version = testVersion(),
  extra: Partial<SheetInput> = {},
): Sheet {
  const input: SheetInput = {
    productSet: "set",
    source: "test",
    parts: Object.entries(parts).map(([part, criteria]) => {
      const built = criteria.map((c) => ({
        id: c.id,
        title: `Criterion ${c.id}`,
        help: "help",
        maxPoints: Math.max(...c.points),
        improvable: c.improvable ?? true,
        stopIfZero: c.stopIfZero ?? false,
        evidence: c.evidence ?? [],
        options: c.points.map((points, i) => ({
          id: letters[i]!,
          label: `${c.id} option ${letters[i]}`,
          points,
          ...(c.markers?.[i] ? { marker: c.markers[i] } : {}),
          ...(c.cases?.[i] ? { case: c.cases[i] } : {}),
        })),
      }));
      return {
        part,
        groups: [
          { id: `${part}1`, title: part, maxPoints: built.reduce((s, c) => s + c.maxPoints, 0), criteria: built },
        ],
      };
    }),
    ...extra,
  };
  return bindSheet(version, sheetSchema.parse(input));
}

/** A criterion's best option among the law's (the engine's "none of these" comes last and scores 0). */
export function bestOption<O extends { points: number; none?: true | undefined }>(criterion: {
  options: readonly O[];
}): O {
  return criterion.options.filter((o) => !o.none).reduce((best, o) => (o.points > best.points ? o : best));
}
