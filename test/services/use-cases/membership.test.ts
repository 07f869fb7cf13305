// Members and officers as use cases, without Telegram. Only the owner manages the organisation's
// members and invitations; only administrators appoint, list and revoke officers. A member who is
// not the owner, the owner or a member of another organisation, an officer, and someone without
// consent are refused and change nothing.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../../src/db/client.js";
import { createServices, type Services } from "../../../src/services/index.js";
import { databaseRows } from "../../helpers/database-rows.js";
import { ADMIN, CAI_NUOC, PHU_MY, type Producer, type World, world } from "../../helpers/world.js";

let db: Db;
let w: World;
let services: Services;
let owner: Producer;
const DAY = 86_400_000;
const NOW = new Date("2026-12-01T03:00:00Z");
// Internal ids equal the Telegram ids given to world() (see known()).
const MEMBER = 101;
const STRANGER = 200;
const STRANGER_MEMBER = 201;
const OFFICER = 300;
const NEWCOMER = 400;

/** Every row membership may write. */
const rows = () => databaseRows(db);

/** The owner invites, the person joins (through the use cases). */
function join(inviter: number, personId: number): void {
  w.person(personId);
  const created = services.membership.inviteMember(inviter);
  if (!created.ok) throw new Error(created.reason);
  expect(services.membership.redeem(personId, "member", created.invite.code).ok).toBe(true);
}

beforeEach(() => {
  db = openDatabase(":memory:");
  w = world(db);
  services = createServices(w.coreDeps({ now: () => NOW }));
  w.officer(OFFICER, [CAI_NUOC]);
  owner = w.producer(100, CAI_NUOC);
  join(owner.user.id, MEMBER);
  const stranger = w.producer(STRANGER, PHU_MY);
  join(stranger.user.id, STRANGER_MEMBER);
  w.person(NEWCOMER);
});
afterEach(() => db.$client.close());

/** Those who do not own the owner's organisation. */
const notOwners = [
  ["a member who is not the owner", MEMBER],
  ["a member of another organisation", STRANGER_MEMBER],
  ["an officer", OFFICER],
  ["someone without consent", undefined],
] as const;

describe("the organisation's members", () => {
  it("the owner sees the members and the invitations still open", () => {
    const invite = services.membership.inviteMember(owner.user.id);
    const seen = services.membership.members(owner.user.id);
    expect(seen.ok && seen.organisation.id).toBe(owner.org.id);
    expect(seen.ok && seen.members.map((m) => [m.userId, m.fullName])).toEqual([[MEMBER, "Person 101"]]);
    expect(seen.ok && seen.invites.map((i) => i.code)).toEqual([invite.ok && invite.invite.code]);
  });

  it.each(notOwners)("%s does not see them", (_who, actor) => {
    expect(services.membership.members(actor)).toEqual({ ok: false, reason: "owner-only" });
  });

  it("the owner of another organisation sees only their own", () => {
    const seen = services.membership.members(STRANGER);
    expect(seen.ok && seen.members.map((m) => m.userId)).toEqual([STRANGER_MEMBER]);
  });
});

describe("inviting a member", () => {
  it("the owner gets a one-time link to the organisation, valid 7 days; the person who opens it joins", () => {
    const created = services.membership.inviteMember(owner.user.id);
    expect(created.ok && created.invite).toMatchObject({
      kind: "member",
      organisationId: owner.org.id,
      createdBy: owner.user.id,
      expiresAt: new Date(NOW.getTime() + 7 * DAY),
    });
    const code = created.ok ? created.invite.code : "";
    expect(services.membership.redeem(NEWCOMER, "member", code)).toEqual({
      ok: true,
      kind: "member",
      organisation: owner.org.name,
    });
    expect(services.membership.members(owner.user.id)).toMatchObject({
      members: [{ userId: MEMBER }, { userId: NEWCOMER }],
    });
    expect(services.membership.redeem(STRANGER_MEMBER, "member", code)).toEqual({ ok: false, reason: "used" });
  });

  it("the owner of another organisation who joins is told the name of the one joined, not their own", () => {
    const created = services.membership.inviteMember(owner.user.id);
    const code = created.ok ? created.invite.code : "";
    expect(services.membership.redeem(STRANGER, "member", code)).toMatchObject({
      ok: true,
      organisation: owner.org.name,
    });
  });

  it.each(notOwners)("%s cannot invite, and no invitation is made", (_who, actor) => {
    const before = rows();
    expect(services.membership.inviteMember(actor)).toEqual({ ok: false, reason: "owner-only" });
    expect(rows()).toEqual(before);
  });

  it("someone without consent cannot use a link, and the link stays usable", () => {
    const created = services.membership.inviteMember(owner.user.id);
    const code = created.ok ? created.invite.code : "";
    const before = rows();
    expect(services.membership.redeem(undefined, "member", code)).toEqual({ ok: false, reason: "unknown" });
    expect(rows()).toEqual(before);
    expect(services.membership.redeem(NEWCOMER, "member", code).ok).toBe(true);
  });
});

describe("revoking a member invitation", () => {
  let code: string;
  beforeEach(() => {
    const created = services.membership.inviteMember(owner.user.id);
    code = created.ok ? created.invite.code : "";
  });

  it("the owner revokes it: it is no longer open and cannot be used", () => {
    expect(services.membership.revokeInvite(owner.user.id, code)).toEqual({ ok: true });
    expect(services.membership.members(owner.user.id)).toMatchObject({ invites: [] });
    expect(services.membership.redeem(NEWCOMER, "member", code)).toEqual({ ok: false, reason: "revoked" });
  });

  it.each([...notOwners, ["the owner of another organisation", STRANGER]] as const)(
    "%s cannot revoke it, and it stays open",
    (_who, actor) => {
      const before = rows();
      expect(services.membership.revokeInvite(actor, code).ok).toBe(false);
      expect(rows()).toEqual(before);
    },
  );
});

describe("removing a member", () => {
  it("the owner removes a member: they no longer belong to the organisation", () => {
    expect(services.membership.removeMember(owner.user.id, MEMBER)).toEqual({ ok: true });
    expect(services.membership.members(owner.user.id)).toMatchObject({ members: [] });
    expect(services.membership.removeMember(owner.user.id, MEMBER)).toEqual({ ok: false, reason: "not-found" });
  });

  it.each([...notOwners, ["the owner of another organisation", STRANGER]] as const)(
    "%s cannot remove them, and nothing changes",
    (_who, actor) => {
      const before = rows();
      expect(services.membership.removeMember(actor, MEMBER).ok).toBe(false);
      expect(rows()).toEqual(before);
    },
  );
});

describe("officers, for administrators", () => {
  const notAdmins = [
    ["a producer", 100],
    ["a member", MEMBER],
    ["an officer", OFFICER],
    ["someone without consent", undefined],
  ] as const;

  it("the administrator appoints an officer by a link valid 14 days, lists the officers and revokes one", () => {
    const created = services.membership.inviteOfficer(ADMIN, PHU_MY);
    expect(created.ok && created.invite).toMatchObject({
      kind: "officer",
      communeCodes: PHU_MY,
      createdBy: ADMIN,
      expiresAt: new Date(NOW.getTime() + 14 * DAY),
    });
    expect(created.ok && created.commune.code).toBe(PHU_MY);
    expect(services.membership.redeem(NEWCOMER, "officer", created.ok ? created.invite.code : "")).toEqual({
      ok: true,
      kind: "officer",
      communes: [PHU_MY],
    });
    const listed = services.membership.officers(ADMIN);
    expect(listed.ok && listed.officers.map((o) => [o.userId, o.communeCode])).toEqual([
      [OFFICER, CAI_NUOC],
      [NEWCOMER, PHU_MY],
    ]);
    expect(services.membership.revokeOfficer(ADMIN, NEWCOMER)).toEqual({ ok: true });
    const after = services.membership.officers(ADMIN);
    expect(after.ok && after.officers.map((o) => o.userId)).toEqual([OFFICER]);
    expect(services.membership.revokeOfficer(ADMIN, NEWCOMER)).toEqual({ ok: false, reason: "not-found" });
  });

  it("one invitation may appoint to several communes; its holder reads what it offers before using it", () => {
    const created = services.membership.inviteOfficer(ADMIN, [PHU_MY, CAI_NUOC]);
    expect(created.ok && created.communes.map((c) => c.code)).toEqual([PHU_MY, CAI_NUOC]);
    const code = created.ok ? created.invite.code : "";
    const open = services.membership.officerInvites(ADMIN);
    expect(open.ok && open.invites.map((i) => i.code)).toEqual([code]);
    const before = rows();
    expect(services.membership.officerInvite(undefined, code)).toEqual({
      ok: true,
      communes: [PHU_MY, CAI_NUOC],
      expiresAt: new Date(NOW.getTime() + 14 * DAY),
      usedByActor: false,
    });
    expect(services.membership.officerInvite(NEWCOMER, "no-such-code")).toEqual({ ok: false, reason: "unknown" });
    expect(rows()).toEqual(before);
    expect(services.membership.redeem(NEWCOMER, "officer", code).ok).toBe(true);
    expect(services.membership.officerInvite(NEWCOMER, code)).toMatchObject({ ok: true, usedByActor: true });
    expect(services.membership.officerInvite(OFFICER, code)).toEqual({ ok: false, reason: "used" });
    expect(services.membership.officerInvites(ADMIN)).toEqual({ ok: true, invites: [] });
    expect(services.membership.officerInvites(OFFICER)).toEqual({ ok: false, reason: "admin-only" });
    expect(services.membership.inviteOfficer(ADMIN, [])).toEqual({ ok: false, reason: "unknown-commune" });
  });

  it("a commune that does not exist gets no invitation", () => {
    const before = rows();
    expect(services.membership.inviteOfficer(ADMIN, "99999")).toEqual({ ok: false, reason: "unknown-commune" });
    expect(rows()).toEqual(before);
  });

  it.each(notAdmins)("%s can neither appoint, list nor revoke officers, and nothing changes", (_who, actor) => {
    const before = rows();
    expect(services.membership.inviteOfficer(actor, PHU_MY)).toEqual({ ok: false, reason: "admin-only" });
    expect(services.membership.officers(actor)).toEqual({ ok: false, reason: "admin-only" });
    expect(services.membership.revokeOfficer(actor, OFFICER)).toEqual({ ok: false, reason: "admin-only" });
    expect(rows()).toEqual(before);
  });
});
