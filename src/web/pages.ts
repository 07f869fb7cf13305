// What many screens share: reading an id from the URL, the kind 404, a short message page, file
// downloads, an application's timeline.
import type { FastifyReply, FastifyRequest } from "fastify";
import { formatDateTime } from "../dates.js";
import type { TimelineEntry } from "../services/workflow.js";
import { escapeHtml, type Html, html, raw } from "./html.js";
import { linkButton, sendPage } from "./layout.js";

/** A positive integer id from a route parameter (untrusted), else undefined. */
export function idParam(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,15}$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** The page for a refusal: no such thing, or not the visitor's to see (the services do not say which). */
export function notFound(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendPage(req, reply, {
    status: 404,
    title: req.visitor.text("web-not-found-title"),
    body: req.visitor.t("web-not-found"),
  });
}

/** A short page saying something (already translated) with a way on. */
export function messagePage(
  req: FastifyRequest,
  reply: FastifyReply,
  options: { title: string; message: ReturnType<FastifyRequest["visitor"]["t"]>; back: string; status?: number },
): FastifyReply {
  return sendPage(req, reply, {
    ...(options.status ? { status: options.status } : {}),
    title: options.title,
    body: html`<section class="msg">${options.message}</section>
<div class="actions">${linkButton(options.back, req.visitor.text("web-dossier-back"))}</div>`,
  });
}

/**
 * A Content-Disposition header that no file name can break: an ASCII fallback (quotes, controls
 * and path characters replaced) and the UTF-8 name (RFC 6266 / 5987).
 */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const name = fileName.replace(/[\\/]/g, "_");
  const ascii =
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0111/g, "d")
      .replace(/\u0110/g, "D")
      .replace(/[^\x20-\x7e]|["%;\\]/g, "_")
      .trim() || "file";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The timeline as people read it: when, what (the local criterion and its points), who, the note of a return. */
export function timelineHtml(req: FastifyRequest, events: readonly TimelineEntry[]): Html {
  if (events.length === 0) return html``;
  const { t, text } = req.visitor;
  const lines = events.map((e) => {
    const action = e.evaluation
      ? t("action-evaluate-detail", { ...e.evaluation, id: e.evaluation.criterionId }).value
      : escapeHtml(text(`action-${e.action}`));
    const role = text(`role-${e.actorRole}`);
    const who = escapeHtml(e.actorName ? `${role} ${e.actorName}` : role);
    // `action` and `who` are escaped above; the message's own markup is the code's.
    const line = raw(text("status-event", { at: formatDateTime(e.at), action, who }));
    const note =
      e.note && e.action === "return"
        ? html`<br><span class="msg">${t("status-event-note", { note: e.note })}</span>`
        : "";
    return html`<li>${line}${note}</li>`;
  });
  return html`<section class="timeline"><p>${t("status-timeline")}</p><ul class="list">${lines}</ul></section>`;
}
