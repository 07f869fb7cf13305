// The producer's products on the web: the list with each product's state and score, a product's
// card, adding a product (its name, then the product set found from what the producer types or by
// sector → group → set, then the case when the sheet has cases), and /continue.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { answeredCount, assessmentScore, isEditable, nextQuestion } from "../../services/assessment.js";
import { hasConsent, normaliseOrganisationName } from "../../services/people.js";
import { missingRegistrationItem } from "../../services/profile.js";
import { clip, SEARCH_QUERY_MAX } from "../../text.js";
import type { WebDeps } from "../context.js";
import { type Html, html } from "../html.js";
import { actionButton, linkButton, postForm, seeOther, sendPage } from "../layout.js";
import { ONCE_FIELD, onceKey, type RecentPosts } from "../once.js";
import { idParam, notFound } from "../pages.js";
import { questionPath } from "./assessment.js";
import { productMenu, saidOnCard } from "./product-actions.js";
import { allSets, query, type SetQuery, setPage } from "./product-sets.js";

/** Where someone goes who may not see the products yet: consent, registration, or home (an officer). */
function notProducer(req: FastifyRequest, reply: FastifyReply, deps: WebDeps): FastifyReply {
  const { user } = req.visitor;
  if (!user || !hasConsent(user)) return seeOther(reply, "/");
  const profile = deps.services.people.profile(user.id);
  return seeOther(reply, profile && missingRegistrationItem(profile) ? "/register" : "/");
}

/** The page asking the product's name; `error` when the name typed was refused. */
function namePage(req: FastifyRequest, reply: FastifyReply, error?: Html, typed = ""): FastifyReply {
  const { t, text } = req.visitor;
  return sendPage(req, reply, {
    status: error ? 422 : 200,
    title: text("web-producer-add-title"),
    body: html`${error ? html`<p class="error msg" role="alert">${error}</p>` : ""}
<section class="msg">${t("ask-product-name")}</section>
${postForm(
  req,
  "/products/new",
  html`<label for="name">${text("web-producer-product-name-label")}</label>
<input id="name" name="name" type="text" value="${typed}" required maxlength="200">
<div class="actions"><button type="submit" class="btn primary">${text("web-producer-next")}</button></div>`,
)}`,
  });
}

/** Choosing the product set of a new product named `name`: each choice adds it (once, however often pressed). */
function newProductSetPage(req: FastifyRequest, reply: FastifyReply, deps: WebDeps, name: string, q: SetQuery) {
  const once = onceKey();
  return setPage(
    req,
    reply,
    deps,
    {
      heading: req.visitor.t("ask-set-for-new", { product: name }),
      name,
      version: deps.catalog.defaultVersion.id,
      choose: (set, label) => actionButton(req, "/products/add", label, { name, set: set.number, [ONCE_FIELD]: once }),
      here: (fields) => `/products/new/set?${query({ name, ...fields })}`,
      back: `/products/new/set?${query({ name, other: 1 })}`,
      search: (typed) =>
        postForm(
          req,
          "/products/new/search",
          html`<input type="hidden" name="name" value="${name}">
<label for="q">${req.visitor.text("web-producer-set-search-label")}</label>
<input id="q" name="q" type="search" value="${typed ?? ""}" required maxlength="${SEARCH_QUERY_MAX}">
<div class="actions"><button type="submit" class="btn secondary">${req.visitor.text("web-producer-set-search")}</button></div>`,
        ),
    },
    q,
  );
}

/** GET /products, /products/:productId, /products/new (and its steps), /continue. */
export function productsRoutes(app: FastifyInstance, deps: WebDeps, recent: RecentPosts): void {
  const { services } = deps;

  app.get<{ Querystring: { said?: string; product?: string } }>("/products", (req, reply) => {
    const { actor, t, text } = req.visitor;
    const listed = services.products.list(actor);
    if (!listed.ok) return notProducer(req, reply, deps);
    const items = listed.products.map(({ product, application, answered, total }) => {
      const opened = services.assessment.open(actor, application.id);
      const points = opened.ok ? assessmentScore(opened.assessment).total : 0;
      return html`<li><a href="/products/${product.id}"><b>${product.name}</b></a><br>
${t("web-producer-product-line", { answered, total, points, state: text(`state-${application.state}`) })}</li>`;
    });
    return sendPage(req, reply, {
      title: text("web-producer-products-title"),
      body: html`${req.query.said === "registered" ? html`<p class="notice msg">${t("registration-done")}</p>` : ""}
${
  req.query.said === "deleted" && req.query.product
    ? html`<p class="notice msg" role="status">${t("product-deleted", { product: clip(String(req.query.product), 200) })}</p>`
    : ""
}
<p>${t("menu-title", { org: listed.organisation.name })}</p>
${items.length ? html`<ul class="list">${items}</ul>` : html`<p>${t("menu-empty")}</p>`}
<div class="actions">${linkButton("/products/new", text("btn-add-product"), "primary")}</div>`,
    });
  });

  app.get("/products/new", (req, reply) => {
    if (!services.products.list(req.visitor.actor).ok) return notProducer(req, reply, deps);
    return namePage(req, reply);
  });

  app.post<{ Body: { name?: string } }>("/products/new", (req, reply) => {
    if (!services.products.list(req.visitor.actor).ok) return notProducer(req, reply, deps);
    const typed = typeof req.body.name === "string" ? req.body.name : "";
    const name = normaliseOrganisationName(typed);
    if (!name) return namePage(req, reply, req.visitor.t("invalid-product-name"), clip(typed, 200));
    return seeOther(reply, `/products/new/set?${query({ name })}`);
  });

  app.post<{ Body: { name?: string; q?: string } }>("/products/new/search", (req, reply) => {
    const name = normaliseOrganisationName(String(req.body.name ?? ""));
    if (!name) return seeOther(reply, "/products/new");
    const q = clip(String(req.body.q ?? "").trim(), SEARCH_QUERY_MAX);
    return seeOther(reply, `/products/new/set?${query({ name, q, other: 1 })}`);
  });

  app.get<{ Querystring: SetQuery }>("/products/new/set", (req, reply) => {
    const { actor, t, text } = req.visitor;
    if (!services.products.list(actor).ok) return notProducer(req, reply, deps);
    const name = normaliseOrganisationName(String(req.query.name ?? ""));
    if (!name) return seeOther(reply, "/products/new");
    // A product of the same name: maybe the same one (the bot asks the same).
    const twin = req.query.other ? undefined : services.products.sameNamed(actor, name);
    if (twin) {
      return sendPage(req, reply, {
        title: text("web-producer-add-title"),
        body: html`<p class="msg">${t("same-name-ask", {
          product: twin.product.name,
          set: twin.setTitle,
          state: text(`state-${twin.application.state}`),
        })}</p>
<div class="options">${linkButton(`/products/${twin.product.id}`, text("btn-same-product"))}
${linkButton(`/products/new/set?${query({ name, other: 1 })}`, text("btn-other-product"))}</div>`,
      });
    }
    return newProductSetPage(req, reply, deps, name, req.query);
  });

  app.get<{ Querystring: { name?: string; set?: string } }>("/products/new/case", (req, reply) => {
    const { t, text } = req.visitor;
    const name = normaliseOrganisationName(String(req.query.name ?? ""));
    const set = allSets(deps).find((s) => String(s.number) === req.query.set);
    const sheet = set && deps.catalog.sheetFor(deps.catalog.defaultVersion.id, set.id);
    if (!name || !set || !sheet?.cases.length) return seeOther(reply, "/products/new");
    const once = onceKey();
    return sendPage(req, reply, {
      title: text("web-producer-set-title"),
      body: html`<p>${t("product-set-chosen", { set: set.title })}</p>
<p class="msg">${t("ask-case")}</p>
<div class="options">${sheet.cases.map((c) => actionButton(req, "/products/add", c.title, { name, set: set.number, case: c.id, [ONCE_FIELD]: once }))}</div>`,
    });
  });

  // The set (and case) chosen: the product is added with its first application, and the first question follows.
  // The same request again (a double tap) leads where the first one did, adding nothing.
  app.post<{ Body: { name?: string; set?: string; case?: string; once?: string } }>("/products/add", (req, reply) => {
    const { actor, t, text } = req.visitor;
    const repeated = recent.seen(actor, "/products/add", req.body);
    if (repeated) return seeOther(reply, repeated);
    const name = normaliseOrganisationName(String(req.body.name ?? ""));
    if (!name) return seeOther(reply, "/products/new");
    const set = allSets(deps).find((s) => String(s.number) === req.body.set);
    if (!set) return seeOther(reply, `/products/new/set?${query({ name, other: 1 })}`);
    const sheet = deps.catalog.sheetFor(deps.catalog.defaultVersion.id, set.id);
    const caseId = sheet?.cases.find((c) => c.id === req.body.case)?.id;
    if (sheet?.cases.length && !caseId)
      return seeOther(reply, `/products/new/case?${query({ name, set: set.number })}`);
    const added = services.products.add(actor, { name, productSet: set.id, caseId });
    if (added.ok) {
      const to = `/a/${added.application.id}`;
      recent.remember(actor, "/products/add", req.body, to);
      return seeOther(reply, to);
    }
    if (added.reason === "no-organisation") return notProducer(req, reply, deps);
    if (added.reason === "invalid-name") return seeOther(reply, "/products/new");
    return sendPage(req, reply, {
      status: 422,
      title: text("web-producer-set-title"),
      body: html`<p class="error msg">${t("product-set-no-sheet", { set: set.title })}</p>
${linkButton(`/products/new/set?${query({ name, other: 1 })}`, text("btn-back"))}`,
    });
  });

  app.get<{ Params: { productId: string }; Querystring: { said?: string } }>("/products/:productId", (req, reply) => {
    const { actor, t, text } = req.visitor;
    const productId = idParam(req.params.productId);
    const found = productId === undefined ? undefined : services.products.card(actor, productId);
    const opened = found?.ok ? services.assessment.open(actor, found.card.application.id) : undefined;
    if (!found?.ok || !opened?.ok) return notFound(req, reply);
    const a = opened.assessment;
    const next = isEditable(a.app) ? nextQuestion(a) : undefined;
    const said = saidOnCard(req, found.card, req.query.said);
    return sendPage(req, reply, {
      title: a.product.name,
      body: html`${said ? html`<p class="notice msg" role="status">${said}</p>` : ""}
<section class="msg card">${t("product-card", {
        name: a.product.name,
        set: a.sheet.productSetTitle,
        version: a.sheet.version.title,
        answered: answeredCount(a),
        total: a.order.length,
        points: assessmentScore(a).total,
        state: text(`state-${a.app.state}`),
      })}</section>
<div class="actions">
${next ? linkButton(questionPath(a, next), text("btn-resume"), "primary") : ""}
${linkButton(`/a/${a.app.id}/review`, text("btn-review"))}
${linkButton(`/a/${a.app.id}/result`, text("btn-result"))}
</div>
${productMenu(req, deps, a.product.id, a.app.id)}
${linkButton("/products", text("web-producer-all-products"))}`,
    });
  });

  // Where the producer stopped: the next question of their organisation's open draft, else their products.
  app.get("/continue", (req, reply) => {
    const { actor } = req.visitor;
    const point = services.assessment.resumePoint(actor);
    if (point) return seeOther(reply, questionPath({ app: { id: point.applicationId } }, point.question));
    const resumed = services.products.resume(actor, undefined);
    if (!resumed.ok) return notProducer(req, reply, deps);
    return seeOther(reply, resumed.applicationId ? `/a/${resumed.applicationId}` : "/products");
  });
}
