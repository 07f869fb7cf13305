// A Telegram user carries on in the phone's browser: the bot and the web chat share one database,
// as in production. Halfway through the assessment on Telegram, /lienket gives a code; the phone
// signs in with it on /sign-in, opens "continue" and is at the same question the bot was at.
import { describe, expect, it } from "vitest";
import { lastText, useHarness } from "../helpers/bot.js";
import { addHoney, registerProducer } from "../helpers/journeys.js";
import { fitsTheScreen, follow, pathOf, press, screenText, settle, useBrowserHarness } from "./harness.js";

// The bot first: its database is the web's (the hooks run in this order).
const bot = useHarness();
const h = useBrowserHarness({ database: () => bot.db });

describe("from Telegram to the phone's browser", () => {
  it("a Telegram user halfway through signs in with the /lienket code and continues at the same question", async () => {
    const u = bot.api.user({ id: 7010, first_name: "Lan" });
    await registerProducer(bot, u);
    await addHoney(bot, u);
    // On Telegram: every requirement, then the first two criteria (their first option).
    for (let i = 0; i < 60 && !/Câu 3\/\d+/.test(lastText(u)); i++) {
      const buttons = u.chat().last()!.buttons;
      const option = buttons.find((b) => b.text === "✅ Đúng") ?? buttons.find((b) => /^\d+ · \d+đ$/.test(b.text));
      expect(option, lastText(u)).toBeDefined();
      await bot.deliver(u.press(option!.text));
    }
    const onTelegram = /Câu 3\/(\d+)/.exec(lastText(u));
    expect(onTelegram, lastText(u)).not.toBeNull();
    const telegramUser = bot.userId(7010);
    const point = h.deps.services.assessment.resumePoint(telegramUser);
    expect(point).toBeTruthy();

    await bot.deliver(u.command("/lienket"));
    const code = /(\d{4} \d{4})/.exec(lastText(u))?.[1];
    expect(code, lastText(u)).toBeTruthy();

    const phone = await h.newPhone();
    await phone.goto("/sign-in");
    expect(await fitsTheScreen(phone)).toBe(true);
    await phone.getByLabel("Mã đăng nhập").fill(code!);
    await press(phone, "Đăng nhập");
    expect(await screenText(phone)).toContain("Chào Nguyễn Thị Lan");
    await follow(phone, "Làm tiếp");
    expect(pathOf(phone)).toBe(`/a/${point!.applicationId}/q/${encodeURIComponent(point!.question)}`);
    const text = await screenText(phone);
    expect(text).toContain(`Câu 3/${onTelegram![1]}`);
    expect(text).toContain("Mật ong hoa tràm");

    // An answer on the web is the bot's next question too: one assessment.
    await settle(phone, () => phone.locator(".options button").last().tap());
    expect(await screenText(phone)).toContain(`Câu 4/${onTelegram![1]}`);
    await bot.deliver(u.command("/tieptuc"));
    expect(lastText(u)).toContain(`Câu 4/${onTelegram![1]}`);
  });
});
