// Fluent translations from locales/<locale>.ftl and locales/<locale>/*.ftl (the web chat's screens):
// Vietnamese by default, English second.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { I18n } from "@grammyjs/i18n";
import { projectPath } from "./paths.js";

export const LOCALES_DIR = projectPath("locales");
export const DEFAULT_LOCALE = "vi";

export type Translate = (key: string, args?: Record<string, string | number>) => string;

let shared: I18n | undefined;

/**
 * The process's one set of translations (locales/*.ftl, read once on first use), shared by the bot,
 * the notifications, the command-line tools and the tests.
 */
export function getI18n(): I18n {
  if (shared) return shared;
  shared = new I18n({
    defaultLocale: DEFAULT_LOCALE,
    directory: LOCALES_DIR,
    // No Unicode isolation marks around placeables: they show up in copied text and files.
    fluentBundleOptions: { useIsolating: false },
  });
  // The plugin negotiates the bundles of a locale on every message it translates (a private
  // method); the bundles do not change once loaded, so each locale's are negotiated once.
  const fluent = shared.fluent as unknown as { matchBundles?: (locales: string[]) => unknown };
  const negotiate = fluent.matchBundles?.bind(fluent);
  if (negotiate) {
    const matched = new Map<string, unknown>();
    fluent.matchBundles = (locales) => {
      const key = locales.join(",");
      if (!matched.has(key)) matched.set(key, negotiate(locales));
      return matched.get(key);
    };
  }
  return shared;
}

/** Translations into one locale, for the command-line tools and messages outside a chat. */
export function translator(i18n: I18n, locale = DEFAULT_LOCALE): Translate {
  return (key, args) => i18n.t(locale, key, args);
}

/** The Fluent source of one locale: locales/<locale>.ftl, then each locales/<locale>/*.ftl by name. */
export function localeSource(locale: string): string {
  const dir = join(LOCALES_DIR, locale);
  const parts = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".ftl"))
        .sort()
        .map((f) => join(dir, f))
    : [];
  return [join(LOCALES_DIR, `${locale}.ftl`), ...parts].map((f) => readFileSync(f, "utf8")).join("\n");
}
