// Migrations on a database of the previous version (test/fixtures/db-v0007.sqlite, made by
// make-db-v0007.ts with the schema of 0000–0007): nothing is lost, users keep their ids and get their
// Telegram identity, queued notifications still go out as they were written, and the bot serves
// the same people as before.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { startHarness } from "../helpers/bot.js";

const FIXTURE = new URL("../fixtures/db-v0007.sqlite", import.meta.url).pathname;
const KEPT = [
  "users",
  "consent_events",
  "organisations",
  "organisation_members",
  "products",
  "applications",
  "answers",
  "clearances",
  "evidence",
  "application_events",
  "submissions",
  "local_evaluations",
  "official_results",
  "officers",
  "invites",
  "reminders",
  "sessions",
  "processed_updates",
  "dossier_fields",
];

type Row = Record<string, unknown>;

function snapshot(file: string): Record<string, Row[]> {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = Object.fromEntries(
      KEPT.map((t) => [t, sqlite.prepare(`select * from ${t} order by rowid`).all() as Row[]]),
    );
    return { ...tables, outbox: sqlite.prepare("select * from outbox order by id").all() as Row[] };
  } finally {
    sqlite.close();
  }
}

function migratedCopy(): string {
  const file = join(mkdtempSync(join(tmpdir(), "ocop-migration-")), "ocop.sqlite");
  copyFileSync(FIXTURE, file);
  openDatabase(file).$client.close();
  return file;
}

describe("a database of version 0007", () => {
  const before = snapshot(FIXTURE);

  it("has data of every kind to convert", () => {
    for (const table of [...KEPT, "outbox"]) expect(before[table]!.length, table).toBeGreaterThan(0);
    expect(new Set(before.outbox!.map((r) => r.status))).toEqual(new Set(["pending", "sent", "undeliverable"]));
    expect(new Set(before.applications!.map((r) => r.state))).toEqual(
      new Set(["draft", "submitted", "returned", "received", "rated"]),
    );
  });

  it("keeps every row, and each user keeps their id with a Telegram identity of that id", () => {
    const file = migratedCopy();
    const after = snapshot(file);
    // Columns added since, with their defaults.
    const added: Record<string, Row> = { users: { telegram_notifications_off: 0 } };
    for (const table of KEPT)
      expect(after[table], table).toEqual(before[table]!.map((r) => ({ ...r, ...added[table] })));
    const sqlite = new Database(file, { readonly: true });
    const identities = sqlite
      .prepare("select channel, external_id as externalId, user_id as userId from user_identities order by user_id")
      .all();
    sqlite.close();
    expect(identities).toEqual(
      before.users!.map((u) => ({ channel: "telegram", externalId: String(u.id), userId: u.id })),
    );
  });

  it("keeps every outbox row: its status, attempts and schedule, and the message it held", () => {
    const after = snapshot(migratedCopy()).outbox!;
    expect(after.map((r) => r.id)).toEqual(before.outbox!.map((r) => r.id));
    for (const [i, old] of before.outbox!.entries()) {
      const row = after[i]!;
      expect(row).toMatchObject({
        recipient_id: old.chat_id,
        kind: "telegram-message",
        application_id: old.application_id,
        status: old.status,
        attempts: old.attempts,
        next_attempt_at: old.next_attempt_at,
        last_error: old.last_error,
        created_at: old.created_at,
        sent_at: old.sent_at,
        // History from before the web inbox: read, and not pushed to browsers now.
        read_at: old.created_at,
        push_state: "none",
      });
      expect(JSON.parse(row.arguments as string)).toEqual({
        chatId: old.chat_id,
        text: old.text,
        parseMode: old.parse_mode,
        replyMarkup: old.reply_markup === null ? null : JSON.parse(old.reply_markup as string),
      });
    }
  });

  it("is served as before: /tieptuc resumes the producer's draft, queued notifications go out as written", async () => {
    const h = await startHarness({ database: FIXTURE, adminIds: [9000] });
    try {
      const lan = h.api.user({ id: 1001, first_name: "Lan" });
      await h.deliver(lan.command("/tieptuc"));
      const shown = lan
        .chat()
        .messages.map((m) => m.text ?? "")
        .join("\n");
      expect(shown).toContain("Làm tiếp “Mật ong hoa nhãn”");
      expect(shown).not.toContain("Bạn có đồng ý không?");

      const pending = before.outbox!.filter((r) => r.status === "pending");
      for (const chatId of new Set(pending.map((r) => r.chat_id as number)))
        h.api.user({ id: chatId, first_name: `U${chatId}` }).send("hi");
      // The row that waits for its retry stays queued; the others are delivered, in order per chat.
      const due = pending.filter((r) => (r.next_attempt_at as number) <= Date.now());
      expect(await h.flush()).toBe(due.length);
      for (const chatId of new Set(due.map((r) => r.chat_id as number))) {
        const texts = h.api
          .user({ id: chatId, first_name: "" })
          .chat()
          .messages.map((m) => m.text);
        expect(texts.slice(-due.filter((r) => r.chat_id === chatId).length)).toEqual(
          due
            .filter((r) => r.chat_id === chatId)
            .map((r) =>
              (r.text as string)
                .replace(/<[^>]+>/g, "")
                .replace(/&lt;/g, "<")
                .replace(/&gt;/g, ">")
                .replace(/&amp;/g, "&"),
            ),
        );
      }
      expect(h.api.unexpectedErrors()).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
