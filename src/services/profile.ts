// The people's use cases: consent, registration and profile, the organisation one produces under,
// the language, and deleting one's own data. (A file of its own: people.ts is imported by
// membership.ts and privacy.ts, which these use cases need.)
import { ORGANISATION_TYPES, type OrganisationType } from "../db/schema.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import { communesOfOfficer } from "./membership.js";
import {
  declineConsent,
  findUser,
  findUserBy,
  grantConsent,
  type Identity,
  isAdminUser,
  isRegistered,
  normaliseFullName,
  normaliseOrganisationName,
  normalisePhone,
  type Organisation,
  organisationOf,
  ownsOrganisation,
  saveOrganisation,
  saveRegistrationDraft,
  setLanguage,
  type User,
  updateUser,
} from "./people.js";
import { deletePersonalData } from "./privacy.js";

/** The kinds of producer organisation the law names (household, cooperative group, cooperative, enterprise). */
export { ORGANISATION_TYPES, type OrganisationType };

/** Who the actor is to the bot: their details, their organisation, and the communes they serve. */
export interface Profile {
  user: User;
  /** Their own organisation, else the first one they joined as a member. */
  organisation: Organisation | undefined;
  /** They own `organisation` (only the owner edits it). */
  owner: boolean;
  /** The communes they are an active officer of. */
  officerOf: string[];
  /** Name, phone and an organisation given: the producer's commands work. */
  registered: boolean;
  /** A provincial administrator (their Telegram id is in ADMIN_IDS). */
  admin: boolean;
}

/** The registration items, in the order they are asked. */
export const REGISTRATION_ITEMS = [
  "name",
  "phone",
  "org-type",
  "business-registration",
  "org-name",
  "commune",
] as const;
export type RegistrationItem = (typeof REGISTRATION_ITEMS)[number];

/**
 * The registration item still missing, from the profile alone (so a channel can always rebuild
 * where someone is): undefined once registered, or for an officer or administrator (who give only
 * their name and phone) without an organisation. "business-registration" is asked of households only.
 */
export function missingRegistrationItem({
  user,
  organisation,
  officerOf,
  admin,
}: Profile): RegistrationItem | undefined {
  if (!user.fullName) return "name";
  if (!user.phone) return "phone";
  if (admin || organisation || officerOf.length > 0) return undefined;
  if (!user.pendingOrgType) return "org-type";
  if (user.pendingOrgType === "household" && user.pendingBusinessRegistered === null) return "business-registration";
  if (!user.pendingOrgName) return "org-name";
  return "commune";
}

/** "not-found": no actor, or a user the database no longer knows. */
export type PeopleRefusal = "not-found";

/**
 * The people's use cases. Each acts on the actor's own data only; an unknown actor gets
 * "not-found", someone who does not own the organisation "not-owner", and a refused call writes
 * nothing.
 */
export function peopleService({ db, adminUnits, adminIds, notify }: CoreDeps) {
  const userOf = (actor: Actor): User | undefined => (actor === undefined ? undefined : findUser(db, actor));

  const profile = (actor: Actor): Profile | undefined => {
    const user = userOf(actor);
    if (!user) return undefined;
    const organisation = organisationOf(db, user);
    return {
      user,
      organisation,
      owner: !!organisation && ownsOrganisation(user, organisation),
      officerOf: communesOfOfficer(db, user.id),
      registered: isRegistered(db, user),
      admin: isAdminUser(db, adminIds, user.id),
    };
  };

  /**
   * The actor's user and the organisation they may edit: their own, or none yet (registration);
   * "not-owner" when their organisation is one they only belong to.
   */
  const editor = (
    actor: Actor,
  ): { ok: true; user: User; organisation: Organisation | undefined } | Refused<PeopleRefusal | "not-owner"> => {
    const p = profile(actor);
    if (!p) return refuse("not-found");
    if (p.organisation && !p.owner) return refuse("not-owner");
    return { ok: true, user: p.user, organisation: p.organisation };
  };

  return {
    /** The user a channel knows by this identity (e.g. a Telegram user id), if any: who is acting. */
    byIdentity: (identity: Identity): User | undefined => findUserBy(db, identity),

    /** The actor's user row as it is now (after a change), if any. */
    user: userOf,

    /** The actor's details, organisation (owned or joined) and officer communes; undefined for an unknown actor. */
    profile,

    /**
     * Records the consent (the current privacy notice) of the person a channel knows by `identity`,
     * creating the user on first consent, with the consent event, in one transaction. `language`:
     * their app's language, kept only if they chose none before. Returns the user.
     */
    consent: (identity: Identity, language: string | undefined): User => grantConsent(db, identity, language),

    /** Records that the actor declined the privacy notice; a person the database does not know leaves no trace. */
    decline(actor: Actor): void {
      if (actor !== undefined) declineConsent(db, actor);
    },

    /** The language the actor reads the bot in ("vi", "en"). */
    setLanguage(actor: Actor, language: string): { ok: true } | Refused<PeopleRefusal> {
      if (!userOf(actor)) return refuse("not-found");
      setLanguage(db, actor!, language);
      return { ok: true };
    },

    /** The actor's full name as typed (see normaliseFullName); "invalid-name" when it is not one. */
    setName(actor: Actor, typed: string): { ok: true; name: string } | Refused<PeopleRefusal | "invalid-name"> {
      if (!userOf(actor)) return refuse("not-found");
      const name = normaliseFullName(typed);
      if (!name) return refuse("invalid-name");
      updateUser(db, actor!, { fullName: name });
      return { ok: true, name };
    },

    /** The actor's mobile number as typed or shared (see normalisePhone), stored as "0912345678". */
    setPhone(actor: Actor, typed: string): { ok: true; phone: string } | Refused<PeopleRefusal | "invalid-phone"> {
      if (!userOf(actor)) return refuse("not-found");
      const phone = normalisePhone(typed);
      if (!phone) return refuse("invalid-phone");
      updateUser(db, actor!, { phone });
      return { ok: true, phone };
    },

    /**
     * The name of the actor's organisation (2–120 characters): renames the one they own, or keeps
     * it for registration until the commune is chosen. Refused for a member who does not own it.
     */
    setOrganisationName(
      actor: Actor,
      typed: string,
    ): { ok: true; name: string } | Refused<PeopleRefusal | "not-owner" | "invalid-name"> {
      const found = editor(actor);
      if (!found.ok) return found;
      const name = normaliseOrganisationName(typed);
      if (!name) return refuse("invalid-name");
      if (found.organisation) saveOrganisation(db, found.user, { name });
      else saveRegistrationDraft(db, found.user.id, { name });
      return { ok: true, name };
    },

    /**
     * The type of the actor's organisation. For one they own, a type other than household forgets
     * the business registration answer; during registration it is kept until the commune is
     * chosen. `organisation`: it was an existing organisation (a household is then asked about
     * its registration next).
     */
    setOrganisationType(
      actor: Actor,
      type: string,
    ): { ok: true; organisation: boolean } | Refused<PeopleRefusal | "not-owner" | "unknown-type"> {
      const found = editor(actor);
      if (!found.ok) return found;
      if (!ORGANISATION_TYPES.includes(type as OrganisationType)) return refuse("unknown-type");
      const t = type as OrganisationType;
      if (found.organisation)
        saveOrganisation(db, found.user, { type: t, ...(t === "household" ? {} : { businessRegistered: null }) });
      else saveRegistrationDraft(db, found.user.id, { type: t, businessRegistered: null });
      return { ok: true, organisation: !!found.organisation };
    },

    /**
     * Whether the actor's household holds a business registration (Decision 26/2026/QĐ-TTg, Art. 2
     * khoản 3: households take part "có đăng ký kinh doanh"). Only for a household they own or are
     * registering; else "not-household". `organisation`: it was an existing organisation.
     */
    setBusinessRegistration(
      actor: Actor,
      registered: boolean,
    ): { ok: true; organisation: boolean } | Refused<PeopleRefusal | "not-household"> {
      const p = profile(actor);
      if (!p) return refuse("not-found");
      const org = p.organisation;
      const household = org ? org.type === "household" && p.owner : p.user.pendingOrgType === "household";
      if (!household) return refuse("not-household");
      if (org) saveOrganisation(db, p.user, { businessRegistered: registered });
      else saveRegistrationDraft(db, p.user.id, { businessRegistered: registered });
      return { ok: true, organisation: !!org };
    },

    /**
     * The commune of the actor's organisation: moves the one they own, or creates it from the
     * registration answers kept so far (one transaction). "unknown-commune": no such current
     * commune; "incomplete": the type or the name is still missing, nothing is written.
     */
    setCommune(
      actor: Actor,
      communeCode: string,
    ): { ok: true; created: boolean } | Refused<PeopleRefusal | "not-owner" | "unknown-commune" | "incomplete"> {
      const found = editor(actor);
      if (!found.ok) return found;
      const commune = adminUnits.commune(communeCode);
      if (!commune || commune.removed) return refuse("unknown-commune");
      const { user, organisation } = found;
      if (organisation) {
        saveOrganisation(db, user, { communeCode: commune.code });
        return { ok: true, created: false };
      }
      const { pendingOrgType: type, pendingOrgName: name, pendingBusinessRegistered } = user;
      if (!type || !name) return refuse("incomplete");
      saveOrganisation(db, user, {
        type,
        name,
        communeCode: commune.code,
        businessRegistered: type === "household" ? pendingBusinessRegistered : null,
      });
      return { ok: true, created: true };
    },

    /**
     * Deletes the actor's personal data on their request (Law 91/2025/QH15; see deletePersonalData
     * for what goes), in one transaction, then wakes the notifications (a commune holding their
     * filed dossier is told).
     */
    deleteData(actor: Actor): { ok: true } | Refused<PeopleRefusal> {
      if (!userOf(actor)) return refuse("not-found");
      deletePersonalData(db, actor!, adminIds);
      notify();
      return { ok: true };
    },
  };
}
