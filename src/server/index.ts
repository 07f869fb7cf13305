// The product's HTTP server (Fastify): the web chat, /healthz, and Telegram's webhook. The
// factory has no side effects: nothing listens until main.ts calls listen(), so tests build the
// same server around an in-memory database and the fake Bot API.
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import type { Logger } from "pino";
import type { WebDeps } from "../web/context.js";
import { webChat } from "../web/index.js";
import { type HealthChecks, healthRoute } from "./health.js";
import { type TelegramWebhookOptions, telegramWebhookRoute } from "./telegram-webhook.js";

export interface ServerOptions {
  logger: Logger;
  /** What GET /healthz checks, by name (e.g. database, redis). */
  health: HealthChecks;
  /** Where Telegram posts updates, in webhook mode. */
  telegram?: TelegramWebhookOptions;
  /** The web chat, at /. */
  web?: WebDeps;
}

/**
 * The server, not listening yet. `close()` stops accepting requests (new ones get 503), waits for
 * the requests in flight and then for the Telegram updates still being handled.
 */
export function createServer(options: ServerOptions): FastifyInstance {
  // Requests are not logged one by one: a webhook request per message would only repeat the bot's
  // own log lines. Failures are logged.
  const loggerInstance: FastifyBaseLogger = options.logger.child({ component: "http" });
  const app = Fastify({
    loggerInstance,
    logController: new LogController({ disableRequestLogging: true }),
    // A reverse proxy on the same machine (README) passes the visitor's address in X-Forwarded-For:
    // the web chat's rate limits count per visitor, not per proxy. Nobody else is believed.
    trustProxy: ["127.0.0.1", "::1"],
  });
  healthRoute(app, options.health);
  if (options.telegram) telegramWebhookRoute(app, options.telegram);
  const { web } = options;
  // Its own scope: its headers, cookies and CSRF checks do not apply to /healthz or the webhook.
  if (web) app.register((scope) => webChat(scope, web));
  return app;
}
