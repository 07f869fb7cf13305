// A database at national scale: 100,000 producers (a Telegram identity, consent, an organisation,
// a product) whose 100,000 self-assessments are drafts idle for days (reminders due), with
// 2,000,000 answers among them. Rows as the services write them, inserted with raw SQL in one
// transaction, then copied for each use.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../../src/db/client.js";
import { ORGANISATION_TYPES } from "../../src/db/schema.js";
import { optionsFor } from "../../src/domain/rubric.js";
import type { RubricCatalog } from "../../src/rubric/catalog.js";
import { adminUnitsOf } from "../../src/services/admin-units.js";
import { PRIVACY_NOTICE_VERSION } from "../../src/services/people.js";

export const SEEDED = { users: 100_000, answers: 2_000_000 } as const;
/** Telegram ids of the seeded people: SEEDED_TELEGRAM_BASE + 1 … + users. */
export const SEEDED_TELEGRAM_BASE = 900_000_000;
const DAY = 24 * 3600 * 1000;

/**
 * Builds the seeded database file in a new temporary folder (about 8 s here; not worth caching):
 * its path, and how long building it took. Open a copy (copySeeded), never this file.
 */
export function seededDatabase(catalog: RubricCatalog): { path: string; seedMs: number } {
  const path = join(mkdtempSync(join(tmpdir(), "ocop-bench-seeded-")), "seeded.sqlite");
  const t = performance.now();
  seed(path, catalog);
  return { path, seedMs: performance.now() - t };
}

/** A private copy of the seeded file in a new folder: its path. */
export function copySeeded(path: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), "ocop-bench-")), "ocop.sqlite");
  copyFileSync(path, copy);
  return copy;
}

function seed(path: string, catalog: RubricCatalog): void {
  const db = openDatabase(path);
  const codes = adminUnitsOf(db).communes.map((c) => c.code);
  const sheets = catalog.sheets.filter((s) => s.version.id === catalog.defaultVersion.id && !s.cases?.length);
  const sqlite = db.$client;
  const now = Date.now();
  const insert = {
    user: sqlite.prepare(
      `INSERT INTO users (id, language, consent_version, consent_at, full_name, phone, organisation_id,
         reminders_off, telegram_notifications_off, created_at, updated_at)
       VALUES (?, 'vi', ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
    ),
    identity: sqlite.prepare(
      "INSERT INTO user_identities (channel, external_id, user_id, created_at) VALUES ('telegram', ?, ?, ?)",
    ),
    consent: sqlite.prepare(
      "INSERT INTO consent_events (user_id, notice_version, decision, at) VALUES (?, ?, 'granted', ?)",
    ),
    organisation: sqlite.prepare(
      `INSERT INTO organisations (id, owner_id, type, name, commune_code, business_registered, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    product: sqlite.prepare(
      "INSERT INTO products (id, organisation_id, created_by, name, product_set, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    application: sqlite.prepare(
      `INSERT INTO applications (id, product_id, organisation_id, sheet_id, case_id, state, commune_code, revision,
         created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, NULL, 'draft', NULL, 0, ?, ?, ?)`,
    ),
    clearance: sqlite.prepare(
      "INSERT INTO clearances (application_id, item_id, holds, answered_by, answered_at) VALUES (?, ?, 1, ?, ?)",
    ),
    answer: sqlite.prepare(
      "INSERT INTO answers (application_id, criterion_id, option_id, answered_by, answered_at) VALUES (?, ?, ?, ?, ?)",
    ),
  };
  const lastNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng"];
  const givenNames = ["Văn An", "Thị Lan", "Văn Bình", "Thị Hoa", "Minh Tuấn", "Thu Hà", "Quốc Bảo"];
  let answerCount = 0;
  sqlite.pragma("synchronous = OFF");
  sqlite.transaction(() => {
    for (let id = 1; id <= SEEDED.users; id++) {
      const joined = now - (30 + (id % 300)) * DAY;
      // Idle for 4 to 60 days: every draft is due for its reminder.
      const idleSince = now - (4 + (id % 57)) * DAY - (id % 86_400) * 1000;
      const name = `${lastNames[id % lastNames.length]} ${givenNames[id % givenNames.length]}`;
      insert.user.run(id, PRIVACY_NOTICE_VERSION, joined, name, `09${String(id).padStart(8, "0")}`, id, joined, joined);
      insert.identity.run(String(SEEDED_TELEGRAM_BASE + id), id, joined);
      insert.consent.run(id, PRIVACY_NOTICE_VERSION, joined);
      const type = ORGANISATION_TYPES[id % ORGANISATION_TYPES.length]!;
      const commune = codes[(id * 7919) % codes.length]!;
      insert.organisation.run(id, id, type, `HTX ${name}`, commune, type === "household" ? 1 : null, joined);
      const sheet = sheets[id % sheets.length]!;
      insert.product.run(id, id, id, `Sản phẩm số ${id}`, sheet.productSet, joined);
      insert.application.run(id, id, id, sheet.id, id, joined, idleSince);
      for (const item of sheet.disqualification) insert.clearance.run(id, item.id, id, idleSince);
      // 15 to 25 answers each (every sheet has 25 criteria at least), 20 on average: 2,000,000 in all.
      const count = 15 + (id % 11);
      for (const criterion of sheet.criteria.slice(0, count)) {
        const options = optionsFor(criterion, undefined);
        insert.answer.run(id, criterion.id, options[(id + answerCount) % options.length]!.id, id, idleSince);
        answerCount++;
      }
    }
  })();
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
}
