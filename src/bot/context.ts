// The context every handler sees: grammY's, with the session, translations, the loaded user, the
// core's use cases and the read-only data the messages are made of (never the database).

import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context, SessionFlavor } from "grammy";
import type { Logger } from "pino";
import type { CoreDeps, Services } from "../services/index.js";
import type { User } from "../services/people.js";
import type { SessionData } from "./session.js";

/** What the bot is built from: the use cases' dependencies, and its logger. */
export interface BotDeps extends CoreDeps {
  logger: Logger;
  /** Key of the users' pseudonyms in logs (pseudonym.ts); default: a new random key per process. */
  logKey?: Buffer;
  /** Where files uploaded on the web are kept (FILES_DIR): the bot sends them to officers from there. */
  filesDir?: string;
  /** The web chat's address (PUBLIC_URL), for the link code of /lienket; default http://localhost:8080. */
  publicUrl?: string;
}

/** What handlers see of the dependencies: the rubric, the communes and ADMIN_IDS to render menus. */
export type HandlerDeps = Pick<BotDeps, "catalog" | "adminUnits" | "adminIds" | "filesDir" | "publicUrl">;

interface Extras {
  deps: HandlerDeps;
  /** The core's use cases: every read and write of the features goes through them. */
  services: Services;
  /** The user's database row, if they ever gave consent. */
  user: User | undefined;
  log: Logger;
  /** The locale of this update's messages (set with useLocale). */
  locale: string;
  /** Whether this update's callback query has been answered (it is answered once, always). */
  callbackAnswered: boolean;
  /** The update is an edited message being applied as the answer it replaces (edits.ts). */
  replayingEdit?: boolean;
  /** A text handler took the typed text as the answer to its step (edits.ts). */
  textAccepted?: boolean;
}

export type BotContext = Context & SessionFlavor<SessionData> & I18nFlavor & Extras;
