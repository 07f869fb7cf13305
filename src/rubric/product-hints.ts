// The common products of each product set (src/data/product-sets.vi.json, with English names in
// product-sets.en.json), read once and checked.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { type ProductFinder, productFinder } from "../domain/product-finder.js";
import { projectPath } from "../paths.js";

const DATA = projectPath("src/data");
export const PRODUCT_HINTS_FILE = resolve(DATA, "product-sets.vi.json");
export const PRODUCT_HINTS_EN_FILE = resolve(DATA, "product-sets.en.json");

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

/**
 * The finder over the shipped hints, built on first use: the Vietnamese names, then the English
 * ones ("honey"), so a set's examples stay the Vietnamese names people know it by.
 */
export function shippedProductFinder(): ProductFinder {
  if (!shipped) {
    const english = loadProductHints(PRODUCT_HINTS_EN_FILE);
    const vietnamese = loadProductHints();
    shipped = productFinder(
      Object.fromEntries(
        Object.entries(vietnamese).map(([set, names]) => [set, [...new Set([...names, ...(english[set] ?? [])])]]),
      ),
    );
  }
  return shipped;
}
