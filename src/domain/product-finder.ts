// Finding the product set from what a producer types ("nước mắm", "mật ong", "homestay", "trà
// mãng cầu"): common products per set, as data (src/data/product-sets.vi.json), matched word by
// word, with or without diacritics, NFC or NFD.
import { type SearchToken, searchTokens } from "../text.js";

/** Common products of each product set, most common first: set id → products. */
export type ProductHints = Readonly<Record<string, readonly string[]>>;

export interface ProductFinder {
  /**
   * The likeliest product sets for a text, best first, at most `limit`, among `allowed` sets when
   * given. A set counts when one of its products is a run of the text's words ("mật ong" in "Mật
   * ong hoa tràm U Minh") or when the whole text is a run of one of its products ("bưởi" in "tinh
   * dầu bưởi"). Score: the words covered plus half a point per extra word of the longest product
   * found; the whole text inside a product (with the diacritics typed, if any) scores half a point
   * per word plus half. A set under half the best score is left out. Ties: a product in the text,
   * then a product starting with the text ("mật ong chanh" before "rượu mật ong"), then the
   * diacritics typed, how common the product is, and the set's order. Nothing for text without two
   * letters.
   */
  suggest(text: string, limit?: number, allowed?: ReadonlySet<string>): string[];
  /** The first `n` products of a set, as examples ("bưởi, xoài, rau sạch, khoai lang"). */
  examples(productSet: string, n?: number): string[];
}

interface Phrase {
  readonly tokens: readonly SearchToken[];
  /** Position in its set's list: lower is more common. */
  readonly rank: number;
}

/** Where `part` occurs as a run of `whole`'s words (folded). */
function runsOf(whole: readonly SearchToken[], part: readonly SearchToken[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i + part.length <= whole.length; i++) {
    if (part.every((t, j) => whole[i + j]!.folded === t.folded)) starts.push(i);
  }
  return starts;
}

/** How many of the words the user typed with diacritics are written the same in the product, or -1 if one differs. */
function accentAgreement(typed: readonly SearchToken[], product: readonly SearchToken[]): number {
  const marked = typed.map((t, i) => ({ t, p: product[i] })).filter(({ t }) => t.marked !== t.folded);
  return marked.some(({ t, p }) => p?.marked !== t.marked) ? -1 : marked.length;
}

interface Candidate {
  productSet: string;
  order: number;
  score: number;
  /** 2: one of the set's products is in the text; 1: the text starts one of its products; 0: the text ends or is inside one. */
  fit: number;
  accents: number;
  rank: number;
}

/** Builds the finder over the hints; sets keep the order of `hints`. */
export function productFinder(hints: ProductHints): ProductFinder {
  const sets = Object.entries(hints).map(([productSet, products], order) => ({
    productSet,
    order,
    products,
    phrases: products.map((p, rank): Phrase => ({ tokens: searchTokens(p), rank })),
  }));

  function candidate(set: (typeof sets)[number], query: readonly SearchToken[]): Candidate | undefined {
    const covered = new Set<number>();
    let longest = 0;
    let accents = 0;
    let rank = Infinity;
    for (const phrase of set.phrases) {
      for (const start of runsOf(query, phrase.tokens)) {
        phrase.tokens.forEach((_, j) => {
          covered.add(start + j);
        });
        longest = Math.max(longest, phrase.tokens.length);
        accents = Math.max(accents, accentAgreement(query.slice(start, start + phrase.tokens.length), phrase.tokens));
        rank = Math.min(rank, phrase.rank);
      }
    }
    const { productSet, order } = set;
    if (covered.size > 0)
      return { productSet, order, score: covered.size + 0.5 * (longest - 1), fit: 2, accents, rank };
    // The whole text inside a longer product ("bưởi" in "tinh dầu bưởi"), with the diacritics typed.
    let best: Candidate | undefined;
    for (const phrase of set.phrases) {
      for (const start of runsOf(phrase.tokens, query)) {
        const agreement = accentAgreement(query, phrase.tokens.slice(start));
        const found = {
          productSet,
          order,
          score: 0.5 * (query.length + 1),
          fit: start === 0 ? 1 : 0,
          accents: agreement,
          rank: phrase.rank,
        };
        if (agreement >= 0 && (!best || found.fit > best.fit || (found.fit === best.fit && found.rank < best.rank)))
          best = found;
      }
    }
    return best;
  }

  return {
    suggest(text, limit = 3, allowed) {
      const query = searchTokens(text);
      if (query.map((t) => t.folded).join("").length < 2) return [];
      const found = sets
        .filter((s) => !allowed || allowed.has(s.productSet))
        .map((s) => candidate(s, query))
        .filter((c): c is Candidate => !!c)
        .sort(
          (a, b) => b.score - a.score || b.fit - a.fit || b.accents - a.accents || a.rank - b.rank || a.order - b.order,
        );
      const best = found[0]?.score ?? 0;
      return found
        .filter((c) => c.score >= best / 2)
        .slice(0, limit)
        .map((c) => c.productSet);
    },
    examples(productSet, n = 4) {
      return [...(hints[productSet] ?? []).slice(0, n)];
    },
  };
}
