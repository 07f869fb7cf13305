// Notifications to 1,000 chats at once (an officer's digest each) through the real dispatcher,
// built as main.ts builds it, against the strict fake Bot API enforcing Telegram's limits.
import { Api } from "grammy";
import pino from "pino";
import { createTelegramDispatcher } from "../../src/bot/notifications/index.js";
import { createRateLimiter } from "../../src/bot/rate-limiter.js";
import { throttle } from "../../src/bot/telegram-api.js";
import { outbox } from "../../src/db/schema.js";
import { getI18n } from "../../src/i18n.js";
import type { RubricCatalog } from "../../src/rubric/catalog.js";
import { adminUnitsOf } from "../../src/services/admin-units.js";
import { enqueueNotifications } from "../../src/services/outbox.js";
import { grantConsent, telegramIdentity } from "../../src/services/people.js";
import { startFakeBotApi } from "../../test/helpers/fake-bot-api.js";
import { databaseFile, STRICT_LIMITS, sendsOf } from "./telegram-limits.js";

export async function fanOut(catalog: RubricCatalog, chats = 1000) {
  const fake = await startFakeBotApi({ limits: STRICT_LIMITS });
  const db = databaseFile();
  const units = adminUnitsOf(db);
  const ids = Array.from({ length: chats }, (_, i) => 80_000 + i);
  const recipients = ids.map((id) => {
    fake.user({ id, first_name: "Cán bộ" }).send("/start");
    return grantConsent(db, telegramIdentity(id), "vi").id;
  });
  db.transaction((tx) =>
    enqueueNotifications(
      tx,
      recipients.map((recipientId) => ({
        recipientId,
        kind: "digest" as const,
        arguments: {
          date: "2026-05-04",
          count: 3,
          submitted: 2,
          received: 1,
          proposeBy: "2026-06-30",
          ratedBy: "2026-07-31",
        },
      })),
    ),
  );

  const logs: string[] = [];
  const logger = pino({ level: "warn" }, { write: (line: string) => void logs.push(line) });
  const api = new Api(fake.token, { apiRoot: fake.url });
  api.config.use(throttle(createRateLimiter()));
  const workflow = { db, catalog, adminUnits: units, adminIds: [] };
  const dispatcher = createTelegramDispatcher({ db, api, logger, i18n: getI18n(), adminUnits: units, workflow });
  const pending = db.$client.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").pluck();
  const start = Date.now();
  dispatcher.start();
  dispatcher.kick();
  while ((pending.get() as number) > 0 && Date.now() - start < 180_000)
    await new Promise((resolve) => setTimeout(resolve, 100));
  await dispatcher.stop();

  const sent = fake.calls.filter((c) => c.method === "sendMessage" && c.response?.ok);
  const seconds = (Math.max(...sent.map((c) => c.answeredAt!)) - start) / 1000;
  const received = ids.map((id) => fake.chat(id).messages.length);
  const statuses = db.select({ status: outbox.status }).from(outbox).all();
  const sends = sendsOf(fake.calls);
  await fake.stop();
  db.$client.close();
  return {
    chats,
    seconds: Number(seconds.toFixed(1)),
    messagesPerSecond: Number((sent.length / seconds).toFixed(1)),
    tooManyRequests: sends.tooManyRequests,
    otherApiErrors: sends.otherErrors,
    lost: received.filter((n) => n === 0).length,
    duplicated: received.filter((n) => n > 1).length,
    rowsSent: statuses.filter((r) => r.status === "sent").length,
    warnLogLines: logs.length,
    fakeLimits: STRICT_LIMITS,
  };
}
