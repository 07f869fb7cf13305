// The web chat's sign-in: browser sessions held by a random token in a cookie. Only the token's
// SHA-256 is stored. (One-time codes to continue on another device or to link channels build on it.)
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import { userIdentities, webSessions } from "../db/schema.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import { externalIdOf, findUser, type Identity, type User } from "./people.js";

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

  return {
    /** How the web knows the user (made on first use): for use cases that take an identity, such as consent. */
    webIdentityOf: webIdentity,

    /**
     * A new session for the user: the token to put in the cookie (never stored as is). The user
     * gets a web identity if they have none (someone who came from Telegram with a code).
     */
    startSession(userId: number): string {
      const token = newToken();
      webIdentity(userId);
      db.insert(webSessions)
        .values({ tokenHash: secretHash(token), userId, createdAt: now(), lastSeenAt: now() })
        .run();
      return token;
    },

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

    /** Deletes sessions idle longer than SESSION_IDLE_MS; returns how many. */
    forgetIdleSessions(): number {
      const before = new Date(now().getTime() - SESSION_IDLE_MS);
      return db.delete(webSessions).where(lt(webSessions.lastSeenAt, before)).run().changes;
    },
  };
}
