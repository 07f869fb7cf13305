// Web Push: the notifications of the outbox, sent to the browsers that allowed them, in the
// recipient's language. Its own small sender beside Telegram's dispatcher: bounded batches, never
// blocking start-up, the outbox row's push_state recording what was done. The VAPID keys are made
// at first start and kept in the data folder (like the cookie key).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { I18n } from "@grammyjs/i18n";
import type { Logger } from "pino";
import webpush from "web-push";
import type { Commune } from "../geo/communes.js";
import type { NotificationsService, PushSubscriptionInput } from "../services/notifications.js";
import { plainText } from "../text.js";
import { notificationText } from "../views/notifications.js";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** The VAPID keys in `path` (JSON); made (mode 0600) when missing or unreadable. */
export function loadVapidKeys(path: string): VapidKeys {
  if (existsSync(path)) {
    try {
      const keys = JSON.parse(readFileSync(path, "utf8")) as Partial<VapidKeys>;
      if (keys.publicKey && keys.privateKey) return { publicKey: keys.publicKey, privateKey: keys.privateKey };
    } catch {
      // Made again below.
    }
  }
  mkdirSync(dirname(path), { recursive: true });
  const keys = webpush.generateVAPIDKeys();
  writeFileSync(path, `${JSON.stringify(keys)}\n`, { mode: 0o600 });
  return keys;
}

/** Sends one message to one browser; resolves with the push service's status, rejects with `statusCode` when refused. */
export type PushSend = (subscription: PushSubscriptionInput, payload: string) => Promise<{ statusCode: number }>;

/** The real sender: web-push with the VAPID keys; `subject` is a mailto: or https: address of the operator. */
export function webPushSend(keys: VapidKeys, subject: string): PushSend {
  return (s, payload) =>
    webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
      vapidDetails: { subject, ...keys },
      TTL: 24 * 3600,
      timeout: 15_000,
    });
}

export interface PushSenderOptions {
  notifications: Pick<NotificationsService, "pushDue" | "recordPush" | "forgetPushSubscription">;
  i18n: I18n;
  adminUnits: { commune(code: string): Commune | undefined };
  send: PushSend;
  logger: Logger;
  /** The notification's title (the product's name) by language. */
  title: (language: string) => string;
  /** Rows looked at per batch. Default 20. */
  batch?: number;
  /** Fallback poll when nothing wakes the sender. Default 5000 ms. */
  pollIntervalMs?: number;
}

export interface PushSender {
  start(): void;
  stop(): Promise<void>;
  /** Wakes the sender: call after notifications were queued. */
  kick(): void;
  /** Sends everything not pushed yet, batch by batch; returns how many messages the push services accepted. */
  drainOnce(): Promise<number>;
}

/** A subscription the push service says is gone: 404 or 410. */
const gone = (status: number | undefined) => status === 404 || status === 410;

export function createPushSender(options: PushSenderOptions): PushSender {
  const { notifications, i18n, send } = options;
  const log = options.logger.child({ component: "web-push" });
  const batch = Math.max(1, options.batch ?? 20);
  const pollIntervalMs = Math.max(10, options.pollIntervalMs ?? 5000);
  let running = false;
  /** A kick came while a pass was running: go again at once instead of waiting. */
  let kicked = false;
  let loopDone: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  /** One batch; returns [rows looked at, messages accepted]. */
  async function pass(): Promise<[number, number]> {
    const { examined, due } = notifications.pushDue(batch);
    let accepted = 0;
    for (const { row, language, subscriptions } of due) {
      const t = (key: string, args?: Record<string, string | number>) => i18n.t(language, key, args);
      const text = notificationText(t, language, row, options);
      if (text === undefined) {
        notifications.recordPush(row.id, "failed");
        continue;
      }
      const payload = JSON.stringify({
        title: options.title(language),
        body: plainText(text),
        url: "/notifications",
        tag: `ocop-${row.id}`,
      });
      let sent = false;
      for (const s of subscriptions) {
        try {
          await send(s, payload);
          sent = true;
          accepted++;
        } catch (error) {
          const status = (error as { statusCode?: number }).statusCode;
          if (gone(status)) notifications.forgetPushSubscription(s.endpoint);
          else log.warn({ outboxId: row.id, status }, "web push refused or failed");
        }
      }
      notifications.recordPush(row.id, sent ? "sent" : "failed");
    }
    return [examined, accepted];
  }

  async function drainOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const [examined, accepted] = await pass();
      total += accepted;
      if (examined < batch) return total;
      // Let the web chat answer between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async function loop(): Promise<void> {
    while (running) {
      kicked = false;
      try {
        await drainOnce();
      } catch (error) {
        log.error({ err: error instanceof Error ? error.message : String(error) }, "web push pass failed");
      }
      if (!running) break;
      if (kicked) {
        kicked = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, pollIntervalMs);
      });
      clearTimeout(timer);
      wakeUp = undefined;
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loopDone = loop();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await loopDone;
    },
    kick() {
      if (wakeUp) wakeUp();
      else kicked = true;
    },
    drainOnce,
  };
}
