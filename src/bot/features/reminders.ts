// Reminders: /nhacnho shows whether the user's reminders are on, with a button to change it; the "stop reminders" button under
// an idle-draft reminder turns them off. The reminders themselves are queued by the scheduler
// (services/reminders.ts) and sent by the outbox dispatcher.

import type { InlineKeyboardButton } from "grammy/types";
import { hasConsent } from "../../services/people.js";
import { cb, onButton } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { HTML } from "../html.js";
import { column } from "../keyboards.js";

export const remindersFeature = new Composer<BotContext>();

/** The user's reminders, on or off, with the button that changes it. */
remindersFeature.command("nhacnho", async (ctx) => {
  if (!hasConsent(ctx.user)) return ctx.reply(ctx.t("need-registration"), HTML);
  const on = !ctx.user.remindersOff;
  return ctx.reply(ctx.t(on ? "reminders-state-on" : "reminders-state-off"), {
    ...HTML,
    reply_markup: column([[ctx.t(on ? "btn-reminders-off" : "btn-reminders-on"), cb.remindersSet(on ? "off" : "on")]]),
  });
});

onButton(remindersFeature, cb.remindersSet, async (ctx, choice) => {
  if (!hasConsent(ctx.user)) return ctx.answerCallbackQuery({ text: ctx.t("need-registration"), show_alert: true });
  const off = choice === "off";
  ctx.services.reminders.set(ctx.user.id, off);
  ctx.log.info({ remindersOff: off }, "reminders set");
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  return ctx.reply(ctx.t(off ? "reminders-off" : "reminders-on"), HTML);
});

onButton(remindersFeature, cb.remindersOff, async (ctx) => {
  if (!hasConsent(ctx.user)) return ctx.answerCallbackQuery({ text: ctx.t("need-registration"), show_alert: true });
  ctx.services.reminders.set(ctx.user.id, true);
  await ctx.answerCallbackQuery({ text: ctx.t("reminders-off") });
  // Keep the other buttons (continue) and drop the one just used.
  const rows = ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [];
  const isOff = (b: InlineKeyboardButton) => "callback_data" in b && b.callback_data === cb.remindersOff();
  if (!rows.some((row) => row.some(isOff))) return undefined;
  const kept = rows.map((row) => row.filter((b) => !isOff(b))).filter((row) => row.length > 0);
  return ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: kept } });
});
