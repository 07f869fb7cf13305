import type {
  ForceReply,
  InlineKeyboardMarkup,
  MessageEntity,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from "grammy/types";
import {
  bad,
  canonical,
  flattenButtons,
  isInlineMarkup,
  type Json,
  MAX_CALLBACK_DATA_BYTES,
  utf8Bytes,
} from "./internals.js";
import type { AnyReplyMarkup } from "./types.js";

export function toInt(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

export function stringArg(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function jsonArg(value: unknown, what: string): unknown {
  if (typeof value === "string") {
    try {
      return JSON.parse(value);
    } catch {
      throw bad(`can't parse ${what}`);
    }
  }
  return value;
}

export function jsonArgOrUndefined(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return undefined;
  return jsonArg(value, "entities JSON object");
}

export function scopeArg(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null || value === "") return { type: "default" };
  const scope = jsonArg(value, "BotCommandScope JSON object");
  if (!scope || typeof scope !== "object" || typeof (scope as Json).type !== "string") {
    throw bad("can't parse BotCommandScope JSON object");
  }
  return scope as Record<string, unknown>;
}

const INLINE_BUTTON_TYPES = [
  "url",
  "callback_data",
  "callback_game",
  "pay",
  "switch_inline_query",
  "switch_inline_query_chosen_chat",
  "switch_inline_query_current_chat",
  "login_url",
  "web_app",
  "copy_text",
];

/** Validates reply_markup the way telegram-bot-api does (structure only). */
export function parseReplyMarkup(value: unknown): AnyReplyMarkup | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  let markup: unknown = value;
  if (typeof value === "string") {
    try {
      markup = JSON.parse(value);
    } catch {
      throw bad("can't parse reply keyboard markup JSON object");
    }
  }
  if (!markup || typeof markup !== "object" || Array.isArray(markup)) throw bad("object expected as reply markup");
  const o = markup as Json;
  if (o.keyboard !== undefined) {
    if (!Array.isArray(o.keyboard) || !o.keyboard.every(Array.isArray))
      throw bad('field "keyboard" must be an Array of Arrays');
    for (const row of o.keyboard as unknown[][]) {
      for (const button of row) {
        if (typeof button === "string") continue;
        if (!button || typeof button !== "object")
          throw bad("can't parse keyboard button: KeyboardButton must be a String or an Object");
        if (typeof (button as Json).text !== "string")
          throw bad('can\'t parse keyboard button: Field "text" must be of type String');
      }
    }
    if ((o.keyboard as unknown[][]).some((row) => row.length > 0)) return o as unknown as ReplyKeyboardMarkup;
  }
  if (o.inline_keyboard !== undefined) {
    if (!Array.isArray(o.inline_keyboard) || !o.inline_keyboard.every(Array.isArray)) {
      throw bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
    }
    for (const row of o.inline_keyboard as unknown[][]) {
      for (const button of row) {
        if (!button || typeof button !== "object" || Array.isArray(button))
          throw bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
        const b = button as Json;
        if (typeof b.text !== "string")
          throw bad('can\'t parse inline keyboard button: Field "text" must be of type String');
        const hasType = INLINE_BUTTON_TYPES.some((k) => {
          const v = b[k];
          return k === "url" || k === "callback_data" ? typeof v === "string" && v !== "" : v !== undefined;
        });
        if (!hasType)
          throw bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
      }
    }
    return o as unknown as InlineKeyboardMarkup;
  }
  if (o.remove_keyboard === true || o.hide_keyboard === true) return o as unknown as ReplyKeyboardRemove;
  if (o.force_reply === true) return o as unknown as ForceReply;
  return undefined;
}

/** Server-side check (MTProto BUTTON_DATA_INVALID): callback_data is at most 64 bytes of UTF-8. */
export function checkCallbackData(markup: AnyReplyMarkup | undefined): void {
  for (const b of flattenButtons(markup)) {
    if ("callback_data" in b && utf8Bytes(b.callback_data) > MAX_CALLBACK_DATA_BYTES) throw bad("BUTTON_DATA_INVALID");
  }
}

export function sameInlineMarkup(current: AnyReplyMarkup | undefined, next: AnyReplyMarkup | undefined): boolean {
  const a =
    isInlineMarkup(current) && current.inline_keyboard.some((r) => r.length > 0)
      ? canonical(current.inline_keyboard)
      : "none";
  const b =
    isInlineMarkup(next) && next.inline_keyboard.some((r) => r.length > 0) ? canonical(next.inline_keyboard) : "none";
  return a === b;
}

export function commandEntities(text: string): MessageEntity[] {
  const m = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,})?/.exec(text);
  return m ? [{ type: "bot_command", offset: 0, length: m[0].length }] : [];
}
