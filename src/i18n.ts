// Fluent translations from locales/*.ftl: Vietnamese by default, English second.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";

export const LOCALES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../locales");
export const DEFAULT_LOCALE = "vi";

export type Translate = (key: string, args?: Record<string, string | number>) => string;

export function createI18n(): I18n {
  return new I18n({
    defaultLocale: DEFAULT_LOCALE,
    directory: LOCALES_DIR,
    // No Unicode isolation marks around placeables: they show up in copied text and files.
    fluentBundleOptions: { useIsolating: false },
  });
}

export function translator(i18n: I18n, locale = DEFAULT_LOCALE): Translate {
  return (key, args) => i18n.t(locale, key, args);
}
