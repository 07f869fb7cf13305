// The database: the truth about users, organisations, products, applications and answers.
// Sessions hold only what the user is doing now; everything worth keeping is here.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { APPLICATION_STATES } from "../domain/lifecycle.js";

export { APPLICATION_STATES, type ApplicationState } from "../domain/lifecycle.js";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

export const ORGANISATION_TYPES = ["household", "cooperative-group", "cooperative", "enterprise"] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/**
 * People, by an internal id. How each channel knows them is in `user_identities`. Users from
 * before identities existed kept their Telegram id as their internal id.
 */
export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  language: text("language"),
  /** The privacy notice version the user agreed to; null without consent. */
  consentVersion: text("consent_version"),
  consentAt: timestamp("consent_at"),
  fullName: text("full_name"),
  phone: text("phone"),
  organisationId: integer("organisation_id"),
  /** Registration answers given before the organisation exists (its type and name, then the commune). */
  pendingOrgType: text("pending_org_type", { enum: ORGANISATION_TYPES }),
  pendingOrgName: text("pending_org_name"),
  /** A household's answer to "do you hold a business registration?", kept until the organisation exists. */
  pendingBusinessRegistered: integer("pending_business_registered", { mode: "boolean" }),
  remindersOff: integer("reminders_off", { mode: "boolean" }).notNull().default(false),
  /** Since when the bot cannot message the user (they blocked it, or never opened it); null when it can. */
  unreachableSince: timestamp("unreachable_since"),
  /** The person turned notifications on Telegram off (settings page of the web chat); the web inbox is always on. */
  telegramNotificationsOff: integer("telegram_notifications_off", { mode: "boolean" }).notNull().default(false),
  createdAt: timestamp("created_at").notNull().default(now),
  updatedAt: timestamp("updated_at").notNull().default(now),
});

export const CHANNELS = ["telegram", "web", "zalo"] as const;
export type Channel = (typeof CHANNELS)[number];

/** How a channel knows a user: e.g. ("telegram", "<Telegram user id>") → users.id. */
export const userIdentities = sqliteTable(
  "user_identities",
  {
    channel: text("channel", { enum: CHANNELS }).notNull(),
    externalId: text("external_id").notNull(),
    userId: integer("user_id").notNull(),
    createdAt: timestamp("created_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.channel, t.externalId] }), index("user_identities_user").on(t.userId)],
);

/** Every consent decision, with the notice's version: the record the law asks for. */
export const consentEvents = sqliteTable("consent_events", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  userId: integer("user_id").notNull(),
  noticeVersion: text("notice_version").notNull(),
  decision: text("decision", { enum: ["granted", "declined", "withdrawn"] }).notNull(),
  at: timestamp("at").notNull().default(now),
});

export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerId: integer("owner_id").notNull(),
    type: text("type", { enum: ORGANISATION_TYPES }).notNull(),
    name: text("name").notNull(),
    communeCode: text("commune_code").notNull(),
    /**
     * For households: whether they hold a household business registration (Decision 26/2026, Art. 2
     * khoản 3: producers are households "có đăng ký kinh doanh"). Null when not asked.
     */
    businessRegistered: integer("business_registered", { mode: "boolean" }),
    createdAt: timestamp("created_at").notNull().default(now),
  },
  (t) => [index("organisations_owner").on(t.ownerId)],
);

export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id").notNull(),
    createdBy: integer("created_by").notNull(),
    name: text("name").notNull(),
    productSet: text("product_set").notNull(),
    createdAt: timestamp("created_at").notNull().default(now),
  },
  (t) => [index("products_organisation").on(t.organisationId)],
);

/** A self-assessment of a product, which becomes the application once submitted. */
export const applications = sqliteTable(
  "applications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productId: integer("product_id").notNull(),
    organisationId: integer("organisation_id").notNull(),
    /** `<rubric version>/<product set>`: an application is always scored with the sheet it started under. */
    sheetId: text("sheet_id").notNull(),
    /** The case of a sheet with cases (tourism), asked once. */
    caseId: text("case_id"),
    state: text("state", { enum: APPLICATION_STATES }).notNull().default("draft"),
    /** The commune the application is filed with (the organisation's, at submission). */
    communeCode: text("commune_code"),
    revision: integer("revision").notNull().default(0),
    submittedAt: timestamp("submitted_at"),
    receivedAt: timestamp("received_at"),
    createdBy: integer("created_by").notNull(),
    createdAt: timestamp("created_at").notNull().default(now),
    updatedAt: timestamp("updated_at").notNull().default(now),
  },
  (t) => [
    index("applications_product").on(t.productId),
    index("applications_organisation").on(t.organisationId),
    // The reminders' ticks: idle drafts and certificates by state and age, digests per commune.
    index("applications_state_updated").on(t.state, t.updatedAt),
    index("applications_commune_state").on(t.communeCode, t.state),
  ],
);

export const answers = sqliteTable(
  "answers",
  {
    applicationId: integer("application_id").notNull(),
    criterionId: text("criterion_id").notNull(),
    optionId: text("option_id").notNull(),
    answeredBy: integer("answered_by").notNull(),
    answeredAt: timestamp("answered_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.criterionId] })],
);

/** Answers to the disqualification questions: whether each requirement holds. */
export const clearances = sqliteTable(
  "clearances",
  {
    applicationId: integer("application_id").notNull(),
    itemId: text("item_id").notNull(),
    holds: integer("holds", { mode: "boolean" }).notNull(),
    answeredBy: integer("answered_by").notNull(),
    answeredAt: timestamp("answered_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.itemId] })],
);

export const evidence = sqliteTable(
  "evidence",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: integer("application_id").notNull(),
    criterionId: text("criterion_id").notNull(),
    fileId: text("file_id").notNull(),
    fileUniqueId: text("file_unique_id").notNull(),
    fileName: text("file_name"),
    fileSize: integer("file_size"),
    mimeType: text("mime_type"),
    kind: text("kind", { enum: ["photo", "video", "document"] }).notNull(),
    /** What the file proves (an EVIDENCE_KINDS id), when the user tagged it. */
    evidenceKind: text("evidence_kind"),
    addedBy: integer("added_by").notNull(),
    addedAt: timestamp("added_at").notNull().default(now),
  },
  (t) => [index("evidence_application").on(t.applicationId, t.criterionId)],
);

/** grammY sessions when Redis is not configured. */
export const sessions = sqliteTable("sessions", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at").notNull().default(now),
});

/**
 * Telegram updates taken or done, so that a redelivered update (webhook timeout, restart, a second
 * poller) is processed once. `owner` is the process working on it; `doneAt` is set when finished.
 * Rows older than two days are pruned (Telegram keeps updates for 24 hours).
 */
export const processedUpdates = sqliteTable("processed_updates", {
  updateId: integer("update_id").primaryKey(),
  owner: text("owner").notNull(),
  claimedAt: integer("claimed_at").notNull(),
  doneAt: integer("done_at"),
});

/** Who belongs to an organisation besides its owner (cooperative members, staff). */
export const organisationMembers = sqliteTable(
  "organisation_members",
  {
    organisationId: integer("organisation_id").notNull(),
    userId: integer("user_id").notNull(),
    joinedAt: timestamp("joined_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index("members_user").on(t.userId)],
);

/** One-time deep-link invitations: to join an organisation, or to become an officer of communes. */
export const invites = sqliteTable("invites", {
  code: text("code").primaryKey(),
  kind: text("kind", { enum: ["member", "officer"] }).notNull(),
  organisationId: integer("organisation_id"),
  /** For officer invites: the commune codes, comma-separated. */
  communeCodes: text("commune_codes"),
  createdBy: integer("created_by").notNull(),
  createdAt: timestamp("created_at").notNull().default(now),
  expiresAt: timestamp("expires_at").notNull(),
  usedBy: integer("used_by"),
  usedAt: timestamp("used_at"),
  revokedAt: timestamp("revoked_at"),
});

export const officers = sqliteTable(
  "officers",
  {
    userId: integer("user_id").notNull(),
    communeCode: text("commune_code").notNull(),
    appointedBy: integer("appointed_by").notNull(),
    appointedAt: timestamp("appointed_at").notNull().default(now),
    revokedAt: timestamp("revoked_at"),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.communeCode] }),
    index("officers_commune").on(t.communeCode),
    index("officers_revoked").on(t.revokedAt),
  ],
);

/** The audit trail: every state change of an application, who made it, when, and the note. */
export const applicationEvents = sqliteTable(
  "application_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: integer("application_id").notNull(),
    action: text("action").notNull(),
    fromState: text("from_state", { enum: APPLICATION_STATES }).notNull(),
    toState: text("to_state", { enum: APPLICATION_STATES }).notNull(),
    actorId: integer("actor_id"),
    actorRole: text("actor_role").notNull(),
    note: text("note"),
    at: timestamp("at").notNull().default(now),
  },
  (t) => [index("events_application").on(t.applicationId)],
);

/** The answers as submitted, one row per submission: a resubmission keeps the earlier ones. */
export const submissions = sqliteTable(
  "submissions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: integer("application_id").notNull(),
    revision: integer("revision").notNull(),
    answers: text("answers", { mode: "json" }).$type<Record<string, string>>().notNull(),
    clearances: text("clearances", { mode: "json" }).$type<Record<string, boolean>>().notNull(),
    total: integer("total").notNull(),
    stars: integer("stars").notNull(),
    submittedBy: integer("submitted_by").notNull(),
    submittedAt: timestamp("submitted_at").notNull().default(now),
  },
  (t) => [index("submissions_application").on(t.applicationId)],
);

/** The commune's own evaluation of the four local criteria (Decision 26/2026, Art. 7). */
export const localEvaluations = sqliteTable(
  "local_evaluations",
  {
    applicationId: integer("application_id").notNull(),
    /** origin | labour | idea | identity */
    topic: text("topic").notNull(),
    criterionId: text("criterion_id"),
    optionId: text("option_id"),
    note: text("note"),
    officerId: integer("officer_id").notNull(),
    at: timestamp("at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.topic] })],
);

/** The official result recorded by an officer. */
export const officialResults = sqliteTable("official_results", {
  applicationId: integer("application_id").primaryKey(),
  stars: integer("stars").notNull(),
  decisionNumber: text("decision_number").notNull(),
  decisionDate: text("decision_date").notNull(),
  /** The council's points per part (part id → points), when the officer recorded them. */
  partPoints: text("part_points", { mode: "json" }).$type<Record<string, number>>(),
  recordedBy: integer("recorded_by").notNull(),
  recordedAt: timestamp("recorded_at").notNull().default(now),
});

export const OUTBOX_STATUSES = ["pending", "sent", "undeliverable", "skipped"] as const;
export const PUSH_STATES = ["sent", "none", "failed"] as const;

/**
 * Notifications to send, as intents: who is told (a user), what (the kind and its arguments, plain
 * data) and about which application. Written in the same transaction as the change that causes
 * them; the recipient's channel renders them in the recipient's language and sends them later, in
 * order per recipient: nothing is lost while the channel is unreachable.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recipientId: integer("recipient_id").notNull(),
    kind: text("kind").notNull(),
    applicationId: integer("application_id"),
    /** The kind's arguments, JSON. */
    arguments: text("arguments", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at").notNull().default(now),
    lastError: text("last_error"),
    createdAt: timestamp("created_at").notNull().default(now),
    sentAt: timestamp("sent_at"),
    /** When the recipient saw it in the web chat's inbox (the inbox is the notification history); null while unread. */
    readAt: timestamp("read_at"),
    /** What the web push sender did with it: null until it looked, then sent, none (no subscription) or failed. */
    pushState: text("push_state", { enum: PUSH_STATES }),
  },
  (t) => [
    index("outbox_pending").on(t.status, t.recipientId, t.id),
    // The dispatcher's passes: the pending rows in id order, and the earliest retry.
    index("outbox_queue").on(t.status, t.id),
    index("outbox_retry").on(t.status, t.nextAttemptAt),
    index("outbox_inbox").on(t.recipientId, t.readAt),
    index("outbox_push").on(t.pushState, t.id),
  ],
);

export const REMINDER_KINDS = ["digest", "idle-draft", "certificate"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * Reminders already sent (queued in the outbox), so none goes twice across restarts or instances:
 * the insert (on conflict do nothing) that reports a change is the one that may send.
 * key: the day in Vietnam ("YYYY-MM-DD") for a digest; "<applicationId>:<updatedAt ms>" for an
 * idle draft, so a new idle period after more answers can remind once more;
 * "<applicationId>:<months before expiry>" for a certificate about to expire.
 */
export const reminders = sqliteTable(
  "reminders",
  {
    kind: text("kind", { enum: REMINDER_KINDS }).notNull(),
    userId: integer("user_id").notNull(),
    key: text("key").notNull(),
    sentAt: timestamp("sent_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.kind, t.userId, t.key] })],
);

/**
 * What the dossier's forms need beyond the self-assessment (Mẫu 01/02), asked once in the
 * "Hoàn thiện hồ sơ" flow: one row per item, for the organisation, the product or the application.
 * An empty value means the user skipped the item.
 */
export const dossierFields = sqliteTable(
  "dossier_fields",
  {
    scope: text("scope", { enum: ["organisation", "product", "application"] }).notNull(),
    scopeId: integer("scope_id").notNull(),
    key: text("key").notNull(),
    value: text("value").notNull(),
    updatedBy: integer("updated_by").notNull(),
    updatedAt: timestamp("updated_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scopeId, t.key] })],
);

/**
 * The administrative units, seeded from src/data/vn-admin-2025 on first start and kept current by
 * `npm run admin -- communes import`. Records name communes by code (organisations, applications,
 * officers, invitations): a unit that is removed or merged stays here, marked, so old records still
 * show its name.
 */
export const provinces = sqliteTable("provinces", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  fullName: text("full_name").notNull(),
  type: text("type", { enum: ["province", "city"] }).notNull(),
});

export const communes = sqliteTable(
  "communes",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    /** xã, phường, đặc khu. */
    type: text("type", { enum: ["commune", "ward", "special-zone"] }).notNull(),
    provinceCode: text("province_code").notNull(),
    /** When an import removed or merged the unit; null while it exists. */
    removedAt: timestamp("removed_at"),
    /** The unit it was merged into (or renumbered as), whose records it now are. */
    mergedInto: text("merged_into"),
    updatedAt: timestamp("updated_at").notNull().default(now),
  },
  (t) => [index("communes_province").on(t.provinceCode)],
);

/** Every change of the list (the seed, each import): what changed and from which file. The newest id is the list's revision. */
export const communeImports = sqliteTable("commune_imports", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  source: text("source").notNull(),
  summary: text("summary", { mode: "json" }).$type<Record<string, number>>().notNull(),
  importedBy: text("imported_by"),
  at: timestamp("at").notNull().default(now),
});

/**
 * Browsers signed in to the web chat. The cookie holds a long random token; only its SHA-256 is
 * kept, so a copy of the database signs no one in.
 */
export const webSessions = sqliteTable(
  "web_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id").notNull(),
    createdAt: timestamp("created_at").notNull().default(now),
    lastSeenAt: timestamp("last_seen_at").notNull().default(now),
  },
  (t) => [index("web_sessions_user").on(t.userId)],
);

export const ONE_TIME_CODE_PURPOSES = ["sign-in", "link"] as const;
export type OneTimeCodePurpose = (typeof ONE_TIME_CODE_PURPOSES)[number];

/**
 * Short-lived one-time codes: "sign-in" continues the account on another device or browser;
 * "link" joins the channel that redeems it (web or Telegram) to the account that asked for it.
 * Only the code's SHA-256 is kept; a redeemed code is deleted.
 */
export const oneTimeCodes = sqliteTable(
  "one_time_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    userId: integer("user_id").notNull(),
    purpose: text("purpose", { enum: ONE_TIME_CODE_PURPOSES }).notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    createdAt: timestamp("created_at").notNull().default(now),
  },
  (t) => [index("one_time_codes_user").on(t.userId)],
);

/**
 * Browsers that allowed Web Push notifications: the push service's endpoint and the browser's keys
 * (the PushSubscription the browser gave). A subscription the push service says is gone is deleted.
 */
export const pushSubscriptions = sqliteTable(
  "push_subscriptions",
  {
    endpoint: text("endpoint").primaryKey(),
    userId: integer("user_id").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: timestamp("created_at").notNull().default(now),
  },
  (t) => [index("push_subscriptions_user").on(t.userId)],
);
