// Which application a producer may work on, and which one they are working on.
import { canWorkOn, latestOpenApplication, loadAssessment, type Assessment } from "../../../services/assessment.js";
import { organisationOf } from "../../../services/people.js";
import type { BotContext } from "../../context.js";
import { HTML } from "../../html.js";

type Loaded = { ok: true; a: Assessment } | { ok: false };

/** Loads an application the user may work on, or tells them kindly why not. */
export async function loadForUser(ctx: BotContext, appId: number | undefined): Promise<Loaded> {
  const a = appId === undefined ? undefined : loadAssessment(ctx.deps.db, ctx.deps.catalog, appId);
  if (!a || !ctx.user || !canWorkOn(ctx.deps.db, ctx.user, a.app)) {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true });
    else await ctx.reply(ctx.t("stale-button"), HTML);
    if (appId !== undefined) ctx.log.warn({ appId }, "refused access to an application");
    return { ok: false };
  }
  return { ok: true, a };
}

/** The application the user is working on in this chat, or their most recent open one. */
export function currentApplicationId(ctx: BotContext): number | undefined {
  if (ctx.session.applicationId) return ctx.session.applicationId;
  const org = ctx.user && organisationOf(ctx.deps.db, ctx.user);
  return org ? latestOpenApplication(ctx.deps.db, org.id)?.id : undefined;
}
