// Invitations by deep link: members join an organisation (t.me/<bot>?start=join_<code>), officers
// are appointed to communes (…?start=officer_<code>). The owner manages members (/thanhvien);
// administrators appoint and revoke officers (/quantri).

import type { BotCommand } from "grammy/types";
import { formatDate, formatDateTime, formatTime } from "../../dates.js";
import { clip, SEARCH_QUERY_MAX } from "../../text.js";
import { unitLabel, unitLabelOf } from "../../views/admin-units.js";
import { cb, onButton } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { deepLink } from "../deep-link.js";
import { accepted } from "../edits.js";
import { isAdmin, staleButtonText } from "../hints.js";
import { HTML, replyLines } from "../html.js";
import { th } from "../i18n.js";
import { type Button, column } from "../keyboards.js";
import { textSteps } from "../text-steps.js";

export const invitesFeature = new Composer<BotContext>();

export const INVITE_PAYLOAD = /^(join|officer)_([A-Za-z0-9_-]{8,40})$/;

/** The officers' own command menu, set for their chat when they are appointed. */
export const OFFICER_COMMANDS: [string, string][] = [
  ["hoso", "cmd-hoso"],
  ["xuat", "cmd-xuat"],
  ["nhacnho", "cmd-nhacnho"],
  ["thongtin", "cmd-thongtin"],
  ["ngonngu", "cmd-ngonngu"],
  ["huongdan", "cmd-huongdan"],
];

export function commandMenu(t: (key: string) => string, commands: [string, string][]): BotCommand[] {
  return commands.map(([command, key]) => ({ command, description: t(key) }));
}

/** Uses the invitation the user opened (kept through consent), once. */
export async function redeemPendingInvite(ctx: BotContext) {
  const payload = ctx.session.pendingInvite;
  ctx.session.pendingInvite = undefined;
  const m = payload ? INVITE_PAYLOAD.exec(payload) : null;
  if (!m || !ctx.user) return;
  const kind = m[1] === "join" ? "member" : "officer";
  const result = ctx.services.membership.redeem(ctx.user.id, kind, m[2]!);
  if (!result.ok) {
    await ctx.reply(ctx.t(`invite-${result.reason}`), HTML);
    return;
  }
  if (result.kind === "member") {
    await ctx.reply(th(ctx, "invite-joined", { org: result.organisation }), HTML);
    return;
  }
  const communes = result.communes.map((code) => unitLabelOf(ctx.t, ctx.deps.adminUnits, code));
  await ctx.api
    .setMyCommands(
      commandMenu((k) => ctx.t(k), OFFICER_COMMANDS),
      { scope: { type: "chat", chat_id: ctx.chat!.id } },
    )
    .catch((e: unknown) => ctx.log.warn({ err: String(e) }, "officer command menu not set"));
  await ctx.reply(th(ctx, "invite-officer", { communes: communes.join(", ") }), HTML);
}

// Members of an organisation.

async function showMembers(ctx: BotContext) {
  const found = ctx.services.membership.members(ctx.user?.id);
  if (!found.ok) return ctx.reply(ctx.t("members-owner-only"), HTML);
  const { organisation: org, members, invites } = found;
  const lines = [th(ctx, "members-head", { org: org.name, count: members.length })];
  members.forEach((m, i) => {
    lines.push(th(ctx, "members-line", { n: i + 1, name: m.fullName ?? "", since: formatDateTime(m.joinedAt) }));
  });
  if (invites.length) lines.push(ctx.t("members-open-invites", { count: invites.length }));
  const buttons: Button[] = [
    [ctx.t("btn-invite-member"), cb.inviteMember()],
    ...members.map((m, i): Button => [ctx.t("btn-remove-member", { n: i + 1 }), cb.removeMember(m.userId)]),
    ...invites.map((inv, i): Button => [ctx.t("btn-revoke-invite", { n: i + 1 }), cb.revokeInvite(inv.code)]),
  ];
  return replyLines(ctx, lines, { reply_markup: column(buttons) });
}

invitesFeature.command("thanhvien", showMembers);

onButton(invitesFeature, cb.inviteMember, async (ctx) => {
  const created = ctx.services.membership.inviteMember(ctx.user?.id);
  if (!created.ok) return ctx.answerCallbackQuery({ text: ctx.t("members-owner-only"), show_alert: true });
  await ctx.answerCallbackQuery();
  const { invite, organisation: org } = created;
  return ctx.reply(
    th(ctx, "invite-member-link", {
      link: deepLink(ctx.me.username, `join_${invite.code}`),
      day: formatDate(invite.expiresAt),
      time: formatTime(invite.expiresAt),
      org: org.name,
    }),
    HTML,
  );
});

onButton(invitesFeature, cb.removeMember, async (ctx, userId) => {
  if (!ctx.services.membership.removeMember(ctx.user?.id, userId).ok)
    return ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
  await ctx.answerCallbackQuery({ text: ctx.t("member-removed") });
  return ctx.editMessageReplyMarkup();
});

onButton(invitesFeature, cb.revokeInvite, async (ctx, code) => {
  if (!ctx.services.membership.revokeInvite(ctx.user?.id, code).ok)
    return ctx.answerCallbackQuery({ text: staleButtonText(ctx), show_alert: true });
  await ctx.answerCallbackQuery({ text: ctx.t("invite-revoked-done") });
  return ctx.editMessageReplyMarkup();
});

// Administrators: officers.

/** The administrators' menu: appoint officers, see them (and who cannot be reached). */
export async function showAdminMenu(ctx: BotContext) {
  ctx.session.step = undefined;
  return ctx.reply(ctx.t("admin-menu"), {
    ...HTML,
    reply_markup: column([
      [ctx.t("btn-admin-invite-officer"), cb.adminInviteOfficer()],
      [ctx.t("btn-admin-officers"), cb.adminOfficers()],
    ]),
  });
}

invitesFeature.command("quantri", (ctx) => (isAdmin(ctx) ? showAdminMenu(ctx) : ctx.reply(ctx.t("admin-only"), HTML)));

onButton(invitesFeature, cb.adminInviteOfficer, (ctx) => adminPressed(ctx, "invite"));
onButton(invitesFeature, cb.adminOfficers, (ctx) => adminPressed(ctx, "list"));
onButton(invitesFeature, cb.adminCommune, (ctx, code) => adminPressed(ctx, "commune", code));
onButton(invitesFeature, cb.adminRevoke, (ctx, userId) => adminPressed(ctx, "revoke", userId));

/** A button of the administrators' menu, for administrators only. */
async function adminPressed(ctx: BotContext, what: "invite" | "list" | "commune" | "revoke", arg?: string | number) {
  if (!isAdmin(ctx)) return ctx.answerCallbackQuery({ text: ctx.t("admin-only"), show_alert: true });
  await ctx.answerCallbackQuery();
  if (what === "invite") {
    ctx.session.step = "admin-commune";
    return ctx.reply(ctx.t("admin-ask-commune"), HTML);
  }
  const created =
    what === "commune" && typeof arg === "string"
      ? ctx.services.membership.inviteOfficer(ctx.user?.id, arg)
      : undefined;
  if (created?.ok) {
    ctx.session.step = undefined;
    const { invite, commune: c } = created;
    return ctx.reply(
      th(ctx, "admin-officer-link", {
        link: deepLink(ctx.me.username, `officer_${invite.code}`),
        commune: unitLabel(ctx.t, c),
        day: formatDate(invite.expiresAt),
        time: formatTime(invite.expiresAt),
      }),
      HTML,
    );
  }
  const found = what === "list" ? ctx.services.membership.officers(ctx.user?.id) : undefined;
  if (found?.ok) {
    const list = found.officers;
    if (list.length === 0) return ctx.reply(ctx.t("admin-no-officers"), HTML);
    const lines = list.map((o, i) => {
      const line = th(ctx, "admin-officer-line", {
        n: i + 1,
        name: o.fullName ?? String(o.userId),
        commune: unitLabelOf(ctx.t, ctx.deps.adminUnits, o.communeCode),
      });
      return o.unreachableSince
        ? `${line}\n${ctx.t("admin-officer-unreachable", { since: formatDate(o.unreachableSince) })}`
        : line;
    });
    const ids = [...new Set(list.map((o) => o.userId))];
    return replyLines(ctx, lines, {
      reply_markup: column(
        ids.map(
          (id): Button => [
            ctx.t("btn-admin-revoke", { name: list.find((o) => o.userId === id)?.fullName ?? String(id) }),
            cb.adminRevoke(id),
          ],
        ),
      ),
    });
  }
  if (what === "revoke" && typeof arg === "number") {
    const revoked = ctx.services.membership.revokeOfficer(ctx.user?.id, arg);
    return ctx.reply(ctx.t(revoked.ok ? "admin-revoked" : "stale-button"), HTML);
  }
  return ctx.reply(staleButtonText(ctx), HTML);
}

/** Typed text of an administrator looking for a commune to appoint an officer to. */
async function handleAdminText(ctx: BotContext, text: string): Promise<boolean> {
  if (ctx.session.step !== "admin-commune" || !isAdmin(ctx)) return false;
  await accepted(ctx);
  const query = clip(text, SEARCH_QUERY_MAX);
  const found = ctx.deps.adminUnits.search(query, 8);
  if (found.length === 0) {
    await ctx.reply(th(ctx, "commune-none", { query }), HTML);
    return true;
  }
  await ctx.reply(ctx.t("commune-pick"), {
    ...HTML,
    reply_markup: column(found.map((c, i): Button => [`${i + 1}. ${unitLabel(ctx.t, c)}`, cb.adminCommune(c.code)])),
  });
  return true;
}

invitesFeature.use(textSteps(handleAdminText));
