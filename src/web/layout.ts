// The page around every screen of the web chat, and the form helpers every screen uses. Mobile
// first: one column, 48 px touch targets; every action is a form POST that works without
// JavaScript, and htmx (hx-boost) makes it update in place when JavaScript runs.
import type { FastifyReply, FastifyRequest } from "fastify";
import { type Html, html, raw } from "./html.js";

export interface PageOptions {
  /** The page's heading and <title> (plain text). */
  title: string;
  body: Html;
  /** HTTP status; default 200. */
  status?: number;
}

/** A form that posts to `action` with the visitor's CSRF token; `content` holds its fields and buttons. */
export function postForm(req: FastifyRequest, action: string, content: Html, attrs: Html = html``): Html {
  return html`<form method="post" action="${action}" ${attrs}><input type="hidden" name="_csrf" value="${req.visitor.csrf}">${content}</form>`;
}

/** A one-button form: the web's inline button. `fields` are hidden name → value pairs. */
export function actionButton(
  req: FastifyRequest,
  action: string,
  label: string | Html,
  fields: Record<string, string | number> = {},
  kind: "primary" | "secondary" | "danger" = "secondary",
): Html {
  const hidden = Object.entries(fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`);
  return postForm(req, action, html`${hidden}<button type="submit" class="btn ${kind}">${label}</button>`);
}

/** A link styled as a button. */
export const linkButton = (href: string, label: string | Html, kind: "primary" | "secondary" = "secondary"): Html =>
  html`<a class="btn ${kind}" href="${href}">${label}</a>`;

/** The signed-in visitor's menu: path → label key. */
// Home is the app's name at the left: the header stays one line on a 360 px phone.
const NAV: readonly (readonly [string, string])[] = [
  ["/notifications", "web-nav-notifications"],
  ["/account", "web-nav-account"],
];

/** The unread count beside "Thông báo"; hidden at 0. /static/live.js keeps it current while the page is open. */
function badge(req: FastifyRequest): Html {
  const n = req.visitor.unread;
  return html` <span class="badge" data-unread ${n === 0 ? raw("hidden") : ""}>${n}</span>`;
}

function nav(req: FastifyRequest): Html {
  return html`<nav>${NAV.map(
    ([href, key]) => html`<a href="${href}">${req.visitor.text(key)}${href === "/notifications" ? badge(req) : ""}</a>`,
  )}</nav>`;
}

/**
 * The button to the other language. Not boosted: the whole page is loaded again, so that <html
 * lang> (which htmx's swap of <body> would leave as it was) follows the language.
 */
function languageButton(req: FastifyRequest, language: string): Html {
  const label = req.visitor.text(`web-language-${language}`);
  return postForm(
    req,
    "/language",
    html`<input type="hidden" name="language" value="${language}"><input type="hidden" name="back" value="${req.url}"><button type="submit" class="btn secondary">${label}</button>`,
    html`hx-boost="false"`,
  );
}

/**
 * The whole page: header (home, notifications), the screen, footer (language, sign-out). htmx is
 * told to show every answer, error pages too (404, 403 for a stale form, 429): by default it would
 * drop them and the button would seem to do nothing.
 */
export function page(req: FastifyRequest, options: PageOptions): Html {
  const { text, locale, user } = req.visitor;
  const other = locale === "vi" ? "en" : "vi";
  const footer = html`<footer>
    ${languageButton(req, other)}
    ${user ? actionButton(req, "/sign-out", text("web-sign-out")) : ""}
  </footer>`;
  return html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content='{"includeIndicatorStyles":false,"refreshOnHistoryMiss":true,"responseHandling":[{"code":"204","swap":false},{"code":"...","swap":true}]}'>
<title>${options.title} · ${text("web-app-name")}</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="manifest" href="/manifest.webmanifest">
<link rel="icon" href="/static/icon.svg" type="image/svg+xml">
<meta name="theme-color" content="#1b5e20">
<script src="/vendor/htmx.min.js" defer></script>
${user ? html`<script src="/static/live.js" defer></script>` : ""}
</head>
<body hx-boost="true">
<header><a class="home" href="/">${text("web-app-name")}</a>${user ? nav(req) : ""}</header>
<main id="main">
<h1>${options.title}</h1>
${options.body}
</main>
${footer}
</body>
</html>`;
}

/** Sends a page as HTML. */
export function sendPage(req: FastifyRequest, reply: FastifyReply, options: PageOptions): FastifyReply {
  return reply
    .code(options.status ?? 200)
    .type("text/html; charset=utf-8")
    .send(page(req, options).value);
}

/** After a POST: to the next screen (303, so a reload does not post again). */
export const seeOther = (reply: FastifyReply, to: string): FastifyReply => reply.redirect(to, 303);
