// Telegram's sending limits, kept before sending rather than learnt from 429s: about 30 messages a
// second over all chats and about one a second per chat (short bursts allowed).
//
// A send holds a slot of its chat and a global slot from the moment it starts until `windowMs`
// after Telegram answered it. Whatever the network latency, no window of `windowMs` on Telegram's
// side then sees more than `count` sends.
//
// Waiting sends are served first come, first served, with one exception: a "tidy" send (an edit
// that only tidies a message the person already saw, e.g. removing the buttons of a question just
// answered) goes after the waiting sends a person is waiting for (a new message: the next
// question). So under a crowd, everyone's next question goes out before anyone's tidy-up. A tidy
// send that has waited `tidyMaxWaitMs` takes its place in arrival order again: it is never starved.

export interface Limit {
  /** Sends allowed in any window of `windowMs`. */
  count: number;
  windowMs: number;
}

export interface SendLimits {
  global: Limit;
  perChat: Limit;
}

/** Telegram's published limits (core.telegram.org/bots/faq): ~30/s in bulk, ~1/s per chat. */
export const TELEGRAM_LIMITS: SendLimits = {
  global: { count: 30, windowMs: 1000 },
  perChat: { count: 5, windowMs: 5000 },
};

/**
 * How soon a send is wanted: "reply" (the default) is something a person waits for; "tidy" only
 * tidies a message they already saw, and yields to waiting replies for up to `tidyMaxWaitMs`.
 */
export type SendPriority = "reply" | "tidy";

export interface RateLimiterOptions {
  /** Longest a tidy send yields to replies (ms); after that it is served in arrival order. */
  tidyMaxWaitMs?: number;
}

/** Default of `tidyMaxWaitMs`: above the ~7 s that 200 simultaneous replies need at 30/s. */
export const TIDY_MAX_WAIT_MS = 10_000;

export interface RateLimiter {
  /**
   * Waits for a slot of `chat` (a chat id; undefined: only the global limit) and holds it.
   * Resolves with the function that starts the slot's release once Telegram answered.
   * Rejects with the signal's reason if `signal` aborts while waiting. `priority` (default
   * "reply"): a "tidy" send waits behind replies that arrived after it, at most `tidyMaxWaitMs`.
   */
  acquire(chat: number | string | undefined, signal?: AbortSignal, priority?: SendPriority): Promise<() => void>;
  /** Telegram said 429 for this chat: no send to it before `ms` from now. */
  pause(chat: number | string | undefined, ms: number): void;
  /** Sends waiting for a slot now. */
  waiting(): number;
}

interface Waiter {
  chat: string | undefined;
  priority: SendPriority;
  /** When it started waiting (ms, from `now`). */
  since: number;
  grant: () => void;
}

/**
 * Runs `f` once `ms` have really passed. A timer alone can fire early: Node counts its delay from
 * the event loop's cached time, which is behind by whatever ran since the loop last woke up.
 */
function after(ms: number, f: () => void): void {
  const due = performance.now() + ms;
  const check = () => {
    const left = due - performance.now();
    if (left > 0) setTimeout(check, Math.ceil(left)).unref();
    else f();
  };
  setTimeout(check, ms).unref();
}

/**
 * A limiter within `limits` (per window over all chats and per chat). `now` (ms) is the clock for
 * pauses and for how long a tidy send has waited; the windows themselves run on timers.
 */
export function createRateLimiter(
  limits: SendLimits = TELEGRAM_LIMITS,
  now: () => number = Date.now,
  { tidyMaxWaitMs = TIDY_MAX_WAIT_MS }: RateLimiterOptions = {},
): RateLimiter {
  let globalHeld = 0;
  const chatHeld = new Map<string, number>();
  const pausedUntil = new Map<string, number>();
  const queue: Waiter[] = [];
  let timer: NodeJS.Timeout | undefined;

  const free = (chat: string | undefined, t: number) =>
    globalHeld < limits.global.count &&
    (chat === undefined || ((chatHeld.get(chat) ?? 0) < limits.perChat.count && (pausedUntil.get(chat) ?? 0) <= t));

  function take(chat: string | undefined): () => void {
    globalHeld++;
    if (chat !== undefined) chatHeld.set(chat, (chatHeld.get(chat) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      after(limits.global.windowMs, () => {
        globalHeld--;
        serve();
      });
      if (chat === undefined) return;
      after(limits.perChat.windowMs, () => {
        const n = (chatHeld.get(chat) ?? 1) - 1;
        if (n > 0) chatHeld.set(chat, n);
        else chatHeld.delete(chat);
        serve();
      });
    };
  }

  /** Grants, in arrival order, every waiter that `eligible` accepts and that fits now. */
  function grantFitting(t: number, eligible: (w: Waiter) => boolean): void {
    for (let i = 0; i < queue.length && globalHeld < limits.global.count; ) {
      const w = queue[i]!;
      if (eligible(w) && free(w.chat, t)) {
        queue.splice(i, 1);
        w.grant();
      } else i++;
    }
  }

  /**
   * Grants every waiter that fits now: replies and tidy sends waiting for `tidyMaxWaitMs` in
   * arrival order, then the other tidy sends; wakes up again when a pause ends.
   */
  function serve(): void {
    const t = now();
    grantFitting(t, (w) => w.priority === "reply" || t - w.since >= tidyMaxWaitMs);
    grantFitting(t, () => true);
    for (const [chat, until] of pausedUntil) if (until <= t) pausedUntil.delete(chat);
    if (timer) clearTimeout(timer);
    timer = undefined;
    const nextPauseEnd = Math.min(...[...pausedUntil.values()]);
    if (queue.length && Number.isFinite(nextPauseEnd)) timer = setTimeout(serve, Math.max(1, nextPauseEnd - t)).unref();
  }

  return {
    acquire(chatId, signal, priority = "reply") {
      const chat = chatId === undefined ? undefined : String(chatId);
      const t = now();
      if (queue.length === 0 && free(chat, t)) return Promise.resolve(take(chat));
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          chat,
          priority,
          since: t,
          grant: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve(take(chat));
          },
        };
        const onAbort = () => {
          const i = queue.indexOf(waiter);
          if (i >= 0) queue.splice(i, 1);
          reject(signal?.reason ?? new Error("aborted while waiting for a sending slot"));
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(waiter);
        // Served at once if it fits: a reply may go ahead of tidy sends that wait for their chat.
        serve();
      });
    },
    pause(chatId, ms) {
      if (chatId === undefined) return;
      const chat = String(chatId);
      pausedUntil.set(chat, Math.max(pausedUntil.get(chat) ?? 0, now() + ms));
      serve();
    },
    waiting: () => queue.length,
  };
}
