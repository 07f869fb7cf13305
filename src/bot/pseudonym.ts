// Users appear in logs as a keyed hash of their Telegram id, so logs hold no personal data (Law
// 91/2025/QH15 on personal data protection): Telegram ids are few enough to enumerate, so an unkeyed
// hash would give them back. The key is made at first start and kept in
// the data folder, so a user's pseudonym stays the same across restarts.
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** 32 random bytes from `path`; created (mode 0600) with a new key when missing. */
export function loadLogKey(path: string): Buffer {
  if (existsSync(path)) {
    const key = Buffer.from(readFileSync(path, "utf8").trim(), "base64");
    if (key.length >= 32) return key;
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString("base64")}\n`, { mode: 0o600 });
  return key;
}

/** A short stable pseudonym for logs: HMAC-SHA256 of the id under `key`, 12 hex digits. */
export function pseudonym(key: Buffer, id: number | undefined): string | undefined {
  return id === undefined ? undefined : createHmac("sha256", key).update(String(id)).digest("hex").slice(0, 12);
}
