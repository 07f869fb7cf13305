// "Hoàn thiện hồ sơ": what the legal forms need beyond the self-assessment, one item per message,
// each skippable and editable later; and the forms themselves (Mẫu 01, 02, 03) as Word documents.

import { InputFile } from "grammy";
import { formatDate, readTypedDay } from "../../dates.js";
import { buildMau01, buildMau02, buildMau03 } from "../../forms/index.js";
import type { FormKind } from "../../forms/types.js";
import type { Assessment } from "../../services/assessment.js";
import {
  DOSSIER_ITEMS,
  type Dossier,
  type Forms,
  itemChoices,
  oneOfChoices,
  suggestion,
  valueMaxLength,
  YES,
} from "../../services/dossier.js";
import { charCount, clip } from "../../text.js";
import { Composer } from "../composer.js";
import { staleButtonText } from "../hints.js";

/** Longest value echoed back inside a question. */
const ECHO_MAX = 1000;

import { cb, onButton } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { accepted } from "../edits.js";
import { escapeHtml, HTML, replyLines } from "../html.js";
import { th } from "../i18n.js";
import { type Button, column, grid, stack } from "../keyboards.js";
import { textSteps } from "../text-steps.js";
import { applicationForCommand, saidFrozen } from "./assessment.js";

export const dossierFeature = new Composer<BotContext>();

const BUILDERS: Record<FormKind, typeof buildMau01> = {
  "mau-01": buildMau01,
  "mau-02": buildMau02,
  "mau-03": buildMau03,
};

/** The label of an item (or of a criterion's description) in the user's language. */
function itemLabel(ctx: BotContext, a: Assessment, key: string): string {
  if (key.startsWith("desc:")) {
    const c = a.criteria.find((x) => x.id === key.slice(5));
    return ctx.t("dossier-desc", { id: c?.id ?? "", title: c?.title ?? "" });
  }
  return ctx.t(`dossier-${key}`);
}

function valueText(ctx: BotContext, key: string, value: string | undefined): string {
  if (value === undefined) return ctx.t("dossier-value-missing");
  if (value === "") return ctx.t("dossier-value-skipped");
  const item = DOSSIER_ITEMS.find((i) => i.key === key);
  if (item?.kind === "yesno") return ctx.t(value === YES ? "dossier-yes" : "dossier-no");
  if (item?.kind === "choice" || item?.kind === "one-of") return ctx.t(`dossier-${key}-${value}`);
  if (item?.kind === "date") return formatDate(value);
  return value;
}

/** The dossier of an application the user may work on, or tells them it is gone. */
async function loadForDossier(ctx: BotContext, appId: number | undefined): Promise<Dossier | undefined> {
  const opened = ctx.services.dossier.open(ctx.user?.id, appId);
  if (!opened.ok) {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
    else await ctx.reply(staleButtonText(ctx), HTML);
    return undefined;
  }
  return opened;
}

async function askItem(ctx: BotContext, d: Dossier, key: string) {
  const { assessment: a, keys, values } = d;
  const index = keys.indexOf(key);
  const item = DOSSIER_ITEMS.find((i) => i.key === key);
  const lines = [
    th(ctx, "dossier-progress", { n: index + 1, total: keys.length }),
    `<b>${escapeHtml(itemLabel(ctx, a, key))}</b>`,
  ];
  if (!key.startsWith("desc:"))
    lines.push(`<i>${escapeHtml(ctx.t(`dossier-${key}-help`, { criterion: oneOfChoices(a)?.criterionId ?? "" }))}</i>`);
  // Long texts (up to 2,000 characters each) are shown cut, so the question stays one message.
  if (values.has(key))
    lines.push(th(ctx, "dossier-current", { value: clip(valueText(ctx, key, values.get(key)), ECHO_MAX) }));
  const suggested = suggestion(a, key);
  if (suggested) lines.push(th(ctx, "dossier-suggestion", { value: clip(valueText(ctx, key, suggested), ECHO_MAX) }));

  const choices = itemChoices(a, key).map(
    (c): Button => [valueText(ctx, key, c), cb.dossierChoice(a.app.id, index, c)],
  );
  if (choices.length === 0) lines.push(ctx.t(item?.kind === "date" ? "dossier-type-date" : "dossier-type-text"));
  const extra: Button[] = [];
  if (suggested && item?.kind !== "yesno")
    extra.push([ctx.t("btn-dossier-use-suggestion"), cb.dossierSuggestion(a.app.id, index)]);
  extra.push(
    [ctx.t("btn-dossier-skip"), cb.dossierSkip(a.app.id, index)],
    [ctx.t("btn-dossier-stop"), cb.dossierStop(a.app.id)],
  );
  ctx.session.step = "dossier";
  ctx.session.applicationId = a.app.id;
  ctx.session.dossierKey = key;
  await ctx.reply(lines.join("\n"), {
    ...HTML,
    reply_markup: stack(grid(choices, 3), column(extra.slice(0, -2)), grid(extra.slice(-2), 2)),
  });
}

/** Asks the next item never answered or skipped; when none is left, offers the documents. */
async function continueDossier(ctx: BotContext, d: Dossier) {
  if (d.next) return askItem(ctx, d, d.next);
  ctx.session.step = undefined;
  ctx.session.dossierKey = undefined;
  return ctx.reply(ctx.t("dossier-done"), {
    ...HTML,
    reply_markup: column([[ctx.t("btn-forms"), cb.forms(d.assessment.app.id)]]),
  });
}

async function save(ctx: BotContext, d: Dossier, key: string, value: string) {
  const saved = ctx.services.dossier.save(ctx.user?.id, d.assessment.app.id, key, value);
  if (!saved.ok) {
    if (ctx.callbackQuery) return ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
    return ctx.reply(staleButtonText(ctx), HTML);
  }
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
  }
  if (ctx.session.editing) {
    ctx.session.editing = false;
    return showDossier(ctx, saved);
  }
  return continueDossier(ctx, saved);
}

onButton(dossierFeature, cb.dossier, async (ctx, app) => {
  const d = await loadForDossier(ctx, app);
  if (!d) return;
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("dossier-intro"), HTML);
  return continueDossier(ctx, d);
});

/** A button on an item (by its index in the flow): the item, if the application and the item still exist. */
async function itemOfButton(
  ctx: BotContext,
  app: number,
  index: number,
): Promise<{ d: Dossier; key: string } | undefined> {
  const d = await loadForDossier(ctx, app);
  if (!d) return undefined;
  const key = d.keys[index];
  if (!key) await ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  return key ? { d, key } : undefined;
}

onButton(dossierFeature, cb.dossierSkip, async (ctx, app, index) => {
  const found = await itemOfButton(ctx, app, index);
  if (found) return save(ctx, found.d, found.key, "");
});

onButton(dossierFeature, cb.dossierSuggestion, async (ctx, app, index) => {
  const found = await itemOfButton(ctx, app, index);
  if (!found) return;
  const suggested = suggestion(found.d.assessment, found.key);
  return suggested ? save(ctx, found.d, found.key, suggested) : ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
});

onButton(dossierFeature, cb.dossierChoice, async (ctx, app, index, choice) => {
  const found = await itemOfButton(ctx, app, index);
  if (!found) return;
  if (!itemChoices(found.d.assessment, found.key).includes(choice))
    return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  return save(ctx, found.d, found.key, choice);
});

onButton(dossierFeature, cb.dossierStop, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  ctx.session.step = undefined;
  ctx.session.dossierKey = undefined;
  return ctx.reply(ctx.t("dossier-paused"), HTML);
});

/** Typed values in the flow, validated by the item's kind. */
async function handleDossierText(ctx: BotContext, text: string): Promise<boolean> {
  if (ctx.session.step !== "dossier" || !ctx.session.applicationId || !ctx.session.dossierKey) return false;
  const opened = ctx.services.dossier.open(ctx.user?.id, ctx.session.applicationId);
  if (!opened.ok) return false;
  const key = ctx.session.dossierKey;
  const item = DOSSIER_ITEMS.find((i) => i.key === key);
  const value = text.trim();
  const max = valueMaxLength(key);
  const length = charCount(value);
  let valid: string | undefined = length > 0 && length <= max ? value : undefined;
  if (item?.kind === "email") valid = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : undefined;
  const today = new Date();
  const day = item?.kind === "date" ? readTypedDay(value, { today }) : undefined;
  if (day) valid = day.ok ? day.day : undefined;
  const buttonsOnly = itemChoices(opened.assessment, key).length > 0 || item?.kind === "one-of";
  if (buttonsOnly) valid = undefined;
  if (day?.ok === false && day.reason === "future" && !buttonsOnly) {
    await ctx.reply(ctx.t("date-in-future", { date: formatDate(day.day), today: formatDate(today) }), HTML);
    return true;
  }
  if (length > max && !buttonsOnly && (!item || item.kind === "text" || item.kind === "long-text")) {
    await ctx.reply(ctx.t("dossier-too-long", { max, length }), HTML);
    return true;
  }
  if (!valid) {
    await ctx.reply(
      ctx.t(
        buttonsOnly
          ? "use-buttons"
          : `dossier-invalid-${item?.kind === "date" || item?.kind === "email" ? item.kind : "text"}`,
      ),
      HTML,
    );
    return true;
  }
  await accepted(ctx);
  await save(ctx, opened, key, valid);
  return true;
}

dossierFeature.use(textSteps(handleDossierText));

/** Every item with its value, and buttons to change any of them. */
async function showDossier(ctx: BotContext, d: Dossier) {
  const { assessment: a, keys, values } = d;
  const lines = [th(ctx, "dossier-summary", { product: a.product.name })];
  const edits: Button[] = [];
  keys.forEach((key, i) => {
    const value = valueText(ctx, key, values.get(key));
    lines.push(th(ctx, "dossier-line", { n: i + 1, label: itemLabel(ctx, a, key), value: clip(value, 80) }));
    edits.push([String(i + 1), cb.dossierEdit(a.app.id, i)]);
  });
  await replyLines(ctx, lines, {
    reply_markup: stack(grid(edits, 8), column([[ctx.t("btn-forms"), cb.forms(a.app.id)]])),
  });
}

onButton(dossierFeature, cb.dossierEdit, async (ctx, app, index) => {
  const found = await itemOfButton(ctx, app, index);
  if (!found) return;
  await ctx.answerCallbackQuery();
  ctx.session.editing = true;
  return askItem(ctx, found.d, found.key);
});

dossierFeature.command("hoanthien", async (ctx) => {
  const a = await applicationForCommand(ctx);
  if (!a) return;
  if (await saidFrozen(ctx, a)) return sendForms(ctx, a.app.id);
  const d = await loadForDossier(ctx, a.app.id);
  if (!d) return;
  if (d.next) {
    await ctx.reply(ctx.t("dossier-intro"), HTML);
    return continueDossier(ctx, d);
  }
  return showDossier(ctx, d);
});

/** Sends the documents built from the forms' input, each with its caption. */
async function sendDocuments(ctx: BotContext, forms: Forms) {
  await ctx.replyWithChatAction("upload_document");
  for (const { kind, fileName } of forms.documents) {
    const buffer = await BUILDERS[kind](forms.input);
    await ctx.replyWithDocument(new InputFile(buffer, fileName), { caption: ctx.t(`forms-caption-${kind}`) });
  }
}

/** Mẫu 01 and 02 for the producer, in reply to a command. */
async function sendForms(ctx: BotContext, appId: number) {
  const forms = ctx.services.dossier.forms(ctx.user?.id, appId, ["mau-01", "mau-02"]);
  return forms.ok ? sendDocuments(ctx, forms) : ctx.reply(staleButtonText(ctx), HTML);
}

/** The forms from a button: Mẫu 01 and 02 for the producer, plus Mẫu 03 first for officers and administrators. */
async function sendFormsOfButton(ctx: BotContext, appId: number, kinds: FormKind[]) {
  const forms = ctx.services.dossier.forms(ctx.user?.id, appId, kinds);
  if (!forms.ok) return ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
  await ctx.answerCallbackQuery();
  return sendDocuments(ctx, forms);
}

onButton(dossierFeature, cb.forms, (ctx, app) => sendFormsOfButton(ctx, app, ["mau-01", "mau-02"]));

dossierFeature.command("hoso_giay", async (ctx) => {
  const a = await applicationForCommand(ctx);
  if (!a) return;
  if (!(await saidFrozen(ctx, a))) {
    const d = ctx.services.dossier.open(ctx.user?.id, a.app.id);
    if (d.ok && d.next) await ctx.reply(ctx.t("forms-incomplete-hint"), HTML);
  }
  return sendForms(ctx, a.app.id);
});

/** Officers and administrators: the commune's report with the producer's two forms. */
onButton(dossierFeature, cb.officerForms, (ctx, appId) =>
  sendFormsOfButton(ctx, appId, ["mau-03", "mau-01", "mau-02"]),
);
