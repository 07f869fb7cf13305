// Where a notification goes: the recipient's address on a channel and the language to write in.
import type { Channel } from "../db/schema.js";
import type { CoreDeps } from "./core.js";
import { externalIdOf } from "./people.js";
import { languageOf } from "./workflow.js";

/** A recipient as a channel reaches them: the channel's own id for them and their language. */
export interface Recipient {
  /** The channel's id for the person (e.g. the Telegram user id as decimal text). */
  externalId: string;
  /** The language they chose ("vi" unless they chose another). */
  language: string;
}

/**
 * The lookups the notification channels need at send time. They act for the system (the
 * dispatcher), not for a person, so they take no actor.
 */
export function notificationsService({ db }: Pick<CoreDeps, "db">) {
  return {
    /**
     * The recipient (an internal user id) on the channel, read at send time so a change of
     * language or a deleted identity counts; undefined when the channel does not know them.
     */
    recipient(userId: number, channel: Channel): Recipient | undefined {
      const externalId = externalIdOf(db, userId, channel);
      return externalId === undefined ? undefined : { externalId, language: languageOf(db, userId) };
    },
  };
}

export type NotificationsService = ReturnType<typeof notificationsService>;
