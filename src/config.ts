// Configuration from the environment, validated once at start: a bad value stops the bot with one
// sentence naming the variable (locales/: config-<VARIABLE>).
import { z } from "zod";

const commaSeparatedIds = z
  .string()
  .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/)
  .transform((s) => s.split(",").map((p) => Number(p.trim())));

export const configSchema = z.object({
  BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/),
  TELEGRAM_API_ROOT: z.url().optional(),
  DATABASE_PATH: z.string().min(1).default("./data/ocop.sqlite"),
  REDIS_URL: z.url().optional(),
  ADMIN_IDS: commaSeparatedIds.optional().transform((v) => v ?? []),
  BOT_MODE: z.enum(["polling"]).default("polling"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

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
