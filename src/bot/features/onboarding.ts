// /start, consent, registration, profile, language and deleting one's data.

import { InlineKeyboard, Keyboard } from "grammy";
import { formatDate } from "../../dates.js";
import { hasConsent, telegramIdentity } from "../../services/people.js";
import { missingRegistrationItem, ORGANISATION_TYPES } from "../../services/profile.js";
import { clip, SEARCH_QUERY_MAX } from "../../text.js";
import { unitLabel, unitLabelOf } from "../../views/admin-units.js";
import { cb, onButton } from "../callback-data.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { accepted } from "../edits.js";
import { isAdmin, staleButtonText } from "../hints.js";
import { HTML } from "../html.js";
import { th, useLocale } from "../i18n.js";
import { type Button, column } from "../keyboards.js";
import { textSteps } from "../text-steps.js";
import { continueWalk } from "./assessment.js";
import { INVITE_PAYLOAD, redeemPendingInvite, showAdminMenu } from "./invites.js";
import { showMainMenu } from "./products.js";

export const onboarding = new Composer<BotContext>();

const PROFILE_FIELDS = ["name", "phone", "org-type", "org-name", "commune"] as const;

export async function askConsent(ctx: BotContext) {
  await ctx.reply(ctx.t("welcome"), HTML);
  await askPrivacyConsent(ctx);
}

async function askPrivacyConsent(ctx: BotContext) {
  await ctx.reply(ctx.t("privacy-notice"), {
    ...HTML,
    reply_markup: new InlineKeyboard()
      .text(ctx.t("btn-consent-yes"), cb.consent(true))
      .text(ctx.t("btn-consent-no"), cb.consent(false)),
  });
}

/** Before consent or during registration: asks the current step's question again, with its buttons. */
async function repeatRegistrationQuestion(ctx: BotContext) {
  if (!hasConsent(ctx.user)) return askPrivacyConsent(ctx);
  return ASK[ctx.session.step as RegistrationStep](ctx);
}

/** Before consent, or at a registration step. */
function isRegistering(ctx: BotContext): boolean {
  return !hasConsent(ctx.user) || (ctx.session.step !== undefined && ctx.session.step in ASK);
}

/**
 * Next to last in line, before consent and during registration, where the commands do not work
 * yet: what no feature took (a sticker, an old button) gets the current question again.
 */
export const registrationFallback = new Composer<BotContext>();
const registering = registrationFallback.filter(isRegistering);

registering.on("message").drop(
  (ctx) => ctx.message.text !== undefined,
  async (ctx) => {
    await ctx.reply(ctx.t("unsupported-message"), HTML);
    return repeatRegistrationQuestion(ctx);
  },
);

registering.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("stale-button-registering") });
  // A button of an inline-mode message has no chat to ask in.
  return ctx.chat ? repeatRegistrationQuestion(ctx) : undefined;
});

/** Asks the next missing registration item, or shows the main menu when nothing is missing. */
export async function continueRegistration(ctx: BotContext) {
  const profile = ctx.services.people.profile(ctx.user?.id);
  if (!profile) return askConsent(ctx);
  const missing = missingRegistrationItem(profile);
  if (missing) return ASK[`reg-${missing}`](ctx);
  // Provincial administrators register no organisation: their work is /quantri, /hoso, /xuat.
  if (!profile.organisation && isAdmin(ctx) && profile.officerOf.length === 0) {
    ctx.session.step = undefined;
    await ctx.reply(ctx.t("admin-welcome"), HTML);
    return showAdminMenu(ctx);
  }
  ctx.session.step = undefined;
  if (!profile.organisation) return ctx.reply(ctx.t("officer-welcome"), HTML);
  return showMainMenu(ctx);
}

async function askName(ctx: BotContext) {
  ctx.session.step = "reg-name";
  await ctx.reply(ctx.t("ask-name"), HTML);
}

async function askPhone(ctx: BotContext) {
  ctx.session.step = "reg-phone";
  await ctx.reply(ctx.t("ask-phone"), {
    ...HTML,
    reply_markup: new Keyboard().requestContact(ctx.t("btn-share-phone")).resized().oneTime(),
  });
}

async function askOrgType(ctx: BotContext) {
  ctx.session.step = "reg-org-type";
  const kb = column(ORGANISATION_TYPES.map((type) => [ctx.t(`org-type-${type}`), cb.orgType(type)]));
  await ctx.reply(ctx.t("ask-org-type"), { ...HTML, reply_markup: kb });
}

/** Households only: the law admits them as producers with a business registration (Art. 2). */
async function askBusinessRegistration(ctx: BotContext) {
  ctx.session.step = "reg-business-registration";
  await ctx.reply(ctx.t("ask-business-registration"), {
    ...HTML,
    reply_markup: column([
      [ctx.t("btn-registered-yes"), cb.businessRegistered(true)],
      [ctx.t("btn-registered-no"), cb.businessRegistered(false)],
    ]),
  });
}

async function askOrgName(ctx: BotContext) {
  ctx.session.step = "reg-org-name";
  await ctx.reply(ctx.t("ask-org-name"), HTML);
}

async function askCommune(ctx: BotContext) {
  ctx.session.step = "reg-commune";
  await ctx.reply(ctx.t("ask-commune"), HTML);
}

type RegistrationStep =
  | "reg-name"
  | "reg-phone"
  | "reg-org-type"
  | "reg-business-registration"
  | "reg-org-name"
  | "reg-commune";

/** The question of each registration step (also used to edit a profile field). */
const ASK: Record<RegistrationStep, (ctx: BotContext) => Promise<void>> = {
  "reg-name": askName,
  "reg-phone": askPhone,
  "reg-org-type": askOrgType,
  "reg-business-registration": askBusinessRegistration,
  "reg-org-name": askOrgName,
  "reg-commune": askCommune,
};

/** After a profile field is saved: back to the profile when editing, else on with registration. */
async function afterSave(ctx: BotContext) {
  ctx.user = ctx.services.people.user(ctx.user?.id);
  if (ctx.session.editing) {
    ctx.session.editing = false;
    ctx.session.step = undefined;
    await ctx.reply(ctx.t("profile-saved"), { reply_markup: { remove_keyboard: true } });
    return showProfile(ctx);
  }
  return continueRegistration(ctx);
}

onboarding.command("start", async (ctx) => {
  ctx.session.step = undefined;
  if (INVITE_PAYLOAD.test(ctx.match)) ctx.session.pendingInvite = ctx.match;
  if (!hasConsent(ctx.user)) return askConsent(ctx);
  await redeemPendingInvite(ctx);
  return continueRegistration(ctx);
});

// An administrator's first message may be /quantri: consent, then straight to the menu.
onboarding.command("quantri", async (ctx, next) => {
  if (!isAdmin(ctx) || hasConsent(ctx.user)) return next();
  ctx.session.afterConsent = "quantri";
  return askConsent(ctx);
});

onButton(onboarding, cb.consent, async (ctx, yes) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  if (!yes) {
    ctx.services.people.decline(ctx.user?.id);
    ctx.session = {};
    return ctx.reply(ctx.t("consent-declined"), HTML);
  }
  if (!hasConsent(ctx.user)) {
    ctx.user = ctx.services.people.consent(
      telegramIdentity(ctx.from.id),
      ctx.from.language_code?.startsWith("en") ? "en" : undefined,
    );
    await ctx.reply(ctx.t("consent-thanks"), HTML);
  }
  await redeemPendingInvite(ctx);
  const then = ctx.session.afterConsent;
  ctx.session.afterConsent = undefined;
  if (then === "quantri" && isAdmin(ctx)) return showAdminMenu(ctx);
  return continueRegistration(ctx);
});

/** Typed text during registration. Returns false when the text is not for registration. */
async function handleRegistrationText(ctx: BotContext, text: string): Promise<boolean> {
  const { people } = ctx.services;
  const user = ctx.user;
  if (!user) return false;
  switch (ctx.session.step) {
    case "reg-name": {
      const saved = people.setName(user.id, text);
      if (!saved.ok) {
        await ctx.reply(ctx.t(saved.reason === "invalid-name" ? "invalid-name" : "stale-button"), HTML);
        return true;
      }
      await accepted(ctx);
      await afterSave(ctx);
      return true;
    }
    case "reg-phone": {
      const saved = people.setPhone(user.id, text);
      if (!saved.ok) {
        await ctx.reply(ctx.t(saved.reason === "invalid-phone" ? "invalid-phone" : "stale-button"), HTML);
        return true;
      }
      await accepted(ctx);
      await ctx.reply(ctx.t("phone-saved", { phone: saved.phone }), { reply_markup: { remove_keyboard: true } });
      await afterSave(ctx);
      return true;
    }
    case "reg-org-type":
      await askOrgType(ctx);
      return true;
    case "reg-business-registration":
      await askBusinessRegistration(ctx);
      return true;
    case "reg-org-name": {
      const saved = people.setOrganisationName(user.id, text);
      if (!saved.ok) {
        await ctx.reply(ctx.t(saved.reason === "invalid-name" ? "invalid-org-name" : "stale-button"), HTML);
        return true;
      }
      await accepted(ctx);
      await afterSave(ctx);
      return true;
    }
    case "reg-commune":
      await accepted(ctx);
      await offerCommunes(ctx, text);
      return true;
    default:
      return false;
  }
}

onboarding.use(textSteps(handleRegistrationText));

async function offerCommunes(ctx: BotContext, typed: string) {
  const query = clip(typed, SEARCH_QUERY_MAX);
  const found = ctx.deps.adminUnits.search(query, 8);
  if (found.length === 0) {
    ctx.session.communeChoices = [];
    return ctx.reply(th(ctx, "commune-none", { query }), HTML);
  }
  ctx.session.communeChoices = found.map((c) => c.code);
  const kb = column(found.map((c, i) => [`${i + 1}. ${unitLabel(ctx.t, c)}`, cb.commune(c.code)]));
  return ctx.reply(ctx.t("commune-pick"), { ...HTML, reply_markup: kb });
}

onboarding.on("message:contact", async (ctx, next) => {
  if (ctx.session.step !== "reg-phone" || !ctx.user) return next();
  const contact = ctx.message.contact;
  if (contact.user_id !== ctx.from.id) return ctx.reply(ctx.t("contact-not-yours"), HTML);
  const saved = ctx.services.people.setPhone(ctx.user.id, contact.phone_number);
  if (!saved.ok) return ctx.reply(ctx.t(saved.reason === "invalid-phone" ? "invalid-phone" : "stale-button"), HTML);
  await ctx.reply(ctx.t("phone-saved", { phone: saved.phone }), { reply_markup: { remove_keyboard: true } });
  return afterSave(ctx);
});

onButton(onboarding, cb.orgType, async (ctx, type) => {
  const saved = ctx.services.people.setOrganisationType(ctx.user?.id, type);
  if (!saved.ok) return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("org-type-chosen", { type: ctx.t(`org-type-${type}`) }));
  if (saved.organisation && type === "household") return askBusinessRegistration(ctx);
  return afterSave(ctx);
});

onButton(onboarding, cb.businessRegistered, async (ctx, registered) => {
  const saved = ctx.services.people.setBusinessRegistration(ctx.user?.id, registered);
  if (!saved.ok) return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  if (!registered) await ctx.reply(ctx.t("household-unregistered"), HTML);
  // From the readiness checklist (not registration, not the profile): noted, and the walk through
  // what is missing goes on when it is under way.
  if (saved.organisation && !ctx.session.editing) {
    ctx.session.step = undefined;
    if (!registered) return undefined;
    const walking = ctx.session.fixing;
    await ctx.reply(ctx.t(walking ? "business-registration-noted" : "business-registration-saved"), HTML);
    return walking ? continueWalk(ctx, walking, { kind: "registration" }) : undefined;
  }
  return afterSave(ctx);
});

onButton(onboarding, cb.commune, async (ctx, code) => {
  const commune = ctx.deps.adminUnits.commune(code);
  if (!ctx.user || !commune || commune.removed || ctx.session.step !== "reg-commune") {
    return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  }
  const saved = ctx.services.people.setCommune(ctx.user.id, commune.code);
  if (!saved.ok && saved.reason !== "incomplete") return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("commune-chosen", { commune: unitLabel(ctx.t, commune) }));
  if (!saved.ok) return continueRegistration(ctx);
  ctx.session.communeChoices = undefined;
  if (!ctx.session.editing) await ctx.reply(ctx.t("registration-done"), HTML);
  return afterSave(ctx);
});

/** The user's details; the organisation's only for its owner to edit (members and officers see theirs). */
export async function showProfile(ctx: BotContext) {
  const profile = ctx.services.people.profile(ctx.user?.id);
  const user = profile?.user;
  if (!profile || !user?.fullName || !user.phone) return continueRegistration(ctx);
  const { organisation: org, owner, officerOf } = profile;
  const fields = PROFILE_FIELDS.filter((f) => owner || f === "name" || f === "phone");
  const kb = column([
    ...fields.map((field): Button => [ctx.t(`btn-edit-${field}`), cb.profileEdit(field)]),
    [ctx.t("btn-delete-data"), cb.deleteData("ask")],
  ]);
  const lines = [
    th(ctx, "profile-person", { name: user.fullName, phone: user.phone, consentAt: formatDate(user.consentAt) }),
  ];
  if (org) {
    lines.push(
      th(ctx, "profile-organisation", {
        orgType: ctx.t(`org-type-${org.type}`),
        orgName: org.name,
        commune: unitLabelOf(ctx.t, ctx.deps.adminUnits, org.communeCode),
      }),
    );
    if (org.type === "household" && org.businessRegistered !== null) {
      lines.push(ctx.t(org.businessRegistered ? "profile-business-registered" : "profile-business-unregistered"));
    }
  }
  const communes = officerOf.map((code) => unitLabelOf(ctx.t, ctx.deps.adminUnits, code));
  if (communes.length) lines.push(th(ctx, "profile-officer", { communes: communes.join(", ") }));
  await ctx.reply(lines.join("\n"), { ...HTML, reply_markup: kb });
}

onboarding.command("thongtin", (ctx) => (hasConsent(ctx.user) ? showProfile(ctx) : askConsent(ctx)));

onButton(onboarding, cb.profileEdit, async (ctx, field) => {
  const allowed = field === "name" || field === "phone" || !!ctx.services.people.profile(ctx.user?.id)?.owner;
  if (!ctx.user || !PROFILE_FIELDS.includes(field as (typeof PROFILE_FIELDS)[number]) || !allowed) {
    return ctx.answerCallbackQuery({ text: staleButtonText(ctx) });
  }
  await ctx.answerCallbackQuery();
  ctx.session.editing = true;
  return ASK[`reg-${field}` as RegistrationStep](ctx);
});

async function askDelete(ctx: BotContext) {
  if (!ctx.user) return ctx.reply(ctx.t("delete-nothing"), HTML);
  return ctx.reply(ctx.t("delete-confirm"), {
    ...HTML,
    reply_markup: new InlineKeyboard()
      .text(ctx.t("btn-delete-yes"), cb.deleteData("sure"))
      .text(ctx.t("btn-delete-no"), cb.deleteData("no")),
  });
}

onboarding.command("xoadulieu", askDelete);

onButton(onboarding, cb.deleteData, async (ctx, choice) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  if (choice === "ask") return askDelete(ctx);
  if (choice !== "sure") return ctx.reply(ctx.t("delete-cancelled"), HTML);
  if (ctx.user) ctx.services.people.deleteData(ctx.user.id);
  ctx.user = undefined;
  ctx.session = {};
  return ctx.reply(ctx.t("delete-done"), HTML);
});

onboarding.command("ngonngu", async (ctx) => {
  await ctx.reply(ctx.t("language-pick"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("language-vi"), cb.language("vi"))
      .text(ctx.t("language-en"), cb.language("en")),
  });
});

onButton(onboarding, cb.language, async (ctx, locale) => {
  await ctx.answerCallbackQuery();
  if (ctx.user) ctx.services.people.setLanguage(ctx.user.id, locale);
  else ctx.session.language = locale;
  useLocale(ctx, locale);
  await ctx.editMessageText(ctx.t("language-set"));
});
