// The web chat's sign-in: browser sessions held by a random token in a cookie, and one-time codes
// to continue on another device or to join the web and Telegram into one account. Only the
// SHA-256 of a token or code is stored. Channel-free: the web and the bot redeem codes here.
import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";
import { and, eq, gt, inArray, lt, lte } from "drizzle-orm";
import {
  applications,
  type OneTimeCodePurpose,
  officers,
  oneTimeCodes,
  organisationMembers,
  organisations,
  outbox,
  pushSubscriptions,
  reminders,
  userIdentities,
  users,
  webSessions,
} from "../db/schema.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import type { DbOrTx } from "./outbox.js";
import { externalIdOf, findUser, type Identity, telegramIdentity, type User, userIdOf } from "./people.js";

/** A one-time code lasts 10 minutes (in ms). */
export const CODE_TTL_MS = 10 * 60 * 1000;
/** A code is this many digits: typed easily on a phone's number pad. */
export const CODE_DIGITS = 8;

/** The digits of a code as typed ("1234 5678", "1234-5678", full-width digits), or undefined. */
export function normaliseCode(typed: string): string | undefined {
  const digits = typed.normalize("NFKC").replace(/[\s.-]/g, "");
  return new RegExp(`^\\d{${CODE_DIGITS}}$`).test(digits) ? digits : undefined;
}

/** A code as shown: two groups of four digits. */
export const showCode = (code: string): string => `${code.slice(0, 4)} ${code.slice(4)}`;

/** Why a code did nothing. "invalid-code": unknown, used or expired (told apart for no one). */
export type CodeRefusal =
  | "invalid-code"
  /** The browser or the Telegram account redeeming it belongs to another account that has data of its own. */
  | "other-account"
  /** The account already has another Telegram account. */
  | "already-linked"
  /** Too many wrong codes from this Telegram account in the last minute. */
  | "too-many";

/** Wrong codes a Telegram account may send per minute (the web limits its sign-in page itself). */
const TELEGRAM_TRIES_PER_MINUTE = 5;

/**
 * Whether the user has something worth keeping: an organisation (owned or joined), an application
 * they started, or an officer post (even a past one). A user without any is only a name and a
 * phone, and may be folded into the account they are joining.
 */
export function hasOwnData(db: DbOrTx, userId: number): boolean {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return false;
  if (user.organisationId !== null) return true;
  const one = <T>(rows: T[]) => rows.length > 0;
  return (
    one(
      db.select({ id: organisations.id }).from(organisations).where(eq(organisations.ownerId, userId)).limit(1).all(),
    ) ||
    one(
      db
        .select({ id: organisationMembers.userId })
        .from(organisationMembers)
        .where(eq(organisationMembers.userId, userId))
        .limit(1)
        .all(),
    ) ||
    one(
      db.select({ id: applications.id }).from(applications).where(eq(applications.createdBy, userId)).limit(1).all(),
    ) ||
    one(db.select({ id: officers.userId }).from(officers).where(eq(officers.userId, userId)).limit(1).all())
  );
}

/**
 * Folds a user with nothing worth keeping (hasOwnData false) into another, in the caller's
 * transaction: their identities, browser sessions and push subscriptions move over; their
 * codes, notifications and reminders go with the user row. Their consent events stay, as the record.
 */
function foldInto(tx: DbOrTx, from: number, into: number): void {
  tx.update(userIdentities).set({ userId: into }).where(eq(userIdentities.userId, from)).run();
  tx.update(webSessions).set({ userId: into }).where(eq(webSessions.userId, from)).run();
  tx.update(pushSubscriptions).set({ userId: into }).where(eq(pushSubscriptions.userId, from)).run();
  tx.delete(oneTimeCodes).where(eq(oneTimeCodes.userId, from)).run();
  tx.delete(outbox).where(eq(outbox.recipientId, from)).run();
  tx.delete(reminders).where(eq(reminders.userId, from)).run();
  tx.delete(users).where(eq(users.id, from)).run();
}

/** A browser session is forgotten after this long without a visit (90 days, in ms). */
export const SESSION_IDLE_MS = 90 * 24 * 3600 * 1000;
/** last_seen_at is written at most this often (1 hour, in ms), not on every request. */
const TOUCH_EVERY_MS = 3600 * 1000;

/** SHA-256 of a secret, hex: what the database keeps instead of a token or code. */
export const secretHash = (secret: string): string => createHash("sha256").update(secret).digest("hex");

/** 32 random bytes as base64url (43 characters): a session token. */
const newToken = (): string => randomBytes(32).toString("base64url");

/**
 * Browser sessions of the web chat. `start` signs a user in (after consent, or a one-time code);
 * `userOf` tells who a token belongs to; `end` signs one browser out, `endAll` every one.
 */
export function accountsService({ db, now = () => new Date() }: CoreDeps) {
  const webIdentity = (userId: number): Identity => {
    const known = externalIdOf(db, userId, "web");
    if (known) return { channel: "web", externalId: known };
    const externalId = randomUUID();
    db.insert(userIdentities).values({ channel: "web", externalId, userId }).run();
    return { channel: "web", externalId };
  };

  /** Recent wrong codes per Telegram user id (ms), in this process: guessing by /lienket is slowed. */
  const wrongTries = new Map<number, number[]>();

  /** The stored code with this value and one of these purposes, if it has not expired. */
  const validCode = (code: string, purposes: OneTimeCodePurpose[]) =>
    db
      .select()
      .from(oneTimeCodes)
      .where(
        and(
          eq(oneTimeCodes.codeHash, secretHash(code)),
          inArray(oneTimeCodes.purpose, purposes),
          gt(oneTimeCodes.expiresAt, now()),
        ),
      )
      .get();

  /** Uses a code up: true when this call deleted it (so two redemptions cannot both succeed). */
  const takeCode = (tx: DbOrTx, codeHash: string): boolean =>
    tx.delete(oneTimeCodes).where(eq(oneTimeCodes.codeHash, codeHash)).run().changes > 0;

  /**
   * A new session for the user: the token to put in the cookie (never stored as is). The user
   * gets a web identity if they have none (someone who came from Telegram with a code). Sessions
   * idle longer than SESSION_IDLE_MS, of anyone, are deleted first: a browser never seen again
   * leaves nothing behind.
   */
  const startSession = (userId: number): string => {
    const token = newToken();
    db.delete(webSessions)
      .where(lt(webSessions.lastSeenAt, new Date(now().getTime() - SESSION_IDLE_MS)))
      .run();
    webIdentity(userId);
    db.insert(webSessions)
      .values({ tokenHash: secretHash(token), userId, createdAt: now(), lastSeenAt: now() })
      .run();
    return token;
  };

  return {
    /** How the web knows the user (made on first use): for use cases that take an identity, such as consent. */
    webIdentityOf: webIdentity,

    startSession,

    /**
     * The user a session token signs in, or undefined (unknown, expired after SESSION_IDLE_MS, or its
     * user deleted). Refreshes the session's last visit at most once an hour.
     */
    userOfSession(token: string | undefined): User | undefined {
      if (!token) return undefined;
      const hash = secretHash(token);
      const session = db.select().from(webSessions).where(eq(webSessions.tokenHash, hash)).get();
      if (!session) return undefined;
      const at = now();
      if (at.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) {
        db.delete(webSessions).where(eq(webSessions.tokenHash, hash)).run();
        return undefined;
      }
      const user = findUser(db, session.userId);
      if (!user) return undefined;
      if (at.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
        db.update(webSessions).set({ lastSeenAt: at }).where(eq(webSessions.tokenHash, hash)).run();
      return user;
    },

    /** Signs this browser out (its session is deleted); an unknown token changes nothing. */
    endSession(token: string | undefined): void {
      if (token)
        db.delete(webSessions)
          .where(eq(webSessions.tokenHash, secretHash(token)))
          .run();
    },

    /** Signs the actor out of every browser. */
    endAllSessions(actor: Actor): { ok: true; ended: number } | Refused<"not-found"> {
      if (actor === undefined) return refuse("not-found");
      return { ok: true, ended: db.delete(webSessions).where(eq(webSessions.userId, actor)).run().changes };
    },

    /**
     * A new one-time code for the actor (CODE_DIGITS digits, valid CODE_TTL_MS, single use; only its
     * hash is kept). "sign-in": to continue on another browser; "link": to join a Telegram account
     * (sent to the bot as /lienket <code>) or, made on Telegram, typed on the web's sign-in page.
     */
    issueCode(
      actor: Actor,
      purpose: OneTimeCodePurpose,
    ): { ok: true; code: string; expiresAt: Date } | Refused<"not-found"> {
      if (actor === undefined || !findUser(db, actor)) return refuse("not-found");
      const at = now();
      db.delete(oneTimeCodes).where(lte(oneTimeCodes.expiresAt, at)).run();
      const expiresAt = new Date(at.getTime() + CODE_TTL_MS);
      for (;;) {
        const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, "0");
        const stored = db
          .insert(oneTimeCodes)
          .values({ codeHash: secretHash(code), userId: actor, purpose, expiresAt, createdAt: at })
          .onConflictDoNothing()
          .run();
        if (stored.changes > 0) return { ok: true, code, expiresAt };
      }
    },

    /**
     * Signs a browser in with a one-time code (of either purpose), as the code's user: the token of
     * the new session. `current`: who the browser is signed in as now, if anyone; an account of
     * its own with nothing worth keeping is folded into the code's user, one with data refuses
     * ("other-account", the code stays usable). A wrong, used or expired code changes nothing.
     */
    signInWithCode(
      typed: string,
      current: Actor,
    ): { ok: true; userId: number; token: string; folded: boolean } | Refused<CodeRefusal> {
      const code = normaliseCode(typed);
      const row = code && validCode(code, ["sign-in", "link"]);
      if (!row) return refuse("invalid-code");
      const userId = row.userId;
      const other = current !== undefined && current !== userId && findUser(db, current) ? current : undefined;
      if (other !== undefined && hasOwnData(db, other)) return refuse("other-account");
      const taken = db.transaction((tx) => {
        if (!takeCode(tx, row.codeHash)) return false;
        if (other !== undefined) foldInto(tx, other, userId);
        return true;
      });
      if (!taken) return refuse("invalid-code");
      return { ok: true, userId, token: startSession(userId), folded: other !== undefined };
    },

    /**
     * Joins a Telegram account to the user of a "link" code (made on the web): the Telegram
     * identity then signs in as that user. A Telegram account already known as a user with nothing
     * worth keeping is folded in; one with data refuses ("other-account"), as does an account that
     * has another Telegram account ("already-linked"). A wrong, used or expired code changes nothing.
     */
    linkTelegram(typed: string, telegramUserId: number): { ok: true; userId: number } | Refused<CodeRefusal> {
      const at = now().getTime();
      const recent = (wrongTries.get(telegramUserId) ?? []).filter((t) => at - t < 60_000);
      if (recent.length >= TELEGRAM_TRIES_PER_MINUTE) return refuse("too-many");
      const code = normaliseCode(typed);
      const row = code && validCode(code, ["link"]);
      if (!row) {
        if (wrongTries.size > 10_000) wrongTries.clear();
        wrongTries.set(telegramUserId, [...recent, at]);
        return refuse("invalid-code");
      }
      wrongTries.delete(telegramUserId);
      const identity = telegramIdentity(telegramUserId);
      const userId = row.userId;
      const known = userIdOf(db, identity);
      const linked = externalIdOf(db, userId, "telegram");
      if (known !== userId && linked !== undefined) return refuse("already-linked");
      if (known !== undefined && known !== userId && hasOwnData(db, known)) return refuse("other-account");
      const taken = db.transaction((tx) => {
        if (!takeCode(tx, row.codeHash)) return false;
        if (known === undefined)
          tx.insert(userIdentities)
            .values({ ...identity, userId })
            .run();
        else if (known !== userId) foldInto(tx, known, userId);
        return true;
      });
      return taken ? { ok: true, userId } : refuse("invalid-code");
    },
  };
}
