// Configuration from the environment, validated once at start: a bad value stops the bot with one
// sentence naming the variable (locales/: config-<VARIABLE>).
import { z } from "zod";

const commaSeparatedIds = z
  .string()
  .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/)
  .transform((s) => s.split(",").map((p) => Number(p.trim())));

const botToken = z.string().regex(/^\d+:[\w-]{20,}$/);

const common = z.object({
  /** Telegram runs only with a token; without one the product is the web chat alone. */
  BOT_TOKEN: botToken.optional(),
  TELEGRAM_API_ROOT: z.url().optional(),
  DATABASE_PATH: z.string().min(1).default("./data/ocop.sqlite"),
  REDIS_URL: z.url().optional(),
  ADMIN_IDS: commaSeparatedIds.optional().transform((v) => v ?? []),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Where the HTTP server (the web chat, /healthz, the webhook) listens. */
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** The address people open, for links in notifications and forms; default http://localhost:PORT. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Where files uploaded on the web are kept; default a "files" folder beside the database. */
  FILES_DIR: z.string().min(1).optional(),
});

/**
 * Long polling (the default), or a webhook: Telegram posts updates to WEBHOOK_URL (HTTPS, usually a
 * reverse proxy in front of HOST:PORT) with WEBHOOK_SECRET in a header. Telegram allows 1–256 of
 * A-Z a-z 0-9 _ - in the secret; 32 at least, so that it cannot be guessed.
 */
export const configSchema = z.discriminatedUnion("BOT_MODE", [
  common.extend({ BOT_MODE: z.literal("polling").default("polling") }),
  common.extend({
    BOT_MODE: z.literal("webhook"),
    BOT_TOKEN: botToken,
    WEBHOOK_URL: z.url({ protocol: /^https$/ }),
    WEBHOOK_SECRET: z.string().regex(/^[\w-]{32,256}$/),
  }),
]);

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly variable: string) {
    super(`invalid or missing configuration variable ${variable}`);
  }
}

/** Empty values count as unset, as in most .env files. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const values = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = configSchema.safeParse(values);
  if (!parsed.success) throw new ConfigError(String(parsed.error.issues[0]!.path[0]));
  return parsed.data;
}
