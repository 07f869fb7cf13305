// The people's use cases without a channel: each acts on the actor's own data; the organisation is
// edited by its owner only; an unknown actor, or a member who does not own it, is refused and
// nothing in the database changes.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Db, openDatabase } from "../../../src/db/client.js";
import { findUser, PRIVACY_NOTICE_VERSION, telegramIdentity } from "../../../src/services/people.js";
import { peopleService } from "../../../src/services/profile.js";
import { databaseRows } from "../../helpers/database-rows.js";
import { CAI_NUOC, PHU_MY, type Producer, type World, world } from "../../helpers/world.js";

let db: Db;
let w: World;
let notify: ReturnType<typeof vi.fn<() => void>>;
let people: ReturnType<typeof peopleService>;
let owner: Producer;
let member: number;

beforeEach(() => {
  db = openDatabase(":memory:");
  w = world(db);
  notify = vi.fn<() => void>();
  people = peopleService(w.coreDeps({ notify }));
  owner = w.producer(100, CAI_NUOC, "vi", { type: "household", name: "Hộ Bà Tư", businessRegistered: true });
  member = w.member(owner, 200);
});
afterEach(() => db.$client.close());

/** Runs a use case that must be refused, and shows that it wrote nothing. */
function refusedUnchanged<T>(call: () => T): T {
  const before = databaseRows(db);
  const result = call();
  expect(result).toMatchObject({ ok: false });
  expect(databaseRows(db)).toEqual(before);
  return result;
}

describe("who is acting", () => {
  it("finds the user by the channel's identity, and no one for an identity it does not know", () => {
    expect(people.byIdentity(telegramIdentity(100))?.id).toBe(owner.user.id);
    expect(people.byIdentity(telegramIdentity(555))).toBeUndefined();
  });

  it("tells an owner, a member and an officer apart in their profiles", () => {
    expect(people.profile(owner.user.id)).toMatchObject({
      organisation: { id: owner.org.id },
      owner: true,
      officerOf: [],
      registered: true,
    });
    expect(people.profile(member)).toMatchObject({
      organisation: { id: owner.org.id },
      owner: false,
      registered: true,
    });
    w.officer(300, [PHU_MY]);
    expect(people.profile(300)).toMatchObject({ organisation: undefined, owner: false, officerOf: [PHU_MY] });
    expect(people.profile(300)?.registered).toBe(false);
    expect(people.profile(undefined)).toBeUndefined();
  });
});

describe("consent", () => {
  it("creates the user on first consent, in their app's language, with the consent event", () => {
    const user = people.consent(telegramIdentity(400), "en");
    expect(user).toMatchObject({ consentVersion: PRIVACY_NOTICE_VERSION, language: "en" });
    expect(people.byIdentity(telegramIdentity(400))?.id).toBe(user.id);
    const events = databaseRows(db).consent_events as { user_id: number; decision: string }[];
    expect(events.filter((e) => e.user_id === user.id).map((e) => e.decision)).toEqual(["granted"]);
  });

  it("records a refusal of someone known; an unknown person leaves no trace", () => {
    people.decline(member);
    const events = databaseRows(db).consent_events as { user_id: number; decision: string }[];
    expect(events.filter((e) => e.user_id === member).map((e) => e.decision)).toEqual(["granted", "declined"]);
    const before = databaseRows(db);
    people.decline(undefined);
    expect(databaseRows(db)).toEqual(before);
  });
});

describe("name, phone and language", () => {
  it("saves the actor's own name, mobile number and language as they mean them", () => {
    expect(people.setName(member, "  Nguyễn   Thị Hoa ")).toEqual({ ok: true, name: "Nguyễn Thị Hoa" });
    expect(people.setPhone(member, "+84 (0) 912 345 679")).toEqual({ ok: true, phone: "0912345679" });
    expect(people.setLanguage(member, "en")).toEqual({ ok: true });
    expect(findUser(db, member)).toMatchObject({ fullName: "Nguyễn Thị Hoa", phone: "0912345679", language: "en" });
  });

  it("refuses what is not a name or a mobile number, and an unknown actor", () => {
    expect(refusedUnchanged(() => people.setName(member, "1234"))).toEqual({ ok: false, reason: "invalid-name" });
    expect(refusedUnchanged(() => people.setPhone(member, "028 3822 1234"))).toEqual({
      ok: false,
      reason: "invalid-phone",
    });
    const calls: (() => unknown)[] = [
      () => people.setName(undefined, "Nguyễn Thị Hoa"),
      () => people.setPhone(undefined, "0912345679"),
      () => people.setLanguage(undefined, "en"),
      () => people.setName(9999, "Nguyễn Thị Hoa"),
    ];
    for (const call of calls) {
      expect(refusedUnchanged(call)).toEqual({ ok: false, reason: "not-found" });
    }
  });
});

describe("the organisation", () => {
  it("its owner renames it, changes its type and commune, and says whether the household is registered", () => {
    expect(people.setOrganisationName(owner.user.id, "Hộ Bà Tư Cái Nước")).toMatchObject({ ok: true });
    expect(people.setBusinessRegistration(owner.user.id, false)).toEqual({ ok: true, organisation: true });
    expect(people.setCommune(owner.user.id, PHU_MY)).toEqual({ ok: true, created: false });
    expect(people.profile(owner.user.id)?.organisation).toMatchObject({
      name: "Hộ Bà Tư Cái Nước",
      communeCode: PHU_MY,
      businessRegistered: false,
    });
    // No longer a household: the registration answer is forgotten, and cannot be given any more.
    expect(people.setOrganisationType(owner.user.id, "cooperative")).toEqual({ ok: true, organisation: true });
    expect(people.profile(owner.user.id)?.organisation).toMatchObject({
      type: "cooperative",
      businessRegistered: null,
    });
    expect(refusedUnchanged(() => people.setBusinessRegistration(owner.user.id, true))).toEqual({
      ok: false,
      reason: "not-household",
    });
  });

  it("a member who does not own it changes nothing of it", () => {
    const not = { ok: false, reason: "not-owner" };
    expect(refusedUnchanged(() => people.setOrganisationName(member, "Tên khác"))).toEqual(not);
    expect(refusedUnchanged(() => people.setOrganisationType(member, "enterprise"))).toEqual(not);
    expect(refusedUnchanged(() => people.setCommune(member, PHU_MY))).toEqual(not);
    expect(refusedUnchanged(() => people.setBusinessRegistration(member, false))).toEqual({
      ok: false,
      reason: "not-household",
    });
  });

  it("an unknown actor changes nothing", () => {
    const calls: (() => unknown)[] = [
      () => people.setOrganisationName(undefined, "Tên khác"),
      () => people.setOrganisationType(undefined, "enterprise"),
      () => people.setBusinessRegistration(undefined, true),
      () => people.setCommune(undefined, PHU_MY),
    ];
    for (const call of calls) {
      expect(refusedUnchanged(call)).toEqual({ ok: false, reason: "not-found" });
    }
  });

  it("is registered step by step: kept with the user, created with the commune in one go", () => {
    const id = w.person(500).id;
    expect(refusedUnchanged(() => people.setCommune(id, CAI_NUOC))).toEqual({ ok: false, reason: "incomplete" });
    expect(refusedUnchanged(() => people.setBusinessRegistration(id, true))).toEqual({
      ok: false,
      reason: "not-household",
    });
    expect(refusedUnchanged(() => people.setOrganisationType(id, "farm"))).toEqual({
      ok: false,
      reason: "unknown-type",
    });
    expect(people.setOrganisationType(id, "household")).toEqual({ ok: true, organisation: false });
    expect(people.setBusinessRegistration(id, true)).toEqual({ ok: true, organisation: false });
    expect(people.setOrganisationName(id, "Hộ Ông Năm")).toEqual({ ok: true, name: "Hộ Ông Năm" });
    expect(people.profile(id)?.organisation).toBeUndefined();
    expect(refusedUnchanged(() => people.setCommune(id, "99999"))).toEqual({ ok: false, reason: "unknown-commune" });
    expect(people.setCommune(id, CAI_NUOC)).toEqual({ ok: true, created: true });
    expect(people.profile(id)).toMatchObject({
      owner: true,
      registered: true,
      organisation: { type: "household", name: "Hộ Ông Năm", communeCode: CAI_NUOC, businessRegistered: true },
      user: { pendingOrgType: null, pendingOrgName: null, pendingBusinessRegistered: null },
    });
  });
});

describe("deleting one's data", () => {
  it("deletes the actor's own data, leaving the organisation they only belong to, and wakes the notifications", () => {
    expect(people.deleteData(member)).toEqual({ ok: true });
    expect(findUser(db, member)).toBeUndefined();
    expect(people.byIdentity(telegramIdentity(200))).toBeUndefined();
    expect(people.profile(owner.user.id)?.organisation?.id).toBe(owner.org.id);
    expect(notify).toHaveBeenCalledOnce();
  });

  it("an unknown actor deletes nothing", () => {
    expect(refusedUnchanged(() => people.deleteData(undefined))).toEqual({ ok: false, reason: "not-found" });
    expect(notify).not.toHaveBeenCalled();
  });
});
