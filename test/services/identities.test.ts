// Users have an internal id; each channel knows them by its own id (Telegram: the user id).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/db/client.js";
import { consentEvents, userIdentities } from "../../src/db/schema.js";
import { rolesFor } from "../../src/services/membership.js";
import {
  adminUserIds,
  externalIdOf,
  findUserBy,
  grantConsent,
  isAdminUser,
  saveOrganisation,
  telegramIdentity,
  userIdOf,
} from "../../src/services/people.js";
import { deletePersonalData } from "../../src/services/privacy.js";

let db: Db;
beforeEach(() => {
  db = openDatabase(":memory:");
});
afterEach(() => db.$client.close());

describe("identities", () => {
  it("a first consent makes a user with a fresh internal id and their Telegram identity; a second finds the same user", () => {
    const first = grantConsent(db, telegramIdentity(987_654_321), "en");
    expect(first.id).not.toBe(987_654_321);
    expect(findUserBy(db, telegramIdentity(987_654_321))?.id).toBe(first.id);
    expect(externalIdOf(db, first.id, "telegram")).toBe("987654321");
    const other = grantConsent(db, telegramIdentity(5), undefined);
    expect(other.id).not.toBe(first.id);
    expect(grantConsent(db, telegramIdentity(987_654_321), "vi")).toMatchObject({ id: first.id, language: "en" });
    expect(
      db
        .select()
        .from(consentEvents)
        .all()
        .map((e) => e.userId),
    ).toEqual([first.id, other.id, first.id]);
    expect(userIdOf(db, { channel: "web", externalId: "987654321" })).toBeUndefined();
  });

  it("administrators are configured by Telegram id and hold the role through their identity", () => {
    const admin = grantConsent(db, telegramIdentity(9000), "vi");
    const producer = grantConsent(db, telegramIdentity(1001), "vi");
    const org = saveOrganisation(db, producer, {
      type: "cooperative",
      name: "HTX",
      communeCode: "00476",
      businessRegistered: null,
    });
    const app = { organisationId: org.id, communeCode: "00476" };
    expect(isAdminUser(db, [9000], admin.id)).toBe(true);
    expect(rolesFor(db, [9000], admin.id, app)).toEqual(["admin"]);
    // An internal id that happens to equal a configured Telegram id is no administrator.
    expect(isAdminUser(db, [admin.id, producer.id], 9000)).toBe(false);
    expect(rolesFor(db, [producer.id], producer.id, app)).toEqual(["producer"]);
    // An administrator the database does not know yet gets a user, once, to be notified.
    const [unknown] = adminUserIds(db, [9001]);
    expect(adminUserIds(db, [9000, 9001])).toEqual([admin.id, unknown]);
    expect(externalIdOf(db, unknown!, "telegram")).toBe("9001");
  });

  it("deleting one's data forgets the identity too: coming back makes a new user", () => {
    const user = grantConsent(db, telegramIdentity(1002), "vi");
    deletePersonalData(db, user.id, []);
    expect(db.select().from(userIdentities).all()).toEqual([]);
    expect(grantConsent(db, telegramIdentity(1002), "vi").id).not.toBe(user.id);
  });
});
