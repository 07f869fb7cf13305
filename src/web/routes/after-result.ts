// After the official result on the web: starting a re-assessment (re-rating, upgrade, a new first
// rating) from the last answers, as the bot's reassess buttons; the council's points per part,
// recorded by whoever the services allow (an officer of the commune, an administrator) and shown
// to the producer beside their own; and the reminders setting (on or off).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { REGISTRATION_KINDS } from "../../forms/types.js";
import { answeredCount, isEditable, nextQuestion } from "../../services/assessment.js";
import { parsePartPoints } from "../../services/calibration.js";
import { hasConsent } from "../../services/people.js";
import type { ReassessmentKind } from "../../services/reassessment.js";
import type { WebDeps } from "../context.js";
import { type Html, html } from "../html.js";
import { actionButton, linkButton, postForm, seeOther, sendPage } from "../layout.js";
import type { RecentPosts } from "../once.js";
import { idParam, notFound } from "../pages.js";
import { questionPath } from "./assessment.js";

const kindOf = (value: unknown): ReassessmentKind | undefined => REGISTRATION_KINDS.find((k) => k === value);

/** POST /a/:id/reassess, GET /a/:id/reassessed; GET/POST /a/:id/council-points; GET/POST /reminders. */
export function afterResultRoutes(app: FastifyInstance, deps: WebDeps, recent: RecentPosts): void {
  const { services } = deps;

  // The same request again (a double tap) leads where the first one did; a press after another
  // member started one says which kind is open and leads to it.
  app.post<{ Params: { id: string }; Body: { kind?: string; once?: string } }>("/a/:id/reassess", (req, reply) => {
    const { actor, t, text } = req.visitor;
    const action = `/a/${req.params.id}/reassess`;
    const repeated = recent.seen(actor, action, req.body);
    if (repeated) return seeOther(reply, repeated);
    const appId = idParam(req.params.id);
    const kind = kindOf(req.body.kind);
    if (appId === undefined || !kind) return notFound(req, reply);
    const outcome = services.reassessment.start(actor, appId, kind);
    if (outcome.ok) {
      const to = `/a/${outcome.assessment.app.id}/reassessed?kind=${kind}`;
      recent.remember(actor, action, req.body, to);
      return seeOther(reply, to);
    }
    if (outcome.reason === "exists") {
      const open = text(`reassess-kind-${outcome.kind ?? "first"}`);
      return sendPage(req, reply, {
        status: 409,
        title: text(`btn-reassess-${kind}`),
        body: html`<p class="notice msg" role="status">${t("reassess-exists", { kind: open })}</p>
<div class="actions">${linkButton(`/a/${outcome.applicationId}`, text("btn-resume"), "primary")}</div>`,
      });
    }
    if (outcome.reason === "no-sheet") {
      return sendPage(req, reply, {
        status: 409,
        title: text(`btn-reassess-${kind}`),
        body: html`<p class="error msg" role="alert">${t("reassess-no-sheet")}</p>
<div class="actions">${linkButton(`/a/${appId}/result`, text("btn-back"))}</div>`,
      });
    }
    return notFound(req, reply);
  });

  app.get<{ Params: { id: string }; Querystring: { kind?: string } }>("/a/:id/reassessed", (req, reply) => {
    const { actor, t, text } = req.visitor;
    const appId = idParam(req.params.id);
    const opened = appId === undefined ? undefined : services.assessment.open(actor, appId);
    const kind = kindOf(req.query.kind);
    if (!opened?.ok || !kind) return notFound(req, reply);
    const a = opened.assessment;
    const next = isEditable(a.app) ? nextQuestion(a) : undefined;
    const criteria = a.order.filter((k) => a.criteria.some((c) => c.id === k));
    const kept = criteria.filter((k) => a.answers[k] !== undefined).length;
    return sendPage(req, reply, {
      title: a.product.name,
      body: html`<p class="notice msg" role="status">${t("web-producer-reassess-started", {
        kind: text(`reassess-kind-${kind}`),
        product: a.product.name,
        title: a.sheet.version.title,
        kept,
        asked: criteria.length - kept,
      })}</p>
<div class="actions">
${next ? linkButton(questionPath(a, next), text("btn-resume"), "primary") : ""}
${linkButton(`/a/${a.app.id}/review`, text("btn-review"))}
</div>
<p class="hint">${t("web-producer-answered", { answered: answeredCount(a), total: a.order.length })}</p>`,
    });
  });

  // The council's points per part: one field per part; the services decide who may record them.
  const pointsPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    appId: number,
    error?: Html,
    typed: Record<string, string> = {},
  ) => {
    const rated = services.reassessment.pointsFor(req.visitor.actor, appId);
    if (!rated.ok) return notFound(req, reply);
    const { t, text } = req.visitor;
    const a = rated.assessment;
    const fields = a.sheet.version.parts.map(
      (p) => html`<label for="part-${p.id}">${text("official-points-part", { part: p.id, max: p.maxPoints })}</label>
<input id="part-${p.id}" name="part-${p.id}" type="text" inputmode="decimal" value="${typed[p.id] ?? ""}" required maxlength="5">`,
    );
    return sendPage(req, reply, {
      status: error ? 422 : 200,
      title: text("btn-official-points"),
      body: html`${error ? html`<p class="error msg" role="alert">${error}</p>` : ""}
<p class="msg">${t("web-producer-ask-points", { product: a.product.name })}</p>
${postForm(req, `/a/${a.app.id}/council-points`, html`${fields}<div class="actions"><button type="submit" class="btn primary">${text("web-producer-points-save")}</button></div>`)}`,
    });
  };

  app.get<{ Params: { id: string } }>("/a/:id/council-points", (req, reply) => {
    const appId = idParam(req.params.id);
    return appId === undefined ? notFound(req, reply) : pointsPage(req, reply, appId);
  });

  app.post<{ Params: { id: string }; Body: Record<string, string | undefined> }>(
    "/a/:id/council-points",
    (req, reply) => {
      const { actor, t, text } = req.visitor;
      const appId = idParam(req.params.id);
      const rated = appId === undefined ? undefined : services.reassessment.pointsFor(actor, appId);
      if (!rated?.ok) return notFound(req, reply);
      const a = rated.assessment;
      const parts = a.sheet.version.parts;
      const typed = Object.fromEntries(parts.map((p) => [p.id, String(req.body[`part-${p.id}`] ?? "").slice(0, 5)]));
      // Each field is one number: spaces inside one would make it two.
      const points = parts.every((p) => /^\S+$/.test(typed[p.id]!.trim()))
        ? parsePartPoints(parts.map((p) => typed[p.id]!.trim()).join(" "), parts)
        : undefined;
      const allParts = parts.map((p) => text("official-points-part", { part: p.id, max: p.maxPoints })).join(", ");
      if (!points)
        return pointsPage(req, reply, a.app.id, t("web-producer-points-invalid", { parts: allParts }), typed);
      const saved = services.reassessment.recordPoints(actor, a.app.id, points);
      if (!saved.ok) {
        return saved.reason === "invalid"
          ? pointsPage(req, reply, a.app.id, t("web-producer-points-invalid", { parts: allParts }), typed)
          : notFound(req, reply);
      }
      return sendPage(req, reply, {
        title: text("btn-official-points"),
        body: html`<p class="notice msg" role="status">${t("official-points-saved", { product: a.product.name })}</p>`,
      });
    },
  );

  // Reminders: on or off, with the button that changes it.
  app.get<{ Querystring: { said?: string } }>("/reminders", (req, reply) => {
    const { user, t, text } = req.visitor;
    if (!user || !hasConsent(user)) return seeOther(reply, "/");
    const on = !user.remindersOff;
    const said = req.query.said === "on" || req.query.said === "off" ? req.query.said : undefined;
    return sendPage(req, reply, {
      title: text("web-producer-reminders-title"),
      body: html`${said ? html`<p class="notice msg" role="status">${said === "on" ? t("web-producer-reminders-on") : t("web-producer-reminders-off")}</p>` : ""}
<p class="msg">${t(on ? "reminders-state-on" : "reminders-state-off")}</p>
<div class="actions">${actionButton(req, "/reminders", text(on ? "btn-reminders-off" : "btn-reminders-on"), { off: on ? "1" : "0" }, "primary")}
${linkButton("/", text("web-nav-home"))}</div>`,
    });
  });

  app.post<{ Body: { off?: string } }>("/reminders", (req, reply) => {
    const { actor } = req.visitor;
    const off = req.body.off === "1" ? true : req.body.off === "0" ? false : undefined;
    if (off === undefined) return notFound(req, reply);
    const set = services.reminders.set(actor, off);
    if (!set.ok) return seeOther(reply, "/");
    return seeOther(reply, `/reminders?said=${off ? "off" : "on"}`);
  });
}
