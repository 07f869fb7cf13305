// Proves the fake Bot API behaves like Telegram when driven by grammY itself.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { autoRetry } from "@grammyjs/auto-retry";
import { run } from "@grammyjs/runner";
import { Bot, GrammyError, HttpError, InlineKeyboard, InputFile, InputMediaBuilder, Keyboard } from "grammy";
import type { Message } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeBotApi, startFakeBotApi } from "./fake-bot-api.js";

let api: FakeBotApi;

beforeEach(async () => {
  api = await startFakeBotApi({ botUsername: "ocop_test_bot" });
});

afterEach(async () => {
  await api.stop();
});

function makeBot(): Bot {
  return new Bot(api.token, { botInfo: api.botInfo, client: { apiRoot: api.url } });
}

async function grammyError(promise: Promise<unknown>): Promise<GrammyError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GrammyError) return error;
    throw error;
  }
  throw new Error("expected the call to fail with a GrammyError");
}

const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

describe("HTTP surface", () => {
  it("answers getMe over GET and POST with the bot info, in Telegram's envelope", async () => {
    const get = await fetch(`${api.url}/bot${api.token}/getMe`);
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ ok: true, result: api.botInfo });
    expect(api.botInfo).toMatchObject({ is_bot: true, username: "ocop_test_bot" });
    const me = await makeBot().api.getMe();
    expect(me).toEqual(api.botInfo);
  });

  it("refuses a wrong token with 401 and an unknown method with 404", async () => {
    const wrong = await fetch(`${api.url}/bot123:nope/getMe`);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });

    const unknown = await fetch(`${api.url}/bot${api.token}/sendTelepathy`, { method: "POST" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });
    expect(api.callsOf("sendTelepathy")[0]?.note).toMatch(/not implemented/);
  });

  it("accepts application/x-www-form-urlencoded bodies with JSON-encoded fields", async () => {
    const u = api.user({ id: 501, first_name: "Lan" });
    u.command("/start");
    const body = new URLSearchParams({
      chat_id: "501",
      text: "Chọn:",
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] }),
    });
    const res = await fetch(`${api.url}/bot${api.token}/sendMessage`, { method: "POST", body });
    const json = (await res.json()) as { ok: boolean; result: { message_id: number; reply_markup: unknown } };
    expect(json.ok).toBe(true);
    expect(json.result.message_id).toBe(2);
    const call = api.callsOf("sendMessage")[0]!;
    expect(call.params.chat_id).toBe(501);
    expect(call.params.reply_markup).toEqual({ inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] });
    expect(
      api
        .chat(501)
        .last()
        ?.buttons.map((b) => b.text),
    ).toEqual(["OK"]);
  });

  it("records harmless methods and answers true", async () => {
    const bot = makeBot();
    expect(await bot.api.setMyDescription("Trợ lý OCOP")).toBe(true);
    expect(api.callsOf("setMyDescription")[0]?.params).toEqual({ description: "Trợ lý OCOP" });
  });
});

describe("messages, edits and keyboards", () => {
  it("round-trips sendMessage/editMessageText and refuses an edit that changes nothing", async () => {
    const bot = makeBot();
    const keyboard = new InlineKeyboard().text("Tiếp tục", "next");
    bot.command("start", (ctx) => ctx.reply("<b>Xin chào</b>, Lan!", { parse_mode: "HTML", reply_markup: keyboard }));
    bot.callbackQuery("next", async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText("Câu 1/10", { reply_markup: keyboard });
    });
    const u = api.user({ id: 42, first_name: "Lan", language_code: "vi" });

    await bot.handleUpdate(u.command("/start"));
    const sent = api.chat(42).last()!;
    expect(sent).toMatchObject({ message_id: 2, from: "bot", text: "Xin chào, Lan!", source: "<b>Xin chào</b>, Lan!" });
    expect(sent.entities).toEqual([{ type: "bold", offset: 0, length: 8 }]);
    expect(sent.buttons).toEqual([{ text: "Tiếp tục", callback_data: "next" }]);
    expect(sent.raw.from?.is_bot).toBe(true);

    await bot.handleUpdate(u.press("Tiếp tục"));
    const edited = api.chat(42).last()!;
    expect(edited.message_id).toBe(2);
    expect(edited.text).toBe("Câu 1/10");
    expect(edited.edit_date).toBeTypeOf("number");
    expect(edited.buttons.map((b) => b.text)).toEqual(["Tiếp tục"]);
    expect(api.errors()).toEqual([]);

    // Same text and same keyboard again: Telegram says "message is not modified".
    const error = await grammyError(bot.api.editMessageText(42, 2, "Câu 1/10", { reply_markup: keyboard }));
    expect(error.error_code).toBe(400);
    expect(error.description).toBe(NOT_MODIFIED);
    // Same keyboard via editMessageReplyMarkup too.
    const markupError = await grammyError(bot.api.editMessageReplyMarkup(42, 2, { reply_markup: keyboard }));
    expect(markupError.description).toBe(NOT_MODIFIED);
  });

  it("editMessageText without reply_markup removes the inline keyboard (and that counts as a change)", async () => {
    const bot = makeBot();
    const u = api.user({ id: 43, first_name: "Minh" });
    u.send("hi");
    const m = await bot.api.sendMessage(43, "Chọn hạng", { reply_markup: new InlineKeyboard().text("3 sao", "s:3") });
    expect(m.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe("3 sao");

    const edited = await bot.api.editMessageText(43, m.message_id, "Chọn hạng");
    expect(edited).toMatchObject({ text: "Chọn hạng" });
    expect((edited as { reply_markup?: unknown }).reply_markup).toBeUndefined();
    expect(api.chat(43).last()?.buttons).toEqual([]);
    expect(api.chat(43).last()?.reply_markup).toBeUndefined();
    expect(() => u.press("3 sao")).toThrow(/no bot message with an inline keyboard/);
  });

  it("refuses to edit a message that does not exist, belongs to another chat, or is the user's", async () => {
    const bot = makeBot();
    const a = api.user({ id: 44, first_name: "A" });
    const b = api.user({ id: 45, first_name: "B" });
    a.send("hi");
    b.send("hi");
    const m = await bot.api.sendMessage(44, "cho A");
    expect((await grammyError(bot.api.editMessageText(44, 999, "x"))).description).toBe(
      "Bad Request: message to edit not found",
    );
    expect((await grammyError(bot.api.editMessageText(45, m.message_id + 5, "x"))).description).toBe(
      "Bad Request: message to edit not found",
    );
    expect((await grammyError(bot.api.editMessageText(44, 1, "x"))).description).toBe(
      "Bad Request: message can't be edited",
    );
    await bot.api.deleteMessage(44, m.message_id);
    expect(api.chat(44).messages).toEqual([]);
    expect((await grammyError(bot.api.editMessageText(44, m.message_id, "x"))).description).toBe(
      "Bad Request: message to edit not found",
    );
    expect((await grammyError(bot.api.deleteMessage(44, m.message_id))).description).toBe(
      "Bad Request: message to delete not found",
    );
  });

  it("refuses 403 to a user who never started the bot or blocked it, and 400 for an unknown chat", async () => {
    const bot = makeBot();
    const stranger = api.user({ id: 46, first_name: "Chưa bấm Start" });
    const never = await grammyError(bot.api.sendMessage(46, "Xin chào"));
    expect(never.error_code).toBe(403);
    expect(never.description).toBe("Forbidden: bot can't initiate conversation with a user");

    stranger.command("/start");
    await bot.api.sendMessage(46, "Xin chào");

    const blockUpdate = stranger.block();
    expect(blockUpdate.my_chat_member?.new_chat_member.status).toBe("kicked");
    const blocked = await grammyError(bot.api.sendMessage(46, "Còn đó không?"));
    expect(blocked.error_code).toBe(403);
    expect(blocked.description).toBe("Forbidden: bot was blocked by the user");
    expect((await grammyError(bot.api.sendChatAction(46, "typing"))).error_code).toBe(403);
    expect(() => stranger.send("hi")).toThrow(/blocked/);

    stranger.unblock();
    await bot.api.sendMessage(46, "Chào mừng trở lại");

    const unknown = await grammyError(bot.api.sendMessage(987654, "?"));
    expect(unknown.description).toBe("Bad Request: chat not found");
    expect(api.errors().map((c) => c.status)).toEqual([403, 403, 403, 400]);
  });

  it("refuses callback_data over 64 bytes of UTF-8", async () => {
    const bot = makeBot();
    api.user({ id: 47, first_name: "Hoa" }).send("hi");
    // 33 "đ" = 66 bytes but only 33 characters.
    const vietnamese = "đ".repeat(33);
    expect(vietnamese.length).toBeLessThan(64);
    const error = await grammyError(
      bot.api.sendMessage(47, "x", { reply_markup: new InlineKeyboard().text("A", vietnamese) }),
    );
    expect(error.description).toBe("Bad Request: BUTTON_DATA_INVALID");
    const edit = await bot.api.sendMessage(47, "y");
    expect(
      (
        await grammyError(
          bot.api.editMessageReplyMarkup(47, edit.message_id, {
            reply_markup: new InlineKeyboard().text("A", "x".repeat(65)),
          }),
        )
      ).description,
    ).toBe("Bad Request: BUTTON_DATA_INVALID");
    // Exactly 64 bytes is fine.
    await bot.api.sendMessage(47, "z", { reply_markup: new InlineKeyboard().text("A", "x".repeat(64)) });
    // A button with no action is a "text button", not allowed inline.
    const textButton = await grammyError(
      bot.api.sendMessage(47, "z", { reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "" }]] } }),
    );
    expect(textButton.description).toBe(
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    );
  });

  it("checks HTML like Telegram: unsupported or unbalanced tags, bare < and &", async () => {
    const bot = makeBot();
    api.user({ id: 48, first_name: "Nam" }).send("hi");
    const html = (text: string) =>
      grammyError(bot.api.sendMessage(48, text, { parse_mode: "HTML" })).then((e) => e.description);

    expect(await html("<p>Đoạn</p>")).toBe(
      'Bad Request: can\'t parse entities: Unsupported start tag "p" at byte offset 0',
    );
    expect(await html("<b>đậm")).toBe(
      "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"",
    );
    expect(await html("<b>x</i>")).toBe(
      'Bad Request: can\'t parse entities: Unmatched end tag at byte offset 4, expected "</b>", found "</i>"',
    );
    expect(await html("a</b>")).toBe("Bad Request: can't parse entities: Unexpected end tag at byte offset 1");
    // Byte offsets count UTF-8 bytes: "Điểm " is 8 bytes (Đ 2, ể 3).
    expect(await html("Điểm < 50")).toBe(
      'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 8',
    );
    expect(await html("1<2")).toBe("Bad Request: can't parse entities: Unclosed start tag at byte offset 1");
    expect(await html("Tom & Jerry")).toMatch(
      /^Bad Request: can't parse entities: Unsupported HTML entity at byte offset 4/,
    );

    const ok = await bot.api.sendMessage(
      48,
      'Điểm &lt; 50 &amp; <i>khá</i> <a href="https://ocop.vn/?a=1&amp;b=2">link</a>',
      { parse_mode: "HTML" },
    );
    expect(ok.text).toBe("Điểm < 50 & khá link");
    expect(ok.entities).toEqual([
      { type: "italic", offset: 12, length: 3 },
      { type: "text_link", offset: 16, length: 4, url: "https://ocop.vn/?a=1&b=2" },
    ]);
    // Without parse_mode the same characters are plain text.
    expect((await bot.api.sendMessage(48, "Tom & Jerry <3")).text).toBe("Tom & Jerry <3");
  });

  it("refuses empty and too long text", async () => {
    const bot = makeBot();
    api.user({ id: 49, first_name: "Ly" }).send("hi");
    expect((await grammyError(bot.api.sendMessage(49, ""))).description).toBe("Bad Request: message text is empty");
    expect((await grammyError(bot.api.sendMessage(49, "<b> </b>", { parse_mode: "HTML" }))).description).toBe(
      "Bad Request: message text is empty",
    );
    expect((await grammyError(bot.api.sendMessage(49, "x".repeat(4097)))).description).toBe(
      "Bad Request: message is too long",
    );
    // 4096 characters even when most take 2-3 bytes is fine; tags do not count.
    await bot.api.sendMessage(49, `<b>${"ệ".repeat(4096)}</b>`, { parse_mode: "HTML" });
  });

  it("accepts and stores reply keyboards and their removal; tap() sends the button", async () => {
    const bot = makeBot();
    const u = api.user({ id: 50, first_name: "Tú" });
    u.send("hi");
    await bot.api.sendMessage(50, "Chia sẻ số điện thoại", {
      reply_markup: new Keyboard().requestContact("Gửi số điện thoại").row().text("Bỏ qua").resized().oneTime(),
    });
    expect(api.chat(50).replyKeyboard?.keyboard.flat().length).toBe(2);
    expect(api.chat(50).last()?.reply_markup).toMatchObject({ one_time_keyboard: true });
    const contact = u.tap("Gửi số điện thoại");
    expect(contact.message?.contact).toMatchObject({ user_id: 50, first_name: "Tú" });
    expect(api.chat(50).replyKeyboard).toBeUndefined(); // one-time keyboard closed

    await bot.api.sendMessage(50, "Menu", { reply_markup: new Keyboard().text("Trạng thái") });
    await bot.api.sendMessage(50, "Đã ẩn", { reply_markup: { remove_keyboard: true } });
    expect(api.chat(50).replyKeyboard).toBeUndefined();
    expect(api.chat(50).last()?.reply_markup).toEqual({ remove_keyboard: true });
    expect(() => u.tap("Trạng thái")).toThrow(/no reply-keyboard button/);
  });
});

describe("callback queries", () => {
  it("refuses answering a callback query twice or an unknown one", async () => {
    const bot = makeBot();
    const u = api.user({ id: 60, first_name: "Quân" });
    u.send("hi");
    await bot.api.sendMessage(60, "Chọn", { reply_markup: new InlineKeyboard().text("Có", "yes").text("Không", "no") });
    const update = u.press(/^Có$/);
    const id = update.callback_query!.id;
    expect(update.callback_query).toMatchObject({ data: "yes", from: { id: 60 }, message: { message_id: 2 } });
    expect(api.unansweredCallbackQueries()).toHaveLength(1);

    expect(await bot.api.answerCallbackQuery(id, { text: "Đã lưu" })).toBe(true);
    expect(api.unansweredCallbackQueries()).toEqual([]);
    const again = await grammyError(bot.api.answerCallbackQuery(id));
    expect(again.description).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");
    const unknown = await grammyError(bot.api.answerCallbackQuery("123456"));
    expect(unknown.description).toBe(
      "Bad Request: query is too old and response timeout expired or query ID is invalid",
    );
  });

  it("press() lists the buttons when none matches; pressData() forges data", async () => {
    const bot = makeBot();
    const u = api.user({ id: 61, first_name: "Vy" });
    u.send("hi");
    const m = await bot.api.sendMessage(61, "Chọn", {
      reply_markup: new InlineKeyboard().text("Có", "yes").url("Web", "https://ocop.vn"),
    });
    expect(() => u.press("Maybe")).toThrow(/Buttons:\n {2}"Có" → "yes"\n {2}"Web" → https:\/\/ocop.vn/);
    expect(() => u.press("Web")).toThrow(/not a callback button/);
    expect(u.press((b) => b.text.startsWith("C")).callback_query?.data).toBe("yes");
    const forged = u.pressData("admin:approve:1", m.message_id);
    expect(forged.callback_query).toMatchObject({ data: "admin:approve:1", message: { message_id: m.message_id } });
  });
});

describe("users", () => {
  it("shares message ids between user and bot, and builds realistic updates", async () => {
    const bot = makeBot();
    const u = api.user({ id: 70, first_name: "Hà", last_name: "Trần", username: "hatran", language_code: "vi" });
    const start = u.command("/start", "ref_123");
    expect(start.message).toMatchObject({
      message_id: 1,
      text: "/start ref_123",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
      chat: { id: 70, type: "private", first_name: "Hà", last_name: "Trần", username: "hatran" },
      from: { id: 70, is_bot: false, language_code: "vi" },
    });
    const reply = await bot.api.sendMessage(70, "Chào");
    expect(reply.message_id).toBe(2);
    expect(u.send("Cơ sở A").message?.message_id).toBe(3);
    const edit = u.editLastText("Cơ sở B");
    expect(edit.edited_message).toMatchObject({ message_id: 3, text: "Cơ sở B" });
    expect(edit.update_id).toBeGreaterThan(start.update_id);
    expect(u.sendSticker().message?.sticker?.emoji).toBe("👍");
    expect(u.sendVoice({ duration: 7 }).message?.voice?.duration).toBe(7);
    expect(u.sendLocation().message?.location).toBeDefined();
    expect(u.sendPhoto({ caption: "Ảnh" }).message?.photo?.length).toBeGreaterThan(1);
    expect(u.sendContact({ phone_number: "+84911111111", user_id: null }).message?.contact?.user_id).toBeUndefined();
    const doc = u.sendDocument({ file_name: "ho-so.pdf", file_size: 2048 });
    expect(doc.message?.document).toMatchObject({
      file_name: "ho-so.pdf",
      mime_type: "application/pdf",
      file_size: 2048,
    });
    const file = await bot.api.getFile(doc.message!.document!.file_id);
    expect(file.file_path).toMatch(/^documents\/file_\d+\.pdf$/);
    const big = u.sendDocument({ file_name: "video.mp4", file_size: 25 * 1024 * 1024 });
    expect((await grammyError(bot.api.getFile(big.message!.document!.file_id))).description).toBe(
      "Bad Request: file is too big",
    );
    expect(api.chat(70).history.map((m) => m.from)).toEqual([
      "user",
      "bot",
      "user",
      "user",
      "user",
      "user",
      "user",
      "user",
      "user",
      "user",
    ]);
  });

  it("stores commands per scope and language, and the menu button", async () => {
    const bot = makeBot();
    await bot.api.setMyCommands([{ command: "start", description: "Bắt đầu" }]);
    await bot.api.setMyCommands([{ command: "start", description: "Start" }], { language_code: "en" });
    await bot.api.setMyCommands([{ command: "admin", description: "Quản trị" }], {
      scope: { type: "chat", chat_id: 7 },
    });
    expect(await bot.api.getMyCommands()).toEqual([{ command: "start", description: "Bắt đầu" }]);
    expect(await bot.api.getMyCommands({ language_code: "en" })).toEqual([{ command: "start", description: "Start" }]);
    expect(api.commands({ type: "chat", chat_id: 7 })).toEqual([{ command: "admin", description: "Quản trị" }]);
    await bot.api.deleteMyCommands({ language_code: "en" });
    expect(await bot.api.getMyCommands({ language_code: "en" })).toEqual([]);
    expect((await grammyError(bot.api.setMyCommands([{ command: "Bad-Name", description: "x" }]))).description).toBe(
      "Bad Request: BOT_COMMAND_INVALID",
    );
    await bot.api.setChatMenuButton({ menu_button: { type: "commands" } });
    expect(api.menuButton()).toEqual({ type: "commands" });
  });
});

describe("long polling", () => {
  it("delivers each update once as offsets confirm them, and wakes a long poll as soon as an update is queued", async () => {
    const bot = makeBot();
    const u = api.user({ id: 80, first_name: "Phúc" });
    const a = u.send("1");
    const b = u.send("2");
    const c = u.send("3");

    const first = await bot.api.getUpdates({ offset: 0, limit: 2, timeout: 0 });
    expect(first.map((x) => x.update_id)).toEqual([a.update_id, b.update_id]);
    // Not confirmed yet: Telegram sends them again.
    expect((await bot.api.getUpdates({ offset: 0, limit: 2 })).map((x) => x.update_id)).toEqual([
      a.update_id,
      b.update_id,
    ]);
    const second = await bot.api.getUpdates({ offset: b.update_id + 1, timeout: 0 });
    expect(second.map((x) => x.update_id)).toEqual([c.update_id]);
    expect(api.pendingUpdates().map((x) => x.update_id)).toEqual([c.update_id]);

    const started = Date.now();
    const poll = bot.api.getUpdates({ offset: c.update_id + 1, timeout: 10 });
    // The poll is pending on the server until an update arrives.
    await expect.poll(() => api.callsOf("getUpdates").filter((x) => x.response === undefined).length).toBe(1);
    setTimeout(() => u.send("4"), 100);
    const woken = await poll;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(woken.map((x) => x.message?.text)).toEqual(["4"]);
    expect(api.pendingUpdates().map((x) => x.message?.text)).toEqual(["4"]);

    // A negative offset keeps only the last updates.
    u.send("5");
    u.send("6");
    expect((await bot.api.getUpdates({ offset: -1 })).map((x) => x.message?.text)).toEqual(["6"]);
  }, 15_000);

  it("answers an empty long poll after its timeout and honours allowed_updates", async () => {
    const bot = makeBot();
    const u = api.user({ id: 81, first_name: "Khoa" });
    const started = Date.now();
    expect(await bot.api.getUpdates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    u.send("hi");
    await bot.api.sendMessage(81, "Chọn", { reply_markup: new InlineKeyboard().text("A", "a") });
    u.press("A");
    const onlyCallbacks = await bot.api.getUpdates({ allowed_updates: ["callback_query"] });
    expect(onlyCallbacks.map((x) => Object.keys(x)[1])).toEqual(["callback_query"]);
  });

  it("runs grammY bot.start() against the fake: /start gets a reply, every update is handled once, stop is clean", async () => {
    const bot = makeBot();
    const seen: string[] = [];
    bot.command("start", (ctx) => ctx.reply(`Xin chào ${ctx.from?.first_name}!`));
    bot.on("message:text", (ctx) => {
      seen.push(ctx.message.text);
    });
    const u = api.user({ id: 90, first_name: "Bình" });
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const polling = bot.start({ drop_pending_updates: true, onStart: () => started() });
    await isStarted;

    const mark = api.calls.length;
    u.command("/start");
    const reply = await api.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === 90, {
      fromIndex: mark,
      timeoutMs: 5000,
    });
    expect(reply.response).toMatchObject({ ok: true, result: { text: "Xin chào Bình!" } });
    expect(api.chat(90).last()?.text).toBe("Xin chào Bình!");

    for (const t of ["a", "b", "c"]) u.send(t);
    await expect.poll(() => seen.length, { timeout: 5000 }).toBe(3);
    await bot.stop();
    await polling;
    expect(seen).toEqual(["a", "b", "c"]);
    expect(api.pendingUpdates()).toEqual([]); // stop() confirmed the offset
    expect(api.unexpectedErrors()).toEqual([]);
    expect(api.callsOf("deleteWebhook")[0]?.params).toMatchObject({ drop_pending_updates: true });
  }, 15_000);

  it("works with @grammyjs/runner", async () => {
    const bot = makeBot();
    bot.command("start", (ctx) => ctx.reply("Runner OK"));
    const u = api.user({ id: 91, first_name: "Sơn" });
    const handle = run(bot);
    u.command("start");
    await api.waitFor((c) => c.method === "sendMessage", 5000);
    expect(api.chat(91).last()?.text).toBe("Runner OK");
    await handle.stop();
    expect(handle.isRunning()).toBe(false);
    expect(api.unexpectedErrors()).toEqual([]);
  }, 15_000);

  it("terminates the pending long poll with 409 when a second instance polls (as Telegram does)", async () => {
    const first = makeBot();
    first.on("message", () => undefined);
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const firstPolling = first.start({ onStart: () => started() });
    await isStarted;
    await expect.poll(() => api.callsOf("getUpdates").length, { timeout: 2000 }).toBeGreaterThan(0);

    const second = makeBot();
    const secondPoll = second.api.getUpdates({ timeout: 1 });
    const error = await grammyError(firstPolling);
    expect(error.error_code).toBe(409);
    expect(error.description).toBe(
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    );
    expect(await secondPoll).toEqual([]);
    expect(api.errors().map((c) => c.status)).toEqual([409]);
  }, 15_000);

  it("refuses getUpdates while a webhook is set", async () => {
    const bot = makeBot();
    await bot.api.setWebhook("https://example.com/hook", { secret_token: "s3cret" });
    expect(api.webhook).toMatchObject({ url: "https://example.com/hook", secret_token: "s3cret" });
    const error = await grammyError(bot.api.getUpdates());
    expect(error.error_code).toBe(409);
    await bot.api.deleteWebhook();
    expect(await bot.api.getUpdates()).toEqual([]);
  });
});

describe("fault injection", () => {
  it("failNext 429 is retried by the auto-retry transformer after retry_after", async () => {
    const bot = makeBot();
    bot.api.config.use(autoRetry());
    api.user({ id: 100, first_name: "Đạt" }).send("hi");
    api.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    const started = Date.now();
    const m = await bot.api.sendMessage(100, "Sau khi chờ");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(m.text).toBe("Sau khi chờ");
    const calls = api.callsOf("sendMessage");
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[0]?.response).toEqual({
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    expect(api.errors()).toHaveLength(1);
    expect(api.unexpectedErrors()).toEqual([]);
    expect(api.chat(100).messages).toHaveLength(1); // the failed attempt left nothing behind
  });

  it("failNext applies to the next N calls, 500s included, and can drop the connection", async () => {
    const bot = makeBot();
    api.user({ id: 101, first_name: "Yến" }).send("hi");
    api.failNext("sendMessage", { error_code: 500, description: "Internal Server Error", times: 2 });
    expect((await grammyError(bot.api.sendMessage(101, "1"))).error_code).toBe(500);
    expect((await grammyError(bot.api.sendMessage(101, "2"))).error_code).toBe(500);
    await bot.api.sendMessage(101, "3");
    api.failNext("sendMessage", { network: true });
    await expect(bot.api.sendMessage(101, "4")).rejects.toBeInstanceOf(HttpError);
    await bot.api.sendMessage(101, "5");
    expect(api.chat(101).messages.map((m) => m.text)).toEqual(["3", "5"]);
  });
});

describe("files", () => {
  it("records a multipart sendDocument with InputFile(Buffer, name), its fields, and serves the file", async () => {
    const bot = makeBot();
    api.user({ id: 110, first_name: "Thảo" }).send("hi");
    const bytes = Buffer.from("PK\u0003\u0004 fake docx content");
    const m = await bot.api.sendDocument(110, new InputFile(bytes, "x.docx"), {
      caption: "<b>Phiếu</b> tự đánh giá",
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text("Nộp", "submit"),
    });
    const call = api.callsOf("sendDocument")[0]!;
    expect(call.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(call.files).toHaveLength(1);
    expect(call.files[0]).toMatchObject({ filename: "x.docx", size: bytes.length, param: "document" });
    expect(call.params.document).toMatchObject({ filename: "x.docx", size: bytes.length });
    expect(call.params.chat_id).toBe(110);
    expect(call.params.caption).toBe("<b>Phiếu</b> tự đánh giá");
    expect(call.params.reply_markup).toEqual({ inline_keyboard: [[{ text: "Nộp", callback_data: "submit" }]] });

    expect(m.document).toMatchObject({
      file_name: "x.docx",
      file_size: bytes.length,
      mime_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(m.caption).toBe("Phiếu tự đánh giá");
    expect(api.chat(110).last()).toMatchObject({
      caption: "Phiếu tự đánh giá",
      buttons: [{ text: "Nộp", callback_data: "submit" }],
    });

    const file = await bot.api.getFile(m.document!.file_id);
    const download = await fetch(`${api.url}/file/bot${api.token}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);

    // Re-sending by file_id works; an unknown file_id does not.
    await bot.api.sendDocument(110, m.document!.file_id);
    expect((await grammyError(bot.api.sendDocument(110, "nope"))).description).toBe(
      "Bad Request: wrong file identifier/HTTP URL specified",
    );
    expect(
      (await grammyError(bot.api.sendDocument(110, new InputFile(Buffer.alloc(0), "empty.txt")))).description,
    ).toBe("Bad Request: file must be non-empty");
  });

  it("handles a non-ASCII file name and sendPhoto uploads", async () => {
    const bot = makeBot();
    api.user({ id: 111, first_name: "Ngọc" }).send("hi");
    const m = await bot.api.sendDocument(111, new InputFile(Buffer.from("a,b\n1,2\n"), "Kết quả; đợt 1.csv"));
    expect(m.document?.file_name).toBe("Kết quả; đợt 1.csv");
    const p = await bot.api.sendPhoto(111, new InputFile(Buffer.from([0xff, 0xd8, 0xff]), "anh.jpg"), {
      caption: "Ảnh",
    });
    expect(p.photo?.length).toBeGreaterThan(1);
    expect(api.callsOf("sendPhoto")[0]?.files[0]?.filename).toBe("anh.jpg");
  });
});

describe("albums (sendMediaGroup)", () => {
  it("sends 2–10 photos or 2–10 documents, each with its caption, as messages sharing one media_group_id", async () => {
    const bot = makeBot();
    const u = api.user({ id: 112, first_name: "Hà" });
    await bot.handleUpdate(u.sendPhoto());
    await bot.handleUpdate(u.sendDocument({ file_name: "a.pdf" }));
    const photo = u
      .chat()
      .history.find((m) => m.raw.photo)!
      .raw.photo!.at(-1)!.file_id;
    const doc = u.chat().history.find((m) => m.raw.document)!.raw.document!.file_id;

    const sent: Message[] = await bot.api.sendMediaGroup(112, [
      InputMediaBuilder.photo(photo, { caption: "<b>A1.5</b> Liên kết", parse_mode: "HTML" }),
      InputMediaBuilder.photo(photo),
    ]);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.media_group_id).toBeDefined();
    expect(sent[1]!.media_group_id).toBe(sent[0]!.media_group_id);
    expect(sent[0]!.caption).toBe("A1.5 Liên kết");
    expect(
      api
        .chat(112)
        .messages.filter((m) => m.raw.media_group_id === sent[0]!.media_group_id)
        .map((m) => m.caption),
    ).toEqual(["A1.5 Liên kết", undefined]);
    const docs: Message[] = await bot.api.sendMediaGroup(112, [
      InputMediaBuilder.document(doc),
      InputMediaBuilder.document(doc, { caption: "B" }),
    ]);
    expect(docs.every((m) => m.document?.file_id === doc)).toBe(true);
    expect(docs[0]!.media_group_id).not.toBe(sent[0]!.media_group_id);

    // Telegram's rules: 2–10 items, documents not mixed with photos, valid files and captions.
    const count = api.calls.length;
    const refused = async (media: Parameters<typeof bot.api.sendMediaGroup>[1]) =>
      (await grammyError(bot.api.sendMediaGroup(112, media))).description;
    expect(await refused([InputMediaBuilder.photo(photo)])).toMatch(/2-10 items/);
    expect(await refused(Array.from({ length: 11 }, () => InputMediaBuilder.photo(photo)))).toMatch(/2-10 items/);
    expect(await refused([InputMediaBuilder.photo(photo), InputMediaBuilder.document(doc)] as never)).toBe(
      "Bad Request: Can't use the media of the specified type in the album",
    );
    expect(await refused([InputMediaBuilder.photo(photo), InputMediaBuilder.photo("nope")])).toBe(
      "Bad Request: wrong file identifier/HTTP URL specified",
    );
    expect(
      await refused([
        InputMediaBuilder.photo(photo, { caption: "a & b", parse_mode: "HTML" }),
        InputMediaBuilder.photo(photo),
      ]),
    ).toMatch(/can't parse entities/);
    expect(
      await refused([InputMediaBuilder.photo(photo, { caption: "x".repeat(1025) }), InputMediaBuilder.photo(photo)]),
    ).toBe("Bad Request: message caption is too long");
    expect(api.calls.length - count).toBe(6);
    // Nothing of a refused album was sent.
    expect(api.chat(112).messages.filter((m) => m.raw.media_group_id)).toHaveLength(4);
  });
});

describe("waitFor", () => {
  it("resolves on a matching answered call and explains a timeout", async () => {
    const bot = makeBot();
    api.user({ id: 120, first_name: "An" }).send("hi");
    const waiting = api.waitFor("sendChatAction", 2000);
    await bot.api.sendChatAction(120, "typing");
    expect((await waiting).params.action).toBe("typing");
    expect(api.chat(120).actions).toEqual(["typing"]);
    await expect(api.waitFor("sendMessage", 100)).rejects.toThrow(
      /no matching call within 100 ms[\s\S]*sendChatAction/,
    );
  });
});

describe("a bot in another process", () => {
  // The shape of the start-up test: the real process polls the fake through TELEGRAM_API_ROOT.
  const script = `
    import { Bot } from "grammy";
    const bot = new Bot(process.env.BOT_TOKEN, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
    bot.command("start", (ctx) => ctx.reply("Chào từ tiến trình con"));
    process.once("SIGTERM", () => void bot.stop());
    await bot.start();
  `;
  const spawnBot = (): ChildProcess =>
    spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: process.cwd(),
      env: { ...process.env, BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url },
      stdio: ["ignore", "ignore", "inherit"],
    });

  it("is driven over long polling; a killed poller frees the slot, SIGTERM stops cleanly", async () => {
    const u = api.user({ id: 130, first_name: "Tâm" });

    const crashed = spawnBot();
    await api.waitFor("getMe", 10_000);
    await expect
      .poll(() => api.callsOf("getUpdates").some((c) => c.response === undefined && !c.aborted), { timeout: 10_000 })
      .toBe(true);
    crashed.kill("SIGKILL");
    await once(crashed, "exit");
    await expect.poll(() => api.callsOf("getUpdates").at(-1)?.aborted, { timeout: 5000 }).toBe(true);

    const child = spawnBot();
    const mark = api.calls.length;
    await expect
      .poll(() => api.callsOf("getUpdates").some((c) => c.seq >= mark && c.response === undefined && !c.aborted), {
        timeout: 10_000,
      })
      .toBe(true);
    u.command("/start");
    await api.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === 130, 10_000);
    expect(api.chat(130).last()?.text).toBe("Chào từ tiến trình con");

    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
    expect(api.pendingUpdates()).toEqual([]);
    expect(api.unexpectedErrors()).toEqual([]);
  }, 30_000);
});
