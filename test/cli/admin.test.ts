// `npm run admin`: an administrator appoints a commune officer from a computer.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { communes, organisations } from "../../src/db/schema.js";
import { communesOfOfficer, redeemInvite } from "../../src/services/membership.js";
import { ensureUser, telegramIdentity } from "../../src/services/people.js";
import { type FakeBotApi, startFakeBotApi } from "../helpers/fake-bot-api.js";

const ROOT = join(import.meta.dirname, "../..");
const dbPath = join(mkdtempSync(join(tmpdir(), "ocop-admin-")), "ocop.sqlite");
let api: FakeBotApi;
beforeAll(async () => {
  api = await startFakeBotApi({ botUsername: "ocop_test_bot" });
});
afterAll(() => api.stop());

/** These tests start the CLI several times: on a busy 2-core machine that takes longer than the default limit. */
const SPAWNS_TIMEOUT = 180_000;

/** Runs the CLI without blocking this process: the fake Bot API it may call lives here. */
function admin(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/admin.ts", ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_PATH: dbPath,
      BOT_USERNAME: "",
      BOT_TOKEN: "",
      TELEGRAM_API_ROOT: "",
      PUBLIC_URL: "",
      ...env,
    },
  });
  child.stdin.end(input ?? "");
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

it(
  "prints a one-time officer link, with the bot's name from getMe or BOT_USERNAME; the link appoints once",
  async () => {
    const found = await admin(["find-commune", "cai", "nuoc"], {});
    expect(found.stdout).toMatch(/^\d+\tXã Cái Nước – Cà Mau$/m);
    const code = /^(\d+)\tXã Cái Nước/m.exec(found.stdout)![1]!;

    const viaGetMe = await admin(["invite-officer", "--commune", code], {
      BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.url,
    });
    expect(viaGetMe.stderr).toBe("");
    expect(viaGetMe.stdout).toContain("Xã Cái Nước – Cà Mau");
    const link = /https:\/\/t\.me\/ocop_test_bot\?start=officer_([A-Za-z0-9_-]+)/.exec(viaGetMe.stdout);
    expect(link).not.toBeNull();

    const named = await admin(["invite-officer", "--commune", code], { BOT_USERNAME: "@tinh_ocop_bot" });
    expect(named.stdout).toMatch(/https:\/\/t\.me\/tinh_ocop_bot\?start=officer_/);
    expect(named.stdout).not.toContain("/officer-invite/");
    // With the web chat's address: the web link beside the Telegram one (the same invitation), or alone without a bot.
    const both = await admin(["invite-officer", "--commune", code], {
      BOT_USERNAME: "tinh_ocop_bot",
      PUBLIC_URL: "https://ocop.example.vn/",
    });
    const tg = /t\.me\/tinh_ocop_bot\?start=officer_([A-Za-z0-9_-]+)/.exec(both.stdout)?.[1];
    expect(both.stdout).toContain(`https://ocop.example.vn/officer-invite/${tg}\n`);
    const webOnly = await admin(["invite-officer", "--commune", code], { PUBLIC_URL: "https://ocop.example.vn" });
    expect(webOnly.code).toBe(0);
    expect(webOnly.stdout).toMatch(/^https:\/\/ocop\.example\.vn\/officer-invite\/[A-Za-z0-9_-]+$/m);
    expect(webOnly.stdout).not.toContain("t.me");

    const db = openDatabase(dbPath);
    // The officer's Telegram id is 4242; the database knows them by an internal id.
    const officer = ensureUser(db, telegramIdentity(4242));
    expect(redeemInvite(db, "officer", link![1]!, officer).ok).toBe(true);
    expect(redeemInvite(db, "officer", link![1]!, ensureUser(db, telegramIdentity(4343)))).toEqual({
      ok: false,
      reason: "used",
    });
    expect(communesOfOfficer(db, officer)).toEqual([code]);
    db.$client.close();

    expect((await admin(["list-officers"], {})).stdout).toContain(`4242\t\t${code}\tXã Cái Nước – Cà Mau`);
    expect((await admin(["revoke-officer", "--user", "4242"], {})).code).toBe(0);
    expect((await admin(["list-officers"], {})).stdout).not.toContain("4242");
    expect((await admin(["invite-officer", "--commune", "99999"], { BOT_USERNAME: "x_bot" })).code).toBe(1);
    expect((await admin(["invite-officer"], { BOT_USERNAME: "x_bot" })).code).toBe(2);
  },
  SPAWNS_TIMEOUT,
);

it(
  "keeps the commune list current: export, edit, import shows the differences and applies them only once confirmed",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "ocop-communes-"));
    const exported = join(dir, "all.csv");
    expect((await admin(["communes", "export", exported], {})).stdout).toContain("Đã ghi 3.321 xã, phường, đặc khu");
    const haTinh = readFileSync(exported, "utf8")
      .split("\n")
      .filter((l) => /^\d{5},.*,17,/.test(l));
    expect(haTinh).toHaveLength(69);

    // A household registered in Sơn Kim 2; the new list merges Sơn Kim 2 into Sơn Kim 1 and renames it.
    const db = openDatabase(dbPath);
    db.insert(organisations)
      .values({ ownerId: 77, type: "household", name: "Hộ Trần Văn Bình", communeCode: "03321" })
      .run();
    db.$client.close();
    const removed = join(dir, "ha-tinh-removed.csv");
    writeFileSync(
      removed,
      ["code,name,type,provinceCode,province", ...haTinh.filter((l) => !l.startsWith("03321,"))].join("\n"),
    );
    const refused = await admin(["communes", "import", removed], {});
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("Bỏ 1 đơn vị:\n  − Xã Sơn Kim 2 – Hà Tĩnh (mã 03321)");
    expect(refused.stderr).toContain(
      "• Xã Sơn Kim 2 – Hà Tĩnh (mã 03321): 1 cơ sở (Hộ Trần Văn Bình), 0 hồ sơ, 0 cán bộ",
    );

    const merged = join(dir, "ha-tinh-merged.csv");
    const rows = haTinh
      .filter((l) => !l.startsWith("03321,"))
      .map((l) => (l.startsWith("03215,") ? "03215,Sơn Kim,xã,17,,03321" : `${l},`));
    writeFileSync(merged, ["code,name,type,provinceCode,province,replaces", ...rows].join("\n"));
    const cancelled = await admin(["communes", "import", merged], {}, "k\n");
    expect(cancelled.stdout).toContain("~ Xã Sơn Kim 1 – Hà Tĩnh (mã 03215) → Xã Sơn Kim – Hà Tĩnh (mã 03215)");
    expect(cancelled.stdout).toContain("⇢ Xã Sơn Kim 2 – Hà Tĩnh (mã 03321) → Xã Sơn Kim – Hà Tĩnh (mã 03215)");
    expect(cancelled.stdout).toContain("Áp dụng các thay đổi này?");
    expect(cancelled.stdout).toContain("Đã hủy, không thay đổi gì.");
    const unchanged = openDatabase(dbPath);
    expect(unchanged.select().from(communes).where(eq(communes.code, "03321")).get()).toMatchObject({
      name: "Sơn Kim 2",
      removedAt: null,
    });
    unchanged.$client.close();

    const applied = await admin(["communes", "import", merged], {}, "c\n");
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain("✅ Đã cập nhật danh sách: thêm 0, đổi 1, gộp 1, bỏ 0.");
    const after = openDatabase(dbPath);
    expect(after.select().from(communes).where(eq(communes.code, "03215")).get()!.name).toBe("Sơn Kim");
    expect(after.select().from(communes).where(eq(communes.code, "03321")).get()).toMatchObject({
      mergedInto: "03215",
    });
    expect(after.select().from(organisations).where(eq(organisations.ownerId, 77)).get()!.communeCode).toBe("03215");
    after.$client.close();

    const broken = join(dir, "broken.csv");
    writeFileSync(broken, "code,name,type,provinceCode\n123,A,thôn,17\n");
    const bad = await admin(["communes", "import", broken], {});
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("• Dòng 2: mã “123” không hợp lệ (cần đúng 5 chữ số)");
    expect(bad.stderr).toContain("• Dòng 2: loại “thôn” không hợp lệ");
  },
  SPAWNS_TIMEOUT,
);

it(
  "--help prints the usage; an unknown option prints it too, as a usage error, never a stack trace",
  async () => {
    const help = await admin(["--help"], {});
    expect(help.code).toBe(0);
    expect(help.stderr).toContain("npm run admin -- invite-officer --commune");
    const unknown = await admin(["invite-officer", "--comune", "00476"], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("npm run admin -- invite-officer --commune");
    expect(unknown.stderr).not.toMatch(/at .*\.(js|ts):\d+/);
  },
  SPAWNS_TIMEOUT,
);
