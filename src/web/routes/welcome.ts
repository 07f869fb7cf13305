// The first screens: the welcome and the privacy notice (an account is made only on consent), the
// home menu, the language, signing out.
import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasConsent } from "../../services/people.js";
import { missingRegistrationItem } from "../../services/profile.js";
import type { WebDeps } from "../context.js";
import { cookieOptions, LANGUAGE_COOKIE, localPath, SESSION_COOKIE, sessionCookie } from "../cookies.js";
import { type Html, html } from "../html.js";
import { actionButton, linkButton, seeOther, sendPage } from "../layout.js";

/** The places a signed-in person's home links to, by role: path → label key. */
function homeLinks(req: FastifyRequest, deps: WebDeps): [string, string][] {
  const profile = deps.services.people.profile(req.visitor.actor);
  if (!profile) return [];
  const links: [string, string][] = [];
  if (profile.organisation)
    links.push(["/continue", "web-home-continue"], ["/products", "web-home-products"], ["/status", "web-home-status"]);
  if (profile.owner) links.push(["/members", "web-home-members"]);
  if (profile.officerOf.length > 0 || profile.admin) links.push(["/officer", "web-home-officer"]);
  if (profile.admin) links.push(["/admin", "web-home-admin"]);
  links.push(["/reminders", "web-producer-reminders-link"], ["/account", "web-home-account"]);
  return links;
}

/**
 * The welcome and the privacy notice, with the consent buttons: a one-line greeting, the notice
 * and the buttons first (on a 360×740 phone they fit the first screen), what OCOP is after them. `next`: where consent leads (a
 * path on this site, e.g. an invite link opened before having an account); default home.
 * `intro`: what the visitor came for, shown first (e.g. which organisation invites them).
 */
export function welcomePage(
  req: FastifyRequest,
  reply: FastifyReply,
  options: { next?: string; intro?: Html } = {},
): FastifyReply {
  const { t, text } = req.visitor;
  return sendPage(req, reply, {
    title: text("web-welcome-title"),
    body: html`${options.intro ? html`<section class="notice msg">${options.intro}</section>` : ""}
<p class="msg">${t("web-welcome-short")}</p>
<section class="msg card">${t("web-privacy-notice")}</section>
<div class="actions">
${actionButton(req, "/consent", text("btn-consent-yes"), options.next ? { next: options.next } : {}, "primary")}
${actionButton(req, "/decline", text("btn-consent-no"))}
</div>
<p class="hint">${t("web-have-code")} <a href="/sign-in">${text("web-sign-in-link")}</a></p>
<section class="msg">${t("web-welcome-more")}</section>`,
  });
}

export function welcomeRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get("/", (req, reply) => {
    const { user, text } = req.visitor;
    if (!user || !hasConsent(user)) return welcomePage(req, reply);
    const profile = deps.services.people.profile(user.id);
    if (profile && missingRegistrationItem(profile)) return seeOther(reply, "/register");
    return sendPage(req, reply, {
      title: text("web-home-title", { name: user.fullName ?? "" }),
      body: html`<nav class="menu">${homeLinks(req, deps).map(([href, key]) => linkButton(href, text(key)))}</nav>`,
    });
  });

  // Consent creates the account (a web identity of its own) and signs this browser in; someone
  // signed in who is asked again (a new notice) consents as themselves.
  app.post<{ Body: { next?: string } }>("/consent", (req, reply) => {
    const { user, locale } = req.visitor;
    const next = localPath(req.body.next);
    if (user) {
      deps.services.people.consent(deps.services.accounts.webIdentityOf(user.id), locale);
      return seeOther(reply, next);
    }
    const created = deps.services.people.consent({ channel: "web", externalId: randomUUID() }, locale);
    reply.setCookie(SESSION_COOKIE, deps.services.accounts.startSession(created.id), sessionCookie(deps));
    return seeOther(reply, next);
  });

  app.post("/decline", (req, reply) => {
    deps.services.people.decline(req.visitor.actor);
    return sendPage(req, reply, {
      title: req.visitor.text("web-welcome-title"),
      body: html`<section class="msg">${req.visitor.t("web-consent-declined")}</section>${linkButton("/", req.visitor.text("web-read-again"))}`,
    });
  });

  app.post<{ Body: { language?: string; back?: string } }>("/language", (req, reply) => {
    const language = req.body.language === "en" ? "en" : "vi";
    if (req.visitor.actor !== undefined) deps.services.people.setLanguage(req.visitor.actor, language);
    reply.setCookie(LANGUAGE_COOKIE, language, { ...cookieOptions(deps), maxAge: 365 * 24 * 3600 });
    return seeOther(reply, localPath(req.body.back));
  });

  app.post("/sign-out", (req, reply) => {
    deps.services.accounts.endSession(req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(deps));
    return seeOther(reply, "/");
  });
}
