// /lienket: one account on Telegram and the web. "/lienket <code>" joins this Telegram account to
// the web account that showed the code; "/lienket" alone gives a code to type on the web's sign-in
// page, which signs that browser in as this account. The rules (folding an empty account, refusing
// to merge two with data) are the accounts use cases'.

import { showCode } from "../../services/accounts.js";
import { hasConsent } from "../../services/people.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { HTML } from "../html.js";
import { askConsent } from "./onboarding.js";

export const linkFeature = new Composer<BotContext>();

linkFeature.command("lienket", async (ctx) => {
  const typed = ctx.match.trim();
  if (typed && ctx.from) {
    const linked = ctx.services.accounts.linkTelegram(typed, ctx.from.id);
    if (!linked.ok) return ctx.reply(ctx.t(`web-account-bot-${linked.reason}`), HTML);
    // From now on this chat is the web account's: what it was doing here is forgotten.
    ctx.user = ctx.services.people.user(linked.userId);
    ctx.session = {};
    return ctx.reply(ctx.t("web-account-bot-linked"), HTML);
  }
  if (!hasConsent(ctx.user)) return askConsent(ctx);
  const issued = ctx.services.accounts.issueCode(ctx.user.id, "link");
  if (!issued.ok) return askConsent(ctx);
  const url = ctx.deps.publicUrl ?? "http://localhost:8080";
  return ctx.reply(ctx.t("web-account-bot-code", { code: showCode(issued.code), url }), {
    ...HTML,
    link_preview_options: { is_disabled: true },
  });
});
