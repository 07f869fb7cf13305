// The dossier's legal forms (Decision 26/2026/QĐ-TTg, Phụ lục III) as Word documents.

import { fold } from "../text.js";
import { formsText } from "./text.js";
import type { FormKind } from "./types.js";

export { buildMau01 } from "./mau01.js";
export { buildMau02, type EvidenceSummary, evidenceSummary } from "./mau02.js";
export { buildMau03 } from "./mau03.js";
export { type FormsText, formsText } from "./text.js";
export type * from "./types.js";

const MAX_NAME = 80;
const EXTENSION = ".docx";

/** ASCII words joined by "-": diacritics folded (đ → d), everything else dropped. */
export function slug(text: string | undefined): string {
  return fold(text ?? "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The slug cut at a word boundary to at most `max` characters. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  const cut = text.slice(0, max + 1);
  const at = cut.lastIndexOf("-");
  return (at > 0 ? cut.slice(0, at) : text.slice(0, max)).replace(/-+$/, "");
}

/**
 * A readable, Windows-safe file name for a form: the form's stem, the product and the producer,
 * e.g. "mau-02-bao-cao-tu-danh-gia-mat-ong-hoa-tram-nguyen-thi-lan.docx" (ASCII, at most 80 characters).
 */
export function formFileName(
  kind: FormKind,
  productName: string | undefined,
  producerName: string | undefined,
): string {
  const stem = formsText().fileStems[kind];
  let room = MAX_NAME - EXTENSION.length - stem.length;
  let product = slug(productName);
  let producer = slug(producerName);
  const parts = () => [product, producer].filter(Boolean);
  const length = () => parts().reduce((n, p) => n + p.length + 1, 0);
  if (length() > room) {
    // Share the room: the product keeps at least half of it, the producer what is left.
    room -= (product ? 1 : 0) + (producer ? 1 : 0);
    const productRoom = producer ? Math.max(Math.ceil(room / 2), room - producer.length) : room;
    product = clip(product, productRoom);
    producer = clip(producer, room - product.length);
  }
  return [stem, ...parts()].join("-") + EXTENSION;
}
