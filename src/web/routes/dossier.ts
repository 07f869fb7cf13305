// "Hoàn thiện hồ sơ" on the web: what the legal forms need beyond the self-assessment, one item
// per screen (each skippable, each editable later from the summary), and the forms themselves
// (Mẫu 01, 02; Mẫu 03 too for the commune's officers) as Word documents.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formatDate, readTypedDay } from "../../dates.js";
import { buildMau01, buildMau02, buildMau03 } from "../../forms/index.js";
import type { FormKind } from "../../forms/types.js";
import type { Assessment } from "../../services/assessment.js";
import {
  DOSSIER_ITEMS,
  type Dossier,
  itemChoices,
  oneOfChoices,
  suggestion,
  valueMaxLength,
  YES,
} from "../../services/dossier.js";
import { charCount, clip } from "../../text.js";
import type { WebDeps } from "../context.js";
import { type Html, html } from "../html.js";
import { linkButton, postForm, seeOther, sendPage } from "../layout.js";
import { contentDisposition, idParam, notFound } from "../pages.js";

const BUILDERS: Record<FormKind, (input: Parameters<typeof buildMau01>[0]) => Promise<Buffer>> = {
  "mau-01": buildMau01,
  "mau-02": buildMau02,
  "mau-03": buildMau03,
};
const FORM_KINDS = Object.keys(BUILDERS) as FormKind[];
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Longest value shown on the summary. */
const SUMMARY_MAX = 80;

/** The label of an item (or of a criterion's description) in the visitor's language. */
function itemLabel(req: FastifyRequest, a: Assessment, key: string): string {
  if (key.startsWith("desc:")) {
    const c = a.criteria.find((x) => x.id === key.slice(5));
    return req.visitor.text("dossier-desc", { id: c?.id ?? "", title: c?.title ?? "" });
  }
  return req.visitor.text(`dossier-${key}`);
}

/** A stored value as people read it: yes/no and choices by their label, dates as dd/mm/yyyy. */
function valueText(req: FastifyRequest, key: string, value: string | undefined): string {
  const { text } = req.visitor;
  if (value === undefined) return text("dossier-value-missing");
  if (value === "") return text("dossier-value-skipped");
  const item = DOSSIER_ITEMS.find((i) => i.key === key);
  if (item?.kind === "yesno") return text(value === YES ? "dossier-yes" : "dossier-no");
  if (item?.kind === "choice" || item?.kind === "one-of") return text(`dossier-${key}-${value}`);
  if (item?.kind === "date") return formatDate(value);
  return value;
}

/** A typed value checked as the bot checks it: the value to save, or the message saying what is wrong. */
function readTyped(
  key: string,
  typed: string,
): { ok: true; value: string } | { ok: false; key: string; args?: Record<string, string | number> } {
  const item = DOSSIER_ITEMS.find((i) => i.key === key);
  const value = typed.trim();
  const max = valueMaxLength(key);
  const length = charCount(value);
  if (length > max) return { ok: false, key: "dossier-too-long", args: { max, length } };
  if (length === 0) return { ok: false, key: "web-dossier-item-empty" };
  if (item?.kind === "email")
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? { ok: true, value } : { ok: false, key: "dossier-invalid-email" };
  if (item?.kind === "date") {
    const today = new Date();
    const day = readTypedDay(value, { today });
    if (day.ok) return { ok: true, value: day.day };
    if (day.reason === "future" && day.day)
      return { ok: false, key: "date-in-future", args: { date: formatDate(day.day), today: formatDate(today) } };
    return { ok: false, key: "dossier-invalid-date" };
  }
  return { ok: true, value };
}

export function dossierRoutes(app: FastifyInstance, deps: WebDeps): void {
  /** The dossier the visitor may work on (owner or member of the organisation), or undefined. */
  const open = (req: FastifyRequest, id: string): Dossier | undefined => {
    const appId = idParam(id);
    const opened = appId === undefined ? undefined : deps.services.dossier.open(req.visitor.actor, appId);
    return opened?.ok ? opened : undefined;
  };

  const formLinks = (req: FastifyRequest, appId: number): Html => {
    const { text } = req.visitor;
    return html`<a class="btn secondary" href="/a/${appId}/forms/mau-01" hx-boost="false">${text("web-dossier-form-mau-01")}</a>
<a class="btn secondary" href="/a/${appId}/forms/mau-02" hx-boost="false">${text("web-dossier-form-mau-02")}</a>`;
  };

  /** One item's screen; `problem`: why the value typed was not saved (kept in the field). */
  const itemPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    d: Dossier,
    index: number,
    options: { edit: boolean; problem?: Html; typed?: string },
  ) => {
    const { assessment: a, keys, values } = d;
    const key = keys[index]!;
    const { t, text } = req.visitor;
    const item = DOSSIER_ITEMS.find((i) => i.key === key);
    const action = `/a/${a.app.id}/dossier/${index}${options.edit ? "?edit=1" : ""}`;
    const suggested = suggestion(a, key);
    const choices = itemChoices(a, key);
    const current = values.get(key);
    const long = item?.kind === "long-text" || key.startsWith("desc:");
    const max = valueMaxLength(key);
    const typed = options.typed ?? (current && choices.length === 0 ? current : "");
    const field =
      choices.length > 0
        ? html`<div class="options">${choices.map(
            (c) =>
              html`<button type="submit" name="choice" value="${c}" class="btn ${current === c ? "chosen" : "secondary"}">${valueText(req, key, c)}</button>`,
          )}</div>`
        : item?.kind === "one-of"
          ? ""
          : html`<label for="value">${text(item?.kind === "date" ? "dossier-type-date" : "web-dossier-item-type")}</label>
${
  long
    ? html`<textarea id="value" name="value" rows="6" maxlength="${max}">${typed}</textarea>`
    : html`<input id="value" name="value" type="${item?.kind === "email" ? "email" : "text"}" maxlength="${max}" value="${item?.kind === "date" && typed === current ? formatDate(typed) : typed}">`
}
<button type="submit" name="do" value="save" class="btn primary">${text("web-dossier-item-save")}</button>`;
    return sendPage(req, reply, {
      status: options.problem ? 400 : 200,
      title: text("web-dossier-title"),
      body: html`<p class="hint">${t("dossier-progress", { n: index + 1, total: keys.length })}</p>
${options.problem ? html`<p class="error msg">${options.problem}</p>` : ""}
<p><b>${itemLabel(req, a, key)}</b></p>
${key.startsWith("desc:") ? "" : html`<p class="hint">${text(`dossier-${key}-help`, { criterion: oneOfChoices(a)?.criterionId ?? "" })}</p>`}
${values.has(key) ? html`<p class="msg">${t("dossier-current", { value: clip(valueText(req, key, current), 1000) })}</p>` : ""}
${suggested ? html`<p class="msg">${t("dossier-suggestion", { value: clip(valueText(req, key, suggested), 1000) })}</p>` : ""}
${postForm(
  req,
  action,
  html`${field}
<div class="actions">
${suggested && item?.kind !== "yesno" ? html`<button type="submit" name="do" value="suggestion" class="btn secondary">${text("btn-dossier-use-suggestion")}</button>` : ""}
<button type="submit" name="do" value="skip" class="btn secondary">${text("btn-dossier-skip")}</button>
</div>`,
)}
<nav class="menu">${linkButton(`/a/${a.app.id}/dossier`, text("web-dossier-item-stop"))}</nav>`,
    });
  };

  // The summary: every item with its value, each one a link to change it; the forms.
  app.get<{ Params: { id: string } }>("/a/:id/dossier", (req, reply) => {
    const d = open(req, req.params.id);
    if (!d) return notFound(req, reply);
    const { assessment: a, keys, values } = d;
    const { t, text } = req.visitor;
    const next = d.next === undefined ? -1 : keys.indexOf(d.next);
    return sendPage(req, reply, {
      title: text("web-dossier-title"),
      body: html`<p class="msg">${t("web-dossier-intro")}</p>
<p class="msg">${t("web-dossier-summary", { product: a.product.name })}</p>
${
  next >= 0
    ? html`<nav class="menu">${linkButton(`/a/${a.app.id}/dossier/${next}`, text(values.size ? "web-dossier-continue" : "web-dossier-start"), "primary")}</nav>`
    : html`<p class="notice msg">${t("web-dossier-done")}</p>`
}
<ol class="list">${keys.map(
        (key, i) =>
          html`<li><a href="/a/${a.app.id}/dossier/${i}?edit=1">${itemLabel(req, a, key)}</a><br><span class="hint">${clip(valueText(req, key, values.get(key)), SUMMARY_MAX)}</span></li>`,
      )}</ol>
<nav class="menu">${formLinks(req, a.app.id)}${linkButton(`/a/${a.app.id}/status`, text("web-dossier-to-status"))}</nav>`,
    });
  });

  // One item.
  app.get<{ Params: { id: string; n: string }; Querystring: { edit?: string } }>("/a/:id/dossier/:n", (req, reply) => {
    const d = open(req, req.params.id);
    const index = Number(req.params.n);
    if (!d || !/^\d{1,4}$/.test(req.params.n) || !d.keys[index]) return notFound(req, reply);
    return itemPage(req, reply, d, index, { edit: req.query.edit === "1" });
  });

  // An item answered (a choice, a typed value, the suggestion) or skipped.
  app.post<{
    Params: { id: string; n: string };
    Querystring: { edit?: string };
    Body: { do?: string; choice?: string; value?: string };
  }>("/a/:id/dossier/:n", (req, reply) => {
    const d = open(req, req.params.id);
    const index = Number(req.params.n);
    const key = d && /^\d{1,4}$/.test(req.params.n) ? d.keys[index] : undefined;
    if (!d || key === undefined) return notFound(req, reply);
    const edit = req.query.edit === "1";
    const a = d.assessment;
    let value: string;
    if (req.body.choice !== undefined) {
      if (!itemChoices(a, key).includes(req.body.choice)) return notFound(req, reply);
      value = req.body.choice;
    } else if (req.body.do === "skip") value = "";
    else if (req.body.do === "suggestion") {
      const suggested = suggestion(a, key);
      if (!suggested) return notFound(req, reply);
      value = suggested;
    } else {
      if (itemChoices(a, key).length > 0)
        return itemPage(req, reply, d, index, { edit, problem: req.visitor.t("web-dossier-item-choose") });
      const typed = String(req.body.value ?? "");
      const read = readTyped(key, typed);
      if (!read.ok) return itemPage(req, reply, d, index, { edit, problem: req.visitor.t(read.key, read.args), typed });
      value = read.value;
    }
    const saved = deps.services.dossier.save(req.visitor.actor, a.app.id, key, value);
    if (!saved.ok) return notFound(req, reply);
    // From the summary, back to it; on the walk, on to the next item never answered.
    const next = edit || saved.next === undefined ? -1 : saved.keys.indexOf(saved.next);
    return seeOther(reply, next >= 0 ? `/a/${a.app.id}/dossier/${next}` : `/a/${a.app.id}/dossier`);
  });

  // The forms as Word documents, for whoever the service gives them to.
  app.get<{ Params: { id: string; kind: string } }>("/a/:id/forms/:kind", async (req, reply) => {
    const appId = idParam(req.params.id);
    const kind = FORM_KINDS.find((k) => k === req.params.kind);
    const forms =
      appId === undefined || !kind ? undefined : deps.services.dossier.forms(req.visitor.actor, appId, [kind]);
    if (!forms?.ok || !kind) return notFound(req, reply);
    const document = await BUILDERS[kind](forms.input);
    return reply
      .header("content-type", DOCX)
      .header("content-disposition", contentDisposition("attachment", forms.documents[0]!.fileName))
      .header("cache-control", "private, no-store")
      .send(document);
  });
}
