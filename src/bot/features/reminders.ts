// Reminders: /nhacnho turns the user's reminders off or back on; the "stop reminders" button under
// an idle-draft reminder turns them off. The reminders themselves are queued by the scheduler
// (services/reminders.ts) and sent by the outbox dispatcher.
import { Composer } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { hasConsent } from "../../services/people.js";
import { setRemindersOff } from "../../services/reminders.js";
import { cb, onButton } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { HTML } from "../html.js";

export const remindersFeature = new Composer<BotContext>();

remindersFeature.command("nhacnho", async (ctx) => {
  if (!hasConsent(ctx.user)) return ctx.reply(ctx.t("need-registration"), HTML);
  const off = !ctx.user.remindersOff;
  setRemindersOff(ctx.deps.db, ctx.user.id, off);
  ctx.log.info({ remindersOff: off }, "reminders toggled");
  return ctx.reply(ctx.t(off ? "reminders-off" : "reminders-on"), HTML);
});

onButton(remindersFeature, cb.remindersOff, async (ctx) => {
  if (!hasConsent(ctx.user)) return ctx.answerCallbackQuery({ text: ctx.t("need-registration"), show_alert: true });
  setRemindersOff(ctx.deps.db, ctx.user.id, true);
  await ctx.answerCallbackQuery({ text: ctx.t("reminders-off") });
  // Keep the other buttons (continue) and drop the one just used.
  const rows = ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [];
  const isOff = (b: InlineKeyboardButton) => "callback_data" in b && b.callback_data === cb.remindersOff();
  if (!rows.some((row) => row.some(isOff))) return undefined;
  const kept = rows.map((row) => row.filter((b) => !isOff(b))).filter((row) => row.length > 0);
  return ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: kept } });
});
