// The product as `npm start` runs it: compiled by scripts/build.mjs into dist/src, plain JavaScript
// run by Node alone. The CPU-per-answer sections measure this, not the TypeScript the other
// sections load through the tsx loader (whose transforms add about a tenth to every update).
import type { createBot } from "../../src/bot/index.js";
import type { createRateLimiter } from "../../src/bot/rate-limiter.js";
import type { openDatabase } from "../../src/db/client.js";
import { projectPath } from "../../src/paths.js";
import type { loadCatalog } from "../../src/rubric/catalog.js";
import type { adminUnitsOf } from "../../src/services/admin-units.js";
import type { loadHolidays } from "../../src/services/holidays.js";

/** What the benchmark builds our bot from, all from one copy of the code. */
export interface Product {
  openDatabase: typeof openDatabase;
  loadCatalog: typeof loadCatalog;
  adminUnitsOf: typeof adminUnitsOf;
  loadHolidays: typeof loadHolidays;
  createBot: typeof createBot;
  createRateLimiter: typeof createRateLimiter;
}

/** Builds dist/src as `npm start` does (scripts/build.mjs), then loads the product from it. */
export async function compiledProduct(): Promise<Product> {
  await import(projectPath("scripts/build.mjs"));
  return builtProduct();
}

/** The product from dist/src as built last (by compiledProduct, e.g. in a parent process). */
export async function builtProduct(): Promise<Product> {
  const load = (file: string) => import(projectPath(`dist/src/${file}`));
  const [bot, limiter, client, catalog, adminUnits, holidays] = await Promise.all(
    [
      "bot/index.js",
      "bot/rate-limiter.js",
      "db/client.js",
      "rubric/catalog.js",
      "services/admin-units.js",
      "services/holidays.js",
    ].map(load),
  );
  return {
    openDatabase: client.openDatabase,
    loadCatalog: catalog.loadCatalog,
    adminUnitsOf: adminUnits.adminUnitsOf,
    loadHolidays: holidays.loadHolidays,
    createBot: bot.createBot,
    createRateLimiter: limiter.createRateLimiter,
  };
}
