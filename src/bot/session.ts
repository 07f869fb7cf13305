// What the user is doing now (UI state only; the database holds everything worth keeping), and
// where it is kept: SQLite by default, Redis when several instances share the work.

import { RedisAdapter } from "@grammyjs/storage-redis";
import { eq, sql } from "drizzle-orm";
import type { StorageAdapter } from "grammy";
import type { Redis } from "ioredis";
import { type Db, holdForNextCommit, withoutFlush } from "../db/client.js";
import { remember, remembered } from "../db/memo.js";
import { preparedFor } from "../db/prepared.js";
import { sessions } from "../db/schema.js";

export type Step =
  | "reg-name"
  | "reg-phone"
  | "reg-org-type"
  | "reg-business-registration"
  | "reg-org-name"
  | "reg-commune"
  | "product-name"
  | "product-set"
  | "product-rename"
  | "assess"
  | "evidence"
  | "officer-note"
  | "officer-decision"
  | "officer-date"
  | "officer-local-note"
  | "officer-points"
  | "admin-commune"
  | "dossier";

export interface SessionData {
  /** Set on every session once loaded: a session without it was lost (Redis emptied) or is new. */
  v?: 1;
  /** The language chosen with /ngonngu before consent (afterwards it is kept with the user). */
  language?: string;
  step?: Step;
  /** Set when a profile field is being edited: go back to the profile afterwards. */
  editing?: boolean;
  /** Commune codes offered as buttons, for typed choices. */
  communeChoices?: string[];
  productName?: string;
  productSet?: string;
  /** The product being moved to another set, or renamed. */
  moveProductId?: number;
  renameProductId?: number;
  /** Product-set numbers suggested last, for a typed choice. */
  setChoices?: number[];
  /** The criterion the next photo or document is evidence for. */
  evidenceFor?: string;
  /** A command to carry out once consent is given (an administrator's first /quantri). */
  afterConsent?: "quantri";
  /** An invitation (join_… or officer_…) opened before consent, used once consent is given. */
  pendingInvite?: string;
  /** The dossier item being asked ("Hoàn thiện hồ sơ"). */
  dossierKey?: string;
  /** The local criterion whose remarks an officer is typing. */
  localTopic?: string;
  /** An official result being recorded. */
  resultStars?: number;
  decisionNumber?: string;
  /** The application whose missing items (for filing) are being done one after another. */
  fixing?: number;
  /** The current question was opened from the review: answering it does not go on with the walk. */
  fromReview?: boolean;
  /** The assessment in this chat, its current question and the message showing it. */
  applicationId?: number;
  question?: string;
  questionMessageId?: number;
  /** The last button pressed, to tell a double tap from a new press (plumbing.ts). */
  lastPress?: { message: number; data: string; at: number };
  /** The last typed answer the bot accepted, so that editing that message can change it (edits.ts). */
  lastText?: TypedAnswer;
}

/** Where a typed answer went: its message, the step and what the step was about. */
export interface TypedAnswer {
  message: number;
  step: Step;
  applicationId?: number;
  question?: string;
  questionMessageId?: number;
  dossierKey?: string;
  localTopic?: string;
}

export const initialSession = (): SessionData => ({});

/**
 * Sessions in SQLite: the conversation's UI state, rebuilt from the database when lost (restore.ts).
 * With `holdWrites`, a write waits for the next commit on the database (holdForNextCommit: usually
 * the next answer's), reads seeing it meanwhile; without, it is committed at once without a flush.
 * Reads are remembered while the database is unchanged (memo.ts).
 */
export class SqliteSessionStorage implements StorageAdapter<SessionData> {
  private readonly find;
  private readonly upsert;
  private readonly remove;
  /** JSON of the sessions written and not committed yet on this database, by key; null for a deleted one. */
  private readonly held;
  private readonly holdWrites: boolean;

  constructor(
    private readonly db: Db,
    options: { holdWrites?: boolean } = {},
  ) {
    this.held = heldSessions(db);
    this.holdWrites = options.holdWrites ?? false;
    this.find = db
      .select({ value: sessions.value })
      .from(sessions)
      .where(eq(sessions.key, sql.placeholder("key")))
      .prepare();
    this.upsert = db
      .insert(sessions)
      .values({ key: sql.placeholder("key"), value: sql.placeholder("value"), updatedAt: sql.placeholder("at") })
      .onConflictDoUpdate({
        target: sessions.key,
        set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
      })
      .prepare();
    this.remove = db
      .delete(sessions)
      .where(eq(sessions.key, sql.placeholder("key")))
      .prepare();
  }

  read(key: string): SessionData | undefined {
    const held = this.held.get(key);
    const json = held === undefined ? remembered(this.db, "session", key, () => this.find.get({ key })?.value) : held;
    return json === null || json === undefined ? undefined : (JSON.parse(json) as SessionData);
  }

  write(key: string, value: SessionData): void {
    const json = JSON.stringify(value);
    this.save(key, json, () => this.upsert.run({ key, value: json, at: new Date() }));
  }

  delete(key: string): void {
    this.save(key, null, () => this.remove.run({ key }));
  }

  /** `json` (null: no session) for `key`, written by `statement` now or with the next commit. */
  private save(key: string, json: string | null, statement: () => void): void {
    if (!this.holdWrites) return void withoutFlush(this.db, statement);
    this.held.set(key, json);
    holdForNextCommit(this.db, `session:${key}`, statement, () => {
      if (this.held.get(key) === json) this.held.delete(key);
      remember(this.db, "session", key, json ?? undefined);
    });
  }
}

/** Sessions written and not committed yet, by database: every storage on it reads them. */
const heldSessions = preparedFor(() => new Map<string, string | null>());

/** Sessions expire after 90 days without activity; the database still holds every answer. */
export const REDIS_SESSION_TTL_SECONDS = 90 * 24 * 3600;
export const REDIS_SESSION_PREFIX = "ocop:session:";
/** Keys of the processed-updates log (update-log.ts) and the instances' heartbeats. */
export const REDIS_UPDATES_PREFIX = "ocop:";

export function redisSessionStorage(redis: Redis): StorageAdapter<SessionData> {
  return new RedisAdapter<SessionData>({ instance: redis, ttl: REDIS_SESSION_TTL_SECONDS });
}
