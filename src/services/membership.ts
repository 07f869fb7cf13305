// Who may act on what: organisation members, commune officers, administrators, and the one-time
// invitations that make people members or officers.
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { remembered } from "../db/memo.js";
import { preparedFor } from "../db/prepared.js";
import { invites, officers, organisationMembers, organisations, users } from "../db/schema.js";
import type { Role } from "../domain/lifecycle.js";
import type { Commune } from "../geo/communes.js";
import { type Actor, type CoreDeps, type Refused, refuse } from "./core.js";
import type { DbOrTx } from "./outbox.js";
import { findUser, isAdminUser, type Organisation, organisationById, organisationOf } from "./people.js";

export type Invite = typeof invites.$inferSelect;

export const MEMBER_INVITE_DAYS = 7;
export const OFFICER_INVITE_DAYS = 14;

/** Organisations the user owns or belongs to. */
export function organisationIdsOf(db: Db, userId: number): readonly number[] {
  return remembered(db, "organisations-of", userId, () => {
    const owned = ownedBy(db).all({ userId });
    const member = joinedBy(db).all({ userId });
    return [...new Set([...owned, ...member].map((r) => r.id))];
  });
}

const ownedBy = preparedFor((db) =>
  db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.ownerId, sql.placeholder("userId")))
    .prepare(),
);
const joinedBy = preparedFor((db) =>
  db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, sql.placeholder("userId")))
    .prepare(),
);

export function isOrganisationMember(db: Db, userId: number, organisationId: number): boolean {
  return organisationIdsOf(db, userId).includes(organisationId);
}

/** Everyone who follows an organisation's applications: its owner and its members. */
export function organisationPeople(db: Db, organisationId: number): number[] {
  const org = db.select().from(organisations).where(eq(organisations.id, organisationId)).get();
  const members = db
    .select({ id: organisationMembers.userId })
    .from(organisationMembers)
    .where(eq(organisationMembers.organisationId, organisationId))
    .all();
  return [...new Set([...(org ? [org.ownerId] : []), ...members.map((m) => m.id)])];
}

export function membersOf(db: Db, organisationId: number) {
  return db
    .select({ userId: organisationMembers.userId, fullName: users.fullName, joinedAt: organisationMembers.joinedAt })
    .from(organisationMembers)
    .leftJoin(users, eq(users.id, organisationMembers.userId))
    .where(eq(organisationMembers.organisationId, organisationId))
    .all();
}

export function removeMember(db: Db, organisationId: number, userId: number): boolean {
  const result = db
    .delete(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)))
    .run();
  return result.changes > 0;
}

/** Active officers of a commune. */
export function officersOf(db: DbOrTx, communeCode: string): number[] {
  return db
    .select({ id: officers.userId })
    .from(officers)
    .where(and(eq(officers.communeCode, communeCode), isNull(officers.revokedAt)))
    .all()
    .map((r) => r.id);
}

/** The communes a user is an active officer of. */
export function communesOfOfficer(db: Db, userId: number): string[] {
  return db
    .select({ code: officers.communeCode })
    .from(officers)
    .where(and(eq(officers.userId, userId), isNull(officers.revokedAt)))
    .all()
    .map((r) => r.code);
}

export function allOfficers(db: Db) {
  return db
    .select({
      userId: officers.userId,
      communeCode: officers.communeCode,
      fullName: users.fullName,
      appointedAt: officers.appointedAt,
      unreachableSince: users.unreachableSince,
    })
    .from(officers)
    .leftJoin(users, eq(users.id, officers.userId))
    .where(isNull(officers.revokedAt))
    .all();
}

export function revokeOfficer(db: Db, userId: number): number {
  return db
    .update(officers)
    .set({ revokedAt: new Date() })
    .where(and(eq(officers.userId, userId), isNull(officers.revokedAt)))
    .run().changes;
}

/**
 * The roles a user holds towards an application: producer (owner or member of its organisation),
 * officer (of its commune), admin (its Telegram identity is among the configured ADMIN_IDS).
 */
export function rolesFor(
  db: Db,
  adminIds: readonly number[],
  userId: number,
  app: { organisationId: number; communeCode: string | null },
): Role[] {
  const roles: Role[] = [];
  if (isOrganisationMember(db, userId, app.organisationId)) roles.push("producer");
  if (app.communeCode && communesOfOfficer(db, userId).includes(app.communeCode)) roles.push("officer");
  if (isAdminUser(db, adminIds, userId)) roles.push("admin");
  return roles;
}

function newCode(): string {
  return randomBytes(12).toString("base64url");
}

export function createMemberInvite(db: Db, organisationId: number, createdBy: number, now = new Date()): Invite {
  return db
    .insert(invites)
    .values({
      code: newCode(),
      kind: "member",
      organisationId,
      createdBy,
      createdAt: now,
      expiresAt: new Date(now.getTime() + MEMBER_INVITE_DAYS * 86_400_000),
    })
    .returning()
    .get();
}

export function createOfficerInvite(db: Db, communeCodes: string[], createdBy: number, now = new Date()): Invite {
  return db
    .insert(invites)
    .values({
      code: newCode(),
      kind: "officer",
      communeCodes: communeCodes.join(","),
      createdBy,
      createdAt: now,
      expiresAt: new Date(now.getTime() + OFFICER_INVITE_DAYS * 86_400_000),
    })
    .returning()
    .get();
}

export function revokeInvite(db: Db, code: string): boolean {
  return (
    db
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(and(eq(invites.code, code), isNull(invites.usedAt)))
      .run().changes > 0
  );
}

export function openInvites(db: Db, kind: Invite["kind"], organisationId?: number): Invite[] {
  const now = Date.now();
  return db
    .select()
    .from(invites)
    .where(and(eq(invites.kind, kind), isNull(invites.usedAt), isNull(invites.revokedAt)))
    .all()
    .filter(
      (i) => i.expiresAt.getTime() > now && (organisationId === undefined || i.organisationId === organisationId),
    );
}

export type RedeemResult =
  | { ok: true; invite: Invite }
  | { ok: false; reason: "unknown" | "used" | "expired" | "revoked" | "own-organisation" };

/** Uses an invitation once: the conditional update makes a second use (or a race) fail cleanly. */
export function redeemInvite(
  db: Db,
  kind: Invite["kind"],
  code: string,
  userId: number,
  now = new Date(),
): RedeemResult {
  return db.transaction((tx) => {
    const invite = tx
      .select()
      .from(invites)
      .where(and(eq(invites.code, code), eq(invites.kind, kind)))
      .get();
    if (!invite) return { ok: false, reason: "unknown" } as const;
    if (invite.revokedAt) return { ok: false, reason: "revoked" } as const;
    if (invite.usedAt) return { ok: false, reason: "used" } as const;
    if (invite.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" } as const;
    if (kind === "member") {
      const org = tx.select().from(organisations).where(eq(organisations.id, invite.organisationId!)).get();
      if (!org) return { ok: false, reason: "unknown" } as const;
      if (org.ownerId === userId) return { ok: false, reason: "own-organisation" } as const;
    }
    const used = tx
      .update(invites)
      .set({ usedBy: userId, usedAt: now })
      .where(and(eq(invites.code, code), isNull(invites.usedAt)))
      .run();
    if (used.changes !== 1) return { ok: false, reason: "used" } as const;
    if (kind === "member") {
      tx.insert(organisationMembers)
        .values({ organisationId: invite.organisationId!, userId, joinedAt: now })
        .onConflictDoNothing()
        .run();
    } else {
      for (const communeCode of (invite.communeCodes ?? "").split(",").filter(Boolean)) {
        tx.insert(officers)
          .values({ userId, communeCode, appointedBy: invite.createdBy, appointedAt: now })
          .onConflictDoUpdate({
            target: [officers.userId, officers.communeCode],
            set: { revokedAt: null, appointedAt: now },
          })
          .run();
      }
    }
    return { ok: true, invite: { ...invite, usedBy: userId, usedAt: now } } as const;
  });
}

/** What the owner sees of their organisation: its members and the member invitations still open. */
export interface Members {
  ok: true;
  organisation: Organisation;
  members: ReturnType<typeof membersOf>;
  invites: Invite[];
}

/**
 * Members and officers. Only the owner of an organisation manages its members and member
 * invitations ("owner-only" for anyone else: a member, a stranger, someone without consent);
 * only administrators (ADMIN_IDS) appoint, list and revoke officers ("admin-only"). Anyone may
 * redeem an invitation they were given. A refused call writes nothing.
 */
export function membershipService({ db, adminUnits, adminIds, now }: CoreDeps) {
  const clock = () => now?.() ?? new Date();

  /** The organisation the actor owns, if any. */
  const ownedBy = (actor: Actor): Organisation | undefined => {
    const user = actor === undefined ? undefined : findUser(db, actor);
    const org = user && organisationOf(db, user);
    return org && org.ownerId === user.id ? org : undefined;
  };
  const isAdmin = (actor: Actor) => actor !== undefined && isAdminUser(db, adminIds, actor);

  return {
    /** The owner's organisation, its members (name, joined at) and open member invitations. */
    members(actor: Actor): Members | Refused<"owner-only"> {
      const org = ownedBy(actor);
      if (!org) return refuse("owner-only");
      return {
        ok: true,
        organisation: org,
        members: membersOf(db, org.id),
        invites: openInvites(db, "member", org.id),
      };
    },

    /** A one-time invitation to join the owner's organisation, valid MEMBER_INVITE_DAYS days. */
    inviteMember(actor: Actor): { ok: true; invite: Invite; organisation: Organisation } | Refused<"owner-only"> {
      const org = ownedBy(actor);
      if (!org) return refuse("owner-only");
      return { ok: true, invite: createMemberInvite(db, org.id, actor!, clock()), organisation: org };
    },

    /** Removes a member from the owner's organisation; "not-found" when they are not (or no longer) a member. */
    removeMember(actor: Actor, userId: number): { ok: true } | Refused<"owner-only" | "not-found"> {
      return db.transaction(() => {
        const org = ownedBy(actor);
        if (!org) return refuse("owner-only");
        return removeMember(db, org.id, userId) ? { ok: true as const } : refuse("not-found");
      });
    },

    /** Revokes one of the owner's open member invitations; "not-found" for any other code. */
    revokeInvite(actor: Actor, code: string): { ok: true } | Refused<"owner-only" | "not-found"> {
      return db.transaction(() => {
        const org = ownedBy(actor);
        if (!org) return refuse("owner-only");
        const mine = openInvites(db, "member", org.id).some((i) => i.code === code);
        return mine && revokeInvite(db, code) ? { ok: true as const } : refuse("not-found");
      });
    },

    /**
     * What a member invitation offers, before it is used: the organisation's name, and whether the
     * actor (if any) already belongs to it. Reads only. Refusals as redeemInvite's ("unknown" for a
     * code that is no member invitation; "own-organisation" for its owner).
     */
    invitation(
      actor: Actor,
      code: string,
    ): { ok: true; organisation: string; joined: boolean } | Extract<RedeemResult, { ok: false }> {
      const invite = db
        .select()
        .from(invites)
        .where(and(eq(invites.code, code), eq(invites.kind, "member")))
        .get();
      const org = invite?.organisationId == null ? undefined : organisationById(db, invite.organisationId);
      if (!invite || !org) return { ok: false, reason: "unknown" };
      if (actor !== undefined && org.ownerId === actor) return { ok: false, reason: "own-organisation" };
      const joined = actor !== undefined && isOrganisationMember(db, actor, org.id);
      if (joined) return { ok: true, organisation: org.name, joined };
      if (invite.revokedAt) return { ok: false, reason: "revoked" };
      if (invite.usedAt) return { ok: false, reason: "used" };
      if (invite.expiresAt.getTime() <= clock().getTime()) return { ok: false, reason: "expired" };
      return { ok: true, organisation: org.name, joined };
    },

    /**
     * Uses an invitation once (see redeemInvite). A member learns the organisation they now belong
     * to; an officer the communes they now serve (codes). Refusals as redeemInvite's; "unknown" for
     * someone without consent.
     */
    redeem(
      actor: Actor,
      kind: Invite["kind"],
      code: string,
    ):
      | { ok: true; kind: "member"; organisation: string }
      | { ok: true; kind: "officer"; communes: string[] }
      | Extract<RedeemResult, { ok: false }> {
      if (actor === undefined) return refuse("unknown");
      const result = redeemInvite(db, kind, code, actor, clock());
      if (!result.ok) return result;
      if (kind === "officer") return { ok: true, kind, communes: communesOfOfficer(db, actor) };
      // The organisation just joined (the person may own another one).
      return { ok: true, kind, organisation: organisationById(db, result.invite.organisationId!)?.name ?? "" };
    },

    /** Every active officer with their commune and since when the bot cannot reach them; administrators only. */
    officers(actor: Actor): { ok: true; officers: ReturnType<typeof allOfficers> } | Refused<"admin-only"> {
      return isAdmin(actor) ? { ok: true, officers: allOfficers(db) } : refuse("admin-only");
    },

    /**
     * A one-time invitation appointing its user officer of the commune (or of each of several
     * communes), valid OFFICER_INVITE_DAYS days; administrators only. "unknown-commune" when a
     * code is not a current commune (or none is given). `commune` is the first of `communes`.
     */
    inviteOfficer(
      actor: Actor,
      communeCodes: string | readonly string[],
    ): { ok: true; invite: Invite; commune: Commune; communes: Commune[] } | Refused<"admin-only" | "unknown-commune"> {
      if (!isAdmin(actor)) return refuse("admin-only");
      const codes = [...new Set(typeof communeCodes === "string" ? [communeCodes] : communeCodes)];
      const communes = codes.map((code) => adminUnits.commune(code));
      if (communes.length === 0 || communes.some((c) => !c || c.removed)) return refuse("unknown-commune");
      const found = communes as Commune[];
      const invite = createOfficerInvite(
        db,
        found.map((c) => c.code),
        actor!,
        clock(),
      );
      return { ok: true, invite, commune: found[0]!, communes: found };
    },

    /** The officer invitations still open (not used, revoked or expired), newest first; administrators only. */
    officerInvites(actor: Actor): { ok: true; invites: Invite[] } | Refused<"admin-only"> {
      if (!isAdmin(actor)) return refuse("admin-only");
      return {
        ok: true,
        invites: openInvites(db, "officer").sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()),
      };
    },

    /**
     * What an officer invitation offers, for whoever holds its code (the code is the secret): the
     * communes (codes), until when, and whether the actor is the one who used it. Refusals as
     * redeemInvite's; it writes nothing.
     */
    officerInvite(
      actor: Actor,
      code: string,
    ):
      | { ok: true; communes: string[]; expiresAt: Date; usedByActor: boolean }
      | Refused<"unknown" | "used" | "expired" | "revoked"> {
      const invite = db
        .select()
        .from(invites)
        .where(and(eq(invites.code, code), eq(invites.kind, "officer")))
        .get();
      if (!invite) return refuse("unknown");
      const communes = (invite.communeCodes ?? "").split(",").filter(Boolean);
      const usedByActor = actor !== undefined && invite.usedBy === actor;
      if (invite.usedAt && usedByActor) return { ok: true, communes, expiresAt: invite.expiresAt, usedByActor };
      if (invite.revokedAt) return refuse("revoked");
      if (invite.usedAt) return refuse("used");
      if (invite.expiresAt.getTime() <= clock().getTime()) return refuse("expired");
      return { ok: true, communes, expiresAt: invite.expiresAt, usedByActor: false };
    },

    /** Ends an officer's appointments in every commune; administrators only; "not-found" when none was active. */
    revokeOfficer(actor: Actor, userId: number): { ok: true } | Refused<"admin-only" | "not-found"> {
      if (!isAdmin(actor)) return refuse("admin-only");
      return revokeOfficer(db, userId) ? { ok: true } : refuse("not-found");
    },
  };
}
