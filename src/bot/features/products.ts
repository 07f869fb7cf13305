// The main menu and products: adding one (name, then the product set found from what the producer
// types, or sector → group → set, then the case), renaming, moving to another set, deleting.

import { formatDate } from "../../dates.js";
import type { ProductSet } from "../../domain/rubric.js";
import { shippedProductFinder } from "../../rubric/product-hints.js";
import { answeredCount, assessmentScore, isEditable, nextQuestion } from "../../services/assessment.js";
import { normaliseOrganisationName } from "../../services/people.js";
import type { ProductCard, ProductRefusal } from "../../services/products.js";
import { clip, SEARCH_QUERY_MAX } from "../../text.js";
import { cb, onButton } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { accepted } from "../edits.js";
import { staleButtonText } from "../hints.js";
import { HTML, replyLines } from "../html.js";
import { th } from "../i18n.js";
import { type Button, column, grid, stack } from "../keyboards.js";
import { textSteps } from "../text-steps.js";
import { loadForUser, startAssessment } from "./assessment.js";

export const productsFeature = new Composer<BotContext>();

export async function showMainMenu(ctx: BotContext) {
  const listed = ctx.services.products.list(ctx.user?.id);
  if (!listed.ok) return;
  const buttons: Button[] = [];
  const lines = [th(ctx, "menu-title", { org: listed.organisation.name })];
  for (const { product, application, answered, total } of listed.products) {
    lines.push(
      th(ctx, "menu-product", { name: product.name, answered, total, state: ctx.t(`state-${application.state}`) }),
    );
    buttons.push([clip(product.name, 40), cb.product(product.id)]);
  }
  if (listed.products.length === 0) lines.push(ctx.t("menu-empty"));
  buttons.push([ctx.t("btn-add-product"), cb.addProduct()]);
  await replyLines(ctx, lines, { reply_markup: column(buttons) });
}

export async function askProductName(ctx: BotContext) {
  ctx.session.step = "product-name";
  ctx.session.moveProductId = undefined;
  await ctx.reply(ctx.t("ask-product-name"), HTML);
}

/** Name, phone and organisation given: the producer's commands work. */
const isRegistered = (ctx: BotContext) => !!ctx.services.people.profile(ctx.user?.id)?.registered;

productsFeature.command("sanpham", async (ctx) => {
  if (!isRegistered(ctx)) return ctx.reply(ctx.t("need-registration"), HTML);
  return showMainMenu(ctx);
});

onButton(productsFeature, cb.addProduct, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!isRegistered(ctx)) return ctx.reply(ctx.t("need-registration"), HTML);
  return askProductName(ctx);
});

// ---------------------------------------------------------------- the product set

const allSets = (ctx: BotContext): ProductSet[] =>
  ctx.deps.catalog.defaultVersion.taxonomy.flatMap((s) => s.groups.flatMap((g) => g.sets));

/** A product set is being chosen: for a new product (its name is known) or to move one. */
const choosingSet = (ctx: BotContext) => !!ctx.session.productName || ctx.session.moveProductId !== undefined;

/**
 * Asks for the product set: the likeliest sets for `text` (the product's name, or what the
 * producer typed since), each with examples, then the sectors to browse.
 */
async function askProductSet(ctx: BotContext, text: string, typed: boolean) {
  const { catalog } = ctx.deps;
  const finder = shippedProductFinder();
  const moving = ctx.session.moveProductId !== undefined ? findProductCard(ctx, ctx.session.moveProductId) : undefined;
  const version = moving?.version ?? catalog.defaultVersion.id;
  const withSheet = new Set(catalog.sheets.filter((s) => s.version.id === version).map((s) => s.productSet));
  const sets = allSets(ctx);
  const found = finder.suggest(text, 3, withSheet).map((id) => sets.find((s) => s.id === id)!);
  const lines = [
    moving
      ? th(ctx, "ask-set-for-move", { product: moving.name, set: moving.set })
      : th(ctx, "ask-set-for-new", { product: ctx.session.productName ?? "" }),
  ];
  if (found.length) {
    lines.push(
      typed ? th(ctx, "set-suggestions-for", { text: clip(text, SEARCH_QUERY_MAX) }) : ctx.t("set-suggestions"),
    );
    found.forEach((set, i) => {
      lines.push(th(ctx, "set-suggestion", { n: i + 1, set: set.title, examples: finder.examples(set.id).join(", ") }));
    });
    lines.push(ctx.t("set-hint"));
  } else {
    lines.push(typed ? th(ctx, "set-none", { text: clip(text, SEARCH_QUERY_MAX) }) : ctx.t("set-type-what"));
  }
  ctx.session.step = "product-set";
  ctx.session.setChoices = found.map((s) => s.number);
  const suggestions = found.map((set, i): Button => [`${i + 1}. ${set.title}`, cb.productSet(set.number)]);
  const sectors = catalog.defaultVersion.taxonomy.map((s, i): Button => [s.title, cb.sector(i)]);
  await ctx.reply(lines.join("\n"), { ...HTML, reply_markup: stack(column(suggestions), column(sectors)) });
}

/** Typed text while adding, renaming or moving a product. Returns false when the text is not for this feature. */
async function handleProductText(ctx: BotContext, text: string): Promise<boolean> {
  switch (ctx.session.step) {
    case "product-name":
      await nameTyped(ctx, text);
      return true;
    case "product-set": {
      const n = Number(text);
      const number = Number.isInteger(n) ? ctx.session.setChoices?.[n - 1] : undefined;
      const set = number === undefined ? undefined : allSets(ctx).find((s) => s.number === number);
      if (set && choosingSet(ctx)) await setChosen(ctx, set);
      else await askProductSet(ctx, text, true);
      return true;
    }
    case "product-rename":
      await renameTyped(ctx, text);
      return true;
    default:
      return false;
  }
}

productsFeature.use(textSteps(handleProductText));

async function nameTyped(ctx: BotContext, text: string) {
  const name = normaliseOrganisationName(text);
  if (!name) return ctx.reply(ctx.t("invalid-product-name"), HTML);
  ctx.session.productName = name;
  ctx.session.step = undefined;
  await accepted(ctx);
  const twin = ctx.services.products.sameNamed(ctx.user?.id, name);
  if (twin) {
    const card = cardWords(ctx, twin);
    return ctx.reply(th(ctx, "same-name-ask", { product: card.name, set: card.set, state: card.state }), {
      ...HTML,
      reply_markup: column([
        [ctx.t("btn-same-product"), cb.product(twin.product.id)],
        [ctx.t("btn-other-product"), cb.otherProduct()],
      ]),
    });
  }
  return askProductSet(ctx, name, false);
}

/** A product's name, set title and state words, for messages; its application, version and progress. */
function cardWords(ctx: BotContext, card: ProductCard) {
  return {
    name: card.product.name,
    set: card.setTitle,
    state: ctx.t(`state-${card.application.state}`),
    appId: card.application.id,
    version: card.version,
    answered: card.answered,
  };
}

/** The card of a product of the user's organisation, in words for messages. */
function findProductCard(ctx: BotContext, productId: number) {
  const found = ctx.services.products.card(ctx.user?.id, productId);
  return found.ok ? cardWords(ctx, found.card) : undefined;
}

onButton(productsFeature, cb.otherProduct, async (ctx) => {
  if (!ctx.session.productName) return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  return askProductSet(ctx, ctx.session.productName, false);
});

onButton(productsFeature, cb.sector, async (ctx, sectorIndex) => {
  const sector = ctx.deps.catalog.defaultVersion.taxonomy[sectorIndex];
  if (!sector || !choosingSet(ctx)) return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  await ctx.answerCallbackQuery();
  if (sector.groups.length === 1) {
    const kb = column(sector.groups[0]!.sets.map((set) => [set.title, cb.productSet(set.number)]));
    return ctx.editMessageText(th(ctx, "ask-product-set", { sector: sector.title }), { ...HTML, reply_markup: kb });
  }
  const kb = column(sector.groups.map((g, i) => [g.title, cb.group(sectorIndex, i)]));
  return ctx.editMessageText(th(ctx, "ask-product-group", { sector: sector.title }), { ...HTML, reply_markup: kb });
});

onButton(productsFeature, cb.group, async (ctx, si, gi) => {
  const group = ctx.deps.catalog.defaultVersion.taxonomy[si]?.groups[gi];
  if (!group || !choosingSet(ctx)) return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  await ctx.answerCallbackQuery();
  const kb = column(group.sets.map((set) => [set.title, cb.productSet(set.number)]));
  return ctx.editMessageText(th(ctx, "ask-product-set", { sector: group.title }), { ...HTML, reply_markup: kb });
});

onButton(productsFeature, cb.productSet, async (ctx, number) => {
  const set = allSets(ctx).find((x) => x.number === number);
  if (!set || !choosingSet(ctx)) return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(th(ctx, "product-set-chosen", { set: set.title }));
  return setChosen(ctx, set);
});

/** A set was picked (button or typed number): the case if its sheet has cases, then add or move. */
async function setChosen(ctx: BotContext, set: ProductSet) {
  const { catalog } = ctx.deps;
  ctx.session.step = undefined;
  ctx.session.setChoices = undefined;
  const moving = ctx.session.moveProductId;
  // A product moves within its application's rubric version.
  const version = (moving !== undefined && findProductCard(ctx, moving)?.version) || catalog.defaultVersion.id;
  const sheet = catalog.sheetFor(version, set.id);
  if (!sheet) return ctx.reply(th(ctx, "product-set-no-sheet", { set: set.title }), HTML);
  ctx.session.productSet = set.id;
  if (sheet.cases.length) {
    const kb = column(sheet.cases.map((c) => [c.title, cb.productCase(c.id)]));
    return ctx.reply(ctx.t("ask-case"), { ...HTML, reply_markup: kb });
  }
  return moving !== undefined ? previewMove(ctx, moving, set, undefined) : createProduct(ctx, undefined);
}

onButton(productsFeature, cb.productCase, async (ctx, caseId) => {
  const { catalog } = ctx.deps;
  const set = allSets(ctx).find((s) => s.id === ctx.session.productSet);
  const moving = ctx.session.moveProductId;
  const version = (moving !== undefined && findProductCard(ctx, moving)?.version) || catalog.defaultVersion.id;
  const sheet = set ? catalog.sheetFor(version, set.id) : undefined;
  const chosen = sheet?.cases.find((c) => c.id === caseId);
  if (!set || !chosen || !choosingSet(ctx)) return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(th(ctx, "case-chosen", { case: chosen.title }));
  return moving !== undefined ? previewMove(ctx, moving, set, chosen.id) : createProduct(ctx, chosen.id);
});

async function createProduct(ctx: BotContext, caseId: string | undefined) {
  const { productName, productSet } = ctx.session;
  if (!productName || !productSet) return ctx.reply(ctx.t("need-registration"), HTML);
  const created = ctx.services.products.add(ctx.user?.id, { name: productName, productSet, caseId });
  if (!created.ok) {
    if (created.reason === "invalid-name") return ctx.reply(ctx.t("invalid-product-name"), HTML);
    if (created.reason === "no-organisation") return ctx.reply(ctx.t("need-registration"), HTML);
    const title = allSets(ctx).find((s) => s.id === productSet)?.title ?? productSet;
    return ctx.reply(th(ctx, "product-set-no-sheet", { set: title }), HTML);
  }
  ctx.session.productName = undefined;
  ctx.session.productSet = undefined;
  await ctx.reply(th(ctx, "product-added", { name: created.product.name }), HTML);
  return startAssessment(ctx, created.application.id);
}

// ---------------------------------------------------------------- the product's own menu

/** The buttons of a product's card for renaming, moving and deleting, as far as the user may. */
export function productMenuButtons(ctx: BotContext, productId: number): Button[] {
  if (!ctx.user) return [];
  const may = ctx.services.products.actions(ctx.user.id, productId);
  return [
    ...(may.edit
      ? ([
          [ctx.t("btn-product-rename"), cb.productRename(productId)],
          [ctx.t("btn-product-move"), cb.productMove(productId)],
        ] satisfies Button[])
      : []),
    ...(may.deletion ? [] : ([[ctx.t("btn-product-delete"), cb.productDelete(productId)]] satisfies Button[])),
  ];
}

/**
 * Tells why a product change was refused, in the user's words: as the answer to the button just
 * pressed when it is not answered yet (`alert`), else as a message.
 */
async function refused(ctx: BotContext, reason: ProductRefusal, productId: number, name = "", alert = true) {
  const card = findProductCard(ctx, productId);
  const [key, args]: [string, Record<string, string>] =
    reason === "state"
      ? ["product-locked", { state: card?.state ?? "" }]
      : reason === "name-taken"
        ? ["product-name-taken", { product: name }]
        : reason === "invalid-name"
          ? ["invalid-product-name", {}]
          : reason === "not-allowed"
            ? ["product-delete-not-allowed", {}]
            : reason === "same-set"
              ? ["move-same-set", { set: card?.set ?? name }]
              : reason === "no-sheet"
                ? ["product-set-no-sheet", { set: name }]
                : ["stale-button", {}];
  if (ctx.callbackQuery && alert) await ctx.answerCallbackQuery({ text: ctx.t(key, args), show_alert: true });
  else await ctx.reply(th(ctx, key, args), HTML);
}

onButton(productsFeature, cb.productRename, async (ctx, productId) => {
  const card = findProductCard(ctx, productId);
  if (!card) return ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
  if (!ctx.services.products.actions(ctx.user?.id, productId).edit) return refused(ctx, "state", productId);
  await ctx.answerCallbackQuery();
  ctx.session.step = "product-rename";
  ctx.session.renameProductId = productId;
  return ctx.reply(th(ctx, "ask-product-rename", { product: card.name }), HTML);
});

async function renameTyped(ctx: BotContext, text: string) {
  const productId = ctx.session.renameProductId;
  if (productId === undefined || !ctx.user) {
    ctx.session.step = undefined;
    return ctx.reply(staleButtonText(ctx), HTML);
  }
  const renamed = ctx.services.products.rename(ctx.user.id, productId, text);
  if (!renamed.ok) {
    if (renamed.reason !== "invalid-name" && renamed.reason !== "name-taken") ctx.session.step = undefined;
    return refused(ctx, renamed.reason, productId, normaliseOrganisationName(text) ?? "");
  }
  ctx.session.step = undefined;
  ctx.session.renameProductId = undefined;
  await accepted(ctx);
  await ctx.reply(th(ctx, "product-renamed", { product: renamed.product.name }), HTML);
  const appId = findProductCard(ctx, productId)?.appId;
  if (appId !== undefined) await showProduct(ctx, appId);
}

onButton(productsFeature, cb.productMove, async (ctx, productId) => {
  const card = findProductCard(ctx, productId);
  if (!card) return ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
  if (!ctx.services.products.actions(ctx.user?.id, productId).edit) return refused(ctx, "state", productId);
  await ctx.answerCallbackQuery();
  ctx.session.moveProductId = productId;
  ctx.session.productName = undefined;
  return askProductSet(ctx, card.name, false);
});

/** Says what moving to `set` keeps and asks again, with a button to confirm. */
async function previewMove(ctx: BotContext, productId: number, set: ProductSet, caseId: string | undefined) {
  const preview = ctx.services.products.previewSetChange(ctx.user?.id, productId, set.id, caseId);
  if (!preview.ok) return refused(ctx, preview.reason, productId, set.title, false);
  const { change } = preview;
  const lines = [
    th(ctx, "move-preview", {
      product: change.product.name,
      from: change.from.productSetTitle,
      to: change.to.productSetTitle,
      kept: change.kept,
      toAsk: change.toAsk,
    }),
  ];
  if (change.evidenceDropped) lines.push(th(ctx, "move-preview-evidence", { files: change.evidenceDropped }));
  return ctx.reply(lines.join("\n"), {
    ...HTML,
    reply_markup: column([
      [ctx.t("btn-move-confirm"), cb.productMoveConfirm(productId, set.number, caseId)],
      [ctx.t("btn-keep-product"), cb.productKeep(productId)],
    ]),
  });
}

onButton(productsFeature, cb.productMoveConfirm, async (ctx, productId, number, caseId) => {
  const set = allSets(ctx).find((s) => s.number === number);
  if (!set || !ctx.user) return ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
  const moved = ctx.services.products.changeSet(ctx.user.id, productId, set.id, caseId);
  if (!moved.ok) return refused(ctx, moved.reason, productId, set.title);
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  ctx.session.moveProductId = undefined;
  ctx.session.productSet = undefined;
  const { change } = moved;
  await ctx.reply(
    th(ctx, "move-done", {
      product: change.product.name,
      set: change.to.productSetTitle,
      kept: change.kept,
      toAsk: change.toAsk,
    }),
    HTML,
  );
  return startAssessment(ctx, change.application.id);
});

onButton(productsFeature, cb.productKeep, async (ctx, productId) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  ctx.session.moveProductId = undefined;
  ctx.session.productSet = undefined;
  const appId = findProductCard(ctx, productId)?.appId;
  await ctx.reply(ctx.t("product-kept"), HTML);
  if (appId !== undefined) await showProduct(ctx, appId);
});

onButton(productsFeature, cb.productDelete, async (ctx, productId) => {
  const card = findProductCard(ctx, productId);
  if (!card || !ctx.user) return ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
  const { deletion } = ctx.services.products.actions(ctx.user.id, productId);
  if (deletion) return refused(ctx, deletion, productId);
  await ctx.answerCallbackQuery();
  return ctx.reply(th(ctx, "delete-product-confirm", { product: card.name, answered: card.answered }), {
    ...HTML,
    reply_markup: column([
      [ctx.t("btn-delete-product-yes"), cb.productDeleteConfirm(productId)],
      [ctx.t("btn-keep-product"), cb.productKeep(productId)],
    ]),
  });
});

onButton(productsFeature, cb.productDeleteConfirm, async (ctx, productId) => {
  if (!ctx.user) return ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
  const deleted = ctx.services.products.remove(ctx.user.id, productId);
  if (!deleted.ok) return refused(ctx, deleted.reason, productId);
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  // The application the chat was working on went with the product.
  const working = ctx.session.applicationId;
  if (working !== undefined && !ctx.services.assessment.open(ctx.user.id, working).ok) {
    ctx.session.applicationId = undefined;
    ctx.session.question = undefined;
    ctx.session.step = undefined;
  }
  await ctx.reply(th(ctx, "product-deleted", { product: deleted.product.name }), HTML);
  return showMainMenu(ctx);
});

onButton(productsFeature, cb.product, async (ctx, productId) => {
  const card = findProductCard(ctx, productId);
  if (!card) return ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
  await ctx.answerCallbackQuery();
  return showProduct(ctx, card.appId);
});

/** A product's card: where its self-assessment stands, and what can be done with it. */
export async function showProduct(ctx: BotContext, appId: number) {
  const loaded = await loadForUser(ctx, appId);
  if (!loaded.ok) return;
  const { a } = loaded;
  const r = assessmentScore(a);
  const kb = stack(
    column(isEditable(a.app) && nextQuestion(a) ? [[ctx.t("btn-resume"), cb.resume(a.app.id)]] : []),
    grid(
      [
        [ctx.t("btn-review"), cb.review(a.app.id)],
        [ctx.t("btn-result"), cb.result(a.app.id)],
      ],
      2,
    ),
    // A filed product: where it stands, and its forms (read-only) instead of the editing buttons.
    column(
      isEditable(a.app)
        ? []
        : [
            [ctx.t("btn-status"), cb.status(a.app.id)],
            [ctx.t("btn-forms"), cb.forms(a.app.id)],
          ],
    ),
    grid(productMenuButtons(ctx, a.product.id), 2),
    column([
      [
        ctx.t("btn-rubric-version", { from: formatDate(ctx.deps.catalog.defaultVersion.effectiveFrom) }),
        cb.rubricVersions(a.app.id),
      ],
    ]),
  );
  await ctx.reply(
    th(ctx, "product-card", {
      name: a.product.name,
      set: a.sheet.productSetTitle,
      version: a.sheet.version.title,
      answered: answeredCount(a),
      total: a.order.length,
      points: r.total,
      state: ctx.t(`state-${a.app.state}`),
    }),
    { ...HTML, reply_markup: kb },
  );
}

/** /tieptuc and /danhgia: the application being worked on, else a new product (/danhgia) or the menu. */
async function resumeCommand(ctx: BotContext) {
  const resumed = ctx.services.products.resume(ctx.user?.id, ctx.session.applicationId);
  if (!resumed.ok) return ctx.reply(ctx.t("need-registration"), HTML);
  const appId = resumed.applicationId;
  if (appId) return startAssessment(ctx, appId);
  if (ctx.message?.text?.startsWith("/danhgia")) return askProductName(ctx);
  return showMainMenu(ctx);
}

productsFeature.command(["tieptuc", "danhgia"], resumeCommand);
