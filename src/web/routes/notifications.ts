// Notifications on the web: the inbox (the outbox is the notification history), rendered from the
// same texts as on Telegram and marked read when seen; the live unread count (Server-Sent Events);
// the settings page where a person turns Telegram and Web Push on or off (the inbox is always on);
// the service worker that shows Web Push messages.
import { readFileSync } from "node:fs";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formatDateTime } from "../../dates.js";
import { projectPath } from "../../paths.js";
import { hasConsent } from "../../services/people.js";
import { notificationText } from "../../views/notifications.js";
import type { WebDeps } from "../context.js";
import { html, raw } from "../html.js";
import { actionButton, linkButton, postForm, seeOther, sendPage } from "../layout.js";

/** How often an open stream reads its count when nothing wakes it (another instance, a missed wake-up), in ms. */
const STREAM_POLL_MS = 15_000;
/** A comment line this often keeps proxies from closing a quiet stream, in ms. */
const HEARTBEAT_MS = 25_000;
/** Notifications per page of the inbox. */
const PAGE_SIZE = 30;

const serviceWorker = readFileSync(projectPath("src/web/public/sw.js"), "utf8");

function signedIn(req: FastifyRequest, reply: FastifyReply): number | undefined {
  const { user } = req.visitor;
  if (user && hasConsent(user)) return user.id;
  void seeOther(reply, "/");
  return undefined;
}

export function notificationsRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { services } = deps;
  /** Open streams: ended when the server closes, so it does not wait for them. */
  const streams = new Set<() => void>();
  app.addHook("preClose", (done) => {
    for (const end of [...streams]) end();
    done();
  });

  app.get<{ Querystring: { before?: string } }>("/notifications", (req, reply) => {
    const actor = signedIn(req, reply);
    if (actor === undefined) return reply;
    const before = Number(req.query.before);
    const inbox = services.notifications.inbox(actor, {
      limit: PAGE_SIZE,
      ...(Number.isSafeInteger(before) && before > 0 ? { before } : {}),
    });
    if (!inbox.ok) return seeOther(reply, "/");
    const { text, locale } = req.visitor;
    const t = (key: string, args?: Record<string, string | number>) => text(key, args);
    // Where a notice about an application leads its reader: the producer's (or member's) status
    // page, or the officer's view; nowhere when it is no longer theirs to see.
    const links = new Map<number, string | undefined>();
    const linkTo = (appId: number | null) => {
      if (appId === null) return undefined;
      if (!links.has(appId))
        links.set(
          appId,
          services.applications.status(actor, appId).ok
            ? `/a/${appId}/status`
            : services.officer.open(actor, appId).ok
              ? `/officer/a/${appId}`
              : undefined,
        );
      return links.get(appId);
    };
    const items = inbox.items.flatMap((item) => {
      const body = notificationText(t, locale, item, deps);
      if (body === undefined) return [];
      const href = linkTo(item.applicationId);
      return [
        html`<li class="${item.readAt ? "notice-item" : "notice-item unread"}">
<p class="hint">${formatDateTime(item.createdAt)}${item.readAt ? "" : html` · <b>${text("web-account-notifications-new")}</b>`}</p>
<div class="msg">${raw(body)}</div>${href ? html`<p><a href="${href}">${text("web-account-notifications-open")}</a></p>` : ""}</li>`,
      ];
    });
    // Seen now: they count as read from the next page on (this page still marks them new).
    const seen = services.notifications.markRead(
      actor,
      inbox.items.filter((i) => !i.readAt).map((i) => i.id),
    );
    req.visitor.unread = Math.max(0, req.visitor.unread - seen);
    const last = inbox.items.at(-1);
    return sendPage(req, reply, {
      title: text("web-account-notifications-title"),
      body: html`${
        items.length
          ? html`<ul class="list notices">${items}</ul>`
          : html`<p>${text("web-account-notifications-empty")}</p>`
      }
${inbox.more && last ? linkButton(`/notifications?before=${last.id}`, text("web-account-notifications-older")) : ""}
${linkButton("/account/notifications", text("web-account-notifications-settings"))}`,
    });
  });

  // The live count: "count" events with the unread number, at once and on every change.
  app.get("/notifications/stream", (req, reply) => {
    const actor = req.visitor.actor;
    // 204 tells the browser's EventSource to stop reconnecting.
    if (actor === undefined) return reply.code(204).send();
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    });
    let last = -1;
    const update = () => {
      const n = services.notifications.unreadCount(actor);
      if (n === last) return;
      last = n;
      res.write(`event: count\ndata: ${n}\n\n`);
    };
    res.write("retry: 10000\n\n");
    update();
    const unsubscribe = deps.notices?.subscribe(update);
    const poll = setInterval(update, STREAM_POLL_MS);
    const heartbeat = setInterval(() => res.write(": ping\n\n"), HEARTBEAT_MS);
    const end = () => {
      clearInterval(poll);
      clearInterval(heartbeat);
      unsubscribe?.();
      streams.delete(end);
      if (!res.writableEnded) res.end();
    };
    streams.add(end);
    req.raw.on("close", end);
    return reply;
  });

  app.get("/account/notifications", (req, reply) => {
    const actor = signedIn(req, reply);
    if (actor === undefined) return reply;
    const settings = services.notifications.settings(actor);
    if (!settings.ok) return seeOther(reply, "/");
    const { text } = req.visitor;
    const telegram = !settings.onTelegram
      ? html`<p>${text("web-account-settings-telegram-none")}</p>`
      : html`<p>${text(settings.telegramOn ? "web-account-settings-telegram-on" : "web-account-settings-telegram-off")}</p>
${actionButton(
  req,
  "/account/notifications/telegram",
  text(settings.telegramOn ? "web-account-btn-telegram-off" : "web-account-btn-telegram-on"),
  { on: settings.telegramOn ? "0" : "1" },
)}`;
    // The subscribe button needs JavaScript (the browser's Push API): /static/live.js handles it.
    const push = deps.push
      ? postForm(
          req,
          "/account/notifications/push",
          html`<button type="submit" class="btn primary">${text("web-account-btn-push-on")}</button>`,
          html`hx-boost="false" data-push-subscribe data-key="${deps.push.publicKey}" data-done="${text("web-account-push-done")}" data-denied="${text("web-account-push-denied")}" data-unsupported="${text("web-account-push-unsupported")}" data-failed="${text("web-account-push-failed")}"`,
        )
      : "";
    return sendPage(req, reply, {
      title: text("web-account-settings-title"),
      body: html`<p>${text("web-account-settings-inbox")}</p>
${telegram}
<p>${text("web-account-settings-push", { count: settings.pushBrowsers })}</p>
<p class="notice" data-push-status hidden></p>
${push}
<noscript><p class="hint">${text("web-account-push-needs-js")}</p></noscript>
${settings.pushBrowsers > 0 ? actionButton(req, "/account/notifications/push-off", text("web-account-btn-push-off")) : ""}
${linkButton("/account", text("web-account-back"))}`,
    });
  });

  app.post<{ Body: { on?: string } }>("/account/notifications/telegram", (req, reply) => {
    const actor = signedIn(req, reply);
    if (actor === undefined) return reply;
    services.notifications.setTelegram(actor, req.body.on === "1");
    return seeOther(reply, "/account/notifications");
  });

  // From /static/live.js: the browser's PushSubscription as JSON (with the CSRF token). Posted
  // without JavaScript (no subscription), it lands back on the settings page.
  app.post<{ Body: { endpoint?: unknown; keys?: { p256dh?: unknown; auth?: unknown } } }>(
    "/account/notifications/push",
    (req, reply) => {
      const actor = signedIn(req, reply);
      if (actor === undefined) return reply;
      const { endpoint, keys } = req.body ?? {};
      if (typeof endpoint !== "string") return seeOther(reply, "/account/notifications");
      const saved = services.notifications.subscribePush(actor, {
        endpoint,
        p256dh: typeof keys?.p256dh === "string" ? keys.p256dh : "",
        auth: typeof keys?.auth === "string" ? keys.auth : "",
      });
      return reply.code(saved.ok ? 200 : 400).send({ ok: saved.ok });
    },
  );

  app.post("/account/notifications/push-off", (req, reply) => {
    const actor = signedIn(req, reply);
    if (actor === undefined) return reply;
    services.notifications.unsubscribePush(actor);
    return seeOther(reply, "/account/notifications");
  });

  // The service worker, from the root so that it may show notifications for the whole site.
  app.get("/sw.js", (_req, reply) =>
    reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "no-cache")
      .header("service-worker-allowed", "/")
      .send(serviceWorker),
  );
}
