// Text helpers shared by searches, input parsing and the channels.

/** Lower-case, without Vietnamese diacritics ("Cái Nước" → "cai nuoc"), spaces collapsed. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u0110\u0111]/g, "d") // Đ đ do not decompose
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** A word of a text as searches compare it. */
export interface SearchToken {
  /** Lower case, NFC, diacritics kept. */
  readonly marked: string;
  /** `fold(marked)`, with y as i: names are written both ways (Lục Sĩ / Lục Sỹ, Mỹ / Mĩ). */
  readonly folded: string;
}

/**
 * Words of a text for matching, NFC or NFD alike: lower case, apostrophes dropped ("M’Drắk" →
 * "mdrắk"), other punctuation as spaces, letters and digits split ("p1" → "p 1", "st25" → "st 25").
 */
export function searchTokens(text: string): SearchToken[] {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/['’‘ʼ`´]/g, "")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .replace(/(\p{L})(?=\p{N})|(\p{N})(?=\p{L})/gu, "$1$2 ")
    .split(" ")
    .map((marked) => ({ marked, folded: fold(marked).replaceAll("y", "i") }))
    .filter((t) => t.folded !== "");
}

/** At most `max` characters (code points) of `text`, with "…" when cut: for echoing what people typed. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** Length in characters as people count them (code points, after NFC), not UTF-16 units. */
export function charCount(text: string): number {
  return [...text.normalize("NFC")].length;
}

/** Longest search people type (a commune with its province, and more): the rest is ignored. */
export const SEARCH_QUERY_MAX = 100;

/** The text a reader sees of the messages' HTML subset (<b>, <i>, <a>, entities): tags dropped, entities decoded. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
