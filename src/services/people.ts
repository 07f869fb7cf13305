// Users, their consent and profile, and the organisation they produce under.
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { Db } from "../db/client.js";
import { remembered } from "../db/memo.js";
import { preparedFor } from "../db/prepared.js";
import {
  type Channel,
  consentEvents,
  type OrganisationType,
  organisationMembers,
  organisations,
  userIdentities,
  users,
} from "../db/schema.js";
import { charCount } from "../text.js";
import type { DbOrTx } from "./outbox.js";

/** Bump when the privacy notice in locales/ changes: users are asked again. */
export const PRIVACY_NOTICE_VERSION = "2026-11";

export type User = typeof users.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;

const userById = preparedFor((db) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
);
const organisationByIdQuery = preparedFor((db) =>
  db
    .select()
    .from(organisations)
    .where(eq(organisations.id, sql.placeholder("id")))
    .prepare(),
);
const identityQuery = preparedFor((db) =>
  db
    .select({ id: userIdentities.userId })
    .from(userIdentities)
    .where(
      and(
        eq(userIdentities.channel, sql.placeholder("channel")),
        eq(userIdentities.externalId, sql.placeholder("externalId")),
      ),
    )
    .prepare(),
);

export function findUser(db: Db, id: number): User | undefined {
  return userById(db).get({ id });
}

/** How a channel knows a person: the channel and its own id for them (a Telegram user id as decimal text). */
export interface Identity {
  channel: Channel;
  externalId: string;
}

/** The identity of a Telegram user id. */
export function telegramIdentity(telegramUserId: number): Identity {
  return { channel: "telegram", externalId: String(telegramUserId) };
}

/** The internal id of the user a channel knows by this identity, if any. */
export function userIdOf(db: DbOrTx, identity: Identity): number | undefined {
  return db
    .select({ id: userIdentities.userId })
    .from(userIdentities)
    .where(and(eq(userIdentities.channel, identity.channel), eq(userIdentities.externalId, identity.externalId)))
    .get()?.id;
}

/** The user a channel knows by this identity, if any (remembered while the database is unchanged: do not change it). */
export function findUserBy(db: Db, identity: Identity): User | undefined {
  return remembered(db, "user-by-identity", `${identity.channel}:${identity.externalId}`, () => {
    const id = identityQuery(db).get({ ...identity })?.id;
    return id === undefined ? undefined : findUser(db, id);
  });
}

/** The channel's own id for the user (e.g. the Telegram user id as text), if the user has one there. */
export function externalIdOf(db: DbOrTx, userId: number, channel: Channel): string | undefined {
  return db
    .select({ externalId: userIdentities.externalId })
    .from(userIdentities)
    .where(and(eq(userIdentities.userId, userId), eq(userIdentities.channel, channel)))
    .get()?.externalId;
}

/** The user of this identity, created (without consent) with the identity when it is new. Returns the internal id. */
export function ensureUser(db: DbOrTx, identity: Identity): number {
  const known = userIdOf(db, identity);
  if (known !== undefined) return known;
  const { id } = db.insert(users).values({}).returning({ id: users.id }).get();
  db.insert(userIdentities)
    .values({ ...identity, userId: id })
    .run();
  return id;
}

/**
 * The internal ids of the administrators, who are configured by their Telegram ids (ADMIN_IDS). An
 * administrator the database does not know yet gets a user (without consent), so notifications
 * can be addressed to them as to anyone.
 */
export function adminUserIds(db: DbOrTx, adminTelegramIds: readonly number[]): number[] {
  return adminTelegramIds.map((id) => ensureUser(db, telegramIdentity(id)));
}

/** Whether the user is an administrator: their Telegram identity is among ADMIN_IDS. */
export function isAdminUser(db: DbOrTx, adminTelegramIds: readonly number[], userId: number): boolean {
  const telegramId = externalIdOf(db, userId, "telegram");
  return telegramId !== undefined && adminTelegramIds.some((id) => String(id) === telegramId);
}

export function hasConsent(user: User | undefined): user is User & { consentVersion: string } {
  return !!user?.consentVersion && user.consentVersion === PRIVACY_NOTICE_VERSION;
}

/** Records the consent of the person a channel knows by `identity`, creating the user on first consent. */
export function grantConsent(db: Db, identity: Identity, language: string | undefined): User {
  const at = new Date();
  const id = db.transaction((tx) => {
    const id = ensureUser(tx, identity);
    tx.update(users)
      // A language chosen before stays; a new user starts in their app's language.
      .set({
        consentVersion: PRIVACY_NOTICE_VERSION,
        consentAt: at,
        updatedAt: at,
        ...(language ? { language: sql`coalesce(${users.language}, ${language})` } : {}),
      })
      .where(eq(users.id, id))
      .run();
    tx.insert(consentEvents)
      .values({ userId: id, noticeVersion: PRIVACY_NOTICE_VERSION, decision: "granted", at })
      .run();
    return id;
  });
  return findUser(db, id)!;
}

/** A refusal keeps nothing but the fact of the refusal for a user we already knew. */
export function declineConsent(db: Db, id: number): void {
  if (findUser(db, id)) {
    db.insert(consentEvents).values({ userId: id, noticeVersion: PRIVACY_NOTICE_VERSION, decision: "declined" }).run();
  }
}

export function setLanguage(db: Db, id: number, language: string): void {
  db.update(users).set({ language, updatedAt: new Date() }).where(eq(users.id, id)).run();
}

export function updateUser(
  db: Db,
  id: number,
  values: Partial<Pick<User, "fullName" | "phone" | "remindersOff">>,
): void {
  db.update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id))
    .run();
}

/** Whether the bot can message the user: false once a message failed because they blocked it or never opened it. */
export function isReachable(db: DbOrTx, id: number): boolean {
  return !db.select({ since: users.unreachableSince }).from(users).where(eq(users.id, id)).get()?.since;
}

/**
 * Records that the bot cannot message the user (kept from the first failure); true when this
 * changed something, i.e. the user was reachable until now.
 */
export function markUnreachable(db: DbOrTx, id: number, at: Date): boolean {
  return (
    db
      .update(users)
      .set({ unreachableSince: at })
      .where(and(eq(users.id, id), isNull(users.unreachableSince)))
      .run().changes > 0
  );
}

/** The user wrote to the bot or unblocked it: it can message them again. */
export function markReachable(db: Db, id: number): void {
  db.update(users)
    .set({ unreachableSince: null })
    .where(and(eq(users.id, id), isNotNull(users.unreachableSince)))
    .run();
}

/** Text typed as a name: NFC (iPhones send Vietnamese decomposed), spaces collapsed. */
function tidy(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** A full name as people write it (2–80 characters): letters (any script), spaces, dots, hyphens, apostrophes. */
export function normaliseFullName(text: string): string | undefined {
  const name = tidy(text);
  if (charCount(name) < 2 || charCount(name) > 80) return undefined;
  if (!/^[\p{L}][\p{L}\p{M} .'-]*$/u.test(name)) return undefined;
  return name;
}

/**
 * A Vietnamese mobile number in any form people type or share it — 0912 345 678, 091-234-5678,
 * +84 (0) 912 345 678, 0084 912 345 678, 84912345678, full-width digits — as "0912345678".
 * Landlines and foreign numbers give undefined (libphonenumber-js metadata tells them apart).
 */
export function normalisePhone(text: string): string | undefined {
  const typed = text.normalize("NFKC");
  // Only what a phone number is written with: the parser would silently drop a stray letter.
  if (!/^[\d\s+().-]+$/.test(typed)) return undefined;
  const parsed = parsePhoneNumberFromString(typed, "VN");
  if (parsed?.country !== "VN" || !parsed.isValid()) return undefined;
  const type = parsed.getType();
  return type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE" ? `0${parsed.nationalNumber}` : undefined;
}

/** An organisation's or product's name: 2–120 characters with at least one letter. */
export function normaliseOrganisationName(text: string): string | undefined {
  const name = tidy(text);
  return charCount(name) >= 2 && charCount(name) <= 120 && /\p{L}/u.test(name) ? name : undefined;
}

/** Registration answers given before the organisation exists: kept with the user until the commune is chosen. */
export function saveRegistrationDraft(
  db: Db,
  id: number,
  draft: { type?: OrganisationType; name?: string; businessRegistered?: boolean | null },
): void {
  const { type, name, businessRegistered } = draft;
  db.update(users)
    .set({
      ...(type ? { pendingOrgType: type } : {}),
      ...(name ? { pendingOrgName: name } : {}),
      ...(businessRegistered !== undefined ? { pendingBusinessRegistered: businessRegistered } : {}),
      updatedAt: new Date(),
    })
    .where(eq(users.id, id))
    .run();
}

/** The user's own organisation, else the first one they joined as a member. */
export function organisationOf(db: Db, user: User): Organisation | undefined {
  if (user.organisationId)
    return db.select().from(organisations).where(eq(organisations.id, user.organisationId)).get();
  const membership = db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, user.id))
    .orderBy(organisationMembers.joinedAt)
    .get();
  return membership && db.select().from(organisations).where(eq(organisations.id, membership.id)).get();
}

export function ownsOrganisation(user: User, org: Organisation): boolean {
  return org.ownerId === user.id;
}

export interface OrganisationInput {
  type: OrganisationType;
  name: string;
  communeCode: string;
  /** Households only: whether they hold a household business registration; null otherwise. */
  businessRegistered: boolean | null;
}

export function organisationById(db: Db, id: number): Organisation | undefined {
  return organisationByIdQuery(db).get({ id });
}

/**
 * Whether the organisation is a household that said it has no business registration. Decision
 * 26/2026/QĐ-TTg, Art. 2 khoản 3: households take part as OCOP producers only "có đăng ký kinh
 * doanh", so such a household may self-assess but cannot file an application until it registers.
 */
export function lacksBusinessRegistration(org: Pick<Organisation, "type" | "businessRegistered">): boolean {
  return org.type === "household" && org.businessRegistered === false;
}

/** Creates the user's own organisation, or updates it. */
export function saveOrganisation(db: Db, user: User, input: Partial<OrganisationInput>): Organisation {
  const existing = user.organisationId ? organisationOf(db, user) : undefined;
  if (existing) {
    db.update(organisations).set(input).where(eq(organisations.id, existing.id)).run();
    return organisationOf(db, user)!;
  }
  const { type, name, communeCode, businessRegistered = null } = input;
  if (!type || !name || !communeCode) throw new Error("a new organisation needs its type, name and commune");
  return db.transaction((tx) => {
    const org = tx
      .insert(organisations)
      .values({ ownerId: user.id, type, name, communeCode, businessRegistered })
      .returning()
      .get();
    tx.update(users)
      .set({
        organisationId: org.id,
        pendingOrgType: null,
        pendingOrgName: null,
        pendingBusinessRegistered: null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id))
      .run();
    return org;
  });
}

export function isRegistered(db: Db, user: User | undefined): boolean {
  return !!user && !!user.fullName && !!user.phone && !!organisationOf(db, user);
}
