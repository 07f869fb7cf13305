// The commune officer's desk on the web: the invitation link that appoints them, the inbox of their
// communes' applications (the urgent ones first), an application with its answers, evidence and
// history, every action its state allows (receive, request changes, the four local criteria,
// forward, the official result), the forms and the Excel export. The same use cases as the bot's
// /hoso and /xuat; the services decide who may see and do what.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formatDate, formatTime, isoDay, readTypedDay } from "../../dates.js";
import { type Action, availableActions } from "../../domain/lifecycle.js";
import { LOCAL_CRITERIA, type LocalCriterion } from "../../domain/rubric.js";
import { buildMau01, buildMau02, buildMau03, type FormKind, formFileName } from "../../forms/index.js";
import type { ActionRefused, InboxEntry, InboxFilter } from "../../services/officer.js";
import { INBOX_FILTERS } from "../../services/officer.js";
import { hasConsent } from "../../services/people.js";
import { missingRegistrationItem } from "../../services/profile.js";
import { clip } from "../../text.js";
import { unitLabel, unitLabelOf } from "../../views/admin-units.js";
import { optionButton, optionLine } from "../../views/options.js";
import type { WebDeps } from "../context.js";
import { type Html, html, raw } from "../html.js";
import { actionButton, linkButton, postForm, seeOther, sendPage } from "../layout.js";
import { idParam, notFound, timelineHtml } from "../pages.js";
import { welcomePage } from "./welcome.js";

/** Applications per page of the inbox. */
const PAGE_SIZE = 25;
/** Longest note kept (a return's reasons, remarks on a local criterion), as on Telegram. */
const NOTE_MAX = 1000;
/** Invitation codes as made by the services (base64url). */
const INVITE_CODE = /^[A-Za-z0-9_-]{8,40}$/;
/** Working days left at or under which a received application is marked urgent. */
const URGENT_DAYS = 3;

const FORM_BUILDERS: Record<FormKind, typeof buildMau03> = {
  "mau-01": buildMau01,
  "mau-02": buildMau02,
  "mau-03": buildMau03,
};
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The notice shown on the application after an action: ?done=… → message key. */
const DONE_NOTICES: Record<string, string> = {
  receive: "done-receive",
  forward: "done-forward",
  return: "done-return",
  "record-result": "done-record-result",
  local: "local-all-done",
};

type AppParams = { Params: { id: string } };
type TopicParams = { Params: { id: string; topic: string } };

/** A translation whose string arguments are escaped, as a string (for the views' Translate). */
const markup = (req: FastifyRequest) => (key: string, args?: Record<string, string | number>) =>
  req.visitor.t(key, args).value;

/** The communes of an invitation or a desk in words. */
const communeLabels = (req: FastifyRequest, deps: WebDeps, codes: readonly string[]) =>
  codes.map((code) => unitLabelOf(req.visitor.text, deps.adminUnits, code)).join(", ");

/** "Còn 5 ngày làm việc (hạn 23/03/2026)", or overdue. */
function daysLeft(req: FastifyRequest, days: { left: number; deadline: string } | undefined): string {
  if (!days) return "";
  const deadline = formatDate(days.deadline);
  return days.left >= 0
    ? req.visitor.text("days-left", { days: days.left, deadline })
    : req.visitor.text("days-overdue", { days: -days.left, deadline });
}

/**
 * The inbox in the order an officer works through it: received applications by working days left
 * (overdue first), then those waiting to be received (longest waiting first), then the rest as
 * the desk lists them (newest filed first).
 */
export function byUrgency(rows: readonly InboxEntry[]): InboxEntry[] {
  const rank = (r: InboxEntry): [number, number] =>
    r.state === "received" && r.workingDays
      ? [0, r.workingDays.left]
      : r.state === "submitted"
        ? [1, r.submittedAt?.getTime() ?? 0]
        : [2, 0];
  return rows
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.r);
}

/** Says why an action could not be done (already done, or not in this state), with the way back. */
function refusedPage(
  req: FastifyRequest,
  reply: FastifyReply,
  appId: number,
  result: ActionRefused | { reason: string; state?: string },
) {
  const { t, text } = req.visitor;
  if (result.reason === "not-found" || result.reason === "role") return notFound(req, reply);
  const body =
    result.reason === "already"
      ? t("action-already", { state: text(`state-${result.state ?? "draft"}`) })
      : result.reason === "local-missing"
        ? t("local-missing")
        : t("action-wrong-state", { state: text(`state-${result.state ?? "draft"}`) });
  return sendPage(req, reply, {
    status: 409,
    title: text("web-officer-refused-title"),
    body: html`<p class="msg notice">${body}</p>${linkButton(`/officer/a/${appId}`, text("web-officer-back-app"))}`,
  });
}

/** A download link: not boosted by htmx (it would try to swap the file into the page). */
const downloadLink = (href: string, label: string) =>
  html`<a class="btn secondary" href="${href}" hx-boost="false" download>${label}</a>`;

export function officerRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { services } = deps;

  // The invitation that appoints an officer: first the welcome and consent for a newcomer, then
  // the communes it is for and the button that uses it.
  const invitePath = (code: string) => `/officer-invite/${code}`;

  app.get<{ Params: { code: string } }>("/officer-invite/:code", (req, reply) => {
    const { code } = req.params;
    if (!INVITE_CODE.test(code)) return notFound(req, reply);
    const { user, actor, t, text } = req.visitor;
    const offer = services.membership.officerInvite(actor, code);
    if (!offer.ok)
      return sendPage(req, reply, {
        status: offer.reason === "unknown" ? 404 : 410,
        title: text("web-officer-invite-title"),
        body: html`<p class="msg notice">${t(`invite-${offer.reason}`)}</p>`,
      });
    const communes = communeLabels(req, deps, offer.communes);
    if (!hasConsent(user))
      return welcomePage(req, reply, { next: invitePath(code), intro: t("web-officer-invite-intro", { communes }) });
    if (offer.usedByActor) {
      const profile = services.people.profile(actor);
      const registering = profile && missingRegistrationItem(profile) !== undefined;
      return sendPage(req, reply, {
        title: text("web-officer-invite-title"),
        body: html`<p class="msg notice">${t("web-officer-invite-done", { communes })}</p>
${registering ? html`<p class="msg">${t("web-officer-invite-register")}</p>` : ""}
<div class="actions">${
          registering
            ? linkButton("/register", text("web-officer-continue"), "primary")
            : linkButton("/officer", text("web-officer-open-inbox"), "primary")
        }</div>`,
      });
    }
    return sendPage(req, reply, {
      title: text("web-officer-invite-title"),
      body: html`<p class="msg card">${t("web-officer-invite-offer", {
        communes,
        day: formatDate(offer.expiresAt),
        time: formatTime(offer.expiresAt),
      })}</p>
<div class="actions">${actionButton(req, invitePath(code), text("web-officer-invite-accept"), {}, "primary")}</div>`,
    });
  });

  app.post<{ Params: { code: string } }>("/officer-invite/:code", (req, reply) => {
    const { code } = req.params;
    if (!INVITE_CODE.test(code)) return notFound(req, reply);
    const { user, actor, t, text } = req.visitor;
    // Without an account yet: the welcome first (the invitation page shows it).
    if (!hasConsent(user)) return seeOther(reply, invitePath(code));
    const result = services.membership.redeem(actor, "officer", code);
    if (!result.ok)
      return sendPage(req, reply, {
        status: result.reason === "unknown" ? 404 : 410,
        title: text("web-officer-invite-title"),
        body: html`<p class="msg notice">${t(`invite-${result.reason}`)}</p>`,
      });
    return seeOther(reply, invitePath(code));
  });

  // The inbox.
  app.get<{ Querystring: { filter?: string; page?: string } }>("/officer", (req, reply) => {
    const { t, text } = req.visitor;
    const filter: InboxFilter = INBOX_FILTERS.find((f) => f === req.query.filter) ?? "open";
    const inbox = services.officer.inbox(req.visitor.actor, filter);
    if (!inbox.ok) return notFound(req, reply);
    const rows = byUrgency(inbox.applications);
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    const page = Math.min(Math.max(1, idParam(req.query.page ?? "1") ?? 1), pages);
    const link = (f: InboxFilter, p = 1) => `/officer?filter=${f}${p > 1 ? `&page=${p}` : ""}`;
    const items = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => {
      const urgent = r.state === "received" && r.workingDays && r.workingDays.left <= URGENT_DAYS;
      const when =
        r.state === "received"
          ? daysLeft(req, r.workingDays)
          : r.state === "submitted"
            ? text("web-officer-waiting")
            : "";
      return html`<li class="${urgent ? "urgent" : ""}">
<a href="/officer/a/${r.applicationId}"><b>${r.product}</b></a>
<br>${r.organisation} · ${text(`state-${r.state}`)}
${r.submittedAt ? html`<br><span class="hint">${text("web-officer-submitted-on", { date: formatDate(r.submittedAt) })}</span>` : ""}
${when ? html`<br><span class="${urgent ? "error" : "hint"}">${when}</span>` : ""}
</li>`;
    });
    const filters = INBOX_FILTERS.map((f) =>
      f === filter
        ? html`<span class="btn chosen">${text(`filter-${f}`)}</span>`
        : html`<a class="btn secondary" href="${link(f)}">${text(`filter-${f}`)}</a>`,
    );
    const nav = [
      page > 1 ? html`<a class="btn secondary" href="${link(filter, page - 1)}">${text("btn-prev")}</a>` : "",
      page < pages ? html`<a class="btn secondary" href="${link(filter, page + 1)}">${text("btn-next")}</a>` : "",
    ];
    const deadline = inbox.provinceDeadline;
    return sendPage(req, reply, {
      title: text("web-officer-title"),
      body: html`<p class="hint">${t("province-deadline", {
        proposeBy: formatDate(deadline.proposeBy),
        ratedBy: formatDate(deadline.ratedBy),
      })}</p>
<nav class="filters">${filters}</nav>
<p>${text("web-officer-count", { count: rows.length, filter: text(`filter-${filter}`) })}${
        pages > 1 ? html` · ${text("web-officer-page", { page, pages })}` : ""
      }</p>
${rows.length ? html`<p class="hint">${text("web-officer-urgent-first")}</p><ul class="list inbox">${items}</ul>` : html`<p class="notice">${t("officer-list-empty")}</p>`}
<div class="row">${nav}</div>
<div class="actions">${downloadLink("/officer/export", text("web-officer-export"))}</div>`,
    });
  });

  app.get("/officer/export", async (req, reply) => {
    const exported = await services.exports.applications(req.visitor.actor, req.visitor.text);
    if (!exported.ok) return notFound(req, reply);
    return reply
      .type(XLSX)
      .header("content-disposition", `attachment; filename="ho-so-ocop-${isoDay(new Date())}.xlsx"`)
      .header("cache-control", "private, no-store")
      .send(exported.workbook);
  });

  // One application.
  app.get<AppParams & { Querystring: { done?: string } }>("/officer/a/:id", (req, reply) => {
    const id = idParam(req.params.id);
    const view = id === undefined ? undefined : services.officer.view(req.visitor.actor, id);
    if (!view?.ok) return notFound(req, reply);
    const { t, text } = req.visitor;
    const { assessment: a, score, producer, files } = view;
    const commune = a.app.communeCode ? deps.adminUnits.commune(a.app.communeCode) : undefined;
    const done = req.query.done ? DONE_NOTICES[req.query.done] : undefined;
    const parts = a.sheet.version.parts.map((part) => {
      const answers = a.criteria
        .filter((c) => c.part === part.id)
        .map((c) => {
          const option = c.options.find((o) => o.id === a.answers[c.id]);
          return html`<li>${t("officer-answer", {
            id: c.id,
            label: option?.label ?? "—",
            points: option?.points ?? 0,
            max: c.maxPoints,
          })}</li>`;
        });
      return html`<h3>${t("review-part", {
        part: part.id,
        title: part.title,
        points: score.parts[part.id]?.points ?? 0,
        max: part.maxPoints,
      })}</h3><ul class="answers">${answers}</ul>`;
    });
    const evidence = files.map((f) => {
      const title = a.criteria.find((c) => c.id === f.criterionId)?.title ?? "";
      return html`<li><a href="/evidence/${f.id}" hx-boost="false">📎 ${text("web-officer-evidence-file", {
        id: f.criterionId,
        title: clip(title, 120),
      })}</a>${f.fileName ? html`<br><span class="hint">${f.fileName}</span>` : ""}</li>`;
    });
    const actions = availableActions(a.app.state, "officer");
    const base = `/officer/a/${a.app.id}`;
    const localDone = (r: FastifyRequest, id: number) => {
      const progress = deps.services.officer.localProgress(r.visitor.actor, id);
      return progress.ok && progress.remaining === 0;
    };
    const buttons = [
      actions.includes("receive")
        ? actionButton(req, `${base}/receive`, text("btn-officer-receive"), {}, "primary")
        : "",
      actions.includes("evaluate") ? linkButton(`${base}/local`, text("btn-officer-evaluate"), "primary") : "",
      // Forwarding needs every local criterion evaluated: offered once they are.
      actions.includes("forward") && localDone(req, a.app.id)
        ? actionButton(req, `${base}/forward`, text("btn-officer-forward"), {}, "primary")
        : "",
      actions.includes("record-result") ? linkButton(`${base}/result`, text("btn-officer-result"), "primary") : "",
      actions.includes("return") ? linkButton(`${base}/return`, text("btn-officer-return")) : "",
    ];
    const days = daysLeft(req, view.workingDays);
    return sendPage(req, reply, {
      title: a.product.name,
      body: html`${done ? html`<p class="notice">${t(done)}</p>` : ""}
<section class="msg card">${t("officer-app-head", {
        product: a.product.name,
        set: a.sheet.productSetTitle,
        producer: producer.fullName,
        phone: producer.phone,
        commune: commune ? unitLabel(text, commune) : "",
        state: text(`state-${a.app.state}`),
      })}
${t("web-officer-score", { total: score.total, stars: score.stars })}
${days}
${t("officer-app-rubric", { title: a.sheet.version.title })}</section>
${buttons.some(Boolean) ? html`<h2>${text("web-officer-actions")}</h2><div class="actions">${buttons}</div>` : ""}
<h2>${text("web-officer-evidence", { count: files.length })}</h2>
${files.length ? html`<ul class="list">${evidence}</ul>` : html`<p class="hint">${text("web-officer-no-evidence")}</p>`}
<h2>${text("web-officer-answers")}</h2>
${parts}
${timelineHtml(req, view.timeline)}
<h2>${text("web-officer-forms")}</h2>
<div class="actions">${(["mau-03", "mau-01", "mau-02"] as const).map((k) => downloadLink(`${base}/forms/${k}`, text(`forms-caption-${k}`)))}</div>
<div class="actions">${linkButton("/officer", text("web-officer-back-inbox"))}</div>`,
    });
  });

  for (const action of ["receive", "forward"] as const) {
    app.post<AppParams>(`/officer/a/:id/${action}`, (req, reply) => {
      const id = idParam(req.params.id);
      if (id === undefined) return notFound(req, reply);
      const result = services.officer[action](req.visitor.actor, id);
      if (!result.ok) return refusedPage(req, reply, id, result);
      return seeOther(reply, `/officer/a/${id}?done=${action}`);
    });
  }

  // Requesting changes: the note, then the return.
  const returnForm = (req: FastifyRequest, id: number, product: string, error?: Html, note = "") =>
    html`${error ? html`<p class="error">${error}</p>` : ""}
${postForm(
  req,
  `/officer/a/${id}/return`,
  html`<label for="note" class="msg">${req.visitor.t("web-officer-return-ask", { product })}</label>
<textarea id="note" name="note" rows="6" maxlength="${NOTE_MAX}" required>${note}</textarea>
<div class="actions"><button type="submit" class="btn primary">${req.visitor.text("web-officer-return-send")}</button></div>`,
)}
<div class="actions">${linkButton(`/officer/a/${id}`, req.visitor.text("web-officer-back-app"))}</div>`;

  /**
   * The form page of an officer's `action` on the application of the URL: 404 unless it is one of
   * the officer's communes, the refusal page unless the action can be taken in its state.
   */
  function actionPage(
    req: FastifyRequest<AppParams>,
    reply: FastifyReply,
    action: Action,
    title: string,
    form: (id: number, product: string) => Html,
  ) {
    const id = idParam(req.params.id);
    const opened = id === undefined ? undefined : services.officer.open(req.visitor.actor, id);
    if (!opened?.ok || id === undefined) return notFound(req, reply);
    const a = opened.assessment;
    if (!availableActions(a.app.state, "officer").includes(action))
      return refusedPage(req, reply, id, { reason: "state", state: a.app.state });
    return sendPage(req, reply, { title: req.visitor.text(title), body: form(id, a.product.name) });
  }

  app.get<AppParams>("/officer/a/:id/return", (req, reply) =>
    actionPage(req, reply, "return", "web-officer-return-title", (id, product) => returnForm(req, id, product)),
  );

  app.post<AppParams & { Body: { note?: string } }>("/officer/a/:id/return", (req, reply) => {
    const id = idParam(req.params.id);
    const opened = id === undefined ? undefined : services.officer.open(req.visitor.actor, id);
    if (!opened?.ok || id === undefined) return notFound(req, reply);
    const note = clip(String(req.body?.note ?? "").trim(), NOTE_MAX);
    if (note.length < 5)
      return sendPage(req, reply, {
        status: 422,
        title: req.visitor.text("web-officer-return-title"),
        body: returnForm(req, id, opened.assessment.product.name, req.visitor.t("return-note-too-short"), note),
      });
    const result = services.officer.returnToProducer(req.visitor.actor, id, note);
    if (!result.ok) return refusedPage(req, reply, id, result);
    return seeOther(reply, `/officer/a/${id}?done=return`);
  });

  // The four local criteria, one per screen: the options as buttons, then the commune's remarks.
  const localPath = (id: number, topic?: string) => `/officer/a/${id}/local${topic ? `/${topic}` : ""}`;

  app.get<AppParams>("/officer/a/:id/local", (req, reply) => {
    const id = idParam(req.params.id);
    const local = id === undefined ? undefined : services.officer.localCriteria(req.visitor.actor, id);
    if (!local || id === undefined || (!local.ok && local.reason === "not-found")) return notFound(req, reply);
    if (!local.ok) return refusedPage(req, reply, id, local);
    const next = local.criteria.find((c) => c.chosen === undefined) ?? local.criteria[0];
    return next ? seeOther(reply, localPath(id, next.topic)) : seeOther(reply, `/officer/a/${id}`);
  });

  app.get<TopicParams & { Querystring: { saved?: string } }>("/officer/a/:id/local/:topic", (req, reply) => {
    const id = idParam(req.params.id);
    const local = id === undefined ? undefined : services.officer.localCriteria(req.visitor.actor, id);
    if (!local || id === undefined || (!local.ok && local.reason === "not-found")) return notFound(req, reply);
    if (!local.ok) return refusedPage(req, reply, id, local);
    const index = local.criteria.findIndex((c) => c.topic === req.params.topic);
    const item = local.criteria[index];
    if (!item) return notFound(req, reply);
    const { t, text } = req.visitor;
    const tr = markup(req);
    const { topic, criterion, options, producer, chosen } = item;
    const topicName = text(`local-${topic}`);
    const buttons = options.map((o, i) =>
      postForm(
        req,
        localPath(id, topic),
        html`<input type="hidden" name="option" value="${o.id}"><button type="submit" class="btn ${
          chosen === o.id ? "chosen" : "secondary"
        }">${optionButton(text, o, i)}</button>`,
      ),
    );
    const following =
      local.criteria.slice(index + 1).find((c) => c.chosen === undefined) ??
      local.criteria.find((c) => c.chosen === undefined && c.topic !== topic);
    const onward = following ? localPath(id, following.topic) : `/officer/a/${id}`;
    const noteForm =
      chosen === undefined
        ? ""
        : html`${postForm(
            req,
            `${localPath(id, topic)}/note`,
            html`<label for="note" class="msg">${t("web-officer-local-note-ask", { topic: topicName })}</label>
<textarea id="note" name="note" rows="4" maxlength="${NOTE_MAX}"></textarea>
<div class="actions"><button type="submit" class="btn primary">${text("web-officer-local-note-save")}</button></div>`,
          )}
<div class="actions">${linkButton(onward, text("btn-dossier-skip"))}</div>`;
    return sendPage(req, reply, {
      title: text("web-officer-local-title", { n: index + 1, count: local.criteria.length }),
      body: html`${req.query.saved ? html`<p class="notice">${text("local-saved")}</p>` : ""}
<section class="msg card">${t("local-head", { topic: topicName, id: criterion.id, title: criterion.title })}
${t("local-producer", { label: producer?.label ?? "—", points: producer?.points ?? 0 })}

${raw(options.map((o, i) => optionLine(tr, { ...o, marker: undefined }, i, chosen === o.id)).join("\n"))}</section>
<div class="options">${buttons}</div>
${noteForm}
<div class="actions">${linkButton(`/officer/a/${id}`, text("web-officer-back-app"))}</div>`,
    });
  });

  const topicOf = (raw: string): LocalCriterion | undefined => LOCAL_CRITERIA.find((c) => c === raw);

  app.post<TopicParams & { Body: { option?: string } }>("/officer/a/:id/local/:topic", (req, reply) => {
    const id = idParam(req.params.id);
    const topic = topicOf(req.params.topic);
    const option = String(req.body?.option ?? "").slice(0, 100);
    if (id === undefined || !topic) return notFound(req, reply);
    const result = services.officer.evaluate(req.visitor.actor, id, topic, option);
    if (!result.ok) {
      if (result.reason === "state")
        return sendPage(req, reply, {
          status: 409,
          title: req.visitor.text("web-officer-refused-title"),
          body: html`<p class="msg notice">${req.visitor.t("local-wrong-state")}</p>${linkButton(`/officer/a/${id}`, req.visitor.text("web-officer-back-app"))}`,
        });
      return notFound(req, reply);
    }
    return seeOther(reply, `${localPath(id, topic)}?saved=1`);
  });

  app.post<TopicParams & { Body: { note?: string } }>("/officer/a/:id/local/:topic/note", (req, reply) => {
    const id = idParam(req.params.id);
    const topic = topicOf(req.params.topic);
    if (id === undefined || !topic) return notFound(req, reply);
    const note = clip(String(req.body?.note ?? "").trim(), NOTE_MAX);
    const saved = note
      ? services.officer.noteLocal(req.visitor.actor, id, topic, note)
      : services.officer.localProgress(req.visitor.actor, id);
    if (!saved.ok) {
      if (saved.reason === "not-evaluated") return seeOther(reply, localPath(id, topic));
      return notFound(req, reply);
    }
    const local = services.officer.localCriteria(req.visitor.actor, id);
    const next = local.ok ? local.criteria.find((c) => c.chosen === undefined) : undefined;
    return seeOther(reply, next ? localPath(id, next.topic) : `/officer/a/${id}?done=local`);
  });

  // The official result: stars, the decision's number and day.
  const resultForm = (
    req: FastifyRequest,
    id: number,
    product: string,
    values: { stars?: string; number?: string; date?: string } = {},
    error?: Html,
  ) => {
    const { t, text } = req.visitor;
    const stars = [1, 2, 3, 4, 5].map(
      (n) =>
        html`<label class="btn secondary"><input type="radio" name="stars" value="${n}" ${
          values.stars === String(n) ? raw("checked") : ""
        } required> ${n}★</label>`,
    );
    return html`${error ? html`<p class="error">${error}</p>` : ""}
${postForm(
  req,
  `/officer/a/${id}/result`,
  html`<fieldset><legend class="msg">${t("ask-result-stars", { product })}</legend><div class="row">${stars}</div></fieldset>
<label for="number" class="msg">${t("ask-decision-number")}</label>
<input id="number" name="number" type="text" maxlength="60" required value="${values.number ?? ""}">
<label for="date" class="msg">${t("ask-decision-date")}</label>
<input id="date" name="date" type="date" max="${isoDay(new Date())}" required value="${values.date ?? ""}">
<div class="actions"><button type="submit" class="btn primary">${text("btn-officer-result")}</button></div>`,
)}
<div class="actions">${linkButton(`/officer/a/${id}`, text("web-officer-back-app"))}</div>`;
  };

  app.get<AppParams>("/officer/a/:id/result", (req, reply) =>
    actionPage(req, reply, "record-result", "web-officer-result-title", (id, product) => resultForm(req, id, product)),
  );

  app.post<AppParams & { Body: { stars?: string; number?: string; date?: string } }>(
    "/officer/a/:id/result",
    (req, reply) => {
      const id = idParam(req.params.id);
      const opened = id === undefined ? undefined : services.officer.open(req.visitor.actor, id);
      if (!opened?.ok || id === undefined) return notFound(req, reply);
      const a = opened.assessment;
      const { t, text } = req.visitor;
      const values = {
        stars: String(req.body?.stars ?? ""),
        number: String(req.body?.number ?? "").trim(),
        date: String(req.body?.date ?? "").trim(),
      };
      const again = (error: Html) =>
        sendPage(req, reply, {
          status: 422,
          title: text("web-officer-result-title"),
          body: resultForm(req, id, a.product.name, values, error),
        });
      const stars = Number(values.stars);
      if (!(Number.isInteger(stars) && stars >= 1 && stars <= 5)) return again(t("web-officer-result-stars-missing"));
      if (values.number.length < 2 || values.number.length > 60) return again(t("web-officer-result-number-invalid"));
      // A browser's date picker sends YYYY-MM-DD; people type dd/mm/yyyy.
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.date);
      const typed = iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : values.date;
      const today = new Date();
      const submitted = a.app.submittedAt;
      const day = readTypedDay(typed, { today, earliest: submitted });
      if (!day.ok) {
        const key = {
          format: "invalid-decision-date",
          future: "date-in-future",
          "too-early": "decision-before-submission",
        }[day.reason];
        return again(t(key, { date: formatDate(day.day), today: formatDate(today), submitted: formatDate(submitted) }));
      }
      const result = services.officer.recordResult(req.visitor.actor, id, {
        stars,
        decisionNumber: values.number,
        decisionDate: day.day,
      });
      if (!result.ok) return refusedPage(req, reply, id, result);
      return seeOther(reply, `/officer/a/${id}?done=record-result`);
    },
  );

  // The forms, filled in from the application: Mẫu 03 (the commune's report) and the producer's two.
  app.get<{ Params: { id: string; kind: string } }>("/officer/a/:id/forms/:kind", async (req, reply) => {
    const id = idParam(req.params.id);
    const kind = (["mau-01", "mau-02", "mau-03"] as const).find((k) => k === req.params.kind);
    const forms = id === undefined || !kind ? undefined : services.officer.forms(req.visitor.actor, id);
    if (!forms?.ok || !kind) return notFound(req, reply);
    const buffer = await FORM_BUILDERS[kind](forms.input);
    return reply
      .type(DOCX)
      .header(
        "content-disposition",
        `attachment; filename="${formFileName(kind, forms.input.product?.name, forms.producerName)}"`,
      )
      .header("cache-control", "private, no-store")
      .send(buffer);
  });
}
