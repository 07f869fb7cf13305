// Which application a producer may work on, and which one they are working on.

import { type Assessment, isEditable } from "../../../services/assessment.js";
import { clip } from "../../../text.js";
import { cb } from "../../callback-data.js";
import type { BotContext } from "../../context.js";
import { staleButtonText } from "../../hints.js";
import { HTML } from "../../html.js";
import { th } from "../../i18n.js";
import { column } from "../../keyboards.js";

type Loaded = { ok: true; a: Assessment } | { ok: false };

/** Loads an application the user may work on, or tells them kindly why not. */
export async function loadForUser(ctx: BotContext, appId: number | undefined): Promise<Loaded> {
  const opened = ctx.services.assessment.open(ctx.user?.id, appId);
  if (!opened.ok) {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
    else await ctx.reply(staleButtonText(ctx), HTML);
    if (appId !== undefined) ctx.log.warn({ appId }, "refused access to an application");
    return { ok: false };
  }
  return { ok: true, a: opened.assessment };
}

/**
 * The application a typed command (/xemlai, /ketqua, /minhchung, /hoanthien, /hoso_giay) is about:
 * the one this chat works on, else the organisation's open draft, else the latest application of
 * its only product, whatever its state. With several products and none of those it asks which
 * product (a button per product opens its card); without any it says how to start. Undefined when
 * it has answered instead.
 */
export async function applicationForCommand(ctx: BotContext): Promise<Assessment | undefined> {
  const target = ctx.services.assessment.forCommand(ctx.user?.id, ctx.session.applicationId);
  switch (target.kind) {
    case "application":
      return target.assessment;
    case "unregistered":
      await ctx.reply(ctx.t("need-registration"), HTML);
      return undefined;
    case "no-product":
      await ctx.reply(ctx.t("status-none"), HTML);
      return undefined;
    case "choose":
      await ctx.reply(ctx.t("which-product"), {
        ...HTML,
        reply_markup: column(target.products.map(({ product }) => [clip(product.name, 40), cb.product(product.id)])),
      });
      return undefined;
  }
}

/**
 * For an application no longer editable (filed, rated, withdrawn): says so in one sentence that
 * points to /trangthai, and returns true; false (and says nothing) while it can still be changed.
 */
export async function saidFrozen(ctx: BotContext, a: Assessment): Promise<boolean> {
  if (isEditable(a.app)) return false;
  await ctx.reply(th(ctx, "application-frozen", { product: a.product.name, state: a.app.state }), HTML);
  return true;
}
