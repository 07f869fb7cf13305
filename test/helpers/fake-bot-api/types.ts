// The fake Bot API's public types: what tests see of calls, chats, users and faults.
import type {
  BotCommand,
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  ResponseParameters,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";

export interface FakeBotApiOptions {
  /** Bot token; default "7000000001:AAFakeTokenForTests_abcdefghijklmnopq". */
  token?: string;
  /** Bot username without "@"; default "test_bot". */
  botUsername?: string;
  /** Bot first name; default "Test Bot". */
  botFirstName?: string;
  /**
   * Reject a "&" that does not start a valid HTML entity (&lt; &gt; &amp; &quot; &#NN; &#xNN;).
   * Telegram itself tolerates it and shows the "&" literally; the fake refuses it by default so
   * that a missing escape of user-supplied text is caught in tests. Default true.
   */
  strictHtml?: boolean;
  /**
   * Flood limits enforced like Telegram's: a message-producing call (send*, edit*, copy, forward)
   * beyond `count` in any window of `windowMs`, over all chats (global) or in one chat (perChat),
   * gets 429 "Too Many Requests: retry after N" with parameters.retry_after. Default: none.
   */
  limits?: { global: { count: number; windowMs: number }; perChat: { count: number; windowMs: number } };
  /** Print every call and its answer to stderr. Also enabled by env FAKE_BOT_API_LOG=1. */
  log?: boolean;
}

export interface ApiSuccess<T = unknown> {
  ok: true;
  result: T;
}
export interface ApiError {
  ok: false;
  error_code: number;
  description: string;
  parameters?: ResponseParameters;
}
export type ApiResponse<T = unknown> = ApiSuccess<T> | ApiError;

/** A file part of a multipart/form-data request. */
export interface UploadedFile {
  /** The multipart field name (grammY uses a random attach id). */
  field: string;
  /** The method parameter it was attached to ("document", "photo", …), if known. */
  param?: string;
  filename: string;
  size: number;
  contentType: string;
  content: Buffer;
}

export interface RecordedCall {
  /** Index in `api.calls`. */
  seq: number;
  /** Method name exactly as requested (Telegram matches it case-insensitively). */
  method: string;
  /**
   * Parameters as the server understood them: query string + body (JSON, urlencoded or
   * multipart). JSON-encoded fields (reply_markup, entities, commands, scope, …) are decoded,
   * numeric/boolean form fields are coerced, and `attach://` references are replaced by the
   * corresponding `UploadedFile`.
   */
  params: Record<string, unknown>;
  /** File parts of a multipart request. */
  files: UploadedFile[];
  httpMethod: string;
  contentType: string;
  /** Date.now() when the request arrived. */
  time: number;
  /** Date.now() when it was answered (long polls are answered later). */
  answeredAt?: number;
  /** HTTP status sent. */
  status?: number;
  /** The envelope sent back. Undefined while a long poll is pending. */
  response?: ApiResponse;
  /** The failure was injected with `failNext`. */
  injected?: boolean;
  /** The client went away before the answer could be delivered. */
  aborted?: boolean;
  /** Extra explanation from the fake (e.g. "method not implemented by the fake"). */
  note?: string;
}

export type Fault =
  | { error_code: number; description: string; parameters?: ResponseParameters; times?: number }
  /** Destroy the connection without answering (grammY then throws an HttpError). */
  | { network: true; times?: number };

export type AnyReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** A message in a chat as the user sees it now. */
export interface ChatMessage {
  message_id: number;
  from: "user" | "bot";
  date: number;
  edit_date?: number;
  /** Displayed text (HTML already rendered to plain text). */
  text?: string;
  caption?: string;
  /** Formatting of text or caption. */
  entities?: MessageEntity[];
  parse_mode?: string;
  /** The text/caption string as the bot sent it (before HTML parsing). */
  source?: string;
  /** The markup attached: the inline keyboard now shown, or the reply keyboard / removal it was sent with. */
  reply_markup?: AnyReplyMarkup;
  /** Inline buttons now shown under the message, flattened row by row. */
  buttons: InlineKeyboardButton[];
  reply_to_message_id?: number;
  /** The full Message object as Telegram would deliver/return it now. */
  raw: Message;
}

export interface ChatView {
  id: number;
  /** The bot's messages as the user sees them now: edits applied, deleted ones gone; oldest first. */
  messages: ChatMessage[];
  /** All messages in the chat, the user's and the bot's, oldest first. */
  history: ChatMessage[];
  /** The bot's latest message. */
  last(): ChatMessage | undefined;
  /** The reply keyboard currently shown under the input field, if any. */
  replyKeyboard: ReplyKeyboardMarkup | undefined;
  /** Chat actions sent by the bot (sendChatAction), in order. */
  actions: string[];
  /** The user has talked to the bot (so the bot may message them). */
  started: boolean;
  blocked: boolean;
}

export interface FakeUserInfo {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export type ButtonMatcher = string | RegExp | ((button: InlineKeyboardButton) => boolean);

export interface FakeUser {
  readonly id: number;
  readonly info: User;
  /** Plain text; a leading /command gets a bot_command entity like Telegram adds. */
  send(text: string): Update;
  /** "/start" or "start", with an optional payload ("/start payload"). */
  command(command: string, payload?: string): Update;
  /** user_id defaults to the user's own id (sharing one's own contact); pass null for none. */
  sendContact(contact: {
    phone_number: string;
    user_id?: number | null;
    first_name?: string;
    last_name?: string;
  }): Update;
  sendSticker(opts?: { emoji?: string }): Update;
  sendVoice(opts?: { duration?: number; file_size?: number }): Update;
  sendPhoto(opts?: { caption?: string; width?: number; height?: number; file_size?: number }): Update;
  sendVideo(opts?: {
    caption?: string;
    duration?: number;
    file_size?: number;
    file_name?: string;
    mime_type?: string;
  }): Update;
  sendDocument(opts: {
    file_name: string;
    file_size?: number;
    mime_type?: string;
    caption?: string;
    content?: Buffer | string;
  }): Update;
  sendLocation(opts?: { latitude?: number; longitude?: number }): Update;
  /** Edits the user's last text message (edited_message update). */
  editLastText(newText: string): Update;
  /**
   * Presses an inline button (exact text, RegExp on text, or predicate) on the latest bot message
   * that has an inline keyboard, or on `messageId`. Throws, listing the buttons, if none matches.
   */
  press(button: ButtonMatcher, messageId?: number): Update;
  /** Sends a callback query with arbitrary (forged or stale) data from the latest bot message or `messageId`. */
  pressData(data: string, messageId?: number): Update;
  /**
   * A callback query with no message: a button of an inline-mode message (inline_message_id), which
   * Telegram sends without `message`. The bot cannot reply into a chat for it.
   */
  pressInline(data: string): Update;
  /** Taps a button of the reply keyboard currently shown (sends its text, or the contact for request_contact). */
  tap(label: string): Update;
  /** Blocks the bot (my_chat_member update: member → kicked). */
  block(): Update;
  /** Restarts the bot after blocking (my_chat_member update: kicked → member). */
  unblock(): Update;
  chat(): ChatView;
}

export interface WaitForOptions {
  timeoutMs?: number;
  /** Only consider calls with seq >= fromIndex (e.g. `api.calls.length` taken before acting). */
  fromIndex?: number;
}

export interface FakeBotApi {
  /** apiRoot for grammY, e.g. "http://127.0.0.1:41234". */
  readonly url: string;
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** Every call, in arrival order (live array). */
  readonly calls: RecordedCall[];
  /** Calls of one method (case-insensitive). */
  callsOf(method: string): RecordedCall[];
  /** Every call answered with ok:false (including injected faults and 409 conflicts). */
  errors(): RecordedCall[];
  /** Enforces Telegram's flood limits (429 above them) from now on, as the `limits` option does. */
  enforceLimits(limits: FakeBotApiOptions["limits"]): void;
  /** Like errors(), without the failures injected with failNext. */
  unexpectedErrors(): RecordedCall[];
  /** A private chat as the user sees it now. */
  chat(chatId: number): ChatView;
  /** Registers (or returns) a user the bot can see; they count as started once they send something. */
  user(info: FakeUserInfo): FakeUser;
  /** Makes the next call(s) of `method` ("*" = any method) fail with `fault`. */
  failNext(method: string, fault: Fault): void;
  /** Updates queued for getUpdates and not yet confirmed by an offset. */
  pendingUpdates(): Update[];
  dropPendingUpdates(): void;
  /** Queues a hand-made update (update_id is assigned) and returns it. */
  enqueue(update: Omit<Update, "update_id">): Update;
  /** Queues an update again with its own update_id, as Telegram redelivers after a timeout or restart. */
  redeliver(update: Update): void;
  /** Resolves with the first answered call matching `predicate` (or having that method name). */
  waitFor(
    predicate: string | ((call: RecordedCall) => boolean),
    timeout?: number | WaitForOptions,
  ): Promise<RecordedCall>;
  /** Commands stored by setMyCommands for a scope (default {type:"default"}) and language code. */
  commands(scope?: Record<string, unknown>, languageCode?: string): BotCommand[] | undefined;
  /** Menu button set by setChatMenuButton (chatId undefined = default). */
  menuButton(chatId?: number): unknown;
  /** Current webhook, if setWebhook was called and not deleted. */
  readonly webhook: Record<string, unknown> | undefined;
  /** Callback queries the bot has not answered yet. */
  unansweredCallbackQueries(): Array<{
    id: string;
    data: string | undefined;
    from: number;
    messageId: number | undefined;
  }>;
  /** Content of a stored file (uploaded by the bot or sent by a user). */
  fileContent(fileId: string): Buffer | undefined;
  stop(): Promise<void>;
}
