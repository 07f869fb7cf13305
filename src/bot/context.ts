// The context every handler sees: grammY's, with the session, translations, the loaded user and
// the services' dependencies.

import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context, SessionFlavor } from "grammy";
import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import type { AdminUnits } from "../geo/communes.js";
import type { RubricCatalog } from "../rubric/catalog.js";
import type { Services } from "../services/index.js";
import type { User } from "../services/people.js";
import type { SessionData } from "./session.js";

export interface BotDeps {
  db: Db;
  catalog: RubricCatalog;
  adminUnits: AdminUnits;
  logger: Logger;
  adminIds: readonly number[];
  /** Public holidays (YYYY-MM-DD) that do not count as working days. */
  holidays: ReadonlySet<string>;
  /** Wakes the notification dispatcher after a change enqueued notifications. */
  notify: () => void;
  /** Key of the users' pseudonyms in logs (pseudonym.ts); default: a new random key per process. */
  logKey?: Buffer;
}

interface Extras {
  deps: BotDeps;
  /** The core's use cases: every read and write of the features goes through them. */
  services: Services;
  /** The user's database row, if they ever gave consent. */
  user: User | undefined;
  log: Logger;
  /** Whether this update's callback query has been answered (it is answered once, always). */
  callbackAnswered: boolean;
  /** The update is an edited message being applied as the answer it replaces (edits.ts). */
  replayingEdit?: boolean;
  /** A text handler took the typed text as the answer to its step (edits.ts). */
  textAccepted?: boolean;
}

export type BotContext = Context & SessionFlavor<SessionData> & I18nFlavor & Extras;
