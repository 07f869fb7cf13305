// The database: the truth about users, organisations, products, applications and answers.
// Sessions hold only what the user is doing now; everything worth keeping is here.
import { sql } from "drizzle-orm";
import { integer, primaryKey, sqliteTable, text, index } from "drizzle-orm/sqlite-core";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

export const ORGANISATION_TYPES = ["household", "cooperative-group", "cooperative", "enterprise"] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const users = sqliteTable("users", {
  /** Telegram user id. */
  id: integer("id").primaryKey(),
  language: text("language"),
  /** The privacy notice version the user agreed to; null without consent. */
  consentVersion: text("consent_version"),
  consentAt: timestamp("consent_at"),
  fullName: text("full_name"),
  phone: text("phone"),
  organisationId: integer("organisation_id"),
  remindersOff: integer("reminders_off", { mode: "boolean" }).notNull().default(false),
  createdAt: timestamp("created_at").notNull().default(now),
  updatedAt: timestamp("updated_at").notNull().default(now),
});

/** Every consent decision, with the notice's version: the record the law asks for. */
export const consentEvents = sqliteTable("consent_events", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  userId: integer("user_id").notNull(),
  noticeVersion: text("notice_version").notNull(),
  decision: text("decision", { enum: ["granted", "declined", "withdrawn"] }).notNull(),
  at: timestamp("at").notNull().default(now),
});

export const organisations = sqliteTable("organisations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  ownerId: integer("owner_id").notNull(),
  type: text("type", { enum: ORGANISATION_TYPES }).notNull(),
  name: text("name").notNull(),
  communeCode: text("commune_code").notNull(),
  createdAt: timestamp("created_at").notNull().default(now),
});

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

export const APPLICATION_STATES = [
  "draft",
  "completed",
  "submitted",
  "received",
  "returned",
  "forwarded",
  "rated",
  "withdrawn",
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

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
    createdBy: integer("created_by").notNull(),
    createdAt: timestamp("created_at").notNull().default(now),
    updatedAt: timestamp("updated_at").notNull().default(now),
  },
  (t) => [index("applications_product").on(t.productId), index("applications_organisation").on(t.organisationId)],
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
    kind: text("kind", { enum: ["photo", "document"] }).notNull(),
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
