// Invitations by deep link: members join an organisation (t.me/<bot>?start=join_<code>), officers
// are appointed to communes (…?start=officer_<code>). The owner manages members (/thanhvien);
// administrators appoint and revoke officers (/quantri).
import { Composer } from "grammy";
import type { BotCommand } from "grammy/types";
import { formatDate, formatDateTime, formatTime } from "../../dates.js";
import {
  allOfficers,
  communesOfOfficer,
  createMemberInvite,
  createOfficerInvite,
  membersOf,
  openInvites,
  redeemInvite,
  removeMember,
  revokeInvite,
  revokeOfficer,
} from "../../services/membership.js";
import { organisationOf, ownsOrganisation } from "../../services/people.js";
import { clip, SEARCH_QUERY_MAX } from "../../text.js";
import { unitLabel, unitLabelOf } from "../../views/admin-units.js";
import { cb, onButton } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { deepLink } from "../deep-link.js";
import { accepted } from "../edits.js";
import { HTML, replyLines } from "../html.js";
import { th } from "../i18n.js";
import { type Button, column } from "../keyboards.js";
import { textSteps } from "../text-steps.js";
import { isAdmin } from "../workflow.js";

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
  const result = redeemInvite(ctx.deps.db, kind, m[2]!, ctx.user.id);
  if (!result.ok) {
    await ctx.reply(ctx.t(`invite-${result.reason}`), HTML);
    return;
  }
  if (kind === "member") {
    const org = organisationOf(ctx.deps.db, ctx.user);
    await ctx.reply(th(ctx, "invite-joined", { org: org?.name ?? "" }), HTML);
    return;
  }
  const communes = communesOfOfficer(ctx.deps.db, ctx.user.id).map((code) =>
    unitLabelOf(ctx.t, ctx.deps.adminUnits, code),
  );
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
  const org = ctx.user && organisationOf(ctx.deps.db, ctx.user);
  if (!org || !ownsOrganisation(ctx.user!, org)) return ctx.reply(ctx.t("members-owner-only"), HTML);
  const members = membersOf(ctx.deps.db, org.id);
  const invites = openInvites(ctx.deps.db, "member", org.id);
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
  const org = ctx.user && organisationOf(ctx.deps.db, ctx.user);
  if (!org || !ownsOrganisation(ctx.user!, org))
    return ctx.answerCallbackQuery({ text: ctx.t("members-owner-only"), show_alert: true });
  await ctx.answerCallbackQuery();
  const invite = createMemberInvite(ctx.deps.db, org.id, ctx.user!.id);
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
  const org = ctx.user && organisationOf(ctx.deps.db, ctx.user);
  if (!org || !ownsOrganisation(ctx.user!, org) || !removeMember(ctx.deps.db, org.id, userId)) {
    return ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true });
  }
  await ctx.answerCallbackQuery({ text: ctx.t("member-removed") });
  return ctx.editMessageReplyMarkup();
});

onButton(invitesFeature, cb.revokeInvite, async (ctx, code) => {
  const org = ctx.user && organisationOf(ctx.deps.db, ctx.user);
  const mine =
    org && ownsOrganisation(ctx.user!, org) && openInvites(ctx.deps.db, "member", org.id).some((i) => i.code === code);
  if (!mine || !revokeInvite(ctx.deps.db, code))
    return ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true });
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
  const c = what === "commune" && typeof arg === "string" ? ctx.deps.adminUnits.commune(arg) : undefined;
  if (c && !c.removed) {
    ctx.session.step = undefined;
    const invite = createOfficerInvite(ctx.deps.db, [c.code], ctx.user!.id);
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
  if (what === "list") {
    const list = allOfficers(ctx.deps.db);
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
    const n = revokeOfficer(ctx.deps.db, arg);
    return ctx.reply(ctx.t(n ? "admin-revoked" : "stale-button"), HTML);
  }
  return ctx.reply(ctx.t("stale-button"), HTML);
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
