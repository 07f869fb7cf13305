// Where a notification goes: the recipient's address on a channel and the language to write in; the
// person's inbox (the outbox is the notification history) and their choice of channels; the Web
// Push subscriptions of their browsers.
import { and, asc, count, desc, eq, inArray, isNull, lt, notExists, sql } from "drizzle-orm";
import { type Channel, outbox, pushSubscriptions, users } from "../db/schema.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import type { OutboxRow } from "./outbox.js";
import { externalIdOf, findUser } from "./people.js";
import { languageOf } from "./workflow.js";

/** A recipient as a channel reaches them: the channel's own id for them and their language. */
export interface Recipient {
  /** The channel's id for the person (e.g. the Telegram user id as decimal text). */
  externalId: string;
  /** The language they chose ("vi" unless they chose another). */
  language: string;
}

/** One notification in the person's inbox. */
export type InboxItem = Pick<OutboxRow, "id" | "kind" | "arguments" | "applicationId" | "createdAt" | "readAt">;

/** A browser's Web Push subscription (PushSubscription.toJSON(): the endpoint and its keys). */
export interface PushSubscriptionInput {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** A notification for Web Push: the row, its recipient's language, and their browsers' subscriptions. */
export interface PushDue {
  row: OutboxRow;
  language: string;
  subscriptions: PushSubscriptionInput[];
}

/** At most this many browsers per person keep a push subscription (the oldest go first). */
const MAX_SUBSCRIPTIONS = 10;
/** Notifications of people without a Web Push subscription marked "none" in one statement. */
const NO_PUSH_BATCH = 2000;

/** A push service's address: https, of a sane length. The keys: base64url of a sane length. */
function validSubscription(s: PushSubscriptionInput): boolean {
  const key = /^[A-Za-z0-9_-]{8,200}={0,2}$/;
  let url: URL;
  try {
    url = new URL(s.endpoint);
  } catch {
    return false;
  }
  return url.protocol === "https:" && s.endpoint.length <= 1000 && key.test(s.p256dh) && key.test(s.auth);
}

/**
 * The notification use cases. `recipient`, `wantsTelegram` and the push queue act for the system
 * (the channels' senders), not for a person, so they take no actor; the inbox and the settings act
 * on the actor's own notifications only.
 */
export function notificationsService({ db }: Pick<CoreDeps, "db">) {
  const mine = (actor: number) => eq(outbox.recipientId, actor);

  return {
    /**
     * The recipient (an internal user id) on the channel, read at send time so a change of
     * language or a deleted identity counts; undefined when the channel does not know them.
     */
    recipient(userId: number, channel: Channel): Recipient | undefined {
      const externalId = externalIdOf(db, userId, channel);
      return externalId === undefined ? undefined : { externalId, language: languageOf(db, userId) };
    },

    /** Whether the person still wants notifications on Telegram (they may turn it off on the web). */
    wantsTelegram(userId: number): boolean {
      return !findUser(db, userId)?.telegramNotificationsOff;
    },

    /**
     * The actor's notifications, newest first: `limit` of them, older than the row `before` when
     * given; `more` when older ones are left.
     */
    inbox(
      actor: Actor,
      options: { limit?: number; before?: number } = {},
    ): { ok: true; items: InboxItem[]; more: boolean } | Refused<"not-found"> {
      if (actor === undefined || !findUser(db, actor)) return refuse("not-found");
      const limit = Math.min(Math.max(1, options.limit ?? 30), 100);
      const rows = db
        .select({
          id: outbox.id,
          kind: outbox.kind,
          arguments: outbox.arguments,
          applicationId: outbox.applicationId,
          createdAt: outbox.createdAt,
          readAt: outbox.readAt,
        })
        .from(outbox)
        .where(options.before === undefined ? mine(actor) : and(mine(actor), lt(outbox.id, options.before)))
        .orderBy(desc(outbox.id))
        .limit(limit + 1)
        .all();
      return { ok: true, items: rows.slice(0, limit), more: rows.length > limit };
    },

    /** How many of the actor's notifications they have not seen in the web inbox (0 for no actor). */
    unreadCount(actor: Actor): number {
      if (actor === undefined) return 0;
      return (
        db
          .select({ n: count() })
          .from(outbox)
          .where(and(mine(actor), isNull(outbox.readAt)))
          .get()?.n ?? 0
      );
    },

    /** Marks these notifications of the actor read (others' ids change nothing); returns how many changed. */
    markRead(actor: Actor, ids: readonly number[], at: Date = new Date()): number {
      if (actor === undefined || ids.length === 0) return 0;
      return db
        .update(outbox)
        .set({ readAt: at })
        .where(and(mine(actor), inArray(outbox.id, [...ids]), isNull(outbox.readAt)))
        .run().changes;
    },

    /**
     * The actor's channels: whether they are on Telegram and want it there, and how many of their
     * browsers receive Web Push. The web inbox is always on.
     */
    settings(
      actor: Actor,
    ): { ok: true; onTelegram: boolean; telegramOn: boolean; pushBrowsers: number } | Refused<"not-found"> {
      const user = actor === undefined ? undefined : findUser(db, actor);
      if (!user) return refuse("not-found");
      const pushBrowsers =
        db.select({ n: count() }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id)).get()?.n ?? 0;
      return {
        ok: true,
        onTelegram: externalIdOf(db, user.id, "telegram") !== undefined,
        telegramOn: !user.telegramNotificationsOff,
        pushBrowsers,
      };
    },

    /** Turns notifications on Telegram on or off for the actor. */
    setTelegram(actor: Actor, on: boolean): { ok: true } | Refused<"not-found"> {
      if (actor === undefined || !findUser(db, actor)) return refuse("not-found");
      db.update(users).set({ telegramNotificationsOff: !on, updatedAt: new Date() }).where(eq(users.id, actor)).run();
      return { ok: true };
    },

    /**
     * Keeps a browser's push subscription for the actor (a browser subscribed by someone else
     * before moves to the actor). "invalid": not an https endpoint with keys.
     */
    subscribePush(actor: Actor, subscription: PushSubscriptionInput): { ok: true } | Refused<"not-found" | "invalid"> {
      if (actor === undefined || !findUser(db, actor)) return refuse("not-found");
      if (!validSubscription(subscription)) return refuse("invalid");
      const { endpoint, p256dh, auth } = subscription;
      db.transaction((tx) => {
        tx.insert(pushSubscriptions)
          .values({ endpoint, p256dh, auth, userId: actor })
          .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { p256dh, auth, userId: actor } })
          .run();
        const kept = tx
          .select({ endpoint: pushSubscriptions.endpoint })
          .from(pushSubscriptions)
          .where(eq(pushSubscriptions.userId, actor))
          .orderBy(desc(pushSubscriptions.createdAt))
          .all();
        const old = kept.slice(MAX_SUBSCRIPTIONS).map((s) => s.endpoint);
        if (old.length) tx.delete(pushSubscriptions).where(inArray(pushSubscriptions.endpoint, old)).run();
      });
      return { ok: true };
    },

    /** Stops Web Push for the actor: in every browser, or only the one with this endpoint. */
    unsubscribePush(actor: Actor, endpoint?: string): { ok: true; removed: number } | Refused<"not-found"> {
      if (actor === undefined || !findUser(db, actor)) return refuse("not-found");
      const where =
        endpoint === undefined
          ? eq(pushSubscriptions.userId, actor)
          : and(eq(pushSubscriptions.userId, actor), eq(pushSubscriptions.endpoint, endpoint));
      return { ok: true, removed: db.delete(pushSubscriptions).where(where).run().changes };
    },

    /**
     * The next notifications the Web Push sender has not looked at, oldest first, up to `limit`.
     * Those whose recipient has no subscription (most people) are marked "none" in SQL, up to
     * NO_PUSH_BATCH at a time, without being read. `examined`: how many rows were settled or
     * returned (fewer than `limit`: nothing is left).
     */
    pushDue(limit: number): { examined: number; due: PushDue[] } {
      const unsubscribed = db
        .select({ id: outbox.id })
        .from(outbox)
        .where(
          and(
            isNull(outbox.pushState),
            notExists(
              db
                .select({ one: sql`1` })
                .from(pushSubscriptions)
                .where(eq(pushSubscriptions.userId, outbox.recipientId)),
            ),
          ),
        )
        .orderBy(asc(outbox.id))
        .limit(NO_PUSH_BATCH);
      const settled = db
        .update(outbox)
        .set({ pushState: "none" })
        .where(inArray(outbox.id, unsubscribed))
        .run().changes;
      const rows = db.select().from(outbox).where(isNull(outbox.pushState)).orderBy(asc(outbox.id)).limit(limit).all();
      if (rows.length === 0) return { examined: settled, due: [] };
      // The subscriptions of the batch's recipients, in one query.
      const byRecipient = new Map<number, PushSubscriptionInput[]>();
      const found = db
        .select({
          userId: pushSubscriptions.userId,
          endpoint: pushSubscriptions.endpoint,
          p256dh: pushSubscriptions.p256dh,
          auth: pushSubscriptions.auth,
        })
        .from(pushSubscriptions)
        .where(inArray(pushSubscriptions.userId, [...new Set(rows.map((r) => r.recipientId))]))
        .all();
      for (const { userId, ...subscription } of found)
        byRecipient.set(userId, [...(byRecipient.get(userId) ?? []), subscription]);
      const due: PushDue[] = [];
      const none: number[] = [];
      for (const row of rows) {
        const subscriptions = byRecipient.get(row.recipientId) ?? [];
        if (subscriptions.length === 0) none.push(row.id);
        else due.push({ row, language: languageOf(db, row.recipientId), subscriptions });
      }
      if (none.length) db.update(outbox).set({ pushState: "none" }).where(inArray(outbox.id, none)).run();
      return { examined: settled + rows.length, due };
    },

    /** Records what the Web Push sender did with a notification. */
    recordPush(rowId: number, state: "sent" | "failed"): void {
      db.update(outbox).set({ pushState: state }).where(eq(outbox.id, rowId)).run();
    },

    /** Forgets a subscription the push service says is gone (the browser unsubscribed or expired). */
    forgetPushSubscription(endpoint: string): void {
      db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint)).run();
    },
  };
}

export type NotificationsService = ReturnType<typeof notificationsService>;
