// The bot's Composer (src/bot/composer.ts), whose branches build their sides once: filters still
// mean what grammY's mean (what that saves is measured by `npm run bench`).

import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { Composer } from "../../src/bot/composer.js";
import { offlineBotInfo } from "../../src/bot/index.js";

const text = (update_id: number, t: string): Update =>
  ({
    update_id,
    message: { message_id: update_id, date: 0, chat: { id: 1, type: "private", first_name: "a" }, text: t },
  }) as Update;
const press = (update_id: number, data: string): Update =>
  ({
    update_id,
    callback_query: { id: "q", chat_instance: "c", from: { id: 1, is_bot: false, first_name: "a" }, data },
  }) as Update;

describe("filters", () => {
  it("mean what grammY's mean: matching updates take the branch, what is registered on it later counts, others go on", async () => {
    const seen: string[] = [];
    const feature = new Composer();
    const texts = feature.on("message:text");
    feature.callbackQuery(/^a:/, () => void seen.push("button a"));
    texts.filter(
      (ctx) => ctx.message.text.startsWith("x"),
      () => void seen.push("text x"),
    );
    texts.use(() => void seen.push("other text")); // registered after the filter that holds it
    const bot = new Bot("1:x", { botInfo: offlineBotInfo("b", "b_bot") });
    bot.use(feature);
    bot.use(() => void seen.push("after"));

    for (const update of [text(1, "xin chào"), text(2, "chào"), press(3, "a:1"), press(4, "b:1")])
      await bot.handleUpdate(update);
    expect(seen).toEqual(["text x", "other text", "button a", "after"]);
  });
});
