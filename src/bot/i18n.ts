// Translations in handlers: the locale each user gets, and HTML-safe messages.
import type { I18n } from "@grammyjs/i18n";
import type { BotContext } from "./context.js";
import { escapeHtml } from "./html.js";

/** The user's choice, else English for English-speaking Telegram clients, else Vietnamese. */
export function negotiateLocale(ctx: BotContext): string {
  const chosen = ctx.user?.language ?? ctx.session?.language;
  if (chosen) return chosen;
  return ctx.from?.language_code?.toLowerCase().startsWith("en") ? "en" : "vi";
}

/** Translates this update's messages into `locale` (ctx.locale says which it is). */
export function useLocale(ctx: BotContext, locale: string): void {
  ctx.locale = locale;
  ctx.i18n.useLocale(locale);
}

/** ctx.t for HTML messages: string arguments (names, labels typed by people) are escaped. */
export function th(ctx: BotContext, key: string, args: Record<string, string | number> = {}): string {
  const safe = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === "string" ? escapeHtml(v) : v]));
  return ctx.t(key, safe);
}

export type { I18n };
