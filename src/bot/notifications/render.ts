// Notifications as Telegram messages: an outbox intent rendered for its recipient's private chat,
// in the recipient's language (read at send time), as HTML with its buttons.
import type { I18n } from "@grammyjs/i18n";
import type { InlineKeyboardButton, InlineKeyboardMarkup, ParseMode } from "grammy/types";
import { formatDate } from "../../dates.js";
import type { AdminUnits } from "../../geo/communes.js";
import { type Translate, translator } from "../../i18n.js";
import { comparisonLines } from "../../services/calibration.js";
import type { NotificationsService } from "../../services/notifications.js";
import type {
  ApplicationDeletedNotice,
  ApplicationNotice,
  CertificateNotice,
  DigestNotice,
  IdleDraftNotice,
  NoticeArguments,
  OfficerUnreachableNotice,
  OfficialPointsNotice,
  OutboxRow,
} from "../../services/outbox.js";
import { unitLabelOf } from "../../views/admin-units.js";
import { cb } from "../callback-data.js";
import { escapeHtml as esc } from "../html.js";

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
export interface TelegramMessageNotice {
  chatId: number;
  text: string;
  parseMode: string | null;
  replyMarkup: InlineKeyboardMarkup | null;
}

export interface RenderDeps {
  /** The recipient's Telegram id and language (the notifications use cases). */
  notifications: Pick<NotificationsService, "recipient">;
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

type Body = Omit<TelegramMessage, "chatId">;
type Renderer<K extends keyof NoticeArguments> = (
  t: Translate,
  locale: string,
  args: NoticeArguments[K],
  row: OutboxRow,
  deps: RenderDeps,
) => Body;

const RENDERERS: { [K in keyof NoticeArguments]: Renderer<K> } = {
  application: renderApplication,
  "officer-unreachable": renderOfficerUnreachable,
  digest: renderDigest,
  "idle-draft": renderIdleDraft,
  certificate: renderCertificate,
  "official-points": renderOfficialPoints,
  "application-deleted": renderApplicationDeleted,
};

/**
 * The Telegram message of an outbox row, or a reason it has none: the recipient has no Telegram
 * identity, or the row is of a kind this channel does not know.
 */
export function renderNotification(deps: RenderDeps, row: OutboxRow): TelegramMessage | { error: string } {
  if (row.kind === "telegram-message") {
    const m = row.arguments as unknown as TelegramMessageNotice;
    return {
      chatId: m.chatId,
      text: m.text,
      ...(m.parseMode ? { parseMode: m.parseMode as ParseMode } : {}),
      ...(m.replyMarkup ? { replyMarkup: m.replyMarkup } : {}),
    };
  }
  const render = RENDERERS[row.kind as keyof NoticeArguments] as Renderer<keyof NoticeArguments> | undefined;
  if (!render) return { error: `unknown notification kind ${row.kind}` };
  const recipient = deps.notifications.recipient(row.recipientId, "telegram");
  if (!recipient) return { error: "the recipient has no Telegram identity" };
  const locale = recipient.language;
  // Private chats: the chat is the user.
  return {
    chatId: Number(recipient.externalId),
    ...render(translator(deps.i18n, locale), locale, row.arguments as never, row, deps),
  };
}

const commune = (t: Translate, deps: RenderDeps, code: string) => esc(unitLabelOf(t, deps.adminUnits, code));

function renderApplication(
  t: Translate,
  _locale: string,
  n: ApplicationNotice,
  row: OutboxRow,
  deps: RenderDeps,
): Body {
  const args = {
    product: esc(n.product),
    set: esc(n.set),
    org: esc(n.org),
    producer: esc(n.producer),
    total: n.total,
    stars: n.stars,
    a: n.a,
    b: n.b,
    c: n.c,
    files: n.files,
    note: esc(n.note),
    resultStars: n.resultStars,
    decision: esc(n.decision),
    decisionDate: formatDate(n.decisionDate || undefined),
    officers: esc(n.officers),
    commune: commune(t, deps, n.commune),
  };
  const appId = row.applicationId ?? 0;
  if (n.audience === "people") {
    let text = t(`notify-${n.action}`, args);
    if (n.action === "submit" && n.routing !== "officers") text += `\n${t(`notify-${n.routing}`, args)}`;
    const buttons: InlineKeyboardButton[][] = [
      [
        { text: t("btn-edit-application"), callback_data: cb.review(appId) },
        { text: t("btn-resubmit"), callback_data: cb.submit(appId) },
      ],
    ];
    return { text, parseMode: "HTML", ...(n.action === "return" ? { replyMarkup: { inline_keyboard: buttons } } : {}) };
  }
  const key =
    n.action === "submit"
      ? n.routing === "officers"
        ? "notify-officer-submit"
        : `notify-admin-submit-${n.routing}`
      : `notify-officer-${n.action}`;
  return {
    text: t(key, args),
    parseMode: "HTML",
    ...(n.action === "submit" ? { replyMarkup: officerActionButtons(t, appId) } : {}),
  };
}

function renderOfficerUnreachable(
  t: Translate,
  _locale: string,
  n: OfficerUnreachableNotice,
  row: OutboxRow,
  deps: RenderDeps,
): Body {
  const args = {
    officer: esc(n.officer),
    product: esc(n.product),
    org: esc(n.org),
    commune: commune(t, deps, n.commune),
  };
  if (n.audience === "people") return { text: t("notify-producer-officer-unreachable", args), parseMode: "HTML" };
  return {
    text: t("notify-admin-officer-unreachable", args),
    parseMode: "HTML",
    replyMarkup: officerActionButtons(t, row.applicationId ?? 0),
  };
}

function renderDigest(t: Translate, _locale: string, n: DigestNotice): Body {
  const lines = [
    t("remind-digest-head", { date: formatDate(n.date), count: n.count }),
    t("remind-digest-counts", { submitted: n.submitted, received: n.received }),
  ];
  if (n.urgent) {
    const { product, left, deadline } = n.urgent;
    const args = { product: esc(product), days: Math.abs(left), deadline: formatDate(deadline) };
    lines.push(
      t(left > 0 ? "remind-digest-urgent" : left === 0 ? "remind-digest-urgent-today" : "remind-digest-overdue", args),
    );
  }
  lines.push(t("remind-digest-province", { proposeBy: formatDate(n.proposeBy), ratedBy: formatDate(n.ratedBy) }));
  return {
    text: lines.join("\n"),
    parseMode: "HTML",
    replyMarkup: { inline_keyboard: [[{ text: t("btn-remind-open-list"), callback_data: cb.officerList("open", 0) }]] },
  };
}

function renderIdleDraft(t: Translate, _locale: string, n: IdleDraftNotice, row: OutboxRow): Body {
  return {
    text: t("remind-idle", { product: esc(n.product), answered: n.answered, total: n.total }),
    parseMode: "HTML",
    replyMarkup: {
      inline_keyboard: [
        [{ text: t("btn-remind-continue"), callback_data: cb.resume(row.applicationId ?? 0) }],
        [{ text: t("btn-remind-off"), callback_data: cb.remindersOff() }],
      ],
    },
  };
}

function renderCertificate(t: Translate, _locale: string, n: CertificateNotice, row: OutboxRow): Body {
  const appId = row.applicationId ?? 0;
  const buttons = [[{ text: t("btn-reassess-re-evaluation"), callback_data: cb.reassess(appId, "re-evaluation") }]];
  if (n.stars < 5) buttons.push([{ text: t("btn-reassess-upgrade"), callback_data: cb.reassess(appId, "upgrade") }]);
  buttons.push([{ text: t("btn-remind-off"), callback_data: cb.remindersOff() }]);
  const text = t("remind-certificate", {
    months: n.months,
    stars: n.stars,
    product: esc(n.product),
    expires: formatDate(n.expires),
    refileFrom: formatDate(n.refileFrom),
    refileBy: formatDate(n.refileBy),
    late: n.late,
  });
  return { text, parseMode: "HTML", replyMarkup: { inline_keyboard: buttons } };
}

function renderOfficialPoints(t: Translate, locale: string, n: OfficialPointsNotice): Body {
  return {
    text: [t("notify-official-points", { product: esc(n.product) }), ...comparisonLines(t, locale, n.calibration)].join(
      "\n",
    ),
    parseMode: "HTML",
  };
}

function renderApplicationDeleted(
  t: Translate,
  _locale: string,
  n: ApplicationDeletedNotice,
  _row: OutboxRow,
  deps: RenderDeps,
): Body {
  return {
    text: t("notify-officer-application-deleted", { product: esc(n.product), commune: commune(t, deps, n.commune) }),
    parseMode: "HTML",
  };
}
