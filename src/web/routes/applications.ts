// Filing on the web: the readiness checklist with a link to fix each missing item, the submit
// button (after the evidence Mẫu 02 will list as missing, if any), and where each of the
// organisation's applications stands (state, scores, official result, next step, timeline),
// with withdrawing where the life cycle allows. Members see all of it, as on Telegram.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MissingItem, Readiness } from "../../domain/readiness.js";
import type { ActRefusal } from "../../services/applications.js";
import { type Assessment, clearanceKey } from "../../services/assessment.js";
import { statusSummaryLines } from "../../views/status.js";
import type { WebDeps } from "../context.js";
import { type Html, html, raw } from "../html.js";
import { actionButton, linkButton, seeOther, sendPage } from "../layout.js";
import { idParam, messagePage, notFound, timelineHtml } from "../pages.js";

/** What a filing or withdrawal may say on the status page after it (`?done=`). */
const DONE = [
  "submitted",
  "submitted-no-officer",
  "submitted-officer-unreachable",
  "submitted-nobody",
  "withdrawn",
] as const;

/** The link that opens a missing item, and its label. */
function itemLink(req: FastifyRequest, a: Assessment, item: MissingItem): [string, string] {
  const { text } = req.visitor;
  const app = a.app.id;
  const back = encodeURIComponent(`/a/${app}/submit`);
  // A full-width button has room for the criterion's name: "A1.1" alone says nothing to a farmer.
  const title = (id: string) => a.criteria.find((c) => c.id === id)?.title ?? "";
  switch (item.kind) {
    case "clearance":
    case "failed-clearance": {
      const n = a.sheet.disqualification.findIndex((d) => d.id === item.id) + 1;
      if (n === 0)
        return [
          `/a/${app}/q/${encodeURIComponent(item.id)}`,
          text("web-dossier-fix-criterion", { id: item.id, title: title(item.id) }),
        ];
      return [`/a/${app}/q/${encodeURIComponent(clearanceKey(item.id))}`, text(`btn-fix-${item.kind}`, { n })];
    }
    case "criterion":
      return [
        `/a/${app}/q/${encodeURIComponent(item.id)}`,
        text("web-dossier-fix-criterion", { id: item.id, title: title(item.id) }),
      ];
    case "evidence":
      return [
        `/a/${app}/evidence/${encodeURIComponent(item.id)}?back=${back}`,
        text("web-dossier-fix-evidence", { id: item.id, title: title(item.id) }),
      ];
    case "score":
      return [`/a/${app}/result`, text("btn-fix-score")];
    case "registration":
      return [`/a/${app}/registered`, text("web-dossier-fix-registration")];
  }
}

/** Why the application cannot be filed yet, line by line (the bot's list, in the web's words). */
function missingLines(req: FastifyRequest, a: Assessment, r: Readiness): Html[] {
  const { t, text } = req.visitor;
  const lines: Html[] = [];
  if (r.pendingClearances.length) lines.push(t("missing-clearances", { count: r.pendingClearances.length }));
  if (r.failedClearances.length) lines.push(t("missing-failed-clearances", { count: r.failedClearances.length }));
  if (r.unanswered.length)
    lines.push(t("missing-unanswered", { count: r.unanswered.length, list: r.unanswered.join(", ") }));
  if (r.missingEvidence.length)
    lines.push(t("missing-evidence", { count: r.missingEvidence.length, list: r.missingEvidence.join(", ") }));
  if (r.markersBelowThree.length) {
    const markers = r.markersBelowThree
      .map((m) => text("missing-marker", { criterion: m.criterion, marker: m.marker }))
      .join(", ");
    lines.push(t("web-dossier-missing-below-three-markers", { total: r.total, stars: r.stars, markers }));
  } else if (r.belowThree) lines.push(t("web-dossier-missing-below-three", { total: r.total, stars: r.stars }));
  if (r.unregistered) {
    const { id, legalSource } = a.sheet.version;
    lines.push(t("missing-household-registration", { version: id, decision: legalSource.split(",")[0]! }));
  }
  return lines;
}

export function applicationsRoutes(app: FastifyInstance, deps: WebDeps): void {
  /** A refused action in the visitor's words, with the way back to the application. */
  const refusal = (req: FastifyRequest, reply: FastifyReply, appId: number, result: ActRefusal) => {
    if (result.reason !== "already" && result.reason !== "state") return notFound(req, reply);
    const state = req.visitor.text(`state-${result.state ?? "draft"}`);
    return messagePage(req, reply, {
      status: 409,
      title: req.visitor.text("web-dossier-status-title"),
      message: req.visitor.t(result.reason === "already" ? "action-already" : "action-wrong-state", { state }),
      back: `/a/${appId}/status`,
    });
  };

  // The organisation's applications, newest first.
  app.get("/status", (req, reply) => {
    const { actor, t, text } = req.visitor;
    if (actor === undefined) return seeOther(reply, "/");
    const rows = deps.services.applications.list(actor);
    return sendPage(req, reply, {
      title: text("web-dossier-status-list-title"),
      body: rows.length
        ? html`<ul class="list">${rows.map(
            (r) =>
              html`<li><a href="/a/${r.application.id}/status"><b>${r.product.name}</b></a><br><span class="hint">${text(`state-${r.application.state}`)}</span></li>`,
          )}</ul>`
        : html`<p class="msg">${t("web-dossier-status-none")}</p>${linkButton("/products", text("web-home-products"))}`,
    });
  });

  // One application: state, score, official result, next step, timeline, and what can be done.
  app.get<{ Params: { id: string }; Querystring: { done?: string } }>("/a/:id/status", (req, reply) => {
    const appId = idParam(req.params.id);
    const status = appId === undefined ? undefined : deps.services.applications.status(req.visitor.actor, appId);
    if (!status?.ok) return notFound(req, reply);
    const { t, text } = req.visitor;
    const { app: application } = status.assessment;
    const done = DONE.find((d) => d === req.query.done);
    const id = application.id;
    const lines: Html[] = statusSummaryLines((key, args) => t(key, args).value, status).map(raw);
    const nextKey = `web-dossier-next-${application.state}`;
    lines.push(t(nextKey));
    const doneText =
      done === "withdrawn"
        ? t("withdrawn")
        : done === "submitted"
          ? t("submitted")
          : done
            ? html`${t("submitted")}<br>${t(done)}`
            : "";
    return sendPage(req, reply, {
      title: text("web-dossier-status-title"),
      body: html`${doneText ? html`<p class="notice msg">${doneText}</p>` : ""}
<section class="card">${lines.map((l) => html`<p class="msg">${l}</p>`)}</section>
${timelineHtml(req, status.timeline)}
<nav class="menu">
${status.canSubmit ? linkButton(`/a/${id}/submit`, text("btn-submit"), "primary") : ""}
${linkButton(`/a/${id}/result`, text("btn-result"))}
${linkButton(`/a/${id}/review`, text("btn-review"))}
${linkButton(`/a/${id}/evidence`, text("web-dossier-to-evidence"))}
${linkButton(`/a/${id}/dossier`, text("web-dossier-to-dossier"))}
<a class="btn secondary" href="/a/${id}/forms/mau-01" hx-boost="false">${text("web-dossier-form-mau-01")}</a>
<a class="btn secondary" href="/a/${id}/forms/mau-02" hx-boost="false">${text("web-dossier-form-mau-02")}</a>
${status.canWithdraw ? actionButton(req, `/a/${id}/withdraw`, text("btn-withdraw"), {}, "danger") : ""}
${linkButton("/status", text("web-dossier-status-list-title"))}
</nav>`,
    });
  });

  // The readiness checklist: what is missing with a link to each item, or the submit button.
  app.get<{ Params: { id: string } }>("/a/:id/submit", (req, reply) => {
    const appId = idParam(req.params.id);
    const status = appId === undefined ? undefined : deps.services.applications.status(req.visitor.actor, appId);
    if (!status?.ok) return notFound(req, reply);
    const { t, text } = req.visitor;
    const a = status.assessment;
    const r = status.readiness;
    const id = a.app.id;
    if (!status.canSubmit)
      return messagePage(req, reply, {
        title: text("web-dossier-submit-title"),
        message: t("web-dossier-not-submittable", { state: text(`state-${a.app.state}`) }),
        back: `/a/${id}/status`,
      });
    if (!r.ready) {
      const links = r.items.map((item) => itemLink(req, a, item));
      return sendPage(req, reply, {
        title: text("web-dossier-submit-title"),
        body: html`<section class="card">
<p class="msg">${t("not-ready")}</p>
${missingLines(req, a, r).map((l) => html`<p class="msg">${l}</p>`)}
</section>
<p class="hint">${text("web-dossier-fix-how")}</p>
<nav class="menu">${links.map(([href, label], i) =>
          // The household's registration is said here, with one press (as the bot's button).
          r.items[i]!.kind === "registration" ? actionButton(req, href, label, {}, "primary") : linkButton(href, label),
        )}</nav>`,
      });
    }
    const warnings = r.evidenceKindsMissing;
    const attach = [...new Set(warnings.flatMap((m) => m.criteria))];
    return sendPage(req, reply, {
      title: text("web-dossier-submit-title"),
      body: html`<section class="card">
<p class="msg">${t("ready-title")}</p>
${
  warnings.length
    ? html`<p class="msg">${t("ready-warnings-head")}</p>
${warnings.map((m) => html`<p class="msg">${t("ready-warning-line", { kind: text(`evidence-${m.kind}`), criteria: m.criteria.join(", ") })}</p>`)}
<p class="msg">${t("web-dossier-ready-warnings-note")}</p>`
    : ""
}
</section>
${actionButton(req, `/a/${id}/submit`, text("btn-submit"), warnings.length ? { confirmed: 1 } : {}, "primary")}
${
  attach.length
    ? html`<nav class="menu">${attach.map((c) => {
        const [href, label] = itemLink(req, a, { kind: "evidence", id: c });
        return linkButton(href, label);
      })}</nav>`
    : ""
}`,
    });
  });

  // Filing: done, or back to the checklist (which says what is missing).
  app.post<{ Params: { id: string }; Body: { confirmed?: string } }>("/a/:id/submit", (req, reply) => {
    const appId = idParam(req.params.id);
    if (appId === undefined) return notFound(req, reply);
    const result = deps.services.applications.submit(req.visitor.actor, appId, req.body.confirmed === "1");
    if (result.ok) {
      const done = result.routing === "officers" ? "submitted" : `submitted-${result.routing}`;
      return seeOther(reply, `/a/${appId}/status?done=${done}`);
    }
    if (result.reason === "not-ready" || result.reason === "unconfirmed") return seeOther(reply, `/a/${appId}/submit`);
    return refusal(req, reply, appId, result);
  });

  // A household says it has its business registration now (Decision 26/2026, Art. 2 khoản 3).
  app.post<{ Params: { id: string } }>("/a/:id/registered", (req, reply) => {
    const appId = idParam(req.params.id);
    const status = appId === undefined ? undefined : deps.services.applications.status(req.visitor.actor, appId);
    if (!status?.ok) return notFound(req, reply);
    const said = deps.services.people.setBusinessRegistration(req.visitor.actor, true);
    if (!said.ok) return notFound(req, reply);
    return seeOther(reply, `/a/${status.assessment.app.id}/submit`);
  });

  // Withdrawing, before the commune receives it.
  app.post<{ Params: { id: string } }>("/a/:id/withdraw", (req, reply) => {
    const appId = idParam(req.params.id);
    if (appId === undefined) return notFound(req, reply);
    const result = deps.services.applications.withdraw(req.visitor.actor, appId);
    if (!result.ok) return refusal(req, reply, appId, result);
    return seeOther(reply, `/a/${appId}/status?done=withdrawn`);
  });
}
