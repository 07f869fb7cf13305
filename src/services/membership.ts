// Who may act on what: organisation members, commune officers, administrators, and the one-time
// invitations that make people members or officers.
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { invites, officers, organisationMembers, organisations, users } from "../db/schema.js";
import type { Role } from "../domain/lifecycle.js";
import type { DbOrTx } from "./outbox.js";
import { isAdminUser } from "./people.js";

export type Invite = typeof invites.$inferSelect;

export const MEMBER_INVITE_DAYS = 7;
export const OFFICER_INVITE_DAYS = 14;

/** Organisations the user owns or belongs to. */
export function organisationIdsOf(db: Db, userId: number): number[] {
  const owned = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.ownerId, userId)).all();
  const member = db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId))
    .all();
  return [...new Set([...owned, ...member].map((r) => r.id))];
}

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
