// The context every handler sees: grammY's, with the session, translations, the loaded user and
// the services' dependencies.
import type { Context, SessionFlavor } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import type { AdminUnits } from "../geo/communes.js";
import type { RubricCatalog } from "../rubric/catalog.js";
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
}

interface Extras {
  deps: BotDeps;
  /** The user's database row, if they ever gave consent. */
  user: User | undefined;
  log: Logger;
}

export type BotContext = Context & SessionFlavor<SessionData> & I18nFlavor & Extras;
