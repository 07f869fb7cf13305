// Every query the product runs on the way of an answer, a notification or a reminder tick finds its
// rows through an index: SQLite's own plan (EXPLAIN QUERY PLAN) shows no full scan of a table that
// grows with the number of users, however many there are.
import { describe, expect, it } from "vitest";
import { runReminders } from "../../src/services/reminders.js";
import { useHarness } from "../helpers/bot.js";
import * as journeys from "../helpers/journeys.js";
import { ADMIN, catalog, holidays, units } from "../helpers/world.js";

/** Tables that grow with users and their work (the commune list and the rubric do not). */
const GROWING = new Set([
  "users",
  "user_identities",
  "consent_events",
  "organisations",
  "organisation_members",
  "products",
  "applications",
  "answers",
  "clearances",
  "evidence",
  "sessions",
  "processed_updates",
  "invites",
  "officers",
  "application_events",
  "submissions",
  "local_evaluations",
  "official_results",
  "outbox",
  "reminders",
  "dossier_fields",
]);

const h = useHarness({ adminIds: [ADMIN] });

/** The SQL of every statement prepared while `run` goes on. */
async function statementsOf(run: () => Promise<void>): Promise<Set<string>> {
  const sqlite = h.db.$client;
  const prepare = sqlite.prepare.bind(sqlite);
  const seen = new Set<string>();
  sqlite.prepare = ((source: string) => {
    seen.add(source);
    return prepare(source);
  }) as typeof sqlite.prepare;
  try {
    await run();
  } finally {
    sqlite.prepare = prepare;
  }
  return seen;
}

/** SQLite's plan of a statement, one line per step. */
function planOf(source: string): string[] {
  const sqlite = h.db.$client;
  const placeholders = (source.replace(/'[^']*'/g, "").match(/\?/g) ?? []).length;
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...Array<null>(placeholders).fill(null)) as {
    detail: string;
  }[];
  return plan.map((row) => row.detail);
}

/** The plan lines of a statement that read a growing table in full ("SCAN t", not "SEARCH t USING …"). */
function fullScans(source: string): string[] {
  return planOf(source).filter((detail) => {
    const table = /^SCAN (\w+)/.exec(detail)?.[1];
    return table !== undefined && GROWING.has(table);
  });
}

/**
 * A statement that keeps the first rows of an order (LIMIT) but sorts them itself: it reads and
 * sorts every matching row however few it keeps, rather than walking an index in that order.
 */
function sortsToLimit(source: string): string[] {
  if (!/\blimit\b/i.test(source) || ![...GROWING].some((t) => source.includes(`"${t}"`))) return [];
  return planOf(source).filter((detail) => detail.includes("USE TEMP B-TREE FOR ORDER BY"));
}

describe("query plans", () => {
  it("an officer appointed, a producer registered, a whole assessment with evidence, submitted, received, reminders: no full scan of a growing table, no sort of one to keep a few rows", async () => {
    const admin = h.api.user({ id: ADMIN, first_name: "Tỉnh" });
    const producer = h.api.user({ id: 5001, first_name: "Lan" });
    const officer = h.api.user({ id: 5003, first_name: "Cán bộ" });
    const statements = await statementsOf(async () => {
      const code = await journeys.officerInviteCode(h, admin, "cai nuoc", /^1\. Xã Cái Nước/);
      await journeys.consentAndName(h, officer, "Trần Văn Bình", "0987654321", `officer_${code}`);
      await journeys.registerProducer(h, producer);
      await journeys.addHoney(h, producer);
      await journeys.assessWithEvidence(h, producer);
      await h.deliver(producer.command("/nop"));
      await h.flush();
      await h.deliver(officer.press("📬 Tiếp nhận"));
      await h.flush();
      const deps = { db: h.db, catalog, adminUnits: units, holidays, adminIds: [ADMIN] };
      // A month on, at 8:00 in Vietnam: the officers' digest hour, and drafts long idle.
      const later = new Date(Date.now() + 30 * 24 * 3600 * 1000);
      later.setUTCHours(1, 0, 0, 0);
      runReminders(deps, later);
      await h.flush();
    });
    expect(statements.size).toBeGreaterThan(50);
    const scans = [...statements].flatMap((source) => fullScans(source).map((detail) => `${detail}  ←  ${source}`));
    expect(scans).toEqual([]);
    const sorts = [...statements].flatMap((source) => sortsToLimit(source).map((detail) => `${detail}  ←  ${source}`));
    expect(sorts).toEqual([]);
  });
});
