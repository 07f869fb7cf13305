// Notifications as Telegram messages: an outbox intent rendered for its recipient's private chat,
// in the recipient's language (read at send time): the channel-free text (src/views/notifications.ts)
// with this channel's buttons.
import type { I18n } from "@grammyjs/i18n";
import type { InlineKeyboardButton, InlineKeyboardMarkup, ParseMode } from "grammy/types";
import type { AdminUnits } from "../../geo/communes.js";
import { type Translate, translator } from "../../i18n.js";
import type { NotificationsService } from "../../services/notifications.js";
import type {
  ApplicationNotice,
  CertificateNotice,
  NoticeArguments,
  OfficerUnreachableNotice,
  OutboxRow,
} from "../../services/outbox.js";
import { LEGACY_MESSAGE_KIND, type LegacyMessageNotice, notificationText } from "../../views/notifications.js";
import { cb } from "../callback-data.js";

/** A message for the Bot API's sendMessage. */
export interface TelegramMessage {
  chatId: number;
  text: string;
  parseMode?: ParseMode;
  replyMarkup?: InlineKeyboardMarkup;
}

/**
 * Rows queued before notifications were intents: the rendered message itself, kept as it was
 * written (the migration that made outbox rows intents turned pending messages into these).
 */
export interface TelegramMessageNotice extends LegacyMessageNotice {
  replyMarkup: InlineKeyboardMarkup | null;
}

export interface RenderDeps {
  /** The recipient's Telegram id and language, and whether they want notifications on Telegram. */
  notifications: Pick<NotificationsService, "recipient" | "wantsTelegram">;
  i18n: I18n;
  adminUnits: AdminUnits;
}

/** The buttons an officer (or administrator) acts on a new application with. */
export function officerActionButtons(t: Translate, applicationId: number): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [
        { text: t("btn-officer-view"), callback_data: cb.officerView(applicationId) },
        { text: t("btn-officer-receive"), callback_data: cb.officerReceive(applicationId) },
      ],
      [{ text: t("btn-officer-return"), callback_data: cb.officerReturn(applicationId) }],
    ],
  };
}

/**
 * The Telegram message of an outbox row, or why it has none: `skip` when the recipient is not on
 * Telegram or turned Telegram off (the web inbox still has it), `error` for a kind no channel knows.
 */
export function renderNotification(
  deps: RenderDeps,
  row: OutboxRow,
): TelegramMessage | { error: string } | { skip: string } {
  if (row.kind === LEGACY_MESSAGE_KIND) {
    const m = row.arguments as unknown as TelegramMessageNotice;
    return {
      chatId: m.chatId,
      text: m.text,
      ...(m.parseMode ? { parseMode: m.parseMode as ParseMode } : {}),
      ...(m.replyMarkup ? { replyMarkup: m.replyMarkup } : {}),
    };
  }
  const recipient = deps.notifications.recipient(row.recipientId, "telegram");
  const locale = recipient?.language ?? "vi";
  const t = translator(deps.i18n, locale);
  const text = notificationText(t, locale, row, deps);
  if (text === undefined) return { error: `unknown notification kind ${row.kind}` };
  if (!recipient) return { skip: "the recipient has no Telegram identity" };
  if (!deps.notifications.wantsTelegram(row.recipientId)) return { skip: "the recipient turned Telegram off" };
  const replyMarkup = buttons(t, row);
  // Private chats: the chat is the user.
  return { chatId: Number(recipient.externalId), text, parseMode: "HTML", ...(replyMarkup ? { replyMarkup } : {}) };
}

/** The buttons under each kind of notification, if any. */
function buttons(t: Translate, row: OutboxRow): InlineKeyboardMarkup | undefined {
  const appId = row.applicationId ?? 0;
  switch (row.kind as keyof NoticeArguments) {
    case "application": {
      const n = row.arguments as unknown as ApplicationNotice;
      if (n.audience === "people") {
        if (n.action !== "return") return undefined;
        const line: InlineKeyboardButton[] = [
          { text: t("btn-edit-application"), callback_data: cb.review(appId) },
          { text: t("btn-resubmit"), callback_data: cb.submit(appId) },
        ];
        return { inline_keyboard: [line] };
      }
      return n.action === "submit" ? officerActionButtons(t, appId) : undefined;
    }
    case "officer-unreachable": {
      const n = row.arguments as unknown as OfficerUnreachableNotice;
      return n.audience === "people" ? undefined : officerActionButtons(t, appId);
    }
    case "digest":
      return { inline_keyboard: [[{ text: t("btn-remind-open-list"), callback_data: cb.officerList("open", 0) }]] };
    case "idle-draft":
      return {
        inline_keyboard: [
          [{ text: t("btn-remind-continue"), callback_data: cb.resume(appId) }],
          [{ text: t("btn-remind-off"), callback_data: cb.remindersOff() }],
        ],
      };
    case "certificate": {
      const n = row.arguments as unknown as CertificateNotice;
      const lines = [[{ text: t("btn-reassess-re-evaluation"), callback_data: cb.reassess(appId, "re-evaluation") }]];
      if (n.stars < 5) lines.push([{ text: t("btn-reassess-upgrade"), callback_data: cb.reassess(appId, "upgrade") }]);
      lines.push([{ text: t("btn-remind-off"), callback_data: cb.remindersOff() }]);
      return { inline_keyboard: lines };
    }
    default:
      return undefined;
  }
}
