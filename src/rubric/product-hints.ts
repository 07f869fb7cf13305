// The common products of each product set (src/data/product-sets.vi.json), read once and checked.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { type ProductFinder, productFinder } from "../domain/product-finder.js";

export const PRODUCT_HINTS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), "../data/product-sets.vi.json");

const hintsSchema = z.strictObject({
  source: z.string().min(1),
  sets: z.record(z.string(), z.array(z.string().trim().min(2)).min(4)),
});

/** The product sets' common products, keyed by product-set id. Throws on a malformed file. */
export function loadProductHints(file: string = PRODUCT_HINTS_FILE): Record<string, string[]> {
  const parsed = hintsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.sets;
}

let shipped: ProductFinder | undefined;

/** The finder over the shipped hints, built on first use. */
export function shippedProductFinder(): ProductFinder {
  shipped ??= productFinder(loadProductHints());
  return shipped;
}
