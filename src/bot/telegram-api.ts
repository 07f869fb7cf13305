// How the bot talks to the Bot API. Telegram's refusals that are not faults are handled here, where
// every call passes, so no handler can forget one:
// - sends wait their turn under Telegram's limits (rate-limiter.ts); a 429 pauses the chat and
//   the call is tried again after retry_after, as often as needed (@grammyjs/auto-retry with no
//   attempt limit), so a reply is late rather than lost; an edit that leaves a message without
//   buttons only tidies what the person saw, and waits behind the new messages people wait for;
// - "message is not modified": the message already shows that content, which is success;
// - "message to edit not found" / "message can't be edited": removing buttons from a message that
//   is gone is done; new text for it is sent as a new message instead;
// - "query is too old" (or already answered): the button's spinner is gone anyway;
// - long polling answered 409 (another instance polls with the same token): one log line, then
//   polling goes on with a growing pause until the other instance stops.
import { autoRetry } from "@grammyjs/auto-retry";
import type { Api, RawApi, Transformer } from "grammy";
import type { Logger } from "pino";
import type { RateLimiter, SendPriority } from "./rate-limiter.js";

type Payload = Record<string, unknown>;
type Response = Awaited<ReturnType<Transformer>>;

const SUCCESS = { ok: true, result: true } as unknown as Response;

/** Methods that put a message in a chat or change one: what Telegram's flood limits count. */
export function countsTowardLimits(method: string): boolean {
  return /^(send(?!ChatAction)|edit|copyMessage|forwardMessage)/.test(method);
}

/**
 * How soon a message-producing call is wanted: "tidy" for an edit that leaves the message without
 * buttons (the answered question, a choice made: the person already saw it and goes on in a new
 * message), "reply" for everything else, new messages and edits that bring buttons (a menu that
 * changes in place) alike.
 */
export function sendPriority(method: string, payload: Record<string, unknown>): SendPriority {
  if (!method.startsWith("edit")) return "reply";
  const markup = payload.reply_markup as { inline_keyboard?: unknown[][] } | undefined;
  const buttons = markup?.inline_keyboard?.some((row) => row.length > 0) ?? false;
  return buttons ? "reply" : "tidy";
}

const NOT_MODIFIED = /message is not modified/i;
const MESSAGE_GONE = /message to edit not found|message can't be edited/i;
const QUERY_GONE = /query is too old|query ID is invalid/i;

/**
 * Holds a sending slot around every message-producing call (tidy edits after waiting replies:
 * `sendPriority`), and pauses a chat after a 429.
 */
export function throttle(limiter: RateLimiter): Transformer {
  return async (prev, method, payload, signal) => {
    if (!countsTowardLimits(method)) return prev(method, payload, signal);
    const chat = (payload as Payload).chat_id as number | string | undefined;
    const priority = sendPriority(method, payload as Payload);
    const release = await limiter.acquire(chat, signal as AbortSignal | undefined, priority);
    try {
      const res = await prev(method, payload, signal);
      if (!res.ok && res.error_code === 429) limiter.pause(chat, (res.parameters?.retry_after ?? 1) * 1000);
      return res;
    } finally {
      release();
    }
  };
}

/** Telegram's answers that describe a state, not a fault, turned into what the caller meant. */
export function telegramRefusals(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const res = await prev(method, payload, signal);
    if (res.ok) return res;
    const p = payload as Payload;
    const description = res.description ?? "";
    if (method.startsWith("edit") && NOT_MODIFIED.test(description)) return SUCCESS;
    if (method === "answerCallbackQuery" && QUERY_GONE.test(description)) {
      logger.debug({ method }, "callback query too old to answer");
      return SUCCESS;
    }
    if (method.startsWith("edit") && MESSAGE_GONE.test(description)) {
      if (method !== "editMessageText" || p.chat_id === undefined) return SUCCESS;
      logger.debug({ method }, "message to edit is gone: sending the text as a new message");
      const { message_id: _id, inline_message_id: _inline, ...rest } = p;
      return prev("sendMessage", rest as Parameters<RawApi["sendMessage"]>[0], signal);
    }
    return res;
  };
}

/**
 * The transformers every Api of the bot uses, innermost first: the limiter, then retries (429
 * after retry_after, 5xx and network errors with a growing pause, without an attempt limit),
 * then Telegram's harmless refusals.
 */
export function installTelegramPolicies(api: Api, limiter: RateLimiter, logger: Logger): void {
  api.config.use(
    throttle(limiter),
    autoRetry({ maxRetryAttempts: Infinity, maxDelaySeconds: Infinity }),
    telegramRefusals(logger),
  );
}

/**
 * Long polling only: a 409 (another process polls with the same token, or a webhook is set) is
 * logged once per episode and getUpdates is tried again after 1, 2, 4… up to `maxPauseMs`,
 * forever; whichever instance is left then gets the updates. Never lets the runner see a 409.
 */
export function retryPollingConflicts(logger: Logger, maxPauseMs = 30_000): Transformer {
  let conflicted = false;
  return async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    for (let pause = 1000; ; pause = Math.min(maxPauseMs, pause * 2)) {
      const res = await prev(method, payload, signal);
      if (res.ok || res.error_code !== 409) {
        if (res.ok && conflicted) logger.info("long polling works again: no other instance is polling");
        if (res.ok) conflicted = false;
        return res;
      }
      if (!conflicted)
        logger.warn(
          { description: res.description },
          "another instance is polling with the same token (409): retrying with backoff",
        );
      conflicted = true;
      await abortableSleep(pause, signal as AbortSignal | undefined);
    }
  };
}

function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Reads a file sent on Telegram by its file id (getFile, then the download; bots may download up
 * to 20 MB): for the web chat, which shows evidence sent in the bot. Errors never carry the token.
 */
export function telegramFileReader(
  api: Api,
  token: string,
  apiRoot = "https://api.telegram.org",
): (fileId: string) => Promise<Buffer> {
  return async (fileId) => {
    const file = await api.getFile(fileId);
    if (!file.file_path) throw new Error("Telegram gave no file path");
    const res = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`);
    if (!res.ok) throw new Error(`Telegram file download failed: HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  };
}
