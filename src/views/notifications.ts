// Notifications in words, for every channel: an outbox intent rendered in the recipient's language
// as the small HTML both channels understand (<b>, <i>, <a>; data escaped). Telegram adds its
// buttons (src/bot/notifications/render.ts); the web inbox and Web Push show the same text.
import { formatDate } from "../dates.js";
import type { Commune } from "../geo/communes.js";
import type { Translate } from "../i18n.js";
import { comparisonLines } from "../services/calibration.js";
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
} from "../services/outbox.js";
import { unitLabelOf } from "./admin-units.js";

/** Escapes data for the notifications' HTML (Telegram's parse mode and the web's). */
export const escapeNotice = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** What the texts need besides the translations: the communes' names. */
export interface NoticeTextDeps {
  adminUnits: { commune(code: string): Commune | undefined };
}

/**
 * Rows queued before notifications were intents: the rendered Telegram message itself, kept as it
 * was written (the migration that made outbox rows intents turned pending messages into these).
 */
export interface LegacyMessageNotice {
  chatId: number;
  text: string;
  parseMode: string | null;
  replyMarkup: unknown;
}

/** The row kind of those legacy messages. */
export const LEGACY_MESSAGE_KIND = "telegram-message";

type Row = Pick<OutboxRow, "kind" | "arguments" | "applicationId">;
type TextRenderer<K extends keyof NoticeArguments> = (
  t: Translate,
  locale: string,
  args: NoticeArguments[K],
  deps: NoticeTextDeps,
) => string;

const TEXTS: { [K in keyof NoticeArguments]: TextRenderer<K> } = {
  application: applicationText,
  "officer-unreachable": officerUnreachableText,
  digest: digestText,
  "idle-draft": idleDraftText,
  certificate: certificateText,
  "official-points": officialPointsText,
  "application-deleted": applicationDeletedText,
};

/** Whether the row is of a kind the texts know (or a legacy message). */
export function isKnownNotice(kind: string): boolean {
  return kind === LEGACY_MESSAGE_KIND || kind in TEXTS;
}

/** The notification's text in `locale` (HTML with data escaped), or undefined for a kind no channel knows. */
export function notificationText(t: Translate, locale: string, row: Row, deps: NoticeTextDeps): string | undefined {
  if (row.kind === LEGACY_MESSAGE_KIND) {
    const m = row.arguments as unknown as LegacyMessageNotice;
    return m.parseMode === "HTML" ? m.text : escapeNotice(m.text);
  }
  const render = TEXTS[row.kind as keyof NoticeArguments] as TextRenderer<keyof NoticeArguments> | undefined;
  return render?.(t, locale, row.arguments as never, deps);
}

const commune = (t: Translate, deps: NoticeTextDeps, code: string) =>
  escapeNotice(unitLabelOf(t, deps.adminUnits, code));

function applicationText(t: Translate, _locale: string, n: ApplicationNotice, deps: NoticeTextDeps): string {
  const args = {
    product: escapeNotice(n.product),
    set: escapeNotice(n.set),
    org: escapeNotice(n.org),
    producer: escapeNotice(n.producer),
    total: n.total,
    stars: n.stars,
    a: n.a,
    b: n.b,
    c: n.c,
    files: n.files,
    note: escapeNotice(n.note),
    resultStars: n.resultStars,
    decision: escapeNotice(n.decision),
    decisionDate: formatDate(n.decisionDate || undefined),
    officers: escapeNotice(n.officers),
    commune: commune(t, deps, n.commune),
  };
  if (n.audience === "people") {
    let text = t(`notify-${n.action}`, args);
    if (n.action === "submit" && n.routing !== "officers") text += `\n${t(`notify-${n.routing}`, args)}`;
    return text;
  }
  const key =
    n.action === "submit"
      ? n.routing === "officers"
        ? "notify-officer-submit"
        : `notify-admin-submit-${n.routing}`
      : `notify-officer-${n.action}`;
  return t(key, args);
}

function officerUnreachableText(
  t: Translate,
  _locale: string,
  n: OfficerUnreachableNotice,
  deps: NoticeTextDeps,
): string {
  const args = {
    officer: escapeNotice(n.officer),
    product: escapeNotice(n.product),
    org: escapeNotice(n.org),
    commune: commune(t, deps, n.commune),
  };
  return t(n.audience === "people" ? "notify-producer-officer-unreachable" : "notify-admin-officer-unreachable", args);
}

function digestText(t: Translate, _locale: string, n: DigestNotice): string {
  const lines = [
    t("remind-digest-head", { date: formatDate(n.date), count: n.count }),
    t("remind-digest-counts", { submitted: n.submitted, received: n.received }),
  ];
  if (n.urgent) {
    const { product, left, deadline } = n.urgent;
    const args = { product: escapeNotice(product), days: Math.abs(left), deadline: formatDate(deadline) };
    lines.push(
      t(left > 0 ? "remind-digest-urgent" : left === 0 ? "remind-digest-urgent-today" : "remind-digest-overdue", args),
    );
  }
  lines.push(t("remind-digest-province", { proposeBy: formatDate(n.proposeBy), ratedBy: formatDate(n.ratedBy) }));
  return lines.join("\n");
}

function idleDraftText(t: Translate, _locale: string, n: IdleDraftNotice): string {
  return t("remind-idle", { product: escapeNotice(n.product), answered: n.answered, total: n.total });
}

function certificateText(t: Translate, _locale: string, n: CertificateNotice): string {
  return t("remind-certificate", {
    months: n.months,
    stars: n.stars,
    product: escapeNotice(n.product),
    expires: formatDate(n.expires),
    refileFrom: formatDate(n.refileFrom),
    refileBy: formatDate(n.refileBy),
    late: n.late,
  });
}

function officialPointsText(t: Translate, locale: string, n: OfficialPointsNotice): string {
  return [
    t("notify-official-points", { product: escapeNotice(n.product) }),
    ...comparisonLines(t, locale, n.calibration),
  ].join("\n");
}

function applicationDeletedText(
  t: Translate,
  _locale: string,
  n: ApplicationDeletedNotice,
  deps: NoticeTextDeps,
): string {
  return t("notify-officer-application-deleted", {
    product: escapeNotice(n.product),
    commune: commune(t, deps, n.commune),
  });
}
