// The fake Bot API's limits (Telegram's), errors and the state it keeps per chat, message and file.

import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import type {
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  MessageEntity,
  ReplyKeyboardMarkup,
  ResponseParameters,
  Update,
  User,
} from "grammy/types";
import type { AnyReplyMarkup, Fault, RecordedCall, UploadedFile } from "./types.js";

export const DEFAULT_TOKEN = "7000000001:AAFakeTokenForTests_abcdefghijklmnopq";
export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;
export const MAX_CALLBACK_DATA_BYTES = 64;
export const MAX_DOWNLOAD_SIZE = 20 * 1024 * 1024;
export const MAX_UPLOAD_SIZE = 50 * 1024 * 1024;
export const LONG_POLL_MAX_TIMEOUT = 50; // seconds, like telegram-bot-api
export const LONG_POLL_WAIT_AFTER_MS = 2; // batch updates queued in the same tick
/** Update types delivered when allowed_updates is empty (Telegram's default). */
export const DEFAULT_EXCLUDED_UPDATES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

export const HARMLESS_METHODS = new Set(
  [
    "setMyDescription",
    "setMyShortDescription",
    "setMyName",
    "setMyDefaultAdministratorRights",
    "setChatTitle",
    "setChatDescription",
    "setChatPhoto",
    "deleteChatPhoto",
    "setChatPermissions",
    "setChatStickerSet",
    "deleteChatStickerSet",
    "setChatAdministratorCustomTitle",
    "pinChatMessage",
    "unpinChatMessage",
    "unpinAllChatMessages",
    "leaveChat",
    "banChatMember",
    "unbanChatMember",
    "restrictChatMember",
    "promoteChatMember",
    "banChatSenderChat",
    "unbanChatSenderChat",
    "approveChatJoinRequest",
    "declineChatJoinRequest",
    "setMessageReaction",
    "answerInlineQuery",
    "answerPreCheckoutQuery",
    "answerShippingQuery",
    "answerWebAppQuery",
    "close",
    "logOut",
    "setPassportDataErrors",
    "setUserEmojiStatus",
  ].map((m) => m.toLowerCase()),
);

export const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

export const JSON_FIELDS = new Set([
  "reply_markup",
  "entities",
  "caption_entities",
  "allowed_updates",
  "commands",
  "scope",
  "menu_button",
  "media",
  "link_preview_options",
  "reply_parameters",
  "results",
  "message_ids",
  "reaction",
  "rights",
  "prices",
  "permissions",
]);
export const NUMBER_FIELDS = new Set([
  "chat_id",
  "message_id",
  "from_chat_id",
  "offset",
  "limit",
  "timeout",
  "reply_to_message_id",
  "message_thread_id",
  "user_id",
  "cache_time",
  "width",
  "height",
  "duration",
  "max_connections",
  "until_date",
  "latitude",
  "longitude",
]);
export const BOOLEAN_FIELDS = new Set([
  "disable_notification",
  "protect_content",
  "show_alert",
  "drop_pending_updates",
  "disable_web_page_preview",
  "allow_sending_without_reply",
  "disable_content_type_detection",
  "has_spoiler",
  "is_personal",
  "revoke_messages",
  "only_if_banned",
  "for_channels",
  "is_big",
  "show_caption_above_media",
  "allow_paid_broadcast",
]);

export const MIME_BY_EXT: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  zip: "application/zip",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  ogg: "audio/ogg",
  oga: "audio/ogg",
  mp3: "audio/mpeg",
  mp4: "video/mp4",
};

export type Json = Record<string, unknown>;

export class ApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }
}
export const bad = (msg: string) => new ApiFailure(400, `Bad Request: ${msg}`);
export const forbidden = (msg: string) => new ApiFailure(403, `Forbidden: ${msg}`);

export interface FileRecord {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  file_size: number;
  file_name?: string;
  mime_type?: string;
  content: Buffer;
}

export type MessageKind = "text" | "document" | "photo" | "video" | "sticker" | "voice" | "contact" | "location";

export interface StoredMessage {
  message_id: number;
  sender: "user" | "bot";
  date: number;
  edit_date?: number;
  kind: MessageKind;
  text?: string;
  caption?: string;
  entities?: MessageEntity[];
  parse_mode?: string;
  source?: string;
  reply_markup?: AnyReplyMarkup;
  reply_to_message_id?: number;
  media?: Json; // document / photo sizes / sticker / voice / contact / location payload
  /** Messages sent together by sendMediaGroup share this id. */
  media_group_id?: string;
}

export interface ChatState {
  id: number;
  user: User;
  started: boolean;
  blocked: boolean;
  nextMessageId: number;
  messages: StoredMessage[];
  replyKeyboard?: ReplyKeyboardMarkup;
  actions: string[];
  chatInstance: string;
}

export interface CallbackQueryState {
  id: string;
  chatId: number;
  from: number;
  data: string | undefined;
  messageId: number | undefined;
  answered: boolean;
}

export interface PendingPoll {
  call: RecordedCall;
  res: ServerResponse;
  limit: number;
  timer: NodeJS.Timeout;
  wake?: NodeJS.Timeout;
}

export interface Waiter {
  predicate: (call: RecordedCall) => boolean;
  fromIndex: number;
  resolve: (call: RecordedCall) => void;
}

export interface FaultEntry {
  method: string; // lower-case or "*"
  fault: Fault;
  remaining: number;
}

export function randomId(length: number): string {
  return randomBytes(length).toString("base64url").slice(0, length);
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

export function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Stable JSON (sorted keys, undefined/null dropped) for "is it the same?" comparisons. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Json)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** JSON for logs and error messages: file contents are summarised, long output is cut. */
export function summarize(value: unknown, max = 200): string {
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === "object" && "content" in v && Buffer.isBuffer((v as { content: unknown }).content)) {
      const f = v as UploadedFile;
      return `<file ${f.filename} ${f.size} bytes>`;
    }
    return v;
  });
  return text === undefined ? "undefined" : text.length > max ? `${text.slice(0, max)}…` : text;
}

export function updateType(update: Update): string {
  return Object.keys(update).find((k) => k !== "update_id") ?? "unknown";
}

export function isInlineMarkup(markup: AnyReplyMarkup | undefined): markup is InlineKeyboardMarkup {
  return markup !== undefined && "inline_keyboard" in markup;
}

export function flattenButtons(markup: AnyReplyMarkup | undefined): InlineKeyboardButton[] {
  return isInlineMarkup(markup) ? markup.inline_keyboard.flat() : [];
}

export function describeButton(b: InlineKeyboardButton): string {
  const data = "callback_data" in b ? ` → ${JSON.stringify(b.callback_data)}` : "url" in b ? ` → ${b.url}` : "";
  return `${JSON.stringify(b.text)}${data}`;
}
