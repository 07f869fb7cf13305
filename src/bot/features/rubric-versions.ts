// Rubric versions from the product's menu: which version the application is scored under, and,
// only when the producer says the dossier was filed before the latest version took effect, the
// earlier one (where its sheet is shipped; otherwise the bot says so plainly).

import { formatDate } from "../../dates.js";
import { cb, onButton } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { staleButtonText } from "../hints.js";
import { HTML } from "../html.js";
import { th } from "../i18n.js";
import { type Button, column } from "../keyboards.js";
import { startAssessment } from "./assessment.js";

export const rubricVersionsFeature = new Composer<BotContext>();

onButton(rubricVersionsFeature, cb.rubricVersions, async (ctx, app) => {
  const found = ctx.services.rubricVersions.choice(ctx.user?.id, app);
  if (!found.ok) return ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
  await ctx.answerCallbackQuery();
  const { assessment: a, choice } = found;
  const from = formatDate(choice.latest.effectiveFrom);
  const lines = [
    th(ctx, "version-current", {
      product: a.product.name,
      title: choice.current.title,
      source: choice.current.legalSource,
    }),
    "",
    ctx.t("version-explain", { from }),
  ];
  const buttons: Button[] = [];
  if (!choice.editable) {
    lines.push("", th(ctx, "version-not-editable", { state: ctx.t(`state-${a.app.state}`) }));
  } else if (choice.switchTo) {
    lines.push(
      "",
      th(ctx, "version-switch-offer", {
        title: choice.switchTo.version.title,
        kept: choice.kept,
        dropped: choice.dropped,
      }),
    );
    const back = choice.switchTo.version.id === choice.latest.id;
    buttons.push([
      back ? ctx.t("btn-version-latest", { from }) : ctx.t("btn-version-earlier", { from }),
      cb.rubricVersionSwitch(a.app.id, choice.switchTo.version.id),
    ]);
  } else if (choice.earlier) {
    lines.push(
      "",
      th(ctx, "version-not-shipped", {
        title: choice.earlier.title,
        set: a.sheet.productSetTitle,
        sets: choice.earlierSets.join("; "),
        latest: choice.latest.title,
      }),
    );
  }
  return ctx.reply(lines.join("\n"), { ...HTML, ...(buttons.length ? { reply_markup: column(buttons) } : {}) });
});

onButton(rubricVersionsFeature, cb.rubricVersionSwitch, async (ctx, app, versionId) => {
  const outcome = ctx.services.rubricVersions.switchVersion(ctx.user?.id, app, versionId);
  if (!outcome.ok) {
    const text =
      outcome.reason === "already"
        ? ctx.t("version-already")
        : outcome.reason === "not-editable"
          ? ctx.t("not-editable", { state: ctx.t(`state-${outcome.state}`) })
          : staleButtonText(ctx);
    return ctx.answerCallbackQuery({ text, show_alert: true });
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  ctx.session.question = undefined;
  await ctx.reply(
    th(ctx, "version-switched", { title: outcome.sheet.version.title, kept: outcome.kept, dropped: outcome.dropped }),
    HTML,
  );
  return startAssessment(ctx, app);
});
