// The self-assessment on the web: one question per screen (the disqualification items, then each
// criterion), every answer saved by services.assessment.answer before the next screen; Back, save
// and exit, the review of every answer with a link to change it, and the result with the
// improvement plans. A frozen (filed) application's questions are shown read-only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { availableActions } from "../../domain/lifecycle.js";
import { optionsFor } from "../../domain/rubric.js";
import {
  type Assessment,
  answeredCount,
  assessmentScore,
  clearanceItem,
  clearanceKey,
  isClearanceKey,
  isEditable,
  nextQuestion,
  presumesBusinessRegistration,
  previousQuestion,
  type QuestionKey,
} from "../../services/assessment.js";
import { lacksBusinessRegistration } from "../../services/people.js";
import { optionLine } from "../../views/options.js";
import { scoreReport } from "../../views/rubric-text.js";
import { statusSummaryLines } from "../../views/status.js";
import type { WebDeps } from "../context.js";
import { type Html, html, raw } from "../html.js";
import { linkButton, postForm, seeOther, sendPage } from "../layout.js";
import { idParam, notFound } from "../pages.js";
import { afterResultSection } from "./after-result-view.js";

/** The application the visitor may work on, or undefined (then the caller answers 404). */
function openFor(req: FastifyRequest, deps: WebDeps, id: string): Assessment | undefined {
  const appId = idParam(id);
  const opened = appId === undefined ? undefined : deps.services.assessment.open(req.visitor.actor, appId);
  return opened?.ok ? opened.assessment : undefined;
}

/** A question's address: /a/1/q/dq:forged, /a/1/q/A1.1 (the colon needs no escaping in a path). */
export const questionPath = (a: { app: { id: number } }, key: QuestionKey, fromReview = false) =>
  `/a/${a.app.id}/q/${encodeURIComponent(key).replace(/%3A/g, ":")}${fromReview ? "?from=review" : ""}`;

function partTitle(a: Assessment, partId: string): string {
  return a.sheet.version.parts.find((p) => p.id === partId)?.title ?? partId;
}

/** Why a filed (or rated, withdrawn) application cannot be changed, with where to see its state. */
function frozenNotice(req: FastifyRequest, a: Assessment): Html {
  return html`<p class="notice msg">${req.visitor.t("web-producer-frozen", { product: a.product.name, state: a.app.state })}</p>`;
}

/** One answer's button: a form posting the question's key and the value, marked when it is the one chosen. */
function answerButton(
  req: FastifyRequest,
  a: Assessment,
  key: QuestionKey,
  value: string,
  label: Html | string,
  chosen: boolean,
  fromReview: boolean,
): Html {
  return postForm(
    req,
    `/a/${a.app.id}/answer`,
    html`<input type="hidden" name="key" value="${key}"><input type="hidden" name="value" value="${value}">${
      fromReview ? html`<input type="hidden" name="from" value="review">` : ""
    }<button type="submit" class="btn ${chosen ? "chosen" : "secondary"}"${chosen ? html` aria-pressed="true"` : ""}>${label}</button>`,
  );
}

interface QuestionOptions {
  fromReview?: boolean;
  /** A refusal to explain above the question. */
  error?: Html;
  status?: number;
}

/** The question's screen: progress, the question, its options as buttons (or read-only once filed), Back and save and exit. */
function questionPage(
  req: FastifyRequest,
  reply: FastifyReply,
  a: Assessment,
  key: QuestionKey,
  options: QuestionOptions = {},
): FastifyReply {
  const { t, text } = req.visitor;
  const fromReview = !!options.fromReview;
  const editable = isEditable(a.app);
  const parts: Html[] = [];
  const n = a.order.indexOf(key) + 1;
  parts.push(html`<progress max="${a.order.length}" value="${answeredCount(a)}"></progress>`);
  if (editable && answeredCount(a) === 0 && n === 1) {
    parts.push(
      html`<section class="notice msg">${t("web-producer-intro", {
        product: a.product.name,
        set: a.sheet.productSetTitle,
        count: a.criteria.length,
        clearances: a.sheet.disqualification.length,
      })}</section>`,
    );
  }
  if (!editable) parts.push(frozenNotice(req, a));
  if (options.error) parts.push(html`<p class="error msg" role="alert">${options.error}</p>`);
  let evidenceLink: Html | undefined;
  if (isClearanceKey(key)) {
    const items = a.sheet.disqualification;
    const index = items.findIndex((d) => d.id === clearanceItem(key));
    const item = items[index]!;
    const current = a.clearances[item.id];
    parts.push(html`<p>${t("q-clearance-progress", { n: index + 1, total: items.length })}</p>
<p><b>${item.requirement}</b></p>
<p class="hint"><i>${item.help}</i></p>
<p>${t("q-clearance-ask")}</p>`);
    const answers: [string, string, boolean][] = [
      ["yes", "btn-clearance-yes", current === true],
      ["no", "btn-clearance-no", current === false],
    ];
    parts.push(
      editable
        ? html`<div class="options">${answers.map(([value, label, chosen]) => answerButton(req, a, key, value, text(label), chosen, fromReview))}</div>`
        : html`<p><b>${current === undefined ? text("web-producer-unanswered") : text(current ? "btn-clearance-yes" : "btn-clearance-no")}</b></p>`,
    );
  } else {
    const criterion = a.criteria.find((c) => c.id === key)!;
    const choices = optionsFor(criterion, a.caseId);
    parts.push(html`<p>${t("q-progress", {
      n: a.criteria.indexOf(criterion) + 1,
      total: a.criteria.length,
      part: criterion.part,
      partTitle: partTitle(a, criterion.part),
    })}</p>
<p><b>${criterion.id}. ${criterion.title}</b></p>
<p class="hint msg"><i>${criterion.help}</i></p>
${criterion.note ? html`<p class="msg">${t("q-note", { note: criterion.note })}</p>` : ""}
${
  presumesBusinessRegistration(criterion, a.caseId) && lacksBusinessRegistration(a.organisation)
    ? html`<p class="notice msg">${t("q-household-unregistered")}</p>`
    : ""
}
${
  criterion.evidence.length
    ? html`<p>${t("q-evidence", { kinds: criterion.evidence.map((k) => text(`evidence-${k}`)).join("; ") })}</p>`
    : ""
}`);
    const lines = choices.map((o, i) => ({
      o,
      label: raw(optionLine((k, args) => t(k, args).value, o, i, a.answers[key] === o.id)),
    }));
    parts.push(
      editable
        ? html`<div class="options">${lines.map(({ o, label }) => answerButton(req, a, key, o.id, label, a.answers[key] === o.id, fromReview))}</div>`
        : html`<ul class="list">${lines.map(({ label }) => html`<li>${label}</li>`)}</ul>`,
    );
    if (choices.some((o) => o.marker)) parts.push(html`<p class="hint">${t("q-marker-legend")}</p>`);
    if (criterion.evidence.length)
      evidenceLink = linkButton(
        `/a/${a.app.id}/evidence/${encodeURIComponent(criterion.id)}`,
        text("web-producer-attach"),
      );
  }
  const previous = previousQuestion(a, key);
  const back = fromReview
    ? linkButton(`/a/${a.app.id}/review`, text("btn-back"))
    : previous
      ? linkButton(questionPath(a, previous), text("btn-back"))
      : "";
  parts.push(html`<div class="actions">${evidenceLink ?? ""}
<div class="row">${back}${linkButton(`/a/${a.app.id}/saved`, text("btn-save-exit"))}</div></div>`);
  return sendPage(req, reply, {
    status: options.status ?? 200,
    title: a.product.name,
    body: html`${parts}`,
  });
}

/** The review: every answer, part by part, each with a link to change it while the application is editable. */
function reviewPage(req: FastifyRequest, reply: FastifyReply, a: Assessment): FastifyReply {
  const { t, text } = req.visitor;
  const r = assessmentScore(a);
  const editable = isEditable(a.app);
  const change = (key: QuestionKey, id: string) =>
    editable ? html` <a href="${questionPath(a, key, true)}">${text("web-producer-change", { id })}</a>` : "";
  const clearances = a.sheet.disqualification.map((d, i) => {
    const holds = a.clearances[d.id];
    const answer =
      holds === undefined ? text("web-producer-unanswered") : text(holds ? "btn-clearance-yes" : "btn-clearance-no");
    return html`<li>${i + 1}. ${d.requirement}: <b>${answer}</b>${change(clearanceKey(d.id), String(i + 1))}</li>`;
  });
  const parts = a.sheet.version.parts.map((part) => {
    const lines = a.criteria
      .filter((c) => c.part === part.id)
      .map((c) => {
        const option = c.options.find((o) => o.id === a.answers[c.id]);
        const line = option
          ? t("review-line", { id: c.id, title: c.title, label: option.label, points: option.points, max: c.maxPoints })
          : t("review-line-unanswered", { id: c.id, title: c.title, max: c.maxPoints });
        return html`<li>${line}${change(c.id, c.id)}</li>`;
      });
    return html`<h2>${t("review-part", { part: part.id, title: part.title, points: r.parts[part.id]!.points, max: part.maxPoints })}</h2>
<ul class="list">${lines}</ul>`;
  });
  return sendPage(req, reply, {
    title: text("web-producer-review-title", { product: a.product.name }),
    body: html`${editable ? "" : frozenNotice(req, a)}
<h2>${text("web-producer-review-clearances")}</h2>
<ul class="list">${clearances}</ul>
${parts}
<p>${t("review-total", { points: r.total, max: r.max })}</p>
<div class="actions">${linkButton(`/a/${a.app.id}/result`, text("btn-result"), "primary")}</div>`,
  });
}

/** GET /a/:id, /a/:id/q/:key, /a/:id/saved, /a/:id/review, /a/:id/result; POST /a/:id/answer. */
export function assessmentRoutes(app: FastifyInstance, deps: WebDeps): void {
  // A product's self-assessment: its next question, or its result once everything is answered (or it is filed).
  app.get<{ Params: { id: string } }>("/a/:id", (req, reply) => {
    const a = openFor(req, deps, req.params.id);
    if (!a) return notFound(req, reply);
    const next = isEditable(a.app) ? nextQuestion(a) : undefined;
    return seeOther(reply, next ? questionPath(a, next) : `/a/${a.app.id}/result`);
  });

  app.get<{ Params: { id: string; key: string }; Querystring: { from?: string } }>("/a/:id/q/:key", (req, reply) => {
    const a = openFor(req, deps, req.params.id);
    if (!a?.order.includes(req.params.key)) return notFound(req, reply);
    return questionPage(req, reply, a, req.params.key, { fromReview: req.query.from === "review" });
  });

  app.post<{ Params: { id: string }; Body: { key?: string; value?: string; from?: string } }>(
    "/a/:id/answer",
    (req, reply) => {
      const { actor, t, text } = req.visitor;
      const a = openFor(req, deps, req.params.id);
      const key = typeof req.body.key === "string" ? req.body.key : "";
      if (!a?.order.includes(key)) return notFound(req, reply);
      const fromReview = req.body.from === "review";
      const raw = typeof req.body.value === "string" ? req.body.value : "";
      // A requirement is answered yes or no; anything else goes to the service as is, which refuses it.
      const value = isClearanceKey(key) && (raw === "yes" || raw === "no") ? raw === "yes" : raw;
      const outcome = deps.services.assessment.answer(actor, a.app.id, key, value);
      if (!outcome.ok) {
        if (outcome.reason === "not-found" || outcome.reason === "unknown-question") return notFound(req, reply);
        const error =
          outcome.reason === "not-editable"
            ? t("not-editable", { state: text(`state-${outcome.state}`) })
            : t("web-producer-unknown-option");
        const status = outcome.reason === "not-editable" ? 409 : 422;
        const fresh = openFor(req, deps, req.params.id) ?? a;
        return questionPage(req, reply, fresh, key, { fromReview, error, status });
      }
      if (fromReview) return seeOther(reply, `/a/${a.app.id}/review`);
      const next = outcome.next;
      return seeOther(reply, next ? questionPath(a, next) : `/a/${a.app.id}/result?done=1`);
    },
  );

  app.get<{ Params: { id: string } }>("/a/:id/saved", (req, reply) => {
    const { t, text } = req.visitor;
    const a = openFor(req, deps, req.params.id);
    if (!a) return notFound(req, reply);
    return sendPage(req, reply, {
      title: a.product.name,
      body: html`<p class="msg">${t("web-producer-saved-exit", { answered: answeredCount(a), total: a.order.length })}</p>
<div class="actions">${linkButton("/", text("web-nav-home"), "primary")}${linkButton(`/products/${a.product.id}`, text("web-producer-open-product"))}</div>`,
    });
  });

  app.get<{ Params: { id: string } }>("/a/:id/review", (req, reply) => {
    const a = openFor(req, deps, req.params.id);
    return a ? reviewPage(req, reply, a) : notFound(req, reply);
  });

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>("/a/:id/result", (req, reply) => {
    const { actor, t, text } = req.visitor;
    const appId = idParam(req.params.id);
    const result = appId === undefined ? undefined : deps.services.assessment.result(actor, appId);
    if (!result?.ok) return notFound(req, reply);
    const a = result.assessment;
    const next = nextQuestion(a);
    const editable = isEditable(a.app);
    const id = a.app.id;
    const links = [
      editable && next ? linkButton(questionPath(a, next), text("btn-resume"), "primary") : "",
      linkButton(`/a/${id}/review`, text("btn-review")),
      next ? "" : linkButton(`/a/${id}/dossier`, text("btn-dossier")),
      next ? "" : linkButton(`/a/${id}/evidence`, text("web-producer-evidence")),
      availableActions(a.app.state, "producer").includes("submit")
        ? linkButton(`/a/${id}/submit`, text("btn-submit"), next ? "secondary" : "primary")
        : "",
    ];
    // Once the council has rated it, its result comes first; the self-assessment is only a reference.
    const status = a.app.state === "rated" ? deps.services.applications.status(actor, id) : undefined;
    const official = status?.ok
      ? html`<section class="notice msg">${statusSummaryLines((k, args) => t(k, args).value, status).map(raw)}
${t("web-producer-result-official-first")}</section>`
      : "";
    return sendPage(req, reply, {
      title: text("web-producer-result-title", { product: a.product.name }),
      body: html`${req.query.done && !next ? html`<p class="notice">${t("assessment-complete")}</p>` : ""}
${official || (editable ? "" : frozenNotice(req, a))}
<p class="stars" aria-label="${text("web-producer-stars", { stars: result.score.stars })}">${text("web-producer-stars", { stars: result.score.stars })} · ${text("web-producer-total", { points: result.score.total, max: result.score.max })}</p>
<section class="msg card">${scoreReport(text, a.sheet, result.score, result.plans)}</section>
<div class="actions">${links}</div>
${a.app.state === "rated" ? afterResultSection(req, deps, id) : ""}`,
    });
  });
}
