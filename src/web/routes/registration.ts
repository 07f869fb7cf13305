// Registration on the web: the same items the bot asks, one screen each, in the order
// missingRegistrationItem gives (name, phone, organisation type, a household's business
// registration, organisation name, commune). Officers and administrators give only name and phone.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasConsent } from "../../services/people.js";
import { missingRegistrationItem, ORGANISATION_TYPES, type RegistrationItem } from "../../services/profile.js";
import { clip, SEARCH_QUERY_MAX } from "../../text.js";
import { unitLabel } from "../../views/admin-units.js";
import type { WebDeps } from "../context.js";
import { type Html, html } from "../html.js";
import { actionButton, postForm, seeOther, sendPage } from "../layout.js";

/** The notices a redirect back to /register may ask for: name → locale key. */
const NOTICES: Record<string, string> = { "household-unregistered": "household-unregistered" };

interface Screen {
  /** What the visitor typed that was refused: shown again in the box. */
  typed?: string;
  error?: Html;
  status?: number;
  /** The commune search typed (GET /register?q=). */
  query?: string;
  notice?: string;
}

/** A text box with its submit button, posting `item`. */
function typedItem(
  req: FastifyRequest,
  item: RegistrationItem,
  label: string,
  input: { type: "text" | "tel"; autocomplete: string; value?: string | undefined },
): Html {
  const { text } = req.visitor;
  return postForm(
    req,
    "/register",
    html`<input type="hidden" name="item" value="${item}">
<label for="value">${label}</label>
<input id="value" name="value" type="${input.type}" autocomplete="${input.autocomplete}" ${input.type === "tel" ? html`inputmode="tel"` : ""} value="${input.value ?? ""}" required maxlength="200">
<div class="actions"><button type="submit" class="btn primary">${text("web-producer-save")}</button></div>`,
  );
}

/** The commune step: the search box and, after a search, the communes found as buttons. */
function communeScreen(req: FastifyRequest, deps: WebDeps, query: string | undefined): Html {
  const { t, text } = req.visitor;
  const search = postForm(
    req,
    "/register",
    html`<input type="hidden" name="item" value="commune-search">
<label for="value">${text("web-producer-commune-label")}</label>
<input id="value" name="value" type="search" value="${query ?? ""}" required maxlength="${SEARCH_QUERY_MAX}">
<div class="actions"><button type="submit" class="btn primary">${text("web-producer-commune-search")}</button></div>`,
  );
  if (query === undefined) return html`<section class="msg">${t("ask-commune")}</section>${search}`;
  const found = deps.adminUnits.search(query, 8);
  const results =
    found.length === 0
      ? html`<p class="notice msg">${t("commune-none", { query })}</p>`
      : html`<p>${t("commune-pick")}</p><div class="options">${found.map((c, i) =>
          actionButton(req, "/register", `${i + 1}. ${unitLabel(text, c)}`, { item: "commune", value: c.code }),
        )}</div>`;
  return html`${results}<section class="msg hint">${t("ask-commune")}</section>${search}`;
}

/** The screen of the item still missing; home when nothing is. */
function registerPage(req: FastifyRequest, reply: FastifyReply, deps: WebDeps, screen: Screen = {}): FastifyReply {
  const { user, t, text } = req.visitor;
  if (!user || !hasConsent(user)) return seeOther(reply, "/");
  const profile = deps.services.people.profile(user.id);
  const missing = profile && missingRegistrationItem(profile);
  if (!missing) return seeOther(reply, "/");
  let body: Html;
  switch (missing) {
    case "name":
      body = html`<section class="msg">${t("ask-name")}</section>${typedItem(req, "name", text("web-producer-name-label"), { type: "text", autocomplete: "name", value: screen.typed })}`;
      break;
    case "phone":
      body = html`<section class="msg">${t("web-producer-ask-phone")}</section>${typedItem(req, "phone", text("web-producer-phone-label"), { type: "tel", autocomplete: "tel", value: screen.typed })}`;
      break;
    case "org-type":
      body = html`<section class="msg">${t("ask-org-type")}</section><div class="options">${ORGANISATION_TYPES.map(
        (type) => actionButton(req, "/register", text(`org-type-${type}`), { item: "org-type", value: type }),
      )}</div>`;
      break;
    case "business-registration":
      body = html`<section class="msg">${t("ask-business-registration")}</section><div class="options">
${actionButton(req, "/register", text("btn-registered-yes"), { item: "business-registration", value: "yes" })}
${actionButton(req, "/register", text("btn-registered-no"), { item: "business-registration", value: "no" })}</div>`;
      break;
    case "org-name":
      body = html`<section class="msg">${t("ask-org-name")}</section>${typedItem(req, "org-name", text("web-producer-org-name-label"), { type: "text", autocomplete: "organization", value: screen.typed })}`;
      break;
    case "commune":
      body = communeScreen(req, deps, screen.query);
      break;
  }
  const notice = screen.notice && NOTICES[screen.notice];
  return sendPage(req, reply, {
    status: screen.status ?? 200,
    title: text("web-producer-register-title"),
    body: html`${notice ? html`<section class="notice msg">${t(notice)}</section>` : ""}
${screen.error ? html`<p class="error msg" role="alert">${screen.error}</p>` : ""}
${body}`,
  });
}

/** GET and POST /register. */
export function registrationRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get<{ Querystring: { q?: string; said?: string } }>("/register", (req, reply) => {
    const q = typeof req.query.q === "string" ? clip(req.query.q.trim(), SEARCH_QUERY_MAX) : undefined;
    return registerPage(req, reply, deps, {
      ...(q ? { query: q } : {}),
      ...(typeof req.query.said === "string" ? { notice: req.query.said } : {}),
    });
  });

  app.post<{ Body: { item?: string; value?: string } }>("/register", (req, reply) => {
    const { user, t } = req.visitor;
    if (!user || !hasConsent(user)) return seeOther(reply, "/");
    const { people } = deps.services;
    const profile = people.profile(user.id);
    const missing = profile && missingRegistrationItem(profile);
    const item = req.body.item;
    const value = typeof req.body.value === "string" ? req.body.value : "";
    // A form of a step already done (another tab, the back button): the current step instead.
    const current = item === missing || (item === "commune-search" && missing === "commune");
    if (!missing || !current) return seeOther(reply, "/register");
    const again = (key: string, args: Record<string, string> = {}, status = 422) =>
      registerPage(req, reply, deps, { error: t(key, args), status, typed: clip(value, 200) });
    switch (item) {
      case "name": {
        const saved = people.setName(user.id, value);
        return saved.ok ? seeOther(reply, "/register") : again("invalid-name");
      }
      case "phone": {
        const saved = people.setPhone(user.id, value);
        return saved.ok ? seeOther(reply, "/register") : again("invalid-phone");
      }
      case "org-type": {
        const saved = people.setOrganisationType(user.id, value);
        return saved.ok ? seeOther(reply, "/register") : again("web-producer-pick-one", {}, 400);
      }
      case "business-registration": {
        if (value !== "yes" && value !== "no") return again("web-producer-pick-one", {}, 400);
        const saved = people.setBusinessRegistration(user.id, value === "yes");
        if (!saved.ok) return again("web-producer-pick-one", {}, 400);
        return seeOther(reply, value === "no" ? "/register?said=household-unregistered" : "/register");
      }
      case "org-name": {
        const saved = people.setOrganisationName(user.id, value);
        return saved.ok ? seeOther(reply, "/register") : again("invalid-org-name");
      }
      case "commune-search": {
        const query = clip(value.trim(), SEARCH_QUERY_MAX);
        return seeOther(reply, query ? `/register?q=${encodeURIComponent(query)}` : "/register");
      }
      default: {
        // "commune": a code from the list of results.
        const commune = deps.adminUnits.commune(value);
        if (!commune || commune.removed) return again("web-producer-commune-unknown", {}, 400);
        const saved = people.setCommune(user.id, commune.code);
        if (!saved.ok) return seeOther(reply, "/register");
        return seeOther(reply, "/products?said=registered");
      }
    }
  });
}
