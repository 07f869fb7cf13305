// "Hoàn thiện hồ sơ": what the legal forms need beyond the self-assessment, one item per message,
// each skippable and editable later; and the forms themselves (Mẫu 01, 02, 03) as Word documents.
import { Composer, InputFile } from "grammy";
import { formatDate, readTypedDay } from "../../dates.js";
import { buildMau01, buildMau02, buildMau03, formFileName } from "../../forms/index.js";
import type { FormKind } from "../../forms/types.js";
import { type Assessment, canWorkOn, loadAssessment } from "../../services/assessment.js";
import {
  DOSSIER_ITEMS,
  type DossierItem,
  dossierKeys,
  dossierValues,
  formsInput,
  NO,
  nextDossierKey,
  oneOfChoices,
  saveDossierValue,
  suggestion,
  YES,
} from "../../services/dossier.js";
import { rolesFor } from "../../services/membership.js";
import { findUser } from "../../services/people.js";
import { charCount, clip } from "../../text.js";

/** Longest value echoed back inside a question. */
const ECHO_MAX = 1000;

import { cb, onButton } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { accepted } from "../edits.js";
import { escapeHtml, HTML, replyLines } from "../html.js";
import { th } from "../i18n.js";
import { type Button, column, grid, stack } from "../keyboards.js";
import { textSteps } from "../text-steps.js";
import { actorId } from "../workflow.js";
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

async function loadForDossier(ctx: BotContext, appId: number | undefined): Promise<Assessment | undefined> {
  const a = appId === undefined ? undefined : loadAssessment(ctx.deps.db, ctx.deps.catalog, appId);
  if (!a || !ctx.user || !canWorkOn(ctx.deps.db, ctx.user, a.app)) {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true });
    else await ctx.reply(ctx.t("stale-button"), HTML);
    return undefined;
  }
  return a;
}

/** The values a button may set for an item; empty for typed items. */
function choicesOf(a: Assessment, item: DossierItem | undefined): readonly string[] {
  if (item?.kind === "yesno") return [YES, NO];
  if (item?.kind === "one-of") return oneOfChoices(a)?.keys ?? [];
  return item?.choices ?? [];
}

async function askItem(ctx: BotContext, a: Assessment, key: string) {
  const keys = dossierKeys(a);
  const index = keys.indexOf(key);
  const item = DOSSIER_ITEMS.find((i) => i.key === key);
  const values = dossierValues(ctx.deps.db, a);
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

  const choices = choicesOf(a, item).map((c): Button => [valueText(ctx, key, c), cb.dossierChoice(a.app.id, index, c)]);
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
async function continueDossier(ctx: BotContext, a: Assessment, after?: string) {
  const key = nextDossierKey(ctx.deps.db, a, after);
  if (key) return askItem(ctx, a, key);
  ctx.session.step = undefined;
  ctx.session.dossierKey = undefined;
  return ctx.reply(ctx.t("dossier-done"), {
    ...HTML,
    reply_markup: column([[ctx.t("btn-forms"), cb.forms(a.app.id)]]),
  });
}

async function save(ctx: BotContext, a: Assessment, key: string, value: string) {
  saveDossierValue(ctx.deps.db, a, key, value, ctx.user!.id);
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
  }
  if (ctx.session.editing) {
    ctx.session.editing = false;
    return showDossier(ctx, a);
  }
  return continueDossier(ctx, a, key);
}

onButton(dossierFeature, cb.dossier, async (ctx, app) => {
  const a = await loadForDossier(ctx, app);
  if (!a) return;
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("dossier-intro"), HTML);
  return continueDossier(ctx, a);
});

/** A button on an item (by its index in the flow): the item, if the application and the item still exist. */
async function itemOfButton(
  ctx: BotContext,
  app: number,
  index: number,
): Promise<{ a: Assessment; key: string } | undefined> {
  const a = await loadForDossier(ctx, app);
  if (!a) return undefined;
  const key = dossierKeys(a)[index];
  if (!key) await ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
  return key ? { a, key } : undefined;
}

onButton(dossierFeature, cb.dossierSkip, async (ctx, app, index) => {
  const found = await itemOfButton(ctx, app, index);
  if (found) return save(ctx, found.a, found.key, "");
});

onButton(dossierFeature, cb.dossierSuggestion, async (ctx, app, index) => {
  const found = await itemOfButton(ctx, app, index);
  if (!found) return;
  const suggested = suggestion(found.a, found.key);
  return suggested
    ? save(ctx, found.a, found.key, suggested)
    : ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
});

onButton(dossierFeature, cb.dossierChoice, async (ctx, app, index, choice) => {
  const found = await itemOfButton(ctx, app, index);
  if (!found) return;
  const item = DOSSIER_ITEMS.find((i) => i.key === found.key);
  if (!choicesOf(found.a, item).includes(choice)) return ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
  return save(ctx, found.a, found.key, choice);
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
  const a = loadAssessment(ctx.deps.db, ctx.deps.catalog, ctx.session.applicationId);
  if (!a || !ctx.user || !canWorkOn(ctx.deps.db, ctx.user, a.app)) return false;
  const key = ctx.session.dossierKey;
  const item = DOSSIER_ITEMS.find((i) => i.key === key);
  const value = text.trim();
  const max = item?.kind === "long-text" || key.startsWith("desc:") ? 2000 : 200;
  const length = charCount(value);
  let valid: string | undefined = length > 0 && length <= max ? value : undefined;
  if (item?.kind === "email") valid = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : undefined;
  const today = new Date();
  const day = item?.kind === "date" ? readTypedDay(value, { today }) : undefined;
  if (day) valid = day.ok ? day.day : undefined;
  const buttonsOnly = choicesOf(a, item).length > 0 || item?.kind === "one-of";
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
  await save(ctx, a, key, valid);
  return true;
}

dossierFeature.use(textSteps(handleDossierText));

/** Every item with its value, and buttons to change any of them. */
async function showDossier(ctx: BotContext, a: Assessment) {
  const values = dossierValues(ctx.deps.db, a);
  const keys = dossierKeys(a);
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
  return askItem(ctx, found.a, found.key);
});

dossierFeature.command("hoanthien", async (ctx) => {
  const a = await applicationForCommand(ctx);
  if (!a) return;
  if (await saidFrozen(ctx, a)) return sendForms(ctx, a.app.id, ["mau-01", "mau-02"]);
  if (nextDossierKey(ctx.deps.db, a)) {
    await ctx.reply(ctx.t("dossier-intro"), HTML);
    return continueDossier(ctx, a);
  }
  return showDossier(ctx, a);
});

/** Sends the documents: Mẫu 01 and 02 for the producer, plus Mẫu 03 first for officers. */
export async function sendForms(ctx: BotContext, appId: number, kinds: FormKind[]) {
  const input = formsInput(ctx.deps.db, ctx.deps.catalog, ctx.deps.adminUnits, appId);
  if (!input) return ctx.reply(ctx.t("stale-button"), HTML);
  await ctx.replyWithChatAction("upload_document");
  const producer = findUser(ctx.deps.db, loadAssessment(ctx.deps.db, ctx.deps.catalog, appId)!.product.createdBy);
  for (const kind of kinds) {
    const buffer = await BUILDERS[kind](input);
    await ctx.replyWithDocument(
      new InputFile(buffer, formFileName(kind, input.product?.name, producer?.fullName ?? undefined)),
      {
        caption: ctx.t(`forms-caption-${kind}`),
      },
    );
  }
  return undefined;
}

onButton(dossierFeature, cb.forms, async (ctx, app) => {
  const a = await loadForDossier(ctx, app);
  if (!a) return;
  await ctx.answerCallbackQuery();
  return sendForms(ctx, a.app.id, ["mau-01", "mau-02"]);
});

dossierFeature.command("hoso_giay", async (ctx) => {
  const a = await applicationForCommand(ctx);
  if (!a) return;
  if (!(await saidFrozen(ctx, a)) && nextDossierKey(ctx.deps.db, a))
    await ctx.reply(ctx.t("forms-incomplete-hint"), HTML);
  return sendForms(ctx, a.app.id, ["mau-01", "mau-02"]);
});

/** Officers and administrators: the commune's report with the producer's two forms. */
onButton(dossierFeature, cb.officerForms, async (ctx, appId) => {
  const a = loadAssessment(ctx.deps.db, ctx.deps.catalog, appId);
  const roles = a ? rolesFor(ctx.deps.db, ctx.deps.adminIds, actorId(ctx), a.app) : [];
  if (!a || !roles.some((r) => r === "officer" || r === "admin")) {
    return ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true });
  }
  await ctx.answerCallbackQuery();
  return sendForms(ctx, a.app.id, ["mau-03", "mau-01", "mau-02"]);
});
