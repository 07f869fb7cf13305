// /huongdan: a short guide to the OCOP rules, one topic per message with topic buttons, and the
// bot's commands. The facts that come from data (tiers, rubric versions, the next provincial
// round) are the services' (guideFacts); every word is in locales/.
import { CommandGroup } from "@grammyjs/commands";
import { formatDate } from "../../dates.js";
import { DEFAULT_LOCALE } from "../../i18n.js";
import { GUIDE_TOPICS, type GuideTopic, guideFacts } from "../../services/guide.js";
import { cb, onButton } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { HTML } from "../html.js";
import { type I18n, th } from "../i18n.js";
import { type Button, grid } from "../keyboards.js";

export const helpFeature = new Composer<BotContext>();

/** The command menus, per language: [command, description key]. */
export const PRODUCER_COMMANDS: [string, string][] = [
  ["start", "cmd-start"],
  ["danhgia", "cmd-danhgia"],
  ["tieptuc", "cmd-tieptuc"],
  ["sanpham", "cmd-sanpham"],
  ["xemlai", "cmd-xemlai"],
  ["ketqua", "cmd-ketqua"],
  ["hoanthien", "cmd-hoanthien"],
  ["hoso_giay", "cmd-hoso_giay"],
  ["nop", "cmd-nop"],
  ["trangthai", "cmd-trangthai"],
  ["thanhvien", "cmd-thanhvien"],
  ["minhchung", "cmd-minhchung"],
  ["thongtin", "cmd-thongtin"],
  ["ngonngu", "cmd-ngonngu"],
  ["nhacnho", "cmd-nhacnho"],
  ["lienket", "web-account-cmd-lienket"],
  ["xoadulieu", "cmd-xoadulieu"],
  ["huongdan", "cmd-huongdan"],
];

/** The command menu Telegram clients show: Vietnamese by default, English for English clients. */
export function commandMenu(i18n: I18n): CommandGroup<BotContext> {
  const menu = new CommandGroup<BotContext>();
  const english = "en";
  for (const [name, key] of PRODUCER_COMMANDS)
    menu.command(name, i18n.t(DEFAULT_LOCALE, key)).localize(english, name, i18n.t(english, key));
  return menu;
}

function topicKeyboard(ctx: BotContext, shown?: GuideTopic) {
  const buttons = GUIDE_TOPICS.map(
    (topic): Button =>
      topic === shown
        ? [`▸ ${ctx.t(`guide-btn-${topic}`)}`, cb.guideShown()]
        : [ctx.t(`guide-btn-${topic}`), cb.guideTopic(topic)],
  );
  return grid(buttons, 2);
}

/** The text of one topic. */
function topicText(ctx: BotContext, topic: GuideTopic): string {
  const facts = guideFacts(ctx.deps.catalog);
  const from = formatDate(facts.latest.effectiveFrom);
  switch (topic) {
    case "tiers":
      return [
        ctx.t("guide-tiers-head"),
        ...facts.tiers.map((t) =>
          th(ctx, t.recognised ? "guide-tier" : "guide-tier-not-recognised", {
            stars: t.stars,
            min: t.min,
            max: t.max,
            top: t.max >= 100 ? 1 : 0,
            meaning: t.meaning,
            by: t.recognisedBy ?? "",
          }),
        ),
        ctx.t("guide-tiers-foot"),
      ].join("\n");
    case "deadlines":
      return ctx.t("guide-deadlines", {
        proposeBy: formatDate(facts.nextRound.proposeBy),
        ratedBy: formatDate(facts.nextRound.ratedBy),
      });
    case "history":
      return [
        ctx.t("guide-history-head"),
        ctx.t("guide-history-early"),
        ...facts.versions.map((v) =>
          th(ctx, v.effectiveTo ? "guide-history-version-ended" : "guide-history-version", {
            title: v.title,
            from: formatDate(v.effectiveFrom),
            to: v.effectiveTo ? formatDate(v.effectiveTo) : "",
            weights: v.parts.map((p) => `${p.id} ${p.maxPoints}`).join(" / "),
            sheets: v.sheets.length,
          }),
        ),
        ctx.t("guide-history-foot"),
      ].join("\n");
    case "versions": {
      const earlier = facts.versions
        .filter((v) => !v.isDefault && v.effectiveTo && v.effectiveFrom < facts.latest.effectiveFrom)
        .at(-1);
      return th(ctx, "guide-versions", { from, earlier: earlier?.title ?? "", sets: earlier?.sheets.join("; ") ?? "" });
    }
    case "household":
      return ctx.t("household-unregistered");
    case "commands":
      return [ctx.t("help-intro"), "", ...PRODUCER_COMMANDS.map(([c, key]) => `/${c} – ${ctx.t(key)}`)].join("\n");
    default:
      return ctx.t(`guide-${topic}`, { from });
  }
}

helpFeature.command(["huongdan", "help"], (ctx) =>
  ctx.reply(ctx.t("guide-intro"), { ...HTML, reply_markup: topicKeyboard(ctx) }),
);

onButton(helpFeature, cb.guideShown, (ctx) => ctx.answerCallbackQuery());

onButton(helpFeature, cb.guideTopic, async (ctx, topic) => {
  await ctx.answerCallbackQuery();
  const text = topicText(ctx, topic);
  const options = { ...HTML, reply_markup: topicKeyboard(ctx, topic) };
  // One message that changes topic; a new one when the old cannot be edited (e.g. no message).
  const edited = ctx.callbackQuery.message
    ? await ctx.editMessageText(text, options).then(
        () => true,
        () => false,
      )
    : false;
  if (!edited) await ctx.reply(text, options);
  return undefined;
});
