// During consent and registration, what the bot cannot use (a sticker, an old button) gets the
// current step's question again, with its buttons, not a hint to commands that do not work yet.
import { describe, expect, it } from "vitest";
import { useHarness } from "../helpers/bot.js";

const h = useHarness();

const NOT_YET = /\/tieptuc|\/sanpham|Gõ \/start/;

describe("hints during consent and registration", () => {
  it("a sticker at the consent step shows the privacy notice and its buttons again", async () => {
    const u = h.api.user({ id: 4301, first_name: "Ba" });
    await h.deliver(u.command("/start"));
    await h.deliver(u.sendSticker());
    const texts = u
      .chat()
      .messages.slice(-2)
      .map((m) => m.text ?? "")
      .join("\n");
    expect(texts).not.toMatch(NOT_YET);
    expect(
      u
        .chat()
        .last()!
        .buttons.map((b) => b.text),
    ).toEqual(["✅ Đồng ý", "Không đồng ý"]);
  });

  it("an old button during registration asks the current question again", async () => {
    const u = h.api.user({ id: 4302, first_name: "Ba" });
    await h.deliver(u.command("/start"));
    await h.deliver(u.press("✅ Đồng ý"));
    await h.deliver(u.send("Nguyễn Văn Ba"));
    const question = u.chat().last()!.text!;
    const calls = h.api.calls.length;
    await h.deliver(u.pressData("hd:nothing"));
    const alerts = h.api
      .callsOf("answerCallbackQuery")
      .filter((c) => c.seq >= calls)
      .map((c) => String(c.params.text ?? ""));
    expect(alerts.join("\n")).not.toMatch(NOT_YET);
    expect(u.chat().last()!.text).toBe(question);
  });

  it("a sticker during registration asks the current question again", async () => {
    const u = h.api.user({ id: 4303, first_name: "Ba" });
    await h.deliver(u.command("/start"));
    await h.deliver(u.press("✅ Đồng ý"));
    const question = u.chat().last()!.text!;
    await h.deliver(u.sendSticker());
    expect(
      u
        .chat()
        .messages.slice(-2)
        .map((m) => m.text ?? "")
        .join("\n"),
    ).not.toMatch(NOT_YET);
    expect(u.chat().last()!.text).toBe(question);
  });
});
