// Members of an organisation on the web: the owner's list (members, open invitations with their
// links, removing and revoking), and the invitation link itself, /join/<code>: a visitor without
// an account reads the welcome and consents first; someone signed in sees which organisation
// invites them and joins with one button.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formatDate, formatDateTime, formatTime } from "../../dates.js";
import { hasConsent } from "../../services/people.js";
import type { WebDeps } from "../context.js";
import { html } from "../html.js";
import { actionButton, linkButton, seeOther, sendPage } from "../layout.js";
import { idParam, messagePage, notFound } from "../pages.js";
import { welcomePage } from "./welcome.js";

/** An invitation code as the services make them (base64url), checked before any lookup. */
const INVITE_CODE = /^[A-Za-z0-9_-]{8,40}$/;

export function membersRoutes(app: FastifyInstance, deps: WebDeps): void {
  const ownerOnly = (req: FastifyRequest, reply: FastifyReply) =>
    messagePage(req, reply, {
      status: 403,
      title: req.visitor.text("web-dossier-members-title"),
      message: req.visitor.t("members-owner-only"),
      back: "/",
    });

  // The owner's members and open invitations (each with its link, to share by Zalo or in person).
  app.get("/members", (req, reply) => {
    if (req.visitor.actor === undefined) return seeOther(reply, "/");
    const found = deps.services.membership.members(req.visitor.actor);
    if (!found.ok) return ownerOnly(req, reply);
    const { t, text } = req.visitor;
    const { organisation: org, members, invites } = found;
    return sendPage(req, reply, {
      title: text("web-dossier-members-title"),
      body: html`<p class="msg">${t("members-head", { org: org.name, count: members.length })}</p>
${
  members.length
    ? html`<ul class="list">${members.map(
        (
          m,
        ) => html`<li>${m.fullName ?? ""} <span class="hint">(${text("web-dossier-member-since", { since: formatDateTime(m.joinedAt) })})</span>
${actionButton(req, "/members/remove", text("web-dossier-member-remove"), { userId: m.userId }, "danger")}</li>`,
      )}</ul>`
    : html`<p class="hint">${text("web-dossier-members-none")}</p>`
}
${
  invites.length
    ? html`<p>${text("web-dossier-invites-head")}</p><ul class="list">${invites.map(
        (inv) => html`<li><p class="msg">${t("web-dossier-invite-link", {
          link: `${deps.publicUrl}/join/${inv.code}`,
          day: formatDate(inv.expiresAt),
          time: formatTime(inv.expiresAt),
        })}</p>
${actionButton(req, "/members/revoke", text("web-dossier-invite-revoke"), { code: inv.code }, "danger")}</li>`,
      )}</ul>`
    : ""
}
<p class="hint">${t("web-dossier-invite-how", { org: org.name })}</p>
${actionButton(req, "/members/invite", text("btn-invite-member"), {}, "primary")}`,
    });
  });

  app.post("/members/invite", (req, reply) => {
    const created = deps.services.membership.inviteMember(req.visitor.actor);
    return created.ok ? seeOther(reply, "/members") : ownerOnly(req, reply);
  });

  app.post<{ Body: { userId?: string } }>("/members/remove", (req, reply) => {
    const userId = idParam(req.body.userId);
    if (userId === undefined) return notFound(req, reply);
    const removed = deps.services.membership.removeMember(req.visitor.actor, userId);
    if (!removed.ok) return removed.reason === "owner-only" ? ownerOnly(req, reply) : notFound(req, reply);
    return seeOther(reply, "/members");
  });

  app.post<{ Body: { code?: string } }>("/members/revoke", (req, reply) => {
    const code = req.body.code ?? "";
    if (!INVITE_CODE.test(code)) return notFound(req, reply);
    const revoked = deps.services.membership.revokeInvite(req.visitor.actor, code);
    if (!revoked.ok) return revoked.reason === "owner-only" ? ownerOnly(req, reply) : notFound(req, reply);
    return seeOther(reply, "/members");
  });

  /** Why an invitation cannot be used, in the bot's words (they fit the web too). */
  const inviteRefused = (req: FastifyRequest, reply: FastifyReply, reason: string) =>
    messagePage(req, reply, {
      status: reason === "own-organisation" ? 200 : 410,
      title: req.visitor.text("web-dossier-join-title"),
      message: req.visitor.t(`invite-${reason}`),
      back: "/",
    });

  // The invitation link.
  app.get<{ Params: { code: string } }>("/join/:code", (req, reply) => {
    const { code } = req.params;
    if (!INVITE_CODE.test(code)) return inviteRefused(req, reply, "unknown");
    const { user, t, text } = req.visitor;
    const signedIn = user && hasConsent(user) ? user.id : undefined;
    const invitation = deps.services.membership.invitation(signedIn, code);
    if (!invitation.ok) return inviteRefused(req, reply, invitation.reason);
    const intro = t("web-dossier-join-intro", { org: invitation.organisation });
    if (signedIn === undefined) return welcomePage(req, reply, { next: `/join/${code}`, intro });
    if (invitation.joined)
      return sendPage(req, reply, {
        title: text("web-dossier-join-title"),
        body: html`<p class="notice msg">${t("web-dossier-joined", { org: invitation.organisation })}</p>
<nav class="menu">${linkButton("/", text("web-dossier-join-go-on"), "primary")}</nav>`,
      });
    return sendPage(req, reply, {
      title: text("web-dossier-join-title"),
      body: html`<p class="msg">${intro}</p>
${actionButton(req, `/join/${code}`, text("web-dossier-join-button"), {}, "primary")}
${linkButton("/", text("web-dossier-join-not-now"))}`,
    });
  });

  app.post<{ Params: { code: string } }>("/join/:code", (req, reply) => {
    const { code } = req.params;
    if (!INVITE_CODE.test(code)) return inviteRefused(req, reply, "unknown");
    const { user } = req.visitor;
    if (!user || !hasConsent(user)) return seeOther(reply, `/join/${code}`);
    const joined = deps.services.membership.redeem(user.id, "member", code);
    if (!joined.ok) return inviteRefused(req, reply, joined.reason);
    return seeOther(reply, `/join/${code}`);
  });
}
