// What the web chat's routes are given, and what each request carries once the visitor is known.
import type { I18n } from "@grammyjs/i18n";
import type { Logger } from "pino";
import type { AdminUnits } from "../geo/communes.js";
import type { RubricCatalog } from "../rubric/catalog.js";
import type { Services } from "../services/index.js";
import type { User } from "../services/people.js";
import type { Html } from "./html.js";
import type { NoticeBus } from "./live.js";

export interface WebDeps {
  services: Services;
  catalog: RubricCatalog;
  adminUnits: AdminUnits;
  /** The administrators' Telegram ids (ADMIN_IDS). */
  adminIds: readonly number[];
  i18n: I18n;
  logger: Logger;
  /** The address people open (PUBLIC_URL), without a trailing slash: for links in notifications and forms. */
  publicUrl: string;
  /** Where uploaded files are kept (FILES_DIR). */
  filesDir: string;
  /** Signs the session and CSRF cookies (kept in the data folder). */
  cookieSecret: Buffer;
  /**
   * The Telegram bot, when it runs (BOT_TOKEN): its @username, for linking the two channels, and
   * the content of a file sent on Telegram by its file id (Bot API getFile and download). Without
   * it the web offers no linking, and evidence sent on Telegram is only on Telegram.
   */
  telegram?: { username: string; file: (fileId: string) => Promise<Buffer> };
  /** Wakes the open pages' live notification streams when notifications are queued; without it they poll. */
  notices?: NoticeBus;
  /** Web Push: the VAPID public key browsers subscribe with (base64url); without it push is not offered. */
  push?: { publicKey: string };
}

/** A translation with its string arguments escaped: safe to insert as HTML (the .ftl texts use <b>, <i>). */
export type WebTranslate = (key: string, args?: Record<string, string | number>) => Html;

/** The visitor, resolved once per request by the web chat's hook. */
export interface Visitor {
  /** The signed-in user, or undefined before consent (or after signing out). */
  user: User | undefined;
  /** The actor for the use cases: the user's internal id. */
  actor: number | undefined;
  locale: string;
  t: WebTranslate;
  /** Plain text of a translation (for titles and attributes, escaped where inserted). */
  text: (key: string, args?: Record<string, string | number>) => string;
  /** The CSRF token every form posts back (field `_csrf`). */
  csrf: string;
  /** How many of the user's notifications are unread (the header's badge); 0 when signed out. */
  unread: number;
}

declare module "fastify" {
  interface FastifyRequest {
    visitor: Visitor;
  }
}
