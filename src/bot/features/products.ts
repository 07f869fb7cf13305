// The main menu: the organisation's products, adding a product (name, sector, product set, case).
import { Composer } from "grammy";
import { findProductSet } from "../../domain/rubric.js";
import { addProduct, answeredCount, loadAssessment, productsOf } from "../../services/assessment.js";
import { isRegistered, normaliseOrganisationName, organisationOf } from "../../services/people.js";
import { cb, parseCallback, parseId, parseIndex } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { accepted } from "../edits.js";
import { HTML, replyLines } from "../html.js";
import { clip } from "../../text.js";
import { column, type Button } from "../keyboards.js";
import { th } from "../i18n.js";
import { startAssessment } from "./assessment.js";

export const productsFeature = new Composer<BotContext>();

export async function showMainMenu(ctx: BotContext) {
  const { db, catalog } = ctx.deps;
  const org = ctx.user && organisationOf(db, ctx.user);
  if (!org) return;
  const list = productsOf(db, org.id);
  const buttons: Button[] = [];
  const lines = [th(ctx, "menu-title", { org: org.name })];
  for (const { product, application } of list) {
    const a = loadAssessment(db, catalog, application.id);
    lines.push(
      th(ctx, "menu-product", {
        name: product.name,
        answered: a ? answeredCount(a) : 0,
        total: a ? a.order.length : 0,
        state: ctx.t(`state-${application.state}`),
      }),
    );
    buttons.push([clip(product.name, 40), cb.product(product.id)]);
  }
  if (list.length === 0) lines.push(ctx.t("menu-empty"));
  buttons.push([ctx.t("btn-add-product"), cb.addProduct()]);
  await replyLines(ctx, lines, { reply_markup: column(buttons) });
}

export async function askProductName(ctx: BotContext) {
  ctx.session.step = "product-name";
  await ctx.reply(ctx.t("ask-product-name"), HTML);
}

productsFeature.command("sanpham", async (ctx) => {
  if (!isRegistered(ctx.deps.db, ctx.user)) return ctx.reply(ctx.t("need-registration"), HTML);
  return showMainMenu(ctx);
});

productsFeature.callbackQuery("p:new", async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!isRegistered(ctx.deps.db, ctx.user)) return ctx.reply(ctx.t("need-registration"), HTML);
  return askProductName(ctx);
});

/** Typed text while adding a product. Returns false when the text is not for this feature. */
export async function handleProductText(ctx: BotContext, text: string): Promise<boolean> {
  if (ctx.session.step !== "product-name") return false;
  const name = normaliseOrganisationName(text);
  if (!name) {
    await ctx.reply(ctx.t("invalid-product-name"), HTML);
    return true;
  }
  ctx.session.productName = name;
  ctx.session.step = undefined;
  await accepted(ctx);
  await askSector(ctx);
  return true;
}

async function askSector(ctx: BotContext) {
  const kb = column(ctx.deps.catalog.defaultVersion.taxonomy.map((s, i) => [s.title, cb.sector(i)]));
  await ctx.reply(th(ctx, "ask-sector", { product: ctx.session.productName ?? "" }), { ...HTML, reply_markup: kb });
}

productsFeature.callbackQuery(/^s:/, async (ctx) => {
  const sectorIndex = parseIndex(ctx.callbackQuery.data.slice(2));
  const sector = sectorIndex === undefined ? undefined : ctx.deps.catalog.defaultVersion.taxonomy[sectorIndex];
  if (!sector || sectorIndex === undefined || !ctx.session.productName) return ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
  await ctx.answerCallbackQuery();
  if (sector.groups.length === 1) {
    const kb = column(sector.groups[0]!.sets.map((set) => [set.title, cb.productSet(set.number)]));
    return ctx.editMessageText(th(ctx, "ask-product-set", { sector: sector.title }), { ...HTML, reply_markup: kb });
  }
  const kb = column(sector.groups.map((g, i) => [g.title, cb.group(sectorIndex, i)]));
  return ctx.editMessageText(th(ctx, "ask-product-group", { sector: sector.title }), { ...HTML, reply_markup: kb });
});

productsFeature.callbackQuery(/^g:/, async (ctx) => {
  const [s, g] = parseCallback(ctx.callbackQuery.data, "g", 2) ?? [];
  const si = parseIndex(s);
  const gi = parseIndex(g);
  const group = si === undefined || gi === undefined ? undefined : ctx.deps.catalog.defaultVersion.taxonomy[si]?.groups[gi];
  if (!group || !ctx.session.productName) return ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
  await ctx.answerCallbackQuery();
  const kb = column(group.sets.map((set) => [set.title, cb.productSet(set.number)]));
  return ctx.editMessageText(th(ctx, "ask-product-set", { sector: group.title }), { ...HTML, reply_markup: kb });
});

productsFeature.callbackQuery(/^t:/, async (ctx) => {
  const { catalog } = ctx.deps;
  const number = parseId(ctx.callbackQuery.data.slice(2));
  const set = catalog.defaultVersion.taxonomy.flatMap((s) => s.groups.flatMap((g) => g.sets)).find((x) => x.number === number);
  if (!set || !ctx.session.productName) return ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(th(ctx, "product-set-chosen", { set: set.title }));
  const sheet = catalog.sheetFor(catalog.defaultVersion.id, set.id);
  if (!sheet) return ctx.reply(th(ctx, "product-set-no-sheet", { set: set.title }), HTML);
  ctx.session.productSet = set.id;
  if (sheet.cases.length) {
    const kb = column(sheet.cases.map((c) => [c.title, cb.productCase(c.id)]));
    return ctx.reply(ctx.t("ask-case"), { ...HTML, reply_markup: kb });
  }
  return createProduct(ctx, undefined);
});

productsFeature.callbackQuery(/^k:/, async (ctx) => {
  const { catalog } = ctx.deps;
  const caseId = ctx.callbackQuery.data.slice(2);
  const sheet = ctx.session.productSet ? catalog.sheetFor(catalog.defaultVersion.id, ctx.session.productSet) : undefined;
  const chosen = sheet?.cases.find((c) => c.id === caseId);
  if (!chosen || !ctx.session.productName) return ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(th(ctx, "case-chosen", { case: chosen.title }));
  return createProduct(ctx, chosen.id);
});

async function createProduct(ctx: BotContext, caseId: string | undefined) {
  const { db, catalog } = ctx.deps;
  const org = ctx.user && organisationOf(db, ctx.user);
  const { productName, productSet } = ctx.session;
  if (!ctx.user || !org || !productName || !productSet) return ctx.reply(ctx.t("need-registration"), HTML);
  const created = addProduct(db, catalog, ctx.user, org, { name: productName, productSet, caseId });
  if ("error" in created) {
    const title = findProductSet(catalog.defaultVersion, productSet)?.title ?? productSet;
    return ctx.reply(th(ctx, "product-set-no-sheet", { set: title }), HTML);
  }
  ctx.session.productName = undefined;
  ctx.session.productSet = undefined;
  await ctx.reply(th(ctx, "product-added", { name: created.product.name }), HTML);
  return startAssessment(ctx, created.application.id);
}
