// Users appear in logs as a keyed hash of their Telegram id, so logs hold no personal data (Law
// 91/2025/QH15 on personal data protection): Telegram ids are few enough to enumerate, so an unkeyed
// hash would give them back. The key is made at first start and kept in
// the data folder (src/secret-key.ts), so a user's pseudonym stays the same across restarts.
import { createHmac } from "node:crypto";

/** A short stable pseudonym for logs: HMAC-SHA256 of the id under `key`, 12 hex digits. */
export function pseudonym(key: Buffer, id: number | undefined): string | undefined {
  return id === undefined ? undefined : createHmac("sha256", key).update(String(id)).digest("hex").slice(0, 12);
}
