// Callback data: short, opaque and untrusted. Each button kind has a prefix; the parts are ids that
// handlers check against the database and the user's rights. Telegram allows at most 64 bytes.
export const CALLBACK_MAX_BYTES = 64;

export const cb = {
  consent: (yes: boolean) => `c:${yes ? "y" : "n"}`,
  orgType: (type: string) => `o:${type}`,
  businessRegistered: (yes: boolean) => `br:${yes ? "y" : "n"}`,
  commune: (code: string) => `m:${code}`,
  communeRetry: () => "m:retry",
  sector: (index: number) => `s:${index}`,
  group: (sector: number, group: number) => `g:${sector}:${group}`,
  productSet: (number: number) => `t:${number}`,
  productCase: (caseId: string) => `k:${caseId}`,
  product: (productId: number) => `p:${productId}`,
  addProduct: () => "p:new",
  /** A second product with an existing product's name, confirmed as a different product. */
  otherProduct: () => "pa:new",
  productRename: (productId: number) => `pr:${productId}`,
  productMove: (productId: number) => `pm:${productId}`,
  productMoveConfirm: (productId: number, setNumber: number, caseId?: string) => `pmc:${productId}:${setNumber}${caseId ? `:${caseId}` : ""}`,
  productDelete: (productId: number) => `pd:${productId}`,
  productDeleteConfirm: (productId: number) => `pdy:${productId}`,
  /** Cancels a move or a deletion: back to the product. */
  productKeep: (productId: number) => `pk:${productId}`,
  resume: (appId: number) => `r:${appId}`,
  review: (appId: number) => `v:${appId}`,
  result: (appId: number) => `z:${appId}`,
  answer: (appId: number, criterionId: string, optionId: string) => `a:${appId}:${criterionId}:${optionId}`,
  clearance: (appId: number, itemId: string, holds: boolean) => `q:${appId}:${holds ? 1 : 0}:${itemId}`,
  ask: (appId: number, key: string) => `e:${appId}:${key}`,
  back: (appId: number, key: string) => `b:${appId}:${key}`,
  saveExit: (appId: number) => `x:${appId}`,
  evidence: (appId: number, criterionId: string) => `f:${appId}:${criterionId}`,
  removeEvidence: (evidenceId: number) => `fd:${evidenceId}`,
  /** The next missing item for filing, after the one with this item key (none: the first). */
  fix: (appId: number, after?: string) => (after ? `fx:${appId}:${after}` : `fx:${appId}`),
  submit: (appId: number) => `sub:${appId}`,
  /** Submit, having seen the evidence Mẫu 02 will list as missing. */
  submitConfirmed: (appId: number) => `sc:${appId}`,
  profileEdit: (field: string) => `pf:${field}`,
  deleteData: (step: "ask" | "sure" | "no") => `del:${step}`,
  language: (locale: string) => `lang:${locale}`,
} as const;

/** Splits "prefix:a:b:rest…" into its prefix and at most `parts` fields, the last taking the rest. */
export function parseCallback(data: string, prefix: string, parts: number): string[] | undefined {
  if (!data.startsWith(`${prefix}:`)) return undefined;
  const fields = data.slice(prefix.length + 1).split(":");
  if (fields.length < parts) return undefined;
  const head = fields.slice(0, parts - 1);
  const rest = fields.slice(parts - 1).join(":");
  return [...head, rest].every((f) => f.length > 0) ? [...head, rest] : undefined;
}

/** A positive integer id, or undefined for anything else a client might send. */
export function parseId(text: string | undefined): number | undefined {
  if (!text || !/^\d{1,15}$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 ? n : undefined;
}

/** A small list index (0, 1, 2…), or undefined. */
export function parseIndex(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,3}$/.test(text) ? Number(text) : undefined;
}
