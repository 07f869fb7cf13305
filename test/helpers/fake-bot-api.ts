// A strict fake of the Telegram Bot API, served over real HTTP (node:http only).
//
// Used two ways:
//   - in-process: `new Bot(api.token, { botInfo: api.botInfo, client: { apiRoot: api.url } })`
//     then `await bot.handleUpdate(u.send("hi"))`;
//   - out of process: spawn the real bot with TELEGRAM_API_ROOT=api.url and long polling, drive
//     it with `api.user(...)`, and wait for its answers with `api.waitFor(...)`.
//
// Behaviour follows tdlib/telegram-bot-api (Client.cpp) and tdlib's HTML parser
// (MessageEntity.cpp parse_html): error codes and descriptions are Telegram's own. Where the fake
// is deliberately stricter or simpler than Telegram, the comment says so.

import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { BotCommand, InlineKeyboardButton, Message, Update, User, UserFromGetMe } from "grammy/types";
import {
  checkCallbackData,
  commandEntities,
  jsonArg,
  jsonArgOrUndefined,
  parseReplyMarkup,
  sameInlineMarkup,
  scopeArg,
  stringArg,
  toInt,
} from "./fake-bot-api/arguments.js";
import { type ParsedText, parseFormatted } from "./fake-bot-api/html.js";
import {
  ApiFailure,
  bad,
  type CallbackQueryState,
  CHAT_ACTIONS,
  type ChatState,
  canonical,
  clone,
  codePoints,
  DEFAULT_EXCLUDED_UPDATES,
  DEFAULT_TOKEN,
  describeButton,
  type FaultEntry,
  type FileRecord,
  flattenButtons,
  forbidden,
  HARMLESS_METHODS,
  isInlineMarkup,
  JSON_FIELDS,
  type Json,
  LONG_POLL_MAX_TIMEOUT,
  LONG_POLL_WAIT_AFTER_MS,
  MAX_CAPTION_LENGTH,
  MAX_DOWNLOAD_SIZE,
  MAX_TEXT_LENGTH,
  MAX_UPLOAD_SIZE,
  type MessageKind,
  MIME_BY_EXT,
  nowSeconds,
  type PendingPoll,
  randomId,
  type StoredMessage,
  summarize,
  updateType,
  type Waiter,
} from "./fake-bot-api/internals.js";
import { coerce, parseMultipart, readBody } from "./fake-bot-api/request.js";
import type {
  AnyReplyMarkup,
  ApiResponse,
  ButtonMatcher,
  ChatMessage,
  ChatView,
  FakeBotApi,
  FakeBotApiOptions,
  FakeUser,
  FakeUserInfo,
  Fault,
  RecordedCall,
  UploadedFile,
  WaitForOptions,
} from "./fake-bot-api/types.js";
import { FakeUserImpl } from "./fake-bot-api/user.js";

export { parseHtml } from "./fake-bot-api/html.js";
export type * from "./fake-bot-api/types.js";

// ---------------------------------------------------------------------------------------------
// The server

export class FakeBotApiServer implements FakeBotApi {
  url = "";
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  readonly calls: RecordedCall[] = [];
  webhook: Record<string, unknown> | undefined;

  private readonly strictHtml: boolean;
  private limits: FakeBotApiOptions["limits"];
  private readonly log: boolean;
  private server: Server | undefined;
  private readonly chats = new Map<number, ChatState>();
  private readonly queue: Update[] = [];
  private nextUpdateId = 100_000_001;
  private allowedUpdates: string[] = [];
  private poll: PendingPoll | undefined;
  private readonly waiters = new Set<Waiter>();
  private readonly faults: FaultEntry[] = [];
  private readonly files = new Map<string, FileRecord>();
  private fileCounter = 0;
  private readonly callbackQueries = new Map<string, CallbackQueryState>();
  private callbackCounter = 0;
  private mediaGroupCounter = 0;
  private readonly commandStore = new Map<string, BotCommand[]>();
  private readonly menuButtons = new Map<string, unknown>();
  private stopped = false;

  constructor(options: FakeBotApiOptions) {
    this.token = options.token ?? DEFAULT_TOKEN;
    const botId = Number(this.token.split(":")[0]);
    this.botInfo = {
      id: Number.isSafeInteger(botId) && botId > 0 ? botId : 7_000_000_001,
      is_bot: true,
      first_name: options.botFirstName ?? "Test Bot",
      username: options.botUsername ?? "test_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
    this.strictHtml = options.strictHtml ?? true;
    this.limits = options.limits;
    this.log = options.log ?? process.env.FAKE_BOT_API_LOG === "1";
  }

  async listen(): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(
            JSON.stringify({ ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` }),
          );
        }
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.poll) {
      clearTimeout(this.poll.timer);
      if (this.poll.wake) clearTimeout(this.poll.wake);
      this.poll.call.aborted = true;
      this.poll.res.destroy();
      this.poll = undefined;
    }
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  // --- state for tests ----------------------------------------------------------------------

  callsOf(method: string): RecordedCall[] {
    const m = method.toLowerCase();
    return this.calls.filter((c) => c.method.toLowerCase() === m);
  }

  /** Enforces Telegram's flood `limits` (429 above them) from now on; undefined: none. */
  enforceLimits(limits: FakeBotApiOptions["limits"]): void {
    this.limits = limits;
  }

  errors(): RecordedCall[] {
    return this.calls.filter((c) => c.response !== undefined && !c.response.ok);
  }

  unexpectedErrors(): RecordedCall[] {
    return this.errors().filter((c) => !c.injected);
  }

  chat(chatId: number): ChatView {
    const chat = this.chats.get(chatId);
    if (!chat) {
      return {
        id: chatId,
        messages: [],
        history: [],
        last: () => undefined,
        replyKeyboard: undefined,
        actions: [],
        started: false,
        blocked: false,
      };
    }
    const history = chat.messages.map((m) => this.view(chat, m));
    const messages = history.filter((m) => m.from === "bot");
    return {
      id: chatId,
      messages,
      history,
      last: () => messages[messages.length - 1],
      replyKeyboard: clone(chat.replyKeyboard),
      actions: [...chat.actions],
      started: chat.started,
      blocked: chat.blocked,
    };
  }

  user(info: FakeUserInfo): FakeUser {
    let chat = this.chats.get(info.id);
    const user: User = { id: info.id, is_bot: false, first_name: info.first_name };
    if (info.last_name !== undefined) user.last_name = info.last_name;
    if (info.username !== undefined) user.username = info.username;
    if (info.language_code !== undefined) user.language_code = info.language_code;
    if (!chat) {
      chat = {
        id: info.id,
        user,
        started: false,
        blocked: false,
        nextMessageId: 1,
        messages: [],
        actions: [],
        chatInstance: String(BigInt(`0x${randomBytes(7).toString("hex")}`)),
      };
      this.chats.set(info.id, chat);
    } else {
      chat.user = user;
    }
    return new FakeUserImpl(this, chat);
  }

  failNext(method: string, fault: Fault): void {
    const times = fault.times ?? 1;
    if (times < 1) return;
    this.faults.push({ method: method === "*" ? "*" : method.toLowerCase(), fault, remaining: times });
  }

  pendingUpdates(): Update[] {
    return clone(this.queue);
  }

  dropPendingUpdates(): void {
    this.queue.length = 0;
  }

  redeliver(update: Update): void {
    this.queue.push(clone(update));
    this.schedulePollWake();
  }

  enqueue(partial: Omit<Update, "update_id">): Update {
    const update = { update_id: this.nextUpdateId++, ...partial } as Update;
    this.queue.push(update);
    this.schedulePollWake();
    return clone(update);
  }

  waitFor(
    predicate: string | ((call: RecordedCall) => boolean),
    timeout: number | WaitForOptions = {},
  ): Promise<RecordedCall> {
    const opts = typeof timeout === "number" ? { timeoutMs: timeout } : timeout;
    const timeoutMs = opts.timeoutMs ?? 5000;
    const fromIndex = opts.fromIndex ?? 0;
    const pred =
      typeof predicate === "string"
        ? (c: RecordedCall) => c.method.toLowerCase() === predicate.toLowerCase()
        : predicate;
    const found = this.calls.find((c) => c.seq >= fromIndex && c.response !== undefined && pred(c));
    if (found) return Promise.resolve(found);
    return new Promise<RecordedCall>((resolve, reject) => {
      const waiter: Waiter = {
        predicate: pred,
        fromIndex,
        resolve: (call) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const recent = this.calls
          .slice(-10)
          .map(
            (c) =>
              `  #${c.seq} ${c.method} ${summarize(c.params, 160)} → ${c.response ? summarize(c.response, 160) : c.aborted ? "(aborted)" : "(pending)"}`,
          )
          .join("\n");
        reject(
          new Error(`fake Bot API: no matching call within ${timeoutMs} ms. Last calls:\n${recent || "  (none)"}`),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  commands(scope: Record<string, unknown> = { type: "default" }, languageCode = ""): BotCommand[] | undefined {
    return clone(this.commandStore.get(this.commandKey(scope, languageCode)));
  }

  menuButton(chatId?: number): unknown {
    return clone(this.menuButtons.get(chatId === undefined ? "" : String(chatId)));
  }

  unansweredCallbackQueries() {
    return [...this.callbackQueries.values()]
      .filter((q) => !q.answered)
      .map((q) => ({ id: q.id, data: q.data, from: q.from, messageId: q.messageId }));
  }

  fileContent(fileId: string): Buffer | undefined {
    return this.files.get(fileId)?.content;
  }

  // --- used by FakeUserImpl -----------------------------------------------------------------

  /** @internal */
  addUserMessage(chat: ChatState, kind: MessageKind, fields: Partial<StoredMessage>): Update {
    if (chat.blocked) {
      throw new Error(`fake Bot API: user ${chat.id} has blocked the bot; call u.unblock() before sending`);
    }
    chat.started = true;
    const stored: StoredMessage = {
      message_id: chat.nextMessageId++,
      sender: "user",
      date: nowSeconds(),
      kind,
      ...fields,
    };
    chat.messages.push(stored);
    return this.enqueue({ message: this.toMessage(chat, stored) as Update["message"] });
  }

  /** @internal */
  editUserText(chat: ChatState, newText: string): Update {
    const last = [...chat.messages].reverse().find((m) => m.sender === "user" && m.kind === "text");
    if (!last) throw new Error(`fake Bot API: user ${chat.id} has no text message to edit`);
    last.text = newText;
    const entities = commandEntities(newText);
    if (entities.length) last.entities = entities;
    else delete last.entities;
    last.edit_date = nowSeconds();
    return this.enqueue({ edited_message: this.toMessage(chat, last) as Update["edited_message"] });
  }

  /** @internal */
  addFile(
    kind: string,
    name: string | undefined,
    size: number,
    mime: string | undefined,
    content?: Buffer,
  ): FileRecord {
    const n = ++this.fileCounter;
    const ext = name?.includes(".")
      ? name.slice(name.lastIndexOf(".") + 1)
      : kind === "photos"
        ? "jpg"
        : kind === "voice"
          ? "oga"
          : kind === "stickers"
            ? "webp"
            : "dat";
    // Files too big to download are never served, so do not allocate them.
    const body = content ?? Buffer.alloc(size > MAX_DOWNLOAD_SIZE ? 0 : size);
    const record: FileRecord = {
      file_id: `${kind === "photos" ? "AgAC" : "BQAC"}AgIAAxkBAAI${randomId(40)}`,
      file_unique_id: `AgAD${randomId(12)}`,
      file_path: `${kind}/file_${n}.${ext}`,
      file_size: content ? content.length : size,
      content: body,
    };
    if (name !== undefined) record.file_name = name;
    if (mime !== undefined) record.mime_type = mime;
    this.files.set(record.file_id, record);
    return record;
  }

  /** @internal */
  pressButton(chat: ChatState, matcher: ButtonMatcher | { data: string }, messageId?: number): Update {
    if (chat.blocked) throw new Error(`fake Bot API: user ${chat.id} has blocked the bot`);
    const botMessages = chat.messages.filter((m) => m.sender === "bot");
    let target: StoredMessage | undefined;
    if (messageId !== undefined) {
      target = chat.messages.find((m) => m.message_id === messageId);
      if (!target)
        throw new Error(`fake Bot API: message ${messageId} is not in chat ${chat.id} (deleted or never sent)`);
    } else {
      target = [...botMessages].reverse().find((m) => flattenButtons(m.reply_markup).length > 0);
      if (!target && typeof matcher === "object" && "data" in matcher) target = botMessages[botMessages.length - 1];
      if (!target) {
        throw new Error(
          `fake Bot API: no bot message with an inline keyboard in chat ${chat.id}. Bot messages:\n${this.describeMessages(botMessages)}`,
        );
      }
    }
    let data: string | undefined;
    if (typeof matcher === "object" && "data" in matcher) {
      data = matcher.data;
    } else {
      const buttons = flattenButtons(target.reply_markup);
      const test =
        typeof matcher === "string"
          ? (b: InlineKeyboardButton) => b.text === matcher
          : matcher instanceof RegExp
            ? (b: InlineKeyboardButton) => matcher.test(b.text)
            : matcher;
      const button = buttons.find(test);
      if (!button) {
        const list = buttons.length ? buttons.map((b) => `  ${describeButton(b)}`).join("\n") : "  (no inline buttons)";
        throw new Error(
          `fake Bot API: no button matching ${typeof matcher === "function" ? "the predicate" : String(matcher)} on message ${target.message_id} (${JSON.stringify((target.text ?? target.caption ?? "").slice(0, 80))}). Buttons:\n${list}`,
        );
      }
      if (!("callback_data" in button)) {
        throw new Error(`fake Bot API: button ${describeButton(button)} is not a callback button`);
      }
      data = button.callback_data;
    }
    const id = `${4_000_000_000_000_000_000n + BigInt(++this.callbackCounter)}`;
    this.callbackQueries.set(id, {
      id,
      chatId: chat.id,
      from: chat.user.id,
      data,
      messageId: target.message_id,
      answered: false,
    });
    const callback_query: Json = {
      id,
      from: clone(chat.user),
      message: this.toMessage(chat, target),
      chat_instance: chat.chatInstance,
    };
    if (data !== undefined) callback_query.data = data;
    return this.enqueue({ callback_query } as unknown as Omit<Update, "update_id">);
  }

  /** @internal */
  pressInlineButton(chat: ChatState, data: string): Update {
    const id = `${4_000_000_000_000_000_000n + BigInt(++this.callbackCounter)}`;
    this.callbackQueries.set(id, {
      id,
      chatId: chat.id,
      from: chat.user.id,
      data,
      messageId: undefined,
      answered: false,
    });
    const callback_query: Json = {
      id,
      from: clone(chat.user),
      inline_message_id: `AgAAA${randomId(20)}`,
      chat_instance: chat.chatInstance,
      data,
    };
    return this.enqueue({ callback_query } as unknown as Omit<Update, "update_id">);
  }

  /** @internal */
  setBlocked(chat: ChatState, blocked: boolean): Update {
    const wasBlocked = chat.blocked;
    chat.blocked = blocked;
    if (!blocked) chat.started = true;
    const bot: User = {
      id: this.botInfo.id,
      is_bot: true,
      first_name: this.botInfo.first_name,
      username: this.botInfo.username,
    };
    const member = (status: "member" | "kicked") =>
      status === "kicked" ? { user: bot, status, until_date: 0 } : { user: bot, status };
    return this.enqueue({
      my_chat_member: {
        chat: this.chatObject(chat),
        from: clone(chat.user),
        date: nowSeconds(),
        old_chat_member: member(wasBlocked ? "kicked" : "member"),
        new_chat_member: member(blocked ? "kicked" : "member"),
      },
    } as unknown as Omit<Update, "update_id">);
  }

  /** @internal */
  chatState(chatId: number): ChatState | undefined {
    return this.chats.get(chatId);
  }

  /** @internal */
  describeMessages(messages: StoredMessage[]): string {
    if (messages.length === 0) return "  (none)";
    return messages
      .slice(-5)
      .map(
        (m) =>
          `  #${m.message_id} ${JSON.stringify((m.text ?? m.caption ?? `[${m.kind}]`).slice(0, 80))} buttons: ${flattenButtons(m.reply_markup).map(describeButton).join(", ") || "none"}`,
      )
      .join("\n");
  }

  // --- HTTP -----------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const fileRoute = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
    if (fileRoute) {
      await readBody(req);
      if (fileRoute[1] !== this.token)
        return this.writeJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      const path = decodeURIComponent(fileRoute[2] ?? "");
      const file = [...this.files.values()].find((f) => f.file_path === path);
      if (!file) return this.writeJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      res.writeHead(200, {
        "content-type": file.mime_type ?? "application/octet-stream",
        "content-length": file.content.length,
      });
      res.end(file.content);
      return;
    }

    const route = /^\/bot([^/]*)\/([^/]*)$/.exec(url.pathname);
    const body = await readBody(req);
    const call: RecordedCall = {
      seq: this.calls.length,
      method: route?.[2] ?? url.pathname,
      params: {},
      files: [],
      httpMethod: req.method ?? "GET",
      contentType: req.headers["content-type"] ?? "",
      time: Date.now(),
    };
    this.calls.push(call);

    if (!route) return this.answer(call, res, new ApiFailure(404, "Not Found"));
    if (route[1] !== this.token) return this.answer(call, res, new ApiFailure(401, "Unauthorized"));

    try {
      this.parseParams(call, url, body);
    } catch (error) {
      return this.answer(call, res, error);
    }

    const method = call.method.toLowerCase();
    const flood = this.floodWait(method, call.params.chat_id);
    if (flood !== undefined) {
      return this.answer(
        call,
        res,
        new ApiFailure(429, `Too Many Requests: retry after ${flood}`, { retry_after: flood }),
      );
    }
    const faultIndex = this.faults.findIndex((f) => f.method === method || f.method === "*");
    const fault = this.faults[faultIndex];
    if (fault) {
      fault.remaining--;
      if (fault.remaining <= 0) this.faults.splice(faultIndex, 1);
      call.injected = true;
      if ("network" in fault.fault) {
        call.aborted = true;
        call.note = "network fault injected by failNext";
        call.answeredAt = Date.now();
        res.destroy();
        return;
      }
      const { error_code, description, parameters } = fault.fault;
      return this.answer(call, res, new ApiFailure(error_code, description, parameters));
    }

    if (method === "getupdates") return this.getUpdates(call, res);

    let result: unknown;
    try {
      result = this.dispatch(method, call);
    } catch (error) {
      return this.answer(call, res, error);
    }
    this.answer(call, res, { ok: true, result });
  }

  private parseParams(call: RecordedCall, url: URL, body: Buffer): void {
    const params: Json = {};
    for (const [k, v] of url.searchParams) params[k] = coerce(k, v);
    const type = call.contentType.toLowerCase();
    if (body.length > MAX_UPLOAD_SIZE) throw new ApiFailure(413, "Request Entity Too Large");
    if (body.length > 0) {
      if (type.startsWith("application/json")) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.toString("utf8"));
        } catch {
          throw bad("can't parse JSON request body");
        }
        if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
          for (const [k, v] of Object.entries(parsed as Json)) {
            params[k] = typeof v === "string" && JSON_FIELDS.has(k) ? coerce(k, v) : v;
          }
        }
      } else if (type.startsWith("multipart/form-data")) {
        const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(call.contentType);
        const b = boundary?.[1] ?? boundary?.[2];
        if (!b) throw bad("can't parse multipart/form-data request: no boundary");
        const { fields, files } = parseMultipart(body, b.trim());
        for (const [k, v] of Object.entries(fields)) params[k] = coerce(k, v);
        call.files = files;
        // Resolve attach:// references (top level, and inside decoded JSON such as media).
        const byField = new Map(files.map((f) => [f.field, f]));
        const resolve = (value: unknown, key: string): unknown => {
          if (typeof value === "string" && value.startsWith("attach://")) {
            const file = byField.get(value.slice("attach://".length));
            if (file) {
              file.param = key;
              return file;
            }
            return value;
          }
          if (Array.isArray(value)) return value.map((v) => resolve(v, key));
          if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
            const o = value as Json;
            for (const k of Object.keys(o))
              o[k] = resolve(o[k], k === "media" && typeof o.type === "string" ? o.type : k);
            return o;
          }
          return value;
        };
        for (const k of Object.keys(params)) params[k] = resolve(params[k], k);
        // Files sent under their own parameter name (no attach:// indirection).
        for (const f of files) {
          if (f.param === undefined && params[f.field] === undefined) {
            f.param = f.field;
            params[f.field] = f;
          }
        }
      } else {
        // application/x-www-form-urlencoded (or anything else: try it as such)
        for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = coerce(k, v);
      }
    }
    call.params = params;
  }

  private answer(call: RecordedCall, res: ServerResponse, outcome: unknown): void {
    let status: number;
    let response: ApiResponse;
    if (outcome instanceof ApiFailure) {
      status = outcome.code;
      response = { ok: false, error_code: outcome.code, description: outcome.description };
      if (outcome.parameters) response.parameters = outcome.parameters;
    } else if (outcome && typeof outcome === "object" && "ok" in outcome) {
      status = 200;
      response = outcome as ApiResponse;
    } else {
      status = 500;
      response = {
        ok: false,
        error_code: 500,
        description: `Internal Server Error: fake Bot API bug: ${outcome instanceof Error ? outcome.stack : String(outcome)}`,
      };
    }
    call.status = status;
    call.response = response;
    call.answeredAt = Date.now();
    if (res.destroyed || res.writableEnded) call.aborted = true;
    else this.writeJson(res, status, response);
    if (this.log) {
      process.stderr.write(
        `[fake-bot-api] ${call.method} ${summarize(call.params, 300)} → ${status} ${summarize(response, 300)}\n`,
      );
    }
    for (const waiter of [...this.waiters]) {
      if (call.seq >= waiter.fromIndex && waiter.predicate(call)) waiter.resolve(call);
    }
  }

  private writeJson(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }

  // --- getUpdates -----------------------------------------------------------------------------

  private getUpdates(call: RecordedCall, res: ServerResponse): void {
    const p = call.params;
    if (this.webhook) {
      this.answer(
        call,
        res,
        new ApiFailure(
          409,
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        ),
      );
      return;
    }
    const offset = toInt(p.offset) ?? 0;
    const limit = Math.min(Math.max(toInt(p.limit) ?? 100, 1), 100);
    const timeout = Math.min(Math.max(toInt(p.timeout) ?? 0, 0), LONG_POLL_MAX_TIMEOUT);
    if (Array.isArray(p.allowed_updates)) this.allowedUpdates = p.allowed_updates.map(String);

    if (offset > 0) {
      while (this.queue.length > 0 && this.queue[0]!.update_id < offset) this.queue.shift();
    } else if (offset < 0) {
      this.queue.splice(0, Math.max(0, this.queue.length + offset));
    }
    const updates = this.take(limit);
    if (updates.length > 0 || timeout === 0) {
      this.answer(call, res, { ok: true, result: updates });
      return;
    }

    // Long poll. Like telegram-bot-api, a new long poll terminates the pending one with 409.
    if (this.poll)
      this.terminatePoll(
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      );
    const poll: PendingPoll = {
      call,
      res,
      limit,
      timer: setTimeout(() => this.finishPoll(poll), timeout * 1000),
    };
    this.poll = poll;
    res.on("close", () => {
      if (this.poll === poll && !res.writableEnded) {
        // The client aborted (grammY bot.stop(), runner stop, process exit): not an error.
        clearTimeout(poll.timer);
        if (poll.wake) clearTimeout(poll.wake);
        this.poll = undefined;
        call.aborted = true;
        call.answeredAt = Date.now();
        call.note = "long poll aborted by the client";
      }
    });
  }

  private take(limit: number): Update[] {
    const allowed = this.allowedUpdates.length > 0 ? new Set(this.allowedUpdates) : undefined;
    const result: Update[] = [];
    for (let i = 0; i < this.queue.length && result.length < limit; ) {
      const update = this.queue[i]!;
      const type = updateType(update);
      const wanted = allowed ? allowed.has(type) : !DEFAULT_EXCLUDED_UPDATES.has(type);
      if (!wanted) {
        this.queue.splice(i, 1); // Telegram does not keep updates the bot did not subscribe to
        continue;
      }
      result.push(clone(update));
      i++;
    }
    return result;
  }

  private schedulePollWake(): void {
    const poll = this.poll;
    if (!poll || poll.wake) return;
    poll.wake = setTimeout(() => {
      poll.wake = undefined;
      if (this.poll === poll) this.finishPoll(poll);
    }, LONG_POLL_WAIT_AFTER_MS);
  }

  private finishPoll(poll: PendingPoll): void {
    if (this.poll !== poll) return;
    clearTimeout(poll.timer);
    if (poll.wake) clearTimeout(poll.wake);
    this.poll = undefined;
    this.answer(poll.call, poll.res, { ok: true, result: this.take(poll.limit) });
  }

  private terminatePoll(description: string): void {
    const poll = this.poll;
    if (!poll) return;
    clearTimeout(poll.timer);
    if (poll.wake) clearTimeout(poll.wake);
    this.poll = undefined;
    this.answer(poll.call, poll.res, new ApiFailure(409, description));
  }

  // --- methods --------------------------------------------------------------------------------

  /** Arrival times of message-producing calls, over all chats and per chat, for the flood limits. */
  private readonly sent: { global: number[]; chats: Map<string, number[]> } = { global: [], chats: new Map() };

  /** Seconds to wait when this call would pass a flood limit (and is refused); else undefined. */
  private floodWait(method: string, chatId: unknown): number | undefined {
    const limits = this.limits;
    if (!limits || !/^(send(?!chataction)|edit|copymessage|forwardmessage)/.test(method)) return undefined;
    const now = Date.now();
    const chat = chatId === undefined ? undefined : String(chatId);
    const recent = (times: number[], windowMs: number) => {
      while (times.length && times[0]! <= now - windowMs) times.shift();
      return times;
    };
    const global = recent(this.sent.global, limits.global.windowMs);
    const perChat = chat === undefined ? [] : recent(this.sent.chats.get(chat) ?? [], limits.perChat.windowMs);
    const waits: number[] = [];
    if (global.length >= limits.global.count) waits.push(global[0]! + limits.global.windowMs - now);
    if (perChat.length >= limits.perChat.count) waits.push(perChat[0]! + limits.perChat.windowMs - now);
    if (waits.length) return Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    global.push(now);
    if (chat !== undefined) this.sent.chats.set(chat, [...perChat, now]);
    return undefined;
  }

  private dispatch(method: string, call: RecordedCall): unknown {
    const p = call.params;
    switch (method) {
      case "getme":
        return clone(this.botInfo);
      case "deletewebhook":
        this.webhook = undefined;
        if (p.drop_pending_updates === true) this.queue.length = 0;
        return true;
      case "setwebhook": {
        const url = typeof p.url === "string" ? p.url : "";
        if (p.drop_pending_updates === true) this.queue.length = 0;
        if (url === "") {
          this.webhook = undefined;
          return true;
        }
        if (!/^https:\/\//i.test(url)) throw bad("bad webhook: An HTTPS URL must be provided for webhook");
        this.terminatePoll("Conflict: terminated by setWebhook request");
        this.webhook = clone(p);
        return true;
      }
      case "getwebhookinfo": {
        const info: Json = {
          url: (this.webhook?.url as string | undefined) ?? "",
          has_custom_certificate: false,
          pending_update_count: this.queue.length,
        };
        if (this.webhook?.allowed_updates) info.allowed_updates = this.webhook.allowed_updates;
        return info;
      }
      case "setmycommands": {
        const commands = jsonArg(p.commands, "commands JSON object");
        if (!Array.isArray(commands)) throw bad("can't parse commands JSON object");
        if (commands.length > 100) throw bad("too many commands specified");
        const list: BotCommand[] = [];
        for (const c of commands) {
          const cmd = c as Json;
          const command = typeof cmd.command === "string" ? cmd.command.replace(/^\//, "") : "";
          const description = typeof cmd.description === "string" ? cmd.description : "";
          if (!/^[a-z0-9_]{1,32}$/.test(command)) throw bad("BOT_COMMAND_INVALID");
          if (description.trim().length === 0 || codePoints(description) > 256)
            throw bad("BOT_COMMAND_DESCRIPTION_INVALID");
          list.push({ command, description });
        }
        this.commandStore.set(this.commandKey(scopeArg(p.scope), stringArg(p.language_code)), list);
        return true;
      }
      case "getmycommands":
        return this.commandStore.get(this.commandKey(scopeArg(p.scope), stringArg(p.language_code))) ?? [];
      case "deletemycommands":
        this.commandStore.delete(this.commandKey(scopeArg(p.scope), stringArg(p.language_code)));
        return true;
      case "setchatmenubutton": {
        const key = p.chat_id === undefined ? "" : String(p.chat_id);
        if (key !== "") this.requireChat(p.chat_id);
        const button =
          p.menu_button === undefined ? { type: "default" } : jsonArg(p.menu_button, "menu button JSON object");
        this.menuButtons.set(key, button);
        return true;
      }
      case "getchatmenubutton": {
        const key = p.chat_id === undefined ? "" : String(p.chat_id);
        return this.menuButtons.get(key) ?? this.menuButtons.get("") ?? { type: "commands" };
      }
      case "sendmessage":
        return this.sendMessage(p);
      case "editmessagetext":
        return this.editMessageText(p);
      case "editmessagecaption":
        return this.editMessageCaption(p);
      case "editmessagereplymarkup":
        return this.editMessageReplyMarkup(p);
      case "deletemessage": {
        if (p.chat_id === undefined || p.chat_id === "") throw bad("chat identifier is not specified");
        const messageId = toInt(p.message_id) ?? 0;
        if (messageId <= 0) throw bad("message identifier is not specified");
        const chat = this.chats.get(Number(p.chat_id));
        if (!chat) throw bad("chat not found");
        const index = chat.messages.findIndex((m) => m.message_id === messageId);
        if (index < 0) throw bad("message to delete not found");
        chat.messages.splice(index, 1);
        return true;
      }
      case "deletemessages": {
        const chat = this.requireChat(p.chat_id);
        const ids = jsonArg(p.message_ids, "message identifiers");
        if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100)
          throw bad("message identifiers are not specified");
        chat.messages = chat.messages.filter((m) => !ids.includes(m.message_id));
        return true;
      }
      case "answercallbackquery": {
        const id =
          typeof p.callback_query_id === "string" || typeof p.callback_query_id === "number"
            ? String(p.callback_query_id)
            : "";
        if (id === "") throw bad('Parameter "callback_query_id" is required');
        const query = this.callbackQueries.get(id);
        if (!query || query.answered) throw bad("query is too old and response timeout expired or query ID is invalid");
        if (typeof p.text === "string" && codePoints(p.text) > 200) throw bad("MESSAGE_TOO_LONG");
        query.answered = true;
        return true;
      }
      case "sendchataction": {
        const action = typeof p.action === "string" ? p.action : "";
        if (!CHAT_ACTIONS.has(action)) throw bad("wrong parameter action in request");
        const chat = this.writableChat(p.chat_id);
        chat.actions.push(action);
        return true;
      }
      case "senddocument":
        return this.sendMedia(p, "document");
      case "sendvideo":
        return this.sendMedia(p, "video");
      case "sendphoto":
        return this.sendMedia(p, "photo");
      case "sendmediagroup":
        return this.sendMediaGroup(p);
      case "getfile": {
        const fileId = typeof p.file_id === "string" ? p.file_id : "";
        if (fileId === "") throw bad('Parameter "file_id" is required');
        const file = this.files.get(fileId);
        if (!file) throw bad("invalid file_id");
        if (file.file_size > MAX_DOWNLOAD_SIZE) throw bad("file is too big");
        return {
          file_id: file.file_id,
          file_unique_id: file.file_unique_id,
          file_size: file.file_size,
          file_path: file.file_path,
        };
      }
      case "getchat": {
        const chat = this.requireChat(p.chat_id);
        return {
          ...this.chatObject(chat),
          accent_color_id: 0,
          max_reaction_count: 11,
          accepted_gift_types: {
            unlimited_gifts: false,
            limited_gifts: false,
            unique_gifts: false,
            premium_subscription: false,
          },
        };
      }
      default:
        if (HARMLESS_METHODS.has(method)) return true;
        call.note = `method "${call.method}" is not implemented by the fake Bot API: implement it or add it to HARMLESS_METHODS`;
        throw new ApiFailure(404, "Not Found");
    }
  }

  private commandKey(scope: Record<string, unknown>, languageCode: string): string {
    return `${canonical(scope)}|${languageCode}`;
  }

  /** The chat must exist (the bot has seen this user). */
  private requireChat(chatIdParam: unknown): ChatState {
    if (chatIdParam === undefined || chatIdParam === null || chatIdParam === "") throw bad("chat_id is empty");
    const id = typeof chatIdParam === "number" ? chatIdParam : Number(chatIdParam);
    if (!Number.isSafeInteger(id)) throw bad("chat not found");
    const chat = this.chats.get(id);
    if (!chat) throw bad("chat not found");
    return chat;
  }

  /** The bot may send to this chat: the user started it and has not blocked the bot. */
  private writableChat(chatIdParam: unknown): ChatState {
    const chat = this.requireChat(chatIdParam);
    if (chat.blocked) throw forbidden("bot was blocked by the user");
    if (!chat.started) throw forbidden("bot can't initiate conversation with a user");
    return chat;
  }

  private replyTo(chat: ChatState, p: Json): number | undefined {
    let id = toInt(p.reply_to_message_id);
    let allowWithout = p.allow_sending_without_reply === true;
    const params =
      p.reply_parameters === undefined
        ? undefined
        : (jsonArg(p.reply_parameters, "reply parameters JSON object") as Json);
    if (params && typeof params === "object") {
      id = toInt(params.message_id);
      if (params.allow_sending_without_reply === true) allowWithout = true;
    }
    if (id === undefined || id <= 0) return undefined;
    if (chat.messages.some((m) => m.message_id === id)) return id;
    if (allowWithout) return undefined;
    throw bad("message to be replied not found");
  }

  private sendMessage(p: Json): unknown {
    const chat = this.requireChat(p.chat_id);
    const markup = parseReplyMarkup(p.reply_markup);
    const source = typeof p.text === "string" ? p.text : p.text === undefined ? "" : String(p.text);
    const parsed = parseFormatted(source, p.parse_mode, jsonArgOrUndefined(p.entities), this.strictHtml);
    if (parsed.text.trim() === "") throw bad("message text is empty");
    if (codePoints(parsed.text) > MAX_TEXT_LENGTH) throw bad("message is too long");
    checkCallbackData(markup);
    const replyTo = this.replyTo(chat, p);
    this.writableChat(p.chat_id);
    const stored: StoredMessage = {
      message_id: chat.nextMessageId++,
      sender: "bot",
      date: nowSeconds(),
      kind: "text",
      text: parsed.text,
      source,
    };
    if (parsed.entities.length) stored.entities = parsed.entities;
    if (typeof p.parse_mode === "string") stored.parse_mode = p.parse_mode;
    if (markup) stored.reply_markup = markup;
    if (replyTo !== undefined) stored.reply_to_message_id = replyTo;
    this.applyReplyKeyboard(chat, markup);
    chat.messages.push(stored);
    return this.toMessage(chat, stored);
  }

  private sendMedia(p: Json, kind: "document" | "photo" | "video"): unknown {
    const chat = this.requireChat(p.chat_id);
    const markup = parseReplyMarkup(p.reply_markup);
    const input = p[kind];
    if (input === undefined || input === "") throw bad(`there is no ${kind} in the request`);
    let captionSource: string | undefined;
    let parsed: ParsedText | undefined;
    if (typeof p.caption === "string" && p.caption !== "") {
      captionSource = p.caption;
      parsed = parseFormatted(p.caption, p.parse_mode, jsonArgOrUndefined(p.caption_entities), this.strictHtml);
      if (codePoints(parsed.text) > MAX_CAPTION_LENGTH) throw bad("message caption is too long");
    }
    checkCallbackData(markup);
    const media = this.resolveInputFile(input, kind);
    const replyTo = this.replyTo(chat, p);
    this.writableChat(p.chat_id);
    const stored: StoredMessage = { message_id: chat.nextMessageId++, sender: "bot", date: nowSeconds(), kind, media };
    if (parsed && parsed.text.trim() !== "") {
      stored.caption = parsed.text;
      stored.source = captionSource;
      if (parsed.entities.length) stored.entities = parsed.entities;
    }
    if (typeof p.parse_mode === "string") stored.parse_mode = p.parse_mode;
    if (markup) stored.reply_markup = markup;
    if (replyTo !== undefined) stored.reply_to_message_id = replyTo;
    this.applyReplyKeyboard(chat, markup);
    chat.messages.push(stored);
    return this.toMessage(chat, stored);
  }

  /**
   * An album: 2–10 photos or 2–10 documents (Telegram also takes videos and audio, which the fake
   * does not model), each with its own caption. Documents cannot be mixed with photos. All items
   * are checked before any is sent; the answer is the Messages, sharing one media_group_id.
   */
  private sendMediaGroup(p: Json): unknown {
    const chat = this.requireChat(p.chat_id);
    if (p.media === undefined || p.media === "") throw bad('Parameter "media" is required');
    const media = jsonArg(p.media, "media JSON object");
    if (!Array.isArray(media)) throw bad("Expected an Array of InputMedia");
    // Telegram's own words for the count are not modelled: the fake states the documented rule.
    if (media.length < 2 || media.length > 10) throw bad("media must include 2-10 items (fake Bot API)");
    const items = media.map((m, i) => {
      if (!m || typeof m !== "object") throw bad(`Can't parse InputMedia: expected an Object (item ${i})`);
      const item = m as Json;
      const type = item.type;
      if (type !== "photo" && type !== "document")
        throw bad(`Can't parse InputMedia: type "${String(type)}" is not supported by the fake Bot API`);
      let parsed: ParsedText | undefined;
      if (typeof item.caption === "string" && item.caption !== "") {
        parsed = parseFormatted(item.caption, item.parse_mode, item.caption_entities, this.strictHtml);
        if (codePoints(parsed.text) > MAX_CAPTION_LENGTH) throw bad("message caption is too long");
      }
      return { type: type as "photo" | "document", item, parsed };
    });
    const kinds = new Set(items.map((x) => x.type));
    if (kinds.size > 1) throw bad("Can't use the media of the specified type in the album");
    const resolved = items.map((x) => ({ ...x, payload: this.resolveInputFile(x.item.media, x.type) }));
    const replyTo = this.replyTo(chat, p);
    this.writableChat(p.chat_id);
    const groupId = String(13_000_000_000_000_000n + BigInt(++this.mediaGroupCounter));
    return resolved.map(({ type, item, parsed, payload }) => {
      const stored: StoredMessage = {
        message_id: chat.nextMessageId++,
        sender: "bot",
        date: nowSeconds(),
        kind: type,
        media: payload,
        media_group_id: groupId,
      };
      if (parsed && parsed.text.trim() !== "") {
        stored.caption = parsed.text;
        stored.source = String(item.caption);
        if (parsed.entities.length) stored.entities = parsed.entities;
      }
      if (typeof item.parse_mode === "string") stored.parse_mode = item.parse_mode;
      if (replyTo !== undefined) stored.reply_to_message_id = replyTo;
      chat.messages.push(stored);
      return this.toMessage(chat, stored);
    });
  }

  /** Turns an upload / file_id / URL into the document or photo payload of a Message. */
  private resolveInputFile(input: unknown, kind: "document" | "photo" | "video"): Json {
    let record: FileRecord | undefined;
    if (input && typeof input === "object" && "content" in input) {
      const upload = input as UploadedFile;
      if (upload.size === 0) throw bad("file must be non-empty");
      const ext = upload.filename.includes(".")
        ? upload.filename.slice(upload.filename.lastIndexOf(".") + 1).toLowerCase()
        : "";
      const mime =
        MIME_BY_EXT[ext] ??
        (upload.contentType !== "application/octet-stream" ? upload.contentType : "application/octet-stream");
      record = this.addFile(
        kind === "photo" ? "photos" : kind === "video" ? "videos" : "documents",
        upload.filename,
        upload.size,
        mime,
        upload.content,
      );
    } else if (typeof input === "string" && /^https?:\/\//i.test(input)) {
      const name = decodeURIComponent(new URL(input).pathname.split("/").pop() || "file");
      const ext = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
      record = this.addFile(
        kind === "photo" ? "photos" : kind === "video" ? "videos" : "documents",
        name,
        1024,
        MIME_BY_EXT[ext] ?? "application/octet-stream",
      );
    } else if (typeof input === "string") {
      record = this.files.get(input);
      if (!record) throw bad("wrong file identifier/HTTP URL specified");
    } else {
      throw bad(`there is no ${kind} in the request`);
    }
    if (kind === "video") {
      const video: Json = {
        file_id: record.file_id,
        file_unique_id: record.file_unique_id,
        file_size: record.file_size,
        width: 1280,
        height: 720,
        duration: 10,
      };
      if (record.mime_type !== undefined) video.mime_type = record.mime_type;
      return { video };
    }
    if (kind === "document") {
      const document: Json = {
        file_id: record.file_id,
        file_unique_id: record.file_unique_id,
        file_size: record.file_size,
      };
      if (record.file_name !== undefined) document.file_name = record.file_name;
      if (record.mime_type !== undefined) document.mime_type = record.mime_type;
      return { document };
    }
    return { photo: this.photoSizes(record) };
  }

  /** @internal */
  photoSizes(record: FileRecord, width = 1280, height = 960): Json[] {
    const sizes: Json[] = [];
    for (const scale of [90, 320, 800]) {
      const w = Math.min(width, scale);
      const h = Math.round((height * w) / width);
      const small = this.addFile(
        "photos",
        undefined,
        Math.max(1, Math.round((record.file_size * w) / width)),
        "image/jpeg",
      );
      sizes.push({
        file_id: small.file_id,
        file_unique_id: small.file_unique_id,
        file_size: small.file_size,
        width: w,
        height: h,
      });
    }
    sizes.push({
      file_id: record.file_id,
      file_unique_id: record.file_unique_id,
      file_size: record.file_size,
      width,
      height,
    });
    return sizes;
  }

  private applyReplyKeyboard(chat: ChatState, markup: AnyReplyMarkup | undefined): void {
    if (!markup) return;
    if ("keyboard" in markup) chat.replyKeyboard = clone(markup);
    else if ("remove_keyboard" in markup) chat.replyKeyboard = undefined;
  }

  /** Finds the bot message an edit refers to. Inline messages (inline_message_id) are not modelled. */
  private editTarget(p: Json): { chat: ChatState; message: StoredMessage } | "inline" {
    if (typeof p.inline_message_id === "string" && p.inline_message_id !== "") return "inline";
    if (p.chat_id === undefined || p.chat_id === "") throw bad("chat_id is empty");
    const messageId = toInt(p.message_id) ?? 0;
    if (messageId <= 0) throw bad("message identifier is not specified");
    const chat = this.requireChat(p.chat_id);
    const message = chat.messages.find((m) => m.message_id === messageId);
    if (!message) throw bad("message to edit not found");
    if (message.sender !== "bot") throw bad("message can't be edited");
    return { chat, message };
  }

  private editMessageText(p: Json): unknown {
    const markup = parseReplyMarkup(p.reply_markup);
    if (markup && !isInlineMarkup(markup)) throw bad("inline keyboard expected");
    const source = typeof p.text === "string" ? p.text : "";
    const parsed = parseFormatted(source, p.parse_mode, jsonArgOrUndefined(p.entities), this.strictHtml);
    if (parsed.text.trim() === "") throw bad("message text is empty");
    if (codePoints(parsed.text) > MAX_TEXT_LENGTH) throw bad("message is too long");
    checkCallbackData(markup);
    const target = this.editTarget(p);
    if (target === "inline") return true;
    const { chat, message } = target;
    if (message.kind !== "text") throw bad("there is no text in the message to edit");
    const sameText = message.text === parsed.text && canonical(message.entities ?? []) === canonical(parsed.entities);
    if (sameText && sameInlineMarkup(message.reply_markup, markup)) {
      throw bad(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    message.text = parsed.text;
    message.source = source;
    if (parsed.entities.length) message.entities = parsed.entities;
    else delete message.entities;
    if (typeof p.parse_mode === "string") message.parse_mode = p.parse_mode;
    else delete message.parse_mode;
    // Like Telegram: an edit without reply_markup removes the inline keyboard.
    if (markup) message.reply_markup = markup;
    else delete message.reply_markup;
    message.edit_date = nowSeconds();
    return this.toMessage(chat, message);
  }

  private editMessageCaption(p: Json): unknown {
    const markup = parseReplyMarkup(p.reply_markup);
    if (markup && !isInlineMarkup(markup)) throw bad("inline keyboard expected");
    const source = typeof p.caption === "string" ? p.caption : "";
    const parsed = parseFormatted(source, p.parse_mode, jsonArgOrUndefined(p.caption_entities), this.strictHtml);
    if (codePoints(parsed.text) > MAX_CAPTION_LENGTH) throw bad("message caption is too long");
    checkCallbackData(markup);
    const target = this.editTarget(p);
    if (target === "inline") return true;
    const { chat, message } = target;
    if (message.kind === "text") throw bad("there is no caption in the message to edit");
    const newCaption = parsed.text.trim() === "" ? undefined : parsed.text;
    if (
      message.caption === newCaption &&
      canonical(message.entities ?? []) === canonical(parsed.entities) &&
      sameInlineMarkup(message.reply_markup, markup)
    ) {
      throw bad(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    if (newCaption === undefined) {
      delete message.caption;
      delete message.source;
    } else {
      message.caption = newCaption;
      message.source = source;
    }
    if (parsed.entities.length) message.entities = parsed.entities;
    else delete message.entities;
    if (markup) message.reply_markup = markup;
    else delete message.reply_markup;
    message.edit_date = nowSeconds();
    return this.toMessage(chat, message);
  }

  private editMessageReplyMarkup(p: Json): unknown {
    const markup = parseReplyMarkup(p.reply_markup);
    if (markup && !isInlineMarkup(markup)) throw bad("inline keyboard expected");
    checkCallbackData(markup);
    const target = this.editTarget(p);
    if (target === "inline") return true;
    const { chat, message } = target;
    if (sameInlineMarkup(message.reply_markup, markup)) {
      throw bad(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    if (markup) message.reply_markup = markup;
    else delete message.reply_markup;
    message.edit_date = nowSeconds();
    return this.toMessage(chat, message);
  }

  // --- Telegram objects -------------------------------------------------------------------------

  /** @internal */
  chatObject(chat: ChatState): Json {
    const o: Json = { id: chat.id, type: "private", first_name: chat.user.first_name };
    if (chat.user.last_name !== undefined) o.last_name = chat.user.last_name;
    if (chat.user.username !== undefined) o.username = chat.user.username;
    return o;
  }

  /** @internal */
  toMessage(chat: ChatState, m: StoredMessage, depth = 0): Message {
    const from: User =
      m.sender === "bot"
        ? { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username }
        : clone(chat.user);
    const o: Json = { message_id: m.message_id, from, chat: this.chatObject(chat), date: m.date };
    if (m.edit_date !== undefined) o.edit_date = m.edit_date;
    if (m.reply_to_message_id !== undefined && depth === 0) {
      const replied = chat.messages.find((x) => x.message_id === m.reply_to_message_id);
      if (replied) o.reply_to_message = this.toMessage(chat, replied, depth + 1);
    }
    if (m.text !== undefined) {
      o.text = m.text;
      if (m.entities) o.entities = clone(m.entities);
    }
    if (m.media) Object.assign(o, clone(m.media));
    if (m.media_group_id !== undefined) o.media_group_id = m.media_group_id;
    if (m.caption !== undefined) {
      o.caption = m.caption;
      if (m.entities) o.caption_entities = clone(m.entities);
    }
    // Only inline keyboards are part of a Message; reply keyboards are not echoed back.
    if (isInlineMarkup(m.reply_markup)) o.reply_markup = clone(m.reply_markup);
    return o as unknown as Message;
  }

  private view(chat: ChatState, m: StoredMessage): ChatMessage {
    const v: ChatMessage = {
      message_id: m.message_id,
      from: m.sender,
      date: m.date,
      buttons: clone(flattenButtons(m.reply_markup)),
      raw: this.toMessage(chat, m),
    };
    if (m.edit_date !== undefined) v.edit_date = m.edit_date;
    if (m.text !== undefined) v.text = m.text;
    if (m.caption !== undefined) v.caption = m.caption;
    if (m.entities) v.entities = clone(m.entities);
    if (m.parse_mode !== undefined) v.parse_mode = m.parse_mode;
    if (m.source !== undefined) v.source = m.source;
    if (m.reply_markup) v.reply_markup = clone(m.reply_markup);
    if (m.reply_to_message_id !== undefined) v.reply_to_message_id = m.reply_to_message_id;
    return v;
  }
}

// ---------------------------------------------------------------------------------------------

/** Starts a fake Bot API on 127.0.0.1 and a random port. Call `stop()` when done. */
export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const api = new FakeBotApiServer(options);
  await api.listen();
  return api;
}
