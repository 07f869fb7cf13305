// Choosing a product set on the web: the likeliest sets for what the producer typed (or the
// product's name), else sector → group → set. Used to add a product and to move one.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ProductSet } from "../../domain/rubric.js";
import { shippedProductFinder } from "../../rubric/product-hints.js";
import { clip, SEARCH_QUERY_MAX } from "../../text.js";
import type { WebDeps } from "../context.js";
import { type Html, html } from "../html.js";
import { linkButton, sendPage } from "../layout.js";

export const allSets = (deps: WebDeps): ProductSet[] =>
  deps.catalog.defaultVersion.taxonomy.flatMap((s) => s.groups.flatMap((g) => g.sets));

/** A query string from fields, leaving out the empty ones. */
export function query(fields: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== "") params.set(k, String(v));
  return params.toString();
}

/** An index from a query parameter (a sector's, a group's), if it is one. */
export function index(value: unknown): number | undefined {
  const n = typeof value === "string" && /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}

export interface SetQuery {
  name?: string;
  q?: string;
  sector?: string;
  group?: string;
  other?: string;
}

/** How a set page offers its choices: for a new product, or to move one. */
export interface SetChoosing {
  /** What the producer is asked, first on the page. */
  heading: Html;
  /** The text the likeliest sets are found from when nothing was typed (the product's name). */
  name: string;
  /** The rubric version whose sheets count (a product moves within its application's version). */
  version: string;
  /** The button or link choosing a set. */
  choose: (set: ProductSet, label: string) => Html;
  /** The address of this page with other query fields (sector, group). */
  here: (fields: Record<string, string | number | undefined>) => string;
  /** The search form (typing what the product is). */
  search: (typed: string | undefined) => Html;
  /** Where Back leads from a sector or group. */
  back: string;
}

/** Choosing a product set: the likeliest for what was typed (or the name), else by sector → group → set. */
export function setPage(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: WebDeps,
  how: SetChoosing,
  q: SetQuery,
): FastifyReply {
  const { t, text } = req.visitor;
  const { catalog } = deps;
  const taxonomy = catalog.defaultVersion.taxonomy;
  const back = linkButton(how.back, text("btn-back"));
  const si = index(q.sector);
  const sector = si === undefined ? undefined : taxonomy[si];
  if (sector) {
    const gi = sector.groups.length === 1 ? 0 : index(q.group);
    const group = gi === undefined ? undefined : sector.groups[gi];
    const body = group
      ? html`<p>${t("ask-product-set", { sector: sector.groups.length === 1 ? sector.title : group.title })}</p>
<div class="options">${group.sets.map((set) => how.choose(set, set.title))}</div>`
      : html`<p>${t("ask-product-group", { sector: sector.title })}</p>
<nav class="options">${sector.groups.map((g, i) => linkButton(how.here({ sector: si, group: i }), g.title))}</nav>`;
    return sendPage(req, reply, { title: text("web-producer-set-title"), body: html`${body}${back}` });
  }
  const finder = shippedProductFinder();
  const withSheet = new Set(catalog.sheets.filter((s) => s.version.id === how.version).map((s) => s.productSet));
  const typed = q.q ? clip(q.q, SEARCH_QUERY_MAX) : undefined;
  const sets = allSets(deps);
  const found = finder.suggest(typed ?? how.name, 3, withSheet).map((id) => sets.find((s) => s.id === id)!);
  const lines: Html[] = [how.heading];
  if (found.length) {
    lines.push(typed ? t("set-suggestions-for", { text: typed }) : t("set-suggestions"));
    found.forEach((set, i) => {
      lines.push(t("set-suggestion", { n: i + 1, set: set.title, examples: finder.examples(set.id).join(", ") }));
    });
  } else lines.push(typed ? t("set-none", { text: typed }) : t("set-type-what"));
  return sendPage(req, reply, {
    title: text("web-producer-set-title"),
    body: html`<section class="msg">${lines.map((l) => html`${l}\n`)}</section>
<div class="options">${found.map((set, i) => how.choose(set, `${i + 1}. ${set.title}`))}</div>
${how.search(typed)}
<h2>${text("web-producer-sectors")}</h2>
<nav class="options">${taxonomy.map((s, i) => linkButton(how.here({ sector: i }), s.title))}</nav>`,
  });
}
