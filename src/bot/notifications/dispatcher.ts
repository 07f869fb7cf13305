// The dispatcher that sends the outbox's notifications (intents queued by the services, see
// src/services/outbox.ts) to Telegram: each row rendered for its recipient at send time.
//
// Guarantees of the dispatcher:
// - Per recipient (a private chat), rows go strictly in id order: only the oldest pending row of a
//   recipient is ever a candidate, and a chat has at most one send in flight. A row waiting for a
//   retry blocks the later rows of its chat (sent and undeliverable rows do not).
// - Limits: a send holds one of `perSecond` slots from its start until one second after its
//   answer, so no one-second window ever sees more than `perSecond` requests, whatever the
//   latency; a chat is free again `perChatIntervalMs` after the answer to its previous send.
// - Failures: 429 retries after retry_after (and two chats hit within a second pause everything);
//   5xx, network errors and timeouts back off exponentially, forever; 403 and 400 are final
//   ("undeliverable"); other 4xx get a few tries, then are final. A row that cannot be rendered
//   (unknown kind) is final too. A row for someone who is not on Telegram (a web-only user) or
//   turned Telegram off is "skipped" at once: it blocks nothing (the web inbox still shows it).
// - Nothing is lost on a stop or crash: the table is the queue. A row is marked only after
//   Telegram answered; a crash between the answer and the mark can repeat one message.
//
// Works with or without @grammyjs/auto-retry on the Api: every send carries an abort signal with a
// deadline (auto-retry otherwise retries network errors forever inside one call), and whatever
// error finally surfaces is classified below. With auto-retry, short 429 waits happen inside the
// call (the slot stays held meanwhile), so only longer ones reach the global pause.
import { and, asc, eq, gt, min, sql } from "drizzle-orm";
import { type Api, GrammyError, HttpError } from "grammy";
import type { Logger } from "pino";
import type { Db } from "../../db/client.js";
import { outbox } from "../../db/schema.js";
import type { OutboxRow } from "../../services/outbox.js";
import type { TelegramMessage } from "./render.js";

export interface DispatcherLimits {
  /** Sends per second over all chats (Telegram allows about 30). Default 25. */
  perSecond?: number;
  /** Minimum time between two sends to one chat. Default 1000. */
  perChatIntervalMs?: number;
}

export interface DispatcherOptions {
  db: Db;
  /** The bot's `bot.api` (auto-retry installed or not), or any grammY Api. */
  api: Api;
  /**
   * The row as a Telegram message (renderNotification), or why it has none: `error` (then it is
   * undeliverable) or `skip` (not for this channel: marked skipped).
   */
  render: (row: OutboxRow) => TelegramMessage | { error: string } | { skip: string };
  logger: Logger;
  /** Milliseconds since the epoch; default Date.now. Compared with the rows' nextAttemptAt. */
  now?: () => number;
  /**
   * Waits `ms`; default an internal timer that wake-ups and stop() cancel. A test clock can
   * advance its time here (and should yield to I/O, e.g. with setImmediate).
   */
  sleep?: (ms: number) => Promise<void>;
  limits?: DispatcherLimits;
  /** Ceiling of the exponential backoff for 5xx, network errors and timeouts. Default 300 000. */
  maxBackoffMs?: number;
  /** Fallback poll when nothing is scheduled (rows inserted without kick()). Default 5000. */
  pollIntervalMs?: number;
  /** A send not answered within this time is aborted and retried later. Default 30 000. */
  sendTimeoutMs?: number;
  /** Tries for a 4xx other than 400, 403 and 429 (401, 404, …) before giving up. Default 5. */
  maxAttemptsOtherClientErrors?: number;
  /**
   * Called once a row is marked undeliverable, with Telegram's error code and description (e.g. to
   * note that the recipient blocked the bot). Rows it queues are sent in the same run; its errors
   * are logged.
   */
  onUndeliverable?: (row: OutboxRow, code: number | undefined, description: string) => void;
}

export interface Dispatcher {
  /** Starts the loop (idempotent). */
  start(): void;
  /** Stops the loop; resolves once the sends in flight are finished and recorded. */
  stop(): Promise<void>;
  /** Wakes the loop now: call after a transaction that enqueued rows has committed. */
  kick(): void;
  /**
   * Sends every row that is due now, respecting order and limits (waiting for them with
   * `sleep`); returns when what is left is in flight nowhere and not due. Returns how many rows
   * were marked sent meanwhile. For tests and one-off scripts.
   */
  drainOnce(): Promise<number>;
}

type Outcome =
  | { kind: "sent" }
  | { kind: "retry"; delayMs: number; error: string; code: number | undefined; floodWait?: boolean }
  | { kind: "undeliverable"; error: string; code: number | undefined }
  | { kind: "skipped"; reason: string };

const ONE_SECOND = 1000;

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, api, render } = options;
  const log = options.logger.child({ component: "outbox" });
  const now = options.now ?? Date.now;
  const perSecond = Math.max(1, Math.floor(options.limits?.perSecond ?? 25));
  const perChatIntervalMs = Math.max(0, options.limits?.perChatIntervalMs ?? 1000);
  const maxBackoffMs = Math.max(ONE_SECOND, options.maxBackoffMs ?? 300_000);
  const pollIntervalMs = Math.max(10, options.pollIntervalMs ?? 5000);
  const sendTimeoutMs = Math.max(1, options.sendTimeoutMs ?? 30_000);
  const maxOtherClientAttempts = Math.max(1, options.maxAttemptsOtherClientErrors ?? 5);

  /** Sends in flight, by row id. */
  const inflight = new Map<number, Promise<void>>();
  /** Chats with a send in flight. */
  const busyChats = new Set<number>();
  /** When each recently answered chat may be sent to again. */
  const chatFreeAt = new Map<number, number>();
  /** When the slots of answered sends come free (answer + 1 s). */
  let slotFreeAt: number[] = [];
  /** Recent 429s, to tell a global flood wait (several chats) from a per-chat one. */
  let recent429: { chatId: number; at: number; retryAfterMs: number }[] = [];
  let pausedUntil = 0;
  let sentCount = 0;

  let running = false;
  let loopDone: Promise<void> | undefined;
  const waiters = new Set<() => void>();

  function wake(): void {
    for (const w of [...waiters]) w();
  }

  /** Waits `ms` (Infinity: until woken), or less when woken (kick, an answer, stop). */
  function wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        if (!waiters.delete(done)) return;
        if (timer) clearTimeout(timer);
        resolve();
      };
      waiters.add(done);
      if (ms === Infinity) return;
      const delay = Math.max(0, Math.ceil(ms));
      if (options.sleep) options.sleep(delay).then(done, done);
      else timer = setTimeout(done, delay);
    });
  }

  /** The oldest pending row of each chat that is due at `t`, oldest first. */
  function dueHeads(t: number, limit: number): OutboxRow[] {
    return db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.status, "pending"),
          // Through outbox_queue (pending rows in id order, read until `limit` are found): the unary
          // plus keeps SQLite from choosing outbox_retry, which would read and sort every due row.
          sql`+${outbox.nextAttemptAt} <= ${t}`,
          sql`${outbox.id} = (select min(earlier.id) from ${outbox} as earlier where earlier.status = 'pending' and earlier.recipient_id = ${outbox.recipientId})`,
        ),
      )
      .orderBy(asc(outbox.id))
      .limit(limit)
      .all();
  }

  /** The earliest retry time after `t` (of any pending row: an early wake-up is harmless). */
  function nextDueAfter(t: number): number | undefined {
    const row = db
      .select({ at: min(outbox.nextAttemptAt) })
      .from(outbox)
      .where(and(eq(outbox.status, "pending"), gt(outbox.nextAttemptAt, new Date(t))))
      .get();
    return row?.at ? row.at.getTime() : undefined;
  }

  interface Pass {
    /** Due rows are waiting for a limit (busy chat, interval, slots, pause). */
    blocked: boolean;
    /** When the earliest limit lifts, if that is a time (else: when a send in flight answers). */
    limitAt: number | undefined;
    /** The earliest retry time in the future. */
    dueAt: number | undefined;
  }

  /** Launches every send allowed now. Synchronous: reads the table, starts the sends. */
  function dispatchDue(): Pass {
    const t = now();
    slotFreeAt = slotFreeAt.filter((at) => at > t);
    for (const [chatId, at] of chatFreeAt) if (at <= t) chatFreeAt.delete(chatId);

    let limitAt: number | undefined;
    const limitLiftsAt = (at: number) => {
      limitAt = limitAt === undefined ? at : Math.min(limitAt, at);
    };
    let blocked = false;

    if (t < pausedUntil) {
      blocked = dueHeads(t, 1).length > 0;
      limitLiftsAt(pausedUntil);
    } else {
      let capacity = Math.max(0, perSecond - inflight.size - slotFreeAt.length);
      // Enough rows to fill the capacity even if every chat under a limit comes first, plus one
      // to know whether something due is left waiting.
      const skippable = new Set([...busyChats, ...chatFreeAt.keys()]).size;
      for (const row of dueHeads(t, capacity + skippable + 1)) {
        if (busyChats.has(row.recipientId) || inflight.has(row.id)) {
          blocked = true;
          continue;
        }
        const free = chatFreeAt.get(row.recipientId);
        if (free !== undefined && free > t) {
          blocked = true;
          limitLiftsAt(free);
          continue;
        }
        if (capacity === 0) {
          blocked = true;
          const firstFree = slotFreeAt.length ? Math.min(...slotFreeAt) : undefined;
          if (firstFree !== undefined) limitLiftsAt(firstFree);
          break;
        }
        capacity--;
        launch(row);
      }
    }
    return { blocked, limitAt, dueAt: nextDueAfter(t) };
  }

  function launch(row: OutboxRow): void {
    busyChats.add(row.recipientId);
    const p = send(row).finally(() => {
      inflight.delete(row.id);
      busyChats.delete(row.recipientId);
      wake();
    });
    inflight.set(row.id, p);
  }

  async function send(row: OutboxRow): Promise<void> {
    let outcome: Outcome;
    let message: TelegramMessage | { error: string } | { skip: string };
    try {
      message = render(row);
    } catch (error) {
      message = { error: `cannot render: ${errorText(error)}` };
    }
    if ("error" in message) {
      safeRecord(row, { kind: "undeliverable", error: message.error, code: undefined });
      return;
    }
    if ("skip" in message) {
      safeRecord(row, { kind: "skipped", reason: message.skip });
      return;
    }
    const controller = new AbortController();
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, sendTimeoutMs);
    try {
      await api.sendMessage(
        message.chatId,
        message.text,
        {
          ...(message.parseMode ? { parse_mode: message.parseMode } : {}),
          ...(message.replyMarkup ? { reply_markup: message.replyMarkup } : {}),
        },
        // grammY's Node typings name the AbortSignal of the abort-controller shim; same object at run time.
        controller.signal as unknown as Parameters<Api["sendMessage"]>[3],
      );
      outcome = { kind: "sent" };
    } catch (error) {
      outcome = classify(row, error, timedOut);
    } finally {
      clearTimeout(deadline);
    }
    safeRecord(row, outcome);
  }

  function safeRecord(row: OutboxRow, outcome: Outcome): void {
    try {
      record(row, outcome, now());
    } catch (error) {
      // The database failed: the row stays pending and is tried again (possibly a repeat).
      log.error({ outboxId: row.id, err: errorText(error) }, "could not record the outcome of a notification");
    }
  }

  function backoff(attempts: number): number {
    // attempts: the tries so far, this one included. 1 s, 2 s, 4 s, … up to maxBackoffMs.
    return Math.min(maxBackoffMs, ONE_SECOND * 2 ** Math.min(30, Math.max(0, attempts - 1)));
  }

  function classify(row: OutboxRow, error: unknown, timedOut: boolean): Outcome {
    const attempts = row.attempts + 1;
    if (error instanceof GrammyError) {
      const code = error.error_code;
      const description = error.description;
      if (code === 429) {
        const retryAfter = error.parameters.retry_after;
        const delayMs = typeof retryAfter === "number" && retryAfter >= 0 ? retryAfter * ONE_SECOND : backoff(attempts);
        return { kind: "retry", delayMs, error: description, code, floodWait: true };
      }
      if (code === 400 || code === 403) return { kind: "undeliverable", error: description, code };
      if (code >= 400 && code < 500) {
        return attempts >= maxOtherClientAttempts
          ? { kind: "undeliverable", error: description, code }
          : { kind: "retry", delayMs: backoff(attempts), error: description, code };
      }
      return { kind: "retry", delayMs: backoff(attempts), error: description, code };
    }
    if (timedOut)
      return {
        kind: "retry",
        delayMs: backoff(attempts),
        error: `timed out after ${sendTimeoutMs} ms`,
        code: undefined,
      };
    // HttpError (network) or anything else (an abort inside a transformer, …): try again later.
    return { kind: "retry", delayMs: backoff(attempts), error: errorText(error), code: undefined };
  }

  function record(row: OutboxRow, outcome: Outcome, t: number): void {
    const attempts = row.attempts + 1;
    const stillPending = and(eq(outbox.id, row.id), eq(outbox.status, "pending"));
    if (outcome.kind === "skipped") {
      // Nothing was sent: no limit is used.
      db.update(outbox).set({ status: "skipped", lastError: outcome.reason }).where(stillPending).run();
      log.debug({ outboxId: row.id, reason: outcome.reason }, "notification not for Telegram");
      return;
    }
    chatFreeAt.set(row.recipientId, Math.max(chatFreeAt.get(row.recipientId) ?? 0, t + perChatIntervalMs));
    slotFreeAt.push(t + ONE_SECOND);
    switch (outcome.kind) {
      case "sent":
        db.update(outbox)
          .set({ status: "sent", sentAt: new Date(t), attempts })
          .where(stillPending)
          .run();
        sentCount++;
        log.debug({ outboxId: row.id, applicationId: row.applicationId, attempts }, "notification sent");
        return;
      case "undeliverable": {
        db.update(outbox)
          .set({ status: "undeliverable", attempts, lastError: outcome.error })
          .where(stillPending)
          .run();
        const fields = {
          outboxId: row.id,
          applicationId: row.applicationId,
          attempts,
          code: outcome.code,
          error: outcome.error,
        };
        if (outcome.code === 403)
          log.warn(fields, "notification undeliverable: the user blocked the bot or never started it");
        else log.error(fields, "notification undeliverable: Telegram refused it");
        try {
          options.onUndeliverable?.(row, outcome.code, outcome.error);
        } catch (error) {
          log.error({ outboxId: row.id, err: errorText(error) }, "handling an undeliverable notification failed");
        }
        return;
      }
      case "retry": {
        const retryAt = t + outcome.delayMs;
        db.update(outbox)
          .set({ attempts, lastError: outcome.error, nextAttemptAt: new Date(retryAt) })
          .where(stillPending)
          .run();
        log.warn(
          {
            outboxId: row.id,
            applicationId: row.applicationId,
            attempts,
            code: outcome.code,
            error: outcome.error,
            retryInMs: outcome.delayMs,
          },
          "notification failed, will retry",
        );
        if (outcome.floodWait) floodWait(row.recipientId, t, outcome.delayMs);
        return;
      }
    }
  }

  /** A 429 pauses its chat (its row waits); 429s from two chats within a second pause everything. */
  function floodWait(chatId: number, t: number, retryAfterMs: number): void {
    recent429 = recent429.filter((e) => t - e.at < ONE_SECOND);
    const others = recent429.filter((e) => e.chatId !== chatId);
    recent429.push({ chatId, at: t, retryAfterMs });
    if (others.length === 0) return;
    const longest = Math.max(retryAfterMs, ...others.map((e) => e.retryAfterMs));
    if (t + longest > pausedUntil) {
      pausedUntil = t + longest;
      log.warn({ pauseMs: longest }, "flood wait on several chats: pausing all notifications");
    }
  }

  async function loop(): Promise<void> {
    while (running) {
      let pass: Pass;
      try {
        pass = dispatchDue();
      } catch (error) {
        log.error({ err: errorText(error) }, "outbox pass failed");
        pass = { blocked: false, limitAt: undefined, dueAt: now() + pollIntervalMs };
      }
      if (!running) break;
      const t = now();
      const at = Math.min(pass.limitAt ?? Infinity, pass.dueAt ?? Infinity, t + pollIntervalMs);
      // With sends in flight and nothing timed, their answers wake the loop.
      const idleOnSends = inflight.size > 0 && pass.limitAt === undefined && pass.dueAt === undefined;
      await wait(idleOnSends ? Infinity : Math.max(1, at - t));
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loopDone = loop().catch((error: unknown) => {
        running = false;
        log.error({ err: errorText(error) }, "outbox loop crashed");
      });
    },

    async stop() {
      running = false;
      wake();
      await loopDone;
      loopDone = undefined;
      await Promise.allSettled([...inflight.values()]);
    },

    kick() {
      wake();
    },

    async drainOnce() {
      const before = sentCount;
      for (;;) {
        const pass = dispatchDue();
        if (!pass.blocked && inflight.size === 0) break;
        if (pass.blocked && pass.limitAt !== undefined) await wait(Math.max(1, pass.limitAt - now()));
        else if (inflight.size > 0)
          await wait(Infinity); // an answer wakes us
        else break; // cannot happen; never hang
      }
      return sentCount - before;
    },
  };
}

function errorText(error: unknown): string {
  if (error instanceof HttpError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
