// Double taps on the web: a form that creates something (a product, a re-assessment) carries a
// one-time key; the answer to a request is remembered briefly, so the same request sent again
// (pressed twice before the first answer came back, or sent again by a flaky network) leads to
// the same place instead of creating a second one.
import { randomBytes } from "node:crypto";

/** How long a request's answer is remembered. */
export const ONCE_MS = 10 * 60 * 1000;
/** At most this many answers are remembered (the oldest are let go first). */
const ONCE_MAX = 5000;

/** The hidden field that carries the one-time key. */
export const ONCE_FIELD = "once";

/** A new one-time key for a form that creates something. */
export const onceKey = (): string => randomBytes(12).toString("base64url");

export interface RecentPosts {
  /** Where the same request by the same person led, if it was answered in the last ONCE_MS. */
  seen(actor: number | undefined, action: string, fields: Record<string, unknown>): string | undefined;
  /** Remembers where the request led (only requests with a one-time key are remembered). */
  remember(actor: number | undefined, action: string, fields: Record<string, unknown>, to: string): void;
}

/** The requests answered recently, by person, action and every field but the CSRF token. */
export function recentPosts(now: () => number = Date.now): RecentPosts {
  const answers = new Map<string, { to: string; at: number }>();
  const keyOf = (actor: number | undefined, action: string, fields: Record<string, unknown>) => {
    const key = fields[ONCE_FIELD];
    if (actor === undefined || typeof key !== "string" || !key) return undefined;
    const rest = Object.entries(fields)
      .filter(([name]) => name !== "_csrf")
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, value]) => [name, String(value)]);
    return JSON.stringify([actor, action, rest]);
  };
  return {
    seen(actor, action, fields) {
      const key = keyOf(actor, action, fields);
      const found = key === undefined ? undefined : answers.get(key);
      return found && now() - found.at < ONCE_MS ? found.to : undefined;
    },
    remember(actor, action, fields, to) {
      const key = keyOf(actor, action, fields);
      if (key === undefined) return;
      const at = now();
      for (const [k, v] of answers) {
        if (answers.size < ONCE_MAX && at - v.at < ONCE_MS) break;
        answers.delete(k);
      }
      answers.set(key, { to, at });
    },
  };
}
