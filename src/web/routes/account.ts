// The person's account on the web: their details with edit links, one-time codes to continue on
// another device or to link Telegram, the sign-in page that redeems a code, signing out everywhere
// and deleting their data. Codes are limited per address and per account.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { showCode } from "../../services/accounts.js";
import { hasConsent } from "../../services/people.js";
import { unitLabelOf } from "../../views/admin-units.js";
import type { WebDeps } from "../context.js";
import { cookieOptions, SESSION_COOKIE, sessionCookie } from "../cookies.js";
import { type Html, html } from "../html.js";
import { actionButton, linkButton, postForm, seeOther, sendPage } from "../layout.js";
import { notFound } from "../pages.js";

/** Codes made per minute: by one account, and from one address (a commune office's Wi-Fi has a few people). */
const ISSUE_PER_ACCOUNT = 5;
const ISSUE_PER_ADDRESS = 20;
/** Codes tried per minute: from one address, and by one signed-in browser's account. */
const REDEEM_PER_ADDRESS = 10;
const REDEEM_PER_ACCOUNT = 5;

type Limiter = (req: FastifyRequest) => Promise<{ isExceeded?: boolean; ttlInSeconds?: number; isAllowed: boolean }>;

/**
 * Limits per address and per account for making or trying codes (@fastify/rate-limit's
 * createRateLimit, each with its own counters): over either, a kind 429 page and nothing done.
 */
function codeLimits(app: FastifyInstance, perAddress: number, perAccount: number) {
  const create = (app as unknown as { createRateLimit: (o: object) => Limiter }).createRateLimit;
  const byAddress = create({ max: perAddress, timeWindow: 60_000, keyGenerator: (req: FastifyRequest) => req.ip });
  const byAccount = create({
    max: perAccount,
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) => `user:${req.visitor.actor}`,
  });
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    // Before sign-in there is no account: the address's limit alone holds.
    for (const limit of req.visitor.actor === undefined ? [byAddress] : [byAddress, byAccount]) {
      const state = await limit(req);
      if (state.isExceeded) {
        reply.header("retry-after", String(state.ttlInSeconds ?? 60));
        await sendPage(req, reply, {
          status: 429,
          title: req.visitor.text("web-error-title"),
          body: html`<p class="msg error">${req.visitor.t("web-account-too-many")}</p>${linkButton("/", req.visitor.text("web-nav-home"))}`,
        });
        return;
      }
    }
  };
}

/** Pages for someone signed in who consented: others go to the welcome. */
function signedIn(req: FastifyRequest, reply: FastifyReply): number | undefined {
  const { user } = req.visitor;
  if (user && hasConsent(user)) return user.id;
  void seeOther(reply, "/");
  return undefined;
}

/** A code in big digits, with the hint under it. */
function codeCard(req: FastifyRequest, code: string, shown: string | Html = showCode(code)): Html {
  return html`<p class="card code">${shown}</p><p class="hint">${req.visitor.t("web-account-code-expiry")}</p>`;
}

export function accountRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { services } = deps;
  const issueLimits = codeLimits(app, ISSUE_PER_ADDRESS, ISSUE_PER_ACCOUNT);
  const redeemLimits = codeLimits(app, REDEEM_PER_ADDRESS, REDEEM_PER_ACCOUNT);

  app.get("/account", (req, reply) => {
    const actor = signedIn(req, reply);
    if (actor === undefined) return reply;
    const profile = services.people.profile(actor);
    if (!profile) return seeOther(reply, "/");
    const { t, text } = req.visitor;
    const { user, organisation } = profile;
    const onTelegram = services.notifications.settings(actor);
    const none = text("web-account-none");
    const row = (label: string, value: string, edit?: string) =>
      html`<tr><th>${label}</th><td>${value}${edit ? html` · <a href="${edit}">${text("web-account-edit")}</a>` : ""}</td></tr>`;
    return sendPage(req, reply, {
      title: text("web-account-title"),
      body: html`<table class="account">
${row(text("web-account-name"), user.fullName ?? none, "/account/name")}
${row(text("web-account-phone"), user.phone ?? none, "/account/phone")}
${row(text("web-account-organisation"), organisation?.name ?? none)}
${row(text("web-account-commune"), organisation ? unitLabelOf(text, deps.adminUnits, organisation.communeCode) : none)}
${row(text("web-account-language"), text("web-account-language-name", { language: req.visitor.locale }))}
${
  deps.telegram
    ? row(
        text("web-account-telegram"),
        onTelegram.ok && onTelegram.onTelegram
          ? text("web-account-telegram-linked")
          : text("web-account-telegram-not-linked"),
      )
    : ""
}
</table>
<div class="menu">
${linkButton("/account/notifications", text("web-account-btn-notifications"))}
${actionButton(req, "/account/code", text("web-account-btn-other-device"))}
${deps.telegram ? actionButton(req, "/account/link-code", text("web-account-btn-link-telegram")) : ""}
${actionButton(req, "/account/sign-out-everywhere", text("web-account-btn-sign-out-everywhere"))}
${linkButton("/account/delete", text("web-account-btn-delete"))}
</div>
${deps.telegram ? html`<p class="hint">${t("web-account-link-other-way", { bot: deps.telegram.username })}</p>` : ""}`,
    });
  });

  // Name and phone: one field per screen, through the same use cases as registration on Telegram.
  for (const field of ["name", "phone"] as const) {
    const form = (req: FastifyRequest, value: string, error?: Html) =>
      postForm(
        req,
        `/account/${field}`,
        html`${error ? html`<p class="error msg">${error}</p>` : ""}
<label for="${field}">${req.visitor.text(`web-account-${field}`)}</label>
<input id="${field}" name="${field}" value="${value}" ${field === "phone" ? html`type="tel" autocomplete="tel"` : html`autocomplete="name"`} required maxlength="100">
<p class="hint">${req.visitor.text(`web-account-${field}-hint`)}</p>
<div class="actions"><button type="submit" class="btn primary">${req.visitor.text("web-account-save")}</button>
${linkButton("/account", req.visitor.text("web-account-back"))}</div>`,
      );
    app.get(`/account/${field}`, (req, reply) => {
      const actor = signedIn(req, reply);
      if (actor === undefined) return reply;
      const user = services.people.user(actor);
      const current = (field === "name" ? user?.fullName : user?.phone) ?? "";
      return sendPage(req, reply, { title: req.visitor.text(`web-account-${field}-title`), body: form(req, current) });
    });
    app.post<{ Body: Record<string, string | undefined> }>(`/account/${field}`, (req, reply) => {
      const actor = signedIn(req, reply);
      if (actor === undefined) return reply;
      const typed = String(req.body[field] ?? "").slice(0, 200);
      const saved = field === "name" ? services.people.setName(actor, typed) : services.people.setPhone(actor, typed);
      if (saved.ok) return seeOther(reply, "/account");
      const message = saved.reason === "not-found" ? "web-not-found" : saved.reason;
      return sendPage(req, reply, {
        status: 400,
        title: req.visitor.text(`web-account-${field}-title`),
        body: form(req, typed, req.visitor.t(message)),
      });
    });
  }

  // Continue on another device: a one-time sign-in code and its link. Shown once, never stored as is.
  app.post("/account/code", { preHandler: issueLimits }, (req, reply) => {
    const actor = signedIn(req, reply);
    if (actor === undefined) return reply;
    const issued = services.accounts.issueCode(actor, "sign-in");
    if (!issued.ok) return seeOther(reply, "/");
    const { text } = req.visitor;
    const link = `${deps.publicUrl}/sign-in?code=${issued.code}`;
    return sendPage(req, reply, {
      title: text("web-account-code-title"),
      body: html`<p>${text("web-account-code-intro")}</p>
<p class="card"><a class="code-link" href="${link}">${link}</a></p>
<p>${text("web-account-code-or")}</p>
${codeCard(req, issued.code)}
${linkButton("/account", text("web-account-back"))}`,
    });
  });

  // Link Telegram: a code to send to the bot as /lienket <code>.
  app.post("/account/link-code", { preHandler: issueLimits }, (req, reply) => {
    const { telegram } = deps;
    if (!telegram) return notFound(req, reply);
    const actor = signedIn(req, reply);
    if (actor === undefined) return reply;
    const issued = services.accounts.issueCode(actor, "link");
    if (!issued.ok) return seeOther(reply, "/");
    const { t, text } = req.visitor;
    return sendPage(req, reply, {
      title: text("web-account-link-title"),
      body: html`<p>${t("web-account-link-intro", { bot: telegram.username })}</p>
${codeCard(req, issued.code, `/lienket ${issued.code}`)}
<p class="msg">${t("web-account-link-after")}</p>
${linkButton("/account", text("web-account-back"))}`,
    });
  });

  // The sign-in page: the link pre-fills the code, a person still presses the button (a POST).
  const signInPage = (req: FastifyRequest, reply: FastifyReply, code: string, error?: Html, status = 200) => {
    const { t, text } = req.visitor;
    return sendPage(req, reply, {
      status,
      title: text("web-account-sign-in-title"),
      body: html`${error ? html`<p class="error msg">${error}</p>` : ""}
<p class="msg">${t("web-account-sign-in-intro")}</p>
${postForm(
  req,
  "/sign-in",
  html`<label for="code">${text("web-account-sign-in-code")}</label>
<input id="code" name="code" value="${code}" inputmode="numeric" autocomplete="one-time-code" maxlength="20" required>
<button type="submit" class="btn primary">${text("web-account-sign-in-button")}</button>`,
)}`,
    });
  };

  app.get<{ Querystring: { code?: string } }>("/sign-in", (req, reply) =>
    signInPage(
      req,
      reply,
      String(req.query.code ?? "")
        .replace(/\D/g, "")
        .slice(0, 8),
    ),
  );

  app.post<{ Body: { code?: string } }>("/sign-in", { preHandler: redeemLimits }, (req, reply) => {
    const typed = String(req.body.code ?? "").slice(0, 40);
    const result = services.accounts.signInWithCode(typed, req.visitor.actor);
    if (!result.ok) {
      const key = result.reason === "other-account" ? "web-account-other-account" : "web-account-invalid-code";
      return signInPage(req, reply, "", req.visitor.t(key), result.reason === "other-account" ? 409 : 400);
    }
    // This browser's old session (if any) ends; the new one is the code's user's.
    const old = req.cookies[SESSION_COOKIE];
    if (old) services.accounts.endSession(old);
    reply.setCookie(SESSION_COOKIE, result.token, sessionCookie(deps));
    return seeOther(reply, "/");
  });

  /** This browser signed out, and the page saying so (`<key>-title`, `<key>`) as someone signed out sees it. */
  const signedOutPage = (req: FastifyRequest, reply: FastifyReply, key: string) => {
    reply.clearCookie(SESSION_COOKIE, cookieOptions(deps));
    Object.assign(req.visitor, { user: undefined, actor: undefined, unread: 0 });
    return sendPage(req, reply, {
      title: req.visitor.text(`${key}-title`),
      body: html`<p class="msg">${req.visitor.t(key)}</p>${linkButton("/", req.visitor.text("web-nav-home"))}`,
    });
  };

  app.post("/account/sign-out-everywhere", (req, reply) => {
    const actor = signedIn(req, reply);
    if (actor === undefined) return reply;
    services.accounts.endAllSessions(actor);
    return signedOutPage(req, reply, "web-account-signed-out-everywhere");
  });

  app.get("/account/delete", (req, reply) => {
    const actor = signedIn(req, reply);
    if (actor === undefined) return reply;
    const { t, text } = req.visitor;
    return sendPage(req, reply, {
      title: text("web-account-delete-title"),
      body: html`<section class="msg card">${t("delete-confirm")}</section>
<div class="actions">
${actionButton(req, "/account/delete", text("btn-delete-yes"), {}, "danger")}
${linkButton("/account", text("btn-delete-no"))}
</div>`,
    });
  });

  app.post("/account/delete", (req, reply) => {
    const actor = signedIn(req, reply);
    if (actor === undefined) return reply;
    services.people.deleteData(actor);
    return signedOutPage(req, reply, "web-account-deleted");
  });
}
