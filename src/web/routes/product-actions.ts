// A product's own actions on the web, as the bot's product menu: renaming it, moving it to another
// product set (or case) after a preview of what is kept and asked again, deleting it after a
// confirmation, and the rubric version its self-assessment is scored under. Every refusal of the
// services is said in the producer's words; a product that is not theirs is a 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formatDate } from "../../dates.js";
import type { ProductSet } from "../../domain/rubric.js";
import { normaliseOrganisationName } from "../../services/people.js";
import type { ProductCard, ProductRefusal } from "../../services/products.js";
import { clip, SEARCH_QUERY_MAX } from "../../text.js";
import type { WebDeps } from "../context.js";
import { type Html, html } from "../html.js";
import { actionButton, linkButton, postForm, seeOther, sendPage } from "../layout.js";
import { ONCE_FIELD, onceKey, type RecentPosts } from "../once.js";
import { idParam, notFound } from "../pages.js";
import { allSets, query, type SetQuery, setPage } from "./product-sets.js";

/** The buttons of a product's card for renaming, moving, deleting and its rubric version, as far as the visitor may. */
export function productMenu(req: FastifyRequest, deps: WebDeps, productId: number, applicationId: number): Html {
  const { actor, text } = req.visitor;
  const may = deps.services.products.actions(actor, productId);
  const from = formatDate(deps.catalog.defaultVersion.effectiveFrom);
  return html`<div class="actions">
${may.edit ? linkButton(`/products/${productId}/rename`, text("btn-product-rename")) : ""}
${may.edit ? linkButton(`/products/${productId}/move`, text("btn-product-move")) : ""}
${may.deletion ? "" : linkButton(`/products/${productId}/delete`, text("btn-product-delete"))}
${linkButton(`/a/${applicationId}/version`, text("btn-rubric-version", { from }))}
</div>`;
}

/** What the card says after an action just done (?said=…), from the card as it is now. */
export function saidOnCard(req: FastifyRequest, card: ProductCard, said: string | undefined): Html | undefined {
  const { t } = req.visitor;
  switch (said) {
    case "renamed":
      return t("product-renamed", { product: card.product.name });
    case "moved":
      return t("move-done", {
        product: card.product.name,
        set: card.setTitle,
        kept: card.answered,
        toAsk: card.total - card.answered,
      });
    case "kept":
      return t("product-kept");
    case "version":
      return t("web-producer-version-switched");
    default:
      return undefined;
  }
}

/** A product of the visitor's organisation from the URL, or undefined (then 404). */
function cardFor(req: FastifyRequest, deps: WebDeps, id: string): ProductCard | undefined {
  const productId = idParam(id);
  const found = productId === undefined ? undefined : deps.services.products.card(req.visitor.actor, productId);
  return found?.ok ? found.card : undefined;
}

/** Why a change to the product was refused, in the producer's words, with the way back to its card. */
function refusedPage(
  req: FastifyRequest,
  reply: FastifyReply,
  card: ProductCard,
  reason: ProductRefusal,
  setTitle = "",
): FastifyReply {
  const { t, text } = req.visitor;
  if (reason === "not-found") return notFound(req, reply);
  const said =
    reason === "state"
      ? t("product-locked", { state: text(`state-${card.application.state}`) })
      : reason === "not-allowed"
        ? t("product-delete-not-allowed")
        : reason === "same-set"
          ? t("move-same-set", { set: card.setTitle })
          : reason === "no-sheet"
            ? t("product-set-no-sheet", { set: setTitle })
            : reason === "name-taken"
              ? t("product-name-taken", { product: "" })
              : t("invalid-product-name");
  return sendPage(req, reply, {
    status: 409,
    title: card.product.name,
    body: html`<p class="error msg" role="alert">${said}</p>
<div class="actions">${linkButton(`/products/${card.product.id}`, text("web-producer-open-product"), "primary")}</div>`,
  });
}

/** The page asking a product's new name; `error` when the name typed was refused. */
function renamePage(req: FastifyRequest, reply: FastifyReply, card: ProductCard, error?: Html, typed = "") {
  const { t, text } = req.visitor;
  const id = card.product.id;
  return sendPage(req, reply, {
    status: error ? 422 : 200,
    title: text("btn-product-rename"),
    body: html`${error ? html`<p class="error msg" role="alert">${error}</p>` : ""}
<p class="msg">${t("ask-product-rename", { product: card.product.name })}</p>
${postForm(
  req,
  `/products/${id}/rename`,
  html`<label for="name">${text("web-producer-product-name-label")}</label>
<input id="name" name="name" type="text" value="${typed || card.product.name}" required maxlength="200">
<div class="actions"><button type="submit" class="btn primary">${text("web-producer-rename-save")}</button></div>`,
)}
${linkButton(`/products/${id}`, text("btn-back"))}`,
  });
}

/** The set (and case) of the product's own rubric version that a move names, or why not. */
function moveTarget(deps: WebDeps, card: ProductCard, setNumber: unknown, caseId: unknown) {
  const set = allSets(deps).find((s) => String(s.number) === setNumber);
  const sheet = set && deps.catalog.sheetFor(card.version, set.id);
  const chosenCase = sheet?.cases.find((c) => c.id === caseId);
  return { set, sheet, caseId: chosenCase?.id };
}

/** GET/POST /products/:id/rename, /products/:id/move (…/to), /products/:id/delete; GET/POST /a/:id/version. */
export function productActionsRoutes(app: FastifyInstance, deps: WebDeps, recent: RecentPosts): void {
  const { services } = deps;
  type P = { Params: { productId: string } };

  app.get<P>("/products/:productId/rename", (req, reply) => {
    const card = cardFor(req, deps, req.params.productId);
    if (!card) return notFound(req, reply);
    if (!services.products.actions(req.visitor.actor, card.product.id).edit)
      return refusedPage(req, reply, card, "state");
    return renamePage(req, reply, card);
  });

  app.post<P & { Body: { name?: string } }>("/products/:productId/rename", (req, reply) => {
    const { actor, t } = req.visitor;
    const card = cardFor(req, deps, req.params.productId);
    if (!card) return notFound(req, reply);
    const typed = typeof req.body.name === "string" ? req.body.name : "";
    const renamed = services.products.rename(actor, card.product.id, typed);
    if (renamed.ok) return seeOther(reply, `/products/${card.product.id}?said=renamed`);
    if (renamed.reason === "invalid-name")
      return renamePage(req, reply, card, t("invalid-product-name"), clip(typed, 200));
    if (renamed.reason === "name-taken") {
      const name = normaliseOrganisationName(typed) ?? "";
      return renamePage(req, reply, card, t("product-name-taken", { product: name }), clip(typed, 200));
    }
    return refusedPage(req, reply, card, renamed.reason);
  });

  // Moving: the sets likeliest for the product's name (or what was typed), or by sector → group → set.
  app.get<P & { Querystring: SetQuery }>("/products/:productId/move", (req, reply) => {
    const { t, text } = req.visitor;
    const card = cardFor(req, deps, req.params.productId);
    if (!card) return notFound(req, reply);
    if (!services.products.actions(req.visitor.actor, card.product.id).edit)
      return refusedPage(req, reply, card, "state");
    const base = `/products/${card.product.id}/move`;
    return setPage(
      req,
      reply,
      deps,
      {
        heading: t("ask-set-for-move", { product: card.product.name, set: card.setTitle }),
        name: card.product.name,
        version: card.version,
        choose: (set: ProductSet, label: string) => linkButton(`${base}/to?${query({ set: set.number })}`, label),
        here: (fields) => `${base}?${query(fields)}`,
        back: base,
        search: (typed) => html`<form method="get" action="${base}">
<label for="q">${text("web-producer-set-search-label")}</label>
<input id="q" name="q" type="search" value="${typed ?? ""}" required maxlength="${SEARCH_QUERY_MAX}">
<div class="actions"><button type="submit" class="btn secondary">${text("web-producer-set-search")}</button></div>
</form>
${linkButton(`/products/${card.product.id}`, text("btn-keep-product"))}`,
      },
      req.query,
    );
  });

  // A set chosen: its case when the sheet has cases, then the preview of what the move keeps, to confirm.
  app.get<P & { Querystring: { set?: string; case?: string } }>("/products/:productId/move/to", (req, reply) => {
    const { actor, t, text } = req.visitor;
    const card = cardFor(req, deps, req.params.productId);
    if (!card) return notFound(req, reply);
    const id = card.product.id;
    const { set, sheet, caseId } = moveTarget(deps, card, req.query.set, req.query.case);
    if (!set) return seeOther(reply, `/products/${id}/move`);
    if (sheet?.cases.length && !caseId) {
      return sendPage(req, reply, {
        title: text("web-producer-set-title"),
        body: html`<p>${t("product-set-chosen", { set: set.title })}</p>
<p class="msg">${t("ask-case")}</p>
<nav class="options">${sheet.cases.map((c) => linkButton(`/products/${id}/move/to?${query({ set: set.number, case: c.id })}`, c.title))}</nav>
${linkButton(`/products/${id}/move`, text("btn-back"))}`,
      });
    }
    const preview = services.products.previewSetChange(actor, id, set.id, caseId);
    if (!preview.ok) return refusedPage(req, reply, card, preview.reason, set.title);
    const { change } = preview;
    return sendPage(req, reply, {
      title: text("btn-product-move"),
      body: html`<section class="msg card">${t("move-preview", {
        product: change.product.name,
        from: change.from.productSetTitle,
        to: change.to.productSetTitle,
        kept: change.kept,
        toAsk: change.toAsk,
      })}${change.evidenceDropped ? html`\n${t("move-preview-evidence", { files: change.evidenceDropped })}` : ""}</section>
<div class="actions">
${actionButton(req, `/products/${id}/move`, text("btn-move-confirm"), { set: set.number, ...(caseId ? { case: caseId } : {}) }, "primary")}
${linkButton(`/products/${id}?said=kept`, text("btn-keep-product"))}
</div>`,
    });
  });

  app.post<P & { Body: { set?: string; case?: string } }>("/products/:productId/move", (req, reply) => {
    const card = cardFor(req, deps, req.params.productId);
    if (!card) return notFound(req, reply);
    const { set, caseId } = moveTarget(deps, card, req.body.set, req.body.case);
    if (!set) return notFound(req, reply);
    const moved = services.products.changeSet(req.visitor.actor, card.product.id, set.id, caseId);
    if (!moved.ok) return refusedPage(req, reply, card, moved.reason, set.title);
    return seeOther(reply, `/products/${card.product.id}?said=moved`);
  });

  app.get<P>("/products/:productId/delete", (req, reply) => {
    const { actor, t, text } = req.visitor;
    const card = cardFor(req, deps, req.params.productId);
    if (!card) return notFound(req, reply);
    const { deletion } = services.products.actions(actor, card.product.id);
    if (deletion) return refusedPage(req, reply, card, deletion);
    return sendPage(req, reply, {
      title: text("btn-product-delete"),
      body: html`<p class="msg">${t("delete-product-confirm", { product: card.product.name, answered: card.answered })}</p>
<div class="actions">
${actionButton(req, `/products/${card.product.id}/delete`, text("btn-delete-product-yes"), { [ONCE_FIELD]: onceKey() }, "danger")}
${linkButton(`/products/${card.product.id}?said=kept`, text("btn-keep-product"))}
</div>`,
    });
  });

  // Deleted: the list says so. The same request again (a double tap) leads there too, instead of a 404.
  app.post<P & { Body: { once?: string } }>("/products/:productId/delete", (req, reply) => {
    const { actor } = req.visitor;
    const action = `/products/${req.params.productId}/delete`;
    const repeated = recent.seen(actor, action, req.body);
    if (repeated) return seeOther(reply, repeated);
    const productId = idParam(req.params.productId);
    const deleted = productId === undefined ? undefined : services.products.remove(actor, productId);
    if (!deleted) return notFound(req, reply);
    if (deleted.ok) {
      const to = `/products?${query({ said: "deleted", product: deleted.product.name })}`;
      recent.remember(actor, action, req.body, to);
      return seeOther(reply, to);
    }
    const card = cardFor(req, deps, req.params.productId);
    return card ? refusedPage(req, reply, card, deleted.reason) : notFound(req, reply);
  });

  // The rubric version the self-assessment is scored under, and the move to the other one where offered.
  app.get<{ Params: { id: string } }>("/a/:id/version", (req, reply) => {
    const { actor, t, text } = req.visitor;
    const appId = idParam(req.params.id);
    const found = appId === undefined ? undefined : services.rubricVersions.choice(actor, appId);
    if (!found?.ok) return notFound(req, reply);
    const { assessment: a, choice } = found;
    const from = formatDate(choice.latest.effectiveFrom);
    const lines: Html[] = [
      t("version-current", {
        product: a.product.name,
        title: choice.current.title,
        source: choice.current.legalSource,
      }),
      t("version-explain", { from }),
    ];
    let button: Html | string = "";
    if (!choice.editable) lines.push(t("version-not-editable", { state: text(`state-${a.app.state}`) }));
    else if (choice.switchTo) {
      lines.push(
        t("version-switch-offer", { title: choice.switchTo.version.title, kept: choice.kept, dropped: choice.dropped }),
      );
      const back = choice.switchTo.version.id === choice.latest.id;
      button = actionButton(
        req,
        `/a/${a.app.id}/version`,
        back ? text("btn-version-latest", { from }) : text("btn-version-earlier", { from }),
        { version: choice.switchTo.version.id },
        "primary",
      );
    } else if (choice.earlier) {
      lines.push(
        t("version-not-shipped", {
          title: choice.earlier.title,
          set: a.sheet.productSetTitle,
          sets: choice.earlierSets.join("; "),
          latest: choice.latest.title,
        }),
      );
    }
    return sendPage(req, reply, {
      title: text("web-producer-version-title"),
      body: html`${lines.map((l) => html`<p class="msg">${l}</p>`)}
<div class="actions">${button}${linkButton(`/products/${a.product.id}`, text("web-producer-open-product"))}</div>`,
    });
  });

  app.post<{ Params: { id: string }; Body: { version?: string } }>("/a/:id/version", (req, reply) => {
    const { actor, t, text } = req.visitor;
    const appId = idParam(req.params.id);
    const found = appId === undefined ? undefined : services.rubricVersions.choice(actor, appId);
    if (!found?.ok) return notFound(req, reply);
    const version = deps.catalog.versions.find((v) => v.id === req.body.version)?.id;
    if (!version) return notFound(req, reply);
    const outcome = services.rubricVersions.switchVersion(actor, found.assessment.app.id, version);
    const productPage = `/products/${found.assessment.product.id}`;
    if (outcome.ok) return seeOther(reply, `${productPage}?said=version`);
    if (outcome.reason === "not-found") return notFound(req, reply);
    const said =
      outcome.reason === "already"
        ? t("version-already")
        : outcome.reason === "not-editable"
          ? t("not-editable", { state: text(`state-${outcome.state}`) })
          : t("web-producer-version-no-sheet");
    return sendPage(req, reply, {
      status: 409,
      title: text("web-producer-version-title"),
      body: html`<p class="error msg" role="alert">${said}</p>
<div class="actions">${linkButton(productPage, text("web-producer-open-product"), "primary")}</div>`,
    });
  });
}
