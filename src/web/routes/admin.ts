// The provincial administrator's screen on the web: the officers and the invitation links still
// open, a commune search to invite an officer (one link for one or more communes), revoking an
// officer. The same use cases as the bot's /quantri; administrators only (the services check).
import type { FastifyInstance } from "fastify";
import { formatDate, formatTime } from "../../dates.js";
import { clip, SEARCH_QUERY_MAX } from "../../text.js";
import { unitLabel, unitLabelOf } from "../../views/admin-units.js";
import type { WebDeps } from "../context.js";
import { html } from "../html.js";
import { actionButton, linkButton, postForm, seeOther, sendPage } from "../layout.js";
import { idParam, notFound } from "../pages.js";

/** Communes offered for one search. */
const SEARCH_RESULTS = 8;
/** Most communes one invitation may name. */
const MAX_COMMUNES = 20;

export function adminRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { services } = deps;
  const webLink = (code: string) => `${deps.publicUrl}/officer-invite/${code}`;

  app.get<{ Querystring: { q?: string; invite?: string; revoked?: string } }>("/admin", (req, reply) => {
    const { actor, t, text } = req.visitor;
    const found = services.membership.officers(actor);
    const open = services.membership.officerInvites(actor);
    if (!found.ok || !open.ok) return notFound(req, reply);
    const labels = (codes: string | null) =>
      (codes ?? "")
        .split(",")
        .filter(Boolean)
        .map((c) => unitLabelOf(text, deps.adminUnits, c))
        .join(", ");

    // The invitation just made, with the link to send.
    const fresh = open.invites.find((i) => i.code === req.query.invite);
    const freshHtml = fresh
      ? html`<section class="notice"><h2>${text("web-officer-admin-new")}</h2><p class="msg">${t("admin-officer-link", {
          commune: labels(fresh.communeCodes),
          link: webLink(fresh.code),
          day: formatDate(fresh.expiresAt),
          time: formatTime(fresh.expiresAt),
        })}</p></section>`
      : "";

    // The commune search and the communes to tick.
    const query = clip(String(req.query.q ?? "").trim(), SEARCH_QUERY_MAX);
    const results = query ? deps.adminUnits.search(query, SEARCH_RESULTS) : [];
    const searchForm = html`<form method="get" action="/admin">
<label for="q" class="msg">${t("admin-ask-commune")}</label>
<input id="q" name="q" type="search" value="${query}" required>
<div class="actions"><button type="submit" class="btn secondary">${text("web-officer-admin-search")}</button></div>
</form>`;
    const picks = query
      ? results.length
        ? postForm(
            req,
            "/admin/invite",
            html`<p class="msg">${text("web-officer-admin-pick")}</p>
<ul class="list">${results.map(
              (c) =>
                html`<li><label><input type="checkbox" name="commune" value="${c.code}"> ${unitLabel(text, c)}</label></li>`,
            )}</ul>
<div class="actions"><button type="submit" class="btn primary">${text("web-officer-admin-create")}</button></div>`,
          )
        : html`<p class="notice msg">${t("commune-none", { query })}</p>`
      : "";

    // The officers, each once with their communes, and the button that revokes them.
    const people = new Map<number, { name: string; communes: string[]; unreachableSince: Date | null }>();
    for (const o of found.officers) {
      const entry = people.get(o.userId) ?? {
        name: o.fullName ?? String(o.userId),
        communes: [],
        unreachableSince: o.unreachableSince,
      };
      entry.communes.push(unitLabelOf(text, deps.adminUnits, o.communeCode));
      people.set(o.userId, entry);
    }
    const officers = [...people].map(
      ([userId, o]) => html`<li><b>${o.name}</b> – ${o.communes.join(", ")}${
        o.unreachableSince
          ? html`<br><span class="hint">${text("web-officer-admin-unreachable", { since: formatDate(o.unreachableSince) })}</span>`
          : ""
      }
${actionButton(req, `/admin/officers/${userId}/revoke`, text("btn-admin-revoke", { name: o.name }), {}, "danger")}</li>`,
    );
    const invites = open.invites.map(
      (i) =>
        html`<li>${text("web-officer-admin-invite-line", {
          communes: labels(i.communeCodes),
          day: formatDate(i.expiresAt),
          time: formatTime(i.expiresAt),
        })}<br><code>${webLink(i.code)}</code></li>`,
    );

    return sendPage(req, reply, {
      title: text("web-officer-admin-title"),
      body: html`${req.query.revoked ? html`<p class="notice">${text("admin-revoked")}</p>` : ""}
${freshHtml}
<h2>${text("btn-admin-invite-officer")}</h2>
${searchForm}
${picks}
<h2>${text("web-officer-admin-officers")}</h2>
${officers.length ? html`<ul class="list">${officers}</ul>` : html`<p class="hint">${t("admin-no-officers")}</p>`}
${invites.length ? html`<h2>${text("web-officer-admin-invites")}</h2><ul class="list">${invites}</ul>` : ""}
<div class="actions">${linkButton("/officer", text("web-home-officer"))}</div>`,
    });
  });

  app.post<{ Body: { commune?: string | string[] } }>("/admin/invite", (req, reply) => {
    const raw = req.body?.commune;
    const codes = (Array.isArray(raw) ? raw : raw ? [raw] : []).map(String).slice(0, MAX_COMMUNES);
    // Checked first: a non-administrator learns nothing, not even that the form was empty.
    if (!services.membership.officers(req.visitor.actor).ok) return notFound(req, reply);
    if (codes.length === 0)
      return sendPage(req, reply, {
        status: 422,
        title: req.visitor.text("web-officer-admin-title"),
        body: html`<p class="error">${req.visitor.text("web-officer-admin-pick-none")}</p>${linkButton("/admin", req.visitor.text("web-officer-admin-title"))}`,
      });
    const created = services.membership.inviteOfficer(req.visitor.actor, codes);
    if (!created.ok) return notFound(req, reply);
    return seeOther(reply, `/admin?invite=${encodeURIComponent(created.invite.code)}`);
  });

  app.post<{ Params: { id: string } }>("/admin/officers/:id/revoke", (req, reply) => {
    const id = idParam(req.params.id);
    const revoked = id === undefined ? undefined : services.membership.revokeOfficer(req.visitor.actor, id);
    if (!revoked?.ok) return notFound(req, reply);
    return seeOther(reply, "/admin?revoked=1");
  });
}
