// Secrets the product makes itself at first start and keeps in the data folder (mode 0600): the key
// of the log pseudonyms, the web chat's cookie key. Keep them with the database.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** 32 random bytes from `path`; created (mode 0600) with a new key when missing. */
export function loadSecretKey(path: string): Buffer {
  if (existsSync(path)) {
    const key = Buffer.from(readFileSync(path, "utf8").trim(), "base64");
    if (key.length >= 32) return key;
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString("base64")}\n`, { mode: 0o600 });
  return key;
}
