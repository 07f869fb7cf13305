// A user of the fake Bot API: builds the updates a Telegram client would send.
import type { KeyboardButton, Update, User } from "grammy/types";
import type { FakeBotApiServer } from "../fake-bot-api.js";
import { commandEntities } from "./arguments.js";
import { type ChatState, clone, type Json, MIME_BY_EXT, type StoredMessage } from "./internals.js";
import type { ButtonMatcher, ChatView, FakeUser } from "./types.js";

export class FakeUserImpl implements FakeUser {
  constructor(
    private readonly api: FakeBotApiServer,
    private readonly state: ChatState,
  ) {}

  get id(): number {
    return this.state.id;
  }

  get info(): User {
    return clone(this.state.user);
  }

  send(text: string): Update {
    const entities = commandEntities(text);
    return this.api.addUserMessage(this.state, "text", entities.length ? { text, entities } : { text });
  }

  command(command: string, payload?: string): Update {
    const name = command.startsWith("/") ? command : `/${command}`;
    return this.send(payload === undefined || payload === "" ? name : `${name} ${payload}`);
  }

  sendContact(contact: {
    phone_number: string;
    user_id?: number | null;
    first_name?: string;
    last_name?: string;
  }): Update {
    const c: Json = {
      phone_number: contact.phone_number,
      first_name: contact.first_name ?? this.state.user.first_name,
    };
    const lastName = contact.last_name ?? (contact.first_name === undefined ? this.state.user.last_name : undefined);
    if (lastName !== undefined) c.last_name = lastName;
    const userId = contact.user_id === undefined ? this.state.id : contact.user_id;
    if (userId !== null) c.user_id = userId;
    return this.api.addUserMessage(this.state, "contact", { media: { contact: c } });
  }

  sendSticker(opts: { emoji?: string } = {}): Update {
    const file = this.api.addFile("stickers", undefined, 24_000, "image/webp");
    const sticker = {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      type: "regular",
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: opts.emoji ?? "👍",
      set_name: "TestStickers",
      file_size: file.file_size,
    };
    return this.api.addUserMessage(this.state, "sticker", { media: { sticker } });
  }

  sendVoice(opts: { duration?: number; file_size?: number } = {}): Update {
    const file = this.api.addFile("voice", undefined, opts.file_size ?? 12_000, "audio/ogg");
    const voice = {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      duration: opts.duration ?? 3,
      mime_type: "audio/ogg",
      file_size: file.file_size,
    };
    return this.api.addUserMessage(this.state, "voice", { media: { voice } });
  }

  sendPhoto(opts: { caption?: string; width?: number; height?: number; file_size?: number } = {}): Update {
    const file = this.api.addFile("photos", undefined, opts.file_size ?? 150_000, "image/jpeg");
    const photo = this.api.photoSizes(file, opts.width ?? 1280, opts.height ?? 960);
    const fields: Partial<StoredMessage> = { media: { photo } };
    if (opts.caption !== undefined) fields.caption = opts.caption;
    return this.api.addUserMessage(this.state, "photo", fields);
  }

  sendVideo(
    opts: { caption?: string; duration?: number; file_size?: number; file_name?: string; mime_type?: string } = {},
  ): Update {
    const file = this.api.addFile("videos", opts.file_name, opts.file_size ?? 2_000_000, opts.mime_type ?? "video/mp4");
    const video: Json = {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      width: 1280,
      height: 720,
      duration: opts.duration ?? 12,
      mime_type: opts.mime_type ?? "video/mp4",
      file_size: file.file_size,
    };
    if (opts.file_name !== undefined) video.file_name = opts.file_name;
    const fields: Partial<StoredMessage> = { media: { video } };
    if (opts.caption !== undefined) fields.caption = opts.caption;
    return this.api.addUserMessage(this.state, "video", fields);
  }

  sendDocument(opts: {
    file_name: string;
    file_size?: number;
    mime_type?: string;
    caption?: string;
    content?: Buffer | string;
  }): Update {
    const content = typeof opts.content === "string" ? Buffer.from(opts.content) : opts.content;
    const ext = opts.file_name.includes(".")
      ? opts.file_name.slice(opts.file_name.lastIndexOf(".") + 1).toLowerCase()
      : "";
    const mime = opts.mime_type ?? MIME_BY_EXT[ext] ?? "application/octet-stream";
    const file = this.api.addFile(
      "documents",
      opts.file_name,
      opts.file_size ?? content?.length ?? 10_240,
      mime,
      content,
    );
    if (opts.file_size !== undefined) file.file_size = opts.file_size; // a declared size wins (e.g. "25 MB" without allocating it)
    const document = {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_name: opts.file_name,
      mime_type: mime,
      file_size: file.file_size,
    };
    const fields: Partial<StoredMessage> = { media: { document } };
    if (opts.caption !== undefined) fields.caption = opts.caption;
    return this.api.addUserMessage(this.state, "document", fields);
  }

  sendLocation(opts: { latitude?: number; longitude?: number } = {}): Update {
    const location = { latitude: opts.latitude ?? 21.0278, longitude: opts.longitude ?? 105.8342 };
    return this.api.addUserMessage(this.state, "location", { media: { location } });
  }

  editLastText(newText: string): Update {
    return this.api.editUserText(this.state, newText);
  }

  press(button: ButtonMatcher, messageId?: number): Update {
    return this.api.pressButton(this.state, button, messageId);
  }

  pressData(data: string, messageId?: number): Update {
    return this.api.pressButton(this.state, { data }, messageId);
  }

  pressInline(data: string): Update {
    return this.api.pressInlineButton(this.state, data);
  }

  tap(label: string): Update {
    const keyboard = this.state.replyKeyboard;
    const buttons: KeyboardButton[] = keyboard ? keyboard.keyboard.flat() : [];
    const button = buttons.find((b) => (typeof b === "string" ? b : b.text) === label);
    if (!button) {
      const list =
        buttons.map((b) => `  ${JSON.stringify(typeof b === "string" ? b : b.text)}`).join("\n") ||
        "  (no reply keyboard shown)";
      throw new Error(
        `fake Bot API: no reply-keyboard button ${JSON.stringify(label)} for user ${this.id}. Buttons:\n${list}`,
      );
    }
    if (keyboard?.one_time_keyboard) this.state.replyKeyboard = undefined;
    if (typeof button === "object" && "request_contact" in button && button.request_contact) {
      return this.sendContact({ phone_number: "+84900000000", user_id: this.id });
    }
    if (typeof button === "object" && "request_location" in button && button.request_location) {
      return this.sendLocation();
    }
    return this.send(label);
  }

  block(): Update {
    return this.api.setBlocked(this.state, true);
  }

  unblock(): Update {
    return this.api.setBlocked(this.state, false);
  }

  chat(): ChatView {
    return this.api.chat(this.id);
  }
}
