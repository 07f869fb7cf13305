// The use cases on a real database with the people service tests act as: a producer and a member
// of their organisation, a producer and a member of another, officers of the producer's commune
// and of another, the administrator.

import { vi } from "vitest";
import type { Db } from "../../../src/db/client.js";
import { createServices } from "../../../src/services/index.js";
import { databaseRows } from "../../helpers/database-rows.js";
import { CAI_NUOC, PHU_MY, world } from "../../helpers/world.js";

export const OWNER = 200;
export const MEMBER = 201;
export const OTHER_PRODUCER = 300;
export const OTHER_MEMBER = 301;
export const OFFICER = 100;
export const OTHER_OFFICER = 101;

/** Everyone but the producer's own people and the officers of their commune: each must be refused. */
export const STRANGERS = [
  ["a producer of another organisation", OTHER_PRODUCER],
  ["a member of another organisation", OTHER_MEMBER],
  ["an officer of another commune", OTHER_OFFICER],
  ["someone who has not given consent", undefined],
] as const;

export function servicesWorld(db: Db) {
  const w = world(db);
  const notify = vi.fn();
  const services = createServices(w.coreDeps({ notify }));
  w.officer(OFFICER, [CAI_NUOC]);
  w.officer(OTHER_OFFICER, [PHU_MY]);
  const producer = w.producer(OWNER, CAI_NUOC);
  w.member(producer, MEMBER);
  w.member(w.producer(OTHER_PRODUCER, PHU_MY), OTHER_MEMBER);
  return { w, services, notify, producer };
}

/** Every row of every table: a refused use case writes nothing anywhere. */
export const rows = databaseRows;
