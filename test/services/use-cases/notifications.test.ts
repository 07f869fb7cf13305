// Where the dispatcher sends a notification: the recipient's channel id and language, read at send time.
import { afterEach, beforeEach, expect, it } from "vitest";
import { type Db, openDatabase } from "../../../src/db/client.js";
import { users } from "../../../src/db/schema.js";
import { notificationsService } from "../../../src/services/notifications.js";
import { setLanguage } from "../../../src/services/people.js";
import { type World, world } from "../../helpers/world.js";

let db: Db;
let w: World;
beforeEach(() => {
  db = openDatabase(":memory:");
  w = world(db);
});
afterEach(() => db.$client.close());

it("gives the recipient's Telegram id and their language as it is when the notification goes out", () => {
  const { recipient } = notificationsService({ db });
  const user = w.person(4242, "en");
  expect(recipient(user.id, "telegram")).toEqual({ externalId: "4242", language: "en" });
  setLanguage(db, user.id, "vi");
  expect(recipient(user.id, "telegram")).toEqual({ externalId: "4242", language: "vi" });
});

it("gives nothing for someone the channel does not know", () => {
  const { id } = db.insert(users).values({}).returning({ id: users.id }).get();
  expect(notificationsService({ db }).recipient(id, "telegram")).toBeUndefined();
});
