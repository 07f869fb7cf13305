// `npm run admin`: an administrator appoints a commune officer from a computer.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { communesOfOfficer, redeemInvite } from "../../src/services/membership.js";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api.js";

const ROOT = join(import.meta.dirname, "../..");
const dbPath = join(mkdtempSync(join(tmpdir(), "ocop-admin-")), "ocop.sqlite");
let api: FakeBotApi;
beforeAll(async () => {
  api = await startFakeBotApi({ botUsername: "ocop_test_bot" });
});
afterAll(() => api.stop());

/** Runs the CLI without blocking this process: the fake Bot API it may call lives here. */
function admin(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/admin.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: dbPath, BOT_USERNAME: "", BOT_TOKEN: "", TELEGRAM_API_ROOT: "", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

it("prints a one-time officer link, with the bot's name from getMe or BOT_USERNAME; the link appoints once", async () => {
  const found = await admin(["find-commune", "cai", "nuoc"], {});
  expect(found.stdout).toMatch(/^\d+\tCái Nước – Cà Mau$/m);
  const code = /^(\d+)\tCái Nước/m.exec(found.stdout)![1]!;

  const viaGetMe = await admin(["invite-officer", "--commune", code], { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url });
  expect(viaGetMe.stderr).toBe("");
  expect(viaGetMe.stdout).toContain("Cái Nước – Cà Mau");
  const link = /https:\/\/t\.me\/ocop_test_bot\?start=officer_([A-Za-z0-9_-]+)/.exec(viaGetMe.stdout);
  expect(link).not.toBeNull();

  const named = await admin(["invite-officer", "--commune", code], { BOT_USERNAME: "@tinh_ocop_bot" });
  expect(named.stdout).toMatch(/https:\/\/t\.me\/tinh_ocop_bot\?start=officer_/);

  const db = openDatabase(dbPath);
  expect(redeemInvite(db, "officer", link![1]!, 4242).ok).toBe(true);
  expect(redeemInvite(db, "officer", link![1]!, 4343)).toEqual({ ok: false, reason: "used" });
  expect(communesOfOfficer(db, 4242)).toEqual([code]);
  db.$client.close();

  expect((await admin(["list-officers"], {})).stdout).toContain(`4242\t\t${code}\tCái Nước – Cà Mau`);
  expect((await admin(["revoke-officer", "--user", "4242"], {})).code).toBe(0);
  expect((await admin(["list-officers"], {})).stdout).not.toContain("4242");
  expect((await admin(["invite-officer", "--commune", "99999"], { BOT_USERNAME: "x_bot" })).code).toBe(1);
  expect((await admin(["invite-officer"], { BOT_USERNAME: "x_bot" })).code).toBe(2);
}, 90_000); // nine processes, each loading TypeScript: slow on a busy machine
